// care360-escalations-cli update --from FILE end to end: a real process against the sandbox.
#include "clitestsupport.h"

#include "app/cli/bulkupdatefile.h"
#include "models/contractcodec.h"
#include "models/csv.h"

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

namespace {
// In every good row of the bad files: an error message must never repeat note text.
const QByteArray kSecret = QByteArrayLiteral("SECRET-NOTE-TEXT");

// How --from starts the outcome line of a case.
QByteArray caseLine(const QString &caseId)
{
    return QByteArrayLiteral("Case ") + caseId.toLatin1() + QByteArrayLiteral(": ");
}
} // namespace

class TestCliBulk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void csvUpdatesThreeEscalationsInOneRequest();
    void jsonLinesUpdate();
    void caseIdColumnSendsOneRequestPerCase();
    void standardInputWorks();
    void quotedNotesArriveExactly();
    void badRowSendsNothing_data();
    void badRowSendsNothing();
    void oversizedFileSendsNothing();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void failedCaseStopsTheRun();
    void caseThatCannotBeListedSendsNothing();
    void jsonPrintsOneEnvelopePerCase();

private:
    QList<Escalation> active(const QString &caseId = Demo::acmeCaseId)
    {
        return m_cli.server.store().activeEscalations(caseId);
    }
    QString email(const Escalation &e)
    {
        return m_cli.server.store().userEmail(e.assignedToUserId.value_or(QString()));
    }
    CliRun updateFrom(const QByteArray &content, const QString &caseId = Demo::acmeCaseId)
    {
        const QString path = m_cli.writeFile(QStringLiteral("bulk.csv"), content);
        QStringList args = m_cli.sandboxArgs() << QStringLiteral("update");
        if (!caseId.isEmpty())
            args << QStringLiteral("--case") << caseId;
        return m_cli.run(args << QStringLiteral("--from") << path);
    }

    CliFixture m_cli;
};

void TestCliBulk::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
    QVERIFY(m_cli.listen());
}

void TestCliBulk::init()
{
    m_cli.reset();
}

void TestCliBulk::csvUpdatesThreeEscalationsInOneRequest()
{
    const QList<Escalation> before = active();
    QVERIFY(before.size() >= 3);
    // Columns in an order of their own; empty cells leave fields alone.
    const QByteArray csv = "assignedToEmail,followUpDueAt,escalationId,note\n"
                           ",,"
        + before.at(0).id.toLatin1()
        + ",First note\n"
          ",2030-01-02T03:04:05Z,"
        + before.at(1).id.toLatin1() + ",\n" + Demo::acmeNurseEmail.toLatin1() + ",,"
        + before.at(2).id.toLatin1() + ",\n";
    const CliRun run = updateFrom(csv);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 1);
    const QJsonArray items = receivedItems(m_cli.updatesReceived().at(0));
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).toObject().keys(),
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("note") }));
    const Escalation first = *m_cli.server.store().escalation(Demo::acmeCaseId, before.at(0).id);
    QCOMPARE(first.note, QStringLiteral("First note"));
    QCOMPARE(first.followUpDueAt, before.at(0).followUpDueAt);
    QCOMPARE(first.assignedToUserId, before.at(0).assignedToUserId);
    const Escalation second = *m_cli.server.store().escalation(Demo::acmeCaseId, before.at(1).id);
    QCOMPARE(second.followUpDueAt, Codec::parseTimestamp(QStringLiteral("2030-01-02T03:04:05Z")));
    QCOMPARE(second.note, before.at(1).note);
    const Escalation third = *m_cli.server.store().escalation(Demo::acmeCaseId, before.at(2).id);
    QCOMPARE(email(third), Demo::acmeNurseEmail);
    // One outcome line for the case, and the notes are not printed back.
    QVERIFY2(run.out.startsWith(caseLine(Demo::acmeCaseId)), run.out.constData());
    QCOMPARE(run.out.count('\n'), 1);
}

void TestCliBulk::jsonLinesUpdate()
{
    const QList<Escalation> before = active();
    // CRLF, a blank line, null and "" (both: unchanged), and a note with an escaped line break.
    const QByteArray lines = "{\"escalationId\":\"" + before.at(0).id.toLatin1()
        + "\",\"note\":\"Line one\\nLine two\",\"assignedToEmail\":null}\r\n\r\n"
          "{\"escalationId\":\""
        + before.at(1).id.toLatin1()
        + "\",\"note\":\"\",\"followUpDueAt\":\"2030-05-06T07:08:09+02:00\"}\r\n";
    const CliRun run = updateFrom(lines);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.updatesReceived().size(), 1);
    const QJsonArray items = receivedItems(m_cli.updatesReceived().at(0));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().keys(),
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("note") }));
    QCOMPARE(items.at(1).toObject().keys(),
             (QStringList { QStringLiteral("escalationId"), QStringLiteral("followUpDueAt") }));
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, before.at(0).id)->note,
             QStringLiteral("Line one\nLine two"));
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, before.at(1).id)->followUpDueAt,
             Codec::parseTimestamp(QStringLiteral("2030-05-06T05:08:09Z")));
}

void TestCliBulk::caseIdColumnSendsOneRequestPerCase()
{
    const QList<Escalation> first = active();
    const QList<Escalation> second = active(Demo::acmeSecondCaseId);
    // The first case again after the second: still one request each, in first-seen order.
    const QByteArray csv = "caseId,escalationId,assignedToEmail\n" + Demo::acmeCaseId.toLatin1()
        + "," + first.at(0).id.toLatin1() + "," + Demo::acmeNurseEmail.toLatin1() + "\n"
        + Demo::acmeSecondCaseId.toUpper().toLatin1() + "," + second.at(0).id.toLatin1() + ","
        + Demo::acmeAgentEmail.toLatin1() + "\n" + Demo::acmeCaseId.toLatin1() + ","
        + first.at(1).id.toLatin1() + "," + Demo::acmeAgentEmail.toLatin1() + "\n";
    const CliRun run = updateFrom(csv, QString());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto requests = m_cli.updatesReceived();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).path, QStringLiteral("/api/v1/cases/") + Demo::acmeCaseId);
    QCOMPARE(requests.at(1).path, QStringLiteral("/api/v1/cases/") + Demo::acmeSecondCaseId);
    const QJsonArray firstItems = receivedItems(requests.at(0));
    QCOMPARE(firstItems.size(), 2);
    QCOMPARE(firstItems.at(1).toObject().value(QLatin1String("escalationId")).toString(),
             first.at(1).id);
    QCOMPARE(receivedItems(requests.at(1)).size(), 1);
    QCOMPARE(email(*m_cli.server.store().escalation(Demo::acmeSecondCaseId, second.at(0).id)),
             Demo::acmeAgentEmail);
    const QString out = QString::fromUtf8(run.out);
    const qsizetype firstLine = out.indexOf(QStringLiteral("Case ") + Demo::acmeCaseId + u':');
    QVERIFY2(firstLine >= 0, qPrintable(out));
    QVERIFY(out.indexOf(QStringLiteral("Case ") + Demo::acmeSecondCaseId + u':') > firstLine);
}

void TestCliBulk::standardInputWorks()
{
    const QString id = active().at(0).id;
    const CliRun run = m_cli.run(
        m_cli.sandboxArgs() << QStringLiteral("update") << QStringLiteral("--case")
                            << Demo::acmeCaseId << QStringLiteral("--from") << QStringLiteral("-"),
        Demo::acmeApiKey, "escalationId,note\n" + id.toLatin1() + ",From a pipe\n");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, id)->note,
             QStringLiteral("From a pipe"));
}

void TestCliBulk::quotedNotesArriveExactly()
{
    const QList<Escalation> before = active();
    // Written by hand (not by Csv::record) as a spreadsheet would: CRLF records, doubled quotes,
    // line breaks inside quotes, spaces that only quotes keep.
    const QByteArray csv = "\xEF\xBB\xBF\"escalationId\",\"note\"\r\n" + before.at(0).id.toLatin1()
        + ",\"Called back, patient said \"\"yes\"\".\r\nSecond line, a comma\nThird "
          "\xE2\x9C\x93\"\r\n"
        + before.at(1).id.toLatin1() + ",\"  indented, \"\"quoted\"\"  \"\r\n";
    const CliRun run = updateFrom(csv);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString expected =
        QStringLiteral("Called back, patient said \"yes\".\r\nSecond line, a comma\nThird \u2713");
    const QJsonArray items = receivedItems(m_cli.updatesReceived().value(0));
    QCOMPARE(items.at(0).toObject().value(QLatin1String("note")).toString(), expected);
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, before.at(0).id)->note, expected);
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, before.at(1).id)->note,
             QStringLiteral("  indented, \"quoted\"  "));
    QVERIFY(!run.out.contains("Called back")); // one line per case, no table of notes
}

void TestCliBulk::badRowSendsNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("withCase");
    const QList<Escalation> list = active();
    const QByteArray a = list.at(0).id.toLatin1();
    const QByteArray b = list.at(1).id.toLatin1();
    const QByteArray c = list.at(2).id.toLatin1();
    const QByteArray header = "escalationId,note,followUpDueAt,assignedToEmail\n";
    const QByteArray good = header + a + "," + kSecret + ",,\n" + b + ",,2030-01-01T09:00:00Z,\n";
    QTest::newRow("bad UUID") << good + "not-a-uuid," + kSecret + ",,\n"
                              << QStringLiteral("Row 4: escalationId") << true;
    QTest::newRow("bad e-mail") << good + c + ",,," + kSecret + "\n"
                                << QStringLiteral("Row 4: assignedToEmail") << true;
    QTest::newRow("bad date") << good + c + ",,tomorrow,\n"
                              << QStringLiteral("Row 4: followUpDueAt") << true;
    QTest::newRow("date without a zone") << good + c + ",,2030-01-01T09:00:00,\n"
                                         << QStringLiteral("Row 4: followUpDueAt") << true;
    QTest::newRow("duplicate") << good + a + ",,,x@acme.example\n"
                               << QStringLiteral("(first: Row 2)") << true;
    QTest::newRow("cell count") << good + c + "," + kSecret + ",,,\n"
                                << QStringLiteral("Row 4 has 5 cells") << true;
    QTest::newRow("stray quote") << good + c + ",no\"te,,\n"
                                 << QStringLiteral("Row 4 is not valid CSV") << true;
    QTest::newRow("unknown column")
        << "escalationId,note,priority\n" + a + "," + kSecret + ",high\n"
        << QStringLiteral("Row 1: column 3") << true;
    QTest::newRow("no header") << a + "," + kSecret + "\n"
                               << QStringLiteral("Row 1: column 1") << true;
    QTest::newRow("bad case ID") << "caseId,escalationId,note\n" + Demo::acmeCaseId.toLatin1() + ","
            + a + "," + kSecret + "\n" + Demo::acmeCaseId.toLatin1() + "," + b + "," + kSecret
            + "\ncase-7," + c + "," + kSecret + "\n"
                                 << QStringLiteral("Row 4: caseId") << false;
    QTest::newRow("JSON lines: not JSON")
        << "{\"escalationId\":\"" + a + "\",\"note\":\"" + kSecret + "\"}\n\n{\"note\": \""
            + kSecret + "\n"
        << QStringLiteral("Line 3 is not one JSON object") << true;
    QTest::newRow("JSON lines: unknown key")
        << "{\"escalationId\":\"" + a + "\",\"note\":\"" + kSecret + "\"}\n{\"escalationId\":\"" + b
            + "\",\"priority\":\"high\"}\n"
        << QStringLiteral("Line 2: unknown key \"priority\"") << true;
    QTest::newRow("JSON lines: a number") << "{\"escalationId\":\"" + a + "\",\"note\":5}\n"
                                          << QStringLiteral("Line 1: note must be text") << true;
}

void TestCliBulk::badRowSendsNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, expected);
    QFETCH(bool, withCase);
    const QList<Escalation> before = active();
    const CliRun run = updateFrom(file, withCase ? Demo::acmeCaseId : QString());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    QVERIFY2(run.err.contains("Nothing was sent."), run.err.constData());
    QVERIFY2(!run.err.contains(kSecret), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
    QCOMPARE(active(), before);
}

void TestCliBulk::oversizedFileSendsNothing()
{
    const QByteArray row = "escalationId,note\n" + active().at(0).id.toLatin1() + ",x\n";
    const CliRun run = updateFrom(row + QByteArray(BulkUpdateFile::maxBytes + 1 - row.size(), ' '));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("larger than 16 MiB"), run.err.constData());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCliBulk::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    const QString file = m_cli.writeFile(
        QStringLiteral("ids.csv"), "escalationId,note\n" + active().at(0).id.toLatin1() + ",x\n");
    const QString update = QStringLiteral("update");
    const QString from = QStringLiteral("--from");
    const QString caseOption = QStringLiteral("--case");
    QTest::newRow("no case and no caseId column")
        << (m_cli.sandboxArgs() << update << from << file);
    QTest::newRow("missing file") << (m_cli.sandboxArgs()
                                      << update << caseOption << Demo::acmeCaseId << from
                                      << m_cli.dir.filePath(QStringLiteral("absent.csv")));
    QTest::newRow("from and escalation")
        << (m_cli.sandboxArgs() << update << caseOption << Demo::acmeCaseId << from << file
                                << QStringLiteral("--escalation") << active().at(0).id
                                << QStringLiteral("--assign") << Demo::acmeNurseEmail);
    QTest::newRow("from with list") << (m_cli.sandboxArgs() << QStringLiteral("list") << caseOption
                                                            << Demo::acmeCaseId << from << file);
    QTest::newRow("display marks without --from")
        << (m_cli.sandboxArgs() << QStringLiteral("list") << caseOption << Demo::acmeCaseId
                                << QStringLiteral("--accept-display-marks"));
    QTest::newRow("csv for update")
        << (m_cli.sandboxArgs() << update << caseOption << Demo::acmeCaseId << from << file
                                << QStringLiteral("--format") << QStringLiteral("csv"));
}

void TestCliBulk::usageErrorsExit2()
{
    QFETCH(QStringList, args);
    const CliRun run = m_cli.run(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCliBulk::failedCaseStopsTheRun()
{
    const QString first = active().at(0).id;
    const QString second = active(Demo::acmeSecondCaseId).at(0).id;
    const QString third = active(Demo::acmeLargeCaseId).at(0).id;
    // All three cases list, but nobody@ is no assignable user: the second request is refused
    // and the third never sent.
    const QByteArray csv = "caseId,escalationId,followUpDueAt,assignedToEmail\n"
        + Demo::acmeCaseId.toLatin1() + "," + first.toLatin1() + ",2030-01-01T09:00:00Z,\n"
        + Demo::acmeSecondCaseId.toLatin1() + "," + second.toLatin1() + ",,nobody@acme.example\n"
        + Demo::acmeLargeCaseId.toLatin1() + "," + third.toLatin1() + ",2030-01-01T09:00:00Z,\n";
    const QList<Escalation> secondBefore = active(Demo::acmeSecondCaseId);
    const QList<Escalation> thirdBefore = active(Demo::acmeLargeCaseId);
    const CliRun run = updateFrom(csv, QString());
    QCOMPARE(run.exitCode, 6);
    QCOMPARE(m_cli.updatesReceived().size(), 2);
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, first)->followUpDueAt,
             Codec::parseTimestamp(QStringLiteral("2030-01-01T09:00:00Z")));
    QCOMPARE(active(Demo::acmeSecondCaseId), secondBefore);
    QCOMPARE(active(Demo::acmeLargeCaseId), thirdBefore);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("Case ") + Demo::acmeSecondCaseId + u':'),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("Case ") + Demo::acmeLargeCaseId
                          + QStringLiteral(": not sent")),
             qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("The cases before it were updated. The cases after it "
                                        "were not sent.")),
             qPrintable(err));
    QVERIFY(run.out.contains(caseLine(Demo::acmeCaseId)));
}

void TestCliBulk::caseThatCannotBeListedSendsNothing()
{
    const QString first = active().at(0).id;
    const QString globex = active(Demo::globexCaseId).at(0).id;
    // update --from compares every case with the server before sending any: Acme's key may not
    // list Globex's case, so not even the first case is updated.
    const QByteArray csv = "caseId,escalationId,followUpDueAt\n" + Demo::acmeCaseId.toLatin1() + ","
        + first.toLatin1() + ",2030-01-01T09:00:00Z\n" + Demo::globexCaseId.toLatin1() + ","
        + globex.toLatin1() + ",2030-01-01T09:00:00Z\n";
    const QList<Escalation> before = active();
    const CliRun run = updateFrom(csv, QString());
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(m_cli.updatesReceived().size(), 0);
    QCOMPARE(active(), before);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QStringLiteral("Case ") + Demo::globexCaseId + u':'), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Nothing was sent")), qPrintable(err));
    QVERIFY(run.out.isEmpty());
}

void TestCliBulk::jsonPrintsOneEnvelopePerCase()
{
    const QByteArray csv = "caseId,escalationId,assignedToEmail\n" + Demo::acmeCaseId.toLatin1()
        + "," + active().at(0).id.toLatin1() + "," + Demo::acmeNurseEmail.toLatin1() + "\n"
        + Demo::acmeSecondCaseId.toLatin1() + ","
        + active(Demo::acmeSecondCaseId).at(0).id.toLatin1() + "," + Demo::acmeNurseEmail.toLatin1()
        + "\n";
    const QString path = m_cli.writeFile(QStringLiteral("two.csv"), csv);
    const CliRun run =
        m_cli.run(m_cli.sandboxArgs() << QStringLiteral("update") << QStringLiteral("--from")
                                      << path << QStringLiteral("--json"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    for (const QByteArray &line : lines) {
        const QJsonObject envelope = QJsonDocument::fromJson(line).object();
        QCOMPARE(envelope.value(QLatin1String("status")).toInt(), 200);
    }
    QCOMPARE(QJsonDocument::fromJson(lines.at(1))
                 .object()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("escalations"))
                 .toArray()
                 .size(),
             active(Demo::acmeSecondCaseId).size());
}

QTEST_GUILESS_MAIN(TestCliBulk)
#include "tst_clibulk.moc"
