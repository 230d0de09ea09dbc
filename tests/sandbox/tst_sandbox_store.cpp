// The store without a network: the ordered checks, atomicity and the demo data.
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxstore.h"
#include "contractfixture.h"
#include "models/contractcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Care360;
using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

namespace {

QByteArray request(const QJsonArray &items)
{
    return QJsonDocument(
               QJsonObject { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                             { QStringLiteral("escalations"), items } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject item(const QString &id, const QString &key = QString(),
                 const QString &value = QString())
{
    QJsonObject object { { QStringLiteral("escalationId"), id } };
    if (!key.isEmpty())
        object.insert(key, value);
    return object;
}

} // namespace

class TestSandboxStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void checksRunInTheDocumentedOrder_data();
    void checksRunInTheDocumentedOrder();
    void listsSeveralMissingIdsOnce();
    void nothingChangesWhenOneIdIsMissing();
    void nothingChangesWhenOneAssigneeIsWrong();
    void appliesEveryItemWithOneTimestamp();
    void emailMatchingIgnoresCase();
    void onlyCvtpaUsersOfTheCaseOrganisationAreAssignable();
    void completedEscalationsAreHiddenAndNotUpdatable();
    void setCompletedSimulatesAnotherClient();
    void demoDataHasWhatTheDocsPromise();

private:
    SandboxStore m_store;
};

void TestSandboxStore::init()
{
    QString error;
    QVERIFY2(m_store.loadFile(Contract::dataFile, &error), qPrintable(error));
}

void TestSandboxStore::checksRunInTheDocumentedOrder_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QByteArray badBody = "{\"action\":\"UPDATE_ESCALATION\",\"escalations\":[]}";
    const QByteArray missing =
        request({ item(QStringLiteral("00000000-0000-0000-0000-000000000000"),
                       QStringLiteral("assignedToEmail"), QStringLiteral("nobody@example.com")) });
    const QByteArray badAssignee =
        request({ item(Contract::escalationId, QStringLiteral("assignedToEmail"),
                       QStringLiteral("nobody@example.com")) });
    const QString invalidKey = QStringLiteral("Invalid API key");
    // Each row breaks this check and every later one: the earliest must win.
    QTest::newRow("1 no key") << QStringLiteral("nope") << QByteArray() << badBody << 401
                              << invalidKey;
    QTest::newRow("1 unknown key")
        << QStringLiteral("nope") << QByteArray("wrong") << badBody << 401 << invalidKey;
    QTest::newRow("2 not JSON") << QStringLiteral("nope") << Contract::apiKey << QByteArray("{oops")
                                << 400 << QStringLiteral("Expected object, received undefined");
    QTest::newRow("2 JSON array") << QStringLiteral("nope") << Contract::apiKey << QByteArray("[]")
                                  << 400 << QStringLiteral("Expected object, received array");
    QTest::newRow("2 empty list") << QStringLiteral("nope") << Contract::apiKey << badBody << 400
                                  << QStringLiteral(
                                         "escalations, At least one escalation is required");
    QTest::newRow("2 wrong action")
        << QStringLiteral("nope") << Contract::apiKey
        << QByteArray("{\"action\":\"ADD_ESCALATION\",\"escalations\":[]}") << 400
        << QStringLiteral("action, Invalid literal value, expected \"UPDATE_ESCALATION\"");
    QTest::newRow("3 unknown case") << QStringLiteral("nope") << Contract::apiKey << missing << 400
                                    << QStringLiteral("Case not found!");
    QTest::newRow("4 other organisation") << Contract::otherCaseId << Contract::apiKey << missing
                                          << 401 << QStringLiteral("Permission denied!");
    QTest::newRow("5 missing id")
        << Contract::caseId << Contract::apiKey << missing << 400
        << QStringLiteral("Escalation not found: 00000000-0000-0000-0000-000000000000");
    QTest::newRow("6 bad assignee")
        << Contract::caseId << Contract::apiKey << badAssignee << 400
        << QStringLiteral(
               "No assignable user found with email nobody@example.com for this organization");
}

void TestSandboxStore::checksRunInTheDocumentedOrder()
{
    QFETCH(QString, caseId);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    const Reply reply = m_store.handle(caseId, key, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.body.value(QLatin1String("status")).toInt(), status);
    QCOMPARE(reply.body.value(QLatin1String("error")).toString(), error);
}

void TestSandboxStore::listsSeveralMissingIdsOnce()
{
    const QString a = QStringLiteral("11111111-1111-1111-1111-111111111111");
    const QString b = QStringLiteral("22222222-2222-2222-2222-222222222222");
    const Reply reply =
        m_store.handle(Contract::caseId, Contract::apiKey,
                       request({ item(a), item(Contract::escalationId), item(b), item(a) }));
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body.value(QLatin1String("error")).toString(),
             QStringLiteral("Escalation not found: ") + a + QStringLiteral(", ") + b);
    QVERIFY(!reply.body.contains(QLatin1String("message")));
    const QJsonArray list = reply.body.value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("escalations"))
                                .toArray();
    QCOMPARE(list.size(), 1);
    QVERIFY(!list.at(0).toObject().contains(QLatin1String("updatedAt")));
}

void TestSandboxStore::nothingChangesWhenOneIdIsMissing()
{
    const QList<Escalation> before = m_store.activeEscalations(Contract::caseId);
    const Reply reply = m_store.handle(
        Contract::caseId, Contract::apiKey,
        request({ item(Contract::escalationId, QStringLiteral("note"), QStringLiteral("changed")),
                  item(QStringLiteral("33333333-3333-3333-3333-333333333333"),
                       QStringLiteral("note"), QStringLiteral("x")) }));
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_store.activeEscalations(Contract::caseId), before);
}

void TestSandboxStore::nothingChangesWhenOneAssigneeIsWrong()
{
    // Two valid items, the second with a bad e-mail: the first must not be applied either.
    QJsonObject first =
        item(Contract::escalationId, QStringLiteral("note"), QStringLiteral("changed"));
    first.insert(QStringLiteral("followUpDueAt"), QStringLiteral("2025-07-01T10:00:00.000Z"));
    const QList<Escalation> before = m_store.activeEscalations(Contract::caseId);
    const Reply reply =
        m_store.handle(Contract::caseId, Contract::apiKey,
                       request({ first,
                                 item(Contract::escalationId, QStringLiteral("assignedToEmail"),
                                      QStringLiteral("agent@example.com")) }));
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_store.activeEscalations(Contract::caseId), before);
}

void TestSandboxStore::appliesEveryItemWithOneTimestamp()
{
    QJsonObject update = item(Contract::escalationId, QStringLiteral("note"), QString());
    update.insert(QStringLiteral("followUpDueAt"), QStringLiteral("2025-06-15T11:00:00+02:00"));
    const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const Reply reply = m_store.handle(Contract::caseId, Contract::apiKey, request({ update }));
    QCOMPARE(reply.status, 200);
    const std::optional<Escalation> e =
        m_store.escalation(Contract::caseId, Contract::escalationId);
    QCOMPARE(e->note, std::optional<QString>(QString()));
    QCOMPARE(Codec::formatTimestamp(*e->followUpDueAt), QStringLiteral("2025-06-15T09:00:00.000Z"));
    QVERIFY(!e->assignedToUserId);
    QVERIFY(*e->updatedAt >= start);
    const QJsonObject json = reply.body.value(QLatin1String("data"))
                                 .toObject()
                                 .value(QLatin1String("escalations"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(json.value(QLatin1String("followUpDueAt")).toString(),
             QStringLiteral("2025-06-15T09:00:00.000Z"));
    QCOMPARE(json.value(QLatin1String("updatedAt")).toString(),
             Codec::formatTimestamp(*e->updatedAt));
}

void TestSandboxStore::emailMatchingIgnoresCase()
{
    const Reply reply = m_store.handle(
        Contract::caseId, Contract::apiKey,
        request({ item(Contract::escalationId.toUpper(), QStringLiteral("assignedToEmail"),
                       QStringLiteral("NewAgent@Example.COM")) }));
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_store.escalation(Contract::caseId, Contract::escalationId)->assignedToUserId,
             std::optional<QString>(QStringLiteral("u1v2w3x4-y5z6-7890-abcd-ef1234567890")));
}

void TestSandboxStore::onlyCvtpaUsersOfTheCaseOrganisationAreAssignable()
{
    // A CVTPA user of the other organisation is unknown here.
    const Reply reply =
        m_store.handle(Contract::caseId, Contract::apiKey,
                       request({ item(Contract::escalationId, QStringLiteral("assignedToEmail"),
                                      QStringLiteral("newagent@other.example")) }));
    QCOMPARE(reply.status, 400);
    QVERIFY(!m_store.escalation(Contract::caseId, Contract::escalationId)->assignedToUserId);
}

void TestSandboxStore::completedEscalationsAreHiddenAndNotUpdatable()
{
    const Reply reply = m_store.handle(
        Contract::caseId, Contract::apiKey,
        request({ item(Contract::completedId, QStringLiteral("note"), QStringLiteral("x")) }));
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_store.escalation(Contract::caseId, Contract::completedId)->note,
             std::optional<QString>(QStringLiteral("Completed before the example request.")));
}

void TestSandboxStore::setCompletedSimulatesAnotherClient()
{
    QVERIFY(m_store.setCompleted(Contract::caseId, Contract::escalationId, true));
    QVERIFY(m_store.activeEscalations(Contract::caseId).isEmpty());
    QCOMPARE(
        m_store
            .handle(Contract::caseId, Contract::apiKey, request({ item(Contract::escalationId) }))
            .status,
        400);
    QVERIFY(m_store.setCompleted(Contract::caseId, Contract::completedId, false));
    QCOMPARE(m_store.activeEscalations(Contract::caseId).size(), 1);
    QCOMPARE(m_store.activeEscalations(Contract::caseId).at(0).id, Contract::completedId);
    QVERIFY(!m_store.setCompleted(Contract::caseId,
                                  QStringLiteral("44444444-4444-4444-4444-444444444444"), true));
    QVERIFY(!m_store.setCompleted(QStringLiteral("nope"), Contract::escalationId, true));
}

void TestSandboxStore::demoDataHasWhatTheDocsPromise()
{
    SandboxStore store;
    store.loadDemo();
    QCOMPARE(store.activeEscalations(Demo::acmeCaseId).size(), 6);
    QCOMPARE(store.activeEscalations(Demo::acmeSecondCaseId).size(), 3);
    QCOMPARE(store.activeEscalations(Demo::acmeLargeCaseId).size(), 1000);
    QCOMPARE(store.activeEscalations(Demo::globexCaseId).size(), 4);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    int overdue = 0, dueSoon = 0, noFollowUp = 0, withNote = 0, assigned = 0;
    for (const Escalation &e : store.activeEscalations(Demo::acmeCaseId)) {
        overdue += e.followUpDueAt && *e.followUpDueAt < now;
        dueSoon += e.followUpDueAt && *e.followUpDueAt > now && *e.followUpDueAt < now.addDays(1);
        noFollowUp += !e.followUpDueAt;
        withNote += bool(e.note);
        assigned += bool(e.assignedToUserId);
    }
    QVERIFY(overdue >= 1 && dueSoon >= 1 && noFollowUp >= 1 && withNote >= 1 && assigned >= 1);

    const QList<SandboxOrganization> orgs = store.organizations();
    QCOMPARE(orgs.size(), 2);
    QCOMPARE(orgs.at(0).name, Demo::acmeName);
    QCOMPARE(orgs.at(1).name, Demo::globexName);

    // The documented keys, e-mails and roles behave as promised.
    auto assign = [&store](const QString &caseId, const QString &key, const QString &email) {
        const QString id = store.activeEscalations(caseId).at(0).id;
        return store
            .handle(caseId, key.toUtf8(),
                    request({ item(id, QStringLiteral("assignedToEmail"), email) }))
            .status;
    };
    QCOMPARE(assign(Demo::acmeCaseId, Demo::acmeApiKey, Demo::acmeAgentEmail), 200);
    QCOMPARE(assign(Demo::acmeCaseId, Demo::acmeApiKey, Demo::acmeNurseEmail), 200);
    QCOMPARE(assign(Demo::acmeCaseId, Demo::acmeApiKey, Demo::acmeManagerEmail), 400);
    QCOMPARE(assign(Demo::acmeCaseId, Demo::acmeApiKey, Demo::globexAgentEmail), 400);
    QCOMPARE(assign(Demo::globexCaseId, Demo::globexApiKey, Demo::globexAgentEmail), 200);
    QCOMPARE(assign(Demo::globexCaseId, Demo::acmeApiKey, Demo::acmeAgentEmail), 401);
    QCOMPARE(
        store.userEmail(
            *store.escalation(Demo::acmeCaseId, store.activeEscalations(Demo::acmeCaseId).at(0).id)
                 ->assignedToUserId),
        Demo::acmeNurseEmail);
}

QTEST_MAIN(TestSandboxStore)
#include "tst_sandbox_store.moc"
