#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

namespace Care360::RequestSchema {

// The first problem of a request body, in the contract's "<path>, <message>" form.
struct SchemaError {
    QString path; // e.g. "escalations.0.escalationId"
    QString message; // e.g. "escalationId must be a valid UUID"
    QString errorText() const
    {
        return path.isEmpty() ? message : path + QStringLiteral(", ") + message;
    }
};

bool isEmail(QStringView text);
// ISO 8601 date-time with a zone ("Z" or an offset).
bool isDateTime(const QString &text);

// Strict schema check of an UPDATE_ESCALATION body, first problem only. The sandbox answers with
// it; the client runs it on its own encoded body so that a local refusal reads like the server's.
std::optional<SchemaError> validateUpdateBody(const QJsonValue &body);

} // namespace Care360::RequestSchema
