#include "escalation.h"

namespace Care360 {

QStringList EscalationUpdate::fieldNames() const
{
    QStringList names;
    if (note)
        names << QStringLiteral("note");
    if (followUpDueAt)
        names << QStringLiteral("followUpDueAt");
    if (assignedToEmail)
        names << QStringLiteral("assignedToEmail");
    return names;
}

} // namespace Care360
