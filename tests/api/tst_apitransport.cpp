// Transport faults through ApiClient: every failure becomes its own outcome, nothing crashes.
#include "apitestsupport.h"

#include "models/clock.h"

#include <QTimeZone>

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/sandbox/demodata.h"
#include "app/translations.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTest>

using namespace Care360;
using namespace Care360::TestSupport;
using Kind = ApiOutcome::Kind;
using Fault = Sandbox::Fault;
namespace Demo = Care360::Sandbox::Demo;

class TestApiTransport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void timeoutIsTimedOut();
    void slowButSteadyAnswerIsNotATimeout();
    void droppedConnectionIsConnectionFailed();
    void trickleEndsAtTheOverallDeadline();
    void droppedConnectionIsNeverSentTwice();
    void htmlServerErrorIsUnexpected();
    void truncatedJsonIsUnexpected();
    void rateLimitCarriesRetryAfter();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void hugeBodyIsTooLarge();
    void closedPortIsConnectionFailed();
    void redirectIsRefusedAndNotFollowed();
    void plainHttpToRemoteHostIsRefusedWithoutConnecting_data();
    void plainHttpToRemoteHostIsRefusedWithoutConnecting();
    void tlsHandshakeFailureIsTlsFailed();
    void baseUrlPathIsKept();

private:
    JobResult list(int timeoutMs = 15000)
    {
        return waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId), timeoutMs);
    }

    SandboxFixture m_fixture;
    Sandbox::SandboxServer &m_server = m_fixture.server;
    CountingNetworkAccessManager &m_network = m_fixture.network;
    ApiClient &m_client = m_fixture.client;
};

void TestApiTransport::initTestCase()
{
    installTranslations(*QCoreApplication::instance()); // the English plural forms
    QVERIFY(m_fixture.listen());
}

void TestApiTransport::init()
{
    m_fixture.reset();
}

void TestApiTransport::timeoutIsTimedOut()
{
    m_server.setDelay(3000);
    m_client.setTimeout(std::chrono::milliseconds(400));
    const JobResult result = list();
    QVERIFY(result.outcome);
    // Answered after 3 s, the list would be Listed: TimedOut proves the limit cut in first.
    QCOMPARE(result.outcome->kind, Kind::TimedOut);
    QVERIFY(result.outcome->isRetryable());
    QCOMPARE(result.outcome->requestId, result.requestId);
}

void TestApiTransport::slowButSteadyAnswerIsNotATimeout()
{
    m_server.setSlowDuration(1500);
    m_server.setFault(Fault::Slow, 1);
    m_client.setTimeout(std::chrono::seconds(5));
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Listed);
}

void TestApiTransport::droppedConnectionIsConnectionFailed()
{
    // Every attempt is dropped: Qt itself resends once when a connection closes before any answer.
    m_server.setFault(Fault::Drop);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::ConnectionFailed);
    QVERIFY(!result.outcome->detail.isEmpty());
    QCOMPARE(result.outcome->httpStatus, 0);
    QVERIFY(!result.outcome->mayHaveArrived); // a listing changes nothing, whatever arrived
    // The listing went out whole: Care360 was reached and closed the connection, which Qt
    // calls "Unknown error".
    QVERIFY(result.outcome->requestSent);
    QCOMPARE(result.outcome->detail, QStringLiteral("the server closed the connection"));
    QVERIFY2(!result.outcome->userMessage().contains(QLatin1String("Could not reach")),
             qPrintable(result.outcome->userMessage()));
}

void TestApiTransport::trickleEndsAtTheOverallDeadline()
{
    // A byte every 2 s never trips the inactivity timeout; only the overall deadline ends it.
    m_server.setFault(Fault::Trickle, 1);
    m_client.setTimeout(std::chrono::seconds(30));
    m_client.setDeadline(std::chrono::seconds(3));
    const JobResult result = list(30000);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::TimedOut);
    QVERIFY2(result.outcome->detail.contains(QLatin1String("within 3 seconds")),
             qPrintable(result.outcome->detail));
    QVERIFY(result.outcome->isRetryable());
}

void TestApiTransport::droppedConnectionIsNeverSentTwice()
{
    // A first call leaves a connection that could be kept alive; the second is dropped unanswered.
    QCOMPARE(list().outcome->kind, Kind::Listed);
    m_server.setFault(Fault::Drop, 1);
    EscalationUpdate change;
    change.escalationId = m_server.store().activeEscalations(Demo::acmeCaseId).at(0).id;
    change.note = QStringLiteral("sent once");
    const JobResult result = waitForJob(m_client.updateEscalations(Demo::acmeCaseId, { change }));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::ConnectionFailed);
    QVERIFY(result.outcome->mayHaveArrived); // sent in full: Care360 may have acted on it
    QVERIFY2(result.outcome->userMessage().contains(QLatin1String("may have been applied")),
             qPrintable(result.outcome->userMessage()));
    // Qt used to send the POST again on its own; each call now reaches the server once.
    QCOMPARE(m_server.receivedRequests().size(), 2);
    QCOMPARE(m_server.receivedRequests().at(1).status, 0);
    // The dropped request was not processed, and nothing processed it a second time.
    QVERIFY(m_server.store().activeEscalations(Demo::acmeCaseId).at(0).note
            != std::optional<QString>(QStringLiteral("sent once")));
}

void TestApiTransport::htmlServerErrorIsUnexpected()
{
    m_server.setFault(Fault::Http500, 1);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::UnexpectedResponse);
    QCOMPARE(result.outcome->httpStatus, 500);
    QVERIFY(result.outcome->isRetryable());
    QVERIFY(result.rawBody.contains("<html"));
}

void TestApiTransport::truncatedJsonIsUnexpected()
{
    m_server.setFault(Fault::BadJson, 1);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::UnexpectedResponse);
    QCOMPARE(result.outcome->httpStatus, 200);
    QVERIFY(result.outcome->escalations.isEmpty());
}

void TestApiTransport::rateLimitCarriesRetryAfter()
{
    m_server.setFault(Fault::RateLimit, 1);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::UnexpectedResponse);
    QCOMPARE(result.outcome->httpStatus, 429);
    QCOMPARE(result.outcome->retryAfterSeconds, 2);
    QVERIFY(result.outcome->isRetryable());
    QVERIFY(result.outcome->userMessage().contains(QStringLiteral("try again in 2 seconds")));
}

void TestApiTransport::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("expected");
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("spaces") << QByteArray(" 3 ") << 3;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("words") << QByteArray("soon") << -1;
    // "Now" is Thu, 03 Dec 2026 10:00:00 GMT through the clock seam.
    QTest::newRow("http date") << QByteArray("Thu, 03 Dec 2026 10:01:00 GMT") << 60;
    QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 0;
}

void TestApiTransport::parsesRetryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, expected);
    Clock::setSource([] { return QDateTime(QDate(2026, 12, 3), QTime(10, 0), QTimeZone::utc()); });
    const int seconds = ApiJob::retryAfterSeconds(header);
    Clock::setSource({});
    QCOMPARE(seconds, expected);
}

void TestApiTransport::hugeBodyIsTooLarge()
{
    m_server.setFault(Fault::Huge, 1);
    QElapsedTimer timer;
    timer.start();
    const JobResult result = list(30000);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::TooLarge);
    QVERIFY(result.rawBody.size() <= ApiJob::maxResponseBytes);
    // The next request works: the aborted transfer left nothing behind.
    QCOMPARE(list().outcome->kind, Kind::Listed);
}

void TestApiTransport::closedPortIsConnectionFailed()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    m_client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::ConnectionFailed);
    QVERIFY(result.outcome->userMessage().contains(result.outcome->detail));
}

void TestApiTransport::redirectIsRefusedAndNotFollowed()
{
    m_server.setFault(Fault::Redirect, 1);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Refused);
    QCOMPARE(result.outcome->httpStatus, 302);
    QVERIFY(result.outcome->detail.contains(QLatin1String("127.0.0.2")));
    QCOMPARE(m_network.created, 1); // the redirect target was never requested
    QCOMPARE(m_server.receivedRequests().size(), 1);
}

void TestApiTransport::plainHttpToRemoteHostIsRefusedWithoutConnecting_data()
{
    QTest::addColumn<QUrl>("baseUrl");
    QTest::newRow("private address") << QUrl(QStringLiteral("http://10.255.255.1"));
    QTest::newRow("host name") << QUrl(QStringLiteral("http://api.care360-next.carevalidate.com"));
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/"));
    QTest::newRow("no host") << QUrl(QStringLiteral("https://"));
}

void TestApiTransport::plainHttpToRemoteHostIsRefusedWithoutConnecting()
{
    QFETCH(QUrl, baseUrl);
    m_client.setBaseUrl(baseUrl);
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Refused);
    QCOMPARE(m_network.created, 0); // no connection was even attempted
    QCOMPARE(result.outcome->httpStatus, 0);
    QVERIFY(result.outcome->userMessage().startsWith(QLatin1String("The request was not sent")));
}

void TestApiTransport::tlsHandshakeFailureIsTlsFailed()
{
    // A real TLS server whose certificate nobody trusts: the error is fatal, never ignored.
    QFile certFile(QStringLiteral(CARE360_API_TEST_DATA "/selfsigned-cert.pem"));
    QFile keyFile(QStringLiteral(CARE360_API_TEST_DATA "/selfsigned-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    QSslServer tlsServer;
    tlsServer.setSslConfiguration(configuration);
    int encrypted = 0;
    connect(&tlsServer, &QSslServer::pendingConnectionAvailable, this, [&] {
        while (QTcpSocket *socket = tlsServer.nextPendingConnection()) {
            connect(socket, &QSslSocket::readyRead, socket, [&encrypted] { ++encrypted; });
        }
    });
    QVERIFY(tlsServer.listen(QHostAddress::LocalHost));
    m_client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(tlsServer.serverPort())));
    const JobResult result = list();
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::TlsFailed);
    QVERIFY2(
        result.outcome->detail.contains(QLatin1String("self signed"), Qt::CaseInsensitive)
            || result.outcome->detail.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
        qPrintable(result.outcome->detail));
    QVERIFY(result.outcome->userMessage().contains(result.outcome->detail));
    QCOMPARE(encrypted, 0); // no request data (and so no key) reached the server
}

void TestApiTransport::baseUrlPathIsKept()
{
    QUrl url = m_server.baseUrl();
    url.setPath(QStringLiteral("/proxy/"));
    m_client.setBaseUrl(url);
    list();
    QCOMPARE(m_server.receivedRequests().value(0).path,
             QStringLiteral("/proxy/api/v1/cases/") + Demo::acmeCaseId);
}

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_apitransport.moc"
