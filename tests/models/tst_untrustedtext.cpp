// Server text is untrusted: decoded outcomes keep it only in part and show it capped, without
// its control characters, and an "Escalation not found" list stays bounded.
#include "models/contractcodec.h"
#include "models/untrustedtext.h"

#include <QTest>

#include <algorithm>

using namespace Care360;

class TestUntrustedText : public QObject {
    Q_OBJECT
private slots:
    void longServerTextIsKeptInPartAndShownCapped();
    void controlCharactersAreShownVisibly();
    void bidiControlsAreReplacedAndMarksKept();
    void hugeNotFoundListIsBounded();
};

namespace {
QByteArray errorEnvelope(const QByteArray &error, const QByteArray &extra = {})
{
    return QByteArrayLiteral("{\"success\":false,\"error\":\"") + error + QByteArrayLiteral("\"")
        + extra + QByteArrayLiteral("}");
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F);
    });
}
} // namespace

void TestUntrustedText::longServerTextIsKeptInPartAndShownCapped()
{
    // A 16 MiB "error" once froze the banner's text layout for minutes.
    const QByteArray huge(16 * 1024 * 1024 - 64, 'x');
    const ApiOutcome outcome = Codec::decodeResponse(500, errorEnvelope(huge));
    QCOMPARE(outcome.kind, ApiOutcome::Kind::UnexpectedResponse);
    QCOMPARE(outcome.serverError.size(), UntrustedText::maxKeptChars);
    QVERIFY(outcome.serverError.endsWith(QChar(0x2026)));
    const QString sentence = outcome.userMessage();
    QVERIFY2(sentence.size() < UntrustedText::maxShownChars + 100, qPrintable(sentence.left(80)));
    QVERIFY(sentence.contains(QString(UntrustedText::maxShownChars - 1, QLatin1Char('x'))
                              + QChar(0x2026)));
}

void TestUntrustedText::controlCharactersAreShownVisibly()
{
    // A title-setting and screen-clearing escape planted in server text.
    const ApiOutcome outcome = Codec::decodeResponse(
        500, errorEnvelope(QByteArrayLiteral("boom \\u001b]0;owned\\u0007\\u001b[2J \\u202eevil")));
    QVERIFY(outcome.serverError.contains(QChar(0x1b))); // kept as received...
    const QString sentence = outcome.userMessage(); // ...never shown as such
    QVERIFY2(!hasControlCharacter(sentence), qPrintable(sentence));
    QVERIFY(sentence.contains(QStringLiteral("\u241b]0;owned\u2407\u241b[2J")));
    QVERIFY(!sentence.contains(QChar(0x202e)));
    QCOMPARE(UntrustedText::visible(u"a\tb\nc\x7f"), QStringLiteral("a\u2409b\u240ac\u2421"));
}

void TestUntrustedText::bidiControlsAreReplacedAndMarksKept()
{
    // Embeddings, overrides and isolates reorder the text after them ("exe.txt" shown for
    // "txt.exe"); C1 controls are obeyed by some terminals. Each becomes U+FFFD.
    QList<char16_t> replaced;
    for (char16_t c = 0x80; c <= 0x9F; ++c)
        replaced << c;
    for (char16_t c = 0x202A; c <= 0x202E; ++c)
        replaced << c;
    for (char16_t c = 0x2066; c <= 0x2069; ++c)
        replaced << c;
    for (const char16_t c : std::as_const(replaced))
        QCOMPARE(UntrustedText::visible(QStringView(&c, 1)), QString(QChar::ReplacementCharacter));
    // LRM, RLM and ALM only steer neutral characters next to them: kept, for mixed-script text.
    const QString marks = QStringLiteral("a\u200Eb\u200Fc\u061Cd");
    QCOMPARE(UntrustedText::visible(marks), marks);
    QCOMPARE(UntrustedText::visible(u"\x1b[2J"), QStringLiteral("\u241b[2J"));
    // A sentence shows at most maxShownChars of it, the cut marked with "…".
    const QString sentence = UntrustedText::shown(QString(1000, u'x'));
    QCOMPARE(sentence.size(), UntrustedText::maxShownChars);
    QVERIFY(sentence.endsWith(QChar(0x2026)));
}

void TestUntrustedText::hugeNotFoundListIsBounded()
{
    // 16 MiB of "a," once became 8.4 million missing IDs.
    QByteArray repeated;
    repeated.reserve(16 * 1024 * 1024);
    while (repeated.size() < 16 * 1024 * 1024 - 128)
        repeated += "a,";
    const QByteArray tail = QByteArrayLiteral(",\"data\":{\"escalations\":[]}");
    ApiOutcome outcome =
        Codec::decodeResponse(400, errorEnvelope("Escalation not found: " + repeated, tail));
    QCOMPARE(outcome.kind, ApiOutcome::Kind::EscalationsNotFound);
    QCOMPARE(outcome.missingIds, QStringList { QStringLiteral("a") }); // distinct only

    QByteArray distinct;
    for (int i = 0; i < 3 * UntrustedText::maxListedIds; ++i)
        distinct += QByteArray::number(i) + ',';
    outcome = Codec::decodeResponse(400, errorEnvelope("Escalation not found: " + distinct, tail));
    QCOMPARE(outcome.missingIds.size(), UntrustedText::maxListedIds);
    QCOMPARE(outcome.missingIds.first(), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
