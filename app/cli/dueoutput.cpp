#include "dueoutput.h"

#include "app/core/consoleservices.h"

#include "clioutput.h"
#include "models/assigneedirectory.h"
#include "models/contractcodec.h"
#include "models/csv.h"
#include "models/wirenames.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Care360 {

namespace {
const QString kCaseId = QStringLiteral("caseId");
const QString kType = QStringLiteral("type");
const QString kTitle = QStringLiteral("title");
const QString kAssignedTo = QStringLiteral("assignedToUserId");
const QString kAssignee = QStringLiteral("assignee");
const QString kProfile = QStringLiteral("profile");
const QString kRefreshed = QStringLiteral("lastRefreshedAt");

QString person(const FollowUp &followUp, const AssigneeDirectory &people)
{
    return followUp.assignedToUserId.isEmpty() ? QString()
                                               : people.personFor(followUp.assignedToUserId);
}

QString wireTime(const QDateTime &utc)
{
    return utc.isValid() ? Codec::formatTimestamp(utc) : QString();
}
} // namespace

QString DueOutput::table(const QList<FollowUp> &followUps, const AssigneeDirectory &people,
                         const QDateTime &nowUtc)
{
    QList<QStringList> rows { { tr("WHEN"), tr("DUE"), tr("TITLE"), tr("CASE"), tr("PROFILE"),
                                tr("ASSIGNED TO"), tr("REFRESHED") } };
    // The store holds the server's text, and its file is the agent's to edit: all of it inert.
    using Out = CliOutput;
    const QString none = QStringLiteral("-");
    // The organisation as the console's Follow-ups view names it ("Acme Health — Production"),
    // looked up once per profile; csv and json keep the stored place scripts match on.
    QHash<QString, QString> labels;
    const auto label = [&labels](const QString &place) {
        auto it = labels.find(place);
        if (it == labels.end())
            it = labels.insert(place, ConsoleServices::environmentLabel(place));
        return it.value();
    };
    for (const FollowUp &f : followUps) {
        const QString name = person(f, people);
        const QString assignee = f.assignedToUserId.isEmpty()
            ? none
            : Out::cell(name.isEmpty() ? f.assignedToUserId : name, Out::idChars);
        rows.append({ DueGroups::name(DueGroups::groupOf(f.followUpDueAt, nowUtc)),
                      Out::tableTime(f.followUpDueAt), Out::cell(f.title, Out::titleChars),
                      Out::cell(f.caseId, Out::idChars), Out::cell(label(f.profile), Out::idChars),
                      assignee, f.refreshedAt.isValid() ? Out::tableTime(f.refreshedAt) : none });
    }
    return Out::columns(rows);
}

QByteArray DueOutput::csv(const QList<FollowUp> &followUps, const AssigneeDirectory &people)
{
    // list --format csv's names for the same fields; dates as on the wire (UTC).
    QByteArray text = Csv::record({ kCaseId, Wire::escalationId, kType, kTitle, Wire::followUpDueAt,
                                    kAssignedTo, kAssignee, kProfile, kRefreshed });
    for (const FollowUp &f : followUps) {
        QStringList cells { f.caseId,
                            f.escalationId,
                            f.type,
                            f.title,
                            wireTime(f.followUpDueAt),
                            f.assignedToUserId,
                            person(f, people),
                            f.profile,
                            wireTime(f.refreshedAt) };
        for (QString &cell : cells)
            cell = Csv::neutralised(cell);
        text += Csv::record(cells);
    }
    return text;
}

QByteArray DueOutput::json(const QList<FollowUp> &followUps, const AssigneeDirectory &people)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
    };
    QJsonArray array;
    for (const FollowUp &f : followUps) {
        array.append(QJsonObject { { kCaseId, f.caseId },
                                   { Wire::escalationId, f.escalationId },
                                   { kType, f.type },
                                   { kTitle, f.title },
                                   { Wire::followUpDueAt, wireTime(f.followUpDueAt) },
                                   { kAssignedTo, orNull(f.assignedToUserId) },
                                   { kAssignee, orNull(person(f, people)) },
                                   { kProfile, f.profile },
                                   { kRefreshed, orNull(wireTime(f.refreshedAt)) } });
    }
    return CliOutput::escapedJson(QJsonDocument(array));
}

} // namespace Care360
