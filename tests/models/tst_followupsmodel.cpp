// The Follow-ups view's grouping and filters, at a fixed now (TZ=Europe/Berlin, C locale: the
// week starts on Monday). Monday 7 December 2026, 10:00 local.
#include "models/clock.h"
#include "models/followupsmodel.h"
#include "models/qtcompat.h"

#include <QSignalSpy>
#include <QTest>

using namespace Care360;

namespace {
QDateTime local(int day, int hour, int minute = 0)
{
    return QtCompat::localDateTime(QDate(2026, 12, day), QTime(hour, minute)).toUTC();
}

FollowUp followUp(const QString &id, const QDateTime &due,
                  const QString &profile = QStringLiteral("Production"),
                  const QString &assignee = QString())
{
    FollowUp f;
    f.profile = profile;
    f.caseId = QStringLiteral("case-") + id;
    f.escalationId = id;
    f.title = QStringLiteral("Title ") + id;
    f.followUpDueAt = due;
    f.assignedToUserId = assignee;
    f.refreshedAt = local(7, 9);
    return f;
}

QStringList idsIn(const FollowUpsModel &model, int groupRow)
{
    QStringList ids;
    const QModelIndex group = model.index(groupRow, 0);
    for (int row = 0; row < model.rowCount(group); ++row)
        ids.append(model.index(row, 0, group).data(FollowUpsModel::EscalationIdRole).toString());
    return ids;
}
} // namespace

class TestFollowUpsModel : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        Clock::setSource([] { return local(7, 10); });
    }
    void cleanup() { Clock::setSource({}); }
    void groupsByTheAgentsCalendar();
    void filtersByProfileAndByWhoIsAssigned();
    void movesOnWithTheClock();
    void serverTextIsShownInert();
};

void TestFollowUpsModel::groupsByTheAgentsCalendar()
{
    FollowUpsModel model;
    model.setFollowUps({ followUp(QStringLiteral("later"), local(14, 9)), // next Monday
                         followUp(QStringLiteral("sunday"), local(13, 23, 59)),
                         followUp(QStringLiteral("tomorrow"), local(8, 9)),
                         followUp(QStringLiteral("today"), local(7, 17)),
                         followUp(QStringLiteral("overdue"), local(7, 9, 59)),
                         followUp(QStringLiteral("none"), QDateTime()) });
    // No follow-up date: not in the view.
    QCOMPARE(model.shownCount(), 5);
    QCOMPARE(model.rowCount(), 5);
    const QStringList groups { QStringLiteral("Overdue (1)"), QStringLiteral("Today (1)"),
                               QStringLiteral("Tomorrow (1)"), QStringLiteral("This week (1)"),
                               QStringLiteral("Later (1)") };
    for (int row = 0; row < groups.size(); ++row)
        QCOMPARE(model.index(row, 0).data().toString(), groups.at(row));
    QCOMPARE(idsIn(model, 0), QStringList { QStringLiteral("overdue") });
    QCOMPARE(idsIn(model, 3), QStringList { QStringLiteral("sunday") });
    QCOMPARE(idsIn(model, 4), QStringList { QStringLiteral("later") });
    // (The plural's English form comes from the console's catalogue, not loaded here.)
    QVERIFY(model.index(0, 0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .startsWith(QStringLiteral("Overdue, 1 follow-up")));
    const QModelIndex overdue = model.index(0, 0, model.index(0, 0));
    QCOMPARE(model.parent(overdue), model.index(0, 0));
    QCOMPARE(overdue.siblingAtColumn(FollowUpsModel::Case).data().toString(),
             QStringLiteral("case-overdue"));
    // Heard alone, a follow-up's date says its group ("Overdue: 7 Dec 2026 09:59").
    const QString heard = overdue.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(heard.startsWith(QStringLiteral("Overdue: "))
                 && heard.endsWith(QStringLiteral("09:59")),
             qPrintable(heard));
}

void TestFollowUpsModel::filtersByProfileAndByWhoIsAssigned()
{
    FollowUpsModel model;
    model.setFollowUps({ followUp(QStringLiteral("a"), local(8, 9), QStringLiteral("Production"),
                                  QStringLiteral("me")),
                         followUp(QStringLiteral("b"), local(8, 10), QStringLiteral("Staging"),
                                  QStringLiteral("me")),
                         followUp(QStringLiteral("c"), local(8, 11), QStringLiteral("Production"),
                                  QStringLiteral("colleague")) });
    QCOMPARE(model.profiles(),
             QStringList({ QStringLiteral("Production"), QStringLiteral("Staging") }));
    model.setProfileFilter(QStringLiteral("Production"));
    QCOMPARE(idsIn(model, 0), QStringList({ QStringLiteral("a"), QStringLiteral("c") }));
    model.setMineOnly(true, { QStringLiteral("me") });
    QCOMPARE(idsIn(model, 0), QStringList { QStringLiteral("a") });
    model.setProfileFilter(QString());
    QCOMPARE(idsIn(model, 0), QStringList({ QStringLiteral("a"), QStringLiteral("b") }));
    model.setMineOnly(true, {});
    QCOMPARE(model.shownCount(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestFollowUpsModel::movesOnWithTheClock()
{
    FollowUpsModel model;
    model.setFollowUps({ followUp(QStringLiteral("soon"), local(7, 10, 30)) });
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Today (1)"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(!model.regroupIfMoved()); // nothing moved: the view keeps its place
    QCOMPARE(resets.size(), 0);
    Clock::setSource([] { return local(7, 10, 31); });
    QVERIFY(model.regroupIfMoved());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Overdue (1)"));
}

void TestFollowUpsModel::serverTextIsShownInert()
{
    FollowUp hostile = followUp(QStringLiteral("x"), local(8, 9));
    hostile.title = QStringLiteral("Refill\u202E gnp.exe\x1b]0;owned\x07");
    FollowUpsModel model;
    model.setFollowUps({ hostile });
    const QString shown =
        model.index(0, FollowUpsModel::Title, model.index(0, 0)).data().toString();
    QVERIFY2(!shown.contains(QChar(0x202E)), qPrintable(shown));
    QVERIFY2(!shown.contains(QChar(0x1b)), qPrintable(shown));
    QVERIFY2(!shown.contains(QChar(0x07)), qPrintable(shown));
    QVERIFY2(shown.startsWith(QStringLiteral("Refill")), qPrintable(shown));
}

QTEST_GUILESS_MAIN(TestFollowUpsModel)
#include "tst_followupsmodel.moc"
