#pragma once

#include <QLoggingCategory>

// One category per area, so QT_LOGGING_RULES can switch each on or off.
// Never log the API key or note text: both are secrets (the latter patient information).
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcDrafts)
Q_DECLARE_LOGGING_CATEGORY(lcNetwork)
