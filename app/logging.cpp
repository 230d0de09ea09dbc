#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "care360.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "care360.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "care360.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDrafts, "care360.drafts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetwork, "care360.network", QtInfoMsg)
