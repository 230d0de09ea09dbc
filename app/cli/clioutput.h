#pragma once

#include "app/exitcodes.h"
#include "models/apioutcome.h"

#include <QCoreApplication>
#include <QString>

namespace Care360 {

// What the CLI prints: tables for people, exit codes for scripts, one-line errors for both.
class CliOutput {
    Q_DECLARE_TR_FUNCTIONS(CliOutput)

public:
    static int exitCode(const ApiOutcome &outcome);
    // One sentence plus the request ID, for stderr; for an update also whether anything may
    // have been saved (the CLI keeps nothing, so it must not promise to).
    static QString errorLine(const ApiOutcome &outcome, bool isUpdate);
    // Fixed-width table of escalations; notes shortened to one line.
    static QString table(const QList<Escalation> &escalations);
};

} // namespace Care360
