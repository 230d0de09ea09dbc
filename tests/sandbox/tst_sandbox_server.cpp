// The server over real loopback HTTP: routes, limits, delays, faults and the request record.
#include "httptesthelper.h"

#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Care360;
using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;
using Fault = SandboxServer::Fault;

namespace {

const QByteArray kKey = Demo::acmeApiKey.toUtf8();

// A one-item note update of the first active escalation of the demo's main case.
QByteArray noteUpdate(SandboxStore &store, const QString &note)
{
    const QString id = store.activeEscalations(Demo::acmeCaseId).at(0).id;
    return QJsonDocument(
               QJsonObject { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                             { QStringLiteral("escalations"),
                               QJsonArray { QJsonObject { { QStringLiteral("escalationId"), id },
                                                          { QStringLiteral("note"), note } } } } })
        .toJson(QJsonDocument::Compact);
}

std::optional<QString> firstNote(SandboxStore &store)
{
    return store.activeEscalations(Demo::acmeCaseId).at(0).note;
}

} // namespace

class TestSandboxServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listensOnAFreePortAndRefusesABusyOne();
    void updatesOverHttpAndRecordsTheRequest();
    void unknownPathsAndMethodsGetJson404_data();
    void unknownPathsAndMethodsGetJson404();
    void bodiesOverOneMebibyteGet413();
    void delaysAnswersWithoutBlocking();
    void http500HasAnHtmlBody();
    void badJsonIsTruncatedWith200();
    void dropClosesWithoutAnswer();
    void slowTricklesTheRealAnswer();
    void hugeSendsFiftyMegabytes();
    void redirectPointsElsewhere();
    void faultCountsRunOutInOrder();
    void servesTheLargeCase();
    void recordsNothingUnlessAsked();
    void longErrorAndHugeNotFoundListFaults();

private:
    SandboxServer *m_server = nullptr;
    QNetworkAccessManager *m_manager = nullptr;
    QUrl m_caseUrl;
};

void TestSandboxServer::initTestCase()
{
    // One line per request would drown the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("care360.sandbox.info=false"));
}

void TestSandboxServer::init()
{
    m_server = new SandboxServer;
    m_server->setRecordingEnabled(true);
    m_server->store().loadDemo();
    QVERIFY(m_server->listen() != 0);
    m_manager = new QNetworkAccessManager;
    m_caseUrl = caseUrl(m_server->baseUrl(), Demo::acmeCaseId);
}

void TestSandboxServer::cleanup()
{
    delete m_manager;
    delete m_server;
}

void TestSandboxServer::listensOnAFreePortAndRefusesABusyOne()
{
    QCOMPARE(m_server->baseUrl().scheme(), QStringLiteral("http"));
    QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    SandboxServer second;
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("listen failed")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot listen")));
    QCOMPARE(second.listen(QHostAddress::LocalHost, quint16(m_server->baseUrl().port())),
             quint16(0));
    QVERIFY(second.baseUrl().isEmpty());
}

void TestSandboxServer::updatesOverHttpAndRecordsTheRequest()
{
    QSignalSpy handled(m_server, &SandboxServer::requestHandled);
    const QByteArray body = noteUpdate(m_server->store(), QStringLiteral("Called back."));
    const HttpResult result = post(*m_manager, m_caseUrl, kKey, body);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.escalationCount(), 6);
    QCOMPARE(firstNote(m_server->store()), std::optional<QString>(QStringLiteral("Called back.")));
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.at(0).at(0).toInt(), 200);

    const QList<SandboxServer::ReceivedRequest> received = m_server->receivedRequests();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).method, QByteArray("POST"));
    QCOMPARE(received.at(0).path, QStringLiteral("/api/v1/cases/") + Demo::acmeCaseId);
    QCOMPARE(received.at(0).body, body);
    QCOMPARE(received.at(0).status, 200);
    bool sawKey = false;
    for (const auto &header : received.at(0).headers)
        sawKey |=
            header.first.compare("cv-api-key", Qt::CaseInsensitive) == 0 && header.second == kKey;
    QVERIFY(sawKey);
    m_server->clearReceivedRequests();
    QVERIFY(m_server->receivedRequests().isEmpty());
}

void TestSandboxServer::unknownPathsAndMethodsGetJson404_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("usePost");
    QTest::newRow("GET on the case route") << QStringLiteral("/api/v1/cases/x") << false;
    QTest::newRow("POST elsewhere") << QStringLiteral("/api/v1/cases") << true;
    QTest::newRow("POST below a case") << QStringLiteral("/api/v1/cases/x/y") << true;
    QTest::newRow("root") << QStringLiteral("/") << false;
}

void TestSandboxServer::unknownPathsAndMethodsGetJson404()
{
    QFETCH(QString, path);
    QFETCH(bool, usePost);
    QUrl url = m_server->baseUrl();
    url.setPath(path);
    const HttpResult result = usePost ? post(*m_manager, url, kKey, "{}") : get(*m_manager, url);
    QCOMPARE(result.status, 404);
    QVERIFY(result.contentType.startsWith("application/json"));
    QCOMPARE(result.json().value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(result.json().value(QLatin1String("success")).toBool(true), false);
}

void TestSandboxServer::bodiesOverOneMebibyteGet413()
{
    const QByteArray note(SandboxServer::maxBodySize, 'x');
    const HttpResult result =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QString::fromLatin1(note)));
    QCOMPARE(result.status, 413);
    QCOMPARE(result.json().value(QLatin1String("status")).toInt(), 413);
    // Recorded, but the refused body is not kept.
    QCOMPARE(m_server->receivedRequests().size(), 1);
    QCOMPARE(m_server->receivedRequests().at(0).status, 413);
    QVERIFY(m_server->receivedRequests().at(0).body.isEmpty());
    QVERIFY(!firstNote(m_server->store()) || firstNote(m_server->store())->size() < 1000);
    // Exactly at the limit is still served.
    const QByteArray small = noteUpdate(m_server->store(), QString());
    const int room = int(SandboxServer::maxBodySize - small.size());
    const QByteArray atLimit = noteUpdate(m_server->store(), QString(room, QLatin1Char('y')));
    QCOMPARE(atLimit.size(), SandboxServer::maxBodySize);
    QCOMPARE(post(*m_manager, m_caseUrl, kKey, atLimit).status, 200);
}

void TestSandboxServer::delaysAnswersWithoutBlocking()
{
    // Event order, never the clock. Each arrival starts two precise guards on this thread: one at
    // half the delay, one at one and a half. The server's delay timer (coarse: within 5 %) starts
    // just after them on the same thread, and Qt fires due timers in deadline order, so however
    // slow the machine, a delayed answer comes after its half guard and before its late one.
    // No delay, or a delay that blocks the thread, answers before the half guard; an answer that
    // waits for the other request's delay comes after its late guard.
    constexpr int delay = 1000;
    m_server->setDelay(delay);
    QObject context; // ends the guards and connections with this function
    QStringList events;
    const auto note = [&events](const QString &event) {
        return [&events, event] {
            events << event;
        };
    };
    connect(m_server, &SandboxServer::requestReceived, &context, [&] {
        events << QStringLiteral("received");
        QTimer::singleShot(delay / 2, Qt::PreciseTimer, &context, note(QStringLiteral("half")));
        QTimer::singleShot(delay * 3 / 2, Qt::PreciseTimer, &context, note(QStringLiteral("late")));
    });
    connect(m_server, &SandboxServer::requestHandled, &context, note(QStringLiteral("answered")));
    // Two requests at once: both delayed, neither waits for the other.
    QNetworkRequest request(m_caseUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("cv-api-key", kKey);
    std::unique_ptr<QNetworkReply> first(
        m_manager->post(request, noteUpdate(m_server->store(), QStringLiteral("a"))));
    std::unique_ptr<QNetworkReply> second(
        m_manager->post(request, noteUpdate(m_server->store(), QStringLiteral("b"))));
    // A hang guard only: the assertions below are about order.
    QTRY_VERIFY_WITH_TIMEOUT(events.count(QStringLiteral("late")) == 2 && first->isFinished()
                                 && second->isFinished(),
                             60000);
    const QString order = events.join(QLatin1Char(' '));
    QCOMPARE(events.count(QStringLiteral("received")), 2);
    QCOMPARE(events.count(QStringLiteral("answered")), 2);
    for (qsizetype end = 1; end <= events.size(); ++end) {
        const QStringList before = events.first(end);
        QVERIFY2(before.count(QStringLiteral("answered")) <= before.count(QStringLiteral("half")),
                 qPrintable(QStringLiteral("answered before half the delay: ") + order));
        QVERIFY2(before.count(QStringLiteral("late")) <= before.count(QStringLiteral("answered")),
                 qPrintable(QStringLiteral("an answer waited for the other: ") + order));
    }
    QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestSandboxServer::http500HasAnHtmlBody()
{
    m_server->setFault(Fault::Http500);
    const HttpResult result =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QCOMPARE(result.status, 500);
    QVERIFY(result.contentType.startsWith("text/html"));
    QVERIFY(result.body.contains("<html>"));
    QVERIFY(firstNote(m_server->store()) != std::optional<QString>(QStringLiteral("x")));
    QCOMPARE(m_server->receivedRequests().at(0).status, 500);
}

void TestSandboxServer::badJsonIsTruncatedWith200()
{
    m_server->setFault(Fault::BadJson);
    const HttpResult result =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.contentType.startsWith("application/json"));
    QJsonParseError error {};
    QJsonDocument::fromJson(result.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QVERIFY(result.body.startsWith("{\"status\":200"));
}

void TestSandboxServer::dropClosesWithoutAnswer()
{
    // -1: Qt's network stack resends a POST once when the connection closes without an answer.
    m_server->setFault(Fault::Drop);
    const HttpResult result =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QVERIFY(result.finished);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(firstNote(m_server->store()) != std::optional<QString>(QStringLiteral("x")));
    QCOMPARE(m_server->receivedRequests().at(0).status, 0);
    m_server->setFault(Fault::None);
    QCOMPARE(post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")))
                 .status,
             200);
}

void TestSandboxServer::slowTricklesTheRealAnswer()
{
    m_server->setSlowDuration(800);
    m_server->setFault(Fault::Slow, 1);
    QNetworkRequest request(m_caseUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("cv-api-key", kKey);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply =
        m_manager->post(request, noteUpdate(m_server->store(), QStringLiteral("slow")));
    int pieces = 0;
    connect(reply, &QNetworkReply::readyRead, this, [&pieces] { ++pieces; });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(pieces >= 5, qPrintable(QString::number(pieces)));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(
        QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("success")).toBool(),
        true);
    QCOMPARE(firstNote(m_server->store()), std::optional<QString>(QStringLiteral("slow")));
    delete reply;
}

void TestSandboxServer::hugeSendsFiftyMegabytes()
{
    m_server->setFault(Fault::Huge, 1);
    const HttpResult result = post(*m_manager, m_caseUrl, kKey,
                                   noteUpdate(m_server->store(), QStringLiteral("x")), 60000);
    QVERIFY(result.finished);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentLength, FaultInjector::hugeBodySize);
    QCOMPARE(qint64(result.body.size()), FaultInjector::hugeBodySize);
    QVERIFY(firstNote(m_server->store()) != std::optional<QString>(QStringLiteral("x")));
    // The connection is still usable afterwards.
    QCOMPARE(post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("y")))
                 .status,
             200);
}

void TestSandboxServer::redirectPointsElsewhere()
{
    m_server->setFault(Fault::Redirect, 1);
    const HttpResult result =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QCOMPARE(result.status, 302);
    QCOMPARE(result.location, QByteArray("http://127.0.0.2:1/elsewhere"));
    QVERIFY(firstNote(m_server->store()) != std::optional<QString>(QStringLiteral("x")));
}

void TestSandboxServer::faultCountsRunOutInOrder()
{
    m_server->setFault(Fault::Http500, 2);
    m_server->addFault(Fault::Redirect, 1);
    QList<int> statuses;
    for (int i = 0; i < 5; ++i)
        statuses << post(*m_manager, m_caseUrl, kKey,
                         noteUpdate(m_server->store(), QStringLiteral("n")))
                        .status;
    QCOMPARE(statuses, (QList<int> { 500, 500, 302, 200, 200 }));
    m_server->setFault(Fault::Http500);
    m_server->setFault(Fault::None);
    QCOMPARE(post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("n")))
                 .status,
             200);
}

void TestSandboxServer::servesTheLargeCase()
{
    const HttpResult result = post(
        *m_manager, caseUrl(m_server->baseUrl(), Demo::acmeLargeCaseId), kKey,
        R"({"action":"UPDATE_ESCALATION","escalations":[{"escalationId":"00000000-0000-0000-0000-000000000000"}]})");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.escalationCount(), 1000);
}

void TestSandboxServer::recordsNothingUnlessAsked()
{
    // The stand-alone sandbox once kept 1,000 requests with keys and note text.
    SandboxServer quiet;
    quiet.store().loadDemo();
    QVERIFY(quiet.listen() != 0);
    QUrl url = m_caseUrl;
    url.setPort(quiet.baseUrl().port());
    QCOMPARE(post(*m_manager, url, kKey, noteUpdate(quiet.store(), QStringLiteral("kept?"))).status,
             200);
    QCOMPARE(quiet.receivedRequests().size(), 0);
}

void TestSandboxServer::longErrorAndHugeNotFoundListFaults()
{
    m_server->setFault(Fault::LongError, 1);
    const HttpResult longError =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QCOMPARE(longError.status, 500);
    const QString error = longError.json().value(QLatin1String("error")).toString();
    QVERIFY(error.size() > FaultInjector::longErrorSize);
    QVERIFY(error.startsWith(QChar(0x1b)));

    m_server->setFault(Fault::HugeNotFoundList, 1);
    const HttpResult notFound =
        post(*m_manager, m_caseUrl, kKey, noteUpdate(m_server->store(), QStringLiteral("x")));
    QCOMPARE(notFound.status, 400);
    const QString list = notFound.json().value(QLatin1String("error")).toString();
    QVERIFY(list.startsWith(QLatin1String("Escalation not found: ")));
    QCOMPARE(list.count(QLatin1Char(',')), FaultInjector::notFoundRepeats - 1);
    QVERIFY(notFound.json()
                .value(QLatin1String("data"))
                .toObject()
                .contains(QLatin1String("escalations")));
}

QTEST_MAIN(TestSandboxServer)
#include "tst_sandbox_server.moc"
