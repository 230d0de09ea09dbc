// care360-sandbox as a user starts it: printed port, data files, errors, signals.
#include "httptesthelper.h"

#include "app/sandbox/demodata.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#ifdef Q_OS_UNIX
#include <signal.h>
#endif

using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

namespace {

const QString kProgram = QStringLiteral(CARE360_BIN_DIR "/care360-sandbox");
const QByteArray kDemoUpdate = QByteArrayLiteral(
    R"({"action":"UPDATE_ESCALATION","escalations":[{"escalationId":"e5ca1a7e-0000-4000-8000-000000000001","note":"Secret note text"}]})");

// A running sandbox; stops it on destruction if a test failed half-way.
struct Running {
    QProcess process;
    QUrl url;
    ~Running()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

// Starts the sandbox and reads its one "listening on" line; empty url on failure.
bool start(Running &running, const QStringList &arguments)
{
    running.process.start(kProgram, arguments);
    if (!running.process.waitForStarted(10000))
        return false;
    while (!running.process.canReadLine()) {
        if (!running.process.waitForReadyRead(10000))
            return false;
    }
    const QString line = QString::fromUtf8(running.process.readLine());
    static const QRegularExpression listening(
        QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))\\n$"));
    const QRegularExpressionMatch match = listening.match(line);
    if (!match.hasMatch() || match.captured(2).toInt() == 0) {
        qWarning() << "unexpected first line" << line;
        return false;
    }
    running.url = QUrl(match.captured(1));
    return true;
}

struct Finished {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString standardError;
    QString standardOutput;
};

// Runs the sandbox expecting it to exit by itself.
Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(kProgram, arguments);
    Finished result;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    result.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    return result;
}

} // namespace

class TestSandboxExecutable : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void startsOnAFreePortAnswersAndStopsOnSignals_data();
    void startsOnAFreePortAnswersAndStopsOnSignals();
    void servesADataFile();
    void refusesBadDataFilesNamingTheField_data();
    void refusesBadDataFilesNamingTheField();
    void refusesABusyPort();
    void refusesNonLoopbackWithoutAllowRemote();
    void refusesBadOptions_data();
    void refusesBadOptions();
    void appliesFaultsAndDelayFromTheCommandLine();
    void helpListsTheDemoKeysAndCases();
    void qtHttpServerDebugNeverPrintsTheKey();

private:
    QNetworkAccessManager m_manager;
};

void TestSandboxExecutable::initTestCase()
{
    QVERIFY2(QFile::exists(kProgram), qPrintable(kProgram));
}

void TestSandboxExecutable::startsOnAFreePortAnswersAndStopsOnSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxExecutable::startsOnAFreePortAnswersAndStopsOnSignals()
{
    QFETCH(int, signal);
    Running sandbox;
    QVERIFY(start(sandbox, { QStringLiteral("--port"), QStringLiteral("0") }));
    const HttpResult result = post(m_manager, caseUrl(sandbox.url, Demo::acmeCaseId),
                                   Demo::acmeApiKey.toUtf8(), kDemoUpdate);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QLatin1String("success")).toBool(), true);

#ifdef Q_OS_UNIX
    ::kill(pid_t(sandbox.process.processId()), signal);
#else
    Q_UNUSED(signal);
    QSKIP("POSIX signals only");
#endif
    QVERIFY(sandbox.process.waitForFinished(10000));
    QCOMPARE(sandbox.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.process.exitCode(), 0);
    const QString log = QString::fromUtf8(sandbox.process.readAllStandardError());
    QVERIFY2(log.contains(QStringLiteral("POST /api/v1/cases/") + Demo::acmeCaseId
                          + QStringLiteral(" 200 ")),
             qPrintable(log));
    QVERIFY(log.contains(QLatin1String(" ms")));
    QVERIFY(!log.contains(Demo::acmeApiKey));
    QVERIFY(!log.contains(QLatin1String("Secret note text")));
    // Exactly one line on stdout.
    QCOMPARE(sandbox.process.readAllStandardOutput(), QByteArray());
}

void TestSandboxExecutable::servesADataFile()
{
    Running sandbox;
    QVERIFY(start(
        sandbox,
        { QStringLiteral("--data"), QStringLiteral(CARE360_SANDBOX_DATA_DIR "/contract.json") }));
    const QJsonObject expected = contractJson(QStringLiteral("400-case-not-found.json"));
    const HttpResult missingCase =
        post(m_manager, caseUrl(sandbox.url, Demo::acmeCaseId), "contract-key",
             QJsonDocument(contractJson(QStringLiteral("request-example.json"))).toJson());
    QCOMPARE(missingCase.status, 400);
    QCOMPARE(missingCase.json(), expected);
    const HttpResult updated = post(
        m_manager, caseUrl(sandbox.url, QStringLiteral("c0a5e000-0000-4000-8000-000000000001")),
        "contract-key",
        QJsonDocument(contractJson(QStringLiteral("request-example.json"))).toJson());
    QCOMPARE(updated.status, 200);
}

void TestSandboxExecutable::refusesBadDataFilesNamingTheField_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{\"organizations\": [")
                              << QStringLiteral("not valid JSON at offset");
    QTest::newRow("bad date") << QByteArray(
        R"({"organizations":[{"name":"A","apiKeys":["k"],"cases":[{"id":"c","escalations":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","type":"support","title":"T","followUpDueAt":"soon","createdAt":"2025-05-10T08:00:00.000Z"}]}]}]})")
                              << QStringLiteral("organizations[0].cases[0].escalations[0]."
                                                "followUpDueAt: not an ISO 8601 date-time");
    QTest::newRow("bad role") << QByteArray(
        R"({"organizations":[{"name":"A","apiKeys":["k"],"users":[{"id":"u","email":"a@b.example","role":"AGENT"}]}]})")
                              << QStringLiteral("organizations[0].users[0].role: not one of");
}

void TestSandboxExecutable::refusesBadDataFilesNamingTheField()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("data.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const Finished result = runToEnd({ QStringLiteral("--data"), path });
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.standardError.contains(QStringLiteral("bad data file: ") + path),
             qPrintable(result.standardError));
    QVERIFY2(result.standardError.contains(expected), qPrintable(result.standardError));
    QVERIFY(!result.standardOutput.contains(QLatin1String("listening")));

    const Finished missing =
        runToEnd({ QStringLiteral("--data"), dir.filePath(QStringLiteral("nope.json")) });
    QVERIFY(missing.exitCode != 0);
    QVERIFY(missing.standardError.contains(QLatin1String("nope.json")));
}

void TestSandboxExecutable::refusesABusyPort()
{
    Running first;
    QVERIFY(start(first, {}));
    const Finished second =
        runToEnd({ QStringLiteral("--port"), QString::number(first.url.port()) });
    QCOMPARE(second.exitStatus, QProcess::NormalExit);
    QVERIFY(second.exitCode != 0);
    QVERIFY2(second.standardError.contains(QLatin1String("cannot listen on 127.0.0.1 port ")
                                           + QString::number(first.url.port())),
             qPrintable(second.standardError));
    QVERIFY(second.standardOutput.isEmpty());
}

void TestSandboxExecutable::refusesNonLoopbackWithoutAllowRemote()
{
    const Finished refused = runToEnd({ QStringLiteral("--host"), QStringLiteral("0.0.0.0") });
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.standardError.contains(QLatin1String("--allow-remote")),
             qPrintable(refused.standardError));
    QVERIFY(refused.standardOutput.isEmpty());

    QProcess allowed;
    allowed.start(
        kProgram,
        { QStringLiteral("--host"), QStringLiteral("0.0.0.0"), QStringLiteral("--allow-remote") });
    QVERIFY(allowed.waitForReadyRead(10000));
    QVERIFY(allowed.readLine().startsWith("listening on http://0.0.0.0:"));
    allowed.terminate();
    QVERIFY(allowed.waitForFinished(10000));
    QCOMPARE(allowed.exitCode(), 0);
}

void TestSandboxExecutable::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port") << QStringList { QStringLiteral("--port"), QStringLiteral("http") }
                          << QStringLiteral("--port");
    QTest::newRow("port range") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                << QStringLiteral("--port");
    QTest::newRow("host") << QStringList { QStringLiteral("--host"),
                                           QStringLiteral("localhost.example") }
                          << QStringLiteral("--host");
    QTest::newRow("delay") << QStringList { QStringLiteral("--delay-ms"), QStringLiteral("-5") }
                           << QStringLiteral("--delay-ms");
    QTest::newRow("fault kind") << QStringList { QStringLiteral("--fault"),
                                                 QStringLiteral("explode") }
                                << QStringLiteral("--fault");
    QTest::newRow("fault count") << QStringList { QStringLiteral("--fault"),
                                                  QStringLiteral("drop:0") }
                                 << QStringLiteral("--fault");
    QTest::newRow("unknown option")
        << QStringList { QStringLiteral("--colour") } << QStringLiteral("colour");
}

void TestSandboxExecutable::refusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Finished result = runToEnd(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.standardError.contains(expected), qPrintable(result.standardError));
}

void TestSandboxExecutable::appliesFaultsAndDelayFromTheCommandLine()
{
    Running sandbox;
    QVERIFY(start(sandbox,
                  { QStringLiteral("--fault"), QStringLiteral("http500:1"),
                    QStringLiteral("--fault"), QStringLiteral("bad-json:1"),
                    QStringLiteral("--delay-ms"), QStringLiteral("300") }));
    const QUrl url = caseUrl(sandbox.url, Demo::acmeCaseId);
    const QByteArray key = Demo::acmeApiKey.toUtf8();
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(post(m_manager, url, key, kDemoUpdate).status, 500);
    QVERIFY(timer.elapsed() >= 300);
    const HttpResult badJson = post(m_manager, url, key, kDemoUpdate);
    QCOMPARE(badJson.status, 200);
    QVERIFY(badJson.json().isEmpty());
    QCOMPARE(post(m_manager, url, key, kDemoUpdate).status, 200);
}

void TestSandboxExecutable::qtHttpServerDebugNeverPrintsTheKey()
{
    // QtHttpServer's own request dump includes every header, the key among them.
    for (const bool asked : { false, true }) {
        Running sandbox;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("qt.httpserver*=true"));
        sandbox.process.setProcessEnvironment(environment);
        QStringList arguments { QStringLiteral("--port"), QStringLiteral("0") };
        if (asked)
            arguments << QStringLiteral("--http-debug");
        QVERIFY(start(sandbox, arguments));
        QCOMPARE(post(m_manager, caseUrl(sandbox.url, Demo::acmeCaseId), Demo::acmeApiKey.toUtf8(),
                      kDemoUpdate)
                     .status,
                 200);
        ::kill(pid_t(sandbox.process.processId()), SIGTERM);
        QVERIFY(sandbox.process.waitForFinished(10000));
        const QString log = QString::fromUtf8(sandbox.process.readAllStandardError());
        QVERIFY2(!log.contains(Demo::acmeApiKey), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("200")), qPrintable(log)); // the sandbox's own line
        // Asked for, the dump is there, with the key's value replaced.
        QCOMPARE(log.contains(QLatin1String("[redacted]")), asked);
    }
}

void TestSandboxExecutable::helpListsTheDemoKeysAndCases()
{
    const Finished help = runToEnd({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    for (const QString &text : { Demo::acmeApiKey, Demo::globexApiKey, Demo::acmeCaseId,
                                 Demo::acmeLargeCaseId, Demo::globexCaseId, Demo::acmeAgentEmail,
                                 QStringLiteral("--allow-remote"), QStringLiteral("--fault") })
        QVERIFY2(help.standardOutput.contains(text), qPrintable(text));
    const Finished version = runToEnd({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.standardOutput.startsWith(QLatin1String("care360-sandbox ")));
}

QTEST_MAIN(TestSandboxExecutable)
#include "tst_sandbox_executable.moc"
