#include "contractcodec.h"

#include "models/wirenames.h"
#include "untrustedtext.h"

#include "escalationlistreader.h"
#include "qtcompat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Care360::Codec {

namespace {

const QString kEscalations = Wire::escalations;

// A member found while walking an object, read in place (copying it into a QJsonValue costs
// reference counting); an absent one reads like QJsonObject::value()'s undefined.
class Member {
public:
    void set(QJsonObject::const_iterator it)
    {
        m_it = it;
        m_present = true;
    }
    QJsonValue::Type type() const
    {
        return m_present ? m_it.value().type() : QJsonValue::Undefined;
    }
    bool isString() const { return type() == QJsonValue::String; }
    bool isNullOrAbsent() const
    {
        const QJsonValue::Type t = type();
        return t == QJsonValue::Null || t == QJsonValue::Undefined;
    }
    QString toString() const { return m_present ? m_it.value().toString() : QString(); }
    bool toBool() const { return m_present && m_it.value().toBool(false); }

private:
    QJsonObject::const_iterator m_it;
    bool m_present = false;
};

template<typename Value> std::optional<QString> nullableString(const Value &value, bool *ok)
{
    if (value.isNullOrAbsent())
        return std::nullopt;
    if (!value.isString())
        *ok = false;
    return value.toString();
}

template<typename Value> std::optional<QDateTime> nullableTimestamp(const Value &value, bool *ok)
{
    if (value.isNullOrAbsent())
        return std::nullopt;
    const QDateTime parsed = parseTimestamp(value.toString());
    if (!parsed.isValid())
        *ok = false;
    return parsed;
}

// The field rules, shared by the QJsonObject walk and the streaming reader so both agree.
template<typename Value> std::optional<Escalation> escalationFromMembers(const Value *members)
{
    auto member = [members](WireField field) -> const Value & {
        return members[int(field)];
    };
    const Value &id = member(WireField::Id);
    const Value &title = member(WireField::Title);
    if (!id.isString() || !title.isString())
        return std::nullopt;
    Escalation e;
    e.id = id.toString();
    if (e.id.isEmpty())
        return std::nullopt;
    bool ok = true;
    e.title = title.toString();
    e.type = member(WireField::Type).toString();
    e.note = nullableString(member(WireField::Note), &ok);
    e.followUpDueAt = nullableTimestamp(member(WireField::FollowUpDueAt), &ok);
    e.assignedToUserId = nullableString(member(WireField::AssignedToUserId), &ok);
    e.isCompleted = member(WireField::IsCompleted).toBool();
    e.createdAt = parseTimestamp(member(WireField::CreatedAt).toString());
    e.updatedAt = nullableTimestamp(member(WireField::UpdatedAt), &ok);
    if (!ok)
        return std::nullopt;
    return e;
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
    for (const QJsonValueConstRef item : array) {
        if (!item.isObject())
            return std::nullopt;
        std::optional<Escalation> escalation = escalationFromJson(item.toObject());
        if (!escalation)
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

// Value of the ASCII digit at text[i], or -1; QChar::isDigit would also take other scripts.
int digitAt(const QChar *text, int i)
{
    const unsigned digit = unsigned(text[i].unicode()) - u'0';
    return digit < 10 ? int(digit) : -1;
}

// The two-digit number at text[i..i+1], or -1 when either is not an ASCII digit.
int twoDigitsAt(const QChar *text, int i)
{
    const int tens = digitAt(text, i);
    const int ones = digitAt(text, i + 1);
    return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

// The wire's own form "yyyy-MM-ddTHH:mm:ss.zzzZ" without QDateTime::fromString (10x faster);
// anything it does not accept as plainly valid goes to the general parser, which then decides.
std::optional<QDateTime> parseCanonicalTimestamp(const QString &text)
{
    if (text.size() != 24)
        return std::nullopt;
    const QChar *c = text.constData();
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':'
        || c[19] != u'.' || c[23] != u'Z')
        return std::nullopt;
    const int century = twoDigitsAt(c, 0);
    const int yearOfCentury = twoDigitsAt(c, 2);
    const int month = twoDigitsAt(c, 5);
    const int day = twoDigitsAt(c, 8);
    const int hour = twoDigitsAt(c, 11);
    const int minute = twoDigitsAt(c, 14);
    const int second = twoDigitsAt(c, 17);
    const int centis = twoDigitsAt(c, 20);
    const int millis = digitAt(c, 22);
    if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0
        || second < 0 || centis < 0 || millis < 0)
        return std::nullopt;
    const int year = century * 100 + yearOfCentury;
    // Year 0, 24:00 (next midnight for ISO 8601) and invalid values stay the general parser's.
    if (year < 1 || !QDate::isValid(year, month, day) || !QTime::isValid(hour, minute, second))
        return std::nullopt;
    return QtCompat::utcDateTime(QDate(year, month, day),
                                 QTime(hour, minute, second, centis * 10 + millis));
}

// The distinct IDs of a comma-separated list, at most UntrustedText::maxListedIds of them.
QStringList listedIds(QStringView list)
{
    QStringList ids;
    qsizetype start = 0;
    while (start < list.size() && ids.size() < UntrustedText::maxListedIds) {
        qsizetype end = list.indexOf(QLatin1Char(','), start);
        if (end < 0)
            end = list.size();
        const QString id = UntrustedText::capped(list.mid(start, end - start).trimmed(), 64);
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
        start = end + 1;
    }
    return ids;
}

// The outcome for an envelope, however it was read.
ApiOutcome decodeEnvelope(int httpStatus, const ResponseEnvelope &envelope)
{
    ApiOutcome outcome;
    outcome.httpStatus = httpStatus;
    // Classified on the whole text, kept only in part: a server may send megabytes.
    outcome.message = UntrustedText::capped(envelope.message, UntrustedText::maxKeptChars);
    outcome.serverError = UntrustedText::capped(envelope.error, UntrustedText::maxKeptChars);
    const QString &error = envelope.error;

    if (httpStatus >= 200 && httpStatus < 300) {
        if (envelope.success && envelope.escalations) {
            outcome.kind = ApiOutcome::Kind::Updated;
            outcome.escalations = *envelope.escalations;
            return outcome;
        }
        return unexpected(outcome, QStringLiteral("The success response has an unknown shape."));
    }

    if (httpStatus == 400 && envelope.code == QLatin1String("VALIDATION_ERROR"))
        return validationFailure(outcome);

    static const QRegularExpression notFound(QStringLiteral("^Escalation not found:\\s*(.+)$"));
    static const QRegularExpression noAssignee(
        QStringLiteral("^No assignable user found with email (.+) for this organization$"));
    if (const QRegularExpressionMatch m = notFound.match(error); m.hasMatch()) {
        if (!envelope.escalations)
            return unexpected(outcome, QStringLiteral("The active escalation list is missing."));
        outcome.kind = ApiOutcome::Kind::EscalationsNotFound;
        outcome.escalations = *envelope.escalations;
        outcome.missingIds = listedIds(m.capturedView(1));
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

} // namespace

QString formatTimestamp(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QDateTime parseTimestamp(const QString &text)
{
    if (std::optional<QDateTime> canonical = parseCanonicalTimestamp(text))
        return *canonical;
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
    QJsonObject item { { Wire::escalationId, update.escalationId } };
    if (update.note)
        item.insert(Wire::note, *update.note);
    if (update.followUpDueAt)
        item.insert(Wire::followUpDueAt, formatTimestamp(*update.followUpDueAt));
    if (update.assignedToEmail)
        item.insert(Wire::assignedToEmail, *update.assignedToEmail);
    return item;
}

QJsonObject updateRequestObject(const QList<EscalationUpdate> &updates)
{
    QJsonArray items;
    for (const EscalationUpdate &update : updates)
        items.append(updateToJson(update));
    return QJsonObject { { Wire::action, Wire::updateEscalation }, { kEscalations, items } };
}

QByteArray encodeUpdateRequest(const QList<EscalationUpdate> &updates)
{
    return QJsonDocument(updateRequestObject(updates)).toJson(QJsonDocument::Compact);
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
                         { Wire::note, orNull(e.note, same) },
                         { Wire::followUpDueAt, orNull(e.followUpDueAt, formatTimestamp) },
                         { QStringLiteral("assignedToUserId"), orNull(e.assignedToUserId, same) },
                         { QStringLiteral("isCompleted"), e.isCompleted },
                         { QStringLiteral("createdAt"), formatTimestamp(e.createdAt) } };
    if (e.updatedAt)
        object.insert(QStringLiteral("updatedAt"), formatTimestamp(*e.updatedAt));
    return object;
}

std::optional<Escalation> escalationFromJson(const QJsonObject &o)
{
    // One walk over the members instead of nine value() lookups, each a binary search by
    // string comparison; keys are unique in a QJsonObject, so the walk finds the same values.
    Member members[kWireFieldCount];
    for (auto it = o.constBegin(), end = o.constEnd(); it != end; ++it) {
        const WireField field = wireFieldOf(it.key());
        if (field != WireField::Unknown)
            members[int(field)].set(it);
    }
    return escalationFromMembers(members);
}

std::optional<Escalation> escalationFromWire(const WireFields &fields)
{
    return escalationFromMembers(fields.data());
}

ApiOutcome decodeResponse(int httpStatus, const QByteArray &body)
{
    if (const std::optional<ResponseEnvelope> envelope = EscalationListReader::read(body))
        return decodeEnvelope(httpStatus, *envelope);
    return decodeResponseWithDocument(httpStatus, body);
}

ApiOutcome decodeResponseWithDocument(int httpStatus, const QByteArray &body)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        ApiOutcome outcome;
        outcome.httpStatus = httpStatus;
        return unexpected(outcome, QStringLiteral("The response is not a JSON object."));
    }
    const QJsonObject object = document.object();
    ResponseEnvelope envelope;
    envelope.message = object.value(QLatin1String("message")).toString();
    envelope.error = object.value(QLatin1String("error")).toString();
    envelope.code = object.value(QLatin1String("code")).toString();
    envelope.success = object.value(QLatin1String("success")).toBool();
    envelope.escalations = escalationList(object);
    return decodeEnvelope(httpStatus, envelope);
}

} // namespace Care360::Codec
