// The credential store against the real Secret Service of scripts/test's D-Bus session.
#include "keychaintesthelpers.h"
#include "tests/testsession.h"

#include <qt6keychain/keychain.h>

#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Care360::CredentialResult::Status)

using namespace Care360;
using namespace KeychainTest;
using Status = CredentialResult::Status;

class TestCredentialStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void keyNameIsTheOriginOnly_data();
    void keyNameIsTheOriginOnly();
    void normalizeKey_data();
    void normalizeKey();
    void classifiesKeychainErrors_data();
    void classifiesKeychainErrors();
    void everyStatusHasItsOwnSentence();
    void answersAreAsynchronous();
    void roundTripIsVisibleToSecretTool();
    void overwriteReplacesTheKey();
    void removeDeletesTheKey();
    void environmentsAreIsolated();
    void roundTripsUnusualKeys_data();
    void roundTripsUnusualKeys();
    void refusesInvalidKeysWithoutTouchingTheKeychain();
    void nothingIsWrittenToDisk();

private:
    QUrl track(const QUrl &url)
    {
        m_used << url;
        return url;
    }
    QList<QUrl> m_used;
};

void TestCredentialStore::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    CredentialStore store;
    const CredentialResult probe = readKey(store, uniqueUrl(QStringLiteral("probe")));
    // Inside scripts/test a working keychain is a requirement, not an option.
    QVERIFY2(probe.status == Status::NotFound, qPrintable(probe.userMessage()));
}

void TestCredentialStore::cleanup()
{
    CredentialStore store;
    for (const QUrl &url : std::exchange(m_used, {}))
        removeKey(store, url);
}

void TestCredentialStore::keyNameIsTheOriginOnly_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("staging") << "https://api-staging.care360-next.carevalidate.com/api/v1"
                             << "cv-api-key@https://api-staging.care360-next.carevalidate.com";
    QTest::newRow("default port, case") << "HTTPS://API.Example.com:443/"
                                        << "cv-api-key@https://api.example.com";
    QTest::newRow("port, query, fragment") << "http://127.0.0.1:8080/x?y=1#z"
                                           << "cv-api-key@http://127.0.0.1:8080";
    QTest::newRow("user info dropped") << "https://user:pw@host.example:8443/p"
                                       << "cv-api-key@https://host.example:8443";
    QTest::newRow("ipv6") << "http://[::1]:9000/"
                          << "cv-api-key@http://[::1]:9000";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("no host") << "file:///etc/passwd"
                             << "";
    QTest::newRow("relative") << "api/v1"
                              << "";
}

void TestCredentialStore::keyNameIsTheOriginOnly()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(CredentialStore::keyName(QUrl(url)), expected);
}

void TestCredentialStore::normalizeKey_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "cv_live_abc123" << true << "cv_live_abc123";
    QTest::newRow("padded") << "  \tcv_live_abc123 \n" << true << "cv_live_abc123";
    QTest::newRow("inner space kept") << "ab cd" << true << "ab cd";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("spaces") << "   \t " << false << "";
    QTest::newRow("newline only") << "\n\r\n" << false << "";
    QTest::newRow("two lines") << "abc\ndef" << false << "";
    QTest::newRow("crlf") << "abc\r\ndef" << false << "";
    QTest::newRow("line separator") << QStringLiteral("abc\u2028def") << false << "";
}

void TestCredentialStore::normalizeKey()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QString> key = CredentialStore::normalizeKey(input, &error);
    QCOMPARE(key.has_value(), accepted);
    if (accepted) {
        QCOMPARE(*key, expected);
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY(error.endsWith(QLatin1Char('.')));
    }
}

void TestCredentialStore::classifiesKeychainErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Status>("expected");
    QTest::newRow("ok") << int(QKeychain::NoError) << "" << Status::Ok;
    QTest::newRow("missing") << int(QKeychain::EntryNotFound) << "Entry not found"
                             << Status::NotFound;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << "" << Status::NoBackend;
    QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << "" << Status::NoBackend;
    QTest::newRow("no service file")
        << int(QKeychain::OtherError)
        << "The name org.freedesktop.secrets was not provided by any .service files"
        << Status::NoBackend;
    QTest::newRow("no bus") << int(QKeychain::OtherError)
                            << "Cannot autolaunch D-Bus without X11 $DISPLAY" << Status::NoBackend;
    QTest::newRow("locked") << int(QKeychain::AccessDenied)
                            << "Cannot create an item in a locked collection" << Status::Locked;
    QTest::newRow("denied") << int(QKeychain::AccessDenied) << "Access denied"
                            << Status::AccessDenied;
    QTest::newRow("denied by user")
        << int(QKeychain::AccessDeniedByUser) << "" << Status::AccessDenied;
    QTest::newRow("other") << int(QKeychain::OtherError) << "Something odd" << Status::OtherError;
    QTest::newRow("delete failed")
        << int(QKeychain::CouldNotDeleteEntry) << "busy" << Status::OtherError;
}

void TestCredentialStore::classifiesKeychainErrors()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(Status, expected);
    QCOMPARE(CredentialResult::classify(error, text), expected);
}

void TestCredentialStore::everyStatusHasItsOwnSentence()
{
    QSet<QString> sentences;
    for (Status status : { Status::Ok, Status::NotFound, Status::NoBackend, Status::AccessDenied,
                           Status::Locked, Status::OtherError }) {
        CredentialResult result;
        result.status = status;
        result.detail = QStringLiteral("backend says xyzzy");
        sentences.insert(result.userMessage());
    }
    QCOMPARE(sentences.size(), 6);
    CredentialResult result;
    result.status = Status::OtherError;
    result.detail = QStringLiteral("backend says xyzzy");
    QVERIFY(result.userMessage().contains(result.detail));
    result.status = Status::NoBackend;
    QVERIFY(result.userMessage().contains(QLatin1String("GNOME Keyring")));
    result.status = Status::Locked;
    QVERIFY(result.userMessage().contains(QLatin1String("Unlock")));
    result.status = Status::NotFound;
    QVERIFY(result.userMessage().contains(QLatin1String("No API key is saved")));
    // D-Bus jargon becomes words; its error name never reaches the agent.
    result.status = Status::NoBackend;
    result.detail =
        QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown: The name "
                       "org.freedesktop.secrets was not provided by any .service files");
    QVERIFY2(result.userMessage().contains(QLatin1String("the keychain service is not running")),
             qPrintable(result.userMessage()));
    QVERIFY(!result.userMessage().contains(QLatin1String("org.freedesktop")));
    result.status = Status::OtherError;
    result.detail = QStringLiteral("org.gnome.keyring.Error.Denied: collection refused");
    QVERIFY2(result.userMessage().contains(QLatin1String(": collection refused.")),
             qPrintable(result.userMessage()));
    QVERIFY(CredentialResult::notRememberedMessage(QStringLiteral("why"))
                .startsWith(QLatin1String("Your key will not be remembered: no keychain is "
                                          "available (why).")));
}

void TestCredentialStore::answersAreAsynchronous()
{
    CredentialStore store;
    QSignalSpy spy(&store, &CredentialStore::readFinished);
    store.read(CredentialStore::keyName(QUrl(QStringLiteral("not a url")))); // no entry
    QCOMPARE(spy.size(), 0); // callers may connect after calling
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.at(0).at(1).value<CredentialResult>().status, Status::OtherError);
}

void TestCredentialStore::roundTripIsVisibleToSecretTool()
{
    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("roundtrip")));
    QCOMPARE(readKey(store, url).status, Status::NotFound);
    const CredentialResult written = writeKey(store, url, QStringLiteral("  cv-roundtrip-1  "));
    QVERIFY2(written.isSuccess(), qPrintable(written.userMessage()));
    QVERIFY(!written.inMemoryOnly);
    QVERIFY(!store.keychainUnavailable());
    QVERIFY(!store.memoryKey(CredentialStore::keyName(url)));

    CredentialStore fresh; // nothing cached in the object: the keychain answers
    const CredentialResult read = readKey(fresh, url);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.key, QStringLiteral("cv-roundtrip-1"));
    QVERIFY(!read.inMemoryOnly);

    const QString search = secretToolSearch();
    QVERIFY2(search.contains(QLatin1String("attribute.user = ") + CredentialStore::keyName(url)),
             qPrintable(search));
    QVERIFY(search.contains(QLatin1String("attribute.server = com.care360.EscalationsConsole")));
}

void TestCredentialStore::overwriteReplacesTheKey()
{
    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("overwrite")));
    QVERIFY(writeKey(store, url, QStringLiteral("first-key")).isSuccess());
    QVERIFY(writeKey(store, url, QStringLiteral("second-key")).isSuccess());
    QCOMPARE(readKey(store, url).key, QStringLiteral("second-key"));
    QCOMPARE(secretToolSearch().count(CredentialStore::keyName(url)), 1);
}

void TestCredentialStore::removeDeletesTheKey()
{
    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("remove")));
    QVERIFY(writeKey(store, url, QStringLiteral("doomed-key")).isSuccess());
    const CredentialResult removed = removeKey(store, url);
    QCOMPARE(removed.status, Status::Ok);
    QCOMPARE(readKey(store, url).status, Status::NotFound);
    QVERIFY(!secretToolSearch().contains(CredentialStore::keyName(url)));
    const CredentialResult again = removeKey(store, url);
    QVERIFY(again.status == Status::Ok || again.status == Status::NotFound);
}

void TestCredentialStore::environmentsAreIsolated()
{
    CredentialStore store;
    const QUrl staging = track(uniqueUrl(QStringLiteral("staging")));
    const QUrl production = track(uniqueUrl(QStringLiteral("production")));
    QUrl otherPort = staging;
    otherPort.setPort(8443);
    track(otherPort);
    QUrl samePlaceOtherPath = staging;
    samePlaceOtherPath.setPath(QStringLiteral("/elsewhere"));

    QVERIFY(writeKey(store, staging, QStringLiteral("staging-key")).isSuccess());
    QVERIFY(writeKey(store, production, QStringLiteral("production-key")).isSuccess());
    QCOMPARE(readKey(store, staging).key, QStringLiteral("staging-key"));
    QCOMPARE(readKey(store, production).key, QStringLiteral("production-key"));
    QCOMPARE(readKey(store, otherPort).status, Status::NotFound);
    QCOMPARE(readKey(store, samePlaceOtherPath).key, QStringLiteral("staging-key"));

    QCOMPARE(removeKey(store, staging).status, Status::Ok);
    QCOMPARE(readKey(store, staging).status, Status::NotFound);
    QCOMPARE(readKey(store, production).key, QStringLiteral("production-key"));
}

void TestCredentialStore::roundTripsUnusualKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("unicode") << QStringLiteral("ключ-密钥-🔑-é\u0301");
    QString longKey;
    for (int i = 0; longKey.size() < 4096; ++i)
        longKey += QString::number(i * 7919, 36);
    QTest::newRow("4 KiB") << longKey.left(4096);
    QTest::newRow("punctuation") << QStringLiteral("a\"b'c\\d$e`f;g|h&i<j>k%l");
}

void TestCredentialStore::roundTripsUnusualKeys()
{
    QFETCH(QString, key);
    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("unusual")));
    QVERIFY(writeKey(store, url, key).isSuccess());
    CredentialStore fresh;
    const CredentialResult read = readKey(fresh, url);
    QCOMPARE(read.status, Status::Ok);
    QCOMPARE(read.key.size(), key.size());
    QCOMPARE(read.key, key);
}

void TestCredentialStore::refusesInvalidKeysWithoutTouchingTheKeychain()
{
    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("invalid")));
    for (const QString &bad : { QStringLiteral(" \t "), QStringLiteral("two\nlines") }) {
        const CredentialResult result = writeKey(store, url, bad);
        QCOMPARE(result.status, Status::OtherError);
        QVERIFY(!result.inMemoryOnly);
    }
    QVERIFY(!store.memoryKey(CredentialStore::keyName(url)));
    QCOMPARE(readKey(store, url).status, Status::NotFound);
    QVERIFY(!secretToolSearch().contains(CredentialStore::keyName(url)));
}

void TestCredentialStore::nothingIsWrittenToDisk()
{
    const QByteArray key =
        "cv-plaintext-canary-" + QByteArray::number(QRandomGenerator::global()->generate64());
    // The scan itself must be able to find the key, or finding nothing proves nothing.
    QTemporaryDir control;
    QFile planted(control.filePath(QStringLiteral("planted")));
    QVERIFY(planted.open(QIODevice::WriteOnly) && planted.write("x" + key + "y") > 0);
    planted.close();
    int scanned = 0;
    QCOMPARE(filesContaining({ control.path() }, key, &scanned).size(), 1);

    CredentialStore store;
    const QUrl url = track(uniqueUrl(QStringLiteral("disk")));
    QVERIFY(writeKey(store, url, QString::fromLatin1(key)).isSuccess());
    QCOMPARE(readKey(store, url).key, QString::fromLatin1(key));

    const QStringList roots = homeAndXdgRoots(QProcessEnvironment::systemEnvironment());
    QVERIFY(!roots.isEmpty());
    for (const QByteArray &form :
         { key, key.toBase64(), QString::fromLatin1(key).toUtf8().toHex() }) {
        const QStringList hits = filesContaining(roots, form, &scanned);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    }
    QVERIFY2(scanned > 0, "no file under HOME/XDG: the keyring file should be there");
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
