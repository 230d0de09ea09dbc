#include "consolewindows.h"

#include "followupswindow.h"
#include "mainwindow.h"
#include "proxylogindialog.h"

#include "app/core/consoleservices.h"
#include "app/logging.h"
#include "app/network/proxylogins.h"

#include <QAction>
#include <QApplication>

namespace Care360 {

ConsoleWindows::ConsoleWindows(ConsoleServices *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("consoleWindows"));
    m_services->proxyLogins()->setAsker(&ProxyLoginDialog::ask);
}

ConsoleWindows::~ConsoleWindows()
{
    delete m_followUps.data();
    // Windows before the workspaces they view.
    const QList<QPointer<MainWindow>> windows = m_windows;
    for (const QPointer<MainWindow> &window : windows)
        delete window.data();
}

MainWindow *ConsoleWindows::open(const StartupOptions &options)
{
    CaseWorkspace *workspace = m_services->createWorkspace();
    auto *window = new MainWindow(workspace);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &QObject::destroyed, workspace, &QObject::deleteLater);
    adopt(window);
    window->show();
    if (m_windows.size() == 1 && !m_services->caBundleProblem().isEmpty())
        window->showNotice(CaseWorkspace::NoticeKind::Warning,
                           tr("%1 Only the system's certificate authorities are trusted; choose "
                              "the file again in Settings › Preferences › Network.")
                               .arg(m_services->caBundleProblem()));
    workspace->start(options);
    return window;
}

void ConsoleWindows::adopt(MainWindow *window)
{
    m_windows.append(window);
    connect(window, &QObject::destroyed, this, [this] {
        m_windows.removeIf([](const QPointer<MainWindow> &w) { return w.isNull(); });
    });
    connect(window, &MainWindow::newWindowRequested, this, [this] { open({}); });
    connect(window, &MainWindow::followUpsRequested, this, &ConsoleWindows::showFollowUps);
    connect(window->workspace(), &CaseWorkspace::caseOpenElsewhere, this,
            [this](CaseWorkspace *owner) { bringForward(windowOf(owner)); });
}

void ConsoleWindows::handle(const StartupOptions &options, const QByteArray &activationToken)
{
    MainWindow *target = nullptr;
    for (const QPointer<MainWindow> &window : std::as_const(m_windows)) {
        if (window && !options.caseId.isEmpty()
            && window->workspace()->caseId() == options.caseId) {
            qCInfo(lcApp) << "a later launch asked for a case that is open: brought forward";
            return bringForward(window, activationToken);
        }
        if (window && !target && window->workspace()->caseId().isEmpty()
            && !window->workspace()->needsDiscardConfirmation())
            target = window;
    }
    if (options.caseId.isEmpty() && !m_windows.isEmpty())
        return bringForward(m_windows.constLast(), activationToken);
    if (!target) {
        open(options);
        return;
    }
    bringForward(target, activationToken);
    target->workspace()->openCase(options, CaseWorkspace::Confirmation::Given);
}

QList<MainWindow *> ConsoleWindows::windows() const
{
    QList<MainWindow *> open;
    for (const QPointer<MainWindow> &window : m_windows) {
        if (window)
            open.append(window.data());
    }
    return open;
}

void ConsoleWindows::showFollowUps()
{
    if (!m_followUps) {
        m_followUps = new FollowUpsWindow(m_services);
        connect(m_followUps, &FollowUpsWindow::openRequested, this, &ConsoleWindows::openFollowUp);
    }
    m_followUps->present();
}

FollowUpsWindow *ConsoleWindows::followUpsWindow() const
{
    return m_followUps;
}

void ConsoleWindows::openFollowUp(const StartupOptions &options)
{
    for (const QPointer<MainWindow> &window : std::as_const(m_windows)) {
        if (!window || window->workspace()->caseId() != options.caseId)
            continue;
        bringForward(window);
        // The agent acts on what Care360 holds now, not on what the record kept. Through the
        // window's own Refresh, which first commits an open editor.
        if (auto *refresh = window->findChild<QAction *>(QStringLiteral("refreshAction"));
            refresh && refresh->isEnabled())
            refresh->trigger();
        return;
    }
    handle(options, {});
}

MainWindow *ConsoleWindows::windowOf(const CaseWorkspace *workspace) const
{
    for (const QPointer<MainWindow> &window : m_windows) {
        if (window && window->workspace() == workspace)
            return window.data();
    }
    return nullptr;
}

void ConsoleWindows::bringForward(MainWindow *window, const QByteArray &activationToken)
{
    if (!window)
        return;
    // Wayland gives focus only with the token of the launch that asked (xdg-activation).
    if (!activationToken.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", activationToken);
    window->showNormal();
    window->raise();
    window->activateWindow();
}

} // namespace Care360
