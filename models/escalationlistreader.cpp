#include "escalationlistreader.h"
#include "models/wirenames.h"

#include "contractcodec.h"
#include "jsonscanner.h"

namespace Care360 {

namespace {

// Strings are decoded and booleans kept; any other value is checked and skipped.
bool readValue(JsonScanner &scanner, WireValue *value)
{
    value->kind = scanner.peekType();
    if (value->kind == QJsonValue::String)
        return scanner.readString(&value->text);
    value->flag = scanner.peek() == 't';
    return scanner.skipValue();
}

// QJsonObject keeps the last of duplicate keys; rather than mimic that, give up on them.
bool firstTime(unsigned *seen, int bit)
{
    const unsigned mask = 1u << bit;
    const bool first = !(*seen & mask);
    *seen |= mask;
    return first;
}

bool readEscalation(JsonScanner &scanner, std::optional<Escalation> *escalation)
{
    WireFields fields;
    unsigned seen = 0;
    const bool ok = scanner.readObject([&](QLatin1String key) {
        const WireField field = wireFieldOf(key);
        if (field == WireField::Unknown)
            return scanner.skipValue();
        return firstTime(&seen, int(field)) && readValue(scanner, &fields[size_t(field)]);
    });
    if (ok)
        *escalation = Codec::escalationFromWire(fields);
    return ok;
}

// Any malformed item makes the list nullopt, but the rest must still be valid JSON.
bool readEscalations(JsonScanner &scanner, std::optional<QList<Escalation>> *escalations)
{
    if (scanner.peek() != '[')
        return scanner.skipValue();
    QList<Escalation> list;
    bool wellFormed = true;
    const bool ok = scanner.readArray([&] {
        if (!wellFormed || scanner.peek() != '{') {
            wellFormed = false;
            return scanner.skipValue();
        }
        std::optional<Escalation> escalation;
        if (!readEscalation(scanner, &escalation))
            return false;
        if (escalation)
            list.append(std::move(*escalation));
        wellFormed = wellFormed && escalation;
        return true;
    });
    if (ok && wellFormed)
        *escalations = std::move(list);
    return ok;
}

bool readData(JsonScanner &scanner, std::optional<QList<Escalation>> *escalations)
{
    if (scanner.peek() != '{')
        return scanner.skipValue();
    unsigned seen = 0;
    return scanner.readObject([&](QLatin1String key) {
        if (key == Wire::escalations)
            return firstTime(&seen, 0) && readEscalations(scanner, escalations);
        return scanner.skipValue();
    });
}

} // namespace

std::optional<ResponseEnvelope> EscalationListReader::read(const QByteArray &body)
{
    JsonScanner scanner(body);
    ResponseEnvelope envelope;
    unsigned seen = 0;
    auto readText = [&](int bit, QString *text) {
        WireValue value;
        if (!firstTime(&seen, bit) || !readValue(scanner, &value))
            return false;
        *text = value.text;
        return true;
    };
    const bool ok = scanner.peek() == '{' && scanner.readObject([&](QLatin1String key) {
        if (key == QLatin1String("message"))
            return readText(0, &envelope.message);
        if (key == QLatin1String("error"))
            return readText(1, &envelope.error);
        if (key == QLatin1String("code"))
            return readText(2, &envelope.code);
        if (key == QLatin1String("success")) {
            WireValue value;
            const bool read = firstTime(&seen, 3) && readValue(scanner, &value);
            envelope.success = value.toBool();
            return read;
        }
        if (key == QLatin1String("data"))
            return firstTime(&seen, 4) && readData(scanner, &envelope.escalations);
        return scanner.skipValue();
    });
    if (!ok || !scanner.atEnd())
        return std::nullopt;
    return envelope;
}

} // namespace Care360
