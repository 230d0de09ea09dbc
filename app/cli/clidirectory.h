#pragma once

#include "clioptions.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Care360 {

class AssigneeDirectory;

// `directory import FILE` and `directory show`: the team directory, kept in the console's own
// settings (main() gives the CLI the console's settings names), so both show the same people.
class CliDirectory {
    Q_DECLARE_TR_FUNCTIONS(CliDirectory)

public:
    static int run(const CliOptions &options, const QString &profileId, QTextStream &out,
                   QTextStream &err);
    // The team directory and the e-mails the console learnt, as the console would load them.
    // The profile's team directory and learnt e-mails; for an empty id (an address alone, or
    // due across organisations) the set kept before profiles and every profile's.
    static void loadPeople(AssigneeDirectory *people, const QString &profileId);

private:
    static int import(const QString &path, const QString &profileId, QTextStream &out,
                      QTextStream &err);
    static int show(const QString &profileId, QTextStream &out);
};

} // namespace Care360
