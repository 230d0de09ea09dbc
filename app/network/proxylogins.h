#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QAuthenticator;
class QNetworkAccessManager;
class QNetworkProxy;

namespace Care360 {

// The login a company proxy asks for (HTTP 407). Known logins are kept in memory by proxy
// ("host:port"); one the agent types is kept in the keychain under its own entry, never in the
// settings, so the console asks once. Qt's canonical flow: QNetworkAccessManager asks in the
// middle of a request and waits for the answer, so the keychain read and the question are
// answered before the slot returns.
class ProxyLogins : public QObject {
    Q_OBJECT
public:
    struct Login {
        QString user;
        QString password;
    };
    // Asks the agent for proxy's login; refused: the proxy turned the last one down. nullopt:
    // the agent declined, and the request ends with the proxy's 407.
    using Asker = std::function<std::optional<Login>(const QString &proxy, bool refused)>;

    // Lives on the network manager it answers for, where ApiJob finds it (logins(network)).
    explicit ProxyLogins(QNetworkAccessManager *network);
    static ProxyLogins *logins(const QNetworkAccessManager *network);

    void setAsker(Asker asker) { m_asker = std::move(asker); }
    // Whether a login typed in is kept in the keychain (the console) or used once (tests).
    void setKeychainEnabled(bool enabled) { m_keychain = enabled; }
    // A login for this run only, e.g. the user:password of the CLI's https_proxy URL.
    void useForThisRun(const QString &proxy, const Login &login);
    // How many times a login was handed to a proxy: a request that fails at the proxy after
    // this grew had its login turned down (Qt ends a tunnel then instead of asking again).
    int loginsGiven() const { return m_given; }
    // The proxy turned the login down: it is not used again, and the next question says so.
    void refused(const QString &proxy);
    // "proxy-login@host:port", the keychain entry of proxy's login.
    static QString keychainEntry(const QString &proxy);
    // The proxy and login written in a proxy URL (http://user:password@host:port), if any.
    static std::optional<std::pair<QString, Login>> fromProxyUrl(const QUrl &url);

private:
    void onAuthenticationRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator);
    std::optional<Login> readKeychain(const QString &proxy);
    void writeKeychain(const QString &proxy, const Login &login);

    QHash<QString, Login> m_logins;
    QSet<QString> m_keychainRead;
    QSet<QString> m_refused;
    int m_given = 0;
    Asker m_asker;
    bool m_keychain = true;
};

} // namespace Care360
