// The Follow-ups view (issue 25) driven by keyboard over the real console: the follow-ups of the
// cases listed, grouped by when they are due, filtered, regrouped as time passes, shown again
// after a restart without a request, and Enter opens a case with a fresh listing.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/followups/followupdatabase.h"
#include "app/followups/followupstore.h"
#include "app/sandbox/demodata.h"
#include "app/session/preferences.h"
#include "models/clock.h"
#include "models/escalationpresenter.h"
#include "models/followupsmodel.h"
#include "ui/followupswindow.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = FollowUpsModel;

class TestFollowUpsView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startScreenOpensItEmptyWithASentence();
    void listedCasesAreGroupedFilteredAndEnterOpensTheCase();
    void restartShowsThemWithoutARequest();
    void regroupsAsTimePasses();
    void assignedToMeTabOrderAndEscape();

private:
    // Lists a case from the case field and waits until the record holds its follow-ups.
    void listCase(ConsoleDriver &c, const QString &caseId, int rows);
    // Ctrl+Shift+F in the console window; the Follow-ups window that comes forward.
    FollowUpsWindow *openFollowUps(ConsoleDriver &c);
    // What the sandbox holds: escalation ID -> escalation, those with a follow-up only.
    QHash<QString, Escalation> withFollowUp(ConsoleDriver &c, const QStringList &caseIds) const;
    static QTreeView *tree(QWidget *window)
    {
        return window->findChild<QTreeView *>(QStringLiteral("followUpsTree"));
    }
    // Escalation IDs of every follow-up row shown, and the rows in the order Down visits them.
    static QSet<QString> shownIds(QTreeView *view);
    static QModelIndexList visibleRows(QTreeView *view);
    // Down or Up until the current row is the first follow-up of caseId.
    static void moveToCase(QTreeView *view, const QString &caseId);

    std::unique_ptr<ConsoleDriver> m_console;
    QDateTime m_now;
};

void TestFollowUpsView::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_followupsview"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestFollowUpsView::init()
{
    ConsoleDriver::forgetEverything();
    Clock::setSource({});
}

void TestFollowUpsView::cleanup()
{
    if (m_console)
        m_console->screenshot(QString::fromLatin1(QTest::currentTestFunction()));
    m_console.reset();
    Clock::setSource({});
}

void TestFollowUpsView::listCase(ConsoleDriver &c, const QString &caseId, int rows)
{
    c.typeCaseId(caseId);
    QTRY_COMPARE(c.model()->caseId(), caseId);
    QTRY_COMPARE(c.model()->rowCount(), rows);
    const int expected = int(withFollowUp(c, { caseId }).size());
    const auto recorded = [&c, &caseId] {
        int count = 0;
        for (const FollowUp &followUp : c.core()->services()->followUpStore()->followUps())
            count += followUp.caseId == caseId && followUp.followUpDueAt.isValid() ? 1 : 0;
        return count;
    };
    QTRY_COMPARE(recorded(), expected);
}

FollowUpsWindow *TestFollowUpsView::openFollowUps(ConsoleDriver &c)
{
    c.consoleWindows(); // the window's requests are served as in the application
    c.shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    FollowUpsWindow *window = c.consoleWindows()->followUpsWindow();
    if (!window || !QTest::qWaitForWindowActive(window))
        return nullptr;
    return window;
}

QHash<QString, Escalation> TestFollowUpsView::withFollowUp(ConsoleDriver &c,
                                                           const QStringList &caseIds) const
{
    QHash<QString, Escalation> found;
    for (const QString &caseId : caseIds) {
        for (const Escalation &e : c.sandbox()->store().activeEscalations(caseId)) {
            if (e.followUpDueAt)
                found.insert(e.id, e);
        }
    }
    return found;
}

QSet<QString> TestFollowUpsView::shownIds(QTreeView *view)
{
    QSet<QString> ids;
    for (const QModelIndex &index : visibleRows(view)) {
        if (index.parent().isValid())
            ids.insert(index.data(Model::EscalationIdRole).toString());
    }
    return ids;
}

QModelIndexList TestFollowUpsView::visibleRows(QTreeView *view)
{
    QModelIndexList rows;
    for (QModelIndex index = view->model()->index(0, 0); index.isValid();
         index = view->indexBelow(index))
        rows << index;
    return rows;
}

void TestFollowUpsView::moveToCase(QTreeView *view, const QString &caseId)
{
    const QModelIndexList rows = visibleRows(view);
    qsizetype target = -1;
    for (qsizetype i = 0; i < rows.size() && target < 0; ++i) {
        if (rows.at(i).data(Model::CaseIdRole).toString() == caseId)
            target = i;
    }
    QVERIFY2(target >= 0, qPrintable(caseId));
    const qsizetype from = rows.indexOf(view->currentIndex().siblingAtColumn(0));
    QVERIFY(from >= 0);
    for (qsizetype i = from; i != target; i += target > from ? 1 : -1)
        QTest::keyClick(view, target > from ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(view->currentIndex().data(Model::CaseIdRole).toString(), caseId);
}

void TestFollowUpsView::startScreenOpensItEmptyWithASentence()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    c.consoleWindows();
    STEP(c.clickButton("followUpsButton"));
    FollowUpsWindow *window = c.consoleWindows()->followUpsWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QCOMPARE(QApplication::focusWidget(), tree(window));
    auto *status = window->findChild<QLabel *>(QStringLiteral("followUpsStatus"));
    QTRY_VERIFY2(status->text().startsWith(QStringLiteral("No follow-ups yet:")),
                 qPrintable(status->text()));
    // Said when the empty list has the focus, not only written under it.
    QCOMPARE(tree(window)->accessibleDescription(), status->text());
    QCOMPARE(tree(window)->model()->rowCount(), 0);
    // It fits a 1366x768 laptop.
    QVERIFY(window->width() <= 1366 - 40 && window->height() <= 768 - 60);
    // Everything the keyboard reaches has a name for a screen reader.
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible())
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(),
                 qPrintable(widget->objectName()));
    }

    // The start screen's button is for the start screen: an open case hides it.
    QVERIFY(c.find<QPushButton>("followUpsButton")->isVisible());
    c.ensureActive();
    STEP(listCase(c, Demo::acmeSecondCaseId, 3));
    QVERIFY(!c.find<QPushButton>("followUpsButton")->isVisible());
    // The window follows the record as the listing lands in it.
    QTRY_COMPARE(window->model()->shownCount(), 2);
    QVERIFY2(status->text().startsWith(QStringLiteral("2 follow-ups shown")),
             qPrintable(status->text()));
}

void TestFollowUpsView::listedCasesAreGroupedFilteredAndEnterOpensTheCase()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(listCase(c, Demo::acmeCaseId, 6));
    STEP(listCase(c, Demo::acmeSecondCaseId, 3));
    FollowUpsWindow *window = openFollowUps(c);
    QVERIFY(window);
    QTreeView *view = tree(window);
    QCOMPARE(view->accessibleName(), QStringLiteral("Follow-ups"));
    QCOMPARE(QApplication::focusWidget(), view);

    // Every follow-up of both listings, and nothing else.
    const QHash<QString, Escalation> expected =
        withFollowUp(c, { Demo::acmeCaseId, Demo::acmeSecondCaseId });
    QCOMPARE(expected.size(), 6); // the demo data this test relies on
    QCOMPARE(shownIds(view), QSet<QString>(expected.keyBegin(), expected.keyEnd()));
    // Groups say their counts, and the counts are the rows under them.
    const QDateTime now = Clock::currentDateTimeUtc();
    int overdue = 0;
    QString mostOverdue;
    for (const Escalation &e : expected) {
        overdue += *e.followUpDueAt < now ? 1 : 0;
        if (mostOverdue.isEmpty() || *e.followUpDueAt < *expected[mostOverdue].followUpDueAt)
            mostOverdue = e.id;
    }
    QVERIFY(overdue > 0);
    QCOMPARE(view->model()->index(0, 0).data().toString(),
             QStringLiteral("Overdue (%1)").arg(overdue));
    QCOMPARE(view->model()->index(0, 0).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Overdue, %1 follow-ups").arg(overdue));
    int total = 0;
    static const QRegularExpression count(QStringLiteral("\\((\\d+)\\)$"));
    for (int group = 0; group < view->model()->rowCount(); ++group) {
        const QModelIndex parent = view->model()->index(group, 0);
        QVERIFY(view->isExpanded(parent));
        const int said = count.match(parent.data().toString()).captured(1).toInt();
        QCOMPARE(said, view->model()->rowCount(parent));
        total += said;
        for (int row = 0; row < view->model()->rowCount(parent); ++row) {
            const QModelIndex title = view->model()->index(row, Model::Title, parent);
            const QString id = title.data(Model::EscalationIdRole).toString();
            QCOMPARE(title.data().toString(), expected.value(id).title);
        }
    }
    QCOMPARE(total, 6);
    // The first follow-up is current: the one most overdue.
    QCOMPARE(view->currentIndex().data(Model::EscalationIdRole).toString(), mostOverdue);
    auto *status = window->findChild<QLabel *>(QStringLiteral("followUpsStatus"));
    QDateTime oldest;
    for (const FollowUp &followUp : c.core()->services()->followUpStore()->followUps())
        oldest = oldest.isValid() ? qMin(oldest, followUp.refreshedAt) : followUp.refreshedAt;
    QCOMPARE(status->text(),
             QStringLiteral("6 follow-ups shown; the case listed longest ago was last refreshed "
                            "%1.")
                 .arg(EscalationPresenter::localDateTimeText(oldest)));
    c.screenshotOf(window, QStringLiteral("followUpsWindow"));

    // Another organisation's follow-up arrives in the record: the filter offers it.
    Escalation elsewhere;
    elsewhere.id = QStringLiteral("e5ca1a7e-0000-4000-8000-000000009001");
    elsewhere.type = QStringLiteral("support");
    elsewhere.title = QStringLiteral("Staging check");
    elsewhere.followUpDueAt = now.addDays(1);
    c.core()->services()->followUpStore()->record(
        QStringLiteral("Staging"), QStringLiteral("0b0b0b0b-0000-4000-8000-000000000001"),
        { elsewhere }, now);
    QTRY_COMPARE(window->model()->shownCount(), 7);
    auto *combo = window->findChild<QComboBox *>(QStringLiteral("followUpsProfileCombo"));
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentText(), QStringLiteral("All organisations"));
    QTest::keyClick(view, Qt::Key_O, Qt::AltModifier); // &Organisation
    QTRY_COMPARE(QApplication::focusWidget(), combo);
    const auto choose = [combo](const QString &label) {
        const int target = combo->findText(label);
        QVERIFY2(target >= 0, qPrintable(label));
        while (combo->currentIndex() != target)
            QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    };
    STEP(choose(QStringLiteral("Sandbox")));
    QCOMPARE(window->model()->shownCount(), 6);
    QCOMPARE(shownIds(view), QSet<QString>(expected.keyBegin(), expected.keyEnd()));
    STEP(choose(QStringLiteral("Staging")));
    QCOMPARE(shownIds(view), QSet<QString> { elsewhere.id });
    QVERIFY(status->text().startsWith(QStringLiteral("1 follow-up shown")));
    STEP(choose(QStringLiteral("All organisations")));
    QCOMPARE(window->model()->shownCount(), 7);

    // Enter on a follow-up of the case open in the console: that window lists it afresh.
    QSignalSpy requests(c.sandbox(), &Sandbox::SandboxServer::requestReceived);
    QTest::keyClick(combo, Qt::Key_Tab); // "Assigned to me" is off without an e-mail
    QTRY_COMPARE(QApplication::focusWidget(), view);
    STEP(moveToCase(view, Demo::acmeSecondCaseId));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(requests.size(), 1);
    QTRY_VERIFY(c.window()->isActiveWindow());
    QTRY_VERIFY(!c.core()->isBusy());
    QCOMPARE(c.core()->caseId(), Demo::acmeSecondCaseId);

    // Enter on the other case: it opens (a later launch's rules: here in a new window).
    window = openFollowUps(c);
    QVERIFY(window);
    QCOMPARE(QApplication::focusWidget(), view);
    STEP(moveToCase(view, Demo::acmeCaseId));
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(requests.size(), 2);
    QTRY_COMPARE(c.consoleWindows()->windows().size(), 2);
    MainWindow *opened = c.consoleWindows()->windows().constLast();
    QTRY_COMPARE(opened->workspace()->caseId(), Demo::acmeCaseId);
    QTRY_COMPARE(opened->workspace()->model()->rowCount(), 6);
    QCOMPARE(c.core()->caseId(), Demo::acmeSecondCaseId);
}

void TestFollowUpsView::restartShowsThemWithoutARequest()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(listCase(c, Demo::acmeCaseId, 6));
    const QHash<QString, Escalation> expected = withFollowUp(c, { Demo::acmeCaseId });

    c.restart(); // new services over the same files
    QVERIFY(c.sandbox());
    QSignalSpy requests(c.sandbox(), &Sandbox::SandboxServer::requestReceived);
    FollowUpsWindow *window = openFollowUps(c);
    QVERIFY(window);
    QTRY_COMPARE(window->model()->shownCount(), int(expected.size()));
    QCOMPARE(shownIds(tree(window)), QSet<QString>(expected.keyBegin(), expected.keyEnd()));
    QVERIFY(c.core()->caseId().isEmpty());
    QTest::qWait(300); // a request the view made would have arrived by now
    QCOMPARE(requests.size(), 0);
}

void TestFollowUpsView::regroupsAsTimePasses()
{
    // A member, not a local: cleanup() still asks the Clock (its screenshot paints the table)
    // after this function has returned (a dangling local crashed there on Qt 6.8).
    m_now = QDateTime::currentDateTimeUtc(); // the demo's dates are relative to it
    QDateTime &now = m_now;
    Clock::setSource([this] { return m_now; });
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(listCase(c, Demo::acmeCaseId, 6));
    const QHash<QString, Escalation> expected = withFollowUp(c, { Demo::acmeCaseId });
    const auto overdueAt = [&expected](const QDateTime &when) {
        int overdue = 0;
        for (const Escalation &e : expected)
            overdue += *e.followUpDueAt < when ? 1 : 0;
        return overdue;
    };
    FollowUpsWindow *window = openFollowUps(c);
    QVERIFY(window);
    QTreeView *view = tree(window);
    const QModelIndex overdueGroup = view->model()->index(0, 0);
    QCOMPARE(overdueGroup.data().toString(), QStringLiteral("Overdue (%1)").arg(overdueAt(now)));
    // The agent is on the second follow-up; time passing does not move them.
    QTest::keyClick(view, Qt::Key_Down);
    const QString current = view->currentIndex().data(Model::EscalationIdRole).toString();
    QVERIFY(!current.isEmpty());

    auto *timer = window->findChild<QTimer *>(QStringLiteral("followUpsRegroupTimer"));
    QVERIFY(timer);
    QVERIFY(timer->isActive());
    QVERIFY(timer->interval() <= 60 * 1000);
    timer->setInterval(10); // the minute passes sooner; what it does is the same
    now = now.addSecs(7 * 3600); // the one due in six hours is now past
    QCOMPARE(overdueAt(now), overdueAt(QDateTime::currentDateTimeUtc()) + 1);
    QTRY_COMPARE(view->model()->index(0, 0).data().toString(),
                 QStringLiteral("Overdue (%1)").arg(overdueAt(now)));
    QCOMPARE(view->currentIndex().data(Model::EscalationIdRole).toString(), current);
    now = now.addDays(4); // everything is past
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(),
             QStringLiteral("Overdue (%1)").arg(expected.size()));
    QCOMPARE(view->currentIndex().data(Model::EscalationIdRole).toString(), current);
    // Hidden, it stops: nothing runs for a window nobody sees.
    QTest::keyClick(view, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
    QVERIFY(!timer->isActive());
}

void TestFollowUpsView::assignedToMeTabOrderAndEscape()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(listCase(c, Demo::acmeCaseId, 6));
    const QHash<QString, Escalation> expected = withFollowUp(c, { Demo::acmeCaseId });
    FollowUpsWindow *window = openFollowUps(c);
    QVERIFY(window);
    QTreeView *view = tree(window);
    auto *mine = window->findChild<QCheckBox *>(QStringLiteral("followUpsMineCheck"));
    // No e-mail set: nothing to map, and the reason says where to set it.
    QVERIFY(!mine->isEnabled());
    QVERIFY2(mine->accessibleDescription().contains(QStringLiteral("Settings › Preferences")),
             qPrintable(mine->accessibleDescription()));
    QTest::keyClick(view, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());

    // With the agent's e-mail (the sandbox's demo people map it), one window comes back.
    Preferences().setMyEmail(Demo::acmeAgentEmail);
    QCOMPARE(openFollowUps(c), window);
    int windows = 0;
    for (QWidget *top : QApplication::topLevelWidgets())
        windows += top->objectName() == QStringLiteral("followUpsWindow") ? 1 : 0;
    QCOMPARE(windows, 1);
    QVERIFY(mine->isEnabled());
    // Tab order: organisation, assigned to me, the list, Close.
    auto *combo = window->findChild<QComboBox *>(QStringLiteral("followUpsProfileCombo"));
    QTest::keyClick(view, Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), combo);
    QTest::keyClick(combo, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), mine);
    QTest::keyClick(mine, Qt::Key_Space);
    QVERIFY(mine->isChecked());
    int assigned = 0;
    for (const Escalation &e : expected) {
        assigned += c.sandbox()->store().userEmail(e.assignedToUserId.value_or(QString()))
                == Demo::acmeAgentEmail
            ? 1
            : 0;
    }
    QVERIFY(assigned > 0 && assigned < expected.size());
    QCOMPARE(window->model()->shownCount(), assigned);
    for (const QModelIndex &row : visibleRows(view)) {
        if (row.parent().isValid())
            QCOMPARE(row.siblingAtColumn(Model::Assignee).data().toString(),
                     QStringLiteral("Agent (demo)"));
    }
    QTest::keyClick(mine, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), view);
    QTest::keyClick(view, Qt::Key_Tab);
    auto *refreshAll = window->findChild<QPushButton *>(QStringLiteral("refreshAllButton"));
    QCOMPARE(QApplication::focusWidget(), refreshAll);
    QTest::keyClick(refreshAll, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(),
             window->findChild<QPushButton *>(QStringLiteral("followUpsCloseButton")));

    // An e-mail nobody in the directory has: off again, and the reason names it.
    Preferences().setMyEmail(QStringLiteral("nobody@example.com"));
    QCOMPARE(openFollowUps(c), window);
    QVERIFY(!mine->isEnabled());
    QVERIFY(!mine->isChecked());
    QVERIFY(mine->accessibleDescription().contains(QStringLiteral("nobody@example.com")));
    QCOMPARE(window->model()->shownCount(), int(expected.size()));
}

QTEST_MAIN(TestFollowUpsView)
#include "tst_followupsview.moc"
