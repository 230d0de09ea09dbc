#include "followupalerts.h"

#include "consolewindows.h"
#include "mainwindow.h"

#include "app/core/consoleservices.h"
#include "app/followups/desktopnotifier.h"
#include "app/followups/followupreminders.h"
#include "app/session/preferences.h"
#include "models/escalationpresenter.h"
#include "models/untrustedtext.h"

namespace Care360 {

FollowUpAlerts::FollowUpAlerts(ConsoleServices *services, ConsoleWindows *windows,
                               const QString &desktopEntry, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_windows(windows)
    , m_reminders(new FollowUpReminders(services->followUpStore(), this))
    , m_notifier(new DesktopNotifier(desktopEntry, this))
{
    setObjectName(QStringLiteral("followUpAlerts"));
    connect(m_reminders, &FollowUpReminders::due, this, &FollowUpAlerts::onDue);
    connect(m_notifier, &DesktopNotifier::unavailable, this, &FollowUpAlerts::sayInWindow);
    connect(m_notifier, &DesktopNotifier::answered, this,
            [this](const FollowUp &followUp, DesktopNotifier::Answer answer) {
                switch (answer) {
                case DesktopNotifier::Answer::Open:
                    // A fresh listing: the agent acts on what Care360 holds now.
                    m_windows->handle(
                        ConsoleServices::optionsFor(followUp.profile, followUp.caseId), {});
                    return;
                case DesktopNotifier::Answer::SnoozeHour:
                    m_reminders->snoozeForAnHour(followUp);
                    return;
                case DesktopNotifier::Answer::SnoozeTomorrow:
                    m_reminders->snoozeUntilTomorrow(followUp, Preferences().followUpHour());
                    return;
                }
            });
}

void FollowUpAlerts::onDue(const FollowUp &followUp)
{
    if (!Preferences().followUpReminders())
        return;
    if (!DesktopNotifier::isAvailable())
        return sayInWindow(followUp);
    m_notifier->notify(followUp, ConsoleServices::environmentLabel(followUp.profile));
}

void FollowUpAlerts::sayInWindow(const FollowUp &followUp)
{
    const QList<MainWindow *> windows = m_windows->windows();
    if (windows.isEmpty())
        return;
    windows.constLast()->showNotice(
        CaseWorkspace::NoticeKind::Info,
        tr("Follow-up due %1: %2 (%3, case %4).")
            .arg(EscalationPresenter::localDateTimeText(followUp.followUpDueAt),
                 UntrustedText::shown(followUp.title),
                 ConsoleServices::environmentLabel(followUp.profile), followUp.caseId));
}

} // namespace Care360
