#include "bulkupdatefile.h"

#include "models/caseid.h"
#include "models/contractcodec.h"
#include "models/csv.h"
#include "models/requestschema.h"
#include "models/untrustedtext.h"
#include "models/wirenames.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <array>

namespace Care360::BulkUpdateFile {

namespace {
struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::BulkUpdateFile)
};

enum Field { CaseIdField, EscalationIdField, NoteField, FollowUpField, AssigneeField, FieldCount };
// The file's column names and JSON keys: the wire names, plus caseId for files of many cases.
const std::array<QLatin1String, FieldCount> kNames { QLatin1String("caseId"), Wire::escalationId,
                                                     Wire::note, Wire::followUpDueAt,
                                                     Wire::assignedToEmail };

// What list --format csv writes besides them: read-only, so a file of its output is taken as it
// is and these columns ignored.
const std::array<QLatin1String, 6> kReadOnlyNames { QLatin1String("type"),
                                                    QLatin1String("title"),
                                                    QLatin1String("createdAt"),
                                                    QLatin1String("updatedAt"),
                                                    QLatin1String("assignedToUserId"),
                                                    QLatin1String("assignee") };

QString allNames()
{
    QStringList names;
    for (const QLatin1String name : kNames)
        names << name;
    return names.join(QLatin1String(", "));
}

// The read-only column --base compares the assignee with.
const QLatin1String kUserIdName("assignedToUserId");

// One row or line of the file, before it is checked.
struct Record {
    QString origin; // "Row 4" or "Line 3"
    std::array<QString, FieldCount> cells; // empty: unchanged (or, for caseId, --case)
    QString userId; // the assignedToUserId cell of a list --format csv file
};

struct Records {
    QList<Record> records;
    QString error;
    QStringList ignoredColumns;
    QList<int> fields; // the Field of each column; -1 for a read-only one
    bool hasUserId = false; // an assignedToUserId column
};

Records fail(const QString &error)
{
    return { {}, error, {}, {}, false };
}

bool isReadOnly(const QString &name)
{
    return std::any_of(kReadOnlyNames.cbegin(), kReadOnlyNames.cend(), [&](QLatin1String readOnly) {
        return name.compare(readOnly, Qt::CaseInsensitive) == 0;
    });
}

Records readCsv(const QByteArray &bytes)
{
    const Csv::Table table = Csv::read(bytes);
    if (!table.error.isEmpty())
        return fail(table.error);
    if (table.rows.isEmpty())
        return fail(Translate::tr("The file is empty."));
    const QStringList header = table.rows.first();
    QList<int> fieldOfColumn; // -1: a read-only column, ignored
    QStringList ignored;
    qsizetype userIdColumn = -1;
    for (qsizetype column = 0; column < header.size(); ++column) {
        if (isReadOnly(header.at(column).trimmed())) {
            if (header.at(column).trimmed().compare(kUserIdName, Qt::CaseInsensitive) == 0)
                userIdColumn = column;
            fieldOfColumn << -1;
            ignored << header.at(column).trimmed();
            continue;
        }
        int field = 0;
        while (field < FieldCount
               && header.at(column).trimmed().compare(kNames.at(field), Qt::CaseInsensitive) != 0)
            ++field;
        // The header is not quoted back: without one, row 1 could be a note.
        if (field == FieldCount)
            return fail(Translate::tr("Row 1: column %1 is not one of %2.")
                            .arg(column + 1)
                            .arg(allNames()));
        if (fieldOfColumn.contains(field))
            return fail(Translate::tr("Row 1: column %1 repeats %2.")
                            .arg(column + 1)
                            .arg(kNames.at(field)));
        fieldOfColumn << field;
    }
    if (!fieldOfColumn.contains(EscalationIdField))
        return fail(Translate::tr("Row 1: the header needs an escalationId column."));
    if (!fieldOfColumn.contains(NoteField) && !fieldOfColumn.contains(FollowUpField)
        && !fieldOfColumn.contains(AssigneeField))
        return fail(Translate::tr("Row 1: the header names nothing to change: add note, "
                                  "followUpDueAt or assignedToEmail."));
    Records result { {}, {}, ignored, fieldOfColumn, userIdColumn >= 0 };
    for (qsizetype r = 1; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        const QString origin = Translate::tr("Row %1").arg(r + 1);
        if (row.size() != header.size())
            return fail(Translate::tr("%1 has %2 cells; the header has %3.")
                            .arg(origin)
                            .arg(row.size())
                            .arg(header.size()));
        Record record { origin, {}, {} };
        if (userIdColumn >= 0)
            record.userId = Csv::unneutralised(row.at(userIdColumn)).trimmed();
        bool blank = true;
        for (qsizetype column = 0; column < row.size(); ++column) {
            blank = blank && row.at(column).trimmed().isEmpty();
            if (fieldOfColumn.at(column) >= 0) // the ' list --format csv put before a formula goes
                record.cells[size_t(fieldOfColumn.at(column))] = Csv::unneutralised(row.at(column));
        }
        if (!blank) // spreadsheets end files with empty rows
            result.records << record;
    }
    return result;
}

Records readJsonLines(const QByteArray &bytes)
{
    Records result;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QString origin = Translate::tr("Line %1").arg(i + 1);
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return fail(Translate::tr("%1 is not one JSON object.").arg(origin));
        const QJsonObject object = document.object();
        Record record { origin, {}, {} };
        for (auto it = object.begin(); it != object.end(); ++it) {
            int field = 0;
            while (field < FieldCount && it.key() != kNames.at(field))
                ++field;
            if (field == FieldCount)
                return fail(Translate::tr("%1: unknown key \"%2\"; the keys are %3.")
                                .arg(origin,
                                     UntrustedText::visible(UntrustedText::capped(it.key(), 40)),
                                     allNames()));
            if (!it.value().isString() && !it.value().isNull())
                return fail(
                    Translate::tr("%1: %2 must be text or null.").arg(origin, kNames.at(field)));
            record.cells[size_t(field)] = it.value().toString();
        }
        result.records << record;
    }
    return result;
}

QString readId(const Record &record, QString *escalationId)
{
    *escalationId = record.cells.at(EscalationIdField).trimmed();
    if (CaseId::isUuid(*escalationId))
        return {};
    return Translate::tr("%1: escalationId is not a UUID (8-4-4-4-12 hexadecimal digits).")
        .arg(record.origin);
}

// An empty cell leaves due unset.
QString readDue(const Record &record, std::optional<QDateTime> *due)
{
    const QString cell = record.cells.at(FollowUpField).trimmed();
    if (cell.isEmpty())
        return {};
    const QDateTime dateTime = Codec::parseTimestamp(cell);
    if (!dateTime.isValid())
        return Translate::tr("%1: followUpDueAt is not an ISO 8601 date and time with a "
                             "zone, such as 2025-06-15T09:00:00Z.")
            .arg(record.origin);
    *due = dateTime.toUTC();
    return {};
}

// The checks of one record; the error never quotes a cell that failed them.
QString check(const Record &record, const QString &defaultCaseId, QString *caseId,
              EscalationUpdate *update)
{
    const QString &origin = record.origin;
    const QString givenCase = record.cells.at(CaseIdField).trimmed();
    if (!givenCase.isEmpty() && !CaseId::isUuid(givenCase))
        return Translate::tr("%1: caseId is not a case ID (8-4-4-4-12 hexadecimal digits).")
            .arg(origin);
    *caseId = givenCase.isEmpty() ? defaultCaseId : givenCase.toLower();
    if (caseId->isEmpty())
        return Translate::tr("%1: no case: fill its caseId cell or give --case.").arg(origin);
    if (const QString problem = readId(record, &update->escalationId); !problem.isEmpty())
        return problem;
    // Note text is kept exactly as written; an empty cell means "unchanged".
    if (const QString note = record.cells.at(NoteField); !note.isEmpty())
        update->note = note;
    if (const QString problem = readDue(record, &update->followUpDueAt); !problem.isEmpty())
        return problem;
    if (const QString email = record.cells.at(AssigneeField).trimmed(); !email.isEmpty()) {
        if (!RequestSchema::isEmail(email))
            return Translate::tr("%1: assignedToEmail is not an e-mail address.").arg(origin);
        update->assignedToEmail = email;
    }
    // A row that changes nothing is kept for now: update --from drops it after listing the case.
    return {};
}

// The schema check the client runs on every request, here for all of them before the first
// is sent; its "escalations.N" path leads back to the row.
QString checkSchema(const CaseUpdates &request)
{
    const std::optional<RequestSchema::SchemaError> error =
        RequestSchema::validateUpdateBody(Codec::updateRequestObject(request.updates));
    if (!error)
        return {};
    const int item = error->path.section(QLatin1Char('.'), 1, 1).toInt();
    return Translate::tr("%1: %2").arg(request.origins.value(item), error->errorText());
}

Parsed failed(const QString &error, bool needsCase = false)
{
    return { {}, error, needsCase, {} };
}

QString tooLarge()
{
    return Translate::tr("The file is larger than %1 MiB.").arg(maxBytes / (1024 * 1024));
}

QByteArray withoutBom(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
}
} // namespace

Parsed parse(const QByteArray &bytes, const QString &defaultCaseId)
{
    if (bytes.size() > maxBytes)
        return failed(tooLarge());
    const QByteArray text = withoutBom(bytes);
    const auto first =
        std::find_if(text.cbegin(), text.cend(), [](char c) { return !QChar::isSpace(uchar(c)); });
    const bool jsonLines = first != text.cend() && *first == '{';
    const Records read = jsonLines ? readJsonLines(text) : readCsv(text);
    if (!read.error.isEmpty())
        return failed(read.error);
    if (read.records.isEmpty())
        return failed(Translate::tr("The file has no rows of changes."));
    if (defaultCaseId.isEmpty()) {
        const bool namesCases =
            std::any_of(read.records.cbegin(), read.records.cend(), [](const Record &r) {
                return !r.cells.at(CaseIdField).trimmed().isEmpty();
            });
        if (!namesCases)
            return failed(Translate::tr("update --from needs --case ID when the file has no "
                                        "caseId column."),
                          true);
    }
    Parsed parsed;
    parsed.ignoredColumns = read.ignoredColumns;
    QHash<QString, int> requestOfCase;
    QHash<QString, QString> firstOrigin; // "case/escalation" -> where it was first changed
    for (const Record &record : read.records) {
        QString caseId;
        EscalationUpdate update;
        if (const QString problem = check(record, defaultCaseId, &caseId, &update);
            !problem.isEmpty())
            return failed(problem);
        const QString key = caseId + QLatin1Char('/') + update.escalationId.toLower();
        if (firstOrigin.contains(key))
            return failed(Translate::tr("%1: escalation %2 is changed twice for the same case "
                                        "(first: %3); put its changes in one row.")
                              .arg(record.origin, update.escalationId, firstOrigin.value(key)));
        firstOrigin.insert(key, record.origin);
        if (!requestOfCase.contains(caseId)) {
            requestOfCase.insert(caseId, int(parsed.cases.size()));
            parsed.cases.append({ caseId, {}, {} });
        }
        CaseUpdates &request = parsed.cases[requestOfCase.value(caseId)];
        request.updates << update;
        request.origins << record.origin;
    }
    for (const CaseUpdates &request : std::as_const(parsed.cases)) {
        if (const QString problem = checkSchema(request); !problem.isEmpty())
            return failed(problem);
    }
    return parsed;
}

Base parseBase(const QByteArray &bytes)
{
    const auto failedBase = [](const QString &error) {
        return Base { {}, Translate::tr("In the --base file: %1").arg(error) };
    };
    if (bytes.size() > maxBytes)
        return failedBase(tooLarge());
    const Records read = readCsv(withoutBom(bytes));
    if (!read.error.isEmpty())
        return failedBase(read.error);
    if (!read.hasUserId || !read.fields.contains(NoteField) || !read.fields.contains(FollowUpField))
        return failedBase(Translate::tr("Row 1: the header needs the columns escalationId, note, "
                                        "followUpDueAt and assignedToUserId, as list --format csv "
                                        "writes them."));
    Base base;
    for (const Record &record : read.records) {
        Escalation escalation;
        QString problem = readId(record, &escalation.id);
        if (problem.isEmpty())
            problem = readDue(record, &escalation.followUpDueAt);
        if (!problem.isEmpty())
            return failedBase(problem);
        const QString key = escalation.id.toLower();
        if (base.escalations.contains(key))
            return failedBase(Translate::tr("%1: escalation %2 is listed twice.")
                                  .arg(record.origin, escalation.id));
        // Values, not changes: an empty cell is no note (null and "" are the same) or no assignee.
        if (const QString note = record.cells.at(NoteField); !note.isEmpty())
            escalation.note = note;
        if (!record.userId.isEmpty())
            escalation.assignedToUserId = record.userId;
        base.escalations.insert(key, escalation);
    }
    return base;
}

} // namespace Care360::BulkUpdateFile
