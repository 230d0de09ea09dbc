#pragma once

#include "app/session/preferences.h"

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

// How this process reaches Care360 through a company network: the proxy the agent chose and the
// organisation's certificate authorities (TLS inspection). Shared by the console and the CLI.
namespace Care360::NetworkSetup {

// The certificates of a PEM or DER file; none, with a sentence in *error, when there is no such
// file, it cannot be read or it holds no certificate.
QList<QSslCertificate> readCaBundle(const QString &file, QString *error);
// The certificates of every file in the directories of an OpenSSL SSL_CERT_DIR value (one
// directory, or several separated by ':'); none, with a sentence, when they hold none.
QList<QSslCertificate> readCaDirectories(const QString &directories, QString *error);
// Every TLS connection of this process from now on trusts the system's roots plus these (and
// no longer any added before); verification is never relaxed.
void trustAlso(const QList<QSslCertificate> &certificates);

// System: QNetworkProxyFactory's system configuration (libproxy, https_proxy and no_proxy);
// None: direct; Manual: the given HTTP proxy for every request.
void applyProxy(QNetworkAccessManager *network, const ProxyChoice &choice);
// The proxy URL the environment names for a request to target, as curl reads it: https_proxy
// (or HTTPS_PROXY) for https, http_proxy for http, else all_proxy (ALL_PROXY); "host:port"
// means http://. Empty when none, for loopback targets (as Qt's system proxies), or when
// no_proxy (NO_PROXY) lists target's host ("*", a host, or a domain with or without its dot).
QUrl environmentProxy(const QUrl &target);
// The command line's proxy: the console's choice, unless it is the system's and a proxy
// variable is set: then the variables decide (libproxy ignores all_proxy, "host:port" and
// no_proxy's "*"), as they do for curl.
ProxyChoice cliProxy(const QUrl &target);

// "host:port": how a proxy is named to the agent and in its keychain entry.
QString proxyName(const QString &host, int port);
// "host:port" of the proxy a request to url goes through, empty when it goes direct.
QString proxyFor(const QNetworkAccessManager *network, const QUrl &url);

} // namespace Care360::NetworkSetup
