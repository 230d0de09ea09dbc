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
    enum class Command { None, List, Update, Key };

    Environment environment = Environment::production();
    Command command = Command::None;
    QString caseId;
    QList<EscalationUpdate> updates; // one per --escalation group, in order
    QString keySubcommand; // set, forget or status
    bool json = false;
    std::optional<std::chrono::seconds> deadline; // --timeout
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

    static QString helpText();

private:
    bool parseArgument(const QString &argument);
    bool takeValue(const QString &name, QString *value);
    bool addToCurrentGroup(const QString &name, const QString &value);
    bool parseFollowUp(const QString &value);
    bool readNoteFile(const QString &path, QString *note);
    bool checkCombination();
    bool fail(const QString &error);

    QStringList m_arguments;
    int m_next = 0;
    std::optional<QString> m_inlineValue; // the "value" of "--name=value"
    QString m_baseUrl;
    QString m_envName;
    CliOptions m_options;
    QString m_error;
};

} // namespace Care360
