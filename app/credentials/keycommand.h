#pragma once

#include "credentialresult.h"

#include "app/exitcodes.h"

#include <QString>
#include <QTextStream>
#include <QUrl>

#include <optional>

namespace Care360 {

// `key set` (reads one line from stdin, no echo on a TTY), `key forget`, `key status` for the
// environment at baseUrl. Never prints the key. Needs a QCoreApplication.
int runKeyCommand(const QString &subcommand, const QUrl &baseUrl, QTextStream &out,
                  QTextStream &err);

// Blocking read through a local event loop (for the CLI). Needs a QCoreApplication.
CredentialResult readKeyBlocking(const QUrl &baseUrl);
// The stored key, or nullopt with the sentence to show (also when no key is saved yet).
std::optional<QString> loadKeyBlocking(const QUrl &baseUrl, QString *errorMessage);

} // namespace Care360
