// Follow-up dates typed the way agents type them, into the real editor of the real window:
// what is typed is what is drafted (or the editor stays open and says why), Tab commits and
// moves on, and the one-key dates work on an empty cell.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "models/clock.h"
#include "models/followupparser.h"

#include <QLabel>
#include <QPointer>
#include <QSettings>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

namespace {
QDate today()
{
    return Clock::currentDateTimeUtc().toLocalTime().date();
}

// The next Monday after today (a week on when today is a Monday).
QDate nextMonday()
{
    const int days = (Qt::Monday - today().dayOfWeek() + 7) % 7;
    return today().addDays(days == 0 ? 7 : days);
}
} // namespace

class TestFollowUpEntry : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { m_console.reset(); }
    void typedDateBecomesTheDraft_data();
    void typedDateBecomesTheDraft();
    void tabCommitsAndOpensTheNextEditor();
    void ctrlOneOnAnEmptyCellIsTomorrowAtNine();
    void unparseableTextKeepsTheEditorOpen_data();
    void unparseableTextKeepsTheEditorOpen();

private:
    QString pick(bool withFollowUp) const;
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestFollowUpEntry::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_followupentry"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestFollowUpEntry::init()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    m_console->typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(m_console->model()->rowCount(), 6);
}

QString TestFollowUpEntry::pick(bool withFollowUp) const
{
    for (const Escalation &e : m_console->sandbox()->store().activeEscalations(Demo::acmeCaseId)) {
        if (bool(e.followUpDueAt) == withFollowUp)
            return e.id;
    }
    return QString();
}

void TestFollowUpEntry::typedDateBecomesTheDraft_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("filledCell");
    QTest::addColumn<QDateTime>("expected"); // local time
    const QDateTime dec14(QDate(2026, 12, 14), QTime(10, 30));
    QTest::newRow("day month year") << QStringLiteral("14 Dec 2026 10:30") << true << dec14;
    QTest::newRow("ISO") << QStringLiteral("2026-12-14 10:30") << false << dec14;
    QTest::newRow("weekday") << QStringLiteral("mon 10:30") << true
                             << QDateTime(nextMonday(), QTime(10, 30));
    QTest::newRow("next weekday") << QStringLiteral("next Monday 10:30") << false
                                  << QDateTime(nextMonday(), QTime(10, 30));
}

void TestFollowUpEntry::typedDateBecomesTheDraft()
{
    QFETCH(QString, typed);
    QFETCH(bool, filledCell);
    QFETCH(QDateTime, expected);
    ConsoleDriver &c = *m_console;
    const QString id = pick(filledCell);
    QVERIFY(!id.isEmpty());
    // From the table: F2, the text, Enter; nothing else (the editor's old text is replaced).
    QWidget *editor = c.openEditor(id, Model::FollowUpDue);
    QVERIFY(editor);
    QCOMPARE(editor->objectName(), QStringLiteral("followUpEditor"));
    QCOMPARE(editor->accessibleName(), QStringLiteral("Follow-up due (local time)"));
    QTest::keyClicks(editor, typed);
    // The line under the text says how it reads before anything is saved, to eyes and ears.
    auto *reading = editor->findChild<QLabel *>(QStringLiteral("followUpReading"));
    QVERIFY(reading);
    QCOMPARE(reading->accessibleName(), QStringLiteral("Follow-up date as read"));
    const QString shown = FollowUpParser().describe(expected);
    QVERIFY2(reading->toolTip().startsWith(shown), qPrintable(reading->toolTip()));
    QCOMPARE(editor->accessibleDescription(), reading->toolTip());
    QCOMPARE(c.model()->pendingCount(), 0);
    c.screenshot(QStringLiteral("followup-entry-") + QLatin1String(QTest::currentDataTag()));
    QTest::keyClick(editor, Qt::Key_Return);
    const int keystrokes = 1 + int(typed.size()) + 1;
    QTRY_COMPARE(c.cell(id, Model::FollowUpDue).data(Model::DraftValueRole).toDateTime(),
                 expected.toUTC());
    QCOMPARE(c.model()->pendingCount(), 1);
    qInfo("\"%s\" from the table: %d keystrokes (F2, the text, Enter)", qPrintable(typed),
          keystrokes);
}

void TestFollowUpEntry::tabCommitsAndOpensTheNextEditor()
{
    ConsoleDriver &c = *m_console;
    const QString id = pick(true);
    QWidget *editor = c.openEditor(id, Model::FollowUpDue);
    QVERIFY(editor);
    QTest::keyClicks(editor, QStringLiteral("2026-12-14 10:30"));
    QTest::keyClick(editor, Qt::Key_Tab);
    QTRY_COMPARE(c.cell(id, Model::FollowUpDue).data(Model::DraftValueRole).toDateTime(),
                 QDateTime(QDate(2026, 12, 14), QTime(10, 30)).toUTC());
    // The next cell (the assignee) is being edited now.
    QTRY_COMPARE(QApplication::focusWidget() ? QApplication::focusWidget()->objectName()
                                             : QString(),
                 QStringLiteral("assigneeEditor"));
    QCOMPARE(c.table()->currentIndex(), c.cell(id, Model::Assignee));
}

void TestFollowUpEntry::ctrlOneOnAnEmptyCellIsTomorrowAtNine()
{
    ConsoleDriver &c = *m_console;
    const QString id = pick(false);
    QVERIFY(!id.isEmpty());
    QWidget *editor = c.openEditor(id, Model::FollowUpDue);
    QVERIFY(editor);
    QCOMPARE(editor->property("text").toString(), QString()); // nothing made up to start from
    QTest::keyClick(editor, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(editor->property("text").toString(),
             FollowUpParser().text(QDateTime(today().addDays(1), QTime(9, 0))));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    QCOMPARE(c.cell(id, Model::FollowUpDue).data(Model::DraftValueRole).toDateTime(),
             QDateTime(today().addDays(1), QTime(9, 0)).toUTC());
}

void TestFollowUpEntry::unparseableTextKeepsTheEditorOpen_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("words") << QStringLiteral("blah");
    QTest::newRow("no such hour") << QStringLiteral("25:00");
    QTest::newRow("no such date") << QStringLiteral("32/13/2026");
}

void TestFollowUpEntry::unparseableTextKeepsTheEditorOpen()
{
    QFETCH(QString, typed);
    ConsoleDriver &c = *m_console;
    const QString id = pick(true);
    QPointer<QWidget> editor = c.openEditor(id, Model::FollowUpDue);
    QVERIFY(editor);
    QTest::keyClicks(editor, typed);
    QTest::keyClick(editor, Qt::Key_Return);
    // Qt commits an editor from the event loop: let it run before looking.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(editor);
    QCOMPARE(QApplication::focusWidget(), editor.data());
    QCOMPARE(editor->property("text").toString(), typed);
    QCOMPARE(c.model()->pendingCount(), 0);
    // Why, in the line under the text (and to a screen reader).
    const QString hint = FollowUpParser().parse(typed).hint;
    QVERIFY(hint.startsWith(QStringLiteral("No such "))
            || hint.startsWith(QStringLiteral("Not a ")));
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("followUpReading"))->toolTip(), hint);
    QCOMPARE(editor->accessibleDescription(), hint);
    c.screenshot(QStringLiteral("followup-refused-") + QLatin1String(QTest::currentDataTag()));
    QTest::keyClick(editor, Qt::Key_Tab); // nor does Tab take it
    QCoreApplication::processEvents();
    QCOMPARE(QApplication::focusWidget(), editor.data());
    QCOMPARE(c.model()->pendingCount(), 0);
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(editor.isNull() || !editor->isVisible());
    QCOMPARE(c.model()->pendingCount(), 0);
}

QTEST_MAIN(TestFollowUpEntry)
#include "tst_followupentry.moc"
