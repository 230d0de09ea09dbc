#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Care360 {

// One escalation as the UPDATE_ESCALATION responses describe it. Nullable server fields are
// std::optional so that "null" and "empty string" stay distinct.
struct Escalation {
    QString id;
    QString type;
    QString title;
    std::optional<QString> note;
    std::optional<QDateTime> followUpDueAt; // always UTC
    std::optional<QString> assignedToUserId;
    bool isCompleted = false;
    QDateTime createdAt; // UTC
    std::optional<QDateTime> updatedAt; // absent from the 400 "not found" example

    friend bool operator==(const Escalation &a, const Escalation &b)
    {
        return a.id == b.id && a.type == b.type && a.title == b.title && a.note == b.note
            && a.followUpDueAt == b.followUpDueAt && a.assignedToUserId == b.assignedToUserId
            && a.isCompleted == b.isCompleted && a.createdAt == b.createdAt
            && a.updatedAt == b.updatedAt;
    }
    friend bool operator!=(const Escalation &a, const Escalation &b) { return !(a == b); }
};

// One item of an UPDATE_ESCALATION request. Unset optionals are absent from the JSON.
struct EscalationUpdate {
    QString escalationId;
    std::optional<QString> note;
    std::optional<QDateTime> followUpDueAt;
    std::optional<QString> assignedToEmail;

    bool isEmpty() const { return !note && !followUpDueAt && !assignedToEmail; }
    // The changes it carries: one per field set.
    int changeCount() const
    {
        return int(note.has_value()) + int(followUpDueAt.has_value())
            + int(assignedToEmail.has_value());
    }
    // Wire names of the fields that are set, for logs and confirmations (never their values).
    QStringList fieldNames() const;
    // The union over several items, in first-seen order.
    static QStringList fieldNames(const QList<EscalationUpdate> &updates);

    friend bool operator==(const EscalationUpdate &a, const EscalationUpdate &b)
    {
        return a.escalationId == b.escalationId && a.note == b.note
            && a.followUpDueAt == b.followUpDueAt && a.assignedToEmail == b.assignedToEmail;
    }
};

} // namespace Care360

Q_DECLARE_METATYPE(Care360::Escalation)
Q_DECLARE_METATYPE(Care360::EscalationUpdate)
