#include "clioutput.h"

#include "models/untrustedtext.h"

#include <QStringList>

#include <algorithm>

namespace Care360 {

int CliOutput::exitCode(const ApiOutcome &outcome)
{
    using Kind = ApiOutcome::Kind;
    switch (outcome.kind) {
    case Kind::Updated:
    case Kind::Listed:
        return Exit::Success;
    case Kind::ValidationFailed:
        return Exit::ValidationFailed;
    case Kind::CaseNotFound:
    case Kind::EscalationsNotFound:
        return Exit::NotFound;
    case Kind::PermissionDenied:
    case Kind::InvalidApiKey:
        return Exit::Denied;
    case Kind::AssigneeNotFound:
        return Exit::AssigneeNotFound;
    case Kind::TimedOut:
    case Kind::ConnectionFailed:
    case Kind::TlsFailed:
    case Kind::Cancelled:
        return Exit::Network;
    case Kind::Refused:
        // Refused before sending is about the address the user gave; after, it was a redirect.
        return outcome.httpStatus == 0 ? Exit::Usage : Exit::Unexpected;
    case Kind::TooLarge:
    case Kind::UnexpectedResponse:
        break;
    }
    return Exit::Unexpected;
}

QString CliOutput::errorLine(const ApiOutcome &outcome, bool isUpdate)
{
    using Kind = ApiOutcome::Kind;
    if (outcome.kind == Kind::EscalationsNotFound) {
        const QString ids = UntrustedText::shown(outcome.missingIds.join(QLatin1String(", ")));
        return tr("Not an active escalation of this case (completed or unknown): %1; nothing was "
                  "saved. (request ID %2)")
            .arg(ids, outcome.requestId);
    }
    QString sentence = outcome.userMessage(ApiOutcome::Audience::Cli);
    // Care360 refuses a request whole; without an answer that says so, it may have acted.
    const bool refusedWhole = outcome.kind == Kind::ValidationFailed
        || outcome.kind == Kind::AssigneeNotFound || outcome.kind == Kind::CaseNotFound
        || outcome.kind == Kind::PermissionDenied || outcome.kind == Kind::InvalidApiKey;
    if (isUpdate && refusedWhole)
        sentence += QLatin1Char(' ') + tr("Nothing was saved.");
    else if (isUpdate && outcome.mayHaveArrived)
        sentence += QLatin1Char(' ')
            + tr("The update may have been applied: run list to check before sending it again.");
    else if (isUpdate)
        sentence += QLatin1Char(' ') + tr("Nothing was sent.");
    return tr("%1 (request ID %2)").arg(sentence, outcome.requestId);
}

QString CliOutput::table(const QList<Escalation> &escalations)
{
    if (escalations.isEmpty())
        return tr("No active escalations.") + QLatin1Char('\n');
    const QStringList header { tr("ID"),        tr("TYPE"),        tr("TITLE"),
                               tr("FOLLOW-UP"), tr("ASSIGNED TO"), tr("NOTE") };
    QList<QStringList> rows { header };
    // Every field came from the server: no control character reaches the terminal.
    using UntrustedText::capped;
    using UntrustedText::visible;
    for (const Escalation &e : escalations) {
        const QString note = visible(capped(e.note.value_or(QString()).simplified(), 40));
        rows.append(
            { visible(capped(e.id, 64)), visible(capped(e.type, 40)), visible(capped(e.title, 80)),
              e.followUpDueAt
                  ? e.followUpDueAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  : QStringLiteral("-"),
              visible(capped(e.assignedToUserId.value_or(QStringLiteral("-")), 64)),
              note.isEmpty() ? QStringLiteral("-") : note });
    }
    QList<int> widths(header.size(), 0);
    for (const QStringList &row : std::as_const(rows)) {
        for (int column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths.at(column), int(row.at(column).size()));
    }
    QString text;
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (int column = 0; column < row.size(); ++column)
            line += row.at(column).leftJustified(widths.at(column) + 2);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

} // namespace Care360
