#include "networksetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <optional>

namespace Care360::NetworkSetup {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Care360::NetworkSetup", text);
}

QList<QSslCertificate> certificatesIn(const QString &file)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromPath(file, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromPath(file, QSsl::Der);
    return certificates;
}
} // namespace

QList<QSslCertificate> readCaBundle(const QString &file, QString *error)
{
    const QString shown = QDir::toNativeSeparators(file);
    const QFileInfo info(file);
    if (!info.exists()) {
        *error = tr("There is no file %1.").arg(shown);
        return {};
    }
    if (!info.isFile() || !info.isReadable()) {
        *error = tr("The certificate authority file %1 cannot be read.").arg(shown);
        return {};
    }
    const QList<QSslCertificate> certificates = certificatesIn(file);
    if (certificates.isEmpty())
        *error =
            tr("The certificate authority file %1 holds no certificate (PEM or DER).").arg(shown);
    return certificates;
}

QList<QSslCertificate> readCaDirectories(const QString &directories, QString *error)
{
    QList<QSslCertificate> certificates;
    const QStringList paths = directories.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString &path : paths) {
        const QDir directory(path);
        for (const QFileInfo &file : directory.entryInfoList(QDir::Files | QDir::Readable))
            certificates += certificatesIn(file.filePath());
    }
    if (certificates.isEmpty())
        *error = tr("The certificate authority directory %1 holds no certificate (PEM or DER).")
                     .arg(QDir::toNativeSeparators(directories));
    return certificates;
}

void trustAlso(const QList<QSslCertificate> &certificates)
{
    // Touching QSslConfiguration loads the TLS backend and, to add to them, every system root:
    // tens of milliseconds that a start with nothing to add (most starts, and every http://
    // sandbox run) does not pay. The system's configuration is kept as it was before the first
    // change, so that choosing another file (or none) stops trusting the one chosen before.
    static std::optional<QSslConfiguration> system;
    if (!system && certificates.isEmpty())
        return;
    if (!system)
        system = QSslConfiguration::defaultConfiguration();
    // The default configuration is what every new connection copies: the system's roots are
    // still there, and nothing here ignores an error.
    QSslConfiguration configuration = *system;
    if (!certificates.isEmpty())
        configuration.addCaCertificates(certificates);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

void applyProxy(QNetworkAccessManager *network, const ProxyChoice &choice)
{
    switch (choice.mode) {
    case ProxyChoice::Mode::System:
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        network->setProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
        break;
    case ProxyChoice::Mode::None:
        network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxyChoice::Mode::Manual:
        network->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, choice.host, choice.port));
        break;
    }
}

namespace {
bool noProxyFor(const QString &host)
{
    QString list = qEnvironmentVariable("no_proxy");
    if (list.isEmpty())
        list = qEnvironmentVariable("NO_PROXY");
    for (QString entry : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed();
        if (entry == QLatin1String("*"))
            return true;
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (host.compare(entry, Qt::CaseInsensitive) == 0
            || host.endsWith(QLatin1Char('.') + entry, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString firstSet(std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QString();
}

} // namespace

QUrl environmentProxy(const QUrl &target)
{
    if (QHostAddress(target.host()).isLoopback()
        || target.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
        || noProxyFor(target.host()))
        return QUrl();
    QString text = target.scheme() == QLatin1String("https")
        ? firstSet({ "https_proxy", "HTTPS_PROXY" })
        : firstSet({ "http_proxy" });
    if (text.isEmpty())
        text = firstSet({ "all_proxy", "ALL_PROXY" });
    if (text.isEmpty())
        return QUrl();
    // "proxy.example:3128" is common and means http:// (QUrl would take "proxy.example" for
    // a scheme).
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    return QUrl(text);
}

ProxyChoice cliProxy(const QUrl &target)
{
    ProxyChoice choice = Preferences().proxy();
    if (choice.mode != ProxyChoice::Mode::System
        || firstSet({ "https_proxy", "HTTPS_PROXY", "http_proxy", "all_proxy", "ALL_PROXY",
                      "no_proxy", "NO_PROXY" })
               .isEmpty())
        return choice;
    const QUrl url = environmentProxy(target);
    if (url.host().isEmpty()) {
        choice.mode = ProxyChoice::Mode::None;
    } else {
        choice.mode = ProxyChoice::Mode::Manual;
        choice.host = url.host();
        choice.port = quint16(url.port(1080));
    }
    return choice;
}

QString proxyName(const QString &host, int port)
{
    return host + QLatin1Char(':') + QString::number(port);
}

QString proxyFor(const QNetworkAccessManager *network, const QUrl &url)
{
    QNetworkProxy proxy = network->proxy();
    if (proxy.type() == QNetworkProxy::DefaultProxy) {
        const QList<QNetworkProxy> proxies =
            QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
        proxy = proxies.value(0, QNetworkProxy(QNetworkProxy::NoProxy));
    }
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.hostName().isEmpty())
        return QString();
    return proxyName(proxy.hostName(), proxy.port());
}

} // namespace Care360::NetworkSetup
