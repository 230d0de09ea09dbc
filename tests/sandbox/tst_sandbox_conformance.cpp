// The page's eight documented responses, reproduced over real HTTP by the sandbox.
#include "httptesthelper.h"

#include "app/sandbox/sandboxserver.h"
#include "contractfixture.h"
#include "models/contractcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Care360;
using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

namespace {

// The first difference between two JSON values as "path: expected X, got Y"; empty when equal.
// updatedAt is set by the server, so only its presence is compared.
QString difference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.type() != actual.type())
        return path
            + QStringLiteral(": expected type %1, got %2")
                  .arg(int(expected.type()))
                  .arg(int(actual.type()));
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        for (const QString &key : keys) {
            const QString sub = path + QLatin1Char('.') + key;
            if (!e.contains(key) || !a.contains(key))
                return sub
                    + (e.contains(key) ? QStringLiteral(": missing") : QStringLiteral(": extra"));
            if (key == QLatin1String("updatedAt"))
                continue;
            const QString d = difference(e.value(key), a.value(key), sub);
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size())
            return path + QStringLiteral(": expected %1 items, got %2").arg(e.size()).arg(a.size());
        for (int i = 0; i < e.size(); ++i) {
            const QString d = difference(e.at(i), a.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!d.isEmpty())
                return d;
        }
        return QString();
    }
    if (expected != actual)
        return path
            + QStringLiteral(": expected %1, got %2")
                  .arg(expected.toVariant().toString(), actual.toVariant().toString());
    return QString();
}

QJsonObject exampleRequest()
{
    return contractJson(QStringLiteral("request-example.json"));
}

// The page's example request with item 0 changed by edit.
QByteArray editedExample(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject body = exampleRequest();
    QJsonArray items = body.value(QLatin1String("escalations")).toArray();
    QJsonObject item = items.at(0).toObject();
    edit(item);
    items[0] = item;
    body.insert(QStringLiteral("escalations"), items);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandboxConformance : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void answersLikeThePage_data();
    void answersLikeThePage();
    void differenceFindsChanges();

private:
    SandboxServer *m_server = nullptr;
    QNetworkAccessManager *m_manager = nullptr;
};

void TestSandboxConformance::init()
{
    m_server = new SandboxServer;
    QString error;
    QVERIFY2(m_server->store().loadFile(QStringLiteral(CARE360_SANDBOX_DATA_DIR "/contract.json"),
                                        &error),
             qPrintable(error));
    QVERIFY(m_server->listen() != 0);
    m_manager = new QNetworkAccessManager;
}

void TestSandboxConformance::cleanup()
{
    delete m_manager;
    delete m_server;
}

void TestSandboxConformance::answersLikeThePage_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedFile");
    QTest::addColumn<int>("httpStatus");

    const QByteArray example = QJsonDocument(exampleRequest()).toJson(QJsonDocument::Compact);
    QTest::newRow("200 success") << Contract::caseId << example << "200-success.json" << 200;
    // The page's missing ID is, in the fixture, a completed escalation of the same case.
    QTest::newRow("400 escalation not found")
        << Contract::caseId << editedExample([](QJsonObject &item) {
               item.insert(QStringLiteral("escalationId"),
                           QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210"));
           })
        << "400-escalation-not-found.json" << 400;
    QTest::newRow("400 invalid UUID") << Contract::caseId << editedExample([](QJsonObject &item) {
        item.insert(QStringLiteral("escalationId"), QStringLiteral("not-a-uuid"));
    }) << "400-invalid-uuid.json" << 400;
    QTest::newRow("400 unknown field") << Contract::caseId << editedExample([](QJsonObject &item) {
        item.insert(QStringLiteral("unknownField"), QStringLiteral("value"));
    }) << "400-unknown-field.json" << 400;
    QJsonObject empty = exampleRequest();
    empty.insert(QStringLiteral("escalations"), QJsonArray());
    QTest::newRow("400 empty array")
        << Contract::caseId << QJsonDocument(empty).toJson() << "400-empty-array.json" << 400;
    // In the fixture agent@example.com exists, but as a CASEMANAGER: not assignable.
    QTest::newRow("400 assignee not found")
        << Contract::caseId << editedExample([](QJsonObject &item) {
               item.insert(QStringLiteral("assignedToEmail"), QStringLiteral("agent@example.com"));
           })
        << "400-assignee-not-found.json" << 400;
    QTest::newRow("400 case not found") << QStringLiteral("c0a5e000-0000-4000-8000-00000000dead")
                                        << example << "400-case-not-found.json" << 400;
    QTest::newRow("401 permission denied")
        << Contract::otherCaseId << example << "401-permission-denied.json" << 401;
}

void TestSandboxConformance::answersLikeThePage()
{
    QFETCH(QString, caseId);
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedFile);
    QFETCH(int, httpStatus);

    const QList<Escalation> before = m_server->store().activeEscalations(Contract::caseId);
    const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const HttpResult result =
        post(*m_manager, caseUrl(m_server->baseUrl(), caseId), Contract::apiKey, body);
    QVERIFY(result.finished);
    QCOMPARE(result.status, httpStatus);
    QVERIFY2(result.contentType.startsWith("application/json"), result.contentType.constData());
    QJsonParseError parseError {};
    const QJsonDocument answer = QJsonDocument::fromJson(result.body, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject expected = contractJson(expectedFile);
    const QString diff = difference(expected, answer.object(), QStringLiteral("body"));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    if (httpStatus == 200) {
        // The server-set timestamp is "now", in the wire format.
        const QString updatedAt = answer.object()
                                      .value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("escalations"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("updatedAt"))
                                      .toString();
        const QDateTime parsed = Codec::parseTimestamp(updatedAt);
        QVERIFY2(parsed >= start && parsed <= QDateTime::currentDateTimeUtc(),
                 qPrintable(updatedAt));
        QCOMPARE(Codec::formatTimestamp(parsed), updatedAt);
        QCOMPARE(m_server->store().userEmail(m_server->store()
                                                 .activeEscalations(Contract::caseId)
                                                 .at(0)
                                                 .assignedToUserId.value_or(QString())),
                 QStringLiteral("newagent@example.com"));
    } else {
        QCOMPARE(m_server->store().activeEscalations(Contract::caseId), before);
    }
}

void TestSandboxConformance::differenceFindsChanges()
{
    // The comparison itself must be able to fail.
    const QJsonObject page = contractJson(QStringLiteral("400-escalation-not-found.json"));
    QVERIFY(difference(page, page, QString()).isEmpty());
    QJsonObject extra = page;
    extra.insert(QStringLiteral("message"), QStringLiteral("Invalid request"));
    QVERIFY(difference(page, extra, QString()).contains(QLatin1String("message: extra")));
    QJsonObject withUpdatedAt = page;
    QJsonObject data = page.value(QLatin1String("data")).toObject();
    QJsonArray list = data.value(QLatin1String("escalations")).toArray();
    QJsonObject item = list.at(0).toObject();
    item.insert(QStringLiteral("updatedAt"), QStringLiteral("2025-05-10T08:00:00.000Z"));
    list[0] = item;
    data.insert(QStringLiteral("escalations"), list);
    withUpdatedAt.insert(QStringLiteral("data"), data);
    QVERIFY(difference(page, withUpdatedAt, QString()).contains(QLatin1String("updatedAt: extra")));
    item.insert(QStringLiteral("note"), QStringLiteral("changed"));
    QVERIFY(!difference(withUpdatedAt, QJsonObject { { QStringLiteral("status"), 400 } }, QString())
                 .isEmpty());
}

QTEST_MAIN(TestSandboxConformance)
#include "tst_sandbox_conformance.moc"
