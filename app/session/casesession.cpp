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
    if (isBusy() || m_caseId.isEmpty() || m_model->pendingUpdates().isEmpty())
        return false;
    m_lastAction = Action::Send;
    if (m_model->conflictCount() > 0) {
        // Known already (an earlier listing): no request at all.
        const ApiOutcome outcome = conflictOutcome();
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit finished(Action::Send, outcome); }, Qt::QueuedConnection);
        return true;
    }
    if (!m_listBeforeSend)
        return startSend();
    ApiJob *job = m_client->fetchActiveEscalations(m_caseId);
    track(job, Action::Send, m_caseId, {},
          [this](const ApiOutcome &listing) { return afterCheck(listing); });
    return true;
}

std::optional<ApiOutcome> CaseSession::afterCheck(const ApiOutcome &listing)
{
    // A listing that failed sent nothing: its own sentence says why.
    if (listing.kind != ApiOutcome::Kind::Listed)
        return listing;
    const QList<EscalationUpdate> pending = m_model->pendingUpdates();
    m_model->applyListing(listing.escalations);
    // Rows completed elsewhere meanwhile: said as Care360 would have said it, and nothing sent,
    // so the agent sees what is left before it goes.
    ApiOutcome gone = listing;
    for (const EscalationUpdate &update : pending) {
        if (m_model->indexOfEscalation(update.escalationId)
                .data(EscalationTableModel::InactiveRole)
                .toBool())
            gone.missingIds.append(update.escalationId);
    }
    if (!gone.missingIds.isEmpty()) {
        gone.kind = ApiOutcome::Kind::EscalationsNotFound;
        return gone;
    }
    if (m_model->conflictCount() > 0) {
        ApiOutcome outcome = conflictOutcome();
        outcome.requestId = listing.requestId;
        return outcome;
    }
    if (startSend())
        return std::nullopt;
    return listing; // Care360 already holds every draft (someone made the same change)
}

bool CaseSession::startSend()
{
    m_snapshot = m_model->snapshot();
    if (m_snapshot.updates.isEmpty())
        return false;
    const QStringList fields = EscalationUpdate::fieldNames(m_snapshot.updates);
    ApiJob *job = m_client->updateEscalations(m_caseId, m_snapshot.updates);
    connect(job, &ApiJob::finished, this, &CaseSession::onSent);
    track(job, Action::Send, m_caseId, fields);
    return true;
}

ApiOutcome CaseSession::conflictOutcome() const
{
    ApiOutcome outcome;
    outcome.kind = ApiOutcome::Kind::Conflict;
    outcome.conflicts = m_model->conflictCount();
    return outcome;
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
                        const QStringList &fields, const Next &next)
{
    const bool wasBusy = isBusy();
    m_job = job;
    m_lastAction = action;
    connect(job, &ApiJob::finished, this, [=](const ApiOutcome &o) {
        if (m_log) {
            // The listing before a send is a check of its own in the log.
            const QString name = next ? QStringLiteral("check") : actionName(action);
            m_log->append({ Clock::currentDateTimeUtc(), m_environmentName, caseId, name, o.kind,
                            o.requestId, fields, o.userMessage() });
        }
        // Before the job is forgotten, so that a next request keeps the session busy throughout.
        const std::optional<ApiOutcome> result = next ? next(o) : std::optional<ApiOutcome>(o);
        if (m_job == job)
            m_job.clear();
        if (!result)
            return; // the next request of this action runs
        emit busyChanged(false);
        emit finished(action, *result);
    });
    if (!wasBusy)
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

#include "moc_casesession.cpp"
