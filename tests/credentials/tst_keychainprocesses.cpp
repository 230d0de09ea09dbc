// The store and the CLI's `key` command in processes of their own: inside scripts/test's
// keychain, in a D-Bus session without any secrets service, and against a locked keyring.
#include "keychaintesthelpers.h"
#include "tests/testsession.h"

#include "app/credentials/keycommand.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;
using namespace KeychainTest;
using Status = CredentialResult::Status;

namespace {
const QString kProbe = QStringLiteral(CARE360_BIN_DIR "/credentialprobe");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("<timed out>");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err += QString::fromUtf8(process.readAllStandardError());
    return result;
}

// A fresh HOME and runtime directory, no display (so no unlock prompt can appear).
QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QDir(home).mkpath(QStringLiteral("run"));
    QFile::setPermissions(home + QStringLiteral("/run"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         { "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_DATA_HOME",
           "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" })
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
    return env;
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

class TestKeychainProcesses : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keySetReadsStdinAndNeverPrintsTheKey();
    void keySetRejectsInvalidInput();
    void keyCommandRejectsBadUsage();
    void withoutSecretsServiceTheKeyStaysInMemory();
    void lockedKeyringIsReported();
};

void TestKeychainProcesses::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY2(QFile::exists(kProbe), qPrintable(kProbe));
    for (const char *tool : { "dbus-run-session", "gnome-keyring-daemon", "secret-tool" })
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(), tool);
}

void TestKeychainProcesses::keySetReadsStdinAndNeverPrintsTheKey()
{
    const QUrl url = uniqueUrl(QStringLiteral("cli"));
    const QString key = QStringLiteral("cv-cli-key-Ωmega-12345");
    const QString urlText = url.toString();

    Run set = run(kProbe, { QStringLiteral("key"), QStringLiteral("set"), urlText },
                  "  " + key.toUtf8() + "  \n");
    QVERIFY2(set.exitCode == Exit::Success, qPrintable(set.err));
    QVERIFY(set.out.contains(QLatin1String("saved in the system keychain")));
    QVERIFY(!set.out.contains(key) && !set.err.contains(key));

    QString error;
    QCOMPARE(loadKeyBlocking(address(url), &error).value_or(QString()),
             key); // trimmed, from the keychain

    Run status = run(kProbe, { QStringLiteral("key"), QStringLiteral("status"), urlText });
    QCOMPARE(status.exitCode, int(Exit::Success));
    QVERIFY2(status.out.startsWith(QLatin1String("stored:")), qPrintable(status.out));
    QVERIFY(!status.out.contains(key) && !status.err.contains(key));

    Run forget = run(kProbe, { QStringLiteral("key"), QStringLiteral("forget"), urlText });
    QCOMPARE(forget.exitCode, int(Exit::Success));
    QVERIFY(!loadKeyBlocking(address(url), &error));
    QVERIFY(error.contains(QLatin1String("No API key is saved")));

    // In-process too, as the CLI helper calls it.
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(runKeyCommand(QStringLiteral("status"), address(url), out, err), int(Exit::Success));
    QVERIFY2(outText.startsWith(QLatin1String("not stored:")), qPrintable(outText));
}

void TestKeychainProcesses::keySetRejectsInvalidInput()
{
    const QUrl url = uniqueUrl(QStringLiteral("cli-invalid"));
    for (const QByteArray &input : { QByteArray("   \n"), QByteArray(), QByteArray("\n") }) {
        Run set =
            run(kProbe, { QStringLiteral("key"), QStringLiteral("set"), url.toString() }, input);
        QCOMPARE(set.exitCode, int(Exit::Usage));
        QVERIFY(!set.err.trimmed().isEmpty());
    }
    QCOMPARE(readKeyBlocking(address(url)).status, Status::NotFound);
}

void TestKeychainProcesses::keyCommandRejectsBadUsage()
{
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    const QUrl url = uniqueUrl(QStringLiteral("usage"));
    QCOMPARE(runKeyCommand(QStringLiteral("show"), address(url), out, err), int(Exit::Usage));
    QCOMPARE(
        runKeyCommand(QStringLiteral("status"), address(QUrl(QStringLiteral("no url"))), out, err),
        int(Exit::Usage));
    QVERIFY(outText.isEmpty());
    QCOMPARE(errText.count(QLatin1Char('\n')), 2);
}

void TestKeychainProcesses::withoutSecretsServiceTheKeyStaysInMemory()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    // A session bus that can activate nothing: org.freedesktop.secrets does not exist.
    const QString config = home.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
    file.close();
    const QProcessEnvironment env = isolatedEnvironment(home.path());
    const QString url = QStringLiteral("https://api-staging.care360-next.carevalidate.com/api/v1");
    const QByteArray key = "cv-no-keychain-canary-8d1f0c";
    const QStringList session { QStringLiteral("--config-file=") + config, QStringLiteral("--") };

    Run write =
        run(QStringLiteral("dbus-run-session"),
            session + QStringList { kProbe, QStringLiteral("write"), url }, key + "\n", env);
    QVERIFY2(write.exitCode == 0, qPrintable(write.err));
    const QJsonObject result = json(write.out);
    const QJsonObject written = result.value(QLatin1String("write")).toObject();
    QCOMPARE(written.value(QLatin1String("status")).toString(), QStringLiteral("NoBackend"));
    QVERIFY(written.value(QLatin1String("inMemoryOnly")).toBool());
    QVERIFY2(written.value(QLatin1String("detail"))
                 .toString()
                 .contains(QLatin1String("org.freedesktop.secrets")),
             qPrintable(write.out));
    const QJsonObject read = result.value(QLatin1String("read")).toObject();
    QCOMPARE(read.value(QLatin1String("status")).toString(), QStringLiteral("Ok"));
    QVERIFY(read.value(QLatin1String("inMemoryOnly")).toBool());
    QVERIFY(result.value(QLatin1String("readKeyMatches")).toBool());
    QVERIFY(result.value(QLatin1String("memoryKeyMatches")).toBool());
    QVERIFY(result.value(QLatin1String("keychainUnavailable")).toBool());
    QVERIFY(result.value(QLatin1String("unavailableMessage"))
                .toString()
                .startsWith(QLatin1String("Your key will not be remembered: no keychain is "
                                          "available (")));
    QVERIFY(!write.out.contains(QString::fromLatin1(key))
            && !write.err.contains(QString::fromLatin1(key)));

    // The CLI cannot keep a key in memory for later: it fails with the sentence.
    Run set =
        run(QStringLiteral("dbus-run-session"),
            session + QStringList { kProbe, QStringLiteral("key"), QStringLiteral("set"), url },
            key + "\n", env);
    QCOMPARE(set.exitCode, int(Exit::KeychainError));
    QVERIFY2(set.err.contains(QLatin1String("No keychain is available")), qPrintable(set.err));

    int scanned = 0;
    const QStringList hits = filesContaining({ home.path() }, key, &scanned);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
    QVERIFY(scanned > 0); // at least bus.conf was read
}

void TestKeychainProcesses::lockedKeyringIsReported()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QProcessEnvironment env = isolatedEnvironment(home.path());
    const QString before = QStringLiteral("https://locked-before.example.invalid");
    const QString after = QStringLiteral("https://locked-after.example.invalid");
    // A keyring of its own, so locking it cannot disturb the suite's keychain.
    const QString script =
        QStringLiteral(
            "printf locked-test-pw | gnome-keyring-daemon --unlock --components=secrets "
            ">/dev/null\n"
            "printf 'cv-before-lock\\n' | \"$PROBE\" write %1 > \"$OUT/before.json\"\n"
            "secret-tool lock --collection=login 2>/dev/null\n" // segfaults on exit (0.20.5), locks
            "printf 'cv-after-lock\\n' | \"$PROBE\" write %2 > \"$OUT/after.json\"\n"
            "\"$PROBE\" read %1 > \"$OUT/read.json\"\n"
            "\"$PROBE\" key forget %1 2> \"$OUT/forget.err\"; echo $? > \"$OUT/forget.rc\"\n"
            "\"$PROBE\" read %1 > \"$OUT/read-again.json\"\n")
            .arg(before, after);
    QProcessEnvironment scriptEnv = env;
    scriptEnv.insert(QStringLiteral("PROBE"), kProbe);
    scriptEnv.insert(QStringLiteral("OUT"), home.path());
    Run session = run(QStringLiteral("dbus-run-session"),
                      { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script },
                      {}, scriptEnv);
    QVERIFY2(session.exitCode == 0, qPrintable(session.err));
    auto readFile = [&](const QString &name) {
        QFile f(home.filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    auto status = [&](const QString &name) {
        const QJsonObject object = json(readFile(name));
        const QJsonObject inner = object.contains(QLatin1String("write"))
            ? object.value(QLatin1String("write")).toObject()
            : object;
        return inner.value(QLatin1String("status")).toString();
    };
    QVERIFY2(status(QStringLiteral("before.json")) == QLatin1String("Ok"), qPrintable(session.err));
    QCOMPARE(status(QStringLiteral("after.json")), QStringLiteral("Locked"));
    QCOMPARE(status(QStringLiteral("read.json")), QStringLiteral("Locked"));
    QCOMPARE(readFile(QStringLiteral("forget.rc")).trimmed(), QStringLiteral("5"));
    QVERIFY(readFile(QStringLiteral("forget.err")).contains(QLatin1String("Unlock your keyring")));
    QCOMPARE(status(QStringLiteral("read-again.json")), QStringLiteral("Locked"));
    QVERIFY(json(readFile(QStringLiteral("after.json")))
                .value(QLatin1String("write"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("Unlock your keyring")));
}

QTEST_GUILESS_MAIN(TestKeychainProcesses)
#include "tst_keychainprocesses.moc"
