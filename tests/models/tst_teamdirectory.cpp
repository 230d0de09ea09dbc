// The team directory's parts: the CSV reader and writer, the file parser, and what
// AssigneeDirectory does with the team.
#include "models/assigneedirectory.h"
#include "models/csv.h"
#include "models/teamdirectory.h"

#include <QSignalSpy>
#include <QTest>

using namespace Care360;

namespace {
const QString kNurseId = QStringLiteral("a5e20000-0000-4000-8000-000000000002");
const QString kAgentId = QStringLiteral("a5e20000-0000-4000-8000-000000000001");
const QString kOtherId = QStringLiteral("a5e20000-0000-4000-8000-000000000003");
} // namespace

class TestTeamDirectory : public QObject {
    Q_OBJECT
private slots:
    void csvRoundTrips_data();
    void csvRoundTrips();
    void csvReadsCrlfAndBom();
    void csvQuotesOnlyWhereNeeded();
    void csvStrayQuoteIsAnError_data();
    void csvStrayQuoteIsAnError();

    void parsesCsvInAnyColumnOrder();
    void parsesJson();
    void badFilesNameTheRow_data();
    void badFilesNameTheRow();
    void namesAreShortAndVisible();

    void personForPrefersTheName();
    void completionsOfferNameAndEmail();
    void emailFromCompletion_data();
    void emailFromCompletion();
    void teamFromVariantListSkipsBadEntries();
};

void TestTeamDirectory::csvRoundTrips_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("plain") << QStringList { QStringLiteral("a"), QStringLiteral("b c") };
    QTest::newRow("commas") << QStringList { QStringLiteral("a,b"), QStringLiteral(",") };
    QTest::newRow("quotes") << QStringList { QStringLiteral("say \"hi\""), QStringLiteral("\"") };
    QTest::newRow("line breaks") << QStringList { QStringLiteral("one\r\ntwo\nthree"),
                                                  QStringLiteral("x") };
    QTest::newRow("spaces") << QStringList { QStringLiteral("  lead"), QStringLiteral("trail  ") };
    QTest::newRow("tabs") << QStringList { QStringLiteral("\tlead"), QStringLiteral("trail\t") };
    QTest::newRow("empty") << QStringList { QString(), QStringLiteral("x"), QString() };
    QTest::newRow("unicode") << QStringList { QStringLiteral("Zoë \u2713"),
                                              QStringLiteral("\u00e9") };
}

void TestTeamDirectory::csvRoundTrips()
{
    QFETCH(QStringList, fields);
    const QByteArray text = Csv::record(fields) + Csv::record({ QStringLiteral("next") });
    const Csv::Table table = Csv::read(text);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0), fields);
    QCOMPARE(table.rows.at(1), QStringList { QStringLiteral("next") });
}

void TestTeamDirectory::csvReadsCrlfAndBom()
{
    const Csv::Table table = Csv::read("\xEF\xBB\xBFuserId,email\r\n1,\"a@b.example\"\r\n");
    QVERIFY(table.error.isEmpty());
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0).at(0), QStringLiteral("userId")); // no BOM in the first name
    QCOMPARE(table.rows.at(1),
             (QStringList { QStringLiteral("1"), QStringLiteral("a@b.example") }));
}

void TestTeamDirectory::csvQuotesOnlyWhereNeeded()
{
    QCOMPARE(Csv::record({ QStringLiteral("a"), QStringLiteral("b c") }), QByteArray("a,b c\r\n"));
    QCOMPARE(Csv::record({ QStringLiteral("x,y") }), QByteArray("\"x,y\"\r\n"));
    QCOMPARE(Csv::record({ QStringLiteral("say \"hi\"") }), QByteArray("\"say \"\"hi\"\"\"\r\n"));
}

void TestTeamDirectory::csvStrayQuoteIsAnError_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("quote inside a field") << QByteArray("a,b\nc\"d,e\n");
    QTest::newRow("text after a quoted field") << QByteArray("a,b\n\"c\"d,e\n");
    QTest::newRow("unterminated quote") << QByteArray("a,b\n\"c,d\n");
}

void TestTeamDirectory::csvStrayQuoteIsAnError()
{
    QFETCH(QByteArray, text);
    const Csv::Table table = Csv::read(text);
    QVERIFY2(table.error.contains(QLatin1String("Row 2")), qPrintable(table.error));
    QCOMPARE(table.rows.value(0), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
}

void TestTeamDirectory::parsesCsvInAnyColumnOrder()
{
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(
        "Name, EMAIL ,userid\r\n\"Nurse, Nora\",nurse@acme.example," + kNurseId.toLatin1()
        + "\r\n,agent@acme.example," + kAgentId.toLatin1() + "\r\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.members.size(), 2);
    QCOMPARE(parsed.members.at(0),
             (TeamMember { kNurseId, QStringLiteral("nurse@acme.example"),
                           QStringLiteral("Nurse, Nora") }));
    QCOMPARE(parsed.members.at(1),
             (TeamMember { kAgentId, QStringLiteral("agent@acme.example"), QString() }));
}

void TestTeamDirectory::parsesJson()
{
    const TeamDirectoryFile::Parsed parsed =
        TeamDirectoryFile::parse(" [{\"userId\":\"" + kNurseId.toLatin1()
                                 + "\",\"email\":\"nurse@acme.example\",\"name\":\"Nora\","
                                   "\"role\":\"cvtpa\"},"
                                   "{\"email\":\"agent@acme.example\",\"userId\":\""
                                 + kAgentId.toLatin1() + "\"}]\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.members.size(), 2);
    QCOMPARE(parsed.members.at(0).name, QStringLiteral("Nora"));
    QCOMPARE(parsed.members.at(0).role, QStringLiteral("CVTPA"));
    QCOMPARE(parsed.members.at(1).email, QStringLiteral("agent@acme.example"));
    QCOMPARE(parsed.members.at(1).role, QString()); // no role given: unknown
    // Windows tools (Notepad, PowerShell's UTF-8 Out-File) write a byte-order mark before JSON too.
    const TeamDirectoryFile::Parsed withBom = TeamDirectoryFile::parse(
        "\xEF\xBB\xBF[{\"userId\":\"" + kAgentId.toLatin1() + "\",\"email\":\"a@acme.example\"}]");
    QVERIFY2(withBom.error.isEmpty(), qPrintable(withBom.error));
}

void TestTeamDirectory::badFilesNameTheRow_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("expected");
    const QByteArray header = "userId,email\n";
    const QByteArray good = kNurseId.toLatin1() + ",nurse@acme.example\n";
    QTest::newRow("bad UUID") << header + good + "u-17,agent@acme.example\n"
                              << QStringLiteral(
                                     "Row 3: the “userId” cell is not a Care360 user ID");
    QTest::newRow("bad e-mail") << header + good + kAgentId.toLatin1() + ",agent-at-acme\n"
                                << QStringLiteral("Row 3: the “email” cell is not an e-mail");
    QTest::newRow("duplicate") << header + good + kNurseId.toUpper().toLatin1()
            + ",n@acme.example\n"
                               << QStringLiteral("Row 3: the same user ID as row 2.");
    QTest::newRow("stray quote") << header + good + "a\"b,c@acme.example\n"
                                 << QStringLiteral("Row 3 is not valid CSV");
    QTest::newRow("JSON entry") << "[{\"userId\":\"" + kNurseId.toLatin1()
            + "\",\"email\":\"nurse@acme.example\"},{\"userId\":\"" + kAgentId.toLatin1()
            + "\"}]" << QStringLiteral("Entry 2 needs");
    QTest::newRow("no header") << good << QStringLiteral("where the column names belong");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("header only") << header << QStringLiteral("lists nobody");
    QTest::newRow("oversized") << header + good
            + QByteArray(TeamDirectoryFile::maxBytes - header.size() - good.size() + 1, '\n')
                               << QStringLiteral("larger than 4 MiB");
}

void TestTeamDirectory::badFilesNameTheRow()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, expected);
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(file);
    QVERIFY2(parsed.error.contains(expected), qPrintable(parsed.error));
    QVERIFY(parsed.members.isEmpty()); // one bad row and nothing is imported
}

void TestTeamDirectory::namesAreShortAndVisible()
{
    const QString longName = QStringLiteral("\x1b[2J") + QString(200, u'x');
    const TeamDirectoryFile::Parsed parsed =
        TeamDirectoryFile::parse("userId,email,name\n" + kNurseId.toLatin1()
                                 + ",nurse@acme.example,\"" + longName.toUtf8() + "\"\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const QString name = parsed.members.value(0).name;
    QCOMPARE(name.size(), TeamDirectoryFile::maxNameChars);
    QVERIFY(!name.contains(QChar(0x1b)));
    QVERIFY(name.startsWith(QChar(0x241b)));
}

void TestTeamDirectory::personForPrefersTheName()
{
    AssigneeDirectory directory;
    QSignalSpy changed(&directory, &AssigneeDirectory::changed);
    const QList<TeamMember> team { { kNurseId, QStringLiteral("nurse@acme.example"),
                                     QStringLiteral("Nora Nurse") },
                                   { kAgentId, QStringLiteral("agent@acme.example"), QString() } };
    directory.setTeam(team);
    directory.setTeam(team); // the same team again changes nothing
    QCOMPARE(changed.size(), 1);
    directory.learn(kOtherId, QStringLiteral("other@acme.example"));
    QCOMPARE(directory.personFor(kNurseId), QStringLiteral("Nora Nurse"));
    QCOMPARE(directory.personFor(kAgentId), QStringLiteral("agent@acme.example"));
    QCOMPARE(directory.personFor(kOtherId), QStringLiteral("other@acme.example"));
    QCOMPARE(directory.personFor(QStringLiteral("unknown")), QString());
    // The directory wins over an e-mail learnt earlier for the same person.
    directory.learn(kNurseId, QStringLiteral("old@acme.example"));
    QCOMPARE(directory.emailFor(kNurseId), QStringLiteral("nurse@acme.example"));
}

void TestTeamDirectory::completionsOfferNameAndEmail()
{
    AssigneeDirectory directory;
    directory.setTeam(
        { { kNurseId, QStringLiteral("nurse@acme.example"), QStringLiteral("Nora Nurse") },
          { kAgentId, QStringLiteral("agent@acme.example"), QString() } });
    directory.learn(kOtherId, QStringLiteral("NURSE@acme.example")); // the same address again
    directory.learn(QStringLiteral("u9"), QStringLiteral("billing@acme.example"));
    QCOMPARE(
        directory.completions(),
        (QStringList { QStringLiteral("agent@acme.example"), QStringLiteral("billing@acme.example"),
                       QStringLiteral("Nora Nurse <nurse@acme.example>") }));
}

void TestTeamDirectory::emailFromCompletion_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("email");
    QTest::newRow("completion") << QStringLiteral("Nora Nurse <nurse@acme.example>")
                                << QStringLiteral("nurse@acme.example");
    QTest::newRow("padded") << QStringLiteral("  Nora < nurse@acme.example >  ")
                            << QStringLiteral("nurse@acme.example");
    QTest::newRow("plain") << QStringLiteral(" agent@acme.example ")
                           << QStringLiteral("agent@acme.example");
    QTest::newRow("unclosed") << QStringLiteral("Nora <nurse") << QStringLiteral("Nora <nurse");
}

void TestTeamDirectory::emailFromCompletion()
{
    QFETCH(QString, text);
    QFETCH(QString, email);
    QCOMPARE(AssigneeDirectory::emailFromCompletion(text), email);
}

void TestTeamDirectory::teamFromVariantListSkipsBadEntries()
{
    AssigneeDirectory original;
    const TeamMember nurse { kNurseId, QStringLiteral("nurse@acme.example"),
                             QStringLiteral("Nora Nurse") };
    original.setTeam({ nurse });
    QVariantList stored = original.teamToVariantList();
    const auto entry = [](const QString &userId, const QString &email, const QString &name) {
        return QVariantMap { { QStringLiteral("userId"), userId },
                             { QStringLiteral("email"), email },
                             { QStringLiteral("name"), name } };
    };
    stored << entry(QStringLiteral("u-17"), QStringLiteral("a@acme.example"), QString())
           << entry(kAgentId, QStringLiteral("not-an-email"), QString())
           << entry(kOtherId, QStringLiteral("o@acme.example"),
                    QString(TeamDirectoryFile::maxNameChars + 1, u'x'))
           << QVariant(QStringLiteral("not a map"));
    AssigneeDirectory loaded;
    loaded.teamFromVariantList(stored);
    QCOMPARE(loaded.team(), (QList<TeamMember> { nurse }));
    QCOMPARE(loaded.personFor(kNurseId), QStringLiteral("Nora Nurse"));
    QCOMPARE(loaded.personFor(kOtherId), QString());
}

QTEST_GUILESS_MAIN(TestTeamDirectory)
#include "tst_teamdirectory.moc"
