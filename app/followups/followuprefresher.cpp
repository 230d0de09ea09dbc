#include "followuprefresher.h"

#include "followupstore.h"

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/credentials/credentialresult.h"
#include "app/credentials/credentialstore.h"
#include "app/credentials/profilekeys.h"
#include "app/logging.h"
#include "app/session/preferences.h"
#include "models/apioutcome.h"
#include "models/clock.h"
#include "models/environment.h"

#include <algorithm>

namespace Care360 {

FollowUpRefresher::FollowUpRefresher(ConsoleServices *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_client(new ApiClient(services->network(), this))
{
    setObjectName(QStringLiteral("followUpRefresher"));
    const Preferences preferences;
    m_client->setDeadline(preferences.requestDeadline());
    setPerMinute(preferences.refreshPerMinute());
    m_wait.setSingleShot(true);
    m_wait.setTimerType(Qt::PreciseTimer); // never sooner than the rate allows
    connect(&m_wait, &QTimer::timeout, this, &FollowUpRefresher::next);
    connect(services->profileKeys(), &ProfileKeys::readFinished, this,
            &FollowUpRefresher::onKeyRead);
}

FollowUpRefresher::~FollowUpRefresher() = default;

void FollowUpRefresher::setPerMinute(int perMinute)
{
    m_intervalMs = 60000 / std::clamp(perMinute, 1, 600);
}

void FollowUpRefresher::start()
{
    if (m_running)
        return;
    QList<FollowUp> known = m_services->followUpStore()->followUps();
    std::stable_sort(known.begin(), known.end(), [](const FollowUp &a, const FollowUp &b) {
        return a.refreshedAt < b.refreshedAt;
    });
    m_queue.clear();
    QSet<QString> seen;
    for (const FollowUp &followUp : std::as_const(known)) {
        const QString key = followUp.profile + QLatin1Char('\n') + followUp.caseId;
        if (!seen.contains(key)) {
            seen.insert(key);
            m_queue.append({ followUp.profile, followUp.caseId });
        }
    }
    m_keys.clear();
    m_skipped.clear();
    m_failures.clear();
    m_total = int(m_queue.size());
    m_done = m_listed = 0;
    m_notBeforeMs = 0;
    m_running = true;
    m_sinceLastStart.invalidate();
    emit progress(0, m_total, QString());
    next();
}

void FollowUpRefresher::cancel()
{
    if (m_running)
        finish(true);
}

bool FollowUpRefresher::anyWindowSending() const
{
    const QList<CaseWorkspace *> workspaces = m_services->workspaces();
    return std::any_of(workspaces.cbegin(), workspaces.cend(),
                       [](CaseWorkspace *workspace) { return workspace->isBusy(); });
}

void FollowUpRefresher::next()
{
    if (!m_running || m_requestOut || m_waitingForKey)
        return;
    if (m_queue.isEmpty())
        return finish(false);
    // The agent's own work first: nothing is listed while a window sends or lists.
    if (anyWindowSending()) {
        emit progress(m_done, m_total, QString());
        m_wait.start(1000);
        return;
    }
    qint64 waitMs = m_notBeforeMs - (m_sinceLastStart.isValid() ? m_sinceLastStart.elapsed() : 0);
    if (m_sinceLastStart.isValid())
        waitMs = std::max(waitMs, m_intervalMs - m_sinceLastStart.elapsed());
    if (waitMs > 0) {
        m_wait.start(int(waitMs));
        return;
    }
    const Place place = m_queue.takeFirst();
    if (m_skipped.contains(place.profile)) {
        ++m_done;
        return next();
    }
    const std::optional<Profile> profile = ConsoleServices::profileAt(place.profile);
    if (!profile) {
        m_failures.append(tr("%1 (its server is no longer known)").arg(place.caseId));
        ++m_done;
        return next();
    }
    if (profile->isPractice()) {
        QString problem;
        const auto practice = practiceServer(profile->practiceIndex, &problem);
        if (!practice)
            return skipProfile(place.profile, problem), next();
        return listWithKey(place, practice->first, practice->second);
    }
    const QUrl baseUrl = profile->environment.baseUrl;
    if (m_keys.contains(place.profile))
        return listWithKey(place, baseUrl, m_keys.value(place.profile));
    if (const auto key = m_services->profileKeys()->memoryKey(*profile)) {
        m_keys.insert(place.profile, *key);
        return listWithKey(place, baseUrl, *key);
    }
    m_waitingForKey = place;
    m_waitingProfileId = profile->id;
    m_services->profileKeys()->read(*profile);
}

std::optional<std::pair<QUrl, QString>> FollowUpRefresher::practiceServer(int organisation,
                                                                          QString *problem) const
{
    const PracticeServerFactory factory = m_services->sharedPracticeServer();
    if (!factory) {
        *problem = tr("This build has no practice sandbox.");
        return std::nullopt;
    }
    const std::unique_ptr<PracticeServer> server = factory(QString(), problem);
    if (!server)
        return std::nullopt;
    return std::make_pair(server->baseUrl(),
                          server->practiceOrganisations().value(organisation).key);
}

void FollowUpRefresher::onKeyRead(const QString &profileId, const CredentialResult &result)
{
    if (!m_waitingForKey || profileId != m_waitingProfileId)
        return; // a window's read, not ours
    const Place place = *m_waitingForKey;
    const std::optional<Profile> profile = ConsoleServices::profileAt(place.profile);
    const QUrl baseUrl = profile ? profile->environment.baseUrl : QUrl();
    m_waitingForKey.reset();
    if (result.status != CredentialResult::Status::Ok) {
        skipProfile(place.profile,
                    result.status == CredentialResult::Status::NotFound
                        ? tr("No API key is saved for it.")
                        : result.userMessage());
        ++m_done;
        return next();
    }
    m_keys.insert(place.profile, result.key);
    listWithKey(place, baseUrl, result.key);
}

void FollowUpRefresher::listWithKey(const Place &place, const QUrl &baseUrl, const QString &key)
{
    m_client->setBaseUrl(baseUrl);
    m_client->setApiKey(key);
    m_requestOut = true;
    m_sinceLastStart.start();
    m_notBeforeMs = 0;
    emit progress(m_done, m_total, place.caseId);
    FetchEscalationsJob *job = m_client->fetchActiveEscalations(place.caseId);
    connect(job, &ApiJob::finished, this,
            [this, place](const ApiOutcome &outcome) { onListed(place, outcome); });
}

void FollowUpRefresher::onListed(const Place &place, const ApiOutcome &outcome)
{
    m_requestOut = false;
    if (!m_running)
        return;
    if (outcome.isSuccess()) {
        m_services->followUpStore()->record(place.profile, place.caseId, outcome.escalations,
                                            Clock::currentDateTimeUtc());
        ++m_listed;
        ++m_done;
    } else if (outcome.retryAfterSeconds > 0) {
        // Care360 asked to wait: this case again once the wait is over.
        m_queue.prepend(place);
        m_notBeforeMs = qint64(outcome.retryAfterSeconds) * 1000;
    } else if (outcome.kind == ApiOutcome::Kind::InvalidApiKey) {
        skipProfile(place.profile, tr("Care360 refused its API key."));
        ++m_done;
    } else {
        m_failures.append(tr("%1 (%2)").arg(
            place.caseId, outcome.userMessage(ApiOutcome::Audience::Console, false)));
        ++m_done;
    }
    emit progress(m_done, m_total, QString());
    next();
}

void FollowUpRefresher::skipProfile(const QString &profile, const QString &why)
{
    m_skipped.insert(profile, why);
    qCInfo(lcApp) << "refresh all: the rest of a profile is skipped";
}

void FollowUpRefresher::finish(bool cancelled)
{
    m_running = false;
    m_wait.stop();
    m_queue.clear();
    m_waitingForKey.reset();
    QStringList parts;
    parts.append(
        cancelled ? tr("Refresh stopped: %1 of %Ln case(s) listed.", nullptr, m_total).arg(m_listed)
                  : tr("Refreshed %1 of %Ln case(s).", nullptr, m_total).arg(m_listed));
    for (auto it = m_skipped.cbegin(); it != m_skipped.cend(); ++it)
        parts.append(
            tr("%1 was skipped. %2").arg(ConsoleServices::environmentLabel(it.key()), it.value()));
    if (!m_failures.isEmpty())
        parts.append(tr("Not listed: %1.").arg(m_failures.join(QStringLiteral("; "))));
    emit finished(parts.join(QLatin1Char(' ')));
}

} // namespace Care360

#include "moc_followuprefresher.cpp"
