// The first screen knows about unsent work: the cases whose changes are kept on this computer
// are listed (from the journal's sealed index), Enter opens one with its drafts, and journals
// written before the index existed are found again. Driven through the real window.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/drafts/draftjournal.h"
#include "app/sandbox/demodata.h"

#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QSettings>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

class TestStartScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void unsentWorkIsListedAndEnterOpensIt();
    void journalsWrittenBeforeTheIndexAreFound();

private:
    // Loads the demo case, edits one note and quits keeping it.
    void leaveAKeptDraft(ConsoleDriver &c);
    QListWidget *list(ConsoleDriver &c) const { return c.find<QListWidget>("unsentWorkList"); }

    std::unique_ptr<ConsoleDriver> m_console;
};

void TestStartScreen::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_startscreen"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestStartScreen::init()
{
    QSettings().clear();
    QDir(DraftJournal::defaultDirectory()).removeRecursively();
}

void TestStartScreen::cleanup()
{
    if (m_console)
        m_console->screenshot(QString::fromLatin1(QTest::currentTestFunction()));
    m_console.reset();
}

void TestStartScreen::leaveAKeptDraft(ConsoleDriver &c)
{
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QTRY_VERIFY(c.core()->keepsDrafts());
    const QString id = c.model()->index(0, Model::Title).data(Model::IdRole).toString();
    STEP(c.editNote(id, QStringLiteral("Kept for the start screen")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    c.answerNextMessageBox("closeKeepButton");
    c.shortcut(Qt::CTRL | Qt::Key_Q);
    QTRY_VERIFY(!c.window()->isVisible());
}

void TestStartScreen::unsentWorkIsListedAndEnterOpensIt()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(leaveAKeptDraft(c));

    c.restart();
    QTRY_VERIFY(list(c) && list(c)->isVisible());
    QCOMPARE(c.model()->caseId(), QString()); // nothing opened by itself
    QCOMPARE(list(c)->count(), 1);
    const QString item = list(c)->item(0)->text();
    QVERIFY2(item.contains(Demo::acmeCaseId) && item.contains(QStringLiteral("Sandbox"))
                 && item.contains(QStringLiteral("1 escalation")),
             qPrintable(item));
    QVERIFY(!item.contains(QStringLiteral("Kept for the start screen"))); // never a note

    // By keyboard: Tab from the case field reaches the list; Enter opens the case.
    list(c)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(list(c), Qt::Key_Return);
    QTRY_COMPARE(c.model()->caseId(), Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    QTRY_VERIFY(!list(c)->isVisible());
}

void TestStartScreen::journalsWrittenBeforeTheIndexAreFound()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(leaveAKeptDraft(c));
    // An older console wrote journals without an index.
    const QString index = DraftJournal::defaultDirectory() + QStringLiteral("/index.c360index");
    QVERIFY(QFile::remove(index));

    c.restart(); // the same machine, a newer console
    QTRY_VERIFY(list(c) && list(c)->isVisible());
    QCOMPARE(list(c)->count(), 1);
    QVERIFY(list(c)->item(0)->text().contains(Demo::acmeCaseId));
    QTRY_VERIFY(QFile::exists(index)); // written again, with the adopted journal in it
}

QTEST_MAIN(TestStartScreen)
#include "tst_startscreen.moc"
