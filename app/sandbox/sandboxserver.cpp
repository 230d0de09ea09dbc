#include "sandboxserver.h"

#include "models/wirenames.h"

#include "httpexchange.h"
#include "httplistener.h"
#include "sandboxlogging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

namespace Care360::Sandbox {

namespace {

Reply jsonError(int status, const QString &message, const QString &error)
{
    return { status,
             QJsonObject { { QStringLiteral("status"), status },
                           { QStringLiteral("success"), false },
                           { QStringLiteral("message"), message },
                           { QStringLiteral("error"), error } } };
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , m_listener(new HttpListener([this](HttpExchange *exchange) { onRequest(exchange); }, this))
    , m_faults(new FaultInjector(this))
{
}

SandboxServer::~SandboxServer() = default;

quint16 SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_listener->startListening(address, port);
    m_address = address;
    if (m_port == 0)
        qCWarning(lcSandboxServer) << "cannot listen on" << address.toString() << port;
    return m_port;
}

QUrl SandboxServer::baseUrl() const
{
    if (m_port == 0)
        return QUrl();
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

void SandboxServer::setFault(Fault fault, int count)
{
    m_faults->setFault(fault, count);
}

void SandboxServer::addFault(Fault fault, int count)
{
    m_faults->addFault(fault, count);
}

void SandboxServer::setSlowDuration(int milliseconds)
{
    m_faults->setSlowDuration(milliseconds);
}

void SandboxServer::onRequest(HttpExchange *exchange)
{
    emit requestReceived();
    const Fault fault = m_faults->take();
    if (m_delayMs <= 0) {
        respond(exchange, fault);
        return;
    }
    QPointer<HttpExchange> guarded(exchange);
    QTimer::singleShot(m_delayMs, this, [this, guarded, fault] {
        if (guarded)
            respond(guarded, fault);
    });
}

void SandboxServer::respond(HttpExchange *exchange, Fault fault)
{
    int status = 0;
    if (!exchange->isConnected()) {
        exchange->deleteLater();
    } else if (fault != Fault::None && fault != Fault::Slow) {
        status = m_faults->answer(fault, exchange);
    } else {
        const Reply reply = route(*exchange);
        const QByteArray body = QJsonDocument(reply.body).toJson(QJsonDocument::Compact);
        status = reply.status;
        if (fault == Fault::Slow) {
            m_faults->trickle(exchange, status, body);
        } else {
            exchange->send(status, QByteArrayLiteral("application/json"), body);
            exchange->deleteLater();
        }
    }
    // Method, path, status and duration only: never the key, never the body (note text).
    QString line = QString::fromLatin1(exchange->method()) + QLatin1Char(' ') + exchange->path()
        + QStringLiteral(" %1 %2 ms").arg(status).arg(exchange->elapsedMs());
    if (fault != Fault::None)
        line += QStringLiteral(" fault=") + FaultInjector::name(fault);
    qCInfo(lcSandboxServer).noquote() << line;
    record(*exchange, status);
    // Answered (or given up): nothing of the request is kept (docs/sandbox.md).
    exchange->forgetRequest();
    emit requestHandled(status);
}

Reply SandboxServer::route(const HttpExchange &exchange)
{
    static const QRegularExpression casePath(QStringLiteral("^/api/v1/cases/([^/]+)$"));
    const QRegularExpressionMatch match = casePath.match(exchange.path());
    if (exchange.method() != "POST" || !match.hasMatch())
        return jsonError(404, QStringLiteral("Not found"),
                         QStringLiteral("Cannot %1 %2")
                             .arg(QString::fromLatin1(exchange.method()), exchange.path()));
    if (exchange.body().size() > maxBodySize)
        return jsonError(413, QStringLiteral("Invalid request"),
                         QStringLiteral("Request body larger than 1 MiB"));
    const QString caseId = QUrl::fromPercentEncoding(match.captured(1).toUtf8());
    return m_store.handle(caseId, exchange.header(Wire::bytes(Wire::apiKeyHeader)),
                          exchange.body());
}

void SandboxServer::record(const HttpExchange &exchange, int status)
{
    if (!m_recording)
        return;
    if (m_received.size() >= maxRecordedRequests)
        m_received.removeFirst();
    // A body it refused as too large is never kept.
    m_received.append({ exchange.method(), exchange.path(),
                        status == 413 ? QByteArray() : exchange.body(), exchange.headers(),
                        status });
}

} // namespace Care360::Sandbox

#include "moc_sandboxserver.cpp"
