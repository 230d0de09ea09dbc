// Exports that round-trip: list --format csv and json carry the stored notes exactly, and
// update --from takes the exported CSV back as it is. A real process against the sandbox.
#include "clitestsupport.h"

#include "models/csv.h"

#include <algorithm>

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

namespace {
// What spreadsheets run as a formula when a cell starts with it (OWASP's CSV injection list).
bool startsLikeAFormula(const QString &cell)
{
    return !cell.isEmpty() && QStringView(u"=+-@\t\r").contains(cell.front());
}

// 10,000 characters that a cut, a control picture or a spreadsheet would change.
QString longNote(const QString &start)
{
    QString note = start
        + QStringLiteral("SUM(A1)\t\"quoted\", caf\u00e9 \u65e5\u672c \U0001F600\r\nsecond\rthird\n"
                         "\u001b[2J\u2028\u2029\u007f\u202e|");
    while (note.size() < 10000)
        note += QStringLiteral("Tab\there, \"quote\", line\r\n");
    note.truncate(9999);
    return note + QLatin1Char('.'); // --note-file drops a final line break
}

// A note as the test sets it, and the CSV cell it must become: a formula gets a leading '.
struct Seeded {
    QString note;
    QString cell;
};
} // namespace

class TestCliRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void neutralisingRoundTrips_data();
    void neutralisingRoundTrips();
    void csvCarriesNotesExactly();
    void csvCellsNeverStartAFormula();
    void jsonCarriesNotesExactlyAndEscaped();
    void unchangedExportSendsNothing();
    void editedNoteArrivesByteForByte();
    void sameAssigneeIsNotSent();
    void displayFormIsRefused_data();
    void displayFormIsRefused();

private:
    QList<Escalation> active() { return m_cli.server.store().activeEscalations(Demo::acmeCaseId); }
    CliRun list(const QString &format)
    {
        return m_cli.run(m_cli.sandboxArgs()
                         << QStringLiteral("list") << QStringLiteral("--case") << Demo::acmeCaseId
                         << QStringLiteral("--format") << format);
    }
    CliRun updateFrom(const QString &path, const QStringList &extra = {})
    {
        return m_cli.run(m_cli.sandboxArgs()
                         << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId
                         << QStringLiteral("--from") << path << extra);
    }
    QMap<QString, QString> storedNotes()
    {
        QMap<QString, QString> notes;
        for (const Escalation &e : active())
            notes.insert(e.id, e.note.value_or(QString()));
        return notes;
    }
    // The note cells of a parsed export, by escalation ID (the header is checked elsewhere).
    static QMap<QString, QString> noteCells(const Csv::Table &table)
    {
        QMap<QString, QString> cells;
        for (qsizetype r = 1; r < table.rows.size(); ++r)
            cells.insert(table.rows.at(r).value(0), table.rows.at(r).value(3));
        return cells;
    }

    CliFixture m_cli;
    QMap<QString, Seeded> m_seeded; // by escalation ID
};

void TestCliRoundTrip::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
}

void TestCliRoundTrip::init()
{
    m_cli.reset();
    const QList<Escalation> escalations = active();
    QCOMPARE(escalations.size(), 6);
    const QList<Seeded> notes {
        { longNote(QStringLiteral("=")), QStringLiteral("'") + longNote(QStringLiteral("=")) },
        { QStringLiteral("'=HYPERLINK(\"http://x.example\")\tand more"),
          QStringLiteral("''=HYPERLINK(\"http://x.example\")\tand more") },
        { QStringLiteral("'x: an apostrophe that is part of the note"),
          QStringLiteral("'x: an apostrophe that is part of the note") },
        { QStringLiteral("@SUM(1+1)"), QStringLiteral("'@SUM(1+1)") },
        { QStringLiteral("\tindented \u00fcber, -1"), QStringLiteral("'\tindented \u00fcber, -1") },
    };
    // Sent through the CLI's own update, one group per escalation; the fourth keeps its null.
    m_seeded.clear();
    QStringList args = m_cli.sandboxArgs()
        << QStringLiteral("update") << QStringLiteral("--case") << Demo::acmeCaseId;
    const QList<int> rows { 0, 1, 2, 4, 5 };
    for (int i = 0; i < rows.size(); ++i) {
        const QString id = escalations.at(rows.at(i)).id;
        m_seeded.insert(id, notes.at(i));
        args << QStringLiteral("--escalation") << id << QStringLiteral("--note-file")
             << m_cli.writeFile(QStringLiteral("note%1.txt").arg(i), notes.at(i).note.toUtf8());
    }
    const CliRun seeded = m_cli.run(args);
    QVERIFY2(seeded.exitCode == 0, seeded.err.constData());
    for (auto it = m_seeded.cbegin(); it != m_seeded.cend(); ++it)
        QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, it.key())->note, it->note);
    m_cli.server.clearReceivedRequests();
}

void TestCliRoundTrip::neutralisingRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    const QString quote = QStringLiteral("'");
    for (const QChar formula : QStringView(u"=+-@\t\r")) {
        const QString text = formula + QStringLiteral("1+1");
        const unsigned code = formula.unicode();
        QTest::addRow("U+%04X", code) << text << quote + text;
        QTest::addRow("' then U+%04X", code) << quote + text << quote + quote + text;
    }
    QTest::newRow("'' then =") << QStringLiteral("''=x") << QStringLiteral("'''=x");
    QTest::newRow("' then a letter") << QStringLiteral("'x") << QStringLiteral("'x");
    QTest::newRow("only '") << quote << quote;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("= inside") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("space then =") << QStringLiteral(" =x") << QStringLiteral(" =x");
}

void TestCliRoundTrip::neutralisingRoundTrips()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(Csv::neutralised(text), cell);
    QVERIFY(!startsLikeAFormula(Csv::neutralised(text)));
    QCOMPARE(Csv::unneutralised(cell), text);
}

void TestCliRoundTrip::csvCarriesNotesExactly()
{
    const CliRun run = list(QStringLiteral("csv"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const Csv::Table table = Csv::read(run.out);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.value(0).value(3), QStringLiteral("note"));
    const QMap<QString, QString> cells = noteCells(table);
    QCOMPARE(cells.size(), 6);
    for (auto it = m_seeded.cbegin(); it != m_seeded.cend(); ++it) {
        const QString cell = cells.value(it.key());
        // Compared by length and bytes: QCOMPARE would print 10,000 characters on failure.
        QVERIFY2(cell.size() == it->cell.size(),
                 qPrintable(QStringLiteral("%1: %2 characters, expected %3")
                                .arg(it.key())
                                .arg(cell.size())
                                .arg(it->cell.size())));
        QVERIFY2(cell.toUtf8() == it->cell.toUtf8(), qPrintable(it.key()));
    }
}

void TestCliRoundTrip::csvCellsNeverStartAFormula()
{
    const CliRun run = list(QStringLiteral("csv"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const Csv::Table table = Csv::read(run.out);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), 7);
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        for (qsizetype c = 0; c < table.rows.at(r).size(); ++c) {
            QVERIFY2(!startsLikeAFormula(table.rows.at(r).at(c)),
                     qPrintable(QStringLiteral("row %1, column %2").arg(r + 1).arg(c + 1)));
        }
    }
}

void TestCliRoundTrip::jsonCarriesNotesExactlyAndEscaped()
{
    const CliRun run = list(QStringLiteral("json"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    bool parsed = false;
    const QJsonArray listed = listedEscalations(run.out, &parsed);
    QVERIFY(parsed);
    QCOMPARE(listed.size(), 6);
    int compared = 0;
    for (const QJsonValue &value : listed) {
        const QJsonObject escalation = value.toObject();
        const QString id = escalation.value(QLatin1String("id")).toString();
        if (!m_seeded.contains(id))
            continue;
        const QByteArray note = escalation.value(QLatin1String("note")).toString().toUtf8();
        QVERIFY2(note == m_seeded.value(id).note.toUtf8(), qPrintable(id));
        ++compared;
    }
    QCOMPARE(compared, 5);
    // Not one of the server's control or line-separating characters as itself: only \uXXXX.
    const QByteArray body = run.out.endsWith('\n') ? run.out.chopped(1) : run.out;
    const auto control = std::find_if(body.cbegin(), body.cend(),
                                      [](char c) { return uchar(c) < 0x20 || uchar(c) == 0x7F; });
    QVERIFY2(control == body.cend(), qPrintable(QString::number(control - body.cbegin())));
    for (const char *raw : { "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAE" })
        QVERIFY2(!body.contains(raw), raw);
    QVERIFY(body.contains("\\u001b[2J"));
    QVERIFY(body.contains("\\u2028"));
}

void TestCliRoundTrip::unchangedExportSendsNothing()
{
    const CliRun exported = list(QStringLiteral("csv"));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    const QMap<QString, QString> before = storedNotes();
    m_cli.server.clearReceivedRequests();
    const CliRun run = updateFrom(m_cli.writeFile(QStringLiteral("export.csv"), exported.out));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("nothing to change"), run.out.constData());
    // One line on stderr names the columns update does not change.
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains("type, title, assignedToUserId, assignee"), run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 0);
    QCOMPARE(m_cli.server.receivedRequests().size(), 1); // the listing it compared with
    QCOMPARE(storedNotes(), before);
}

void TestCliRoundTrip::editedNoteArrivesByteForByte()
{
    const CliRun exported = list(QStringLiteral("csv"));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    Csv::Table table = Csv::read(exported.out);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    const QString edited = longNote(QStringLiteral("+1 \u00e9t\u00e9 "));
    const QString id = m_seeded.firstKey();
    QByteArray file;
    for (QStringList &row : table.rows) {
        if (row.value(0) == id)
            row[3] = QStringLiteral("'") + edited; // as the export writes a formula-like cell
        file += Csv::record(row);
    }
    const QMap<QString, QString> before = storedNotes();
    m_cli.server.clearReceivedRequests();
    const CliRun run = updateFrom(m_cli.writeFile(QStringLiteral("edited.csv"), file));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto updates = m_cli.updatesReceived();
    QCOMPARE(updates.size(), 1);
    const QJsonArray items = receivedItems(updates.at(0));
    QCOMPARE(items.size(), 1); // only the row that changed, only its note
    QCOMPARE(items.at(0).toObject().keys(),
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("note") }));
    QVERIFY(!run.out.contains("SUM(A1)")); // note text is never printed back

    const CliRun listed = list(QStringLiteral("json"));
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    int found = 0;
    for (const QJsonValue &value : QJsonDocument::fromJson(listed.out)
                                       .object()
                                       .value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("escalations"))
                                       .toArray()) {
        const QJsonObject escalation = value.toObject();
        const QString listedId = escalation.value(QLatin1String("id")).toString();
        const QByteArray note = escalation.value(QLatin1String("note")).toString().toUtf8();
        const QByteArray expected = (listedId == id ? edited : before.value(listedId)).toUtf8();
        QVERIFY2(note == expected, qPrintable(listedId));
        found += listedId == id ? 1 : 0;
    }
    QCOMPARE(found, 1);
}

void TestCliRoundTrip::sameAssigneeIsNotSent()
{
    const QList<Escalation> escalations = active();
    const Escalation &assigned = escalations.at(0);
    QVERIFY(assigned.assignedToUserId);
    const QString email = m_cli.server.store().userEmail(*assigned.assignedToUserId);
    const QString other =
        email == Demo::acmeNurseEmail ? Demo::acmeAgentEmail : Demo::acmeNurseEmail;
    const QByteArray file =
        Csv::record({ QStringLiteral("escalationId"), QStringLiteral("assignedToEmail") })
        + Csv::record({ assigned.id, email.toUpper() });
    const QString path = m_cli.writeFile(QStringLiteral("assignee.csv"), file);
    // Without a team directory the CLI cannot tell the user ID is that e-mail: it is sent.
    QCOMPARE(updateFrom(path).exitCode, 0);
    QCOMPARE(m_cli.updatesReceived().size(), 1);

    m_cli.server.clearReceivedRequests();
    const QByteArray team = Csv::record({ QStringLiteral("userId"), QStringLiteral("email") })
        + Csv::record({ *assigned.assignedToUserId, email });
    QCOMPARE(m_cli
                 .run({ QStringLiteral("directory"), QStringLiteral("import"),
                        m_cli.writeFile(QStringLiteral("team.csv"), team) })
                 .exitCode,
             0);
    const CliRun same = updateFrom(path);
    QVERIFY2(same.exitCode == 0, same.err.constData());
    QVERIFY2(same.out.contains("nothing to change"), same.out.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 0);

    const QByteArray changed =
        Csv::record({ QStringLiteral("escalationId"), QStringLiteral("assignedToEmail") })
        + Csv::record({ assigned.id, other });
    const CliRun run = updateFrom(m_cli.writeFile(QStringLiteral("other.csv"), changed));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 1);
}

void TestCliRoundTrip::displayFormIsRefused_data()
{
    QTest::addColumn<QString>("note");
    QTest::newRow("cut at 4,096 characters")
        << QString(4095, QLatin1Char('y')) + QChar(0x2026); // what the old export wrote
    QTest::newRow("a tab shown as a symbol") << QStringLiteral("one\u2409two");
    QTest::newRow("ESC shown as a symbol") << QStringLiteral("\u241b[2J cleared");
}

void TestCliRoundTrip::displayFormIsRefused()
{
    QFETCH(QString, note);
    const QList<Escalation> escalations = active();
    const QByteArray file = Csv::record({ QStringLiteral("escalationId"), QStringLiteral("note") })
        + Csv::record({ escalations.at(3).id, QStringLiteral("A fine note") })
        + Csv::record({ escalations.at(4).id, note });
    const QString path = m_cli.writeFile(QStringLiteral("display.csv"), file);
    const QMap<QString, QString> before = storedNotes();
    const CliRun refused = updateFrom(path);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains("Row 3"), refused.err.constData());
    QVERIFY2(refused.err.contains("--accept-display-marks"), refused.err.constData());
    QVERIFY2(!refused.err.contains(note.right(4).toUtf8()), refused.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 0);
    QCOMPARE(storedNotes(), before);

    const CliRun accepted = updateFrom(path, { QStringLiteral("--accept-display-marks") });
    QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 1);
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, escalations.at(4).id)->note, note);
}

QTEST_GUILESS_MAIN(TestCliRoundTrip)
#include "tst_cliroundtrip.moc"
