#include "apiclient.h"

#include "fetchescalationsjob.h"
#include "updateescalationsjob.h"

namespace Care360 {

ApiClient::ApiClient(QNetworkAccessManager *networkAccessManager, QObject *parent)
    : QObject(parent)
{
    m_settings.networkAccessManager = networkAccessManager;
}

void ApiClient::setBaseUrl(const QUrl &baseUrl)
{
    m_settings.baseUrl = baseUrl;
}

void ApiClient::setApiKey(const QString &apiKey)
{
    m_settings.apiKey = apiKey;
}

void ApiClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_settings.timeout = timeout;
}

void ApiClient::setDeadline(std::chrono::milliseconds deadline)
{
    m_settings.deadline = deadline;
}

UpdateEscalationsJob *ApiClient::updateEscalations(const QString &caseId,
                                                   const QList<EscalationUpdate> &updates)
{
    auto *job = new UpdateEscalationsJob(m_settings, caseId, updates, false, this);
    job->start();
    return job;
}

FetchEscalationsJob *ApiClient::fetchActiveEscalations(const QString &caseId)
{
    FetchEscalationsJob *job = FetchEscalationsJob::create(m_settings, caseId, this);
    job->start();
    return job;
}

} // namespace Care360

#include "moc_apiclient.cpp"
