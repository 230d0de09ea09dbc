// care360-escalations-cli prints note text only where it is asked for (issue 23): a note canary is
// planted in the sandbox by a first update, then every command path runs as a real process and
// its standard output and error are searched for the canary.
#include "clitestsupport.h"

#include "app/sandbox/demodata.h"
#include "models/csv.h"

#include <QRandomGenerator>

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

class TestCliNotes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void notesOnlyWhereAsked_data();
    void notesOnlyWhereAsked();

private:
    QString escalation(int index)
    {
        return m_cli.server.store().activeEscalations(Demo::acmeCaseId).value(index).id;
    }
    QStringList listArgs(const QStringList &extra) const
    {
        return m_cli.sandboxArgs()
            << QStringLiteral("list") << QStringLiteral("--case") << Demo::acmeCaseId << extra;
    }
    QStringList updateArgs(const QStringList &extra) const
    {
        return m_cli.sandboxArgs()
            << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId << extra;
    }

    CliFixture m_cli;
    QString m_canary; // unique to this run, so that nothing else can look like it
    QString m_noteFile;
};

void TestCliNotes::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
    m_canary = QStringLiteral("NOTE-CANARY-%1")
                   .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    m_noteFile =
        m_cli.writeFile(QStringLiteral("note.txt"),
                        (m_canary + QStringLiteral(" Patient moved; call back.\n")).toUtf8());
    QVERIFY(!m_noteFile.isEmpty());
}

void TestCliNotes::init()
{
    m_cli.reset();
    // The canary goes in as an agent would put it (what that printed: the first row below).
    const CliRun planted = m_cli.run(updateArgs({ QStringLiteral("--escalation"), escalation(0),
                                                  QStringLiteral("--note-file"), m_noteFile }));
    QVERIFY2(planted.exitCode == 0, planted.err.constData());
    QVERIFY(m_cli.server.store()
                .escalation(Demo::acmeCaseId, escalation(0))
                ->note->startsWith(m_canary));
}

void TestCliNotes::notesOnlyWhereAsked_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("asked"); // the note may be printed: it is asked for
    QTest::addColumn<QByteArray>("input"); // standard input (update --from -, directory import -)
    const QString c = m_canary;
    const QString showNotes = QStringLiteral("--show-notes");
    const QString format = QStringLiteral("--format");
    const QString escalationOption = QStringLiteral("--escalation");
    const QString followUp = QStringLiteral("--follow-up=2031-01-01T08:00:00Z");
    const QByteArray none;

    // The update that planted it, once more.
    QTest::newRow("update --note-file") << updateArgs(
        { escalationOption, escalation(0), QStringLiteral("--note-file"), m_noteFile })
                                        << false << none;

    // list, in every format, with and without --show-notes.
    QTest::newRow("list") << listArgs({}) << false << none;
    QTest::newRow("list --show-notes") << listArgs({ showNotes }) << true << none;
    QTest::newRow("list table --show-notes")
        << listArgs({ format, QStringLiteral("table"), showNotes }) << true << none;
    QTest::newRow("list csv") << listArgs({ format, QStringLiteral("csv") }) << true << none;
    QTest::newRow("list csv --show-notes")
        << listArgs({ format, QStringLiteral("csv"), showNotes }) << true << none;
    QTest::newRow("list json") << listArgs({ QStringLiteral("--json") }) << true << none;
    QTest::newRow("list json --show-notes")
        << listArgs({ format, QStringLiteral("json"), showNotes }) << true << none;

    // update: of the escalation with the note and of another one; in one request, from a file.
    QTest::newRow("update, its follow-up")
        << updateArgs({ escalationOption, escalation(0), followUp }) << false << none;
    QTest::newRow("update, another one") << updateArgs(
        { escalationOption, escalation(1), QStringLiteral("--assign"), Demo::acmeNurseEmail })
                                         << false << none;
    QTest::newRow("update --json")
        << updateArgs({ escalationOption, escalation(1), followUp, QStringLiteral("--json") })
        << false << none;
    const QByteArray bulk = Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note"),
                                          QStringLiteral("followUpDueAt") })
        + Csv::record({ escalation(0), c + QStringLiteral(" again"), QString() })
        + Csv::record({ escalation(2), QString(), QStringLiteral("2031-01-01T08:00:00Z") });
    QTest::newRow("update --from")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-") }) << false << bulk;
    QTest::newRow("update --from --json")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-"), QStringLiteral("--json") })
        << false << bulk;

    // Refused by the server: its 400 "not found" answer lists every note of the case.
    const QString unknown = QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210");
    QTest::newRow("update, unknown escalation")
        << updateArgs({ escalationOption, unknown, followUp }) << false << none;
    QTest::newRow("update --json, unknown escalation")
        << updateArgs({ escalationOption, unknown, followUp, QStringLiteral("--json") }) << false
        << none;
    QTest::newRow("update, assignee refused") << updateArgs(
        { escalationOption, escalation(0), QStringLiteral("--assign"), Demo::acmeManagerEmail })
                                              << false << none;
    QTest::newRow("update --from, a row refused")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-") }) << false
        << Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note") })
            + Csv::record({ escalation(0), QStringLiteral("=") + c + QStringLiteral("\u2409") });
    QTest::newRow("list, another organisation's case")
        << (m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                << Demo::globexCaseId)
        << false << none;

    // Usage errors with the canary where an argument goes: never echoed.
    QTest::newRow("stray argument") << listArgs({ c }) << false << none;
    QTest::newRow("stray argument, --show-notes") << listArgs({ showNotes, c }) << false << none;
    QTest::newRow("as the command") << (m_cli.sandboxArgs() << c) << false << none;
    QTest::newRow("as an option") << listArgs({ QStringLiteral("--") + c }) << false << none;
    QTest::newRow("as --format") << listArgs({ format, c }) << false << none;
    QTest::newRow("as --timeout") << listArgs({ QStringLiteral("--timeout"), c }) << false << none;
    QTest::newRow("as --env") << QStringList { QStringLiteral("--env"), c, QStringLiteral("list"),
                                               QStringLiteral("--case"), Demo::acmeCaseId }
                              << false << none;
    QTest::newRow("as --case") << (m_cli.sandboxArgs()
                                   << QStringLiteral("list") << QStringLiteral("--case") << c)
                               << false << none;
    QTest::newRow("as --escalation") << updateArgs({ escalationOption, c }) << false << none;
    QTest::newRow("as --escalation, twice")
        << updateArgs({ escalationOption, c, followUp, followUp }) << false << none;
    QTest::newRow("as --note-file")
        << updateArgs({ escalationOption, escalation(0), QStringLiteral("--note-file"), c })
        << false << none;
    QTest::newRow("as --from") << updateArgs({ QStringLiteral("--from"), c }) << false << none;
    QTest::newRow("--show-notes with update")
        << updateArgs({ escalationOption, escalation(1), followUp, showNotes }) << false << none;
    QTest::newRow("as the key subcommand")
        << QStringList { QStringLiteral("key"), c } << false << none;
    QTest::newRow("as the directory subcommand")
        << QStringList { QStringLiteral("directory"), c } << false << none;
    QTest::newRow("as the directory file")
        << QStringList { QStringLiteral("directory"), QStringLiteral("import"), c } << false
        << none;

    // The other commands.
    QTest::newRow("directory show")
        << QStringList { QStringLiteral("directory"), QStringLiteral("show") } << false << none;
    QTest::newRow("key status") << (m_cli.sandboxArgs()
                                    << QStringLiteral("key") << QStringLiteral("status"))
                                << false << none;
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << false << none;
}

void TestCliNotes::notesOnlyWhereAsked()
{
    QFETCH(QStringList, args);
    QFETCH(bool, asked);
    QFETCH(QByteArray, input);
    const CliRun run = m_cli.run(args, Demo::acmeApiKey, input);
    QVERIFY2(run.exitCode >= 0, "the CLI did not finish");
    const QByteArray printed = run.out + run.err;
    const bool shown = printed.contains(m_canary.toLatin1());
    QVERIFY2(shown == asked,
             qPrintable(QStringLiteral("exit code %1, %2:\n%3")
                            .arg(run.exitCode)
                            .arg(shown ? QStringLiteral("the note was printed")
                                       : QStringLiteral("no note printed"))
                            .arg(QString::fromUtf8(printed))));
}

QTEST_GUILESS_MAIN(TestCliNotes)
#include "tst_clinotes.moc"
