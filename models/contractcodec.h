#pragma once

#include "apioutcome.h"
#include "escalation.h"
#include "escalationlistreader.h"

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
QJsonObject updateRequestObject(const QList<EscalationUpdate> &updates);
QByteArray encodeUpdateRequest(const QList<EscalationUpdate> &updates);

// Serialises an escalation in the page's shape; updatedAt only when present.
QJsonObject escalationToJson(const Escalation &escalation);
// Tolerant: extra fields are ignored; std::nullopt when a required field is missing or mistyped.
std::optional<Escalation> escalationFromJson(const QJsonObject &object);
// The same rules over the members EscalationListReader found.
std::optional<Escalation> escalationFromWire(const WireFields &fields);

// (HTTP status, body) -> one typed outcome. Never crashes, asserts or throws on any input.
// Reads well-formed bodies with EscalationListReader, anything else with QJsonDocument.
ApiOutcome decodeResponse(int httpStatus, const QByteArray &body);
// The same through QJsonDocument only: the reference EscalationListReader is tested against.
ApiOutcome decodeResponseWithDocument(int httpStatus, const QByteArray &body);

} // namespace Care360::Codec
