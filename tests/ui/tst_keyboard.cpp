// The keyboard paths that used to stumble, and the small truths around them: the filter leads
// into the table and says how many rows it shows, revert works right after tabbing in, sorting
// from the View menu, mnemonics unique in every window, menu and dialog, a first run that fits
// a laptop screen and points at the demo cases, and an environment without a key that says so.
#include "consoledriver.h"
#include "mnemonics.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "ui/apikeydialog.h"
#include "ui/bulkeditdialog.h"
#include "ui/followupeditor.h"
#include "ui/sendconfirmationdialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTableView>
#include <QTimer>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

using namespace Mnemonics;

class TestKeyboard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void filterLeadsIntoTheTableAndCountsRows();
    void revertWorksRightAfterTabbingIn();
    void sortingFromTheViewMenu();
    void mnemonicsAreUniqueInEveryWindowMenuAndDialog();
    void firstRunFitsALaptopScreen();
    void firstRunPointsAtTheDemoCases();
    void environmentWithoutAKeySaysSo();
    void rowsAreSelectedAndCommandsOpenedByKeys();

private:
    void loadAcme();
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestKeyboard::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_keyboard"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestKeyboard::init()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
}

void TestKeyboard::cleanup()
{
    m_console->screenshot(QString::fromLatin1(QTest::currentTestFunction()));
    m_console.reset();
}

void TestKeyboard::loadAcme()
{
    m_console->typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(m_console->model()->rowCount(), 6);
}

void TestKeyboard::filterLeadsIntoTheTableAndCountsRows()
{
    STEP(loadAcme());
    ConsoleDriver &c = *m_console;
    auto *count = c.find<QLabel>("filterCountLabel");
    QVERIFY(!count->isVisible()); // nothing filtered, nothing to count
    c.shortcut(Qt::CTRL | Qt::Key_F);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("refill"));
    QTRY_VERIFY(count->isVisible());
    QCOMPARE(count->text(), QStringLiteral("1 of 6 shown"));
    c.shortcut(Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(c.table()));
    QCOMPARE(c.table()->currentIndex().row(), 0);
    QVERIFY(c.table()->currentIndex().data().toString().isEmpty()
            || c.table()->currentIndex().isValid());
    QCOMPARE(c.table()->model()->index(0, Model::Title).data().toString(),
             QStringLiteral("Refill Request"));
    // Enter from the filter does the same.
    c.shortcut(Qt::CTRL | Qt::Key_F);
    c.shortcut(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(c.table()));
}

void TestKeyboard::revertWorksRightAfterTabbingIn()
{
    STEP(loadAcme());
    ConsoleDriver &c = *m_console;
    const QString id = c.table()->model()->index(0, 0).data(Model::IdRole).toString();
    STEP(c.editNote(id, QStringLiteral("To be reverted")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    // Into the table with Tab from the last filter control: a current cell, no selection.
    c.find<QWidget>("onlyOverdueCheck")->setFocus(Qt::TabFocusReason);
    c.shortcut(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(c.table()));
    c.table()->selectionModel()->clearSelection();
    c.table()->setCurrentIndex(c.cell(id, Model::Note));
    c.table()->selectionModel()->clearSelection();
    QVERIFY(!c.table()->selectionModel()->hasSelection());
    c.shortcut(Qt::CTRL | Qt::Key_Backspace);
    QCOMPARE(c.model()->pendingCount(), 0);

    STEP(c.editNote(id, QStringLiteral("One")));
    const QString other = c.table()->model()->index(1, 0).data(Model::IdRole).toString();
    STEP(c.editNote(other, QStringLiteral("Two")));
    QTRY_COMPARE(c.model()->pendingCount(), 2);
    c.shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace); // Revert all
    QCOMPARE(c.model()->pendingCount(), 0);
}

void TestKeyboard::sortingFromTheViewMenu()
{
    STEP(loadAcme());
    ConsoleDriver &c = *m_console;
    const auto titles = [&c] {
        QStringList list;
        for (int row = 0; row < c.table()->model()->rowCount(); ++row)
            list << c.table()->model()->index(row, Model::Title).data().toString();
        return list;
    };
    c.triggerAction(
        QStringLiteral("sortByColumn%1Action").arg(Model::Title).toLatin1().constData());
    QStringList sorted = titles();
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    QCOMPARE(titles(), sorted);
    c.triggerAction("sortDescendingAction");
    std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(titles(), sorted);
    // The header agrees, so a mouse user sees the same order.
    QCOMPARE(c.table()->horizontalHeader()->sortIndicatorSection(), int(Model::Title));
    QCOMPARE(c.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestKeyboard::mnemonicsAreUniqueInEveryWindowMenuAndDialog()
{
    ConsoleDriver &c = *m_console;
    QVERIFY2(clashes(windowTexts(c.window())).isEmpty(),
             qPrintable(clashes(windowTexts(c.window())).join(QStringLiteral("; "))));
    int menus = 0;
    for (QMenu *menu : c.window()->findChildren<QMenu *>()) {
        QVERIFY2(clashes(actionTexts(menu->actions())).isEmpty(),
                 qPrintable(menu->objectName() + QLatin1Char(' ')
                            + clashes(actionTexts(menu->actions())).join("; ")));
        ++menus;
    }
    QVERIFY(menus >= 6); // File, Edit, Case, View, Sort by, Help

    ApiKeyDialog keyDialog(c.core(), c.window());
    QCOMPARE(clashes(windowTexts(&keyDialog)), QStringList());
    SendConfirmationDialog confirm(Demo::acmeCaseId, Demo::acmeName, {}, {}, c.window());
    QCOMPARE(clashes(windowTexts(&confirm)), QStringList());
    for (const auto kind : { BulkEditDialog::Kind::Assignee, BulkEditDialog::Kind::FollowUp,
                             BulkEditDialog::Kind::NoteLine }) {
        BulkEditDialog bulk(kind, 3, {}, 9, c.window());
        QCOMPARE(clashes(windowTexts(&bulk)), QStringList());
    }
    // The follow-up editor's context menu: its dates next to the standard editing entries.
    FollowUpEditor editor(9);
    QMenu *standard = editor.createStandardContextMenu();
    QCOMPARE(clashes(actionTexts(editor.actions()) + actionTexts(standard->actions())),
             QStringList());
    delete standard;
}

void TestKeyboard::firstRunFitsALaptopScreen()
{
    ConsoleDriver &c = *m_console;
    // 1366x768 and 1280x720 at 1x, minus a 40-pixel panel: the window and its frame fit.
    for (const QRect available : { QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680) }) {
        const QSize size = MainWindow::firstRunSize(available);
        QVERIFY(size.width() <= available.width() - 20);
        QVERIFY(size.height() <= available.height() - 40);
        // Everything that matters still fits at that size.
        c.window()->resize(size);
        QVERIFY2(c.window()->minimumSizeHint().width() <= size.width()
                     && c.window()->minimumSizeHint().height() <= size.height(),
                 qPrintable(QStringLiteral("%1x%2")
                                .arg(c.window()->minimumSizeHint().width())
                                .arg(c.window()->minimumSizeHint().height())));
        QTRY_COMPARE(c.window()->size(), size);
        for (const char *name : { "caseHeader", "sendButton", "escalationTable", "caseIdEdit" }) {
            QWidget *widget = c.find<QWidget>(name);
            const QRect inWindow(widget->mapTo(c.window(), QPoint(0, 0)), widget->size());
            QVERIFY2(c.window()->rect().contains(inWindow), name);
        }
    }
}

void TestKeyboard::firstRunPointsAtTheDemoCases()
{
    ConsoleDriver &c = *m_console;
    QVERIFY2(c.find<QLabel>("caseHeader")->text().contains(QStringLiteral("pick a demo case")),
             qPrintable(c.find<QLabel>("caseHeader")->text()));
    auto *combo = c.find<QComboBox>("caseIdCombo");
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    QVERIFY2(items.contains(Demo::acmeCaseId
                            + QStringLiteral(" (Acme Health demo case, 6 active escalations)")),
             qPrintable(items.join('\n')));
    // Picking one loads it.
    combo->setCurrentIndex(int(items.indexOf(
        Demo::acmeCaseId + QStringLiteral(" (Acme Health demo case, 6 active escalations)"))));
    emit combo->activated(combo->currentIndex());
    QTRY_COMPARE(c.model()->rowCount(), 6);
}

void TestKeyboard::environmentWithoutAKeySaysSo()
{
    ConsoleDriver &c = *m_console;
    // A custom server no test has a key for.
    c.core()->selectEnvironment(Environment::custom(QUrl(QStringLiteral("https://nokey.invalid"))),
                                CaseWorkspace::Confirmation::Given);
    QTRY_VERIFY(c.bannerText().contains(
        QStringLiteral("No API key is saved for nokey.invalid — Custom yet")));
    QVERIFY(c.find<QAbstractButton>("bannerKeyButton")->isVisible());
    // The key dialog opened too; closing it unanswered leaves the sentence on screen.
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = c.window()->findChild<ApiKeyDialog *>()));
    dialog->reject();
    QVERIFY(c.bannerText().contains(QStringLiteral("enter one to open its cases")));
}

void TestKeyboard::rowsAreSelectedAndCommandsOpenedByKeys()
{
    STEP(loadAcme());
    ConsoleDriver &c = *m_console;
    QTableView *table = c.table();
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(table->model()->index(0, Model::Note));
    table->selectionModel()->clearSelection();
    auto *selected = c.find<QLabel>("selectionLabel");
    // Ctrl+Space selects the row and opens no editor (it used to open an empty note editor).
    c.shortcut(Qt::CTRL | Qt::Key_Space);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table)); // no editor took it
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(selected->text(), QStringLiteral("1 row selected"));
    // Ctrl+Down moves without selecting; Ctrl+Space adds that row too.
    c.shortcut(Qt::CTRL | Qt::Key_Down);
    c.shortcut(Qt::CTRL | Qt::Key_Space);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    QVERIFY(selected->isVisible());
    QCOMPARE(selected->text(), QStringLiteral("2 rows selected"));
    QCOMPARE(c.model()->pendingCount(), 0);
    // Ctrl+Space again takes the row back out.
    c.shortcut(Qt::CTRL | Qt::Key_Space);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

    // Shift+F10 and the Menu key open the cell's commands at the cell.
    for (const QKeyCombination keys :
         { QKeyCombination(Qt::SHIFT | Qt::Key_F10), QKeyCombination(Qt::Key_Menu) }) {
        QStringList items;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, table, [&items, &poll] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            poll.stop();
            for (const QAction *action : menu->actions())
                items << QString(action->text()).remove(QLatin1Char('&'));
            menu->close();
        });
        poll.start();
        table->setFocus();
        c.shortcut(keys);
        poll.stop(); // no menu came: the checks below say so
        QVERIFY2(items.filter(QStringLiteral("Revert")).size() >= 1, qPrintable(items.join(u'|')));
        QVERIFY2(items.filter(QStringLiteral("Copy")).size() == 1, qPrintable(items.join(u'|')));
    }
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
