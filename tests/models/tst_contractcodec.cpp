#include "models/contractcodec.h"
#include "models/qtcompat.h"
#include "tests/contract/contractbodies.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Care360;
using Kind = ApiOutcome::Kind;

namespace {
const QString kExampleId = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
} // namespace

class TestContractCodec : public QObject {
    Q_OBJECT
private slots:
    void encodesThePageExampleRequest();
    void encodesOnlyTheSetFields();
    void formatsFollowUpInUtcWhateverTheZone();
    void parsesTimestamps_data();
    void parsesTimestamps();
    void canonicalTimestampsMatchQtParser();
    void readsOnlyTheKnownKeys();
    void decodesSuccess();
    void decodesEscalationNotFound();
    void decodesSeveralMissingIds();
    void decodesValidationErrors_data();
    void decodesValidationErrors();
    void decodesAssigneeNotFound();
    void decodesCaseNotFound();
    void decodesPermissionDenied();
    void decodesOtherPagesVariants();
    void malformedBodiesNeverCrash_data();
    void malformedBodiesNeverCrash();
    void toleratesExtraFieldsAndUnicode();
    void decodesHugeArray();
    void roundTripsEscalations();
};

void TestContractCodec::encodesThePageExampleRequest()
{
    EscalationUpdate update;
    update.escalationId = kExampleId;
    update.note = QStringLiteral("Patient confirmed new address.");
    update.followUpDueAt = QtCompat::utcDateTime(QDate(2025, 6, 15), QTime(9, 0));
    update.assignedToEmail = QStringLiteral("newagent@example.com");

    const QByteArray encoded = Codec::encodeUpdateRequest({ update });
    const QJsonDocument expected = QJsonDocument::fromJson(contractBody("request-example.json"));
    QVERIFY(expected.isObject());
    QCOMPARE(QJsonDocument::fromJson(encoded), expected);
    // Compact and key-ordered exactly like the page after normalisation.
    QCOMPARE(encoded, expected.toJson(QJsonDocument::Compact));
}

void TestContractCodec::encodesOnlyTheSetFields()
{
    EscalationUpdate onlyNote { kExampleId, QStringLiteral(""), {}, {} };
    EscalationUpdate onlyAssignee { QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210"),
                                    {},
                                    {},
                                    QStringLiteral("x@y.example") };
    const QJsonObject body =
        QJsonDocument::fromJson(Codec::encodeUpdateRequest({ onlyNote, onlyAssignee })).object();
    const QJsonArray items = body.value(QLatin1String("escalations")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().keys(), (QStringList { "escalationId", "note" }));
    QCOMPARE(items.at(0).toObject().value("note").toString(), QString()); // empty note is a value
    QCOMPARE(items.at(1).toObject().keys(), (QStringList { "assignedToEmail", "escalationId" }));
    QCOMPARE(onlyAssignee.fieldNames(), QStringList { "assignedToEmail" });
    QCOMPARE(Codec::encodeUpdateRequest({}),
             QByteArray(R"({"action":"UPDATE_ESCALATION","escalations":[]})"));
}

void TestContractCodec::formatsFollowUpInUtcWhateverTheZone()
{
    const QDateTime berlin(QDate(2025, 6, 15), QTime(11, 0), QTimeZone("Europe/Berlin"));
    const QDateTime tokyo(QDate(2025, 6, 15), QTime(18, 0, 0, 250), QTimeZone("Asia/Tokyo"));
    QCOMPARE(Codec::formatTimestamp(berlin), QStringLiteral("2025-06-15T09:00:00.000Z"));
    QCOMPARE(Codec::formatTimestamp(tokyo), QStringLiteral("2025-06-15T09:00:00.250Z"));
    EscalationUpdate update { kExampleId, {}, berlin, {} };
    QCOMPARE(Codec::updateToJson(update).value("followUpDueAt").toString(),
             QStringLiteral("2025-06-15T09:00:00.000Z"));
}

void TestContractCodec::parsesTimestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime nine = QtCompat::utcDateTime(QDate(2025, 6, 15), QTime(9, 0));
    QTest::newRow("page format") << "2025-06-15T09:00:00.000Z" << nine;
    QTest::newRow("no millis") << "2025-06-15T09:00:00Z" << nine;
    QTest::newRow("offset") << "2025-06-15T11:00:00.000+02:00" << nine;
    QTest::newRow("no zone") << "2025-06-15T09:00:00" << QDateTime();
    QTest::newRow("date only") << "2025-06-15" << QDateTime();
    QTest::newRow("garbage") << "next tuesday" << QDateTime();
    QTest::newRow("empty") << "" << QDateTime();
    // Edge cases of the canonical form's fast path and of what it hands to the general parser.
    const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QtCompat::utcDateTime(QDate(y, mo, d), QTime(h, mi, s, ms));
    };
    QTest::newRow("leap day") << "2024-02-29T23:59:59.999Z" << utc(2024, 2, 29, 23, 59, 59, 999);
    QTest::newRow("no leap day") << "2025-02-29T09:00:00.000Z" << QDateTime();
    QTest::newRow("february 30") << "2025-02-30T09:00:00.000Z" << QDateTime();
    QTest::newRow("hour 25") << "2025-06-15T25:00:00.000Z" << QDateTime();
    QTest::newRow("non-digit") << "2025-06-1xT09:00:00.000Z" << QDateTime();
    QTest::newRow("missing Z") << "2025-06-15T09:00:00.000" << QDateTime();
    QTest::newRow("lowercase z") << "2025-06-15T09:00:00.000z" << QDateTime();
    QTest::newRow("offset, ms") << "2025-06-15T11:00:00.25+02:00" << utc(2025, 6, 15, 9, 0, 0, 250);
    QTest::newRow("1-digit ms") << "2025-06-15T09:00:00.5Z" << utc(2025, 6, 15, 9, 0, 0, 500);
    QTest::newRow("2-digit ms") << "2025-06-15T09:00:00.25Z" << utc(2025, 6, 15, 9, 0, 0, 250);
    QTest::newRow("24:00 end of day") << "2025-06-15T24:00:00.000Z" << utc(2025, 6, 16, 0, 0, 0, 0);
}

void TestContractCodec::parsesTimestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = Codec::parseTimestamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestContractCodec::canonicalTimestampsMatchQtParser()
{
    // Qt's ISO parser, given the 'T' and zone parseTimestamp insists on, is the reference.
    auto check = [](const QString &text) {
        if (QTest::currentTestFailed())
            return; // the first mismatch is enough
        const bool zoned = text.contains(u'T') && text.endsWith(u'Z');
        const QDateTime qt = zoned ? QDateTime::fromString(text, Qt::ISODateWithMs) : QDateTime();
        const QDateTime parsed = Codec::parseTimestamp(text);
        QCOMPARE(parsed, qt.toUTC());
        QVERIFY(!parsed.isValid() || parsed.timeSpec() == Qt::UTC);
    };
    auto canonical = [](int y, int mo, int d, int h, int mi, int s, int ms) {
        return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi, s, ms);
    };
    for (int year : { 1, 1900, 2000, 2024, 2025, 2100, 9999 })
        for (int month = 0; month <= 13; ++month)
            for (int day : { 0, 1, 28, 29, 30, 31, 32 })
                check(canonical(year, month, day, 12, 30, 45, 678));
    for (int hour = 0; hour <= 25; ++hour)
        for (int minute : { 0, 59, 60 })
            for (int second : { 0, 59, 60 })
                check(canonical(2025, 6, 15, hour, minute, second, 0));
    for (int ms = 0; ms < 1000; ++ms)
        check(canonical(2025, 12, 31, 23, 59, 59, ms));
    // Every position replaced by a letter, an Arabic-Indic and a full-width digit.
    const QString sample = canonical(2025, 6, 15, 9, 5, 7, 89);
    for (int i = 0; i < sample.size(); ++i)
        for (char16_t c : { u'x', u'\u0663', u'\uFF13', u'0' })
            check(QString(sample).replace(i, 1, QChar(c)));
}

void TestContractCodec::readsOnlyTheKnownKeys()
{
    // Keys as long as the real ones but different must not be taken for them.
    const QByteArray json = R"({"id":"e1","ix":"no","title":"T","titel":"no","type":"support",
        "tipe":"no","note":"n","notes":"no","isCompleted":true,"followUpDueAt":null,
        "createdAt":"2025-05-10T08:00:00.000Z","createdBy":"2024-01-01T00:00:00.000Z"})";
    const Escalation expected { "e1", "support",
                                "T",  "n",
                                {},   {},
                                true, QtCompat::utcDateTime(QDate(2025, 5, 10), QTime(8, 0)),
                                {} };
    QCOMPARE(Codec::escalationFromJson(QJsonDocument::fromJson(json).object()), expected);
}

void TestContractCodec::decodesSuccess()
{
    const ApiOutcome o = Codec::decodeResponse(200, contractBody("200-success.json"));
    QCOMPARE(o.kind, Kind::Updated);
    QCOMPARE(o.httpStatus, 200);
    QCOMPARE(o.message, QStringLiteral("Escalation(s) updated successfully"));
    QCOMPARE(o.escalations.size(), 1);
    const Escalation &e = o.escalations.first();
    QCOMPARE(e.id, kExampleId);
    QCOMPARE(e.type, QStringLiteral("support"));
    QCOMPARE(e.title, QStringLiteral("Address verification"));
    QCOMPARE(e.note, std::optional<QString>(QStringLiteral("Patient confirmed new address.")));
    QCOMPARE(e.followUpDueAt.value(), QtCompat::utcDateTime(QDate(2025, 6, 15), QTime(9, 0)));
    QCOMPARE(e.assignedToUserId.value(), QStringLiteral("u1v2w3x4-y5z6-7890-abcd-ef1234567890"));
    QCOMPARE(e.isCompleted, false);
    QCOMPARE(e.createdAt, QtCompat::utcDateTime(QDate(2025, 5, 10), QTime(8, 0)));
    QCOMPARE(e.updatedAt.value(), QtCompat::utcDateTime(QDate(2025, 5, 19), QTime(9, 0)));
    QVERIFY(o.isSuccess());
}

void TestContractCodec::decodesEscalationNotFound()
{
    const ApiOutcome o = Codec::decodeResponse(400, contractBody("400-escalation-not-found.json"));
    QCOMPARE(o.kind, Kind::EscalationsNotFound);
    QCOMPARE(o.missingIds, QStringList { "b9c8d7e6-f5a4-3210-fedc-ba9876543210" });
    QCOMPARE(o.escalations.size(), 1);
    const Escalation &e = o.escalations.first();
    QCOMPARE(e.id, kExampleId);
    QVERIFY(!e.note.has_value());
    QVERIFY(!e.followUpDueAt.has_value());
    QVERIFY(!e.assignedToUserId.has_value());
    QVERIFY(!e.updatedAt.has_value());
    QCOMPARE(e.createdAt, QtCompat::utcDateTime(QDate(2025, 5, 10), QTime(8, 0)));
    QVERIFY(!o.isSuccess());
}

void TestContractCodec::decodesSeveralMissingIds()
{
    const QByteArray body = R"({"status":400,"success":false,
        "error":"Escalation not found: 11111111-1111-4111-8111-111111111111, 22222222-2222-4222-8222-222222222222",
        "data":{"escalations":[]}})";
    const ApiOutcome o = Codec::decodeResponse(400, body);
    QCOMPARE(o.kind, Kind::EscalationsNotFound);
    QCOMPARE(o.missingIds,
             (QStringList { "11111111-1111-4111-8111-111111111111",
                            "22222222-2222-4222-8222-222222222222" }));
    QVERIFY(o.escalations.isEmpty());
}

void TestContractCodec::decodesValidationErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("invalid uuid") << "400-invalid-uuid.json"
                                  << "escalations.0.escalationId" << 0 << "escalationId"
                                  << "escalationId must be a valid UUID";
    QTest::newRow("unknown field") << "400-unknown-field.json"
                                   << "escalations.0.unknownField" << 0 << "unknownField"
                                   << "Unrecognized key(s) in object: 'unknownField'";
    QTest::newRow("empty array") << "400-empty-array.json"
                                 << "escalations" << -1 << ""
                                 << "At least one escalation is required";
}

void TestContractCodec::decodesValidationErrors()
{
    QFETCH(QString, file);
    const ApiOutcome o = Codec::decodeResponse(400, contractBody(file));
    QCOMPARE(o.kind, Kind::ValidationFailed);
    QTEST(o.validationPath, "path");
    QTEST(o.itemIndex, "index");
    QTEST(o.field, "field");
    QTEST(o.validationMessage, "message");
    QVERIFY(o.userMessage().contains(o.validationMessage));
}

void TestContractCodec::decodesAssigneeNotFound()
{
    const ApiOutcome o = Codec::decodeResponse(400, contractBody("400-assignee-not-found.json"));
    QCOMPARE(o.kind, Kind::AssigneeNotFound);
    QCOMPARE(o.email, QStringLiteral("agent@example.com"));
    QCOMPARE(o.message, QStringLiteral("Invalid request"));
    QVERIFY(o.userMessage().contains(QStringLiteral("agent@example.com")));
}

void TestContractCodec::decodesCaseNotFound()
{
    const ApiOutcome o = Codec::decodeResponse(400, contractBody("400-case-not-found.json"));
    QCOMPARE(o.kind, Kind::CaseNotFound);
    QCOMPARE(o.serverError, QStringLiteral("Case not found!"));
}

void TestContractCodec::decodesPermissionDenied()
{
    const ApiOutcome o = Codec::decodeResponse(401, contractBody("401-permission-denied.json"));
    QCOMPARE(o.kind, Kind::PermissionDenied);
    QCOMPARE(o.httpStatus, 401);
    QVERIFY(!o.isRetryable());
}

void TestContractCodec::decodesOtherPagesVariants()
{
    // api-notes.md: other pages answer case-not-found with 404, wrong org with 403, bad key 400.
    QCOMPARE(Codec::decodeResponse(404, R"({"error":"Case not found!"})").kind, Kind::CaseNotFound);
    QCOMPARE(Codec::decodeResponse(403, R"({"error":"Permission denied!"})").kind,
             Kind::PermissionDenied);
    QCOMPARE(
        Codec::decodeResponse(
            401,
            R"({"status":401,"success":false,"message":"Invalid request","error":"Invalid API key"})")
            .kind,
        Kind::InvalidApiKey);
    const ApiOutcome limited = Codec::decodeResponse(429, R"({"error":"Slow down"})");
    QCOMPARE(limited.kind, Kind::UnexpectedResponse);
    QVERIFY(limited.isRetryable());
    QVERIFY(limited.userMessage().contains(QStringLiteral("Slow down")));
}

void TestContractCodec::malformedBodiesNeverCrash_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << 200 << QByteArray();
    QTest::newRow("truncated") << 200 << contractBody("200-success.json").left(120);
    QTest::newRow("html 500") << 500
                              << QByteArray("<html><body>Internal Server Error</body></html>");
    QTest::newRow("array") << 200 << QByteArray("[1,2,3]");
    QTest::newRow("data null") << 200 << QByteArray(R"({"status":200,"success":true,"data":null})");
    QTest::newRow("escalations not array")
        << 200 << QByteArray(R"({"success":true,"data":{"escalations":{"id":"x"}}})");
    QTest::newRow("item wrong types")
        << 200 << QByteArray(R"({"success":true,"data":{"escalations":[{"id":5,"title":[]}]}})");
    QTest::newRow("note a number")
        << 200
        << QByteArray(
               R"({"success":true,"data":{"escalations":[{"id":"a","title":"t","note":7}]}})");
    QTest::newRow("bad date")
        << 200
        << QByteArray(
               R"({"success":true,"data":{"escalations":[{"id":"a","title":"t","followUpDueAt":"soon"}]}})");
    QTest::newRow("not found without data")
        << 400 << QByteArray(R"({"status":400,"error":"Escalation not found: x","data":null})");
    QTest::newRow("success false 200")
        << 200 << QByteArray(R"({"success":false,"data":{"escalations":[]}})");
    QTest::newRow("binary") << 200 << QByteArray("\x00\xff\xfe{\"a\":", 7);
    QTest::newRow("error not string") << 400 << QByteArray(R"({"error":{"nested":true}})");
    QTest::newRow("status 0") << 0 << QByteArray();
}

void TestContractCodec::malformedBodiesNeverCrash()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const ApiOutcome o = Codec::decodeResponse(status, body);
    QCOMPARE(o.kind, Kind::UnexpectedResponse);
    QCOMPARE(o.httpStatus, status);
    QVERIFY(!o.userMessage().isEmpty());
    QVERIFY(o.escalations.isEmpty());
}

void TestContractCodec::toleratesExtraFieldsAndUnicode()
{
    const QByteArray body = R"({"status":200,"success":true,"message":"ok","traceId":"t-1",
        "data":{"cursor":null,"escalations":[{"id":"e1","type":"clinical","title":"Dose questions",
        "note":"Größe 👩‍⚕️ 患者","followUpDueAt":null,"assignedToUserId":null,"isCompleted":false,
        "createdAt":"2025-05-10T08:00:00.000Z","priority":3,"tags":["x"]}]}})";
    const ApiOutcome o = Codec::decodeResponse(200, body);
    QCOMPARE(o.kind, Kind::Updated);
    QCOMPARE(o.escalations.size(), 1);
    QCOMPARE(o.escalations.first().note.value(), QStringLiteral("Größe 👩‍⚕️ 患者"));
}

void TestContractCodec::decodesHugeArray()
{
    // About 10 MB of escalations: decoded completely, nothing lost.
    const QJsonObject item = QJsonDocument::fromJson(contractBody("200-success.json"))
                                 .object()["data"]
                                 .toObject()["escalations"]
                                 .toArray()
                                 .first()
                                 .toObject();
    QJsonArray items;
    const int count = 40000;
    for (int i = 0; i < count; ++i)
        items.append(item);
    const QByteArray body =
        QJsonDocument(QJsonObject { { "status", 200 },
                                    { "success", true },
                                    { "data", QJsonObject { { "escalations", items } } } })
            .toJson(QJsonDocument::Compact);
    QVERIFY(body.size() > 10'000'000);
    const ApiOutcome o = Codec::decodeResponse(200, body);
    QCOMPARE(o.kind, Kind::Updated);
    QCOMPARE(o.escalations.size(), count);
}

void TestContractCodec::roundTripsEscalations()
{
    Escalation e;
    e.id = kExampleId;
    e.type = QStringLiteral("support");
    e.title = QStringLiteral("Refill Request");
    e.note = QStringLiteral("");
    e.followUpDueAt = QtCompat::utcDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6));
    e.createdAt = QtCompat::utcDateTime(QDate(2025, 1, 1), QTime(0, 0));
    const QJsonObject json = Codec::escalationToJson(e);
    QVERIFY(!json.contains(QLatin1String("updatedAt")));
    QVERIFY(json.value(QLatin1String("assignedToUserId")).isNull());
    QCOMPARE(json.value(QLatin1String("followUpDueAt")).toString(),
             QStringLiteral("2026-01-02T03:04:05.006Z"));
    QCOMPARE(Codec::escalationFromJson(json).value(), e);
}

QTEST_GUILESS_MAIN(TestContractCodec)
#include "tst_contractcodec.moc"
