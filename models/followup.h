#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Care360 {

struct Escalation;

// One active escalation as the console last saw it, kept so that follow-ups come back to the
// agent across cases (the Follow-ups view, reminders, the CLI's due). Never its note.
struct FollowUp {
    QString profile; // where the case was listed, as the drafts journal names it ("Sandbox")
    QString caseId;
    QString escalationId;
    QString type;
    QString title;
    QDateTime followUpDueAt; // UTC; invalid: none set
    QString assignedToUserId; // empty: unassigned
    QDateTime updatedAt; // UTC; invalid when the server did not say
    QDateTime refreshedAt; // UTC: when the console last listed the case
    QDateTime remindedFor; // the follow-up a reminder was shown for (again once it changes)
    QDateTime snoozedUntil; // UTC; invalid: not snoozed

    static FollowUp fromEscalation(const QString &profile, const QString &caseId,
                                   const Escalation &escalation, const QDateTime &refreshedAt);
    // Due and not yet reminded of (or its snooze has ended), at nowUtc.
    bool needsReminder(const QDateTime &nowUtc) const;
};

// When a follow-up is due, as the agent's calendar groups it (local time, the locale's week).
class DueGroups {
    Q_DECLARE_TR_FUNCTIONS(Care360::DueGroups)
public:
    enum Group { Overdue, Today, Tomorrow, ThisWeek, Later };
    static constexpr int count = Later + 1;

    static Group groupOf(const QDateTime &dueUtc, const QDateTime &nowUtc);
    static QString name(Group group);
};

} // namespace Care360
