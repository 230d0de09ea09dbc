// One console per user: real console processes (offscreen, the built-in sandbox) launched twice
// and killed. A second launch hands its case over to the running console and exits; a socket
// left by a killed console does not stop the next launch from running.
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace Demo = Care360::Sandbox::Demo;

namespace {
const QString kConsole = QStringLiteral(CARE360_BIN_DIR "/care360-escalations");

// A console launch whose log (care360.app at info) the test reads as it comes.
struct Launch {
    explicit Launch(const QProcessEnvironment &environment, const QStringList &arguments)
    {
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(kConsole, arguments);
    }
    ~Launch()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    bool says(const QString &text, int timeoutMs = 20000)
    {
        return QTest::qWaitFor(
            [&] {
                log += QString::fromUtf8(process.readAll());
                return log.contains(text);
            },
            timeoutMs);
    }
    QProcess process;
    QString log;
};
} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void secondLaunchHandsItsCaseOverAndExits();
    void aKilledConsoleLeavesNothingInTheWay();
    void casesOpenAtACrashOpenAgain();
    void anAbandonedSettingsLockDoesNotHoldTheStart();

private:
    QProcessEnvironment m_environment;
    QTemporaryDir m_home;
};

void TestSingleInstance::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY(QFile::exists(kConsole));
    QVERIFY(m_home.isValid());
    m_environment = QProcessEnvironment::systemEnvironment();
    // A home of its own: its settings file, hence its socket, belongs to this test alone.
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/cfg"));
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                         QStringLiteral("care360.app.info=true\ncare360.api.info=true"));
}

void TestSingleInstance::secondLaunchHandsItsCaseOverAndExits()
{
    Launch first(m_environment, { QStringLiteral("--case"), Demo::acmeCaseId });
    QVERIFY2(first.says(QStringLiteral("running; later launches")), qPrintable(first.log));
    // The listing of its case has ended (care360.api's line with the status).
    QVERIFY2(first.says(Demo::acmeCaseId + QStringLiteral(" status")), qPrintable(first.log));

    Launch second(m_environment, { QStringLiteral("--case"), Demo::acmeSecondCaseId });
    QVERIFY(second.process.waitForFinished(20000));
    second.log += QString::fromUtf8(second.process.readAll());
    QCOMPARE(second.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.process.exitCode(), 0);
    QVERIFY2(second.log.contains(QStringLiteral("handed this launch over")),
             qPrintable(second.log));
    QVERIFY2(first.says(QStringLiteral("another launch handed over its request")),
             qPrintable(first.log));

    // The same case again: the window that has it comes forward, nothing opens twice.
    Launch third(m_environment, { QStringLiteral("--case"), Demo::acmeCaseId });
    QVERIFY(third.process.waitForFinished(20000));
    QCOMPARE(third.process.exitCode(), 0);
    QVERIFY2(first.says(QStringLiteral("asked for a case that is open")), qPrintable(first.log));
}

void TestSingleInstance::aKilledConsoleLeavesNothingInTheWay()
{
    {
        Launch doomed(m_environment, {});
        QVERIFY2(doomed.says(QStringLiteral("running; later launches")), qPrintable(doomed.log));
        ::kill(pid_t(doomed.process.processId()), SIGKILL);
        QVERIFY(doomed.process.waitForFinished(5000));
    }
    Launch next(m_environment, {});
    QVERIFY2(next.says(QStringLiteral("running; later launches")), qPrintable(next.log));
    QVERIFY(next.process.state() == QProcess::Running);
}

void TestSingleInstance::casesOpenAtACrashOpenAgain()
{
    const QString listed = Demo::acmeSecondCaseId + QStringLiteral(" status");
    {
        Launch crashed(m_environment, { QStringLiteral("--case"), Demo::acmeSecondCaseId });
        QVERIFY2(crashed.says(listed), qPrintable(crashed.log));
        // The log line comes before the console has written down that the case is open: the
        // crash must come after that, as it would for an agent who had been working on it.
        const QString settings =
            m_home.path() + QStringLiteral("/cfg/Care360/care360-escalations.conf");
        QVERIFY(QTest::qWaitFor(
            [&] {
                QFile file(settings);
                if (!file.open(QIODevice::ReadOnly))
                    return false;
                for (const QByteArray &line : file.readAll().split('\n')) {
                    if (line.startsWith("openCases=")
                        && line.contains(Demo::acmeSecondCaseId.toUtf8()))
                        return true;
                }
                return false;
            },
            10000));
        ::kill(pid_t(crashed.process.processId()), SIGKILL);
        QVERIFY(crashed.process.waitForFinished(5000));
    }
    // Started again with no case: the one that was open comes back by itself.
    Launch next(m_environment, {});
    QVERIFY2(next.says(listed), qPrintable(next.log));
    // (A clean end, every window closed, leaves nothing to reopen: tst_workspaces.)
}

void TestSingleInstance::anAbandonedSettingsLockDoesNotHoldTheStart()
{
    // What a console killed between QSettings creating its lock file and writing into it
    // leaves: an empty lock, which Qt alone calls stale only after 30 s, the window frozen.
    QFile lock(m_home.path() + QStringLiteral("/cfg/Care360/care360-escalations.conf.lock"));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.close();
    Launch next(m_environment, { QStringLiteral("--case"), Demo::acmeCaseId });
    // The listing is the proof: the lock file itself may exist again, the live console's own.
    QVERIFY2(next.says(Demo::acmeCaseId + QStringLiteral(" status")), qPrintable(next.log));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
