#include "instancerelay.h"

#include "app/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace Care360 {

namespace {
constexpr int kTimeoutMs = 3000;
// A request is a few arguments; anything longer is not a console talking.
constexpr qint64 kMaxRequestBytes = 64 * 1024;
const QString kArguments = QStringLiteral("arguments");
const QString kToken = QStringLiteral("activationToken");
} // namespace

InstanceRelay::InstanceRelay(const QString &scope, QObject *parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("instanceRelay"));
    // XDG_RUNTIME_DIR is the user's own (0700), emptied at logout; hashed, the name says nothing.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QByteArray name =
        QCryptographicHash::hash(scope.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = runtime + QStringLiteral("/care360-escalations-") + QString::fromLatin1(name)
        + QStringLiteral(".socket");
}

InstanceRelay::~InstanceRelay() = default;

InstanceRelay::Role InstanceRelay::start(const QStringList &arguments,
                                         const QByteArray &activationToken)
{
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0); // a lock left by a killed launch is recognised by its process ID
    if (!lock.tryLock(kTimeoutMs)) {
        qCWarning(lcApp) << "could not take the single-instance lock; running alone";
        return Role::Alone;
    }
    if (handOver(arguments, activationToken))
        return Role::HandedOver;
    // Nobody answered: whatever socket file is there was left by a console that is gone.
    QLocalServer::removeServer(m_path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_path)) {
        qCWarning(lcApp) << "could not listen for other launches:" << m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Role::Alone;
    }
    connect(m_server, &QLocalServer::newConnection, this, &InstanceRelay::onConnection);
    qCInfo(lcApp) << "running; later launches hand over through" << m_path;
    return Role::Running;
}

bool InstanceRelay::handOver(const QStringList &arguments, const QByteArray &activationToken)
{
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (!socket.waitForConnected(kTimeoutMs))
        return false;
    const QJsonObject request { { kArguments, QJsonArray::fromStringList(arguments) },
                                { kToken, QString::fromUtf8(activationToken) } };
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    // The running console answers once it has taken the request.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kTimeoutMs))
            return false;
    }
    const bool taken = socket.readLine().trimmed() == "ok";
    if (taken)
        qCInfo(lcApp) << "handed this launch over to the running console";
    return taken;
}

void InstanceRelay::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > kMaxRequestBytes) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
            QStringList arguments;
            for (const QJsonValue &value : request.value(kArguments).toArray())
                arguments.append(value.toString());
            socket->write("ok\n");
            socket->flush();
            socket->disconnectFromServer();
            qCInfo(lcApp) << "another launch handed over its request";
            emit requested(arguments, request.value(kToken).toString().toUtf8());
        });
    }
}

} // namespace Care360

#include "moc_instancerelay.cpp"
