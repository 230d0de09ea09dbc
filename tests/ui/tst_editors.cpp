#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "app/session/activitylog.h"
#include "ui/followupeditor.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QTimer>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

// Details of the real window: what the agent types in an editor must survive everything the
// console does meanwhile, leaving an editor must never invent or drop a change, and every
// control carries the name that automation and assistive technology find it by.
class TestEditors : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { m_console.reset(); }
    void typingSurvivesTimerAndRefresh();
    void leavingAnEmptyFollowUpInventsNothing();
    void invalidAssigneeKeepsTheEditorOpen();
    void everyControlIsNamed();

private:
    // An active escalation of the demo case matching the predicate.
    QString pick(const std::function<bool(const Escalation &)> &predicate) const;

    std::unique_ptr<ConsoleDriver> m_console;
};

void TestEditors::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_editors"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestEditors::init()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    m_console->typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(m_console->model()->rowCount(), 6);
}

QString TestEditors::pick(const std::function<bool(const Escalation &)> &predicate) const
{
    for (const Escalation &e : m_console->sandbox()->store().activeEscalations(Demo::acmeCaseId)) {
        if (predicate(e))
            return e.id;
    }
    return QString();
}

void TestEditors::typingSurvivesTimerAndRefresh()
{
    ConsoleDriver &c = *m_console;
    const QString id = pick([](const Escalation &) { return true; });
    QPointer<QPlainTextEdit> editor = qobject_cast<QPlainTextEdit *>(c.openEditor(id, Model::Note));
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Half-typed note"));

    // The due-state timer fires while the editor is open: the text stays where it is.
    QMetaObject::invokeMethod(c.find<QTimer>("dueStateTimer"), "timeout");
    QCOMPARE(editor->toPlainText(), QStringLiteral("Half-typed note"));
    QVERIFY(!c.cell(id, Model::Note).data(Model::DirtyRole).toBool());

    // A refresh first commits the open editor, so the merge sees the text as a draft.
    c.find<QAction>("refreshAction")->trigger();
    QCOMPARE(c.cell(id, Model::Note).data(Model::DraftValueRole).toString(),
             QStringLiteral("Half-typed note"));
    QTRY_COMPARE(c.find<ActivityLog>("activityLog")->rowCount(), 2);
    QTRY_VERIFY(editor.isNull());
    QCOMPARE(c.cell(id, Model::Note).data(Model::DraftValueRole).toString(),
             QStringLiteral("Half-typed note"));
}

void TestEditors::leavingAnEmptyFollowUpInventsNothing()
{
    ConsoleDriver &c = *m_console;
    const QString id = pick([](const Escalation &e) { return !e.followUpDueAt; });
    QVERIFY2(!id.isEmpty(), "the demo case has an escalation without a follow-up date");
    auto *editor = qobject_cast<FollowUpEditor *>(c.openEditor(id, Model::FollowUpDue));
    QVERIFY(editor);
    QCOMPARE(editor->text(), QString()); // no date is made up to start from
    QTest::keyClick(editor, Qt::Key_Return); // leave without choosing a date
    QTRY_VERIFY(!c.table()->isPersistentEditorOpen(c.cell(id, Model::FollowUpDue))
                && !qobject_cast<FollowUpEditor *>(QApplication::focusWidget()));
    QCOMPARE(c.model()->pendingCount(), 0);
    QVERIFY(!c.cell(id, Model::FollowUpDue).data(Model::DirtyRole).toBool());
}

void TestEditors::invalidAssigneeKeepsTheEditorOpen()
{
    ConsoleDriver &c = *m_console;
    const QString id = pick([](const Escalation &) { return true; });
    auto *editor = qobject_cast<QLineEdit *>(c.openEditor(id, Model::Assignee));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("not an address"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits through a queued call: run it before looking.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    // Still open with the agent's text, nothing drafted; Esc then cancels cleanly.
    QCOMPARE(QApplication::focusWidget(), editor);
    QCOMPARE(editor->text(), QStringLiteral("not an address"));
    QCOMPARE(c.model()->pendingCount(), 0);
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(QApplication::focusWidget() != editor);
    QCOMPARE(c.model()->pendingCount(), 0);
}

void TestEditors::everyControlIsNamed()
{
    ConsoleDriver &c = *m_console;
    // Our own controls: Qt's internal children (scroll bars, header views, popups) are named
    // "qt_…" or sit inside a composite widget and are skipped.
    const auto isInternal = [&c](QWidget *widget) {
        for (QWidget *w = widget->parentWidget(); w && w != c.window(); w = w->parentWidget()) {
            if (qobject_cast<QAbstractItemView *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w))
                return true;
        }
        return widget->objectName().startsWith(QLatin1String("qt_"));
    };
    int checked = 0;
    for (QWidget *widget : c.window()->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QProgressBar *>(widget);
        if (!control || isInternal(widget))
            continue;
        ++checked;
        const QString what = QString::fromLatin1(widget->metaObject()->className())
            + QLatin1Char(' ') + widget->objectName();
        QVERIFY2(!widget->objectName().isEmpty(), qPrintable(what));
        QVERIFY2(!widget->accessibleName().isEmpty()
                     || !widget->property("text").toString().isEmpty(),
                 qPrintable(what));
    }
    QVERIFY(checked >= 12);
    for (QAction *action : c.window()->findChildren<QAction *>()) {
        if (action->menu() || action->text().isEmpty() || action->isSeparator())
            continue;
        QVERIFY2(!action->objectName().isEmpty(), qPrintable(action->text()));
    }
}

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
