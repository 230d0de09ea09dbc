#pragma once

#include "apijob.h"

namespace Care360 {

// UPDATE_ESCALATION with the agent's changes: only the fields set in each item go on the wire.
class UpdateEscalationsJob : public ApiJob {
    Q_OBJECT

protected:
    std::optional<RequestSchema::SchemaError> validateLocally() const override;

private:
    friend class ApiClient;
    UpdateEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                         const QList<EscalationUpdate> &updates, QObject *parent);
};

} // namespace Care360
