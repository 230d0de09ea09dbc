#pragma once

#include "apijob.h"

#include <QObject>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace Care360 {

class FetchEscalationsJob;
class UpdateEscalationsJob;

// The only code that talks to Care360. Each call returns a started job (child of the client)
// that emits finished() once and then deletes itself.
class ApiClient : public QObject {
    Q_OBJECT

public:
    explicit ApiClient(QNetworkAccessManager *networkAccessManager, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_settings.baseUrl; }
    // Held in memory only; the credential store owns persistence.
    void setApiKey(const QString &apiKey);
    bool hasApiKey() const { return !m_settings.apiKey.isEmpty(); }
    // Silence that ends a call, and the time a call may take in all.
    void setTimeout(std::chrono::milliseconds timeout);
    void setDeadline(std::chrono::milliseconds deadline);

    UpdateEscalationsJob *updateEscalations(const QString &caseId,
                                            const QList<EscalationUpdate> &updates);
    FetchEscalationsJob *fetchActiveEscalations(const QString &caseId);

private:
    ApiJobSettings m_settings;
};

} // namespace Care360
