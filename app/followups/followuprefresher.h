#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace Care360 {

class ApiClient;
class ConsoleServices;
struct ApiOutcome;
struct CredentialResult;

// "Refresh all": lists the cases of the follow-ups record again, one at a time, at most
// perMinute a minute (each listing is an UPDATE_ESCALATION probe Care360 logs), waits what a
// Retry-After asks, stops for a profile whose key is refused (ApiOutcome::Kind::InvalidApiKey;
// a 401 *permission denied* concerns one case only), and waits while any window is sending.
class FollowUpRefresher : public QObject {
    Q_OBJECT
public:
    explicit FollowUpRefresher(ConsoleServices *services, QObject *parent = nullptr);
    ~FollowUpRefresher() override;

    void setPerMinute(int perMinute);
    // Every case of the record, the least recently listed first.
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // done of total; current names the case being listed ("" when waiting).
    void progress(int done, int total, const QString &current);
    // A sentence for the agent: how many were listed, what could not be and why.
    void finished(const QString &sentence);

private:
    struct Place {
        QString profile;
        QString caseId;
    };
    void next();
    void listWithKey(const Place &place, const QUrl &baseUrl, const QString &key);
    void onKeyRead(const QString &profileId, const CredentialResult &result);
    void onListed(const Place &place, const ApiOutcome &outcome);
    void skipProfile(const QString &profile, const QString &why);
    void finish(bool cancelled);
    bool anyWindowSending() const;
    std::optional<std::pair<QUrl, QString>> practiceServer(int organisation,
                                                           QString *problem) const;

    ConsoleServices *m_services;
    ApiClient *m_client;
    QTimer m_wait;
    QElapsedTimer m_sinceLastStart;
    int m_intervalMs;
    qint64 m_notBeforeMs = 0; // on m_sinceLastStart's clock: a Retry-After's end
    bool m_running = false;
    bool m_requestOut = false;
    QList<Place> m_queue;
    std::optional<Place> m_waitingForKey;
    QString m_waitingProfileId; // the profile whose key m_waitingForKey waits for
    QHash<QString, QString> m_keys; // profile -> key, for this run only
    QHash<QString, QString> m_skipped; // profile -> why
    int m_total = 0;
    int m_done = 0;
    int m_listed = 0;
    QStringList m_failures;
};

} // namespace Care360
