#pragma once

#include <QHttpServerResponder>
#include <QtGlobal>

class QTcpSocket;

// The one place that knows which QAbstractHttpServer request API this build has; httplistener.cpp
// and httpexchange.cpp each have one implementation per API, chosen by this macro.
// QtHttpServer 6.5 replaced the socket in handleRequest()/missingHandler() by a movable responder.
#define CARE360_HTTP_RESPONDER_API (QT_VERSION >= QT_VERSION_CHECK(6, 5, 0))

namespace Care360::Sandbox::HttpCompat {

#if CARE360_HTTP_RESPONDER_API
using RequestConnection = QHttpServerResponder &;
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
// 6.7 passes missingHandler()'s responder by lvalue reference (6.5 and 6.6: by rvalue reference).
using MissingConnection = QHttpServerResponder &;
#else
using MissingConnection = QHttpServerResponder &&;
#endif
#else
using RequestConnection = QTcpSocket *;
using MissingConnection = QTcpSocket *;
#endif

} // namespace Care360::Sandbox::HttpCompat
