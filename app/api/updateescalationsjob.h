#pragma once

#include "apijob.h"

#include "models/escalation.h"

namespace Care360 {

// UPDATE_ESCALATION (POST /api/v1/cases/:caseId) with the agent's changes: only the fields set in
// each item go on the wire. With FetchEscalationsJob, the only code that knows this API action.
class UpdateEscalationsJob : public ApiJob {
    Q_OBJECT

public:
    QString caseId() const { return m_caseId; }
    // Wire names of the fields the updates set (never their values).
    QStringList fieldNames() const { return EscalationUpdate::fieldNames(m_updates); }

protected:
    // itemsMayBeEmpty: the listing probe sends an item without changes on purpose.
    UpdateEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                         const QList<EscalationUpdate> &updates, bool itemsMayBeEmpty,
                         QObject *parent);

    ApiRequest prepare() const override;

private:
    friend class ApiClient;

    QString m_caseId;
    QList<EscalationUpdate> m_updates;
    bool m_itemsMayBeEmpty;
};

} // namespace Care360
