// CliOptionsParser's second half: once every argument is read, whether they make one command
// (which environment, which options belong to which command).
#include "clioptions.h"

#include "models/caseid.h"

namespace Care360 {

bool CliOptionsParser::checkEnvironment()
{
    using Kind = Environment::Kind;
    const std::optional<Kind> kind = m_envName.isEmpty()
        ? (m_baseUrl.isEmpty() ? Kind::Production : Kind::Custom)
        : Environment::kindFromName(m_envName);
    if (!kind)
        return fail(tr("Argument %1 is not an environment: use production, staging, sandbox or "
                       "custom.")
                        .arg(m_envPosition));
    m_options.environmentNamed = !m_envName.isEmpty() || !m_baseUrl.isEmpty();
    const QUrl baseUrl(m_baseUrl, QUrl::StrictMode);
    if (*kind == Kind::Sandbox || *kind == Kind::Custom) {
        if (m_baseUrl.isEmpty())
            return fail(tr("--env %1 needs --base-url URL.").arg(Environment::name(*kind)));
        if (!baseUrl.isValid() || baseUrl.host().isEmpty())
            return fail(tr("--base-url needs an absolute URL such as https://host."));
        m_options.environment = { *kind, baseUrl };
    } else {
        if (!m_baseUrl.isEmpty())
            return fail(tr("--base-url can only be used with --env sandbox or custom."));
        m_options.environment =
            *kind == Kind::Staging ? Environment::staging() : Environment::production();
    }
    return true;
}

bool CliOptionsParser::checkCombination()
{
    using Command = CliOptions::Command;
    // Before the environment's own checks, which would ask due for a --base-url it ignores.
    if (m_options.command == Command::Due)
        return checkDue();
    if (!checkEnvironment())
        return false;
    m_options.format = m_format.value_or(CliOptions::Format::Table);
    if (m_options.command == Command::None)
        return fail(tr("No command given: use list, update, due, directory, key or profile."));
    if (m_options.within || m_options.overdueOnly || m_options.mine)
        return fail(tr("--within, --overdue and --mine are for due."));
    if (m_options.yes && m_options.command != Command::Profile)
        return fail(tr("--yes is for profile remove."));
    if (m_options.command == Command::Profile)
        return checkProfileCommand();
    if (!m_options.fromPath.isEmpty() && m_options.command != Command::Update)
        return fail(tr("--from is for update."));
    if (!m_options.basePath.isEmpty() && m_options.fromPath.isEmpty())
        return fail(tr("--base is for update --from: it names the list --format csv export the "
                       "--from file was edited from."));
    if (m_options.basePath == QLatin1String("-") && m_options.fromPath == QLatin1String("-"))
        return fail(tr("--from and --base cannot both read standard input."));
    if (m_options.acceptDisplayMarks && m_options.fromPath.isEmpty())
        return fail(tr("--accept-display-marks is for update --from."));
    // Note text only where asked for, and never after an update (README).
    if (m_options.showNotes && m_options.command != Command::List)
        return fail(tr("--show-notes is for list."));
    if (m_format && m_options.command != Command::List && m_options.command != Command::Update)
        return fail(tr("--json and --format are for list, update, due and profile list."));
    switch (m_options.command) {
    case Command::None:
    case Command::Due:
    case Command::Profile:
        break; // refused or checked above
    case Command::Key:
        if (!m_options.caseId.isEmpty() || !m_options.updates.isEmpty())
            return fail(tr("key takes no --case or --escalation."));
        if (m_options.subcommand != QLatin1String("set")
            && m_options.subcommand != QLatin1String("forget")
            && m_options.subcommand != QLatin1String("status"))
            return fail(tr("key needs one of set, forget or status."));
        return true;
    case Command::Directory:
        return checkDirectory();
    case Command::List:
        if (!m_options.updates.isEmpty())
            return fail(tr("list takes no --escalation; use update to change escalations."));
        break;
    case Command::Update:
        if (!checkUpdate())
            return false;
        // With --from, a caseId column in the file can name the cases instead.
        if (!m_options.fromPath.isEmpty() && m_options.caseId.isEmpty())
            return true;
        break;
    }
    if (m_options.caseId.isEmpty())
        return fail(tr("--case ID is required."));
    if (!CaseId::isUuid(m_options.caseId))
        return fail(tr("--case: no case ID (8-4-4-4-12 hexadecimal digits) in argument %1.")
                        .arg(m_casePosition));
    return true;
}

bool CliOptionsParser::checkUpdate()
{
    if (m_options.format == CliOptions::Format::Csv)
        return fail(tr("update prints a table, or the server's answer with --json; --format csv "
                       "is for list."));
    if (!m_options.fromPath.isEmpty()) {
        if (!m_options.updates.isEmpty())
            return fail(tr("update takes either --from FILE or --escalation groups, not both."));
        return true;
    }
    if (m_options.updates.isEmpty())
        return fail(tr("update needs at least one --escalation ID, or --from FILE."));
    for (qsizetype i = 0; i < m_options.updates.size(); ++i) {
        if (m_options.updates.at(i).isEmpty())
            return fail(tr("The --escalation at argument %1 needs --note-file, --follow-up or "
                           "--assign.")
                            .arg(m_groupPositions.at(i)));
    }
    return true;
}

bool CliOptionsParser::checkDue()
{
    m_options.format = m_format.value_or(CliOptions::Format::Table);
    if (!m_envName.isEmpty() || !m_baseUrl.isEmpty())
        return fail(tr("due reads the follow-ups kept on this computer, for every environment: "
                       "choose one with --profile, not --env or --base-url."));
    if (!m_options.caseId.isEmpty() || !m_options.updates.isEmpty())
        return fail(tr("due takes no --case or --escalation: it lists the follow-ups of every "
                       "case kept on this computer."));
    if (!m_options.fromPath.isEmpty() || !m_options.basePath.isEmpty() || m_options.showNotes
        || m_options.acceptDisplayMarks)
        return fail(tr("--from, --base, --show-notes and --accept-display-marks are not for "
                       "due."));
    if (m_options.overdueOnly && m_options.within)
        return fail(tr("--overdue and --within cannot be combined: --within includes what is "
                       "already overdue."));
    return true;
}

bool CliOptionsParser::checkProfileCommand()
{
    const QString &sub = m_options.subcommand;
    const qsizetype words = m_options.profileWords.size();
    if (!m_options.caseId.isEmpty() || !m_options.updates.isEmpty())
        return fail(tr("profile takes no --case or --escalation."));
    if (m_format && sub != QLatin1String("list"))
        return fail(tr("--json and --format are for list, update, due and profile list."));
    if (m_format == CliOptions::Format::Csv)
        return fail(tr("profile list prints a table, or JSON with --format json."));
    if (m_options.yes && sub != QLatin1String("remove"))
        return fail(tr("--yes is for profile remove."));
    if (sub == QLatin1String("list"))
        return words == 0 || fail(tr("profile list takes no names."));
    if (sub == QLatin1String("add")) {
        if (words != 1)
            return fail(tr("profile add needs one NAME (quote a name with spaces)."));
        if (m_envName.isEmpty())
            return fail(tr("profile add needs --env production, staging or custom."));
        return m_options.environment.kind != Environment::Kind::Sandbox
            || fail(tr("The sandbox's practice organisations are built into the console; "
                       "profile add takes production, staging or custom."));
    }
    if (sub == QLatin1String("rename"))
        return words == 2 || fail(tr("profile rename needs NAME and NEW."));
    if (sub == QLatin1String("remove"))
        return words == 1 || fail(tr("profile remove needs one NAME."));
    return fail(tr("profile needs one of list, add, rename or remove."));
}

bool CliOptionsParser::checkDirectory()
{
    if (!m_options.caseId.isEmpty() || !m_options.updates.isEmpty())
        return fail(tr("directory takes no --case or --escalation."));
    if (m_options.subcommand == QLatin1String("import"))
        return !m_options.directoryPath.isEmpty()
            || fail(tr("directory import needs the FILE to import (\"-\" for standard input)."));
    if (m_options.subcommand == QLatin1String("show"))
        return true;
    return fail(tr("directory needs import FILE or show."));
}

} // namespace Care360
