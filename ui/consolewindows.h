#pragma once

#include "app/core/caseworkspace.h"

#include <QObject>
#include <QPointer>

namespace Care360 {

class ConsoleServices;
class FollowUpsWindow;
class MainWindow;

// The console's windows, one per case workspace (agents compare cases side by side): opens
// them, brings forward the window that already has a case open instead of opening it twice,
// and carries out what a later launch asked for (InstanceRelay).
class ConsoleWindows : public QObject {
    Q_OBJECT
public:
    explicit ConsoleWindows(ConsoleServices *services, QObject *parent = nullptr);
    ~ConsoleWindows() override;

    // A new window over a new workspace, started with these options.
    MainWindow *open(const StartupOptions &options);
    // A window made elsewhere (open() itself, a test's driver) joins: a later launch may use
    // it, and its requests (another window, the follow-ups) are served here. It is deleted with
    // these windows unless it goes first.
    void adopt(MainWindow *window);
    // A later launch: its case's window comes forward, or the case opens in the only window
    // when that one is empty, else in a new window.
    void handle(const StartupOptions &options, const QByteArray &activationToken);
    QList<MainWindow *> windows() const;
    // The console's one Follow-ups window, made at the first request; a later one raises it.
    void showFollowUps();
    FollowUpsWindow *followUpsWindow() const;

private:
    MainWindow *windowOf(const CaseWorkspace *workspace) const;
    void bringForward(MainWindow *window, const QByteArray &activationToken = {});
    // A follow-up's case: listed afresh where it is open, else opened as a later launch would.
    void openFollowUp(const StartupOptions &options);

    ConsoleServices *m_services;
    QList<QPointer<MainWindow>> m_windows;
    QPointer<FollowUpsWindow> m_followUps;
};

} // namespace Care360
