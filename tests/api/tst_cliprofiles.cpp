// care360-escalations-cli's organisation profiles as a script uses them: the real CLI process,
// the real Secret Service of scripts/test, and a sandbox holding two organisations (the demo's
// Acme and Globex) on one address. The spellings tested here are the ones scripts depend on.
#include "clitestsupport.h"
#include "tests/testsession.h"

#include "app/credentials/credentialstore.h"
#include "app/credentials/profilekeys.h"
#include "app/session/profilestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

class TestCliProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void twoOrganisationsOnOneAddressEachReachTheirOwnCases();
    void listAsJsonHasTheDocumentedFields();
    void namesAreUniqueAndRenameKeepsTheKey();
    void removeNeedsYesAndDeletesOnlyItsOwnEntry();
    void anAddressKeyFromBeforeProfilesMovesOnFirstUse();

private:
    CliRun cli(const QStringList &args, const QByteArray &input = QByteArray())
    {
        return m_cli.run(args, QString(), input); // never CARE360_API_KEY: the keychain's
    }
    CliRun addOnSandbox(const QString &name)
    {
        return cli({ QStringLiteral("profile"), QStringLiteral("add"), name,
                     QStringLiteral("--env"), QStringLiteral("custom"),
                     QStringLiteral("--base-url"), m_cli.server.baseUrl().toString() });
    }
    CliRun listCase(const QString &profile, const QString &caseId)
    {
        QStringList args { QStringLiteral("list"), QStringLiteral("--case"), caseId };
        if (!profile.isEmpty())
            args << QStringLiteral("--profile") << profile;
        return cli(args);
    }
    // The raw keychain entry, as any other program on the desktop reads it.
    CredentialResult entry(const QString &name)
    {
        QSignalSpy spy(&m_store, &CredentialStore::readFinished);
        m_store.read(name);
        return spy.wait(10000) ? spy.at(0).at(1).value<CredentialResult>() : CredentialResult();
    }
    QString idOf(const QString &name) { return ProfileStore().find(name).value_or(Profile()).id; }

    CliFixture m_cli;
    CredentialStore m_store;
};

void TestCliProfiles::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY(m_cli.listen());
    m_cli.useKeychain = true;
    // This process reads the CLI's settings (ProfileStore) as the console would.
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_cli.configHome()));
}

void TestCliProfiles::init()
{
    m_cli.reset();
    m_cli.extraEnvironment.clear();
}

void TestCliProfiles::twoOrganisationsOnOneAddressEachReachTheirOwnCases()
{
    QCOMPARE(addOnSandbox(QStringLiteral("Acme Health")).exitCode, 0);
    QCOMPARE(addOnSandbox(QStringLiteral("Globex Care")).exitCode, 0);
    const QString setKey = QStringLiteral("key");
    // Each key entered once, from standard input; names in any case.
    CliRun set = cli({ setKey, QStringLiteral("set"), QStringLiteral("--profile"),
                       QStringLiteral("acme health") },
                     Demo::acmeApiKey.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, set.err.constData());
    set = cli({ setKey, QStringLiteral("set"), QStringLiteral("--profile"),
                QStringLiteral("Globex Care") },
              Demo::globexApiKey.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, set.err.constData());

    // The keychain: one entry per profile id, each with its own organisation's key.
    QCOMPARE(entry(ProfileKeys::entryName(idOf(QStringLiteral("Acme Health")))).key,
             Demo::acmeApiKey);
    QCOMPARE(entry(ProfileKeys::entryName(idOf(QStringLiteral("Globex Care")))).key,
             Demo::globexApiKey);

    QCOMPARE(listCase(QStringLiteral("Acme Health"), Demo::acmeCaseId).exitCode, 0);
    QCOMPARE(listCase(QStringLiteral("Globex Care"), Demo::globexCaseId).exitCode, 0);
    // Acme's key never reaches Globex's case: permission denied (exit code 5).
    const CliRun other = listCase(QStringLiteral("Acme Health"), Demo::globexCaseId);
    QCOMPARE(other.exitCode, 5);
    // By id, and by CARE360_PROFILE.
    QCOMPARE(listCase(idOf(QStringLiteral("Globex Care")), Demo::globexCaseId).exitCode, 0);
    m_cli.extraEnvironment.insert(QStringLiteral("CARE360_PROFILE"), QStringLiteral("Globex Care"));
    QCOMPARE(listCase(QString(), Demo::globexCaseId).exitCode, 0);
    m_cli.extraEnvironment.clear();

    // Several and none named: refused with a sentence that lists them.
    const CliRun none = listCase(QString(), Demo::acmeCaseId);
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(QString::fromUtf8(none.err).trimmed(),
             QStringLiteral("Several organisation profiles exist (\"Acme Health\", \"Globex "
                            "Care\"): name one with --profile NAME or CARE360_PROFILE."));
    const CliRun unknown = listCase(QStringLiteral("Initech"), Demo::acmeCaseId);
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("No organisation profile is called \"Initech\". The profiles "
                                  "are: \"Acme Health\", \"Globex Care\"."),
             unknown.err.constData());
    QCOMPARE(m_cli.server.receivedRequests().size(), 5); // the refused runs sent nothing

    // due names the organisation a follow-up belongs to, as the console's Follow-ups view does.
    const CliRun due = cli({ QStringLiteral("due"), QStringLiteral("--profile"),
                             QStringLiteral("Globex Care") });
    QVERIFY2(due.exitCode == 0 && due.out.contains("Globex Care — Custom"), due.out.constData());
    QVERIFY2(!due.out.contains("Acme Health") && !due.out.contains("profile:"),
             due.out.constData());
}

void TestCliProfiles::listAsJsonHasTheDocumentedFields()
{
    QCOMPARE(addOnSandbox(QStringLiteral("Acme Health")).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Beta"),
                   QStringLiteral("--env"), QStringLiteral("staging") })
                 .exitCode,
             0);
    QCOMPARE(cli({ QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--profile"),
                   QStringLiteral("Beta") },
                 "beta-key\n")
                 .exitCode,
             0);
    const CliRun listed = cli({ QStringLiteral("profile"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(listed.out).array();
    QCOMPARE(array.size(), 2);
    const QJsonObject acme = array.at(0).toObject();
    QCOMPARE(acme.keys(), (QStringList { "baseUrl", "environment", "hasKey", "id", "name" }));
    QCOMPARE(acme.value(QLatin1String("name")).toString(), QStringLiteral("Acme Health"));
    QCOMPARE(acme.value(QLatin1String("environment")).toString(), QStringLiteral("custom"));
    QCOMPARE(acme.value(QLatin1String("baseUrl")).toString(), m_cli.server.baseUrl().toString());
    QCOMPARE(acme.value(QLatin1String("hasKey")).toBool(), false);
    QCOMPARE(acme.value(QLatin1String("id")).toString(), idOf(QStringLiteral("Acme Health")));
    const QJsonObject beta = array.at(1).toObject();
    QCOMPARE(beta.value(QLatin1String("environment")).toString(), QStringLiteral("staging"));
    QCOMPARE(beta.value(QLatin1String("baseUrl")).toString(),
             Environment::staging().baseUrl.toString());
    QCOMPARE(beta.value(QLatin1String("hasKey")).toBool(), true);
    // The table names the same facts for a person.
    const CliRun table = cli({ QStringLiteral("profile"), QStringLiteral("list") });
    QVERIFY(table.out.startsWith("NAME"));
    QVERIFY(table.out.contains("Beta  ") && table.out.contains("stored"));
}

void TestCliProfiles::namesAreUniqueAndRenameKeepsTheKey()
{
    QCOMPARE(addOnSandbox(QStringLiteral("Acme Health")).exitCode, 0);
    const CliRun twice = addOnSandbox(QStringLiteral("ACME health"));
    QCOMPARE(twice.exitCode, 2);
    QCOMPARE(QString::fromUtf8(twice.err).trimmed(),
             QStringLiteral("There is already an organisation called \"Acme Health\". Choose "
                            "another name."));
    QCOMPARE(cli({ QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--profile"),
                   QStringLiteral("Acme Health") },
                 Demo::acmeApiKey.toUtf8() + '\n')
                 .exitCode,
             0);
    const QString id = idOf(QStringLiteral("Acme Health"));
    QCOMPARE(cli({ QStringLiteral("profile"), QStringLiteral("rename"),
                   QStringLiteral("acme health"), QStringLiteral("Acme Pharmacy") })
                 .exitCode,
             0);
    QCOMPARE(idOf(QStringLiteral("Acme Pharmacy")), id);
    // One profile: it is used without being named, with its key from before the rename.
    QCOMPARE(listCase(QString(), Demo::acmeCaseId).exitCode, 0);
}

void TestCliProfiles::removeNeedsYesAndDeletesOnlyItsOwnEntry()
{
    QCOMPARE(addOnSandbox(QStringLiteral("Acme Health")).exitCode, 0);
    QCOMPARE(addOnSandbox(QStringLiteral("Globex Care")).exitCode, 0);
    for (const auto &[name, key] :
         { std::pair { QStringLiteral("Acme Health"), Demo::acmeApiKey },
           std::pair { QStringLiteral("Globex Care"), Demo::globexApiKey } })
        QCOMPARE(
            cli({ QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--profile"), name },
                key.toUtf8() + '\n')
                .exitCode,
            0);
    const QString acme = idOf(QStringLiteral("Acme Health"));
    const QString globex = idOf(QStringLiteral("Globex Care"));
    // Not a terminal and no --yes: nothing happens.
    const CliRun asked =
        cli({ QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("Acme Health") });
    QCOMPARE(asked.exitCode, 2);
    QVERIFY2(asked.err.contains("Confirm with --yes."), asked.err.constData());
    QCOMPARE(entry(ProfileKeys::entryName(acme)).key, Demo::acmeApiKey);
    QCOMPARE(cli({ QStringLiteral("profile"), QStringLiteral("remove"),
                   QStringLiteral("Acme Health"), QStringLiteral("--yes") })
                 .exitCode,
             0);
    QCOMPARE(entry(ProfileKeys::entryName(acme)).status, CredentialResult::Status::NotFound);
    QCOMPARE(entry(ProfileKeys::entryName(globex)).key, Demo::globexApiKey);
    QVERIFY(!ProfileStore().find(acme));
}

void TestCliProfiles::anAddressKeyFromBeforeProfilesMovesOnFirstUse()
{
    // What "key set --env custom --base-url URL" stored before profiles.
    const QString oldEntry = CredentialStore::keyName(m_cli.server.baseUrl());
    QSignalSpy written(&m_store, &CredentialStore::writeFinished);
    m_store.write(oldEntry, Demo::acmeApiKey);
    QVERIFY(written.wait(10000));
    const QStringList address { QStringLiteral("--env"), QStringLiteral("custom"),
                                QStringLiteral("--base-url"), m_cli.server.baseUrl().toString() };
    const CliRun listed =
        cli(address
            + QStringList { QStringLiteral("list"), QStringLiteral("--case"), Demo::acmeCaseId });
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    // No key asked for again: it moved to the profile made for the address.
    const QList<Profile> profiles = ProfileStore().profiles();
    QCOMPARE(profiles.size(), 1);
    QVERIFY(profiles.constFirst().fromAddress);
    QCOMPARE(entry(ProfileKeys::entryName(profiles.constFirst().id)).key, Demo::acmeApiKey);
    QCOMPARE(entry(oldEntry).status, CredentialResult::Status::NotFound);
    // And the same options keep meaning that profile.
    QCOMPARE(cli(address + QStringList { QStringLiteral("key"), QStringLiteral("status") })
                 .out.trimmed(),
             QStringLiteral("stored: an API key for %1 is saved in the system keychain.")
                 .arg(QStringLiteral("127.0.0.1 — Custom (http://127.0.0.1:%1)")
                          .arg(m_cli.server.baseUrl().port()))
                 .toUtf8());
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cliprofiles.moc"
