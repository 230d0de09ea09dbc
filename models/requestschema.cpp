#include "requestschema.h"
#include "models/wirenames.h"

#include "caseid.h"

#include "contractcodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace Care360::RequestSchema {

namespace {

SchemaError typeError(const QString &path, const char *expected, const QJsonValue &value)
{
    static const char *const names[] = { "null", "boolean", "number", "string", "array", "object" };
    const int type = int(value.type());
    const char *received = type >= 0 && type < 6 ? names[type] : "undefined";
    return { path,
             QStringLiteral("Expected %1, received %2")
                 .arg(QLatin1String(expected),
                      QLatin1String(value.isUndefined() ? "undefined" : received)) };
}

std::optional<SchemaError> validateItem(const QJsonValue &value, int index)
{
    const QString base = QStringLiteral("escalations.%1").arg(index);
    if (!value.isObject())
        return typeError(base, "object", value);
    const QJsonObject item = value.toObject();
    static const QStringList known { Wire::escalationId, Wire::note, Wire::followUpDueAt,
                                     Wire::assignedToEmail };
    for (auto it = item.begin(); it != item.end(); ++it) {
        if (!known.contains(it.key()))
            return SchemaError {
                base + QLatin1Char('.') + it.key(),
                QStringLiteral("Unrecognized key(s) in object: '%1'").arg(it.key())
            };
    }
    const QString idPath = base + QStringLiteral(".escalationId");
    const QJsonValue id = item.value(Wire::escalationId);
    if (!id.isString())
        return typeError(idPath, "string", id);
    if (!CaseId::isUuid(id.toString()))
        return SchemaError { idPath, QStringLiteral("escalationId must be a valid UUID") };
    const QJsonValue note = item.value(Wire::note);
    if (!note.isUndefined() && !note.isString())
        return typeError(base + QStringLiteral(".note"), "string", note);
    const QJsonValue due = item.value(Wire::followUpDueAt);
    if (!due.isUndefined()) {
        const QString path = base + QStringLiteral(".followUpDueAt");
        if (!due.isString())
            return typeError(path, "string", due);
        if (!isDateTime(due.toString()))
            return SchemaError {
                path, QStringLiteral("followUpDueAt must be a valid ISO 8601 datetime")
            };
    }
    const QJsonValue email = item.value(Wire::assignedToEmail);
    if (!email.isUndefined()) {
        const QString path = base + QStringLiteral(".assignedToEmail");
        if (!email.isString())
            return typeError(path, "string", email);
        if (!isEmail(email.toString()))
            return SchemaError { path, QStringLiteral("assignedToEmail must be a valid email") };
    }
    return std::nullopt;
}

} // namespace

bool isEmail(QStringView text)
{
    // Deliberately simple, like the server-side schema libraries: one @, a dotted domain.
    static const QRegularExpression email(
        QStringLiteral("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$"));
    return text.size() <= 254 && email.match(text.toString()).hasMatch();
}

bool isDateTime(const QString &text)
{
    return Codec::parseTimestamp(text).isValid();
}

std::optional<SchemaError> validateUpdateBody(const QJsonValue &body)
{
    if (!body.isObject())
        return typeError(QString(), "object", body);
    const QJsonObject object = body.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != Wire::action && it.key() != Wire::escalations)
            return SchemaError {
                it.key(), QStringLiteral("Unrecognized key(s) in object: '%1'").arg(it.key())
            };
    }
    const QJsonValue action = object.value(Wire::action);
    if (action.toString() != Wire::updateEscalation)
        return SchemaError { Wire::action,
                             action.isUndefined()
                                 ? QStringLiteral("Required")
                                 : QStringLiteral(
                                     "Invalid literal value, expected \"UPDATE_ESCALATION\"") };
    const QJsonValue escalations = object.value(Wire::escalations);
    const QString path = Wire::escalations;
    if (escalations.isUndefined())
        return SchemaError { path, QStringLiteral("Required") };
    if (!escalations.isArray())
        return typeError(path, "array", escalations);
    const QJsonArray items = escalations.toArray();
    if (items.isEmpty())
        return SchemaError { path, QStringLiteral("At least one escalation is required") };
    for (int i = 0; i < items.size(); ++i) {
        if (std::optional<SchemaError> error = validateItem(items.at(i), i))
            return error;
    }
    return std::nullopt;
}

} // namespace Care360::RequestSchema
