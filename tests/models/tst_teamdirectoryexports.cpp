// Team directories as spreadsheets export them (issue 22): each fixture is written byte for byte
// as the named program writes it, so encoding, separator, BOM and line ends are the real ones.
#include "models/teamdirectory.h"

#include <QStringDecoder>
#include <QTest>

using namespace Care360;

namespace {
const QByteArray kAgent = "a5e20000-0000-4000-8000-000000000001";
const QByteArray kNurse = "a5e20000-0000-4000-8000-000000000002";
const QByteArray kManager = "a5e20000-0000-4000-8000-000000000003";

// One line per person, so a failed comparison shows who differs.
QStringList people(const QList<TeamMember> &members)
{
    QStringList lines;
    for (const TeamMember &m : members)
        lines << QStringList { m.userId, m.email, m.name, m.role }.join(QLatin1String(" | "));
    return lines;
}

QString person(const QByteArray &id, const char *email, const QString &name, const char *role)
{
    return QStringList { QString::fromLatin1(id), QLatin1String(email), name, QLatin1String(role) }
        .join(QLatin1String(" | "));
}

// Excel for Windows with Spanish (Spain) regional settings, Save As "CSV UTF-8 (delimitado por
// comas)": a UTF-8 BOM, the list separator ';', CRLF after every row including the last, a cell
// quoted only when it holds ';', '"' or a line break; an empty cell stays empty (no role).
QByteArray excelUtf8Spanish()
{
    return "\xEF\xBB\xBF"
           "Id de usuario;Correo electr\xC3\xB3nico;Nombre;Rol\r\n"
        + kAgent
        + ";agent@acme.example;Mar\xC3\xAD"
          "a N\xC3\xBA\xC3\xB1"
          "ez, RN;CVTPA\r\n"
        + kNurse + ";nurse@acme.example;\"Jos\xC3\xA9 \"\"Pepe\"\" Ortega\";\r\n" + kManager
        + ";manager@acme.example;Carmen L\xC3\xB3pez;CASEMANAGER\r\n";
}

// Excel for Windows with Spanish (Spain) regional settings, Save As "CSV (delimitado por comas)",
// the legacy format: the ANSI code page, Windows-1252 (0x92 is ’), no BOM, ';', CRLF. The header
// is the one issue 22 quotes. (Excel's "CSV (MS-DOS)" would be code page 850 instead.)
QByteArray excelLegacyWindows1252()
{
    return "userId;email;name\r\n" + kAgent
        + ";agent@acme.example;Jos\xE9"
          " N\xFA\xF1"
          "ez\r\n"
        + kNurse
        + ";nurse@acme.example;Siobh\xE1"
          "n O\x92"
          "Brien\r\n"
        + kManager
        + ";manager@acme.example;Fran\xE7"
          "oise Lef\xE8"
          "vre\r\n";
}

// Google Sheets, File › Download › Comma-separated values (.csv): UTF-8 without BOM, ',', CRLF
// between rows and none after the last, a cell quoted only when it holds ',', '"' or a line break.
QByteArray googleSheetsCsv()
{
    return "User ID,Email,Name,Role\r\n" + kAgent
        + ",agent@acme.example,\"N\xC3\xBA\xC3\xB1"
          "ez, Mar\xC3\xAD"
          "a\",CVTPA\r\n"
        + kNurse + ",nurse@acme.example,Zo\xC3\xAB Wright,\r\n" + kManager
        + ",manager@acme.example,Carmen L\xC3\xB3pez,CASEMANAGER";
}

// Google Sheets, File › Download › Tab-separated values (.tsv): UTF-8 without BOM, a tab between
// cells, CRLF between rows and none after the last; the header here is typed in Spanish.
QByteArray googleSheetsTsv()
{
    return "Usuario\tE-mail\tNombre\tRol\r\n" + kAgent
        + "\tagent@acme.example\tMar\xC3\xAD"
          "a N\xC3\xBA\xC3\xB1"
          "ez\tcvtpa\r\n"
        + kNurse + "\tnurse@acme.example\tJos\xC3\xA9 Ortega\t\r\n" + kManager
        + "\tmanager@acme.example\tCarmen L\xC3\xB3pez\tCaseManager";
}
} // namespace

class TestTeamDirectoryExports : public QObject {
    Q_OBJECT
private slots:
    void importsWhatSpreadsheetsExport_data();
    void importsWhatSpreadsheetsExport();
    void windows1252IsDecodedLikeQtsDecoder();
    void headersMatchInAnyCaseAndSpanish_data();
    void headersMatchInAnyCaseAndSpanish();
    void missingColumnIsNamedWithTheFirstRow_data();
    void missingColumnIsNamedWithTheFirstRow();
    void emptyFilesSaySo_data();
    void emptyFilesSaySo();
    void rowProblemsNeverQuoteACell_data();
    void rowProblemsNeverQuoteACell();
    void emptyRowsExcelWritesAreSkipped();
};

void TestTeamDirectoryExports::importsWhatSpreadsheetsExport_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("Excel CSV UTF-8, Spanish")
        << excelUtf8Spanish()
        << QStringList {
               person(kAgent, "agent@acme.example", QStringLiteral("María Núñez, RN"), "CVTPA"),
               person(kNurse, "nurse@acme.example", QStringLiteral("José \"Pepe\" Ortega"), ""),
               person(kManager, "manager@acme.example", QStringLiteral("Carmen López"),
                      "CASEMANAGER")
           };
    QTest::newRow("Excel legacy CSV, Windows-1252")
        << excelLegacyWindows1252()
        << QStringList {
               person(kAgent, "agent@acme.example", QStringLiteral("José Núñez"), ""),
               person(kNurse, "nurse@acme.example", QStringLiteral("Siobhán O’Brien"), ""),
               person(kManager, "manager@acme.example", QStringLiteral("Françoise Lefèvre"), "")
           };
    const QStringList google {
        person(kAgent, "agent@acme.example", QStringLiteral("Núñez, María"), "CVTPA"),
        person(kNurse, "nurse@acme.example", QStringLiteral("Zoë Wright"), ""),
        person(kManager, "manager@acme.example", QStringLiteral("Carmen López"), "CASEMANAGER")
    };
    QTest::newRow("Google Sheets CSV, CRLF") << googleSheetsCsv() << google;
    QTest::newRow("Google Sheets CSV, LF")
        << QByteArray(googleSheetsCsv()).replace("\r\n", "\n") << google;
    QTest::newRow("Google Sheets TSV")
        << googleSheetsTsv()
        << QStringList { person(kAgent, "agent@acme.example", QStringLiteral("María Núñez"),
                                "CVTPA"),
                         person(kNurse, "nurse@acme.example", QStringLiteral("José Ortega"), ""),
                         person(kManager, "manager@acme.example", QStringLiteral("Carmen López"),
                                "CASEMANAGER") };
}

void TestTeamDirectoryExports::importsWhatSpreadsheetsExport()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, expected);
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(file);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(people(parsed.members), expected);
}

void TestTeamDirectoryExports::windows1252IsDecodedLikeQtsDecoder()
{
    // Every byte from 0x80 up, in two names: not UTF-8, so the file is read as Windows-1252.
    QByteArray low, high;
    for (int byte = 0x80; byte <= 0xFF; ++byte)
        (byte < 0xC0 ? low : high) += char(byte);
    const TeamDirectoryFile::Parsed parsed =
        TeamDirectoryFile::parse("userId;email;name\r\n" + kAgent + ";agent@acme.example;x" + low
                                 + "x\r\n" + kNurse + ";nurse@acme.example;x" + high + "x\r\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QStringDecoder windows1252("windows-1252");
    if (!windows1252.isValid())
        QSKIP("This Qt has no Windows-1252 decoder (no ICU) to compare with");
    QString expected = windows1252(low);
    // Names are shown without C1 controls (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned).
    for (QChar &c : expected) {
        if (c.unicode() >= 0x80 && c.unicode() <= 0x9F)
            c = QChar::ReplacementCharacter;
    }
    QCOMPARE(parsed.members.value(0).name, QLatin1Char('x') + expected + QLatin1Char('x'));
    QCOMPARE(parsed.members.value(1).name,
             QLatin1Char('x') + QString(windows1252(high)) + QLatin1Char('x'));
}

void TestTeamDirectoryExports::headersMatchInAnyCaseAndSpanish_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("exact") << QByteArray("userId,email,name,role");
    QTest::newRow("capitals and spaces") << QByteArray(" USERID , Email ,NAME, Role ");
    QTest::newRow("user id, e-mail") << QByteArray("User Id,E-Mail,Name,ROLE");
    QTest::newRow("id de usuario")
        << QByteArray("ID DE USUARIO;CORREO ELECTR\xC3\x93NICO;NOMBRE;ROL");
    QTest::newRow("usuario, correo") << QByteArray("usuario\tcorreo\tnombre\trol");
    // macOS can hand over "ó" decomposed, as "o" and a combining acute accent.
    QTest::newRow("decomposed accent")
        << QByteArray("Id de usuario;Correo electro\xCC\x81nico;Nombre;Rol");
}

void TestTeamDirectoryExports::headersMatchInAnyCaseAndSpanish()
{
    QFETCH(QByteArray, header);
    const char separator = header.contains('\t') ? '\t' : header.contains(';') ? ';' : ',';
    const QByteArray row =
        QByteArray(kNurse + "|nurse@acme.example|Nora|CVTPA").replace('|', separator);
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(header + "\r\n" + row);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(people(parsed.members),
             QStringList { person(kNurse, "nurse@acme.example", QStringLiteral("Nora"), "CVTPA") });
}

void TestTeamDirectoryExports::missingColumnIsNamedWithTheFirstRow_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");
    // Excel CSV UTF-8, Spanish, as above, from a sheet without the e-mail column.
    QTest::newRow("no e-mail column")
        << "\xEF\xBB\xBFId de usuario;Nombre;Rol\r\n" + kAgent
            + ";Mar\xC3\xAD"
              "a N\xC3\xBA\xC3\xB1"
              "ez;CVTPA\r\n"
        << QStringList { QStringLiteral("no e-mail column"),
                         QStringLiteral("“Id de usuario”, “Nombre”, “Rol”") }
        << QStringList { QStringLiteral("user ID column"), QString::fromLatin1(kAgent),
                         QStringLiteral("María") };
    QTest::newRow("no user ID column")
        << "Nombre,Correo\n" + QByteArray("Nora,nurse@acme.example\n")
        << QStringList { QStringLiteral("no user ID column"), QStringLiteral("“Nombre”, “Correo”") }
        << QStringList { QStringLiteral("e-mail column"), QStringLiteral("nurse@acme") };
    QTest::newRow("neither") << QByteArray("Name;Phone\r\nNora;555\r\n")
                             << QStringList { QStringLiteral("user ID column"),
                                              QStringLiteral("e-mail column"),
                                              QStringLiteral("“Name”, “Phone”") }
                             << QStringList { QStringLiteral("Nora"), QStringLiteral("555") };
    QTest::newRow("a person where the header belongs")
        << kNurse + ",nurse@acme.example,Nora\n"
        << QStringList { QStringLiteral("where the column names belong") }
        << QStringList { QString::fromLatin1(kNurse), QStringLiteral("nurse@acme"),
                         QStringLiteral("Nora") };
    QTest::newRow("headers capped and made visible")
        << "userId,\"Mail\x1b[2J" + QByteArray(400, 'x') + "\"\n" + kNurse + ",n@acme.example\n"
        << QStringList { QStringLiteral("no e-mail column"), QStringLiteral("“userId”, “Mail␛[2J") }
        << QStringList { QString(QChar(0x1b)), QString(100, u'x') };
}

void TestTeamDirectoryExports::missingColumnIsNamedWithTheFirstRow()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(file);
    QVERIFY(parsed.members.isEmpty());
    for (const QString &part : expected)
        QVERIFY2(parsed.error.contains(part), qPrintable(parsed.error));
    for (const QString &part : absent)
        QVERIFY2(!parsed.error.contains(part), qPrintable(parsed.error));
}

void TestTeamDirectoryExports::emptyFilesSaySo_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("only line ends") << QByteArray("\r\n\r\n");
    QTest::newRow("only separators") << QByteArray(";;;\r\n;;;\r\n");
}

void TestTeamDirectoryExports::emptyFilesSaySo()
{
    QFETCH(QByteArray, file);
    QCOMPARE(TeamDirectoryFile::parse(file).error, QStringLiteral("The file is empty."));
}

void TestTeamDirectoryExports::rowProblemsNeverQuoteACell_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("cell");
    QTest::newRow("bad user ID") << QByteArray("Patient-0042;p@acme.example;CVTPA")
                                 << QStringLiteral("Row 3: the “Id de usuario” cell is not a "
                                                   "Care360 user ID")
                                 << QStringLiteral("Patient-0042");
    QTest::newRow("bad e-mail") << kManager + ";Maria Lopez, 12 Calle Mayor;CVTPA"
                                << QStringLiteral("Row 3: the “Correo” cell is not an e-mail")
                                << QStringLiteral("Calle Mayor");
    QTest::newRow("empty e-mail") << kManager + ";;CVTPA"
                                  << QStringLiteral("Row 3: the “Correo” cell is empty")
                                  << QString::fromLatin1(kManager);
    QTest::newRow("unknown role") << kManager + ";m@acme.example;Gestora de casos"
                                  << QStringLiteral("Row 3: the “Rol” cell is not a Care360 role")
                                  << QStringLiteral("Gestora");
    QTest::newRow("same user twice")
        << kAgent.toUpper() + ";other@acme.example;"
        << QStringLiteral("Row 3: the same user ID as row 2") << QStringLiteral("other@acme");
}

void TestTeamDirectoryExports::rowProblemsNeverQuoteACell()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, expected);
    QFETCH(QString, cell);
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(
        "Id de usuario;Correo;Rol\r\n" + kAgent + ";agent@acme.example;CVTPA\r\n" + row + "\r\n");
    QVERIFY(parsed.members.isEmpty());
    QVERIFY2(parsed.error.startsWith(expected), qPrintable(parsed.error));
    QVERIFY2(!parsed.error.contains(cell, Qt::CaseInsensitive), qPrintable(parsed.error));
}

void TestTeamDirectoryExports::emptyRowsExcelWritesAreSkipped()
{
    // Excel writes a row of separators for a row of the used range whose cells were cleared.
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(
        ";;\r\nuserId;email;name\r\n;;\r\n" + kNurse + ";nurse@acme.example;Nora\r\n;;\r\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(people(parsed.members),
             QStringList { person(kNurse, "nurse@acme.example", QStringLiteral("Nora"), "") });
}

QTEST_GUILESS_MAIN(TestTeamDirectoryExports)
#include "tst_teamdirectoryexports.moc"
