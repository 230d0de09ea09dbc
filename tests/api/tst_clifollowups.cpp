// The CLI's list and update keep what they saw for due and the console's Follow-ups view: the
// answer recorded (never a note), a store that cannot be written leaving the exit code alone,
// and cases not listed for the kept days left out. The real CLI against the in-process sandbox.
#include "duetestsupport.h"

using namespace Care360;
using namespace Care360::TestSupport;
using namespace Care360::TestSupport::DueTest;

class TestCliFollowUps : public DueTestCase {
    Q_OBJECT

private slots:
    void initTestCase() { setUpCase(); }
    void init() { m_cli.reset(); }

    void updateRecordsItsAnswer();
    void notesNeverReachTheStore();
    void unwritableStoreKeepsTheExitCode();
    void casesNotListedForKeepDaysAreLeftOut();
};

void TestCliFollowUps::updateRecordsItsAnswer()
{
    const QString id = active().at(0).id;
    const QDateTime followUp = nowToTheSecond().addDays(5);
    const CliRun updated =
        sandbox(QStringLiteral("update --case %1 --escalation %2 --follow-up %3")
                    .arg(Demo::acmeCaseId, id, Codec::formatTimestamp(followUp)));
    QVERIFY2(updated.exitCode == 0, updated.err.constData());
    QVERIFY2(updated.err.isEmpty(), updated.err);
    bool ok = false;
    const QJsonArray items = dueJson({}, &ok); // never listed: the send's answer was kept
    QVERIFY(ok);
    QCOMPARE(idsOf(items).size(), withFollowUps().size());
    const qsizetype at = idsOf(items).indexOf(id);
    QVERIFY(at >= 0);
    QCOMPARE(Codec::parseTimestamp(field(items.at(at), "followUpDueAt")), followUp);
}

void TestCliFollowUps::notesNeverReachTheStore()
{
    const Escalation first = active().at(0);
    const QString canary =
        QStringLiteral("NOTE-CANARY-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(m_cli.setOnServer(Demo::acmeCaseId, first.id, { { QStringLiteral("note"), canary } }));
    const CliRun listed = sandbox(QStringLiteral("list --json --case ") + Demo::acmeCaseId);
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(canary.toUtf8())); // the CLI had the note in hand

    // update's answer carries every active escalation's note as well.
    const QString canary2 =
        QStringLiteral("NOTE-CANARY-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString noteFile = m_cli.writeFile(QStringLiteral("note.txt"), canary2.toUtf8());
    const CliRun updated = sandbox(QStringLiteral("update --case %1 --escalation %2 --note-file %3")
                                       .arg(Demo::acmeCaseId, first.id, noteFile));
    QCOMPARE(updated.exitCode, 0);
    QCOMPARE(m_cli.server.store().escalation(Demo::acmeCaseId, first.id)->note, canary2);

    const QByteArray bytes = m_cli.followUpsBytes();
    // What is kept is there, as UTF-8 text: the search below reads the right bytes.
    QVERIFY(bytes.contains(first.id.toUtf8()));
    QVERIFY(bytes.contains(first.title.toUtf8()));
    QByteArray printed;
    for (const char *format : { "", "--format csv", "--format json" }) {
        const CliRun run = due(QLatin1String(format));
        QCOMPARE(run.exitCode, 0);
        printed += run.out + run.err;
    }
    QVERIFY(printed.contains(first.title.toUtf8()));
    for (const QString &secret : { canary, canary2 }) {
        QVERIFY(!printed.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains(
            QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
    }
}

void TestCliFollowUps::unwritableStoreKeepsTheExitCode()
{
    // A file where the store's folder would be: nothing can be made under it.
    QVERIFY(QDir().mkpath(m_cli.dataHome()));
    QVERIFY(!m_cli.writeFile(QStringLiteral("data/Care360"), "not a folder").isEmpty());
    const CliRun listed = list();
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(listed.out.contains(active().at(0).title.toUtf8())); // the answer stands
    const QList<QByteArray> lines = listed.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.at(0).startsWith("Warning: "), listed.err);

    const CliRun updated =
        sandbox(QStringLiteral("update --case %1 --escalation %2 --follow-up 2031-01-02T09:00:00Z")
                    .arg(Demo::acmeCaseId, active().at(0).id));
    QCOMPARE(updated.exitCode, 0);
    QCOMPARE(updated.err.trimmed().split('\n').size(), 1);
}

void TestCliFollowUps::casesNotListedForKeepDaysAreLeftOut()
{
    // Written as the console writes them: the CLI reads the console's entries.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto escalation = [&](const QString &title, int dueInDays) {
        Escalation e;
        e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.type = QStringLiteral("support");
        e.title = title;
        e.followUpDueAt = now.addDays(dueInDays);
        return e;
    };
    {
        FollowUpDatabase console(m_cli.followUpsFile());
        QVERIFY2(console.isOpen(), qPrintable(console.problem()));
        QVERIFY(console.record(
            QStringLiteral("production"), QUuid::createUuid().toString(QUuid::WithoutBraces),
            { escalation(QStringLiteral("Listed 40 days ago"), 1) }, now.addDays(-40)));
        QVERIFY(console.record(
            QStringLiteral("production"), QUuid::createUuid().toString(QUuid::WithoutBraces),
            { escalation(QStringLiteral("Listed yesterday"), 2) }, now.addDays(-1)));
    }
    const auto titles = [this](bool *ok) {
        QStringList titles;
        for (const QJsonValue &item : dueJson(QStringLiteral("--profile Production"), ok))
            titles << field(item, "title");
        return titles;
    };
    bool ok = false;
    QCOMPARE(titles(&ok), QStringList { QStringLiteral("Listed yesterday") });
    QVERIFY(ok);
    Preferences().setFollowUpKeepDays(60);
    QCOMPARE(
        titles(&ok),
        QStringList({ QStringLiteral("Listed 40 days ago"), QStringLiteral("Listed yesterday") }));
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestCliFollowUps)
#include "tst_clifollowups.moc"
