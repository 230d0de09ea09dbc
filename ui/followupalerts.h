#pragma once

#include <QObject>

namespace Care360 {

class ConsoleServices;
class ConsoleWindows;
class DesktopNotifier;
class FollowUpReminders;
struct FollowUp;

// Puts reminders in front of the agent: a desktop notification whose actions open the case or
// snooze it, or, on a desktop without a notification service, a sentence in the newest window.
class FollowUpAlerts : public QObject {
    Q_OBJECT
public:
    FollowUpAlerts(ConsoleServices *services, ConsoleWindows *windows, const QString &desktopEntry,
                   QObject *parent = nullptr);

private:
    void onDue(const FollowUp &followUp);
    void sayInWindow(const FollowUp &followUp);

    ConsoleServices *m_services;
    ConsoleWindows *m_windows;
    FollowUpReminders *m_reminders;
    DesktopNotifier *m_notifier;
};

} // namespace Care360
