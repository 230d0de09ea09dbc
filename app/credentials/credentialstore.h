#pragma once

#include "credentialresult.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

namespace QKeychain {
class Job;
}

namespace Care360 {

// The API key in the OS keychain (QtKeychain, insecure fallback off): one service name (the
// application id) and one entry per environment origin. Every operation is asynchronous and
// answers with exactly one signal carrying the baseUrl it was called with.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // "cv-api-key@<scheme://host[:port]>": origin only, default ports dropped; empty when the
    // URL has no scheme or host.
    static QString keyName(const QUrl &baseUrl);
    static QString serviceName();
    // Trimmed key, or nullopt with a sentence when empty, whitespace-only or multi-line.
    static std::optional<QString> normalizeKey(const QString &input, QString *errorMessage);

    void read(const QUrl &baseUrl);
    void write(const QUrl &baseUrl, const QString &key);
    void remove(const QUrl &baseUrl);

    // The copy kept for this run only because the keychain could not be used.
    std::optional<QString> memoryKey(const QUrl &baseUrl) const;
    bool keychainUnavailable() const { return m_unavailable; }
    QString unavailableMessage() const;
    // On by default; the CLI turns it off since its process ends right away.
    void setMemoryFallbackEnabled(bool enabled) { m_memoryFallback = enabled; }

signals:
    void readFinished(const QUrl &baseUrl, const Care360::CredentialResult &result);
    void writeFinished(const QUrl &baseUrl, const Care360::CredentialResult &result);
    void removeFinished(const QUrl &baseUrl, const Care360::CredentialResult &result);

private:
    void startJob(QKeychain::Job *job, const QUrl &baseUrl, CredentialResult::Operation operation,
                  const QString &key);
    void finishJob(QKeychain::Job *job, const QUrl &baseUrl, CredentialResult::Operation operation,
                   const QString &key);
    void deliver(const QUrl &baseUrl, const QString &name, const CredentialResult &result);
    // Emits the operation's signal from the event loop, so callers always connect first.
    void emitLater(const QUrl &baseUrl, const CredentialResult &result);
    void emitNow(const QUrl &baseUrl, const CredentialResult &result);

    QHash<QString, QString> m_memoryKeys; // key name -> key, only when the keychain failed
    bool m_unavailable = false;
    bool m_memoryFallback = true;
    QString m_unavailableDetail;
};

} // namespace Care360
