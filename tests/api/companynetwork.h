#pragma once

// A company network on this machine, made of real parts: tinyproxy asking for a Basic login, and
// socat terminating TLS with a certificate from a test CA (a TLS-inspecting proxy's, or a
// company's own) in front of the in-process sandbox. Both are Debian packages the scripts install.
#include <QHostAddress>
#include <QHostInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace Care360::TestSupport {

inline quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

inline bool waitForPort(const QHostAddress &address, quint16 port)
{
    return QTest::qWaitFor(
        [&] {
            QTcpSocket socket;
            socket.connectToHost(address, port);
            return socket.waitForConnected(200);
        },
        10000);
}

inline bool runTool(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(": ")
            + QString::fromLocal8Bit(process.readAll()) + process.errorString();
        return false;
    }
    return true;
}

struct CompanyNetwork {
    QTemporaryDir dir;
    QProcess proxy;
    QProcess tls;
    quint16 proxyPort = 0;
    quint16 tlsPort = 0;
    QString host; // this machine's name: not "localhost", so the proxy is used for it
    QHostAddress hostAddress;
    static inline const QString proxyUser = QStringLiteral("agent");
    // tinyproxy's configuration takes letters, digits, "-", "." and "_" only.
    static inline const QString proxyPassword = QStringLiteral("s3cr-t.p4ss_w");

    ~CompanyNetwork()
    {
        for (QProcess *process : { &proxy, &tls }) {
            process->kill();
            process->waitForFinished();
        }
    }

    QString path(const QString &name) const { return dir.filePath(name); }
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString proxyUrl(bool withLogin) const
    {
        const QString login = withLogin
            ? QStringLiteral("%1:%2@").arg(
                proxyUser, QString::fromLatin1(QUrl::toPercentEncoding(proxyPassword)))
            : QString();
        return QStringLiteral("http://") + login + proxyName();
    }
    QString proxyName() const { return QStringLiteral("127.0.0.1:%1").arg(proxyPort); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("https://%1:%2").arg(host).arg(tlsPort)); }

    // Empty when every part runs; otherwise why not (the test fails with it).
    QString start(quint16 sandboxPort)
    {
        // Qt's system proxies (and the CLI's proxy variables, like them) skip loopback addresses
        // and "localhost", so the TLS front is reached by this machine's name, which Debian's
        // /etc/hosts maps to a loopback address.
        host = QHostInfo::localHostName();
        const QHostInfo info = QHostInfo::fromName(host);
        for (const QHostAddress &address : info.addresses()) {
            if (address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
                hostAddress = address;
        }
        if (hostAddress.isNull())
            return QStringLiteral("the host name %1 does not resolve to an IPv4 loopback "
                                  "address (Debian's /etc/hosts maps it to 127.0.1.1)")
                .arg(host);
        QString error;
        if (!makeCertificates(&error))
            return error;
        proxyPort = freePort();
        tlsPort = freePort();
        QFile config(path(QStringLiteral("tinyproxy.conf")));
        if (!config.open(QIODevice::WriteOnly))
            return config.errorString();
        config.write(QStringLiteral("Port %1\nListen 127.0.0.1\nTimeout 30\nMaxClients 20\n"
                                    "Allow 127.0.0.1\nBasicAuth %2 %3\n")
                         .arg(proxyPort)
                         .arg(proxyUser, proxyPassword)
                         .toUtf8());
        config.close();
        proxy.setProcessChannelMode(QProcess::MergedChannels);
        proxy.start(QStringLiteral("tinyproxy"),
                    { QStringLiteral("-d"), QStringLiteral("-c"), config.fileName() });
        tls.setProcessChannelMode(QProcess::MergedChannels);
        tls.start(
            QStringLiteral("socat"),
            { QStringLiteral("OPENSSL-LISTEN:%1,bind=%2,reuseaddr,fork,cert=%3,key=%4,verify=0")
                  .arg(tlsPort)
                  .arg(hostAddress.toString(), path(QStringLiteral("server.pem")),
                       path(QStringLiteral("server.key"))),
              QStringLiteral("TCP:127.0.0.1:%1").arg(sandboxPort) });
        if (!waitForPort(QHostAddress::LocalHost, proxyPort))
            return QStringLiteral("tinyproxy did not start: ")
                + QString::fromLocal8Bit(proxy.readAll());
        if (!waitForPort(hostAddress, tlsPort))
            return QStringLiteral("socat did not start: ") + QString::fromLocal8Bit(tls.readAll());
        return QString();
    }

private:
    bool makeCertificates(QString *error)
    {
        const QString openssl = QStringLiteral("openssl");
        const QString extensions = path(QStringLiteral("server.ext"));
        QFile ext(extensions);
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write(QStringLiteral("subjectAltName=DNS:%1\nextendedKeyUsage=serverAuth\n")
                      .arg(host)
                      .toUtf8());
        ext.close();
        return runTool(openssl,
                       { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=Care360 test inspection CA"),
                         QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                         QStringLiteral("-out"), caFile() },
                       error)
            && runTool(openssl,
                       { QStringLiteral("req"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=") + host,
                         QStringLiteral("-keyout"), path(QStringLiteral("server.key")),
                         QStringLiteral("-out"), path(QStringLiteral("server.csr")) },
                       error)
            && runTool(openssl,
                       { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         path(QStringLiteral("server.csr")), QStringLiteral("-CA"), caFile(),
                         QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), extensions,
                         QStringLiteral("-out"), path(QStringLiteral("server.pem")) },
                       error);
    }
};

} // namespace Care360::TestSupport
