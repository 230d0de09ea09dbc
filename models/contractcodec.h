#pragma once

#include "apioutcome.h"
#include "escalation.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace Care360::Codec {

// Timestamps on the wire are always UTC "yyyy-MM-ddTHH:mm:ss.zzzZ", whatever the input zone.
QString formatTimestamp(const QDateTime &dateTime);
// Accepts any ISO 8601 date-time with an offset or "Z"; returns an invalid QDateTime otherwise.
QDateTime parseTimestamp(const QString &text);

QJsonObject updateToJson(const EscalationUpdate &update);
// The whole request body: {"action":"UPDATE_ESCALATION","escalations":[...]}.
QByteArray encodeUpdateRequest(const QList<EscalationUpdate> &updates);

// Serialises an escalation in the page's shape; updatedAt only when present.
QJsonObject escalationToJson(const Escalation &escalation);
// Tolerant: extra fields are ignored; std::nullopt when a required field is missing or mistyped.
std::optional<Escalation> escalationFromJson(const QJsonObject &object);

// (HTTP status, body) -> one typed outcome. Never crashes, asserts or throws on any input.
ApiOutcome decodeResponse(int httpStatus, const QByteArray &body);

} // namespace Care360::Codec
