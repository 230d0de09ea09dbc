#include "escalation.h"
#include "models/wirenames.h"

namespace Care360 {

QStringList EscalationUpdate::fieldNames() const
{
    QStringList names;
    if (note)
        names << Wire::note;
    if (followUpDueAt)
        names << Wire::followUpDueAt;
    if (assignedToEmail)
        names << Wire::assignedToEmail;
    return names;
}

QStringList EscalationUpdate::fieldNames(const QList<EscalationUpdate> &updates)
{
    QStringList names;
    for (const EscalationUpdate &update : updates) {
        for (const QString &name : update.fieldNames()) {
            if (!names.contains(name))
                names << name;
        }
    }
    return names;
}

} // namespace Care360
