// care360-escalations-cli end to end (update, errors and exit codes, the key): a real process
// against the in-process sandbox. list and directory: tst_clilist; update --from: tst_clibulk.
#include "clitestsupport.h"
#include "models/caseid.h"
#include "models/qtcompat.h"

#include "app/sandbox/demodata.h"
#include "models/requestschema.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;
using namespace Care360::TestSupport;
using Care360::Sandbox::Fault;
namespace Demo = Care360::Sandbox::Demo;

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void timeoutEndsATrickle();
    void wordsSayOnlyWhatIsTrue_data();
    void wordsSayOnlyWhatIsTrue();
    void noteTextInTheArgumentsIsRefused();
    void updateAppliesGroupsInOneRequest();
    void updateJsonParses();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void validationFailedExits3();
    void notFoundExits4_data();
    void notFoundExits4();
    void deniedExits5_data();
    void deniedExits5();
    void missingKeyExits5();
    void assigneeNotFoundExits6();
    void networkFailureExits7();
    void unexpectedResponseExits8();
    void errorIsOneLineWithTheRequestId();
    void keyIsNotInArgv();

private:
    QStringList sandboxArgs() const { return m_cli.sandboxArgs(); }
    CliRun runCli(const QStringList &args, const QString &key = Demo::acmeApiKey)
    {
        return m_cli.run(args, key);
    }

    CliFixture m_cli;
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
}

void TestCli::init()
{
    m_cli.reset();
}

void TestCli::wordsSayOnlyWhatIsTrue_data()
{
    QTest::addColumn<bool>("isUpdate");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("expected");
    const QString mayHave = QStringLiteral("may have been applied");
    QTest::newRow("list, 500") << false << int(Fault::Http500) << QStringLiteral("(HTTP 500).");
    QTest::newRow("update, 500") << true << int(Fault::Http500) << mayHave;
    QTest::newRow("update, non-JSON 200") << true << int(Fault::BadJson) << mayHave;
    QTest::newRow("update, redirect") << true << int(Fault::Redirect) << mayHave;
    QTest::newRow("update, refused whole")
        << true << int(Fault::None) << QStringLiteral("Nothing was saved.");
}

void TestCli::wordsSayOnlyWhatIsTrue()
{
    QFETCH(bool, isUpdate);
    QFETCH(int, fault);
    QFETCH(QString, expected);
    m_cli.server.setFault(Fault(fault), 1);
    const QString id = m_cli.server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    QStringList args = sandboxArgs()
        << (isUpdate ? QStringLiteral("update") : QStringLiteral("list"))
        << QStringLiteral("--case") << Demo::acmeCaseId;
    if (isUpdate) // without a fault, an unknown assignee makes Care360 refuse the whole request
        args << QStringLiteral("--escalation") << id << QStringLiteral("--assign")
             << (fault == int(Fault::None) ? QStringLiteral("nobody@acme.example")
                                           : Demo::acmeNurseEmail);
    const CliRun run = runCli(args);
    QVERIFY(run.exitCode != 0);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    // The CLI keeps nothing, and a request that reached the server was not "not sent".
    QVERIFY2(!err.contains(QLatin1String("kept")), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("request was not sent")), qPrintable(err));
}

void TestCli::timeoutEndsATrickle()
{
    // One byte every 2 s keeps the inactivity timeout from ever firing.
    m_cli.server.setFault(Fault::Trickle, 1);
    const CliRun run = runCli(sandboxArgs() << QStringLiteral("--timeout") << QStringLiteral("3")
                                            << QStringLiteral("list") << QStringLiteral("--case")
                                            << Demo::acmeCaseId);
    QCOMPARE(run.exitCode, 7);
    QVERIFY2(run.err.contains("did not answer in time"), run.err.constData());
}

void TestCli::noteTextInTheArgumentsIsRefused()
{
    const CliRun run =
        runCli(sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                             << Demo::acmeCaseId << QStringLiteral("--escalation")
                             << m_cli.server.store().activeEscalations(Demo::acmeCaseId).at(0).id
                             << QStringLiteral("--note") << QStringLiteral("patient text"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--note-file"), run.err.constData());
    QVERIFY(!run.err.contains("patient text"));
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCli::updateAppliesGroupsInOneRequest()
{
    const QList<Escalation> active = m_cli.server.store().activeEscalations(Demo::acmeCaseId);
    const QString noteFile = m_cli.dir.filePath(QStringLiteral("note.txt"));
    QFile file(noteFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Patient moved; new address on file.\nSecond line.\n");
    file.close();
    const CliRun run = runCli(
        sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId
                      << QStringLiteral("--escalation") << active.at(0).id
                      << QStringLiteral("--note-file") << noteFile << QStringLiteral("--follow-up")
                      << QStringLiteral("2025-06-15") << QStringLiteral("11:00")
                      << QStringLiteral("--escalation") << active.at(1).id
                      << QStringLiteral("--assign") << Demo::acmeNurseEmail);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.server.receivedRequests().size(), 1);
    const QJsonArray items = receivedItems(m_cli.server.receivedRequests().at(0));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(1).toObject().keys(),
             (QStringList { QStringLiteral("assignedToEmail"), QStringLiteral("escalationId") }));
    const Escalation first = *m_cli.server.store().escalation(Demo::acmeCaseId, active.at(0).id);
    QCOMPARE(first.note, QStringLiteral("Patient moved; new address on file.\nSecond line."));
    // 11:00 in Berlin summer time.
    QCOMPARE(first.followUpDueAt, QtCompat::utcDateTime(QDate(2025, 6, 15), QTime(9, 0)));
    const Escalation second = *m_cli.server.store().escalation(Demo::acmeCaseId, active.at(1).id);
    QCOMPARE(m_cli.server.store().userEmail(second.assignedToUserId.value_or(QString())),
             Demo::acmeNurseEmail);
    QVERIFY(run.out.contains(active.at(0).id.toLatin1()));
}

void TestCli::updateJsonParses()
{
    const QString id = m_cli.server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    const CliRun run =
        runCli(sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                             << Demo::acmeCaseId << QStringLiteral("--escalation") << id
                             << QStringLiteral("--follow-up=2030-01-01T08:00:00Z")
                             << QStringLiteral("--json"));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject envelope = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(envelope.value(QLatin1String("success")).toBool(), true);
    QCOMPARE(envelope.value(QLatin1String("status")).toInt(), 200);
}

void TestCli::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    const QString caseId = Demo::acmeCaseId;
    const QString id = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    const QString list = QStringLiteral("list");
    const QString update = QStringLiteral("update");
    QTest::newRow("nothing") << QStringList();
    QTest::newRow("unknown command") << QStringList { QStringLiteral("show") };
    QTest::newRow("unknown env") << QStringList { QStringLiteral("--env"), QStringLiteral("prod"),
                                                  list, QStringLiteral("--case"), caseId };
    QTest::newRow("sandbox without url")
        << QStringList { QStringLiteral("--env"), QStringLiteral("sandbox"), list,
                         QStringLiteral("--case"), caseId };
    QTest::newRow("key on the command line")
        << (sandboxArgs() << QStringLiteral("--api-key") << QStringLiteral("x") << list
                          << QStringLiteral("--case") << caseId);
    QTest::newRow("list without case") << (sandboxArgs() << list);
    QTest::newRow("timeout not a number")
        << (sandboxArgs() << QStringLiteral("--timeout") << QStringLiteral("soon") << list
                          << QStringLiteral("--case") << caseId);
    QTest::newRow("note before escalation")
        << (sandboxArgs() << update << QStringLiteral("--case") << caseId
                          << QStringLiteral("--note-file") << QStringLiteral("-")
                          << QStringLiteral("--escalation") << id);
    QTest::newRow("note text in the arguments")
        << (sandboxArgs() << update << QStringLiteral("--case") << caseId
                          << QStringLiteral("--escalation") << id << QStringLiteral("--note")
                          << QStringLiteral("patient text"));
    QTest::newRow("case text without an ID")
        << (sandboxArgs() << list << QStringLiteral("--case")
                          << QStringLiteral("https://care360.example/cases/latest"));
    QTest::newRow("escalation without change")
        << (sandboxArgs() << update << QStringLiteral("--case") << caseId
                          << QStringLiteral("--escalation") << id);
    QTest::newRow("bad follow-up")
        << (sandboxArgs() << update << QStringLiteral("--case") << caseId
                          << QStringLiteral("--escalation") << id << QStringLiteral("--follow-up")
                          << QStringLiteral("tomorrow"));
    QTest::newRow("missing note file")
        << (sandboxArgs() << update << QStringLiteral("--case") << caseId
                          << QStringLiteral("--escalation") << id << QStringLiteral("--note-file")
                          << m_cli.dir.filePath(QStringLiteral("absent.txt")));
    QTest::newRow("plain http to a remote host")
        << QStringList { QStringLiteral("--env"),
                         QStringLiteral("custom"),
                         QStringLiteral("--base-url"),
                         QStringLiteral("http://10.255.255.1"),
                         list,
                         QStringLiteral("--case"),
                         caseId };
}

void TestCli::usageErrorsExit2()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCli::validationFailedExits3()
{
    const QString id = m_cli.server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    const CliRun run =
        runCli(sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                             << Demo::acmeCaseId << QStringLiteral("--escalation") << id
                             << QStringLiteral("--assign") << QStringLiteral("not-an-email"));
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains("assignedToEmail"));
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCli::notFoundExits4_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("case") << (sandboxArgs()
                              << QStringLiteral("list") << QStringLiteral("--case")
                              << QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QTest::newRow("escalation") << (sandboxArgs()
                                    << QStringLiteral("update") << QStringLiteral("--case")
                                    << Demo::acmeCaseId << QStringLiteral("--escalation")
                                    << QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210")
                                    << QStringLiteral("--assign") << Demo::acmeNurseEmail);
}

void TestCli::notFoundExits4()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(m_cli.server.receivedRequests().size(), 1);
}

void TestCli::deniedExits5_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QString>("key");
    QTest::newRow("other organisation") << Demo::globexCaseId << Demo::acmeApiKey;
    QTest::newRow("wrong key") << Demo::acmeCaseId << QStringLiteral("wrong-key");
}

void TestCli::deniedExits5()
{
    QFETCH(QString, caseId);
    QFETCH(QString, key);
    const CliRun run =
        runCli(sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case") << caseId, key);
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(m_cli.server.receivedRequests().size(), 1);
}

void TestCli::missingKeyExits5()
{
    // No CARE360_API_KEY and no reachable keychain: nothing is sent.
    const CliRun run = runCli(sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                            << Demo::acmeCaseId,
                              QString());
    QCOMPARE(run.exitCode, 5);
    QVERIFY(run.err.contains("CARE360_API_KEY"));
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCli::assigneeNotFoundExits6()
{
    const QString id = m_cli.server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    const CliRun run =
        runCli(sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                             << Demo::acmeCaseId << QStringLiteral("--escalation") << id
                             << QStringLiteral("--assign") << Demo::acmeManagerEmail);
    QCOMPARE(run.exitCode, 6);
    QVERIFY(run.err.contains(Demo::acmeManagerEmail.toUtf8()));
}

void TestCli::networkFailureExits7()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const CliRun run =
        runCli({ QStringLiteral("--env"), QStringLiteral("sandbox"), QStringLiteral("--base-url"),
                 QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("list"),
                 QStringLiteral("--case"), Demo::acmeCaseId });
    QCOMPARE(run.exitCode, 7);
    // The address that did not answer, and no request ID: no request reached anything.
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1String("request ID")), qPrintable(err));
}

void TestCli::unexpectedResponseExits8()
{
    m_cli.server.setFault(Sandbox::Fault::Http500);
    const CliRun run = runCli(sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                            << Demo::acmeCaseId);
    QCOMPARE(run.exitCode, 8);
    QVERIFY(run.err.contains("500"));
}

void TestCli::errorIsOneLineWithTheRequestId()
{
    const CliRun run = runCli(sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                            << Demo::globexCaseId);
    QCOMPARE(run.exitCode, 5);
    QVERIFY(run.out.isEmpty());
    const QString err = QString::fromUtf8(run.err).trimmed();
    QVERIFY2(!err.contains(u'\n'), qPrintable(err));
    const QByteArray sent = headerValue(m_cli.server.receivedRequests().value(0), "x-request-id");
    QVERIFY(CaseId::isUuid(QString::fromLatin1(sent)));
    QVERIFY2(err.contains(QString::fromLatin1(sent)), qPrintable(err));
}

void TestCli::keyIsNotInArgv()
{
    m_cli.server.setDelay(1500); // keeps the CLI waiting while its process is inspected
    QProcess process;
    m_cli.start(process,
                sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                              << Demo::acmeCaseId);
    QVERIFY(process.waitForStarted());
    const QString proc = QStringLiteral("/proc/%1/").arg(process.processId());
    auto commandLine = [&proc] {
        QFile cmdline(proc + QStringLiteral("cmdline"));
        return cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll() : QByteArray();
    };
    // Until exec the child still shows the test's own command line: wait for the CLI's.
    QByteArray argv;
    QTRY_VERIFY_WITH_TIMEOUT((argv = commandLine()).contains("care360-escalations-cli"), 10000);
    QCOMPARE(process.state(), QProcess::Running); // the delayed answer keeps it waiting
    QVERIFY(argv.contains(Demo::acmeCaseId.toLatin1()));
    QVERIFY(!argv.contains(Demo::acmeApiKey.toLatin1()));
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 20000);
    QCOMPARE(process.exitCode(), 0);
    // The key did travel, in the header only.
    QCOMPARE(headerValue(m_cli.server.receivedRequests().value(0), "cv-api-key"),
             Demo::acmeApiKey.toLatin1());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
