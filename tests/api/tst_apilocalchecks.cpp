// What the client decides before sending: environments, local validation, refusals.
#include "apitestsupport.h"

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/sandbox/demodata.h"
#include "models/contractcodec.h"
#include "models/environment.h"

#include <QNetworkReply>
#include <QTest>

using namespace Care360;
using namespace Care360::TestSupport;
using Kind = ApiOutcome::Kind;
namespace Demo = Care360::Sandbox::Demo;

class TestApiLocalChecks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_fixture.listen()); }
    void init() { m_fixture.reset(); }

    void environments();
    void localValidation_data();
    void localValidation();
    void localValidationReadsLikeTheServer_data();
    void localValidationReadsLikeTheServer();
    void missingKeyIsRefusedWithoutSending();

private:
    QString firstActiveId()
    {
        return m_server.store().activeEscalations(Demo::acmeCaseId).value(0).id;
    }
    UpdateEscalationsJob *update(const QList<EscalationUpdate> &updates)
    {
        return m_client.updateEscalations(Demo::acmeCaseId, updates);
    }

    SandboxFixture m_fixture;
    Sandbox::SandboxServer &m_server = m_fixture.server;
    QNetworkAccessManager &m_network = m_fixture.network;
    ApiClient &m_client = m_fixture.client;
};

void TestApiLocalChecks::environments()
{
    QCOMPARE(Environment::production().baseUrl,
             QUrl(QStringLiteral("https://api.care360-next.carevalidate.com")));
    QCOMPARE(Environment::staging().baseUrl,
             QUrl(QStringLiteral("https://api-staging.care360-next.carevalidate.com")));
    QVERIFY(Environment::production().isProduction());
    QVERIFY(!Environment::staging().isProduction());
    const QUrl local(QStringLiteral("http://127.0.0.1:8080"));
    QCOMPARE(Environment::sandbox(local).baseUrl, local);
    QCOMPARE(Environment::custom(local).kind, Environment::Kind::Custom);
    QCOMPARE(Environment::sandbox(local).name(), QStringLiteral("sandbox"));
    QCOMPARE(Environment::staging().displayName(), QStringLiteral("Staging"));
    for (const Environment &e : { Environment::production(), Environment::staging(),
                                  Environment::sandbox(local), Environment::custom(local) })
        QCOMPARE(Environment::kindFromName(e.name()), std::optional(e.kind));
    QCOMPARE(Environment::kindFromName(QStringLiteral("Production")),
             std::optional(Environment::Kind::Production));
    QVERIFY(!Environment::kindFromName(QStringLiteral("prod")));
}

void TestApiLocalChecks::localValidation_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QList<EscalationUpdate>>("updates");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("itemIndex");
    QTest::addColumn<QString>("field");

    const QString valid = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    EscalationUpdate ok;
    ok.escalationId = valid;
    ok.note = QStringLiteral("n");
    EscalationUpdate empty;
    empty.escalationId = valid;
    EscalationUpdate badId = ok;
    badId.escalationId = QStringLiteral("not-a-uuid");
    EscalationUpdate badEmail = ok;
    badEmail.assignedToEmail = QStringLiteral("agent at acme");
    EscalationUpdate badDate = ok;
    badDate.followUpDueAt = QDateTime();

    QTest::newRow("case id") << QStringLiteral("42") << QList { ok } << QStringLiteral("caseId")
                             << -1 << QString();
    QTest::newRow("no updates") << Demo::acmeCaseId << QList<EscalationUpdate>()
                                << QStringLiteral("escalations") << -1 << QString();
    QTest::newRow("empty item") << Demo::acmeCaseId << QList { ok, empty }
                                << QStringLiteral("escalations.1") << 1 << QString();
    QTest::newRow("escalation id")
        << Demo::acmeCaseId << QList { ok, ok, badId }
        << QStringLiteral("escalations.2.escalationId") << 2 << QStringLiteral("escalationId");
    QTest::newRow("email") << Demo::acmeCaseId << QList { badEmail }
                           << QStringLiteral("escalations.0.assignedToEmail") << 0
                           << QStringLiteral("assignedToEmail");
    QTest::newRow("follow-up") << Demo::acmeCaseId << QList { ok, badDate }
                               << QStringLiteral("escalations.1.followUpDueAt") << 1
                               << QStringLiteral("followUpDueAt");
}

void TestApiLocalChecks::localValidation()
{
    QFETCH(QString, caseId);
    QFETCH(QList<EscalationUpdate>, updates);
    QFETCH(QString, path);
    QFETCH(int, itemIndex);
    QFETCH(QString, field);
    std::optional<ApiOutcome> synchronous;
    UpdateEscalationsJob *job = m_client.updateEscalations(caseId, updates);
    connect(job, &ApiJob::finished, this, [&](const ApiOutcome &o) { synchronous = o; });
    QVERIFY2(!synchronous, "the outcome must arrive asynchronously");
    const JobResult result = waitForJob(job);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::ValidationFailed);
    QCOMPARE(result.outcome->validationPath, path);
    QCOMPARE(result.outcome->itemIndex, itemIndex);
    QCOMPARE(result.outcome->field, field);
    QVERIFY(!result.outcome->validationMessage.isEmpty());
    QCOMPARE(result.outcome->requestId, result.requestId);
    QCOMPARE(result.outcome->httpStatus, 0);
    QCOMPARE(m_server.receivedRequests().size(), 0);
}

void TestApiLocalChecks::localValidationReadsLikeTheServer_data()
{
    QTest::addColumn<QList<EscalationUpdate>>("updates");
    EscalationUpdate badId;
    badId.escalationId = QStringLiteral("1234");
    badId.note = QStringLiteral("n");
    EscalationUpdate badEmail;
    badEmail.escalationId = firstActiveId();
    badEmail.assignedToEmail = QStringLiteral("nobody@");
    QTest::newRow("empty array") << QList<EscalationUpdate>();
    QTest::newRow("uuid") << QList { badId };
    QTest::newRow("email") << QList { badEmail };
}

void TestApiLocalChecks::localValidationReadsLikeTheServer()
{
    QFETCH(QList<EscalationUpdate>, updates);
    const JobResult local = waitForJob(update(updates));
    QVERIFY(local.outcome);
    QCOMPARE(m_server.receivedRequests().size(), 0);

    // The same body sent past the client, straight to the sandbox.
    QNetworkRequest request(
        m_server.baseUrl().resolved(QUrl(QStringLiteral("/api/v1/cases/") + Demo::acmeCaseId)));
    request.setRawHeader("cv-api-key", Demo::acmeApiKey.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.post(request, Codec::encodeUpdateRequest(updates));
    QTRY_VERIFY(reply->isFinished());
    const ApiOutcome server = Codec::decodeResponse(
        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
    reply->deleteLater();
    QCOMPARE(server.kind, Kind::ValidationFailed);
    QCOMPARE(local.outcome->kind, server.kind);
    QCOMPARE(local.outcome->validationPath, server.validationPath);
    QCOMPARE(local.outcome->validationMessage, server.validationMessage);
    QCOMPARE(local.outcome->itemIndex, server.itemIndex);
    QCOMPARE(local.outcome->userMessage(), server.userMessage());
}

void TestApiLocalChecks::missingKeyIsRefusedWithoutSending()
{
    m_client.setApiKey(QString());
    QVERIFY(!m_client.hasApiKey());
    const JobResult result = waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId));
    QCOMPARE(result.outcome->kind, Kind::Refused);
    QCOMPARE(m_server.receivedRequests().size(), 0);
    m_client.setApiKey(QStringLiteral("bad\r\nX-Injected: 1"));
    QCOMPARE(waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId)).outcome->kind,
             Kind::Refused);
    QCOMPARE(m_server.receivedRequests().size(), 0);
}

QTEST_GUILESS_MAIN(TestApiLocalChecks)
#include "tst_apilocalchecks.moc"
