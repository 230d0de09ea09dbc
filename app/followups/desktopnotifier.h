#pragma once

#include "models/followup.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

namespace Care360 {

// Reminders as desktop notifications: the freedesktop Notifications service on the session
// bus (GNOME, KDE, and most Linux desktops). A notification shows on lock screens: it names
// the escalation's title, the organisation and the time, never a note or anything a patient
// said. Its actions open the case or snooze the reminder.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    enum class Answer { Open, SnoozeHour, SnoozeTomorrow };

    // desktopEntry: the .desktop file's name without ".desktop", for the desktop's grouping.
    explicit DesktopNotifier(const QString &desktopEntry, QObject *parent = nullptr);

    // Whether a notification service runs on the session bus now.
    static bool isAvailable();
    // profileLabel: the organisation as the agent reads it.
    void notify(const FollowUp &followUp, const QString &profileLabel);

    // The summary and body a follow-up's notification carries (plain and markup-escaped).
    static QString summaryFor(const FollowUp &followUp);
    static QString bodyFor(const FollowUp &followUp, const QString &profileLabel);

signals:
    void answered(const Care360::FollowUp &followUp, Care360::DesktopNotifier::Answer answer);
    // No notification service answered: the window must say it instead.
    void unavailable(const Care360::FollowUp &followUp);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QString m_desktopEntry;
    QHash<uint, FollowUp> m_shown;
};

} // namespace Care360
