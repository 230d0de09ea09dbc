#pragma once

#include <QLoggingCategory>

namespace Care360::Sandbox {

// The sandbox's own category ("care360.sandbox"), so care360_sandbox does not depend on
// care360_app. Never log the API key or note text.
Q_DECLARE_LOGGING_CATEGORY(lcSandboxServer)

} // namespace Care360::Sandbox
