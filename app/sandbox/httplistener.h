#pragma once

#include <QAbstractHttpServer>

#include <functional>

namespace Care360::Sandbox {

class HttpExchange;

// QtHttpServer parses HTTP; this hands every parsed request on as an HttpExchange so that the
// answer can be sent later (QHttpServer's routes must answer synchronously in Qt 6.4).
class HttpListener : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = std::function<void(HttpExchange *)>;
    explicit HttpListener(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Care360::Sandbox
