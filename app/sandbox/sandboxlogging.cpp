#include "sandboxlogging.h"

namespace Care360::Sandbox {

Q_LOGGING_CATEGORY(lcSandboxServer, "care360.sandbox", QtInfoMsg)

} // namespace Care360::Sandbox
