#include "httpexchange.h"

#include "httpcompat.h"
#include "wipe.h"

#include "models/wirenames.h"

#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QTcpSocket>

#include <cctype>
#include <type_traits>

namespace Care360::Sandbox {

namespace {

// A buffer of our own, not shared with QtHttpServer's, so that it can be wiped.
QByteArray ownCopy(const QByteArray &bytes)
{
    return QByteArray(bytes.constData(), bytes.size());
}

// QHttpServerRequest::headers() is a list of pairs in Qt 6.4 and a QHttpHeaders in 6.8.
template<typename RequestHeaders> HttpExchange::Headers headerPairs(const RequestHeaders &headers)
{
    HttpExchange::Headers pairs;
    pairs.reserve(headers.size());
    if constexpr (std::is_convertible_v<RequestHeaders, HttpExchange::Headers>) {
        for (const auto &header : headers)
            pairs.append({ ownCopy(header.first), ownCopy(header.second) });
    } else {
        for (qsizetype i = 0; i < headers.size(); ++i) {
            const QLatin1StringView name = headers.nameAt(i);
            pairs.append(
                { QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray() });
        }
    }
    return pairs;
}

// The API key values of QtHttpServer's own copy of the headers, sharing its buffers.
template<typename RequestHeaders>
QList<QByteArray> sharedKeyValues(const RequestHeaders &headers, const QByteArray &name)
{
    if constexpr (std::is_convertible_v<RequestHeaders, HttpExchange::Headers>) {
        QList<QByteArray> values;
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                values << header.second;
        }
        return values;
    } else {
        return headers.values(name);
    }
}

} // namespace

HttpExchange::HttpExchange(const QHttpServerRequest &request, QTcpSocket *socket,
                           QHttpServerResponder &&responder, QObject *parent)
    : QObject(parent)
    , m_method(QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                              int(request.method())))
                   .toUpper())
    , m_path(request.url().path(QUrl::FullyEncoded))
    , m_body(ownCopy(request.body()))
    , m_headers(headerPairs(request.headers()))
    , m_socket(socket)
{
    // QtHttpServer has logged and handed on the request, and keeps it until the connection's
    // next request or its end: its key and body are wiped now, ours once answered.
    Wipe::shared(request.body());
    for (const QByteArray &key :
         sharedKeyValues(request.headers(), Wire::bytes(Wire::apiKeyHeader)))
        Wipe::shared(key);
    m_responder.emplace(std::move(responder));
    m_timer.start();
    if (socket)
        watchConnection(socket);
}

HttpExchange::~HttpExchange()
{
    forgetRequest();
    // Run from the event loop, so below this frame lie QtHttpServer's dead parsing frames too.
    Wipe::stackBelow();
}

void HttpExchange::forgetRequest()
{
    if (m_forgotten)
        return;
    m_forgotten = true;
    Wipe::readBuffer(m_socket);
    Wipe::owned(m_body);
    for (auto &[name, value] : m_headers) {
        Wipe::owned(name);
        Wipe::owned(value);
    }
    m_headers.clear();
    // The request was parsed (JSON) below the caller, SandboxServer::respond: pieces stay there.
    Wipe::stackBelow();
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

void HttpExchange::drop()
{
    if (m_socket)
        m_socket->abort();
}

void HttpExchange::send(int status, const QByteArray &contentType, const QByteArray &body,
                        const Headers &extraHeaders)
{
    if (!isConnected())
        return;
    writeHead(status, contentType, body.size(), extraHeaders);
    writeBody(body);
}

void HttpExchange::sendHead(int status, const QByteArray &contentType, qint64 contentLength)
{
    if (isConnected())
        writeHead(status, contentType, contentLength, {});
}

void HttpExchange::sendBodyPart(const QByteArray &part)
{
    if (isConnected())
        writeBody(part);
}

#if CARE360_HTTP_RESPONDER_API

// QtHttpServer 6.5+ has no public way to send a head with Content-Length and then the body in
// parts (6.8 writes partial answers chunked), so the exchange writes HTTP/1.1 on the socket
// itself, as Qt 6.4's responder did. The responder is only held: while it lives, QtHttpServer
// reads no further request from the connection; destroying it hands the connection back.

namespace {

// "HTTP/1.1 429 Too Many Requests": the reason phrase from QtHttpServer's name for the status.
QByteArray statusLine(int status)
{
    const char *name = QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(status);
    QByteArray phrase;
    for (const char *c = name; c && *c; ++c) {
        if (c != name && std::isupper(static_cast<unsigned char>(*c)))
            phrase += ' ';
        phrase += *c;
    }
    if (phrase == "Ok")
        phrase = "OK";
    return QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + phrase + "\r\n";
}

void writeHeadTo(QTcpSocket *socket, int status, const QByteArray &contentType,
                 qint64 contentLength, const HttpExchange::Headers &extraHeaders = {})
{
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    for (const auto &header : extraHeaders)
        head += header.first + ": " + header.second + "\r\n";
    head += "\r\n";
    socket->write(head);
}

} // namespace

void HttpExchange::watchConnection(QTcpSocket *socket)
{
    // QtHttpServer keeps a closed connection's socket until its responder is gone.
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        m_responder.reset();
        deleteLater();
    });
}

void HttpExchange::writeHead(int status, const QByteArray &contentType, qint64 contentLength,
                             const Headers &extraHeaders)
{
    writeHeadTo(m_socket, status, contentType, contentLength, extraHeaders);
}

void HttpExchange::writeBody(const QByteArray &part)
{
    m_socket->write(part);
}

#else // QtHttpServer 6.4

void HttpExchange::watchConnection(QTcpSocket *socket)
{
    // The request object and the socket die together; nothing may be written after that.
    connect(socket, &QObject::destroyed, this, [this] {
        m_responder.reset();
        deleteLater();
    });
}

void HttpExchange::writeHead(int status, const QByteArray &contentType, qint64 contentLength,
                             const Headers &extraHeaders)
{
    m_responder->writeStatusLine(QHttpServerResponder::StatusCode(status));
    m_responder->writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    m_responder->writeHeader(QByteArrayLiteral("Content-Length"),
                             QByteArray::number(contentLength));
    for (const auto &header : extraHeaders)
        m_responder->writeHeader(header.first, header.second);
}

void HttpExchange::writeBody(const QByteArray &part)
{
    m_responder->writeBody(part);
}

#endif

} // namespace Care360::Sandbox

#include "moc_httpexchange.cpp"
