// care360-escalations-cli due end to end: list and update (the real CLI against the in-process
// sandbox) record into the follow-ups store under a private XDG_DATA_HOME; due answers from it.
#include "duetestsupport.h"

using namespace Care360;
using namespace Care360::TestSupport;
using namespace Care360::TestSupport::DueTest;

class TestCliDue : public DueTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void emptyStoreSaysSoInEveryFormat();
    void nothingMatchingSaysSo();
    void listRecordsWhatDueAnswersAsJson();
    void tableShowsLocalTimesAndPeople();
    void serverTextIsInertInTheTableAndExactInCsvAndJson();
    void withinAndOverdueChooseByDueTime();
    void profileChoosesTheEnvironment();
    void mineNeedsMyEmail();
    void mineShowsWhatIsAssignedToMe();
    void usageErrors_data();
    void usageErrors();
};

void TestCliDue::initTestCase()
{
    setUpCase();
}

void TestCliDue::init()
{
    m_cli.reset();
}

void TestCliDue::emptyStoreSaysSoInEveryFormat()
{
    const CliRun table = due();
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.isEmpty());
    QVERIFY2(table.err.startsWith("No follow-ups are kept on this computer."), table.err);
    QVERIFY(table.err.contains("list and update"));
    const CliRun csv = due(QStringLiteral("--format csv"));
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(Csv::read(csv.out).rows.size(), 1); // the header only
    QCOMPARE(csv.out.left(7), QByteArray("caseId,"));
    const CliRun json = due(QStringLiteral("--format json"));
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.out.trimmed(), QByteArray("[]"));
    // Asking made no store, and due never goes to the network.
    QVERIFY(!QFile::exists(m_cli.followUpsFile()));
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

void TestCliDue::nothingMatchingSaysSo()
{
    QCOMPARE(list().exitCode, 0);
    const CliRun table = due(QStringLiteral("--profile staging"));
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.isEmpty());
    QVERIFY2(table.err.startsWith("None of the follow-ups kept on this computer matches."),
             table.err);
    QCOMPARE(due(QStringLiteral("--profile staging --format json")).out.trimmed(),
             QByteArray("[]"));
}

void TestCliDue::listRecordsWhatDueAnswersAsJson()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CliRun listed = list();
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.err.isEmpty(), listed.err);
    QVERIFY(QFile::exists(m_cli.followUpsFile()));
    m_cli.server.clearReceivedRequests();

    bool ok = false;
    const QJsonArray items = dueJson({}, &ok);
    QVERIFY(ok);
    QCOMPARE(m_cli.server.receivedRequests().size(), 0); // from the store alone
    const QList<Escalation> expected = withFollowUps();
    QVERIFY(expected.size() >= 3);
    QCOMPARE(items.size(), expected.size());
    static const QRegularExpression wire(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    int unassigned = 0;
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const Escalation &e = expected.at(i);
        QCOMPARE(field(item, "caseId"), Demo::acmeCaseId);
        QCOMPARE(field(item, "escalationId"), e.id);
        QCOMPARE(field(item, "title"), e.title);
        QCOMPARE(field(item, "type"), e.type);
        QCOMPARE(field(item, "profile"), QStringLiteral("sandbox"));
        const QString dueText = field(item, "followUpDueAt");
        QVERIFY2(wire.match(dueText).hasMatch(), qPrintable(dueText));
        QCOMPARE(Codec::parseTimestamp(dueText), *e.followUpDueAt);
        const QJsonValue assigned = item.value(QLatin1String("assignedToUserId"));
        if (e.assignedToUserId) {
            QCOMPARE(assigned.toString(), *e.assignedToUserId);
        } else {
            QVERIFY(assigned.isNull());
            ++unassigned;
        }
        const QString refreshedText = field(item, "lastRefreshedAt");
        QVERIFY2(wire.match(refreshedText).hasMatch(), qPrintable(refreshedText));
        const QDateTime refreshed = Codec::parseTimestamp(refreshedText);
        QVERIFY(refreshed >= before && refreshed <= after);
        QVERIFY(!item.contains(QLatin1String("note")));
    }
    QVERIFY(unassigned > 0 && unassigned < expected.size());
}

void TestCliDue::tableShowsLocalTimesAndPeople()
{
    const QString nurse = userIdOf(Demo::acmeNurseEmail);
    const QString agent = userIdOf(Demo::acmeAgentEmail);
    QVERIFY(!nurse.isEmpty() && !agent.isEmpty());
    QVERIFY(m_cli.importDirectory("userId,email,name\n" + nurse.toLatin1() + ","
                                  + Demo::acmeNurseEmail.toLatin1() + ",Nora Nurse\n"));
    QCOMPARE(list().exitCode, 0);
    const CliRun run = due();
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    const QList<Escalation> expected = withFollowUps();
    QCOMPARE(lines.size(), expected.size() + 1);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("WHEN")), qPrintable(lines.at(0)));
    // The CLI runs with TZ=Europe/Berlin (CliFixture::start).
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < expected.size(); ++i) {
        const QString &line = lines.at(i + 1);
        const Escalation &e = expected.at(i);
        QVERIFY2(line.contains(e.title) && line.contains(Demo::acmeCaseId)
                     // the profile as the console names it, not its stored place
                     && line.contains(QLatin1String("  Sandbox  ")),
                 qPrintable(line));
        const QString local =
            e.followUpDueAt->toTimeZone(berlin).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QVERIFY2(line.contains(local), qPrintable(line + QLatin1String(" / ") + local));
        QCOMPARE(line.startsWith(QLatin1String("Overdue")), *e.followUpDueAt < now);
        if (e.assignedToUserId == nurse)
            QVERIFY2(line.contains(QLatin1String("Nora Nurse")) && !line.contains(nurse),
                     qPrintable(line));
        if (e.assignedToUserId == agent) // not in the directory: by user ID, as list shows it
            QVERIFY2(line.contains(agent), qPrintable(line));
    }
}

void TestCliDue::serverTextIsInertInTheTableAndExactInCsvAndJson()
{
    const QString title = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")\u001b[2J"
                                         "\u202etxt.exe");
    const QString created = Codec::formatTimestamp(QDateTime::currentDateTimeUtc().addDays(-1));
    const QJsonObject escalation {
        { QStringLiteral("id"), QStringLiteral("e5ca1a7e-0000-4000-8000-000000000001") },
        { QStringLiteral("type"), QStringLiteral("support") },
        { QStringLiteral("title"), title },
        { QStringLiteral("followUpDueAt"), created },
        { QStringLiteral("createdAt"), created },
    };
    const QJsonObject organization {
        { QStringLiteral("name"), Demo::acmeName },
        { QStringLiteral("apiKeys"), QJsonArray { Demo::acmeApiKey } },
        { QStringLiteral("cases"),
          QJsonArray {
              QJsonObject { { QStringLiteral("id"), Demo::acmeCaseId },
                            { QStringLiteral("escalations"), QJsonArray { escalation } } } } },
    };
    QString error;
    QVERIFY2(m_cli.server.store().load(
                 { { QStringLiteral("organizations"), QJsonArray { organization } } }, &error),
             qPrintable(error));
    QCOMPARE(list().exitCode, 0);

    const CliRun table = due();
    QCOMPARE(table.exitCode, 0);
    const QString shown = QString::fromUtf8(table.out);
    QVERIFY(!table.out.contains('\x1b'));
    QVERIFY(!shown.contains(QChar(0x202e)));
    QVERIFY2(shown.contains(QStringLiteral("\u241b[2J\ufffdtxt.exe")), table.out.constData());

    const CliRun csv = due(QStringLiteral("--format csv"));
    const Csv::Table rows = Csv::read(csv.out);
    QVERIFY2(rows.error.isEmpty(), qPrintable(rows.error));
    QCOMPARE(rows.rows.size(), 2);
    const int titleColumn = int(rows.rows.at(0).indexOf(QStringLiteral("title")));
    QVERIFY(titleColumn >= 0);
    const QString cell = rows.rows.at(1).at(titleColumn);
    QVERIFY2(cell.startsWith(QLatin1String("'=")), qPrintable(cell)); // no formula runs
    QCOMPARE(Csv::unneutralised(cell), title); // and the text is all there

    const CliRun json = due(QStringLiteral("--format json"));
    QVERIFY(!json.out.contains('\x1b'));
    QVERIFY(!json.out.contains("\xe2\x80\xae")); // U+202E as UTF-8
    QVERIFY2(json.out.contains("\\u202e"), json.out.constData());
    const QJsonArray items = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(items.size(), 1);
    QCOMPARE(field(items.at(0), "title"), title);
}

void TestCliDue::withinAndOverdueChooseByDueTime()
{
    const QList<Escalation> escalations = active();
    const QString overdue = escalations.at(0).id;
    const QString soon = escalations.at(1).id;
    const QString later = escalations.at(2).id;
    const QDateTime now = nowToTheSecond();
    QVERIFY(setFollowUp(overdue, now.addSecs(-2 * 3600)));
    QVERIFY(setFollowUp(soon, now.addSecs(3600)));
    QVERIFY(setFollowUp(later, now.addDays(3)));
    QCOMPARE(list().exitCode, 0);

    bool ok = false;
    const QJsonArray day = dueJson(QStringLiteral("--within 1d"), &ok);
    QVERIFY(ok);
    QVERIFY2(idsOf(day).contains(overdue) && idsOf(day).contains(soon),
             qPrintable(idsOf(day).join(u' ')));
    QVERIFY(!idsOf(day).contains(later));
    const QDateTime dayEnd = QDateTime::currentDateTimeUtc().addDays(1);
    for (const QJsonValue &item : day)
        QVERIFY(Codec::parseTimestamp(field(item, "followUpDueAt")) <= dayEnd);
    // The one three days out is kept: the window left it out, not the store.
    const QJsonArray fourDays = dueJson(QStringLiteral("--within 4d"), &ok);
    QVERIFY(ok && idsOf(fourDays).contains(later));
    // A window shorter than the time since it came due still shows what is overdue.
    QVERIFY(idsOf(dueJson(QStringLiteral("--within=90m"), &ok)).contains(overdue));

    const QJsonArray past = dueJson(QStringLiteral("--overdue"), &ok);
    QVERIFY(ok);
    QVERIFY(idsOf(past).contains(overdue));
    QVERIFY(!idsOf(past).contains(soon) && !idsOf(past).contains(later));
    const QDateTime afterRun = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &item : past)
        QVERIFY(Codec::parseTimestamp(field(item, "followUpDueAt")) < afterRun);
}

void TestCliDue::profileChoosesTheEnvironment()
{
    const QString url = m_cli.server.baseUrl().toString();
    QCOMPARE(list().exitCode, 0); // --env sandbox
    QCOMPARE(m_cli
                 .run(words(QStringLiteral("--env custom --base-url %1 list --case %2")
                                .arg(url, Demo::acmeSecondCaseId)))
                 .exitCode,
             0);
    // The console names a custom server by its key's name (CaseWorkspace::setDraftsEnvironment).
    const QString customProfile = CredentialStore::keyName(m_cli.server.baseUrl());

    bool ok = false;
    const QJsonArray all = dueJson({}, &ok);
    QVERIFY(ok);
    QCOMPARE(all.size(), withFollowUps().size() + withFollowUps(Demo::acmeSecondCaseId).size());
    for (const char *name : { "sandbox", "SANDBOX" }) {
        const QJsonArray sandbox = dueJson(QStringLiteral("--profile ") + QLatin1String(name), &ok);
        QVERIFY(ok);
        QCOMPARE(sandbox.size(), withFollowUps().size());
        for (const QJsonValue &item : sandbox) {
            QCOMPARE(field(item, "caseId"), Demo::acmeCaseId);
            QCOMPARE(field(item, "profile"), QStringLiteral("sandbox"));
        }
    }
    const QJsonArray byUrl = dueJson(QStringLiteral("--profile ") + url, &ok);
    QVERIFY(ok);
    QCOMPARE(byUrl.size(), withFollowUps(Demo::acmeSecondCaseId).size());
    QVERIFY(!byUrl.isEmpty());
    for (const QJsonValue &item : byUrl) {
        QCOMPARE(field(item, "caseId"), Demo::acmeSecondCaseId);
        QCOMPARE(field(item, "profile"), customProfile);
    }
}

void TestCliDue::mineNeedsMyEmail()
{
    QCOMPARE(list().exitCode, 0);
    const CliRun unset = due(QStringLiteral("--mine"));
    QCOMPARE(unset.exitCode, 2);
    QVERIFY(unset.out.isEmpty());
    QVERIFY2(unset.err.contains("followUps/myEmail"), unset.err);

    const QString nurse = userIdOf(Demo::acmeNurseEmail);
    QVERIFY(m_cli.importDirectory("userId,email\n" + nurse.toLatin1() + ","
                                  + Demo::acmeNurseEmail.toLatin1() + "\n"));
    Preferences().setMyEmail(QStringLiteral("someone@elsewhere.example"));
    const CliRun unknown = due(QStringLiteral("--mine"));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY2(unknown.err.contains("someone@elsewhere.example")
                 && unknown.err.contains("directory import"),
             unknown.err);
}

void TestCliDue::mineShowsWhatIsAssignedToMe()
{
    const QString nurse = userIdOf(Demo::acmeNurseEmail);
    const QString agent = userIdOf(Demo::acmeAgentEmail);
    QVERIFY(!nurse.isEmpty() && !agent.isEmpty());
    QCOMPARE(list().exitCode, 0);
    const auto assignedTo = [this](const QString &userId) {
        QStringList ids;
        for (const Escalation &e : withFollowUps())
            if (e.assignedToUserId == userId)
                ids << e.id;
        return ids;
    };
    QVERIFY(!assignedTo(nurse).isEmpty() && !assignedTo(agent).isEmpty());

    // By the team directory, the e-mail in another case.
    QVERIFY(m_cli.importDirectory("userId,email\n" + nurse.toLatin1() + ","
                                  + Demo::acmeNurseEmail.toLatin1() + "\n" + agent.toLatin1()
                                  + ",someone.else@acme.example\n"));
    Preferences().setMyEmail(Demo::acmeNurseEmail.toUpper());
    bool ok = false;
    QCOMPARE(idsOf(dueJson(QStringLiteral("--mine"), &ok)), assignedTo(nurse));
    QVERIFY(ok);

    // By an e-mail the console learnt from a reassignment, without a team directory.
    QDir(m_cli.configHome()).removeRecursively();
    Settings().setAssigneeEmails({ { agent, Demo::acmeAgentEmail } });
    Preferences().setMyEmail(Demo::acmeAgentEmail);
    QCOMPARE(idsOf(dueJson(QStringLiteral("--mine"), &ok)), assignedTo(agent));
    QVERIFY(ok);
}

void TestCliDue::usageErrors_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::newRow("no unit") << QStringLiteral("due --within 3");
    QTest::newRow("zero") << QStringLiteral("due --within 0d");
    QTest::newRow("unknown unit") << QStringLiteral("due --within 2w");
    QTest::newRow("--overdue --within") << QStringLiteral("due --overdue --within 1d");
    QTest::newRow("--case") << QStringLiteral("due --case ") + Demo::acmeCaseId;
    QTest::newRow("--env") << QStringLiteral("due --env staging");
    QTest::newRow("empty --profile") << QStringLiteral("due --profile=");
    QTest::newRow("--mine for list") << QStringLiteral("list --mine --case ") + Demo::acmeCaseId;
    QTest::newRow("bad format") << QStringLiteral("due --format xml");
}

void TestCliDue::usageErrors()
{
    QFETCH(QString, arguments);
    const CliRun run = m_cli.run(words(arguments));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
    QCOMPARE(m_cli.server.receivedRequests().size(), 0);
}

QTEST_GUILESS_MAIN(TestCliDue)
#include "tst_clidue.moc"
