// Fuzz target: the request schema, RequestSchema::validateUpdateBody, on a body parsed the way
// the sandbox parses a request (SandboxStore::handle: not JSON reads as undefined). Checks:
// - never a crash, leak or undefined behaviour;
// - a refusal always has a message;
// - an accepted body has what the contract requires, checked here without the schema's code;
// - an accepted body, read into EscalationUpdates and encoded again by the client's codec
//   (Codec::encodeUpdateRequest, what the console sends), is accepted too.
// Input: the raw request body. Seeds: tests/fuzz/corpus/requestschema/.
#include "fuzzsupport.h"

#include "models/caseid.h"
#include "models/contractcodec.h"
#include "models/escalation.h"
#include "models/requestschema.h"
#include "models/wirenames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Care360;

namespace {

QJsonValue parsedLikeTheSandbox(const QByteArray &body)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QJsonValue(QJsonValue::Undefined);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

// The accepted item as the console would hold it.
EscalationUpdate updateFrom(const QJsonObject &item)
{
    EscalationUpdate update;
    update.escalationId = item.value(Wire::escalationId).toString();
    if (item.contains(Wire::note))
        update.note = item.value(Wire::note).toString();
    if (item.contains(Wire::followUpDueAt))
        update.followUpDueAt = Codec::parseTimestamp(item.value(Wire::followUpDueAt).toString());
    if (item.contains(Wire::assignedToEmail))
        update.assignedToEmail = item.value(Wire::assignedToEmail).toString();
    return update;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    const QJsonValue json = parsedLikeTheSandbox(body);
    const std::optional<RequestSchema::SchemaError> error = RequestSchema::validateUpdateBody(json);
    if (error) {
        Fuzz::check(!error->message.isEmpty() && !error->errorText().isEmpty(),
                    "a refusal without a message", error->path);
        return 0;
    }

    Fuzz::check(json.isObject(), "accepted a body that is not an object");
    const QJsonObject object = json.toObject();
    Fuzz::check(object.size() == 2 && object.value(Wire::action) == Wire::updateEscalation,
                "accepted a body without exactly action UPDATE_ESCALATION and escalations");
    const QJsonArray items = object.value(Wire::escalations).toArray();
    Fuzz::check(!items.isEmpty(), "accepted a body without escalations");
    QList<EscalationUpdate> updates;
    for (const QJsonValue &value : items) {
        Fuzz::check(value.isObject(), "accepted an item that is not an object");
        const QJsonObject item = value.toObject();
        const QString id = item.value(Wire::escalationId).toString();
        Fuzz::check(id.size() == 36 && CaseId::extract(id) == id.toLower(),
                    "accepted an escalationId that is not an ID", id);
        const QJsonValue note = item.value(Wire::note);
        Fuzz::check(note.isUndefined() || note.isString(), "accepted a note that is no string");
        const QJsonValue due = item.value(Wire::followUpDueAt);
        Fuzz::check(due.isUndefined() || Codec::parseTimestamp(due.toString()).isValid(),
                    "accepted a followUpDueAt that does not parse", due.toString());
        const QJsonValue email = item.value(Wire::assignedToEmail);
        Fuzz::check(email.isUndefined() || email.toString().count(QLatin1Char('@')) == 1,
                    "accepted an assignedToEmail without exactly one @", email.toString());
        updates << updateFrom(item);
    }

    const QByteArray encoded = Codec::encodeUpdateRequest(updates);
    const std::optional<RequestSchema::SchemaError> again =
        RequestSchema::validateUpdateBody(parsedLikeTheSandbox(encoded));
    if (again)
        Fuzz::fail("the client's encoding of an accepted body is refused",
                   again->errorText() + QStringLiteral(" in ") + QString::fromUtf8(encoded));
    return 0;
}
