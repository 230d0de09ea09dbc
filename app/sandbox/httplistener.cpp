#include "httplistener.h"

#include "httpexchange.h"

namespace Care360::Sandbox {

HttpListener::HttpListener(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
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

} // namespace Care360::Sandbox
