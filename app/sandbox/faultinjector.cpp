#include "faultinjector.h"

#include "httpexchange.h"

#include <QTcpSocket>
#include <QTimer>

namespace Care360::Sandbox {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
constexpr int kSlowSlices = 10;
constexpr qint64 kHugeChunk = 256 * 1024;

struct FaultName {
    Fault fault;
    const char *name;
};
constexpr FaultName kNames[] = { { Fault::None, "none" },
                                 { Fault::Http500, "http500" },
                                 { Fault::BadJson, "bad-json" },
                                 { Fault::Drop, "drop" },
                                 { Fault::Slow, "slow" },
                                 { Fault::Huge, "huge" },
                                 { Fault::Redirect, "redirect" },
                                 { Fault::RateLimit, "rate-limit" },
                                 { Fault::Trickle, "trickle" },
                                 { Fault::LongError, "long-error" },
                                 { Fault::HugeNotFoundList, "huge-not-found-list" } };
constexpr int kTrickleIntervalMs = 2000;

} // namespace

FaultInjector::FaultInjector(QObject *parent)
    : QObject(parent)
{
}

void FaultInjector::setFault(Fault fault, int count)
{
    m_plan.clear();
    addFault(fault, count);
}

void FaultInjector::addFault(Fault fault, int count)
{
    if (fault != Fault::None && count != 0)
        m_plan.append({ fault, count < 0 ? -1 : count });
}

Fault FaultInjector::take()
{
    if (m_plan.isEmpty())
        return Fault::None;
    Step &step = m_plan.first();
    const Fault fault = step.fault;
    if (step.remaining > 0 && --step.remaining == 0)
        m_plan.removeFirst();
    return fault;
}

int FaultInjector::answer(Fault fault, HttpExchange *exchange)
{
    int status = 0;
    switch (fault) {
    case Fault::None:
    case Fault::Slow:
        Q_ASSERT_X(false, "FaultInjector::answer", "not a replacing fault");
        break;
    case Fault::Http500:
        status = 500;
        exchange->send(status, QByteArrayLiteral("text/html; charset=utf-8"),
                       QByteArrayLiteral("<!DOCTYPE html><html><head><title>500 Internal Server "
                                         "Error</title></head><body><h1>Internal Server Error"
                                         "</h1></body></html>"));
        break;
    case Fault::BadJson:
        status = 200;
        exchange->send(
            status, kJson,
            QByteArrayLiteral("{\"status\":200,\"success\":true,\"message\":\"Escalation("
                              "s) updated successfully\",\"data\":{\"escalations\":[{\"id"));
        break;
    case Fault::Drop:
        exchange->drop();
        break;
    case Fault::Redirect:
        status = 302;
        exchange->send(status, QByteArrayLiteral("text/html; charset=utf-8"),
                       QByteArrayLiteral("<html><body>Moved</body></html>"),
                       { { QByteArrayLiteral("Location"),
                           QByteArrayLiteral("http://127.0.0.2:1/elsewhere") } });
        break;
    case Fault::RateLimit:
        status = 429;
        exchange->send(status, kJson,
                       QByteArrayLiteral("{\"status\":429,\"success\":false,\"message\":\"Invalid "
                                         "request\",\"error\":\"Too many requests\"}"),
                       { { QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2") } });
        break;
    case Fault::Huge:
        writeHuge(exchange);
        return 200;
    case Fault::Trickle:
        writeTrickle(exchange);
        return 200;
    case Fault::LongError: {
        status = 500;
        QByteArray text = QByteArrayLiteral("\\u001b]0;owned\\u0007\\u001b[2J");
        text += QByteArray(longErrorSize, 'x');
        exchange->send(status, kJson,
                       QByteArrayLiteral("{\"status\":500,\"success\":false,\"message\":"
                                         "\"Internal error\",\"error\":\"")
                           + text + QByteArrayLiteral("\"}"));
        break;
    }
    case Fault::HugeNotFoundList: {
        status = 400;
        QByteArray ids =
            QByteArrayLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210,").repeated(notFoundRepeats);
        ids.chop(1);
        exchange->send(status, kJson,
                       QByteArrayLiteral("{\"status\":400,\"success\":false,\"message\":"
                                         "\"Invalid request\",\"error\":\"Escalation not found: ")
                           + ids + QByteArrayLiteral("\",\"data\":{\"escalations\":[]}}"));
        break;
    }
    }
    exchange->deleteLater();
    return status;
}

void FaultInjector::writeHuge(HttpExchange *exchange)
{
    // Valid JSON once complete, so a client must refuse it by size, not by parse error.
    const QByteArray head =
        QByteArrayLiteral("{\"status\":200,\"success\":true,\"data\":{\"escalations\":[");
    const QByteArray tail = QByteArrayLiteral("]}}");
    exchange->sendHead(200, kJson, hugeBodySize);
    exchange->sendBodyPart(head);
    auto remaining = std::make_shared<qint64>(hugeBodySize - head.size());
    // Written as the socket drains, so 50 MB never sit in memory and a client may hang up early.
    auto pump = [exchange, remaining, tail] {
        QTcpSocket *socket = exchange->socket();
        while (exchange->isConnected() && *remaining > 0
               && socket->bytesToWrite() < 4 * kHugeChunk) {
            const qint64 padding = *remaining - tail.size();
            const qint64 size = qMin(kHugeChunk, padding);
            if (size > 0) {
                exchange->sendBodyPart(QByteArray(size, ' '));
                *remaining -= size;
            } else {
                exchange->sendBodyPart(tail);
                *remaining = 0;
            }
        }
        if (*remaining == 0 || !exchange->isConnected())
            exchange->deleteLater();
    };
    if (QTcpSocket *socket = exchange->socket())
        connect(socket, &QTcpSocket::bytesWritten, exchange, pump);
    pump();
}

void FaultInjector::writeTrickle(HttpExchange *exchange)
{
    // Never finishes and never goes quiet long enough for an inactivity timeout.
    exchange->sendHead(200, kJson, 1024 * 1024);
    auto timer = new QTimer(exchange);
    timer->setInterval(kTrickleIntervalMs);
    connect(timer, &QTimer::timeout, exchange, [exchange] {
        if (!exchange->isConnected())
            return exchange->deleteLater();
        exchange->sendBodyPart(QByteArrayLiteral(" "));
    });
    timer->start();
}

void FaultInjector::trickle(HttpExchange *exchange, int status, const QByteArray &body)
{
    exchange->sendHead(status, kJson, body.size());
    const qsizetype sliceSize = qMax<qsizetype>(1, (body.size() + kSlowSlices - 1) / kSlowSlices);
    auto timer = new QTimer(exchange);
    timer->setInterval(qMax(1, m_slowDurationMs / kSlowSlices));
    auto offset = std::make_shared<qsizetype>(0);
    connect(timer, &QTimer::timeout, exchange, [exchange, body, sliceSize, offset] {
        exchange->sendBodyPart(body.mid(*offset, sliceSize));
        *offset += sliceSize;
        if (*offset >= body.size() || !exchange->isConnected())
            exchange->deleteLater();
    });
    timer->start();
}

QString FaultInjector::name(Fault fault)
{
    for (const FaultName &entry : kNames) {
        if (entry.fault == fault)
            return QLatin1String(entry.name);
    }
    return QString();
}

QStringList FaultInjector::names()
{
    QStringList all;
    for (const FaultName &entry : kNames) {
        if (entry.fault != Fault::None)
            all << QLatin1String(entry.name);
    }
    return all;
}

std::optional<Fault> FaultInjector::fromName(const QString &name)
{
    for (const FaultName &entry : kNames) {
        if (name == QLatin1String(entry.name))
            return entry.fault;
    }
    return std::nullopt;
}

} // namespace Care360::Sandbox

#include "moc_faultinjector.cpp"
