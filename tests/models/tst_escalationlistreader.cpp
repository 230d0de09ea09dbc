// Differential tests: Codec::decodeResponse (EscalationListReader first) must give exactly the
// outcome of Codec::decodeResponseWithDocument (QJsonDocument only) for every body.
#include "models/contractcodec.h"
#include "models/escalationlistreader.h"
#include "tests/contract/contractbodies.h"
#include "tests/outcomedifference.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Care360;

namespace {

bool readerAccepts(const QByteArray &body)
{
    return EscalationListReader::read(body).has_value();
}

// The 200 example with its escalation's members replaced by `item` (a JSON object body).
QByteArray successWith(const QByteArray &item, const QByteArray &envelopeExtra = {})
{
    return R"({"status":200,"success":true,"message":"ok",)" + envelopeExtra
        + R"("data":{"escalations":[)" + item + "]}}";
}

const QByteArray kItem =
    R"({"id":"a1","type":"support","title":"T","note":"n","followUpDueAt":"2025-06-15T09:00:00.000Z",)"
    R"("assignedToUserId":"u1","isCompleted":true,"createdAt":"2025-05-10T08:00:00.000Z",)"
    R"("updatedAt":"2025-05-19T09:00:00.000Z"})";

// kItem with one member's value replaced.
QByteArray itemWith(const QByteArray &key, const QByteArray &value)
{
    QByteArray item = kItem;
    const qsizetype at = item.indexOf(QByteArray("\"" + key + "\":")) + key.size() + 3;
    const qsizetype end = item.indexOf(key == "updatedAt" ? "}" : ",\"", at);
    return item.replace(at, end - at, value);
}

QByteArrayList allContractBodies()
{
    QByteArrayList bodies;
    const QStringList names =
        QDir(QStringLiteral(CARE360_CONTRACT_DIR)).entryList({ QStringLiteral("*.json") });
    for (const QString &name : names)
        bodies << contractBody(name);
    return bodies;
}
} // namespace

#define CHECK_SAME(body)                                                                           \
    do {                                                                                           \
        const QString diff = Testing::decoderDifference(body);                                     \
        QVERIFY2(diff.isEmpty(), qPrintable(diff));                                                \
    } while (false)

class TestEscalationListReader : public QObject {
    Q_OBJECT
private slots:
    void contractBodiesTakeTheFastPath();
    void malformedBodies_data();
    void malformedBodies();
    void fieldTypesAndDuplicates_data();
    void fieldTypesAndDuplicates();
    void numbers();
    void whitespaceAndKeyOrder();
    void truncatedAtEveryByte();
    void randomMutations();
};

void TestEscalationListReader::contractBodiesTakeTheFastPath()
{
    const QByteArrayList bodies = allContractBodies();
    QVERIFY(bodies.size() >= 9);
    for (const QByteArray &body : bodies) {
        QVERIFY(readerAccepts(body));
        CHECK_SAME(body);
    }
    // The reader really builds the list, not only agrees on an empty one.
    QCOMPARE(Codec::decodeResponse(200, contractBody("200-success.json")).escalations.size(), 1);
}

void TestEscalationListReader::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    auto row = [](const char *name, const QByteArray &body) {
        QTest::newRow(name) << body;
    };
    // The malformed cases of tst_contractcodec.
    row("empty", QByteArray());
    row("truncated", contractBody("200-success.json").left(120));
    row("html", "<html><body>Internal Server Error</body></html>");
    row("array", "[1,2,3]");
    row("data null", R"({"status":200,"success":true,"data":null})");
    row("escalations not array", R"({"success":true,"data":{"escalations":{"id":"x"}}})");
    row("item wrong types", R"({"success":true,"data":{"escalations":[{"id":5,"title":[]}]}})");
    row("note a number", successWith(itemWith("note", "7")));
    row("bad date", successWith(itemWith("followUpDueAt", R"("soon")")));
    row("not found without data",
        R"({"status":400,"error":"Escalation not found: x","data":null})");
    row("success false", R"({"success":false,"data":{"escalations":[]}})");
    row("binary", QByteArray("\x00\xff\xfe{\"a\":", 7));
    row("error not string", R"({"error":{"nested":true}})");
    // Unicode and escapes, in values and keys.
    row("emoji and CJK", successWith(itemWith("note", "\"Größe 👩‍⚕️ 患者 𝄞\"")));
    row("escaped pair", successWith(itemWith("note", R"("\ud83d\ude00 \uD834\uDD1E")")));
    row("lone high", successWith(itemWith("note", R"("a\ud83d b")")));
    row("lone low", successWith(itemWith("title", R"("\ude00")")));
    row("reversed pair", successWith(itemWith("note", R"("\ude00\ud83d")")));
    row("all escapes", successWith(itemWith("note", R"("\" \\ \/ \b \f \n \r \t \u0000 \u00e9")")));
    row("escaped id", successWith(itemWith("id", R"("\u0061\u0031")")));
    row("unknown escape", successWith(itemWith("note", R"("\x")")));
    row("short \\u", successWith(itemWith("note", R"("\u12")")));
    row("bad hex", successWith(itemWith("note", R"("\u12g4")")));
    row("raw newline", successWith(itemWith("note", "\"a\nb\"")));
    row("raw tab", successWith(itemWith("note", "\"a\tb\"")));
    row("overlong", successWith(itemWith("note", "\"\xc0\x80\"")));
    row("encoded surrogate", successWith(itemWith("note", "\"\xed\xa0\x80\"")));
    row("above U+10FFFF", successWith(itemWith("note", "\"\xf4\x90\x80\x80\"")));
    row("truncated UTF-8", successWith(itemWith("note", "\"\xe2\x82\"")));
    row("stray continuation", successWith(itemWith("note", "\"\x80\"")));
    row("noncharacter", successWith(itemWith("note", "\"\xef\xbf\xbe \xef\xbf\xbf\"")));
    row("max code point", successWith(itemWith("note", "\"\xf4\x8f\xbf\xbf\"")));
    row("latin-1 byte", successWith(itemWith("note", "\"caf\xe9\"")));
    row("escaped key", successWith(itemWith("note", "1").replace("\"note\"", R"("\u006eote")")));
    row("non-ASCII key", successWith(kItem, "\"клю\xc3\xa7\":1,"));
    row("BOM", "\xef\xbb\xbf" + successWith(kItem));
    row("deep nesting",
        successWith(kItem, "\"x\":" + QByteArray(100, '[') + QByteArray(100, ']') + ","));
    row("nesting 60",
        successWith(kItem, "\"x\":" + QByteArray(60, '[') + QByteArray(60, ']') + ","));
    row("garbage after", successWith(kItem) + "x");
    row("two documents", successWith(kItem) + "{}");
    row("trailing comma", R"({"success":true,"data":{"escalations":[]},})");
    row("trailing comma in array", R"({"success":true,"data":{"escalations":[1,]}})");
    row("missing colon", R"({"success" true})");
    row("single quotes", R"({'success':true})");
    row("literal typo", R"({"success":tru})");
    row("literal suffix", R"({"success":truex})");
    row("NUL after", successWith(kItem) + QByteArray(1, '\0'));
}

void TestEscalationListReader::malformedBodies()
{
    QFETCH(QByteArray, body);
    CHECK_SAME(body);
}

void TestEscalationListReader::fieldTypesAndDuplicates_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast"); // whether the reader must answer itself
    auto row = [](const char *name, const QByteArray &body, bool fast) {
        QTest::newRow(name) << body << fast;
    };
    row("plain", successWith(kItem), true);
    row("two items", successWith(kItem + "," + itemWith("id", R"("a2")")), true);
    row("id number", successWith(itemWith("id", "5")), true);
    row("id empty", successWith(itemWith("id", R"("")")), true);
    row("title null", successWith(itemWith("title", "null")), true);
    row("type number", successWith(itemWith("type", "3")), true);
    row("type object", successWith(itemWith("type", R"({"a":"b"})")), true);
    row("note object", successWith(itemWith("note", "{}")), true);
    row("note null", successWith(itemWith("note", "null")), true);
    row("note empty", successWith(itemWith("note", R"("")")), true);
    row("completed string", successWith(itemWith("isCompleted", R"("true")")), true);
    row("completed 1", successWith(itemWith("isCompleted", "1")), true);
    row("completed false", successWith(itemWith("isCompleted", "false")), true);
    row("offset follow-up",
        successWith(itemWith("followUpDueAt", R"("2025-06-15T11:00:00+02:00")")), true);
    row("created garbage", successWith(itemWith("createdAt", R"("x")")), true);
    row("created number", successWith(itemWith("createdAt", "7")), true);
    row("updated null", successWith(itemWith("updatedAt", "null")), true);
    row("updated array", successWith(itemWith("updatedAt", "[]")), true);
    row("24:00", successWith(itemWith("updatedAt", R"("2025-05-19T24:00:00.000Z")")), true);
    row("item not object", successWith(kItem + ",[]"), true);
    row("item null", successWith("null"), true);
    row("empty item", successWith("{}"), true);
    row("success string", R"({"success":"true","data":{"escalations":[]}})", true);
    row("message number", R"({"success":true,"message":5,"data":{"escalations":[]}})", true);
    row("data array", R"({"success":true,"data":[{"escalations":[]}]})", true);
    row("nested decoy", R"({"success":true,"meta":{"data":{"escalations":[]}}})", true);
    row("extra nested", successWith(kItem, R"("meta":{"a":[1,{"b":null}],"c":"x"},)"), true);
    row("extra in item", successWith(itemWith("note", R"("n","tags":["x",{"y":[true]}])")), true);
    row("dup unknown", successWith(kItem, R"("x":1,"x":2,)"), true);
    row("dup id", successWith(itemWith("note", R"("n","id":"a2")")), false);
    row("dup message", successWith(kItem, R"("message":"again",)"), false);
    row("dup data", R"({"success":true,"data":{"escalations":[]},"data":null})", false);
    row("dup escalations", R"({"success":true,"data":{"escalations":[],"escalations":1}})", false);
    row("validation",
        R"({"status":400,"code":"VALIDATION_ERROR","error":"escalations.0.note, bad"})", true);
    row("not found", R"({"error":"Escalation not found: a, b","data":{"escalations":[]}})", true);
    row("assignee", R"({"error":"No assignable user found with email x@y for this organization"})",
        true);
}

void TestEscalationListReader::fieldTypesAndDuplicates()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, fast);
    CHECK_SAME(body);
    QCOMPARE(readerAccepts(body), fast);
}

void TestEscalationListReader::numbers()
{
    const QByteArrayList forms = { "0",
                                   "-0",
                                   "7",
                                   "-12",
                                   "1.5",
                                   "-0.25",
                                   "1e5",
                                   "1E+5",
                                   "1e-5",
                                   ".5",
                                   "1.",
                                   "-",
                                   "01",
                                   "00",
                                   "1.e5",
                                   "-.5",
                                   "+1",
                                   "0x10",
                                   "12345678901234567890123",
                                   "-9223372036854775808",
                                   "9223372036854775808",
                                   "1e400",
                                   "NaN",
                                   "Infinity",
                                   "1..2",
                                   "1.2.3",
                                   "--1",
                                   "1-",
                                   "0.0000000000000000000001" };
    int accepted = 0;
    for (const QByteArray &number : forms) {
        for (const QByteArray &body :
             { successWith(kItem, "\"n\":" + number + ","),
               successWith(itemWith("isCompleted", number)), successWith(itemWith("id", number)),
               QByteArray(R"({"status":)" + number + "}") }) {
            CHECK_SAME(body);
            accepted += readerAccepts(body);
        }
    }
    QVERIFY(accepted > 0);
}

void TestEscalationListReader::whitespaceAndKeyOrder()
{
    // Whitespace after every structural character outside strings, in several forms.
    const QByteArray compact = successWith(kItem + "," + itemWith("note", R"("a, b: {c}")"));
    for (const QByteArray &space : { QByteArray(" "), QByteArray("\t"), QByteArray("\r\n"),
                                     QByteArray("\n    "), QByteArray(" \t\r\n ") }) {
        QByteArray spaced = space;
        bool inString = false;
        for (qsizetype i = 0; i < compact.size(); ++i) {
            const char c = compact.at(i);
            spaced += c;
            inString = c == '"' && (i == 0 || compact.at(i - 1) != '\\') ? !inString : inString;
            if (!inString && QByteArrayView("{}[],:\"").contains(c))
                spaced += space;
        }
        QVERIFY(readerAccepts(spaced));
        CHECK_SAME(spaced);
    }
    // Every order of the envelope's members, and rotations of the item's.
    QByteArrayList members = { R"("status":200)", R"("success":true)", R"("message":"m")",
                               R"("error":"e")", R"("data":{"escalations":[)" + kItem + "]}" };
    std::sort(members.begin(), members.end());
    int orders = 0;
    do {
        const QByteArray body = "{" + members.join(',') + "}";
        QVERIFY(readerAccepts(body));
        CHECK_SAME(body);
        ++orders;
    } while (std::next_permutation(members.begin(), members.end()));
    QCOMPARE(orders, 120);
    QByteArrayList itemMembers = kItem.mid(1, kItem.size() - 2).split(',');
    for (qsizetype i = 0; i < itemMembers.size(); ++i) {
        std::rotate(itemMembers.begin(), itemMembers.begin() + 1, itemMembers.end());
        CHECK_SAME(successWith("{" + itemMembers.join(',') + "}"));
    }
}

void TestEscalationListReader::truncatedAtEveryByte()
{
    const QByteArrayList bodies = { contractBody("200-success.json"),
                                    contractBody("400-escalation-not-found.json"),
                                    successWith(itemWith("note", R"("é\ud83d\ude00\n 患")")) };
    for (const QByteArray &body : bodies)
        for (qsizetype length = 0; length <= body.size(); ++length)
            CHECK_SAME(body.left(length));
}

void TestEscalationListReader::randomMutations()
{
    QRandomGenerator random(20251130); // fixed, so a failure reproduces
    QByteArrayList seeds = allContractBodies();
    seeds << successWith(kItem + "," + itemWith("note", R"("é\ud83d\ude00\n 患 \"q\"")"))
          << successWith(kItem, R"("meta":{"a":[1.5,-2,{"b":null}],"c":"x"},)");
    const QByteArray alphabet = QByteArray("{}[]\",:\\ \t\n0123456789.-eEtrufalsn/u")
        + QByteArray("\x80\xbf\xc3\xe2\xed\xf0\xf4\xff", 8);
    int accepted = 0;
    constexpr int kBodies = 4000;
    for (int n = 0; n < kBodies; ++n) {
        QByteArray body = seeds.at(random.bounded(int(seeds.size())));
        const int mutations = 1 + random.bounded(4);
        for (int m = 0; m < mutations && !body.isEmpty(); ++m) {
            const int at = random.bounded(int(body.size()));
            const char byte = alphabet.at(random.bounded(int(alphabet.size())));
            switch (random.bounded(5)) {
            case 0:
                body.remove(at, 1 + random.bounded(3));
                break;
            case 1:
                body.insert(at, byte);
                break;
            case 2:
                body[at] = byte;
                break;
            case 3: // duplicate a slice, which repeats keys and members
                body.insert(at, body.mid(random.bounded(int(body.size())), random.bounded(40)));
                break;
            default:
                body.insert(at, " ");
                break;
            }
        }
        CHECK_SAME(body);
        accepted += readerAccepts(body);
    }
    qInfo("the reader answered %d of %d mutated bodies itself", accepted, kBodies);
    QVERIFY(accepted > kBodies / 20);
}

QTEST_GUILESS_MAIN(TestEscalationListReader)
#include "tst_escalationlistreader.moc"
