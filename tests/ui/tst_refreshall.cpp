// "Refresh all" in the Follow-ups window, by keyboard over the real console and sandbox: Tab
// reaches it after the tree, Space starts it, the progress and the closing sentence are there
// for eyes and screen readers, and Space again stops a refresh under way.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/followups/followupdatabase.h"
#include "app/followups/followupstore.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/sandbox/sandboxstore.h"
#include "app/session/preferences.h"
#include "ui/followupswindow.h"

#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTreeView>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;

class TestRefreshAll : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { m_console.reset(); }
    void spaceOnRefreshAllListsEveryCaseAgain();
    void spaceAgainStops();

private:
    FollowUpsWindow *listTwoCasesAndOpen();
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestRefreshAll::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_refreshall"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestRefreshAll::init()
{
    ConsoleDriver::forgetEverything();
    Preferences().setRefreshPerMinute(60); // one a second, so that the test ends soon
}

FollowUpsWindow *TestRefreshAll::listTwoCasesAndOpen()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    for (const QString &caseId : { Demo::acmeCaseId, Demo::acmeSecondCaseId }) {
        c.typeCaseId(caseId);
        if (!QTest::qWaitFor(
                [&] { return c.model()->caseId() == caseId && c.model()->rowCount() > 0; }))
            return nullptr;
    }
    FollowUpStore *store = c.core()->services()->followUpStore();
    if (!QTest::qWaitFor([store] {
            QSet<QString> cases;
            for (const FollowUp &followUp : store->followUps())
                cases.insert(followUp.caseId);
            return cases.size() == 2;
        }))
        return nullptr;
    c.consoleWindows();
    c.shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    FollowUpsWindow *window = c.consoleWindows()->followUpsWindow();
    return window && QTest::qWaitForWindowActive(window) ? window : nullptr;
}

void TestRefreshAll::spaceOnRefreshAllListsEveryCaseAgain()
{
    FollowUpsWindow *window = listTwoCasesAndOpen();
    QVERIFY(window);
    auto *button = window->findChild<QPushButton *>(QStringLiteral("refreshAllButton"));
    auto *progress = window->findChild<QProgressBar *>(QStringLiteral("refreshAllProgress"));
    auto *sentence = window->findChild<QLabel *>(QStringLiteral("refreshAllSentence"));
    QVERIFY(button && progress && sentence);
    // From the tree, Tab reaches it.
    auto *tree = window->findChild<QTreeView *>(QStringLiteral("followUpsTree"));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), button);
    Sandbox::SandboxServer *sandbox = m_console->sandbox();
    sandbox->clearReceivedRequests();
    sandbox->setRecordingEnabled(true);
    QTest::keyClick(button, Qt::Key_Space);
    QVERIFY(progress->isVisible());
    QCOMPARE(button->accessibleName(), QStringLiteral("Stop refreshing"));
    QTRY_VERIFY_WITH_TIMEOUT(sentence->text().startsWith(QStringLiteral("Refreshed 2 of 2")),
                             15000);
    QCOMPARE(sentence->accessibleName(), sentence->text());
    QVERIFY(!progress->isVisible());
    QCOMPARE(button->accessibleName(), QStringLiteral("Refresh all"));
    // One listing per case went to Care360, nothing else.
    QCOMPARE(sandbox->receivedRequests().size(), 2);
}

void TestRefreshAll::spaceAgainStops()
{
    Preferences().setRefreshPerMinute(1); // the second case would wait a minute
    FollowUpsWindow *window = listTwoCasesAndOpen();
    QVERIFY(window);
    auto *button = window->findChild<QPushButton *>(QStringLiteral("refreshAllButton"));
    auto *sentence = window->findChild<QLabel *>(QStringLiteral("refreshAllSentence"));
    Sandbox::SandboxServer *sandbox = m_console->sandbox();
    sandbox->clearReceivedRequests();
    sandbox->setRecordingEnabled(true);
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QTRY_COMPARE(sandbox->receivedRequests().size(), 1);
    QTest::keyClick(button, Qt::Key_Space);
    QTRY_VERIFY(sentence->text().startsWith(QStringLiteral("Refresh stopped: 1 of 2")));
    QTest::qWait(300);
    QCOMPARE(sandbox->receivedRequests().size(), 1);
}

QTEST_MAIN(TestRefreshAll)
#include "tst_refreshall.moc"
