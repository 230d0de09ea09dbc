#include "followup.h"

#include "escalation.h"

#include <QLocale>

namespace Care360 {

FollowUp FollowUp::fromEscalation(const QString &profile, const QString &caseId,
                                  const Escalation &escalation, const QDateTime &refreshedAt)
{
    FollowUp followUp;
    followUp.profile = profile;
    followUp.caseId = caseId;
    followUp.escalationId = escalation.id;
    followUp.type = escalation.type;
    followUp.title = escalation.title;
    followUp.followUpDueAt = escalation.followUpDueAt.value_or(QDateTime());
    followUp.assignedToUserId = escalation.assignedToUserId.value_or(QString());
    followUp.updatedAt = escalation.updatedAt.value_or(QDateTime());
    followUp.refreshedAt = refreshedAt;
    return followUp;
}

bool FollowUp::needsReminder(const QDateTime &nowUtc) const
{
    if (!followUpDueAt.isValid() || followUpDueAt > nowUtc)
        return false;
    if (snoozedUntil.isValid())
        return snoozedUntil <= nowUtc;
    return remindedFor != followUpDueAt;
}

DueGroups::Group DueGroups::groupOf(const QDateTime &dueUtc, const QDateTime &nowUtc)
{
    if (dueUtc < nowUtc)
        return Overdue;
    const QDate today = nowUtc.toLocalTime().date();
    const QDate day = dueUtc.toLocalTime().date();
    if (day == today)
        return Today;
    if (day == today.addDays(1))
        return Tomorrow;
    // The rest of the week the agent's locale starts on Monday (or Sunday, or Saturday).
    const int firstDay = int(QLocale().firstDayOfWeek());
    const int daysIntoWeek = (today.dayOfWeek() - firstDay + 7) % 7;
    const QDate weekEnd = today.addDays(6 - daysIntoWeek);
    return day <= weekEnd ? ThisWeek : Later;
}

QString DueGroups::name(Group group)
{
    switch (group) {
    case Overdue:
        return tr("Overdue");
    case Today:
        return tr("Today");
    case Tomorrow:
        return tr("Tomorrow");
    case ThisWeek:
        return tr("This week");
    case Later:
        return tr("Later");
    }
    return QString();
}

} // namespace Care360
