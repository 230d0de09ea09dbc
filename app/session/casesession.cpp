#include "casesession.h"

#include "app/api/apiclient.h"
#include "app/api/apijob.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/logging.h"
#include "models/clock.h"
#include "models/escalationtablemodel.h"

namespace Care360 {

namespace {
QString actionName(CaseSession::Action action)
{
    switch (action) {
    case CaseSession::Action::Load:
        return QStringLiteral("load");
    case CaseSession::Action::Refresh:
        return QStringLiteral("refresh");
    case CaseSession::Action::Send:
        return QStringLiteral("send");
    case CaseSession::Action::None:
        break;
    }
    return QString();
}
} // namespace

CaseSession::CaseSession(ApiClient *client, EscalationTableModel *model, ActivityLog *log,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
    , m_log(log)
{
}

bool CaseSession::load(const QString &caseId)
{
    return fetch(caseId, Action::Load);
}

bool CaseSession::refresh()
{
    return !m_caseId.isEmpty() && fetch(m_caseId, Action::Refresh);
}

bool CaseSession::fetch(const QString &caseId, Action action)
{
    if (isBusy())
        return false;
    m_lastCaseId = caseId;
    ApiJob *job = m_client->fetchActiveEscalations(caseId);
    connect(job, &ApiJob::finished, this, [this, caseId, action](const ApiOutcome &outcome) {
        onFetched(caseId, action, outcome);
    });
    track(job, action, caseId, {});
    return true;
}

bool CaseSession::send()
{
    if (isBusy() || m_caseId.isEmpty())
        return false;
    m_snapshot = m_model->snapshot();
    if (m_snapshot.updates.isEmpty())
        return false;
    const QStringList fields = EscalationUpdate::fieldNames(m_snapshot.updates);
    ApiJob *job = m_client->updateEscalations(m_caseId, m_snapshot.updates);
    connect(job, &ApiJob::finished, this, &CaseSession::onSent);
    track(job, Action::Send, m_caseId, fields);
    return true;
}

void CaseSession::cancel()
{
    if (m_job)
        m_job->cancel();
}

void CaseSession::close()
{
    cancel();
    m_caseId.clear();
    m_model->setCaseEscalations(QString(), {});
}

void CaseSession::track(ApiJob *job, Action action, const QString &caseId,
                        const QStringList &fields)
{
    m_job = job;
    m_lastAction = action;
    connect(job, &ApiJob::finished, this, [this, job, action, caseId, fields](const ApiOutcome &o) {
        if (m_log) {
            m_log->append({ Clock::currentDateTimeUtc(), m_environmentName, caseId,
                            actionName(action), ApiOutcome::kindName(o.kind), o.requestId, fields,
                            o.userMessage() });
        }
        if (m_job == job)
            m_job.clear();
        emit busyChanged(false);
        emit finished(action, o);
    });
    emit busyChanged(true);
}

void CaseSession::onFetched(const QString &caseId, Action action, const ApiOutcome &outcome)
{
    if (outcome.kind != ApiOutcome::Kind::Listed)
        return;
    if (action == Action::Load && caseId != m_caseId) {
        m_caseId = caseId;
        m_model->setCaseEscalations(caseId, outcome.escalations);
    } else {
        m_model->applyListing(outcome.escalations);
    }
}

void CaseSession::onSent(const ApiOutcome &outcome)
{
    m_model->applyOutcome(m_snapshot, outcome);
    m_snapshot = {};
}

} // namespace Care360
