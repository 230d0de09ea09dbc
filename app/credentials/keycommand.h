#pragma once

#include "credentialresult.h"

#include <QString>
#include <QTextStream>
#include <QUrl>

#include <optional>

namespace Care360 {

// Exit codes of the CLI's `key` subcommands.
enum KeyCommandExit { KeyCommandOk = 0, KeyCommandUsage = 2, KeyCommandKeychainError = 5 };

// `key set` (reads one line from stdin, no echo on a TTY), `key forget`, `key status` for the
// environment at baseUrl. Never prints the key. Needs a QCoreApplication.
int runKeyCommand(const QString &subcommand, const QUrl &baseUrl, QTextStream &out,
                  QTextStream &err);

// Blocking read through a local event loop (for the CLI). Needs a QCoreApplication.
CredentialResult readKeyBlocking(const QUrl &baseUrl);
// The stored key, or nullopt with the sentence to show (also when no key is saved yet).
std::optional<QString> loadKeyBlocking(const QUrl &baseUrl, QString *errorMessage);

} // namespace Care360
