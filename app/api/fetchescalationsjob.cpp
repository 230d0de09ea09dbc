#include "fetchescalationsjob.h"

#include <QUuid>

namespace Care360 {

namespace {
EscalationUpdate probeUpdate(const QString &probeId)
{
    EscalationUpdate update;
    update.escalationId = probeId;
    return update;
}
} // namespace

FetchEscalationsJob::FetchEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                                         const QString &probeId, QObject *parent)
    : UpdateEscalationsJob(settings, caseId, { probeUpdate(probeId) }, true, parent)
    , m_probeId(probeId)
{
}

FetchEscalationsJob *FetchEscalationsJob::create(const ApiJobSettings &settings,
                                                 const QString &caseId, QObject *parent)
{
    return new FetchEscalationsJob(settings, caseId,
                                   QUuid::createUuid().toString(QUuid::WithoutBraces), parent);
}

ApiOutcome FetchEscalationsJob::interpretResponse(int httpStatus, const QByteArray &body) const
{
    ApiOutcome outcome = UpdateEscalationsJob::interpretResponse(httpStatus, body);
    // Only "not found: <our probe>" is the list we asked for; any other answer keeps its meaning.
    if (outcome.kind == ApiOutcome::Kind::EscalationsNotFound && outcome.missingIds.size() == 1
        && outcome.missingIds.constFirst().compare(m_probeId, Qt::CaseInsensitive) == 0) {
        outcome.kind = ApiOutcome::Kind::Listed;
        outcome.missingIds.clear();
        outcome.serverError.clear();
    }
    return outcome;
}

} // namespace Care360

#include "moc_fetchescalationsjob.cpp"
