#pragma once

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/sandbox/sandboxserver.h"
#include "models/escalationtablemodel.h"
#include "tests/teststep.h"
#include "ui/consolewindows.h"
#include "ui/mainwindow.h"

#include <QPointer>
#include <QTableView>
#include <QTest>

#include <memory>

// Drives the real MainWindow over a real CaseWorkspace the way an agent does (keyboard and mouse on
// real widgets), in the spirit of KeePassXC's TestGui: objects are found by objectName, in the
// window first and then in the core, and waits use QTRY_*.
class ConsoleDriver {
public:
    explicit ConsoleDriver(const Care360::StartupOptions &options = {});
    // Once per test program: settings in a test location, the English plural forms.
    static void prepareApplication(const QString &name);
    // A first start: no settings and no follow-ups record (its SQLite files too).
    static void forgetEverything();
    ~ConsoleDriver();

    Care360::MainWindow *window() const { return m_window.get(); }
    Care360::CaseWorkspace *core() const { return m_core; }
    template<typename T> T *find(const char *objectName) const
    {
        const QLatin1String name(objectName);
        if (T *inWindow = m_window->findChild<T *>(name))
            return inWindow;
        if (T *inCore = m_core->findChild<T *>(name))
            return inCore;
        return m_services->findChild<T *>(name);
    }
    QTableView *table() const;
    Care360::EscalationTableModel *model() const;
    Care360::Sandbox::SandboxServer *sandbox() const;
    QString bannerText() const;
    QString keyStateText() const;

    // Types the case ID into the case field and presses Enter.
    void typeCaseId(const QString &text);
    // The view index of an escalation's cell.
    QModelIndex cell(const QString &escalationId, int column) const;
    // Opens the cell's editor (F2 on the current cell) and returns it.
    QWidget *openEditor(const QString &escalationId, int column);
    void editNote(const QString &escalationId, const QString &text);
    void editAssignee(const QString &escalationId, const QString &email);
    // Moves the follow-up date by days through the editor's calendar popup; returns the UTC
    // value the editor committed.
    QDateTime editFollowUpWithCalendar(const QString &escalationId, int days);
    // Presses a key combination where the keyboard focus is, in the active window.
    void shortcut(QKeyCombination keys);
    void triggerAction(const char *objectName);
    // The next modal message box that opens gets its button (by objectName) clicked; its text
    // lands in *text. Call before the step that opens the box.
    void answerNextMessageBox(const char *buttonObjectName, QString *text = nullptr);
    void clickButton(const char *objectName);
    // Saves a screenshot of the window into the build tree.
    void screenshot(const QString &name) const;
    void restart(const Care360::StartupOptions &options = {});
    void ensureActive();
    // The console's window manager over this window, made at the first call (until restart()):
    // what the window asks of it (the Follow-ups window, a case opened from there) then happens
    // as in the application.
    Care360::ConsoleWindows *consoleWindows();
    // Saves a screenshot of another top-level window (a Follow-ups window) into the build tree.
    void screenshotOf(QWidget *widget, const QString &name) const;

private:
    std::unique_ptr<Care360::ConsoleServices> m_services;
    Care360::CaseWorkspace *m_core = nullptr; // owned by m_services
    // After the services, before the window: it must not delete the window this driver owns.
    std::unique_ptr<Care360::ConsoleWindows> m_consoleWindows;
    std::unique_ptr<Care360::MainWindow> m_window;
    QPointer<Care360::Sandbox::SandboxServer> m_sandbox; // the one the core started, if any
};
