// The console's practice sandbox on a thread of its own (SandboxThread): it answers while the
// window's thread is busy, it says why it could not start, and it ends cleanly.
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxthread.h"

#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace Care360;
using Care360::Sandbox::SandboxThread;

class TestSandboxThread : public QObject {
    Q_OBJECT
private slots:
    void answersWhileTheWindowThreadIsBusy();
    void theDemoIsWhatTheFactoryStartedEarly();
    void aDataFileItCannotUseIsSaid();
};

void TestSandboxThread::answersWhileTheWindowThreadIsBusy()
{
    std::unique_ptr<SandboxThread> sandbox = SandboxThread::launch(QString());
    QString problem;
    QVERIFY2(sandbox->ready(&problem), qPrintable(problem));
    QCOMPARE(sandbox->practiceOrganisations().value(0).key, Sandbox::Demo::acmeApiKey);

    // This thread never returns to its event loop below: only a server on another thread
    // can answer. (Had it run here, the read would time out with nothing.)
    // An escalation the case does not have: the answer lists the case's active ones.
    const QByteArray body =
        R"({"action":"UPDATE_ESCALATION","escalations":[)"
        R"({"escalationId":"00000000-0000-4000-8000-000000000000","note":"x"}]})";
    QTcpSocket socket;
    socket.connectToHost(sandbox->baseUrl().host(), quint16(sandbox->baseUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /api/v1/cases/" + Sandbox::Demo::acmeCaseId.toUtf8()
                 + " HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n"
                   "cv-api-key: "
                 + Sandbox::Demo::acmeApiKey.toUtf8() + "\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    QVERIFY(socket.waitForBytesWritten(5000));
    QByteArray answer;
    const auto complete = [&answer] {
        const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
        const qsizetype lengthAt = answer.indexOf("Content-Length: ");
        if (headerEnd < 0 || lengthAt < 0)
            return false;
        const qsizetype length =
            answer.mid(lengthAt + 16, answer.indexOf("\r\n", lengthAt) - lengthAt - 16)
                .toLongLong();
        return answer.size() >= headerEnd + 4 + length;
    };
    while (!complete() && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 "), answer.left(200).constData());
    QVERIFY2(answer.contains("Escalation not found"), answer.left(400).constData());
    QVERIFY2(answer.contains("\"escalations\""), answer.left(400).constData());

    // Asked from this thread, answered from the sandbox's store on its own.
    const QList<PracticeServer::PracticeCase> cases = sandbox->practiceCases(0);
    QVERIFY(!cases.isEmpty());
    QCOMPARE(cases.first().caseId, Sandbox::Demo::acmeCaseId);
}

namespace {
// The in-process sandbox's "listening on" lines, counted from whichever thread logs them.
QAtomicInt listened;
QtMessageHandler previousHandler = nullptr;
void countListening(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QStringLiteral("in-process sandbox listening on")))
        listened.fetchAndAddRelaxed(1);
    previousHandler(type, context, message);
}
} // namespace

void TestSandboxThread::theDemoIsWhatTheFactoryStartedEarly()
{
    listened = 0;
    previousHandler = qInstallMessageHandler(countListening);
    const PracticeServerFactory factory = SandboxThread::factory(SandboxThread::Start::Now);
    // Started before anyone asked: it listens while this thread does other work.
    QTRY_COMPARE(listened.loadRelaxed(), 1);
    QString problem;
    std::unique_ptr<PracticeServer> first = factory(QString(), &problem);
    QVERIFY2(first, qPrintable(problem));
    QCOMPARE(listened.loadRelaxed(), 1); // the early one was taken, none started now
    QVERIFY(first->baseUrl().isValid());
    QCOMPARE(first->practiceOrganisations().value(0).key, Sandbox::Demo::acmeApiKey);
    // Taken once; another call starts another (its own port).
    std::unique_ptr<PracticeServer> second = factory(QString(), &problem);
    QVERIFY2(second, qPrintable(problem));
    QCOMPARE(listened.loadRelaxed(), 2);
    QVERIFY(second->baseUrl().port() != first->baseUrl().port());
    qInstallMessageHandler(previousHandler);
}

void TestSandboxThread::aDataFileItCannotUseIsSaid()
{
    QTemporaryFile broken;
    QVERIFY(broken.open());
    broken.write("{ not json");
    broken.close();
    const PracticeServerFactory factory = SandboxThread::factory(SandboxThread::Start::WhenAsked);
    QString problem;
    QVERIFY(!factory(broken.fileName(), &problem));
    QVERIFY2(problem.contains(broken.fileName()), qPrintable(problem));
    QVERIFY2(problem.startsWith(QStringLiteral("The sandbox data file")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestSandboxThread)
#include "tst_sandboxthread.moc"
