#include "httpexchange.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QTcpSocket>

namespace Care360::Sandbox {

HttpExchange::HttpExchange(const QHttpServerRequest &request, QTcpSocket *socket,
                           QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent)
    , m_method(QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                              int(request.method())))
                   .toUpper())
    , m_path(request.url().path(QUrl::FullyEncoded))
    , m_body(request.body())
    , m_headers(request.headers())
    , m_socket(socket)
{
    m_responder.emplace(std::move(responder));
    m_timer.start();
    // The request object and the socket die together; nothing may be written after that.
    connect(socket, &QObject::destroyed, this, [this] {
        m_responder.reset();
        deleteLater();
    });
}

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

bool HttpExchange::isConnected() const
{
    return m_socket && m_responder && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpExchange::send(int status, const QByteArray &contentType, const QByteArray &body,
                        const Headers &extraHeaders)
{
    if (!isConnected())
        return;
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode(status));
    m_responder->writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    m_responder->writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto &header : extraHeaders)
        m_responder->writeHeader(header.first, header.second);
    m_responder->writeBody(body);
}

void HttpExchange::sendHead(int status, const QByteArray &contentType, qint64 contentLength)
{
    if (!isConnected())
        return;
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode(status));
    m_responder->writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    m_responder->writeHeader(QByteArrayLiteral("Content-Length"),
                             QByteArray::number(contentLength));
}

void HttpExchange::sendBodyPart(const QByteArray &part)
{
    if (isConnected())
        m_responder->writeBody(part);
}

void HttpExchange::drop()
{
    if (m_socket)
        m_socket->abort();
}

} // namespace Care360::Sandbox
