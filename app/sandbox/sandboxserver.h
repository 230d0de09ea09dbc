#pragma once

#include "faultinjector.h"
#include "sandboxstore.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Care360::Sandbox {

class HttpExchange;
class HttpListener;

// The local Care360 stand-in: serves POST /api/v1/cases/:caseId from a SandboxStore over HTTP.
// Fully asynchronous (delays and faults run on timers), so tests and the console can run it
// in-process on their own event loop.
class SandboxServer : public QObject {
    Q_OBJECT
public:
    using Fault = Sandbox::Fault;
    static constexpr qint64 maxBodySize = 1024 * 1024;
    static constexpr int maxRecordedRequests = 1000;

    struct ReceivedRequest {
        QByteArray method;
        QString path;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int status = 0; // 0 when no answer was sent (drop, client gone)
    };

    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    SandboxStore &store() { return m_store; }

    // Returns the bound port, 0 on failure (e.g. the port is busy).
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QUrl baseUrl() const; // e.g. http://127.0.0.1:PORT

    void setDelay(int milliseconds) { m_delayMs = milliseconds; }
    // The next count requests (-1: all following) fail as fault; Fault::None clears.
    void setFault(Fault fault, int count = -1);
    // After the planned faults, count more requests (-1: all) fail as fault.
    void addFault(Fault fault, int count = -1);
    // How long a Fault::Slow answer trickles (default 5 s).
    void setSlowDuration(int milliseconds);

    // The most recent requests (at most maxRecordedRequests), oldest first.
    QList<ReceivedRequest> receivedRequests() const { return m_received; }
    void clearReceivedRequests() { m_received.clear(); }
    // Off unless a test turns it on: a recorded request holds the key and note text.
    void setRecordingEnabled(bool enabled) { m_recording = enabled; }

signals:
    // Emitted when a request arrives, before its answer is delayed or sent.
    void requestReceived();
    // Emitted when an answer starts (or the connection was dropped); status 0 for no answer.
    void requestHandled(int status);

private:
    void onRequest(HttpExchange *exchange);
    void respond(HttpExchange *exchange, Fault fault);
    Reply route(const HttpExchange &exchange);
    void record(const HttpExchange &exchange, int status);

    SandboxStore m_store;
    HttpListener *m_listener;
    FaultInjector *m_faults;
    QHostAddress m_address;
    quint16 m_port = 0;
    int m_delayMs = 0;
    QList<ReceivedRequest> m_received;
    bool m_recording = false;
};

} // namespace Care360::Sandbox
