#pragma once

#include "models/followup.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Care360 {

class AssigneeDirectory;

// What due prints, in list's three forms: a table for people (server text made inert, local
// times), CSV and JSON for scripts (the stored text exactly, wire dates in UTC).
class DueOutput {
    Q_DECLARE_TR_FUNCTIONS(DueOutput)

public:
    // When (Overdue, Today, ... at nowUtc), due, title, case, profile, assignee, last refreshed.
    static QString table(const QList<FollowUp> &followUps, const AssigneeDirectory &people,
                         const QDateTime &nowUtc);
    // RFC 4180 with a header row, every cell neutralised as list --format csv does.
    static QByteArray csv(const QList<FollowUp> &followUps, const AssigneeDirectory &people);
    // An array of objects, one line, escaped as list --json is; assignedToUserId and assignee
    // null when there is none.
    static QByteArray json(const QList<FollowUp> &followUps, const AssigneeDirectory &people);
};

} // namespace Care360
