#pragma once

#include "wirenames.h"

#include "escalation.h"

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Care360 {

// The members of an escalation object that Codec reads; Unknown for any other key.
enum class WireField {
    Id,
    Title,
    Type,
    Note,
    FollowUpDueAt,
    AssignedToUserId,
    IsCompleted,
    CreatedAt,
    UpdatedAt,
    Unknown
};
constexpr int kWireFieldCount = int(WireField::Unknown);

// Compares by length first so that most keys are told apart without comparing characters.
// A template so that QJsonObject's QString keys and the reader's raw bytes share one table.
template<typename Key> WireField wireFieldOf(const Key &key)
{
    auto is = [&key](QLatin1String name) {
        return key == name;
    };
    switch (key.size()) {
    case 2:
        return is(QLatin1String("id")) ? WireField::Id : WireField::Unknown;
    case 4:
        return is(QLatin1String("type")) ? WireField::Type
            : is(Wire::note)             ? WireField::Note
                                         : WireField::Unknown;
    case 5:
        return is(QLatin1String("title")) ? WireField::Title : WireField::Unknown;
    case 9:
        return is(QLatin1String("createdAt")) ? WireField::CreatedAt
            : is(QLatin1String("updatedAt"))  ? WireField::UpdatedAt
                                              : WireField::Unknown;
    case 11:
        return is(QLatin1String("isCompleted")) ? WireField::IsCompleted : WireField::Unknown;
    case 13:
        return is(Wire::followUpDueAt) ? WireField::FollowUpDueAt : WireField::Unknown;
    case 16:
        return is(QLatin1String("assignedToUserId")) ? WireField::AssignedToUserId
                                                     : WireField::Unknown;
    default:
        return WireField::Unknown;
    }
}

// One member value as the reader found it, answering like the QJsonValue it stands for.
struct WireValue {
    QJsonValue::Type kind = QJsonValue::Undefined;
    QString text; // the decoded string when kind is String
    bool flag = false; // the boolean when kind is Bool

    QJsonValue::Type type() const { return kind; }
    bool isString() const { return kind == QJsonValue::String; }
    bool isNullOrAbsent() const
    {
        return kind == QJsonValue::Null || kind == QJsonValue::Undefined;
    }
    QString toString() const { return text; }
    bool toBool() const { return kind == QJsonValue::Bool && flag; }
};
// An escalation object's members, indexed by WireField; absent ones stay Undefined.
using WireFields = std::array<WireValue, kWireFieldCount>;

// What Codec::decodeResponse reads from a response envelope, with QJsonValue's conversions
// already applied: strings are empty unless the member is a string, success only a JSON true.
struct ResponseEnvelope {
    QString message;
    QString error;
    QString code;
    bool success = false;
    // nullopt when data.escalations is missing or not an array, or an item is malformed.
    std::optional<QList<Escalation>> escalations;
};

// A strict one-pass reader of UTF-8 response bodies that builds escalations without a DOM
// (QJsonDocument spends most of a large list's decode time building and freeing its tree).
// It answers only when certain to match QJsonDocument; on anything unusual (invalid or
// truncated JSON, duplicate or escaped keys, exponents, control characters, a BOM, deep
// nesting) it returns std::nullopt and the caller decodes with QJsonDocument instead.
class EscalationListReader {
public:
    static std::optional<ResponseEnvelope> read(const QByteArray &body);
};

} // namespace Care360
