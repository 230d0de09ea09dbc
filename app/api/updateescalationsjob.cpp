#include "updateescalationsjob.h"

namespace Care360 {

UpdateEscalationsJob::UpdateEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                                           const QList<EscalationUpdate> &updates, QObject *parent)
    : ApiJob(settings, caseId, updates, parent)
{
}

std::optional<RequestSchema::SchemaError> UpdateEscalationsJob::validateLocally() const
{
    if (std::optional<RequestSchema::SchemaError> error = ApiJob::validateLocally())
        return error;
    // The server would accept an item without changes; the console never means to send one.
    for (int i = 0; i < updates().size(); ++i) {
        if (updates().at(i).isEmpty())
            return RequestSchema::SchemaError {
                QStringLiteral("escalations.%1").arg(i),
                QStringLiteral(
                    "at least one of note, followUpDueAt or assignedToEmail is required")
            };
    }
    return std::nullopt;
}

} // namespace Care360
