#pragma once

#include "updateescalationsjob.h"

namespace Care360 {

// Reads a case's active escalations. The API has no read endpoint, so this sends
// UPDATE_ESCALATION naming one fresh random escalation ID: the documented 400 "Escalation not
// found" answer carries the active list and changes nothing. That answer becomes Kind::Listed.
class FetchEscalationsJob : public UpdateEscalationsJob {
    Q_OBJECT

public:
    // The random ID this job asks for (never an existing escalation).
    QString probeId() const { return m_probeId; }

protected:
    ApiOutcome interpretResponse(int httpStatus, const QByteArray &body) const override;
    bool changesState() const override { return false; }

private:
    friend class ApiClient;
    FetchEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                        const QString &probeId, QObject *parent);
    static FetchEscalationsJob *create(const ApiJobSettings &settings, const QString &caseId,
                                       QObject *parent);

    QString m_probeId;
};

} // namespace Care360
