// Every outcome's sentence, for each reader: the console with unsent changes, the console with
// none, and the CLI. A sentence must be true for that situation: changes are "kept" only when
// there are some, the console never sends the agent to a command-line option nor the CLI to a
// dialog, and a connection cut after the request went out is not "could not reach".
#include "models/apioutcome.h"

#include <QTest>

using namespace Care360;
using Kind = ApiOutcome::Kind;
using Audience = ApiOutcome::Audience;

class TestOutcomeSentences : public QObject {
    Q_OBJECT
private slots:
    void sentenceFitsItsReader_data();
    void sentenceFitsItsReader();
    void connectionCutAfterSendingIsNotUnreachable();
    void countsAreInTheLocalesFormat();
};

namespace {
// One outcome of each kind, filled as the client fills it.
QList<ApiOutcome> everyOutcome()
{
    QList<ApiOutcome> outcomes;
    for (int k = int(Kind::Updated); k <= int(Kind::Conflict); ++k) {
        ApiOutcome outcome;
        outcome.kind = Kind(k);
        outcome.detail = QStringLiteral("detail");
        outcome.validationMessage = QStringLiteral("note is too long");
        outcome.email = QStringLiteral("nobody@example.org");
        outcome.conflicts = 2;
        outcome.missingIds = { QStringLiteral("e1") };
        outcomes << outcome;
        if (outcome.kind == Kind::UnexpectedResponse) {
            for (const int status : { 0, 429, 500 }) {
                outcome.httpStatus = status;
                outcome.serverError = status == 500 ? QStringLiteral("boom") : QString();
                outcomes << outcome;
            }
        }
        if (outcome.kind == Kind::ConnectionFailed || outcome.kind == Kind::TimedOut) {
            outcome.requestSent = true;
            outcomes << outcome;
            outcome.mayHaveArrived = true;
            outcomes << outcome;
        }
    }
    return outcomes;
}
} // namespace

void TestOutcomeSentences::sentenceFitsItsReader_data()
{
    QTest::addColumn<ApiOutcome>("outcome");
    int row = 0;
    for (const ApiOutcome &outcome : everyOutcome())
        QTest::newRow(qPrintable(QStringLiteral("%1 #%2 HTTP %3 sent %4")
                                     .arg(ApiOutcome::kindName(outcome.kind))
                                     .arg(row++)
                                     .arg(outcome.httpStatus)
                                     .arg(outcome.requestSent)))
            << outcome;
}

void TestOutcomeSentences::sentenceFitsItsReader()
{
    QFETCH(ApiOutcome, outcome);
    const QString pending = outcome.userMessage(Audience::Console, true);
    const QString none = outcome.userMessage(Audience::Console, false);
    const QString cli = outcome.userMessage(Audience::Cli);
    for (const QString &sentence : { pending, none, cli }) {
        QVERIFY(!sentence.isEmpty());
        QVERIFY2(!sentence.contains(QLatin1String("Unknown error")), qPrintable(sentence));
    }
    QVERIFY2(!none.contains(QLatin1String("kept")), qPrintable(none));
    QVERIFY2(!cli.contains(QLatin1String("kept")), qPrintable(cli));
    for (const QString &console : { pending, none })
        QVERIFY2(!console.contains(QLatin1String("--")), qPrintable(console));
    QVERIFY2(!cli.contains(QLatin1String("Preferences")), qPrintable(cli));
    // Changes that may have arrived stay pending, and the console says they may have arrived.
    if (outcome.mayHaveArrived && outcome.kind != Kind::Updated)
        QVERIFY2(pending.contains(QLatin1String("may have been applied")), qPrintable(pending));
}

void TestOutcomeSentences::connectionCutAfterSendingIsNotUnreachable()
{
    ApiOutcome outcome;
    outcome.kind = Kind::ConnectionFailed;
    outcome.detail = QStringLiteral("the server closed the connection");
    QVERIFY(outcome.userMessage().startsWith(QLatin1String("Could not reach Care360")));
    outcome.requestSent = true; // a listing that went out whole: Care360 was reached
    const QString sentence = outcome.userMessage(Audience::Console, false);
    QVERIFY2(!sentence.contains(QLatin1String("Could not reach")), qPrintable(sentence));
    QCOMPARE(sentence,
             QStringLiteral("The connection closed before Care360 answered (the server "
                            "closed the connection); try again."));
}

void TestOutcomeSentences::countsAreInTheLocalesFormat()
{
    // "1000 active escalations" read as a code, not a count, next to other numbers with commas.
    ApiOutcome outcome;
    outcome.kind = Kind::Listed;
    outcome.escalations.resize(1000);
    QLocale::setDefault(QLocale(QStringLiteral("en_US")));
    const QString sentence = outcome.userMessage();
    QLocale::setDefault(QLocale::c());
    // The source text: its plural forms come from care360_en.qm, which the console installs.
    QCOMPARE(sentence, QStringLiteral("1,000 active escalation(s) loaded."));
}

QTEST_GUILESS_MAIN(TestOutcomeSentences)
#include "tst_outcomesentences.moc"
