#include "clioutput.h"

#include "models/assigneedirectory.h"
#include "models/contractcodec.h"
#include "models/csv.h"
#include "models/untrustedtext.h"
#include "models/wirenames.h"

#include <QJsonArray>
#include <QJsonObject>
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
    case Kind::ProxyLoginNeeded:
    case Kind::Cancelled:
        return Exit::Network;
    case Kind::Refused:
        // Refused before sending is about the address the user gave; after, it was a redirect.
        return outcome.httpStatus == 0 ? Exit::Usage : Exit::Unexpected;
    case Kind::Conflict: // the console's own check; the CLI's --base refusal has its own line
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
    const QString requestId = outcome.shownRequestId();
    return requestId.isEmpty() ? sentence : tr("%1 (request ID %2)").arg(sentence, requestId);
}

QString CliOutput::cell(QStringView text, int maxChars)
{
    return UntrustedText::visible(UntrustedText::capped(text, maxChars));
}

QString CliOutput::tableTime(const QDateTime &dateTime)
{
    return dateTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

namespace {
constexpr int kTableNoteChars = 40;

QString assignee(const std::optional<QString> &userId, const AssigneeDirectory &people)
{
    if (!userId)
        return {};
    const QString person = people.personFor(*userId);
    return CliOutput::cell(person.isEmpty() ? *userId : person, CliOutput::idChars);
}
} // namespace

QString CliOutput::table(const QList<Escalation> &escalations, const AssigneeDirectory &people,
                         Notes notes)
{
    if (escalations.isEmpty())
        return tr("No active escalations.") + QLatin1Char('\n');
    QList<QStringList> rows { { tr("ID"), tr("TYPE"), tr("TITLE"), tr("FOLLOW-UP"),
                                tr("ASSIGNED TO") } };
    if (notes == Notes::Shown)
        rows.first() << tr("NOTE");
    // Every field came from the server: no control character reaches the terminal.
    const QString none = QStringLiteral("-");
    for (const Escalation &e : escalations) {
        const QString person = assignee(e.assignedToUserId, people);
        rows.append({ cell(e.id, idChars), cell(e.type, typeChars), cell(e.title, titleChars),
                      e.followUpDueAt ? tableTime(*e.followUpDueAt) : none,
                      person.isEmpty() ? none : person });
        if (notes == Notes::Shown) {
            const QString note = cell(e.note.value_or(QString()).simplified(), kTableNoteChars);
            rows.last() << (note.isEmpty() ? none : note);
        }
    }
    return columns(rows);
}

QByteArray CliOutput::csv(const QList<Escalation> &escalations, const AssigneeDirectory &people)
{
    // The names update --from reads where they mean the same; dates as on the wire (UTC).
    QByteArray text = Csv::record(
        { Wire::escalationId, QStringLiteral("type"), QStringLiteral("title"), Wire::note,
          Wire::followUpDueAt, QStringLiteral("assignedToUserId"), QStringLiteral("assignee") });
    for (const Escalation &e : escalations) {
        // Data, not a display: the server's text exactly, only kept from running as a formula.
        QStringList cells { e.id,
                            e.type,
                            e.title,
                            e.note.value_or(QString()),
                            e.followUpDueAt ? Codec::formatTimestamp(*e.followUpDueAt) : QString(),
                            e.assignedToUserId.value_or(QString()),
                            e.assignedToUserId ? people.personFor(*e.assignedToUserId)
                                               : QString() };
        for (QString &cell : cells)
            cell = Csv::neutralised(cell);
        text += Csv::record(cells);
    }
    return text;
}

namespace {
// The envelope without the notes of its data.escalations (UPDATE_ESCALATION's answers list every
// active escalation of the case, notes and all).
QJsonDocument withoutNotes(const QJsonDocument &document)
{
    QJsonObject envelope = document.object();
    QJsonObject data = envelope.value(QLatin1String("data")).toObject();
    QJsonArray escalations = data.value(Wire::escalations).toArray();
    if (escalations.isEmpty())
        return document;
    for (auto item = escalations.begin(); item != escalations.end(); ++item) {
        QJsonObject escalation = item->toObject();
        escalation.remove(Wire::note);
        *item = escalation;
    }
    data.insert(Wire::escalations, escalations);
    envelope.insert(QLatin1String("data"), data);
    return QJsonDocument(envelope);
}
} // namespace

QByteArray CliOutput::json(const QByteArray &body, Notes notes)
{
    QJsonParseError error {};
    QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    if (notes == Notes::LeftOut && document.isObject())
        document = withoutNotes(document);
    return escapedJson(document);
}

QByteArray CliOutput::escapedJson(const QJsonDocument &document)
{
    // Qt escapes C0 controls; DEL, C1, format characters (bidi overrides) and U+2028/9 it writes
    // as they are. Outside strings its compact form is ASCII, so escaping them anywhere is safe.
    const QString text = QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        const QChar::Category category = c.category();
        if (!c.isSurrogate()
            && (category == QChar::Other_Control || category == QChar::Other_Format
                || category == QChar::Separator_Line || category == QChar::Separator_Paragraph))
            escaped += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            escaped += c;
    }
    return escaped.toUtf8();
}

QString CliOutput::columns(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int column = 0; column < row.size(); ++column) {
            if (column >= widths.size())
                widths << 0;
            widths[column] = std::max(widths.at(column), int(row.at(column).size()));
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (int column = 0; column < row.size(); ++column)
            line += row.at(column).leftJustified(widths.at(column) + 2);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}

} // namespace Care360
