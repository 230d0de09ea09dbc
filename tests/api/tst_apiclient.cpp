// Every documented server outcome through ApiClient, over real loopback HTTP to the sandbox.
#include "apitestsupport.h"
#include "models/caseid.h"
#include "models/qtcompat.h"

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/sandbox/demodata.h"
#include "care360/version.h"
#include "models/requestschema.h"

#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

using namespace Care360;
using namespace Care360::TestSupport;
using Kind = ApiOutcome::Kind;
namespace Demo = Care360::Sandbox::Demo;

class TestApiClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listsActiveEscalationsWithoutChangingThem();
    void listOfUnknownCaseIsCaseNotFound();
    void listOfOtherOrganisationIsPermissionDenied();
    void wrongKeyIsInvalidApiKey();
    void updatesOneNote();
    void multiItemUpdateIsOneRequest();
    void onlyChangedFieldsGoOnTheWire();
    void followUpIsSentAsUtcWithMilliseconds();
    void unknownEscalationIsNotFoundWithActiveList();
    void completedEscalationIsNotFound();
    void unassignableEmailIsAssigneeNotFound();
    void headersAreSet();
    void cancelReportsCancelled();

private:
    QString firstActiveId(const QString &caseId, int index = 0) const;
    UpdateEscalationsJob *update(const QList<EscalationUpdate> &updates,
                                 const QString &caseId = Demo::acmeCaseId);

    SandboxFixture m_fixture;
    Sandbox::SandboxServer &m_server = m_fixture.server;
    ApiClient &m_client = m_fixture.client;
};

void TestApiClient::initTestCase()
{
    QVERIFY(m_fixture.listen());
}

void TestApiClient::init()
{
    m_fixture.reset();
}

QString TestApiClient::firstActiveId(const QString &caseId, int index) const
{
    auto &server = const_cast<Sandbox::SandboxServer &>(m_server);
    return server.store().activeEscalations(caseId).value(index).id;
}

UpdateEscalationsJob *TestApiClient::update(const QList<EscalationUpdate> &updates,
                                            const QString &caseId)
{
    return m_client.updateEscalations(caseId, updates);
}

void TestApiClient::listsActiveEscalationsWithoutChangingThem()
{
    const QList<Escalation> before = m_server.store().activeEscalations(Demo::acmeCaseId);
    QVERIFY(before.size() >= 2);
    FetchEscalationsJob *job = m_client.fetchActiveEscalations(Demo::acmeCaseId);
    const QString probe = job->probeId();
    const JobResult result = waitForJob(job);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Listed);
    QVERIFY(result.outcome->isSuccess());
    QVERIFY(result.outcome->missingIds.isEmpty());
    QCOMPARE(result.outcome->escalations.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(result.outcome->escalations.at(i).id, before.at(i).id);
        QCOMPARE(result.outcome->escalations.at(i).note, before.at(i).note);
        QCOMPARE(result.outcome->escalations.at(i).followUpDueAt, before.at(i).followUpDueAt);
    }
    // On the wire: one item, a fresh UUID that is no escalation, and no other field.
    const auto received = m_server.receivedRequests();
    QCOMPARE(received.size(), 1);
    const QJsonArray items = receivedItems(received.at(0));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().keys(), QStringList { QStringLiteral("escalationId") });
    QCOMPARE(items.at(0).toObject().value(QLatin1String("escalationId")).toString(), probe);
    QVERIFY(CaseId::isUuid(probe));
    QVERIFY(!m_server.store().escalation(Demo::acmeCaseId, probe));
    QCOMPARE(m_server.store().activeEscalations(Demo::acmeCaseId), before);
    // The raw envelope is kept for --json style output.
    QCOMPARE(
        QJsonDocument::fromJson(result.rawBody).object().value(QLatin1String("status")).toInt(),
        400);
    // Two listings never reuse the probe ID.
    FetchEscalationsJob *second = m_client.fetchActiveEscalations(Demo::acmeCaseId);
    QVERIFY(second->probeId() != probe);
    QCOMPARE(waitForJob(second).outcome->kind, Kind::Listed);
}

void TestApiClient::listOfUnknownCaseIsCaseNotFound()
{
    const JobResult result = waitForJob(
        m_client.fetchActiveEscalations(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::CaseNotFound);
    QCOMPARE(result.outcome->httpStatus, 400);
}

void TestApiClient::listOfOtherOrganisationIsPermissionDenied()
{
    const JobResult result = waitForJob(m_client.fetchActiveEscalations(Demo::globexCaseId));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::PermissionDenied);
    QCOMPARE(result.outcome->httpStatus, 401);
}

void TestApiClient::wrongKeyIsInvalidApiKey()
{
    m_client.setApiKey(QStringLiteral("not-a-demo-key"));
    const JobResult result = waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::InvalidApiKey);
    QVERIFY(!result.outcome->isSuccess());
}

void TestApiClient::updatesOneNote()
{
    const QString id = firstActiveId(Demo::acmeCaseId);
    EscalationUpdate change;
    change.escalationId = id;
    change.note = QStringLiteral("Called the pharmacy, refill ships Monday.");
    const JobResult result = waitForJob(update({ change }));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Updated);
    QCOMPARE(result.outcome->httpStatus, 200);
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, id)->note, change.note);
    const auto returned =
        std::find_if(result.outcome->escalations.cbegin(), result.outcome->escalations.cend(),
                     [&](const Escalation &e) { return e.id == id; });
    QVERIFY(returned != result.outcome->escalations.cend());
    QCOMPARE(returned->note, change.note);
}

void TestApiClient::multiItemUpdateIsOneRequest()
{
    EscalationUpdate first;
    first.escalationId = firstActiveId(Demo::acmeCaseId, 0);
    first.note = QStringLiteral("first");
    EscalationUpdate second;
    second.escalationId = firstActiveId(Demo::acmeCaseId, 1);
    second.assignedToEmail = Demo::acmeNurseEmail;
    UpdateEscalationsJob *job = update({ first, second });
    QCOMPARE(job->fieldNames(),
             (QStringList { QStringLiteral("note"), QStringLiteral("assignedToEmail") }));
    QCOMPARE(job->caseId(), Demo::acmeCaseId);
    const JobResult result = waitForJob(job);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::Updated);
    QCOMPARE(m_server.receivedRequests().size(), 1);
    QCOMPARE(receivedItems(m_server.receivedRequests().at(0)).size(), 2);
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, first.escalationId)->note, first.note);
    const Escalation assigned = *m_server.store().escalation(Demo::acmeCaseId, second.escalationId);
    QVERIFY(assigned.assignedToUserId);
    QCOMPARE(m_server.store().userEmail(*assigned.assignedToUserId), Demo::acmeNurseEmail);
}

void TestApiClient::onlyChangedFieldsGoOnTheWire()
{
    EscalationUpdate assignOnly;
    assignOnly.escalationId = firstActiveId(Demo::acmeCaseId, 0);
    assignOnly.assignedToEmail = Demo::acmeAgentEmail;
    EscalationUpdate noteAndDate;
    noteAndDate.escalationId = firstActiveId(Demo::acmeCaseId, 1);
    noteAndDate.note = QString(); // an empty note is a change too: it must be sent
    noteAndDate.followUpDueAt = QtCompat::utcDateTime(QDate(2031, 1, 2), QTime(3, 4));
    const Escalation untouched =
        *m_server.store().escalation(Demo::acmeCaseId, assignOnly.escalationId);
    QCOMPARE(waitForJob(update({ assignOnly, noteAndDate })).outcome->kind, Kind::Updated);

    const QJsonArray items = receivedItems(m_server.receivedRequests().value(0));
    QCOMPARE(items.size(), 2);
    QStringList keys0 = items.at(0).toObject().keys();
    QStringList keys1 = items.at(1).toObject().keys();
    keys0.sort();
    keys1.sort();
    QCOMPARE(keys0,
             (QStringList { QStringLiteral("assignedToEmail"), QStringLiteral("escalationId") }));
    QCOMPARE(keys1,
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("followUpDueAt"),
                            QStringLiteral("note") }));
    QCOMPARE(items.at(1).toObject().value(QLatin1String("note")).toString(), QString());
    const Escalation after =
        *m_server.store().escalation(Demo::acmeCaseId, assignOnly.escalationId);
    QCOMPARE(after.note, untouched.note);
    QCOMPARE(after.followUpDueAt, untouched.followUpDueAt);
}

void TestApiClient::followUpIsSentAsUtcWithMilliseconds()
{
    EscalationUpdate change;
    change.escalationId = firstActiveId(Demo::acmeCaseId);
    // 11:00:00.250 in Berlin summer time is 09:00:00.250 UTC.
    change.followUpDueAt = QDateTime(QDate(2025, 6, 15), QTime(11, 0, 0, 250),
                                     QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    QCOMPARE(waitForJob(update({ change })).outcome->kind, Kind::Updated);
    const QJsonArray items = receivedItems(m_server.receivedRequests().value(0));
    QCOMPARE(items.at(0).toObject().value(QLatin1String("followUpDueAt")).toString(),
             QStringLiteral("2025-06-15T09:00:00.250Z"));
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, change.escalationId)->followUpDueAt,
             QtCompat::utcDateTime(QDate(2025, 6, 15), QTime(9, 0, 0, 250)));
}

void TestApiClient::unknownEscalationIsNotFoundWithActiveList()
{
    const QString unknown = QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210");
    EscalationUpdate good;
    good.escalationId = firstActiveId(Demo::acmeCaseId);
    good.note = QStringLiteral("must not be applied");
    EscalationUpdate bad;
    bad.escalationId = unknown;
    bad.note = QStringLiteral("x");
    const auto before = m_server.store().escalation(Demo::acmeCaseId, good.escalationId);
    const JobResult result = waitForJob(update({ good, bad }));
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::EscalationsNotFound);
    QCOMPARE(result.outcome->missingIds, QStringList { unknown });
    QCOMPARE(result.outcome->escalations.size(),
             m_server.store().activeEscalations(Demo::acmeCaseId).size());
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, good.escalationId), before);
}

void TestApiClient::completedEscalationIsNotFound()
{
    const QString id = firstActiveId(Demo::acmeCaseId);
    QVERIFY(m_server.store().setCompleted(Demo::acmeCaseId, id, true));
    EscalationUpdate change;
    change.escalationId = id;
    change.note = QStringLiteral("too late");
    const JobResult result = waitForJob(update({ change }));
    QCOMPARE(result.outcome->kind, Kind::EscalationsNotFound);
    QCOMPARE(result.outcome->missingIds, QStringList { id });
    for (const Escalation &e : result.outcome->escalations)
        QVERIFY(e.id != id);
}

void TestApiClient::unassignableEmailIsAssigneeNotFound()
{
    EscalationUpdate change;
    change.escalationId = firstActiveId(Demo::acmeCaseId);
    change.assignedToEmail = Demo::acmeManagerEmail;
    const JobResult result = waitForJob(update({ change }));
    QCOMPARE(result.outcome->kind, Kind::AssigneeNotFound);
    QCOMPARE(result.outcome->email, Demo::acmeManagerEmail);
    QCOMPARE(result.outcome->httpStatus, 400);
}

void TestApiClient::headersAreSet()
{
    const JobResult first = waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId));
    const JobResult second = waitForJob(m_client.fetchActiveEscalations(Demo::acmeCaseId));
    const auto received = m_server.receivedRequests();
    QCOMPARE(received.size(), 2);
    const auto &request = received.at(0);
    QCOMPARE(request.method, QByteArrayLiteral("POST"));
    QCOMPARE(request.path, QStringLiteral("/api/v1/cases/") + Demo::acmeCaseId);
    QCOMPARE(headerValue(request, "cv-api-key"), Demo::acmeApiKey.toLatin1());
    QCOMPARE(headerValue(request, "content-type"), QByteArrayLiteral("application/json"));
    QCOMPARE(headerValue(request, "accept"), QByteArrayLiteral("application/json"));
    QCOMPARE(headerValue(request, "user-agent"),
             QByteArrayLiteral("care360-escalations/" CARE360_VERSION " (Qt ") + qVersion() + ')');
    const QByteArray id1 = headerValue(received.at(0), "x-request-id");
    const QByteArray id2 = headerValue(received.at(1), "x-request-id");
    QVERIFY(CaseId::isUuid(QString::fromLatin1(id1)));
    QVERIFY(id1 != id2);
    QCOMPARE(QString::fromLatin1(id1), first.outcome->requestId);
    QCOMPARE(first.requestId, first.outcome->requestId);
    QCOMPARE(QString::fromLatin1(id2), second.outcome->requestId);
}

void TestApiClient::cancelReportsCancelled()
{
    m_server.setDelay(3000);
    EscalationUpdate change;
    change.escalationId = firstActiveId(Demo::acmeCaseId);
    change.note = QStringLiteral("cancelled before the answer");
    UpdateEscalationsJob *job = update({ change });
    QTimer::singleShot(200, job, &ApiJob::cancel);
    const JobResult result = waitForJob(job);
    QCOMPARE(result.outcome->kind, Kind::Cancelled);
    QCOMPARE(result.outcome->requestId, result.requestId);
    QCOMPARE(result.outcome->userMessage(),
             QStringLiteral("The request was cancelled; your changes are kept."));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
