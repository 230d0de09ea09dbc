#pragma once

#include "models/environment.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace Care360 {

// What the command line (or a later launch, or the start screen) asks a workspace to open.
struct StartupOptions {
    std::optional<Environment::Kind> environment; // without a profile: the one for this address
    QUrl baseUrl; // Custom environment
    QString caseId; // loaded once the environment is ready
    QString sandboxDataFile;
    QString profile; // --profile: a profile's name or id (practice ones by id); wins over the rest
};

} // namespace Care360
