#pragma once

#include "credentialresult.h"

#include "app/exitcodes.h"
#include "models/profile.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace Care360 {

// `key set` (reads one line from stdin, no echo on a TTY), `key forget`, `key status` for a
// profile. Never prints the key. Needs a QCoreApplication.
int runKeyCommand(const QString &subcommand, const Profile &profile, QTextStream &out,
                  QTextStream &err);

// Blocking keychain calls through a local event loop (for the CLI, which never keeps a key in
// memory). Needs a QCoreApplication.
CredentialResult readKeyBlocking(const Profile &profile);
CredentialResult removeKeyBlocking(const Profile &profile);
// The stored key, or nullopt with the sentence to show (also when no key is saved yet).
std::optional<QString> loadKeyBlocking(const Profile &profile, QString *errorMessage);
// How the CLI names a profile: "Acme Pharmacy — Production (https://api…)", or the address.
QString profileDescription(const Profile &profile);

} // namespace Care360
