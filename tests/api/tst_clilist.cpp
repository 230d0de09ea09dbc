// care360-escalations-cli list --format and directory import/show end to end: a real process
// against the in-process sandbox, with its settings in a temporary XDG_CONFIG_HOME.
#include "clitestsupport.h"

#include "app/session/settings.h"
#include "models/contractcodec.h"
#include "models/csv.h"

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

class TestCliList : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listPrintsTable();
    void caseTakesALink();
    void listNeverPrintsTerminalControls();
    void listCsvParsesBackToTheStore();
    void listCsvKeepsNotesExactly();
    void listJsonParses_data();
    void listJsonParses();
    void formatUsageErrors_data();
    void formatUsageErrors();
    void directoryImportThenListShowsNames();
    void badDirectoryFileImportsNothing();

private:
    QList<Escalation> active() { return m_cli.server.store().activeEscalations(Demo::acmeCaseId); }
    CliRun list(const QStringList &extra = {})
    {
        return m_cli.run(m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                                             << Demo::acmeCaseId << extra);
    }
    // The user ID Care360 reports for an assignee of Acme's demo case.
    QString userIdOf(const QString &email)
    {
        for (const Escalation &e : active()) {
            if (e.assignedToUserId && m_cli.server.store().userEmail(*e.assignedToUserId) == email)
                return *e.assignedToUserId;
        }
        return {};
    }
    CliRun importDirectory(const QByteArray &content)
    {
        return m_cli.run({ QStringLiteral("directory"), QStringLiteral("import"),
                           m_cli.writeFile(QStringLiteral("team.csv"), content) });
    }

    CliFixture m_cli;
};

void TestCliList::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
    // This process reads the settings as the console does: the console's names, the CLI's
    // XDG_CONFIG_HOME (set before the first QSettings, which reads it once).
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_cli.configHome()));
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
}

void TestCliList::init()
{
    m_cli.reset();
}

void TestCliList::listPrintsTable()
{
    const CliRun run = list();
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QList<Escalation> expected = active();
    QVERIFY(!expected.isEmpty());
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), expected.size() + 1); // a header and one line per escalation
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(lines.at(i + 1).startsWith(expected.at(i).id), qPrintable(lines.at(i + 1)));
        QVERIFY(lines.at(i + 1).contains(expected.at(i).title));
    }
}

void TestCliList::caseTakesALink()
{
    const CliRun run = m_cli.run(
        m_cli.sandboxArgs() << QStringLiteral("list") << QStringLiteral("--case")
                            << QStringLiteral("https://care360.example/cases/%1?tab=escalations")
                                   .arg(Demo::acmeCaseId.toUpper()));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_cli.server.receivedRequests().size(), 1);
    QCOMPARE(m_cli.server.receivedRequests().at(0).path,
             QStringLiteral("/api/v1/cases/") + Demo::acmeCaseId);
}

void TestCliList::listNeverPrintsTerminalControls()
{
    // Any agent could plant a title change and a screen wipe in a note for colleagues to list.
    const QString id = active().at(0).id;
    const QByteArray body =
        QByteArrayLiteral("{\"action\":\"UPDATE_ESCALATION\",\"escalations\":[{\"escalationId\":\"")
        + id.toLatin1()
        + QByteArrayLiteral("\",\"note\":\"\\u001b]0;owned\\u0007\\u001b[2Jhi"
                            "\\u202etxt.exe\\u009b2J\"}]}");
    QCOMPARE(
        m_cli.server.store().handle(Demo::acmeCaseId, Demo::acmeApiKey.toLatin1(), body).status,
        200);
    const CliRun run = list({ QStringLiteral("--show-notes") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains('\x1b'));
    QVERIFY(!run.out.contains('\x07'));
    // A right-to-left override and C1's CSI are neither obeyed nor passed on: U+FFFD.
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(!out.contains(QChar(0x202e)));
    QVERIFY(!out.contains(QChar(0x9b)));
    QVERIFY2(out.contains(QStringLiteral("\u241b]0;owned\u2407\u241b[2Jhi\ufffdtxt.exe\ufffd2J")),
             run.out.constData());
}

void TestCliList::listCsvParsesBackToTheStore()
{
    const CliRun run = list({ QStringLiteral("--format"), QStringLiteral("csv") });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const Csv::Table table = Csv::read(run.out);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    const QList<Escalation> expected = active();
    QCOMPARE(table.rows.size(), expected.size() + 1);
    QCOMPARE(table.rows.at(0),
             QStringList({ QStringLiteral("escalationId"), QStringLiteral("type"),
                           QStringLiteral("title"), QStringLiteral("note"),
                           QStringLiteral("followUpDueAt"), QStringLiteral("assignedToUserId"),
                           QStringLiteral("assignee") }));
    int withNote = 0;
    for (int i = 0; i < expected.size(); ++i) {
        const QStringList &row = table.rows.at(i + 1);
        const Escalation &e = expected.at(i);
        QCOMPARE(row.at(0), e.id);
        QCOMPARE(row.at(1), e.type);
        QCOMPARE(row.at(2), e.title);
        QCOMPARE(row.at(3), e.note.value_or(QString()));
        withNote += e.note ? 1 : 0;
        QCOMPARE(row.at(4).isEmpty() ? std::optional<QDateTime>()
                                     : std::optional(Codec::parseTimestamp(row.at(4))),
                 e.followUpDueAt);
        QCOMPARE(row.at(5), e.assignedToUserId.value_or(QString()));
        QCOMPARE(row.at(6), QString()); // no team directory yet
    }
    QVERIFY(withNote > 0); // notes longer than the table's 40 characters arrive whole
}

void TestCliList::listCsvKeepsNotesExactly()
{
    const QString id = active().at(0).id;
    const QByteArray body =
        "{\"action\":\"UPDATE_ESCALATION\",\"escalations\":[{\"escalationId\":\"" + id.toLatin1()
        + "\",\"note\":\"one, \\\"two\\\"\\r\\nthree\\u001b[2J\\u0007\"}]}";
    QCOMPARE(
        m_cli.server.store().handle(Demo::acmeCaseId, Demo::acmeApiKey.toLatin1(), body).status,
        200);
    const CliRun run = list({ QStringLiteral("--format"), QStringLiteral("csv") });
    QCOMPARE(run.exitCode, 0);
    const Csv::Table table = Csv::read(run.out);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    // A data format: the stored text as it is (only the table shows control characters).
    QCOMPARE(table.rows.at(1).at(3), QStringLiteral("one, \"two\"\r\nthree\u001b[2J\u0007"));
}

void TestCliList::listJsonParses_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("--format json")
        << QStringList { QStringLiteral("--format"), QStringLiteral("json") };
    QTest::newRow("--json") << QStringList { QStringLiteral("--json") };
    QTest::newRow("both") << QStringList { QStringLiteral("--json"),
                                           QStringLiteral("--format=json") };
}

void TestCliList::listJsonParses()
{
    QFETCH(QStringList, options);
    const CliRun run = list(options);
    QCOMPARE(run.exitCode, 0);
    bool parsed = false;
    const QJsonArray listed = listedEscalations(run.out, &parsed);
    QVERIFY(parsed);
    const QList<Escalation> expected = active();
    QCOMPARE(listed.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(listed.at(i).toObject().value(QLatin1String("id")).toString(), expected.at(i).id);
}

void TestCliList::formatUsageErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("unknown format")
        << QStringList { QStringLiteral("--format"), QStringLiteral("xml") };
    QTest::newRow("--json and csv")
        << QStringList { QStringLiteral("--json"), QStringLiteral("--format"),
                         QStringLiteral("csv") };
}

void TestCliList::formatUsageErrors()
{
    QFETCH(QStringList, options);
    const CliRun run = list(options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCliList::directoryImportThenListShowsNames()
{
    const QString nurse = userIdOf(Demo::acmeNurseEmail);
    const QString agent = userIdOf(Demo::acmeAgentEmail);
    QVERIFY(!nurse.isEmpty() && !agent.isEmpty());
    // Columns in their own order; only the nurse is in the directory.
    const CliRun imported = importDirectory("email,name,userId\n" + Demo::acmeNurseEmail.toLatin1()
                                            + ",Nora Nurse," + nurse.toLatin1() + "\n");
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    // Where the console reads it: its Settings, under its own names.
    const QVariantList team = Settings().teamDirectory();
    QCOMPARE(team.size(), 1);
    QCOMPARE(team.at(0).toMap().value(QStringLiteral("userId")).toString(), nurse);
    QCOMPARE(team.at(0).toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("Nora Nurse"));

    const CliRun run = list();
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    int named = 0;
    for (const Escalation &e : active()) {
        const QString line = lines.filter(e.id).value(0);
        QVERIFY2(!line.isEmpty(), qPrintable(e.id));
        if (e.assignedToUserId == nurse) {
            QVERIFY2(line.contains(QLatin1String("Nora Nurse")), qPrintable(line));
            QVERIFY2(!line.contains(nurse), qPrintable(line));
            ++named;
        } else if (e.assignedToUserId == agent) {
            QVERIFY2(line.contains(agent), qPrintable(line)); // unknown: the user ID
        }
    }
    QVERIFY(named > 0);

    const CliRun csv = list({ QStringLiteral("--format"), QStringLiteral("csv") });
    int namedRows = 0;
    for (const QStringList &row : Csv::read(csv.out).rows) {
        if (row.value(5) == nurse) {
            QCOMPARE(row.value(6), QStringLiteral("Nora Nurse"));
            ++namedRows;
        }
    }
    QCOMPARE(namedRows, named);
    const CliRun shown = m_cli.run({ QStringLiteral("directory"), QStringLiteral("show") });
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("Nora Nurse") && shown.out.contains(nurse.toLatin1()),
             shown.out.constData());
}

void TestCliList::badDirectoryFileImportsNothing()
{
    const QString nurse = userIdOf(Demo::acmeNurseEmail);
    const QString agent = userIdOf(Demo::acmeAgentEmail);
    QCOMPARE(importDirectory("userId,email,name\n" + nurse.toLatin1() + ","
                             + Demo::acmeNurseEmail.toLatin1() + ",Nora Nurse\n")
                 .exitCode,
             0);
    // Row 3 is bad; row 2 alone would have been fine.
    const CliRun run = importDirectory("userId,email,name\n" + agent.toLatin1() + ","
                                       + Demo::acmeAgentEmail.toLatin1() + ",Abe Agent\n"
                                       + nurse.toLatin1() + ",not-an-email,Nora Nurse\n");
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("Row 3"), run.err.constData());
    QVERIFY2(run.err.contains("Nothing was imported"), run.err.constData());
    const QVariantList team = Settings().teamDirectory();
    QCOMPARE(team.size(), 1); // the earlier directory, untouched
    QCOMPARE(team.at(0).toMap().value(QStringLiteral("name")).toString(),
             QStringLiteral("Nora Nurse"));
    QVERIFY(!m_cli.run({ QStringLiteral("directory"), QStringLiteral("show") })
                 .out.contains("Abe Agent"));
    QCOMPARE(m_cli.run({ QStringLiteral("directory"), QStringLiteral("import") }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliList)
#include "tst_clilist.moc"
