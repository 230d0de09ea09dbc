#pragma once

#include "httpcompat.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

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
    ~HttpListener() override;

    // Listens on address and port (0: a free one); returns the port, or 0 when that fails.
    quint16 startListening(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request,
                       HttpCompat::RequestConnection connection) override;
    void missingHandler(const QHttpServerRequest &request,
                        HttpCompat::MissingConnection connection) override;

private:
    Handler m_handler;
};

} // namespace Care360::Sandbox
