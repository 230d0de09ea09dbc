#include "contractcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Care360::Codec {

namespace {

const QString kEscalations = QStringLiteral("escalations");

std::optional<QString> nullableString(const QJsonValue &value, bool *ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isString())
        *ok = false;
    return value.toString();
}

std::optional<QDateTime> nullableTimestamp(const QJsonValue &value, bool *ok)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const QDateTime parsed = parseTimestamp(value.toString());
    if (!parsed.isValid())
        *ok = false;
    return parsed;
}

// Parses data.escalations; nullopt when it is missing or any item is malformed, because a
// partial list taken as the server's state would make rows silently disappear.
std::optional<QList<Escalation>> escalationList(const QJsonObject &envelope)
{
    const QJsonValue list = envelope.value(QLatin1String("data")).toObject().value(kEscalations);
    if (!list.isArray())
        return std::nullopt;
    QList<Escalation> escalations;
    const QJsonArray array = list.toArray();
    escalations.reserve(array.size());
    for (const QJsonValue &item : array) {
        std::optional<Escalation> escalation = escalationFromJson(item.toObject());
        if (!item.isObject() || !escalation)
            return std::nullopt;
        escalations.append(std::move(*escalation));
    }
    return escalations;
}

ApiOutcome unexpected(ApiOutcome outcome, const QString &detail)
{
    outcome.kind = ApiOutcome::Kind::UnexpectedResponse;
    outcome.detail = detail;
    return outcome;
}

// "<path>, <message>" with a dotted path such as "escalations.0.escalationId".
ApiOutcome validationFailure(ApiOutcome outcome)
{
    outcome.kind = ApiOutcome::Kind::ValidationFailed;
    const QString &error = outcome.serverError;
    const int comma = error.indexOf(QLatin1String(", "));
    outcome.validationPath = comma < 0 ? QString() : error.left(comma);
    outcome.validationMessage = comma < 0 ? error : error.mid(comma + 2);
    const QStringList segments = outcome.validationPath.split(QLatin1Char('.'));
    if (segments.size() >= 2 && segments.at(0) == kEscalations) {
        bool isIndex = false;
        const int index = segments.at(1).toInt(&isIndex);
        if (isIndex && index >= 0) {
            outcome.itemIndex = index;
            outcome.field = segments.size() >= 3 ? segments.at(2) : QString();
        }
    }
    return outcome;
}

} // namespace

QString formatTimestamp(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QDateTime parseTimestamp(const QString &text)
{
    // Qt::ISODateWithMs accepts "Z" and "+hh:mm"; a date-time without a zone is ambiguous and
    // refused, since the wire format always carries one.
    static const QRegularExpression hasZone(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    if (!text.contains(QLatin1Char('T')) || !hasZone.match(text).hasMatch())
        return {};
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QJsonObject updateToJson(const EscalationUpdate &update)
{
    QJsonObject item { { QStringLiteral("escalationId"), update.escalationId } };
    if (update.note)
        item.insert(QStringLiteral("note"), *update.note);
    if (update.followUpDueAt)
        item.insert(QStringLiteral("followUpDueAt"), formatTimestamp(*update.followUpDueAt));
    if (update.assignedToEmail)
        item.insert(QStringLiteral("assignedToEmail"), *update.assignedToEmail);
    return item;
}

QByteArray encodeUpdateRequest(const QList<EscalationUpdate> &updates)
{
    QJsonArray items;
    for (const EscalationUpdate &update : updates)
        items.append(updateToJson(update));
    const QJsonObject body { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                             { kEscalations, items } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject escalationToJson(const Escalation &e)
{
    auto orNull = [](const auto &optional, auto convert) {
        return optional ? QJsonValue(convert(*optional)) : QJsonValue(QJsonValue::Null);
    };
    auto same = [](const QString &s) {
        return s;
    };
    QJsonObject object { { QStringLiteral("id"), e.id },
                         { QStringLiteral("type"), e.type },
                         { QStringLiteral("title"), e.title },
                         { QStringLiteral("note"), orNull(e.note, same) },
                         { QStringLiteral("followUpDueAt"),
                           orNull(e.followUpDueAt, formatTimestamp) },
                         { QStringLiteral("assignedToUserId"), orNull(e.assignedToUserId, same) },
                         { QStringLiteral("isCompleted"), e.isCompleted },
                         { QStringLiteral("createdAt"), formatTimestamp(e.createdAt) } };
    if (e.updatedAt)
        object.insert(QStringLiteral("updatedAt"), formatTimestamp(*e.updatedAt));
    return object;
}

std::optional<Escalation> escalationFromJson(const QJsonObject &o)
{
    bool ok = true;
    Escalation e;
    const QJsonValue id = o.value(QLatin1String("id"));
    const QJsonValue title = o.value(QLatin1String("title"));
    if (!id.isString() || id.toString().isEmpty() || !title.isString())
        return std::nullopt;
    e.id = id.toString();
    e.title = title.toString();
    e.type = o.value(QLatin1String("type")).toString();
    e.note = nullableString(o.value(QLatin1String("note")), &ok);
    e.followUpDueAt = nullableTimestamp(o.value(QLatin1String("followUpDueAt")), &ok);
    e.assignedToUserId = nullableString(o.value(QLatin1String("assignedToUserId")), &ok);
    e.isCompleted = o.value(QLatin1String("isCompleted")).toBool(false);
    e.createdAt = parseTimestamp(o.value(QLatin1String("createdAt")).toString());
    e.updatedAt = nullableTimestamp(o.value(QLatin1String("updatedAt")), &ok);
    if (!ok)
        return std::nullopt;
    return e;
}

ApiOutcome decodeResponse(int httpStatus, const QByteArray &body)
{
    ApiOutcome outcome;
    outcome.httpStatus = httpStatus;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unexpected(outcome, QStringLiteral("The response is not a JSON object."));

    const QJsonObject envelope = document.object();
    outcome.message = envelope.value(QLatin1String("message")).toString();
    outcome.serverError = envelope.value(QLatin1String("error")).toString();
    const QString &error = outcome.serverError;

    if (httpStatus >= 200 && httpStatus < 300) {
        const std::optional<QList<Escalation>> list = escalationList(envelope);
        if (envelope.value(QLatin1String("success")).toBool() && list) {
            outcome.kind = ApiOutcome::Kind::Updated;
            outcome.escalations = *list;
            return outcome;
        }
        return unexpected(outcome, QStringLiteral("The success response has an unknown shape."));
    }

    if (httpStatus == 400
        && envelope.value(QLatin1String("code")).toString() == QLatin1String("VALIDATION_ERROR"))
        return validationFailure(outcome);

    static const QRegularExpression notFound(QStringLiteral("^Escalation not found:\\s*(.+)$"));
    static const QRegularExpression noAssignee(
        QStringLiteral("^No assignable user found with email (.+) for this organization$"));
    if (const QRegularExpressionMatch m = notFound.match(error); m.hasMatch()) {
        const std::optional<QList<Escalation>> list = escalationList(envelope);
        if (!list)
            return unexpected(outcome, QStringLiteral("The active escalation list is missing."));
        outcome.kind = ApiOutcome::Kind::EscalationsNotFound;
        outcome.escalations = *list;
        for (const QString &id : m.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            outcome.missingIds << id.trimmed();
        return outcome;
    }
    if (const QRegularExpressionMatch m = noAssignee.match(error); m.hasMatch()) {
        outcome.kind = ApiOutcome::Kind::AssigneeNotFound;
        outcome.email = m.captured(1).trimmed();
        return outcome;
    }
    // Other pages of this API answer these with 404 or 403 too; key on status class and text.
    if (httpStatus >= 400 && httpStatus < 500) {
        if (error.startsWith(QLatin1String("Case not found"))) {
            outcome.kind = ApiOutcome::Kind::CaseNotFound;
            return outcome;
        }
        if (error.startsWith(QLatin1String("Permission denied"))) {
            outcome.kind = ApiOutcome::Kind::PermissionDenied;
            return outcome;
        }
        if (error.contains(QLatin1String("API key"), Qt::CaseInsensitive)) {
            outcome.kind = ApiOutcome::Kind::InvalidApiKey;
            return outcome;
        }
    }
    return unexpected(outcome, QString());
}

} // namespace Care360::Codec
