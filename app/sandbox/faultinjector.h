#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Care360::Sandbox {

class HttpExchange;

// Ways the sandbox can misbehave on purpose, for tests and training (docs/sandbox.md).
enum class Fault {
    None,
    Http500, // 500 with an HTML body
    BadJson, // 200 with truncated JSON
    Drop, // connection closed without an answer
    Slow, // the real answer, trickled over the slow duration
    Huge, // 200 with a 50 MB body
    Redirect, // 302 to http://127.0.0.2:1/elsewhere
    RateLimit, // 429 with Retry-After: 2 (Care360 documents no limits; a client must cope)
    Trickle, // a 200 head, then one byte every 2 s for as long as the client waits
    LongError, // 500 whose "error" is 8 MiB of text with terminal escapes in it
    HugeNotFoundList, // 400 "Escalation not found:" naming one ID a million times
};

// Holds the fault plan (which fault, for how many requests) and writes the faulty answers.
class FaultInjector : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 hugeBodySize = 50 * 1024 * 1024;
    static constexpr qint64 longErrorSize = 8 * 1024 * 1024;
    static constexpr int notFoundRepeats = 1000 * 1000;

    explicit FaultInjector(QObject *parent = nullptr);

    // Replaces the plan: the next count requests (-1: every following one) fail as fault.
    void setFault(Fault fault, int count = -1);
    // Appends to the plan: after the planned faults, count more requests fail as fault.
    void addFault(Fault fault, int count = -1);
    void setSlowDuration(int milliseconds) { m_slowDurationMs = milliseconds; }
    // The fault for the next request, counting it down.
    Fault take();

    // Answers with a fault other than Slow; returns the HTTP status sent, 0 for a drop.
    // Finishes the exchange (it is deleted once written).
    int answer(Fault fault, HttpExchange *exchange);
    // Writes the real answer in slices over the slow duration, then finishes the exchange.
    void trickle(HttpExchange *exchange, int status, const QByteArray &body);

    static QString name(Fault fault);
    static std::optional<Fault> fromName(const QString &name);
    // Every fault's name but "none", in declaration order.
    static QStringList names();

private:
    void writeHuge(HttpExchange *exchange);
    void writeTrickle(HttpExchange *exchange);

    struct Step {
        Fault fault;
        int remaining; // -1: forever
    };
    QList<Step> m_plan;
    int m_slowDurationMs = 5000;
};

} // namespace Care360::Sandbox
