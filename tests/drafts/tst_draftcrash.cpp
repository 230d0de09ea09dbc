// A console killed with SIGKILL loses nothing: a real process (draftprobe: CaseWorkspace without
// a window) edits against a sandbox over loopback, is killed, starts again and shows exactly
// those drafts; sending them changes the sandbox. The journal's key is in the real keychain.
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "tests/credentials/keychaintesthelpers.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;

namespace {
const QString kFirstNote = QStringLiteral("Patient QUOKKA-5521 asked for a call back");
const QString kSecondNote = QStringLiteral("Daughter WOMBAT-8830 holds power of attorney");

// One probe process and the lines it printed.
class Probe {
public:
    Probe(const QString &home, const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcessEnvironment env = environment;
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(CARE360_BIN_DIR "/draftprobe"), arguments);
    }
    ~Probe()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The first unread line starting with prefix; lines before it are kept in seen().
    QString waitFor(const QString &prefix)
    {
        const bool found = QTest::qWaitFor(
            [&] {
                while (m_process.canReadLine())
                    m_lines << QString::fromUtf8(m_process.readLine()).trimmed();
                for (; m_next < m_lines.size(); ++m_next) {
                    if (m_lines.at(m_next).startsWith(prefix))
                        return true;
                }
                return m_process.state() == QProcess::NotRunning;
            },
            20000);
        return found && m_next < m_lines.size() ? m_lines.at(m_next++) : QString();
    }
    void send(const QString &line) { m_process.write((line + QLatin1Char('\n')).toUtf8()); }
    void killHard()
    {
        m_process.kill(); // SIGKILL on Unix: no destructor, no flush, no goodbye
        m_process.waitForFinished(5000);
    }
    QStringList seen() const { return m_lines; }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

private:
    QProcess m_process;
    QStringList m_lines;
    int m_next = 0;
};

QStringList draftLines(const QStringList &lines)
{
    QStringList drafts;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("draft ")))
            drafts << line;
    }
    return drafts;
}
} // namespace

class TestDraftCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedConsoleRestoresExactlyItsDrafts();
    void tamperedJournalIsRefusedWithTheSentence();
    void withoutAKeychainNothingReachesTheDisk();

private:
    // Edits two notes, waits for the journal, and kills the probe; returns the edited IDs.
    QStringList editAndKill(const QString &home);
    QStringList probeArguments() const;
    void expectNoClearText(const QString &home);

    Sandbox::SandboxServer m_server;
    CredentialStore m_store;
};

void TestDraftCrash::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY(m_server.listen() != 0);
    QVERIFY(KeychainTest::writeKey(m_store, m_server.baseUrl(), Demo::acmeApiKey).isSuccess());
}

void TestDraftCrash::cleanupTestCase()
{
    KeychainTest::removeKey(m_store, m_server.baseUrl());
}

QStringList TestDraftCrash::probeArguments() const
{
    return { QStringLiteral("--base-url"), m_server.baseUrl().toString(), QStringLiteral("--case"),
             Demo::acmeCaseId };
}

void TestDraftCrash::expectNoClearText(const QString &home)
{
    QStringList roots = KeychainTest::homeAndXdgRoots(QProcessEnvironment::systemEnvironment());
    roots << home;
    for (const QString &note : { kFirstNote, kSecondNote }) {
        const QByteArray utf8 = note.toUtf8();
        for (const QByteArray &needle : { utf8, utf8.toBase64(), utf8.toHex(), utf8.left(14) }) {
            int scanned = 0;
            QCOMPARE(KeychainTest::filesContaining(roots, needle, &scanned), QStringList());
            QVERIFY(scanned > 0);
        }
    }
}

QStringList TestDraftCrash::editAndKill(const QString &home)
{
    const QList<Escalation> rows = m_server.store().activeEscalations(Demo::acmeCaseId);
    const QStringList ids { rows.at(0).id, rows.at(2).id };
    // Each home is a first start: its console moves the address's key into a profile of its
    // own (and deletes the old entry), so every home gets the key saved as before profiles.
    if (!KeychainTest::writeKey(m_store, m_server.baseUrl(), Demo::acmeApiKey).isSuccess())
        return {};
    Probe probe(home, probeArguments(), QProcessEnvironment::systemEnvironment());
    if (probe.waitFor(QStringLiteral("ready")) != QLatin1String("ready pending=0 rows=6"))
        return {};
    probe.send(QStringLiteral("note %1 %2").arg(ids.at(0), kFirstNote));
    probe.waitFor(QStringLiteral("edited"));
    probe.send(QStringLiteral("note %1 %2").arg(ids.at(1), kSecondNote));
    probe.waitFor(QStringLiteral("edited"));
    // Both edits are in the journal once a write follows the second one.
    if (probe.waitFor(QStringLiteral("written")).isEmpty())
        return {};
    probe.send(QStringLiteral("flush"));
    probe.waitFor(QStringLiteral("flushed"));
    probe.killHard();
    if (probe.exitStatus() != QProcess::CrashExit)
        return {};
    return ids;
}

void TestDraftCrash::killedConsoleRestoresExactlyItsDrafts()
{
    m_server.store().loadDemo();
    QTemporaryDir home;
    const QStringList ids = editAndKill(home.path());
    QCOMPARE(ids.size(), 2);
    expectNoClearText(home.path());
    // The sandbox never heard of the edits.
    QVERIFY(m_server.store().escalation(Demo::acmeCaseId, ids.at(0))->note != kFirstNote);

    Probe again(home.path(), probeArguments(), QProcessEnvironment::systemEnvironment());
    QCOMPARE(again.waitFor(QStringLiteral("ready")), QStringLiteral("ready pending=2 rows=6"));
    QCOMPARE(draftLines(again.seen()),
             QStringList({ QStringLiteral("draft %1 note=%2").arg(ids.at(0), kFirstNote),
                           QStringLiteral("draft %1 note=%2").arg(ids.at(1), kSecondNote) }));
    expectNoClearText(home.path());

    again.send(QStringLiteral("send"));
    QCOMPARE(again.waitFor(QStringLiteral("sent")), QStringLiteral("sent updated"));
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, ids.at(0))->note.value_or(QString()),
             kFirstNote);
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, ids.at(1))->note.value_or(QString()),
             kSecondNote);
    // Sent: nothing is pending, so the journal is gone.
    QVERIFY(!again.waitFor(QStringLiteral("removed")).isEmpty());
    QCOMPARE(QDir(home.path() + QStringLiteral("/data")).entryList(QDir::Files), QStringList());
    const QStringList left =
        QDir(home.path() + QStringLiteral("/data/Care360-tests/draftprobe/drafts"))
            .entryList(QDir::Files);
    QCOMPARE(left, QStringList());
}

void TestDraftCrash::tamperedJournalIsRefusedWithTheSentence()
{
    m_server.store().loadDemo();
    QTemporaryDir home;
    QCOMPARE(editAndKill(home.path()).size(), 2);
    const QString drafts = home.path() + QStringLiteral("/data/Care360-tests/draftprobe/drafts");
    const QStringList files =
        QDir(drafts).entryList({ QStringLiteral("*.c360drafts*") }, QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(drafts + QLatin1Char('/') + files.at(0));
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(file.size() - 3));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(file.size() - 3));
    QVERIFY(file.putChar(char(byte ^ 0x10)));
    file.close();

    Probe again(home.path(), probeArguments(), QProcessEnvironment::systemEnvironment());
    const QString notice = again.waitFor(QStringLiteral("notice:"));
    QVERIFY2(notice.contains(QStringLiteral("could not be read")), qPrintable(notice));
    QVERIFY2(notice.contains(Demo::acmeCaseId), qPrintable(notice));
    QCOMPARE(again.waitFor(QStringLiteral("ready")), QStringLiteral("ready pending=0 rows=6"));
    const QStringList after =
        QDir(drafts).entryList({ QStringLiteral("*.c360drafts*") }, QDir::Files);
    QCOMPARE(after.size(), 1);
    QVERIFY(after.at(0).startsWith(files.at(0) + QStringLiteral(".unreadable-")));
}

void TestDraftCrash::withoutAKeychainNothingReachesTheDisk()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.path() + QStringLiteral("/no-bus"));
    Probe probe(home.path(),
                { QStringLiteral("--sandbox"), QStringLiteral("--case"), Demo::acmeCaseId }, env);
    QCOMPARE(probe.waitFor(QStringLiteral("ready")), QStringLiteral("ready pending=0 rows=6"));
    const QString id = m_server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    probe.send(QStringLiteral("note %1 %2").arg(id, kFirstNote));
    QCOMPARE(probe.waitFor(QStringLiteral("edited")), QStringLiteral("edited"));
    probe.send(QStringLiteral("flush"));
    QCOMPARE(probe.waitFor(QStringLiteral("flushed")), QStringLiteral("flushed"));
    // Said as the first draft was made (before the edit's own answer), once.
    const QStringList notices =
        probe.seen().filter(QStringLiteral("notice: Unsent changes will not survive a restart"));
    QVERIFY2(notices.size() == 1, qPrintable(probe.seen().join(QLatin1Char('\n'))));
    QVERIFY(!QDir(home.path() + QStringLiteral("/data/Care360-tests/draftprobe/drafts")).exists());
    expectNoClearText(home.path());
}

QTEST_GUILESS_MAIN(TestDraftCrash)
#include "tst_draftcrash.moc"
