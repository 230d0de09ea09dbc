#pragma once

#include "models/escalation.h"
#include "models/qtcompat.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// Small builders shared by the model tests.
namespace Care360::Fixtures {

inline QString escalationId(int n)
{
    return QStringLiteral("%1-e5f6-4890-abcd-ef1234567890").arg(n, 8, 16, QLatin1Char('0'));
}

inline QString userId(int n)
{
    return QStringLiteral("%1-1111-4222-8333-444455556666").arg(n, 8, 16, QLatin1Char('0'));
}

inline QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QtCompat::utcDateTime(QDate(year, month, day), QTime(hour, minute));
}

inline Escalation escalation(int n, const QString &title = QStringLiteral("Address verification"))
{
    Escalation e;
    e.id = escalationId(n);
    e.type = QStringLiteral("support");
    e.title = title;
    e.createdAt = utc(2025, 5, 10, 8);
    e.updatedAt = utc(2025, 5, 19, 9);
    return e;
}

inline Escalation withNote(Escalation e, const QString &note)
{
    e.note = note;
    return e;
}

inline Escalation withDue(Escalation e, const QDateTime &due)
{
    e.followUpDueAt = due;
    return e;
}

inline Escalation withAssignee(Escalation e, const QString &user)
{
    e.assignedToUserId = user;
    return e;
}

} // namespace Care360::Fixtures
