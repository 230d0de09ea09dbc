#include "clioptions.h"

#include "models/caseid.h"

#include "models/contractcodec.h"
#include "models/qtcompat.h"

#include <QFile>
#include <QHash>

#include <cstdio>

namespace Care360 {

CliOptionsParser::CliOptionsParser(QStringList arguments)
    : m_arguments(std::move(arguments))
{
}

bool CliOptionsParser::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool CliOptionsParser::parse()
{
    while (m_next < m_arguments.size()) {
        if (!parseArgument(m_arguments.at(m_next++)))
            return false;
    }
    if (m_options.help || m_options.version)
        return true;
    return checkCombination();
}

bool CliOptionsParser::takeValue(const QString &name, QString *value)
{
    if (m_inlineValue) {
        *value = *m_inlineValue;
        m_valuePosition = m_position;
        return true;
    }
    if (m_next >= m_arguments.size())
        return fail(tr("%1 needs a value.").arg(name));
    *value = m_arguments.at(m_next++);
    m_valuePosition = m_next;
    return true;
}

bool CliOptionsParser::parseArgument(const QString &argument)
{
    QString name = argument;
    m_position = m_next; // parse() has moved past it
    m_inlineValue.reset();
    if (argument.startsWith(QLatin1String("--")) && argument.contains(QLatin1Char('='))) {
        name = argument.section(QLatin1Char('='), 0, 0);
        m_inlineValue = argument.section(QLatin1Char('='), 1);
    }
    QString value;
    if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
        m_options.help = true;
    } else if (name == QLatin1String("--version")) {
        m_options.version = true;
    } else if (name == QLatin1String("--json")) {
        if (m_format && *m_format != CliOptions::Format::Json)
            return fail(tr("--json is --format json; it cannot be combined with another format."));
        m_format = CliOptions::Format::Json;
    } else if (name == QLatin1String("--format")) {
        return takeValue(name, &value) && parseFormat(name, value);
    } else if (name == QLatin1String("--from")) {
        if (!m_options.fromPath.isEmpty())
            return fail(tr("--from is given twice."));
        if (!takeValue(name, &m_options.fromPath))
            return false;
        return !m_options.fromPath.isEmpty() || fail(tr("--from needs a file name."));
    } else if (name == QLatin1String("--base")) {
        if (!m_options.basePath.isEmpty())
            return fail(tr("--base is given twice."));
        if (!takeValue(name, &m_options.basePath))
            return false;
        return !m_options.basePath.isEmpty() || fail(tr("--base needs a file name."));
    } else if (name == QLatin1String("--accept-display-marks")) {
        m_options.acceptDisplayMarks = true;
    } else if (name == QLatin1String("--show-notes")) {
        m_options.showNotes = true;
    } else if (name == QLatin1String("--profile")) {
        if (!takeValue(name, &m_options.profile))
            return false;
        return !m_options.profile.trimmed().isEmpty() || fail(tr("--profile needs a name."));
    } else if (name == QLatin1String("--within")) {
        return takeValue(name, &value) && parseWithin(value);
    } else if (name == QLatin1String("--yes")) {
        m_options.yes = true;
    } else if (name == QLatin1String("--overdue")) {
        m_options.overdueOnly = true;
    } else if (name == QLatin1String("--mine")) {
        m_options.mine = true;
    } else if (name == QLatin1String("--env")) {
        if (!takeValue(name, &m_envName))
            return false;
        m_envPosition = m_valuePosition;
        return true;
    } else if (name == QLatin1String("--base-url")) {
        return takeValue(name, &m_baseUrl);
    } else if (name == QLatin1String("--case")) {
        if (!takeValue(name, &value))
            return false;
        m_casePosition = m_valuePosition;
        // A link or pasted text works as in the console; text without an ID is refused below.
        const QString extracted = CaseId::extract(value);
        m_options.caseId = extracted.isEmpty() ? value : extracted;
        return true;
    } else if (name == QLatin1String("--note")) {
        // Process arguments are readable by every local user: never patient information.
        return fail(tr("--note is not accepted: the note would be readable in the process list. "
                       "Use --note-file FILE (\"-\" for standard input)."));
    } else if (name == QLatin1String("--timeout")) {
        if (!takeValue(name, &value))
            return false;
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return fail(tr("--timeout takes whole seconds from 1 to 3600."));
        m_options.deadline = std::chrono::seconds(seconds);
        return true;
    } else if (name == QLatin1String("--ca-file")) {
        return takeValue(name, &m_options.caFile);
    } else if (name == QLatin1String("--escalation")) {
        if (!takeValue(name, &value))
            return false;
        EscalationUpdate update;
        update.escalationId = value;
        m_options.updates.append(update);
        m_groupPositions.append(m_position);
        return true;
    } else if (name == QLatin1String("--note-file") || name == QLatin1String("--follow-up")
               || name == QLatin1String("--assign")) {
        return takeValue(name, &value) && addToCurrentGroup(name, value);
    } else if (name.startsWith(QLatin1Char('-')) && name.size() > 1) {
        return fail(tr("Argument %1 is not an option of this program.").arg(m_position));
    } else if (!parseCommandWord(name)) {
        return false;
    }
    if (m_inlineValue)
        return fail(tr("%1 takes no value.").arg(name));
    return true;
}

// A word that is not an option: the command, then its subcommand and file ("-" is a file).
bool CliOptionsParser::parseCommandWord(const QString &word)
{
    using Command = CliOptions::Command;
    if (m_options.command == Command::None) {
        if (word == QLatin1String("list"))
            m_options.command = Command::List;
        else if (word == QLatin1String("update"))
            m_options.command = Command::Update;
        else if (word == QLatin1String("due"))
            m_options.command = Command::Due;
        else if (word == QLatin1String("key"))
            m_options.command = Command::Key;
        else if (word == QLatin1String("directory"))
            m_options.command = Command::Directory;
        else if (word == QLatin1String("profile"))
            m_options.command = Command::Profile;
        else
            return fail(tr("Argument %1 is not a command: use list, update, due, directory, key "
                           "or profile.")
                            .arg(m_position));
        return true;
    }
    const bool takesSubcommand = m_options.command == Command::Key
        || m_options.command == Command::Directory || m_options.command == Command::Profile;
    if (takesSubcommand && m_options.subcommand.isEmpty()) {
        m_options.subcommand = word;
        return true;
    }
    if (m_options.command == Command::Profile) {
        m_options.profileWords.append(word);
        return true;
    }
    if (m_options.command == Command::Directory && m_options.subcommand == QLatin1String("import")
        && m_options.directoryPath.isEmpty()) {
        m_options.directoryPath = word;
        return true;
    }
    return fail(tr("Argument %1 was not expected.").arg(m_position));
}

bool CliOptionsParser::parseFormat(const QString &name, const QString &value)
{
    using Format = CliOptions::Format;
    std::optional<Format> format;
    if (value == QLatin1String("table"))
        format = Format::Table;
    else if (value == QLatin1String("csv"))
        format = Format::Csv;
    else if (value == QLatin1String("json"))
        format = Format::Json;
    if (!format)
        return fail(tr("%1 takes table, csv or json.").arg(name));
    if (m_format && *m_format != *format)
        return fail(tr("%1 %2 contradicts an earlier --json or --format.").arg(name, value));
    m_format = format;
    return true;
}

bool CliOptionsParser::addToCurrentGroup(const QString &name, const QString &value)
{
    if (m_options.updates.isEmpty())
        return fail(tr("%1 must follow the --escalation it changes.").arg(name));
    EscalationUpdate &update = m_options.updates.last();
    const QString twice = tr("%1 is given twice for the --escalation at argument %2.")
                              .arg(name)
                              .arg(m_groupPositions.constLast());
    if (name == QLatin1String("--follow-up"))
        return update.followUpDueAt ? fail(twice) : parseFollowUp(value);
    if (name == QLatin1String("--assign")) {
        if (update.assignedToEmail)
            return fail(twice);
        update.assignedToEmail = value;
        return true;
    }
    if (update.note)
        return fail(twice);
    QString note = value;
    if (name == QLatin1String("--note-file") && !readNoteFile(value, &note))
        return false;
    update.note = note;
    return true;
}

namespace {
// "2025-06-15" and "9:00" or "09:00:30" in local time; invalid when either part is not.
QDateTime localDateTime(const QString &dateText, const QString &timeText)
{
    const QDate date = QDate::fromString(dateText, Qt::ISODate);
    QTime time = QTime::fromString(timeText, QStringLiteral("H:mm:ss"));
    if (!time.isValid())
        time = QTime::fromString(timeText, QStringLiteral("H:mm"));
    return date.isValid() && time.isValid() ? QtCompat::localDateTime(date, time) : QDateTime();
}
} // namespace

bool CliOptionsParser::parseFollowUp(const QString &value)
{
    // ISO 8601 with a zone; or local time as "DATE TIME" (one or two arguments) or "DATETTIME".
    QDateTime dateTime = Codec::parseTimestamp(value);
    const QString trimmed = value.trimmed();
    if (!dateTime.isValid() && trimmed.contains(QLatin1Char(' ')))
        dateTime = localDateTime(trimmed.section(QLatin1Char(' '), 0, 0),
                                 trimmed.section(QLatin1Char(' '), 1).trimmed());
    else if (!dateTime.isValid() && trimmed.contains(QLatin1Char('T')))
        dateTime = localDateTime(trimmed.section(QLatin1Char('T'), 0, 0),
                                 trimmed.section(QLatin1Char('T'), 1));
    else if (!dateTime.isValid() && !m_inlineValue && m_next < m_arguments.size()) {
        dateTime = localDateTime(trimmed, m_arguments.at(m_next));
        if (dateTime.isValid())
            ++m_next;
    }
    if (!dateTime.isValid())
        return fail(tr("--follow-up needs a date and time, e.g. 2025-06-15T09:00:00Z or "
                       "2025-06-15 09:00 (local time)."));
    m_options.updates.last().followUpDueAt = dateTime.toUTC();
    return true;
}

bool CliOptionsParser::parseWithin(const QString &value)
{
    // A count and a unit, as agents say it: 90m, 12h, 30d (at most ten years).
    static const QHash<QChar, int> minutesPer { { u'm', 1 }, { u'h', 60 }, { u'd', 24 * 60 } };
    const QString trimmed = value.trimmed().toLower();
    bool ok = false;
    const int count = trimmed.chopped(trimmed.isEmpty() ? 0 : 1).toInt(&ok);
    const int unit = trimmed.isEmpty() ? 0 : minutesPer.value(trimmed.back());
    if (!ok || count < 1 || unit == 0 || qint64(count) * unit > 3650LL * 24 * 60)
        return fail(tr("--within takes a number and a unit, e.g. 90m, 12h or 30d."));
    m_options.within = std::chrono::minutes(qint64(count) * unit);
    return true;
}

bool CliOptionsParser::readNoteFile(const QString &path, QString *note)
{
    QFile file(path);
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : file.open(QIODevice::ReadOnly);
    if (!opened)
        return fail(tr("Cannot read the note file (argument %1): %2.")
                        .arg(m_valuePosition)
                        .arg(file.errorString()));
    *note = QString::fromUtf8(file.readAll());
    // Files end with a newline that is not part of the note, as with $(cat FILE).
    if (note->endsWith(QLatin1Char('\n')))
        note->chop(note->endsWith(QLatin1String("\r\n")) ? 2 : 1);
    return true;
}

} // namespace Care360
