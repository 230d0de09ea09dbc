#pragma once

#include "app/session/preferences.h"

#include <QString>
#include <QUrl>

class QNetworkAccessManager;

// How this process reaches Care360 through a company network: the proxy the agent chose and the
// organisation's certificate authorities (TLS inspection). Shared by the console and the CLI.
namespace Care360::NetworkSetup {

// The roots every TLS connection of this process trusts become the system's plus the
// certificates of a PEM or DER file (none when file is empty); verification is never relaxed.
// Returns how many were added; 0 with a sentence in *error when the file cannot be read or holds
// no certificate, and then only the system's roots are trusted.
int useCaBundle(const QString &file, QString *error);
// The certificate authority file a CLI run adds: --ca-file, else SSL_CERT_FILE (as OpenSSL names
// it), else the console's Preferences. Empty: none.
QString cliCaBundle(const QString &caFileOption);

// System: QNetworkProxyFactory's system configuration (libproxy, https_proxy and no_proxy);
// None: direct; Manual: the given HTTP proxy for every request.
void applyProxy(QNetworkAccessManager *network, const ProxyChoice &choice);
// The proxy URL the environment names for a request to target, as curl reads it: https_proxy
// (or HTTPS_PROXY) for https, http_proxy for http, else all_proxy (ALL_PROXY); empty when none
// or when no_proxy (NO_PROXY) lists target's host ("*", a host, or a domain suffix).
QUrl environmentProxy(const QUrl &target, bool *fromAllProxy = nullptr);
// The command line's proxy: the console's choice; with the system's, all_proxy is honoured
// too (libproxy reads only the per-scheme variables).
ProxyChoice cliProxy(const QUrl &target);

// "host:port" of the proxy a request to url goes through, empty when it goes direct.
QString proxyFor(const QNetworkAccessManager *network, const QUrl &url);

} // namespace Care360::NetworkSetup
