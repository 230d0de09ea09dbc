#pragma once

#include <QLoggingCategory>

namespace Care360::Sandbox {

// The sandbox's own category ("care360.sandbox"), so care360_sandbox does not depend on
// care360_app. Never log the API key or note text.
Q_DECLARE_LOGGING_CATEGORY(lcSandboxServer)

// For the stand-alone sandbox: QtHttpServer's own categories (qt.httpserver*, which dump every
// request with its headers) stay off whatever QT_LOGGING_RULES says unless httpDebug, and even
// then the value of a cv-api-key header never reaches the output.
void installLogGuard(bool httpDebug);
// The message with every cv-api-key header value replaced by [redacted], whole: a value in
// QDebug's quotes up to its real closing quote (escaped quotes, \xNN"" breaks included), any
// other to the end of its line. Uses no static object, so it works during exit too.
QString redactApiKeys(const QString &message);

} // namespace Care360::Sandbox
