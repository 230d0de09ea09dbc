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

// Entries of the OS keychain (QtKeychain, insecure fallback off): one service name (the
// application id), entries by name (a profile's, see ProfileKeys, or an address's from before
// profiles). Every operation is asynchronous and answers with exactly one signal carrying the
// entry it was called with.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // The entry an address's key had before profiles (Profile::addressKeyEntry).
    static QString keyName(const QUrl &baseUrl);
    static QString serviceName();
    // Trimmed key, or nullopt with a sentence when empty, whitespace-only or multi-line.
    static std::optional<QString> normalizeKey(const QString &input, QString *errorMessage);

    void read(const QString &entry);
    void write(const QString &entry, const QString &key);
    void remove(const QString &entry);

    // The copy kept for this run only because the keychain could not be used.
    std::optional<QString> memoryKey(const QString &entry) const;
    bool keychainUnavailable() const { return m_unavailable; }
    QString unavailableMessage() const;
    // On by default; the CLI turns it off since its process ends right away.
    void setMemoryFallbackEnabled(bool enabled) { m_memoryFallback = enabled; }

signals:
    void readFinished(const QString &entry, const Care360::CredentialResult &result);
    void writeFinished(const QString &entry, const Care360::CredentialResult &result);
    void removeFinished(const QString &entry, const Care360::CredentialResult &result);

private:
    void startJob(QKeychain::Job *job, const QString &entry, CredentialResult::Operation operation,
                  const QString &key);
    void finishJob(QKeychain::Job *job, CredentialResult::Operation operation, const QString &key);
    void deliver(const QString &entry, const CredentialResult &result);
    // Emits the operation's signal from the event loop, so callers always connect first.
    void emitLater(const QString &entry, const CredentialResult &result);
    void emitNow(const QString &entry, const CredentialResult &result);

    QHash<QString, QString> m_memoryKeys; // key name -> key, only when the keychain failed
    bool m_unavailable = false;
    bool m_memoryFallback = true;
    QString m_unavailableDetail;
};

} // namespace Care360
