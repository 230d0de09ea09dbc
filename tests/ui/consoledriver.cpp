#include "consoledriver.h"

#include "app/drafts/draftjournal.h"
#include "app/followups/followupdatabase.h"
#include "app/sandbox/practicesandbox.h"
#include "app/translations.h"
#include "models/clock.h"
#include "ui/errorbanner.h"
#include "ui/followupeditor.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>

using namespace Care360;

ConsoleDriver::ConsoleDriver(const StartupOptions &options)
{
    // An editor committed twice (Enter's queued commit, then a click elsewhere) fails the test
    // that drives it, not only warns.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("editor that does not belong")));
    // A new console starts on a clean machine; restart() is a relaunch and keeps the journal.
    QDir(DraftJournal::defaultDirectory()).removeRecursively();
    restart(options);
}

ConsoleDriver::~ConsoleDriver() = default;

void ConsoleDriver::prepareApplication(const QString &name)
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QCoreApplication::setOrganizationName(QStringLiteral("Care360-tests"));
    QCoreApplication::setApplicationName(name);
}

void ConsoleDriver::forgetEverything()
{
    QSettings().clear();
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(FollowUpDatabase::defaultFile() + suffix);
}

void ConsoleDriver::restart(const StartupOptions &options)
{
    m_window.reset();
    m_consoleWindows.reset();
    m_services.reset();
    m_core = nullptr;
    // The console's own factory, remembering the server so that tests can inject faults.
    auto practiceServer = [this](const QString &dataFile, QString *problem) {
        std::unique_ptr<Sandbox::PracticeSandbox> sandbox =
            Sandbox::PracticeSandbox::start(dataFile, problem);
        m_sandbox = sandbox ? sandbox->server() : nullptr;
        return std::unique_ptr<PracticeServer>(std::move(sandbox));
    };
    m_services = std::make_unique<ConsoleServices>(practiceServer);
    m_core = m_services->createWorkspace();
    m_window = std::make_unique<MainWindow>(m_core);
    m_window->show();
    m_core->start(options);
    ensureActive();
}

void ConsoleDriver::ensureActive()
{
    // Shortcuts and focus need the active window; a closed popup may not hand activation back.
    if (QApplication::activeWindow() == m_window.get())
        return;
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get()))
        qWarning("main window did not become active");
}

QTableView *ConsoleDriver::table() const
{
    return find<QTableView>("escalationTable");
}

EscalationTableModel *ConsoleDriver::model() const
{
    return find<EscalationTableModel>("escalationModel");
}

Sandbox::SandboxServer *ConsoleDriver::sandbox() const
{
    return m_sandbox;
}

QString ConsoleDriver::bannerText() const
{
    auto *banner = find<ErrorBanner>("errorBanner");
    return banner ? banner->message() : QString();
}

QString ConsoleDriver::keyStateText() const
{
    return find<QLabel>("keyStateLabel")->text();
}

void ConsoleDriver::typeCaseId(const QString &text)
{
    auto *edit = find<QLineEdit>("caseIdEdit");
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QModelIndex ConsoleDriver::cell(const QString &escalationId, int column) const
{
    const QModelIndex source = model()->indexOfEscalation(escalationId, column);
    return qobject_cast<QSortFilterProxyModel *>(table()->model())->mapFromSource(source);
}

QWidget *ConsoleDriver::openEditor(const QString &escalationId, int column)
{
    ensureActive();
    const QModelIndex index = cell(escalationId, column);
    table()->scrollTo(index);
    // A real click selects the cell, F2 opens its editor, as an agent would do.
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, table()->visualRect(index).center());
    QTest::keyClick(table(), Qt::Key_F2);
    QWidget *editor = table()->indexWidget(index);
    if (!editor)
        editor = QApplication::focusWidget();
    return editor;
}

void ConsoleDriver::editNote(const QString &escalationId, const QString &text)
{
    auto *editor =
        qobject_cast<QPlainTextEdit *>(openEditor(escalationId, EscalationTableModel::Note));
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
}

void ConsoleDriver::editAssignee(const QString &escalationId, const QString &email)
{
    auto *editor =
        qobject_cast<QLineEdit *>(openEditor(escalationId, EscalationTableModel::Assignee));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, email);
    QTest::keyClick(editor, Qt::Key_Return);
}

QDateTime ConsoleDriver::editFollowUpWithCalendar(const QString &escalationId, int days)
{
    auto *editor =
        qobject_cast<FollowUpEditor *>(openEditor(escalationId, EscalationTableModel::FollowUpDue));
    if (!editor)
        return {};
    // The calendar opens on the date shown, or on tomorrow for a first follow-up.
    const QDate start = editor->dateTime().isValid()
        ? editor->dateTime().date()
        : Clock::currentDateTimeUtc().toLocalTime().date().addDays(1);
    // The calendar button sits at the end of the line under the text.
    auto *button = editor->findChild<QToolButton *>(QStringLiteral("followUpCalendarButton"));
    if (!button)
        return {};
    QTest::mouseClick(button, Qt::LeftButton);
    QCalendarWidget *calendar = editor->calendarWidget();
    if (!calendar || !QTest::qWaitFor([calendar] { return calendar->isVisible(); }))
        return {};
    QWidget *grid = calendar->findChild<QWidget *>(QStringLiteral("qt_calendar_calendarview"));
    for (int i = 0; i < days; ++i)
        QTest::keyClick(grid, Qt::Key_Right);
    QTest::keyClick(grid, Qt::Key_Return);
    if (!QTest::qWaitFor([calendar] { return !calendar->isVisible(); }))
        return {};
    const QDateTime chosen = editor->dateTime();
    if (chosen.date() != start.addDays(days))
        return {};
    QTest::keyClick(editor, Qt::Key_Return);
    return chosen.toUTC();
}

void ConsoleDriver::shortcut(QKeyCombination keys)
{
    ensureActive();
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(),
                    keys.key(), keys.keyboardModifiers());
}

void ConsoleDriver::answerNextMessageBox(const char *buttonObjectName, QString *text)
{
    const QString name = QLatin1String(buttonObjectName);
    auto *poll = new QTimer(m_window.get());
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, name, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll->stop();
        poll->deleteLater();
        if (text)
            *text = box->text();
        auto *button = box->findChild<QAbstractButton *>(name);
        if (button)
            button->click();
        else
            box->reject(); // the test then fails on what did not happen
    });
    poll->start();
}

void ConsoleDriver::triggerAction(const char *objectName)
{
    auto *action = find<QAction>(objectName);
    QVERIFY2(action, objectName);
    QVERIFY2(action->isEnabled(), objectName);
    action->trigger();
}

void ConsoleDriver::clickButton(const char *objectName)
{
    auto *button = find<QPushButton>(objectName);
    QVERIFY2(button, objectName);
    QVERIFY2(button->isVisible() && button->isEnabled(), objectName);
    QTest::mouseClick(button, Qt::LeftButton);
}

void ConsoleDriver::screenshot(const QString &name) const
{
    const QString dir = QStringLiteral(CARE360_BIN_DIR "/../screenshots");
    QDir().mkpath(dir);
    m_window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

ConsoleWindows *ConsoleDriver::consoleWindows()
{
    if (!m_consoleWindows) {
        m_consoleWindows = std::make_unique<ConsoleWindows>(m_services.get());
        m_consoleWindows->adopt(m_window.get());
    }
    return m_consoleWindows.get();
}

void ConsoleDriver::screenshotOf(QWidget *widget, const QString &name) const
{
    const QString dir = QStringLiteral(CARE360_BIN_DIR "/../screenshots");
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
