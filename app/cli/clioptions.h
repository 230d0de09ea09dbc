#pragma once

#include "models/environment.h"
#include "models/escalation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Care360 {

// The parsed command line of care360-escalations-cli.
struct CliOptions {
    enum class Command { None, List, Update, Due, Key, Directory, Profile };
    enum class Format { Table, Csv, Json };

    Environment environment = Environment::production();
    bool environmentNamed = false; // --env or --base-url: the profile standing for that address
    Command command = Command::None;
    QString caseId;
    QList<EscalationUpdate> updates; // one per --escalation group, in order
    QString fromPath; // update --from FILE ("-" for standard input)
    QString basePath; // update --from FILE --base OLD: the list --format csv export FILE came from
    bool acceptDisplayMarks = false; // update --from sends notes that look like a display form
    QString subcommand; // key: set, forget or status; directory: import or show; profile: ...
    QStringList profileWords; // profile add NAME, rename NAME NEW, remove NAME
    bool yes = false; // profile remove --yes: no question
    QString directoryPath; // directory import FILE
    Format format = Format::Table; // --json is --format json
    bool showNotes = false; // list --show-notes: the table has a NOTE column
    QString profile; // --profile NAME|ID (else CARE360_PROFILE); due: only this profile's
    std::optional<std::chrono::minutes> within; // due --within: due by now + this
    bool overdueOnly = false; // due --overdue
    bool mine = false; // due --mine: assigned to Preferences::myEmail()
    std::optional<std::chrono::seconds> deadline; // --timeout
    QString caFile; // --ca-file: the organisation's certificate authorities
    bool help = false;
    bool version = false;
};

// Parses the arguments after the program name. The grouping of --note/--follow-up/--assign
// under the preceding --escalation needs their order, which QCommandLineParser does not keep.
class CliOptionsParser {
    Q_DECLARE_TR_FUNCTIONS(CliOptionsParser)

public:
    explicit CliOptionsParser(QStringList arguments);

    // False on a usage error; errorString() then says what is wrong in one sentence.
    bool parse();
    const CliOptions &options() const { return m_options; }
    QString errorString() const { return m_error; }

    static QString helpText(); // clihelp.cpp

private:
    bool parseArgument(const QString &argument);
    bool parseCommandWord(const QString &word);
    bool parseFormat(const QString &name, const QString &value);
    bool takeValue(const QString &name, QString *value);
    bool addToCurrentGroup(const QString &name, const QString &value);
    bool parseFollowUp(const QString &value);
    bool parseWithin(const QString &value);
    bool readNoteFile(const QString &path, QString *note);
    bool checkEnvironment();
    bool checkCombination();
    bool checkUpdate();
    bool checkDirectory();
    bool checkProfileCommand();
    bool checkDue();
    bool fail(const QString &error);

    QStringList m_arguments;
    int m_next = 0;
    // Errors name arguments by position (1: the first after the program name), never by their
    // text: a note pasted in the wrong place must not end up in a terminal log.
    int m_position = 0; // of the argument being parsed
    int m_valuePosition = 0; // of the value takeValue() took
    int m_envPosition = 0;
    int m_casePosition = 0;
    QList<int> m_groupPositions; // of each --escalation, as m_options.updates
    std::optional<QString> m_inlineValue; // the "value" of "--name=value"
    QString m_baseUrl;
    QString m_envName;
    std::optional<CliOptions::Format> m_format; // as given, to refuse --json --format csv
    CliOptions m_options;
    QString m_error;
};

} // namespace Care360
