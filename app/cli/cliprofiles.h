#pragma once

#include "clioptions.h"
#include "models/profile.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace Care360 {

// The CLI's organisation profiles: which one a command talks to, and `profile list|add|rename|
// remove`. Profiles are the console's own (the same settings and keychain entries).
class CliProfiles {
    Q_DECLARE_TR_FUNCTIONS(CliProfiles)
public:
    // The profile a list, update, key or directory command uses: --profile or CARE360_PROFILE;
    // else the one standing for --env/--base-url; else the only profile; else, with none,
    // Production's address as before profiles. Several and none named: nullopt, with the
    // sentence that lists them.
    static std::optional<Profile> resolve(const CliOptions &options, QTextStream &err);
    // The name asked for, from --profile or CARE360_PROFILE; empty when neither.
    static QString askedName(const CliOptions &options);
    static int run(const CliOptions &options, QTextStream &out, QTextStream &err);

private:
    static int list(CliOptions::Format format, QTextStream &out, QTextStream &err);
    static int add(const CliOptions &options, QTextStream &out, QTextStream &err);
    static int rename(const CliOptions &options, QTextStream &out, QTextStream &err);
    static int remove(const CliOptions &options, QTextStream &out, QTextStream &err);
    static QString names(const QList<Profile> &profiles);
};

} // namespace Care360
