#pragma once

// Shared by the credential tests: a real Secret Service is required (scripts/test provides it).
#include "app/credentials/credentialstore.h"
#include "models/profile.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace KeychainTest {

// A base URL no other run or test uses, so the real keychain is never disturbed.
QUrl uniqueUrl(const QString &label);
// Runs one store operation on the address's entry (cv-api-key@<origin>, as keys were kept before
// profiles) and returns its result (fails the test on timeout).
Care360::CredentialResult waitFor(
    Care360::CredentialStore &store, const QUrl &url,
    void (Care360::CredentialStore::*start)(const QString &),
    void (Care360::CredentialStore::*finished)(const QString &, const Care360::CredentialResult &));
Care360::CredentialResult writeKey(Care360::CredentialStore &store, const QUrl &url,
                                   const QString &key);
Care360::CredentialResult readKey(Care360::CredentialStore &store, const QUrl &url);
Care360::CredentialResult removeKey(Care360::CredentialStore &store, const QUrl &url);
// An address without a profile, as the CLI's --env sandbox --base-url names one: its key is in
// the address's own entry.
Care360::Profile address(const QUrl &url);
// `secret-tool search --all server <service>` output (stdout and stderr).
QString secretToolSearch();
// Files under the roots whose bytes contain needle; *scanned counts the files read.
QStringList filesContaining(const QStringList &roots, const QByteArray &needle, int *scanned);
// The test session (scripts/in-test-session), HOME and the XDG base directories of env.
QStringList homeAndXdgRoots(const QProcessEnvironment &env);

} // namespace KeychainTest
