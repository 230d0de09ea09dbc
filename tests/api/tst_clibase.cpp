// update --from NEW --base OLD (issue 21): a field a colleague changed on Care360 since the
// agent exported OLD with list --format csv is never overwritten unseen. A real process against
// the sandbox.
#include "clitestsupport.h"

#include "models/contractcodec.h"
#include "models/csv.h"
#include "models/qtcompat.h"

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

namespace {
// The agent's and the colleague's notes: neither may appear in anything the CLI prints.
const QString kMyNote = QStringLiteral("AGENT-EDITED-NOTE: call after 3 pm");
const QString kTheirNote = QStringLiteral("COLLEAGUE-NOTE: patient called back");
const QDateTime kMyFollowUp = QtCompat::utcDateTime(QDate(2032, 5, 6), QTime(7, 30));
const QDateTime kTheirFollowUp = QtCompat::utcDateTime(QDate(2031, 3, 4), QTime(10, 0));
} // namespace

class TestCliBase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void colleaguesChangeIsNotOverwritten_data();
    void colleaguesChangeIsNotOverwritten();
    void colleaguesOtherFieldIsKept();
    void withoutBaseTheColleaguesNoteIsOverwritten();
    void escalationMissingFromBaseIsRefused();
    void unchangedExportWithBaseSendsNothing();
    void usageErrorsExit2_data();
    void usageErrorsExit2();

private:
    std::optional<Escalation> stored(const QString &id)
    {
        return m_cli.server.store().escalation(Demo::acmeCaseId, id);
    }
    // The first active escalation with a note and a follow-up, or with no assignee.
    Escalation pick(bool unassigned)
    {
        for (const Escalation &e : m_cli.server.store().activeEscalations(Demo::acmeCaseId)) {
            if (unassigned ? !e.assignedToUserId : e.note && e.followUpDueAt)
                return e;
        }
        return {};
    }
    // OLD: what list --format csv wrote, as a table.
    Csv::Table exportCsv()
    {
        const CliRun run =
            m_cli.run(m_cli.sandboxArgs()
                      << QStringLiteral("list") << QStringLiteral("--case") << Demo::acmeCaseId
                      << QStringLiteral("--format") << QStringLiteral("csv"));
        if (run.exitCode != 0)
            return { {}, QString::fromUtf8(run.err) };
        return Csv::read(run.out);
    }
    // A colleague's own update, through the CLI as anybody would send it.
    bool colleague(const QString &id, const QStringList &changes)
    {
        const CliRun run =
            m_cli.run(m_cli.sandboxArgs()
                      << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId
                      << QStringLiteral("--escalation") << id << changes);
        m_cli.server.clearReceivedRequests();
        return run.exitCode == 0;
    }
    QString noteFile(const QString &note)
    {
        return m_cli.writeFile(QStringLiteral("colleague.txt"), note.toUtf8());
    }
    CliRun update(const QByteArray &next, const std::optional<QByteArray> &base)
    {
        QStringList args = m_cli.sandboxArgs()
            << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId
            << QStringLiteral("--from") << m_cli.writeFile(QStringLiteral("new.csv"), next);
        if (base)
            args << QStringLiteral("--base") << m_cli.writeFile(QStringLiteral("old.csv"), *base);
        m_cli.server.clearReceivedRequests(); // the export and the colleague's update
        return m_cli.run(args);
    }
    // The CSV of table; *row gets the row ("Row N", the header being row 1) of escalation id.
    static QByteArray write(const Csv::Table &table, const QString &id, int *row = nullptr)
    {
        QByteArray text;
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            text += Csv::record(table.rows.at(r));
            if (row && table.rows.at(r).value(0) == id)
                *row = int(r + 1);
        }
        return text;
    }
    // NEW: OLD with one cell of escalation id changed (a column added when OLD lacks it).
    static Csv::Table edited(Csv::Table table, const QString &id, const QString &column,
                             const QString &value)
    {
        qsizetype index = table.rows.value(0).indexOf(column);
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            QStringList &row = table.rows[r];
            if (index < 0)
                row << (r == 0 ? column : QString());
            if (row.value(0) == id)
                row[index < 0 ? row.size() - 1 : index] = value;
        }
        return table;
    }
    void verifyNoValueIn(const QByteArray &printed, const Escalation &before)
    {
        for (const QString &text :
             { kMyNote, kTheirNote, before.note.value_or(kMyNote),
               Codec::formatTimestamp(kMyFollowUp), Codec::formatTimestamp(kTheirFollowUp) })
            QVERIFY2(!printed.contains(text.toUtf8()), printed.constData());
        QVERIFY2(!printed.contains("@acme.example"), printed.constData());
    }

    CliFixture m_cli;
};

void TestCliBase::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
}

void TestCliBase::init()
{
    m_cli.reset();
}

void TestCliBase::colleaguesChangeIsNotOverwritten_data()
{
    QTest::addColumn<QString>("column"); // of NEW, as the refusal names it
    QTest::addColumn<bool>("unassigned"); // which demo escalation
    QTest::addColumn<QString>("mine");
    QTest::addColumn<QStringList>("theirs");
    QTest::newRow("note") << QStringLiteral("note") << false << kMyNote
                          << QStringList { QStringLiteral("--note-file"), noteFile(kTheirNote) };
    QTest::newRow("followUpDueAt")
        << QStringLiteral("followUpDueAt") << false << Codec::formatTimestamp(kMyFollowUp)
        << QStringList { QStringLiteral("--follow-up"), Codec::formatTimestamp(kTheirFollowUp) };
    QTest::newRow("assignedToEmail")
        << QStringLiteral("assignedToEmail") << true << Demo::acmeAgentEmail
        << QStringList { QStringLiteral("--assign"), Demo::acmeNurseEmail };
}

void TestCliBase::colleaguesChangeIsNotOverwritten()
{
    QFETCH(QString, column);
    QFETCH(bool, unassigned);
    QFETCH(QString, mine);
    QFETCH(QStringList, theirs);
    const Escalation before = pick(unassigned);
    QVERIFY(!before.id.isEmpty());
    const Csv::Table old = exportCsv();
    QVERIFY2(old.error.isEmpty() && old.rows.size() == 7, qPrintable(old.error));
    int row = 0;
    const QByteArray next = write(edited(old, before.id, column, mine), before.id, &row);
    QVERIFY(row > 1);
    // Meanwhile a colleague changes that same field.
    QVERIFY(colleague(before.id, theirs));
    const Escalation theirsStored = *stored(before.id);
    QVERIFY(theirsStored != before);

    const CliRun run = update(next, write(old, before.id));
    QCOMPARE(run.exitCode, 3);
    const QByteArray line = QStringLiteral("Row %1: %2 of escalation %3")
                                .arg(QString::number(row), column, before.id)
                                .toUtf8();
    QVERIFY2(run.err.contains(line), run.err.constData());
    QVERIFY2(run.err.contains("Nothing was sent"), run.err.constData());
    verifyNoValueIn(run.out + run.err, before);
    QCOMPARE(m_cli.updatesReceived().size(), 0);
    QCOMPARE(*stored(before.id), theirsStored); // the colleague's change is still there
}

void TestCliBase::colleaguesOtherFieldIsKept()
{
    const Escalation before = pick(false);
    QVERIFY(!before.id.isEmpty());
    const Csv::Table old = exportCsv();
    QVERIFY2(old.error.isEmpty(), qPrintable(old.error));
    const QByteArray next = write(edited(old, before.id, QStringLiteral("note"), kMyNote), {});
    // The colleague moves the follow-up; NEW still has the exported one in its cell.
    QVERIFY(colleague(before.id,
                      { QStringLiteral("--follow-up"), Codec::formatTimestamp(kTheirFollowUp) }));

    const CliRun run = update(next, write(old, {}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    verifyNoValueIn(run.out + run.err, before);
    const auto updates = m_cli.updatesReceived();
    QCOMPARE(updates.size(), 1);
    const QJsonArray items = receivedItems(updates.at(0));
    QCOMPARE(items.size(), 1); // only the row the agent edited, only its note
    QCOMPARE(items.at(0).toObject().keys(),
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("note") }));
    QCOMPARE(items.at(0).toObject().value(QLatin1String("escalationId")).toString(), before.id);
    const Escalation after = *stored(before.id);
    QCOMPARE(after.note, kMyNote);
    QCOMPARE(after.followUpDueAt, kTheirFollowUp);
}

void TestCliBase::withoutBaseTheColleaguesNoteIsOverwritten()
{
    const Escalation before = pick(false);
    const Csv::Table old = exportCsv();
    QVERIFY2(old.error.isEmpty(), qPrintable(old.error));
    const QByteArray next = write(edited(old, before.id, QStringLiteral("note"), kMyNote), {});
    QVERIFY(colleague(before.id, { QStringLiteral("--note-file"), noteFile(kTheirNote) }));
    QCOMPARE(stored(before.id)->note, kTheirNote);

    // As documented: update --from alone sends what differs from the server, whoever changed it.
    const CliRun run = update(next, std::nullopt);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 1);
    QCOMPARE(stored(before.id)->note, kMyNote);
}

void TestCliBase::escalationMissingFromBaseIsRefused()
{
    const Escalation before = pick(false);
    const Csv::Table old = exportCsv();
    QVERIFY2(old.error.isEmpty(), qPrintable(old.error));
    int row = 0;
    const QByteArray next =
        write(edited(old, before.id, QStringLiteral("note"), kMyNote), before.id, &row);
    Csv::Table shorter = old;
    shorter.rows.removeIf([&](const QStringList &cells) { return cells.value(0) == before.id; });
    QCOMPARE(shorter.rows.size(), old.rows.size() - 1);

    const CliRun run = update(next, write(shorter, {}));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("Row %1: escalation %2 is not in the --base file")
                                  .arg(row)
                                  .arg(before.id)
                                  .toUtf8()),
             run.err.constData());
    verifyNoValueIn(run.out + run.err, before);
    QCOMPARE(m_cli.server.receivedRequests().size(), 0); // refused before even listing
    QCOMPARE(stored(before.id)->note, before.note);
}

void TestCliBase::unchangedExportWithBaseSendsNothing()
{
    const Csv::Table old = exportCsv();
    QVERIFY2(old.error.isEmpty(), qPrintable(old.error));
    const Escalation before = pick(false);
    QVERIFY(colleague(before.id, { QStringLiteral("--note-file"), noteFile(kTheirNote) }));
    // Nothing edited: the colleague's note differs from NEW's cell, but the agent did not touch it.
    const CliRun run = update(write(old, {}), write(old, {}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("nothing to change"), run.out.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 0);
    QCOMPARE(stored(before.id)->note, kTheirNote);
}

void TestCliBase::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    const QString file = QStringLiteral("old.csv");
    QTest::newRow("--base without --from") << QStringList { QStringLiteral("update"),
                                                            QStringLiteral("--case"),
                                                            Demo::acmeCaseId,
                                                            QStringLiteral("--escalation"),
                                                            Demo::acmeCaseId,
                                                            QStringLiteral("--follow-up"),
                                                            QStringLiteral("2030-01-01T09:00:00Z"),
                                                            QStringLiteral("--base"),
                                                            file };
    QTest::newRow("--base with list")
        << QStringList { QStringLiteral("list"), QStringLiteral("--case"), Demo::acmeCaseId,
                         QStringLiteral("--base"), file };
    QTest::newRow("--base twice") << QStringList { QStringLiteral("update"),
                                                   QStringLiteral("--case"),
                                                   Demo::acmeCaseId,
                                                   QStringLiteral("--from"),
                                                   file,
                                                   QStringLiteral("--base"),
                                                   file,
                                                   QStringLiteral("--base"),
                                                   file };
    QTest::newRow("--base without a value") << QStringList { QStringLiteral("update"),
                                                             QStringLiteral("--case"),
                                                             Demo::acmeCaseId,
                                                             QStringLiteral("--from"),
                                                             file,
                                                             QStringLiteral("--base=") };
    QTest::newRow("both from standard input")
        << QStringList { QStringLiteral("update"), QStringLiteral("--case"),
                         Demo::acmeCaseId,         QStringLiteral("--from"),
                         QStringLiteral("-"),      QStringLiteral("--base"),
                         QStringLiteral("-") };
    QTest::newRow("--base unreadable") << QStringList { QStringLiteral("update"),
                                                        QStringLiteral("--case"),
                                                        Demo::acmeCaseId,
                                                        QStringLiteral("--from"),
                                                        QStringLiteral("new.csv"),
                                                        QStringLiteral("--base"),
                                                        QStringLiteral("/nonexistent/old.csv") };
}

void TestCliBase::usageErrorsExit2()
{
    QFETCH(QStringList, args);
    const QByteArray csv = Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note") })
        + Csv::record({ pick(false).id, kMyNote });
    for (QString &arg : args) {
        if (arg == QLatin1String("old.csv") || arg == QLatin1String("new.csv"))
            arg = m_cli.writeFile(arg, csv);
    }
    const CliRun run = m_cli.run(m_cli.sandboxArgs() << args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(!run.err.isEmpty(), "no error line");
    QVERIFY2(!run.err.contains(kMyNote.toUtf8()), run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 0);
}

QTEST_GUILESS_MAIN(TestCliBase)
#include "tst_clibase.moc"
