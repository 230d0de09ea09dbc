#include "journalcodec.h"

#include "draftcipher.h"
#include "models/contractcodec.h"
#include "models/wirenames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Care360::JournalCodec {

namespace {
constexpr int kFormat = 1;
const QString kFormatKey = QStringLiteral("format");
const QString kSavedAtKey = QStringLiteral("savedAt");
const QString kRowsKey = QStringLiteral("rows");
const QString kEscalationKey = QStringLiteral("escalation");
const QString kDraftsKey = QStringLiteral("drafts");
const QString kBaseKey = QStringLiteral("base"); // only when a drafted field changed meanwhile

// The request item's shape; a field present with the wrong type makes the whole file unreadable.
std::optional<EscalationUpdate> updateFromJson(const QJsonObject &object, const QString &id)
{
    EscalationUpdate update;
    update.escalationId = id;
    const QJsonValue note = object.value(Wire::note);
    const QJsonValue due = object.value(Wire::followUpDueAt);
    const QJsonValue email = object.value(Wire::assignedToEmail);
    if ((!note.isUndefined() && !note.isString()) || (!due.isUndefined() && !due.isString())
        || (!email.isUndefined() && !email.isString()))
        return std::nullopt;
    if (note.isString())
        update.note = note.toString();
    if (due.isString()) {
        const QDateTime when = Codec::parseTimestamp(due.toString());
        if (!when.isValid())
            return std::nullopt;
        update.followUpDueAt = when;
    }
    if (email.isString())
        update.assignedToEmail = email.toString();
    return update;
}
} // namespace

QByteArray digest(const QList<SavedDraft> &drafts)
{
    DraftCipher::Fingerprint hash;
    const auto text = [&hash](const std::optional<QString> &value) {
        // Presence first, so that a null note and an empty one differ; then the raw UTF-16.
        const char present = value ? '1' : '0';
        hash.add(QByteArrayView(&present, 1));
        if (value)
            hash.add(
                QByteArrayView(reinterpret_cast<const char *>(value->utf16()), value->size() * 2));
        const char separator = '\x1f';
        hash.add(QByteArrayView(&separator, 1));
    };
    const auto time = [&text](const std::optional<QDateTime> &value) {
        text(value ? std::optional<QString>(Codec::formatTimestamp(*value)) : std::nullopt);
    };
    for (const SavedDraft &saved : drafts) {
        const Escalation &server = saved.server;
        for (const QString &field : { server.id, server.type, server.title })
            text(field);
        text(server.note);
        time(server.followUpDueAt);
        text(server.assignedToUserId);
        time(server.createdAt);
        time(server.updatedAt);
        text(saved.drafts.note);
        time(saved.drafts.followUpDueAt);
        text(saved.drafts.assignedToEmail);
        const Escalation &base = saved.baseRow();
        text(base.note);
        time(base.followUpDueAt);
        text(base.assignedToUserId);
    }
    return hash.result();
}

QByteArray encode(const Contents &contents)
{
    QJsonArray rows;
    for (const SavedDraft &saved : contents.drafts) {
        QJsonObject row { { kEscalationKey, Codec::escalationToJson(saved.server) },
                          { kDraftsKey, Codec::updateToJson(saved.drafts) } };
        if (saved.base)
            row.insert(kBaseKey, Codec::escalationToJson(*saved.base));
        rows.append(row);
    }
    const QJsonObject root { { kFormatKey, kFormat },
                             { kSavedAtKey, Codec::formatTimestamp(contents.savedAt) },
                             { kRowsKey, rows } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<Contents> decode(const QByteArray &plain)
{
    const QJsonDocument document = QJsonDocument::fromJson(plain);
    const QJsonObject root = document.object();
    if (root.value(kFormatKey).toInt() != kFormat || !root.value(kRowsKey).isArray())
        return std::nullopt;
    Contents contents;
    contents.savedAt = Codec::parseTimestamp(root.value(kSavedAtKey).toString());
    const QJsonArray rows = root.value(kRowsKey).toArray();
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const std::optional<Escalation> server =
            Codec::escalationFromJson(row.value(kEscalationKey).toObject());
        if (!server)
            return std::nullopt;
        const std::optional<EscalationUpdate> drafts =
            updateFromJson(row.value(kDraftsKey).toObject(), server->id);
        if (!drafts)
            return std::nullopt;
        std::optional<Escalation> base;
        if (row.contains(kBaseKey)) {
            base = Codec::escalationFromJson(row.value(kBaseKey).toObject());
            if (!base)
                return std::nullopt;
        }
        contents.drafts.append({ *server, *drafts, base });
    }
    return contents;
}

} // namespace Care360::JournalCodec
