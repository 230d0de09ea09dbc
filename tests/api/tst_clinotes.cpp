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

namespace {
// Where the canary must appear: the table with --show-notes, CSV and JSON of list.
enum class Notes { Absent, Shown };
} // namespace

class TestCliNotes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void notesOnlyWhereAsked_data();
    void notesOnlyWhereAsked();

private:
    QString escalation(int index) const
    {
        return m_cli.server.store().activeEscalations(Demo::acmeCaseId).value(index).id;
    }
    QStringList listArgs(const QStringList &extra) const
    {
        return m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                   << Demo::acmeCaseId << extra;
    }
    QStringList updateArgs(const QStringList &extra) const
    {
        return m_cli.sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                                   << Demo::acmeCaseId << extra;
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
    m_noteFile = m_cli.writeFile(QStringLiteral("note.txt"),
                                 (m_canary + QStringLiteral(" Patient moved; call back.\n")).toUtf8());
    QVERIFY(!m_noteFile.isEmpty());
}

void TestCliNotes::init()
{
    m_cli.reset();
    // The canary goes in as an agent would put it: update --note-file, which must not echo it.
    const CliRun planted = m_cli.run(updateArgs(
        { QStringLiteral("--escalation"), escalation(0), QStringLiteral("--note-file"), m_noteFile }));
    QVERIFY2(planted.exitCode == 0, planted.err.constData());
    QVERIFY(m_cli.server.store().escalation(Demo::acmeCaseId, escalation(0))->note->startsWith(
        m_canary));
    QVERIFY2(!(planted.out + planted.err).contains(m_canary.toLatin1()),
             (planted.out + planted.err).constData());
    m_cli.server.clearReceivedRequests();
}

void TestCliNotes::notesOnlyWhereAsked_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Notes>("notes");
    QTest::addColumn<QByteArray>("input"); // standard input (update --from -, directory import -)
    const QString c = m_canary;
    const QString showNotes = QStringLiteral("--show-notes");
    const QString format = QStringLiteral("--format");
    const QString escalationOption = QStringLiteral("--escalation");
    const QString followUp = QStringLiteral("--follow-up=2031-01-01T08:00:00Z");
    const QByteArray none;

    // list, in every format, with and without --show-notes.
    QTest::newRow("list") << listArgs({}) << Notes::Absent << none;
    QTest::newRow("list --show-notes") << listArgs({ showNotes }) << Notes::Shown << none;
    QTest::newRow("list table --show-notes")
        << listArgs({ format, QStringLiteral("table"), showNotes }) << Notes::Shown << none;
    QTest::newRow("list csv") << listArgs({ format, QStringLiteral("csv") }) << Notes::Shown << none;
    QTest::newRow("list csv --show-notes")
        << listArgs({ format, QStringLiteral("csv"), showNotes }) << Notes::Shown << none;
    QTest::newRow("list json") << listArgs({ QStringLiteral("--json") }) << Notes::Shown << none;
    QTest::newRow("list json --show-notes")
        << listArgs({ format, QStringLiteral("json"), showNotes }) << Notes::Shown << none;

    // update: of the escalation with the note and of another one; in one request, from a file.
    QTest::newRow("update, its follow-up")
        << updateArgs({ escalationOption, escalation(0), followUp }) << Notes::Absent << none;
    QTest::newRow("update, another one")
        << updateArgs({ escalationOption, escalation(1), QStringLiteral("--assign"),
                        Demo::acmeNurseEmail })
        << Notes::Absent << none;
    QTest::newRow("update --json")
        << updateArgs({ escalationOption, escalation(1), followUp, QStringLiteral("--json") })
        << Notes::Absent << none;
    const QByteArray bulk = Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note"),
                                          QStringLiteral("followUpDueAt") })
        + Csv::record({ escalation(0), c + QStringLiteral(" again"), QString() })
        + Csv::record({ escalation(2), QString(), QStringLiteral("2031-01-01T08:00:00Z") });
    QTest::newRow("update --from")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-") }) << Notes::Absent << bulk;
    QTest::newRow("update --from --json")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-"), QStringLiteral("--json") })
        << Notes::Absent << bulk;

    // Refused by the server: its 400 "not found" answer lists every note of the case.
    const QString unknown = QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210");
    QTest::newRow("update, unknown escalation")
        << updateArgs({ escalationOption, unknown, followUp }) << Notes::Absent << none;
    QTest::newRow("update --json, unknown escalation")
        << updateArgs({ escalationOption, unknown, followUp, QStringLiteral("--json") })
        << Notes::Absent << none;
    QTest::newRow("update, assignee refused")
        << updateArgs({ escalationOption, escalation(0), QStringLiteral("--assign"),
                        Demo::acmeManagerEmail })
        << Notes::Absent << none;
    QTest::newRow("update --from, a row refused")
        << updateArgs({ QStringLiteral("--from"), QStringLiteral("-") }) << Notes::Absent
        << Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note") })
               + Csv::record({ escalation(0), QStringLiteral("=") + c + QStringLiteral("\u2409") });
    QTest::newRow("list, another organisation's case")
        << (m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                << Demo::globexCaseId)
        << Notes::Absent << none;

    // Usage errors with the canary where an argument goes: never echoed.
    QTest::newRow("stray argument") << listArgs({ c }) << Notes::Absent << none;
    QTest::newRow("stray argument, --show-notes")
        << listArgs({ showNotes, c }) << Notes::Absent << none;
    QTest::newRow("as the command") << (m_cli.sandboxArgs() << c) << Notes::Absent << none;
    QTest::newRow("as an option") << listArgs({ QStringLiteral("--") + c }) << Notes::Absent << none;
    QTest::newRow("as --format") << listArgs({ format, c }) << Notes::Absent << none;
    QTest::newRow("as --timeout")
        << listArgs({ QStringLiteral("--timeout"), c }) << Notes::Absent << none;
    QTest::newRow("as --env")
        << QStringList { QStringLiteral("--env"), c, QStringLiteral("list"), QStringLiteral("--case"),
                         Demo::acmeCaseId }
        << Notes::Absent << none;
    QTest::newRow("as --case")
        << (m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case") << c)
        << Notes::Absent << none;
    QTest::newRow("as --escalation") << updateArgs({ escalationOption, c }) << Notes::Absent << none;
    QTest::newRow("as --escalation, twice")
        << updateArgs({ escalationOption, c, followUp, followUp }) << Notes::Absent << none;
    QTest::newRow("as --note-file")
        << updateArgs({ escalationOption, escalation(0), QStringLiteral("--note-file"), c })
        << Notes::Absent << none;
    QTest::newRow("as --from") << updateArgs({ QStringLiteral("--from"), c }) << Notes::Absent
                               << none;
    QTest::newRow("--show-notes with update")
        << updateArgs({ escalationOption, escalation(1), followUp, showNotes }) << Notes::Absent
        << none;
    QTest::newRow("as the key subcommand")
        << QStringList { QStringLiteral("key"), c } << Notes::Absent << none;
    QTest::newRow("as the directory subcommand")
        << QStringList { QStringLiteral("directory"), c } << Notes::Absent << none;
    QTest::newRow("as the directory file")
        << QStringList { QStringLiteral("directory"), QStringLiteral("import"), c } << Notes::Absent
        << none;

    // The other commands.
    QTest::newRow("directory show")
        << QStringList { QStringLiteral("directory"), QStringLiteral("show") } << Notes::Absent
        << none;
    QTest::newRow("key status")
        << (m_cli.sandboxArgs() << QStringLiteral("key") << QStringLiteral("status"))
        << Notes::Absent << none;
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << Notes::Absent << none;
}

void TestCliNotes::notesOnlyWhereAsked()
{
    QFETCH(QStringList, args);
    QFETCH(Notes, notes);
    QFETCH(QByteArray, input);
    const CliRun run = m_cli.run(args, Demo::acmeApiKey, input);
    QVERIFY2(run.exitCode >= 0, "the CLI did not finish");
    const QByteArray printed = run.out + run.err;
    const bool shown = printed.contains(m_canary.toLatin1());
    QVERIFY2(shown == (notes == Notes::Shown),
             qPrintable(QStringLiteral("exit code %1, %2:\n%3")
                            .arg(run.exitCode)
                            .arg(shown ? QStringLiteral("the note was printed")
                                       : QStringLiteral("no note printed"))
                            .arg(QString::fromUtf8(printed))));
}

QTEST_GUILESS_MAIN(TestCliNotes)
#include "tst_clinotes.moc"
