#pragma once

#include "credentialresult.h"

#include "models/profile.h"

#include <QObject>

#include <optional>

namespace Care360 {

class CredentialStore;

// A profile's API key in the keychain, in an entry of its own keyed by the profile's id
// ("cv-api-key#<id>"), never by its name. The profile that stands for an address takes over the
// key that address had before profiles: when its own entry is empty, the old one
// (cv-api-key@<origin>) is read, copied into its own and only then deleted, so an interrupted
// move loses nothing. A profile without an id is an address alone (the CLI's standalone sandbox):
// its key stays in the address's entry. Each call answers with exactly one signal carrying the
// profile's id.
class ProfileKeys : public QObject {
    Q_OBJECT
public:
    explicit ProfileKeys(CredentialStore *store, QObject *parent = nullptr);

    static QString entryName(const QString &profileId);
    // The entry this profile's key is in: its own, or an address's for one without an id.
    static QString entryOf(const Profile &profile);

    void read(const Profile &profile);
    void write(const Profile &profile, const QString &key);
    // Its own entry, and the address's old one for the profile that stands for it: a forgotten
    // key must not come back from there.
    void remove(const Profile &profile);
    std::optional<QString> memoryKey(const Profile &profile) const;
    CredentialStore *store() const { return m_store; }

signals:
    void readFinished(const QString &profileId, const Care360::CredentialResult &result);
    void writeFinished(const QString &profileId, const Care360::CredentialResult &result);
    void removeFinished(const QString &profileId, const Care360::CredentialResult &result);

private:
    // The address's old entry this profile takes over, if any.
    static QString oldEntryOf(const Profile &profile);

    CredentialStore *m_store;
};

} // namespace Care360
