#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include <optional>

class QHttpServerRequest;
class QTcpSocket;

namespace Care360::Sandbox {

// One request parsed by QtHttpServer and its pending answer. Answers may be sent later (delays,
// trickles), so the request is copied (into buffers of its own, wiped once it is answered) and
// the socket is watched: it may close at any time.
class HttpExchange : public QObject {
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    HttpExchange(const QHttpServerRequest &request, QTcpSocket *socket,
                 QHttpServerResponder &&responder, QObject *parent);
    ~HttpExchange() override;

    QByteArray method() const { return m_method; }
    QString path() const { return m_path; }
    QByteArray body() const { return m_body; }
    Headers headers() const { return m_headers; }
    QByteArray header(const QByteArray &name) const;
    qint64 elapsedMs() const { return m_timer.elapsed(); }
    bool isConnected() const;
    QTcpSocket *socket() const { return m_socket; }

    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const Headers &extraHeaders = {});
    // For answers written in parts: status line and headers now, body parts later.
    void sendHead(int status, const QByteArray &contentType, qint64 contentLength);
    void sendBodyPart(const QByteArray &part);
    // Closes the connection without an answer.
    void drop();
    // Once answered: the body and headers (the key, note text) are wiped; the destructor does it
    // too. The method and path stay for the log line.
    void forgetRequest();

private:
    // Lets go of the responder and ends the exchange when the connection is gone.
    void watchConnection(QTcpSocket *socket);
    // One implementation per QtHttpServer request API (see httpcompat.h).
    void writeHead(int status, const QByteArray &contentType, qint64 contentLength,
                   const Headers &extraHeaders);
    void writeBody(const QByteArray &part);

    QByteArray m_method;
    QString m_path;
    QByteArray m_body;
    Headers m_headers;
    QPointer<QTcpSocket> m_socket;
    std::optional<QHttpServerResponder> m_responder;
    QElapsedTimer m_timer;
    bool m_forgotten = false;
};

} // namespace Care360::Sandbox
