#pragma once

// Shared by the credential tests: a real Secret Service is required (scripts/test provides it).
#include "app/credentials/credentialstore.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace KeychainTest {

// A base URL no other run or test uses, so the real keychain is never disturbed.
QUrl uniqueUrl(const QString &label);
// Runs one store operation and returns its result (fails the test on timeout).
Care360::CredentialResult waitFor(
    Care360::CredentialStore &store, const QUrl &url,
    void (Care360::CredentialStore::*start)(const QUrl &),
    void (Care360::CredentialStore::*finished)(const QUrl &, const Care360::CredentialResult &));
Care360::CredentialResult writeKey(Care360::CredentialStore &store, const QUrl &url,
                                   const QString &key);
Care360::CredentialResult readKey(Care360::CredentialStore &store, const QUrl &url);
Care360::CredentialResult removeKey(Care360::CredentialStore &store, const QUrl &url);
// `secret-tool search --all server <service>` output (stdout and stderr).
QString secretToolSearch();
// Files under the roots whose bytes contain needle; *scanned counts the files read.
QStringList filesContaining(const QStringList &roots, const QByteArray &needle, int *scanned);
// HOME and the XDG base directories of this process's environment.
QStringList homeAndXdgRoots(const QProcessEnvironment &env);

} // namespace KeychainTest
