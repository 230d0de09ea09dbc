#pragma once

#include "environment.h"

#include <QMetaType>
#include <QString>

namespace Care360 {

// An organisation the agent serves, as the console and the CLI know it: a name the agent chose,
// an environment, and (in the keychain, never here) its own API key, keyed by the stable id.
// Care360 issues one key per organisation, so an agent who serves three organisations on
// Production has three profiles on one address.
struct Profile {
    QString id; // stable: the keychain entry and the profile's settings are keyed by it
    QString name; // the agent's, unique compared case-insensitively
    Environment environment;
    // Where its drafts journal, follow-ups record and open-case claims are filed. A profile
    // migrated from an environment address keeps that address's place, so nothing written
    // before profiles has to move; a new profile's place is its id.
    QString place;
    // Migrated from (or standing for) its environment's address: what --env and --base-url
    // mean when no profile is named, and the one profile that takes over the address's old
    // keychain entry (cv-api-key@<origin>).
    bool fromAddress = false;
    // A practice organisation of the sandbox (built in, console only): its index in the data.
    int practiceIndex = -1;
    // Its place in the order the agent's profiles were made: its marker's colour stays put when
    // others are renamed.
    int order = 0;

    bool isPractice() const { return practiceIndex >= 0; }
    bool isValid() const { return !id.isEmpty(); }
    // "Acme Pharmacy — Production"; the environment alone when the name is the environment's.
    QString label() const;
    // The keychain entry an address used before profiles ("cv-api-key@https://host"); empty for
    // a profile that does not stand for its address.
    QString legacyKeyEntry() const;

    // The place an environment's data was filed under before profiles: the kind's name, or a
    // custom server's old keychain entry name (its origin).
    static QString placeOf(const Environment &environment);
    // "cv-api-key@<scheme://host[:port]>", default ports dropped; empty without scheme or host.
    static QString addressKeyEntry(const QUrl &baseUrl);
    static QString practicePlace(int index);
    static QString practiceId(int index);

    friend bool operator==(const Profile &a, const Profile &b)
    {
        return a.id == b.id && a.name == b.name && a.environment == b.environment
            && a.place == b.place && a.fromAddress == b.fromAddress
            && a.practiceIndex == b.practiceIndex;
    }
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

} // namespace Care360
Q_DECLARE_METATYPE(Care360::Profile)
