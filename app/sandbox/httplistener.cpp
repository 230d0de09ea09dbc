#include "httplistener.h"

#include "httpexchange.h"
#include "sandboxlogging.h"

#include <QHttpServerRequest>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Care360::Sandbox {

HttpListener::HttpListener(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

HttpListener::~HttpListener()
{
    // Pending exchanges hold responders that point into QtHttpServer's connection objects, which
    // ~QAbstractHttpServer deletes: the exchanges go first.
    qDeleteAll(findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly));
}

#if CARE360_HTTP_RESPONDER_API

namespace {

// Accepts connections as QTcpServer does and remembers their sockets: QtHttpServer 6.5+ hands a
// request on with a responder only, and the sandbox needs the socket (drops, write pacing).
class SocketTrackingServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

    QTcpSocket *socketFor(const QHttpServerRequest &request) const
    {
        for (const QPointer<QTcpSocket> &socket : m_sockets) {
            if (socket && socket->peerPort() == request.remotePort()
                && socket->peerAddress() == request.remoteAddress()
                && socket->localPort() == request.localPort())
                return socket;
        }
        return nullptr;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        m_sockets.removeAll(nullptr);
        m_sockets.append(socket);
        addPendingConnection(socket);
    }

private:
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace

quint16 HttpListener::startListening(const QHostAddress &address, quint16 port)
{
    // QAbstractHttpServer::listen() is gone in 6.8: listen on a server of our own and bind it.
    auto *server = new SocketTrackingServer(this);
    if (!server->listen(address, port)) {
        qCCritical(lcSandboxServer, "listen failed: %ls", qUtf16Printable(server->errorString()));
        delete server;
        return 0;
    }
    bind(server);
    return server->serverPort();
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = nullptr;
    for (QTcpServer *server : servers()) {
        auto *tracking = dynamic_cast<SocketTrackingServer *>(server);
        if (tracking && !socket)
            socket = tracking->socketFor(request);
    }
    if (!socket)
        qCWarning(lcSandboxServer) << "no connection found for a request from"
                                   << request.remoteAddress().toString() << request.remotePort();
    m_handler(new HttpExchange(request, socket, std::move(responder), this));
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest &, HttpCompat::MissingConnection)
{
    // Unreachable: handleRequest() accepts every request.
}

#else // QtHttpServer 6.4

quint16 HttpListener::startListening(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

bool HttpListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(new HttpExchange(request, socket, makeResponder(request, socket), this));
    return true;
}

void HttpListener::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // Unreachable: handleRequest() accepts every request.
}

#endif

} // namespace Care360::Sandbox

#include "moc_httplistener.cpp"
