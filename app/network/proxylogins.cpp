#include "proxylogins.h"

#include "app/credentials/credentialstore.h"
#include "app/logging.h"
#include "app/network/networksetup.h"

#include <QAuthenticator>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <qt6keychain/keychain.h>

namespace Care360 {

ProxyLogins::ProxyLogins(QNetworkAccessManager *network)
    : QObject(network)
{
    setObjectName(QStringLiteral("proxyLogins"));
    connect(network, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            &ProxyLogins::onAuthenticationRequired);
}

ProxyLogins *ProxyLogins::logins(const QNetworkAccessManager *network)
{
    return network ? network->findChild<ProxyLogins *>(QString(), Qt::FindDirectChildrenOnly)
                   : nullptr;
}

void ProxyLogins::refused(const QString &proxy)
{
    m_logins.remove(proxy);
    m_keychainRead.insert(proxy); // the saved one is what was refused, or was overridden
    m_refused.insert(proxy);
    // Qt keeps the login it was given and would offer the same one again without asking.
    if (auto *network = qobject_cast<QNetworkAccessManager *>(parent()))
        network->clearAccessCache();
}

void ProxyLogins::useForThisRun(const QString &proxy, const Login &login)
{
    m_logins.insert(proxy, login);
    m_keychainRead.insert(proxy); // the given login wins over a saved one
}

QString ProxyLogins::keychainEntry(const QString &proxy)
{
    return QStringLiteral("proxy-login@") + proxy;
}

std::optional<std::pair<QString, ProxyLogins::Login>> ProxyLogins::fromProxyUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty())
        return std::nullopt;
    const QString proxy = NetworkSetup::proxyName(url.host(), url.port(1080));
    return std::make_pair(
        proxy, Login { url.userName(QUrl::FullyDecoded), url.password(QUrl::FullyDecoded) });
}

void ProxyLogins::onAuthenticationRequired(const QNetworkProxy &proxy,
                                           QAuthenticator *authenticator)
{
    const QString name = NetworkSetup::proxyName(proxy.hostName(), proxy.port());
    if (!m_keychainRead.contains(name)) {
        m_keychainRead.insert(name);
        if (const std::optional<Login> saved = m_keychain ? readKeychain(name) : std::nullopt)
            m_logins.insert(name, *saved);
    }
    // Qt asks again, with the login it tried, when the proxy turned that login down.
    if (!authenticator->user().isEmpty() && m_logins.contains(name)
        && authenticator->user() == m_logins.value(name).user)
        refused(name);
    if (!m_logins.contains(name)) {
        const bool wasRefused = m_refused.contains(name);
        const std::optional<Login> typed = m_asker ? m_asker(name, wasRefused) : std::nullopt;
        if (!typed) {
            qCInfo(lcNetwork) << "proxy" << name << "login not given";
            return; // the request ends with the proxy's 407
        }
        m_logins.insert(name, *typed);
        m_refused.remove(name);
        if (m_keychain)
            writeKeychain(name, *typed);
    }
    ++m_given;
    authenticator->setUser(m_logins.value(name).user);
    authenticator->setPassword(m_logins.value(name).password);
}

std::optional<ProxyLogins::Login> ProxyLogins::readKeychain(const QString &proxy)
{
    QKeychain::ReadPasswordJob job(CredentialStore::serviceName());
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(keychainEntry(proxy));
    QEventLoop loop;
    connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError) {
        if (job.error() != QKeychain::EntryNotFound)
            qCInfo(lcNetwork) << "proxy login not read from the keychain:" << job.error();
        return std::nullopt;
    }
    const QJsonObject saved = QJsonDocument::fromJson(job.binaryData()).object();
    if (saved.value(QLatin1String("user")).toString().isEmpty())
        return std::nullopt;
    return Login { saved.value(QLatin1String("user")).toString(),
                   saved.value(QLatin1String("password")).toString() };
}

void ProxyLogins::writeKeychain(const QString &proxy, const Login &login)
{
    auto *job = new QKeychain::WritePasswordJob(CredentialStore::serviceName(), this);
    job->setInsecureFallback(false);
    job->setKey(keychainEntry(proxy));
    job->setBinaryData(QJsonDocument(QJsonObject { { QLatin1String("user"), login.user },
                                                   { QLatin1String("password"), login.password } })
                           .toJson(QJsonDocument::Compact));
    connect(job, &QKeychain::Job::finished, this, [proxy](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError)
            qCWarning(lcNetwork) << "proxy login for" << proxy
                                 << "not kept in the keychain:" << done->error();
    });
    job->start();
}

} // namespace Care360

#include "moc_proxylogins.cpp"
