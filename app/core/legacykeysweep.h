#pragma once

#include "models/profile.h"

#include <QList>
#include <QObject>

namespace Care360 {

class ProfileKeys;

// The first start with profiles, for the keys the console kept per address before: Production's,
// Staging's and the remembered custom address's each move to the profile standing for that
// address, made for it when there is a key and none stands for it yet. QtKeychain cannot list
// entries, so an address the settings never knew moves the first time something names it
// (ProfileStore::forAddress). Runs again at the next start until every address has answered.
class LegacyKeySweep : public QObject {
    Q_OBJECT
public:
    explicit LegacyKeySweep(ProfileKeys *keys, QObject *parent = nullptr);

    void start();

signals:
    // A profile was made for a key found.
    void profilesChanged();
    void finished();

private:
    void next();

    ProfileKeys *m_keys;
    QList<Environment> m_addresses;
    Profile m_current;
    bool m_made = false; // m_current was made by this sweep
    bool m_complete = true; // every address answered (no keychain error)
};

} // namespace Care360
