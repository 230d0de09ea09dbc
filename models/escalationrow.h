#pragma once

#include "escalation.h"

#include <QString>
#include <QVariant>

#include <memory>

namespace Care360 {

// The three fields UPDATE_ESCALATION can change.
enum class EditableField { Note, FollowUpDue, Assignee };
constexpr int kEditableFieldCount = 3;
inline constexpr EditableField kEditableFields[] = { EditableField::Note,
                                                     EditableField::FollowUpDue,
                                                     EditableField::Assignee };

// Drafts and errors of one row; allocated only for rows that have any, to keep the 100,000-row
// case small (most rows never get edited).
struct RowEdits {
    std::optional<QString> note;
    std::optional<QDateTime> followUpDueAt; // UTC
    std::optional<QString> assigneeEmail;
    QString cellErrors[kEditableFieldCount];
    QString rowError; // a problem with the item that names no editable field
    // Per drafted field, the server's value when the draft was begun (the user ID for the
    // assignee; invalid for null): a listing that brings another value means someone changed
    // the field on Care360 meanwhile, and the draft must not silently replace their change.
    QVariant base[kEditableFieldCount];
    bool conflict[kEditableFieldCount] = {};

    bool hasDrafts() const { return note || followUpDueAt || assigneeEmail; }
    // One change is one field of one escalation: the unit of every count the agent reads.
    int draftCount() const
    {
        return int(bool(note)) + int(bool(followUpDueAt)) + int(bool(assigneeEmail));
    }
    bool hasErrors() const;
    bool isEmpty() const { return !hasDrafts() && !hasErrors(); }
};

// One table row: the server's escalation plus the agent's local state.
class EscalationRow {
public:
    EscalationRow() = default;
    explicit EscalationRow(Escalation server)
        : m_server(std::move(server))
    {
    }
    EscalationRow(EscalationRow &&) = default;
    EscalationRow &operator=(EscalationRow &&) = default;

    const Escalation &server() const { return m_server; }
    const QString &id() const { return m_server.id; }
    void setServer(Escalation server) { m_server = std::move(server); }

    bool isInactive() const { return m_inactive; }
    void setInactive(bool inactive) { m_inactive = inactive; }

    bool hasDrafts() const { return m_edits && m_edits->hasDrafts(); }
    // Drafts that the next request will carry.
    bool isPending() const { return !m_inactive && hasDrafts(); }
    // The changes of this row that a send would carry (none when no longer active).
    int pendingChanges() const { return isPending() ? draftCount() : 0; }
    int draftCount() const { return m_edits ? m_edits->draftCount() : 0; }
    bool hasDraft(EditableField field) const { return draft(field).isValid(); }
    // QString for note and assignee e-mail, UTC QDateTime for follow-up; invalid when none.
    QVariant draft(EditableField field) const;
    // The server's value in the same form as a draft (the user ID for the assignee).
    QVariant serverValue(EditableField field) const { return serverValueOf(m_server, field); }
    static QVariant serverValueOf(const Escalation &escalation, EditableField field);
    // Sets one field of an escalation from its server form (invalid: null).
    static void setServerValueOf(Escalation &escalation, EditableField field,
                                 const QVariant &serverForm);
    // The draft that setDraft() would store for this value; invalid when it would clear it.
    QVariant resolveDraft(EditableField field, const QVariant &value,
                          const QString &assigneeEmailOfServer = QString()) const;
    // Stores a draft, or clears it when the value is invalid or equals the server's value
    // (assigneeEmailOfServer: the known e-mail of the server's assignee, if any).
    // Returns whether the draft changed.
    bool setDraft(EditableField field, const QVariant &value,
                  const QString &assigneeEmailOfServer = QString());
    // Whether a draft value equals the server's value (null note and "" count as equal).
    bool matchesServer(EditableField field, const QVariant &value,
                       const QString &assigneeEmailOfServer = QString()) const;
    // The value the row will show: the draft when there is one, else the server's.
    std::optional<QString> effectiveNote() const;
    std::optional<QDateTime> effectiveFollowUp() const;

    // Optimistic concurrency without an ETag: the server's value when this field's draft was
    // begun (invalid when null or when there is no draft).
    QVariant baseValue(EditableField field) const;
    void setBaseValue(EditableField field, const QVariant &serverForm);
    // The server's value changed under this field's draft; it is not sent until the agent picks.
    bool hasConflict(EditableField field) const;
    int conflictCount() const;
    // After a listing: marks each drafted field whose server value is no longer its base.
    // Returns whether any mark changed.
    bool markConflicts();
    // The agent keeps their draft over the newer server value, which becomes the base.
    bool keepDraftOverServer(EditableField field);
    // Equal server values of a field (null note and "" count as equal).
    static bool sameServerValue(EditableField field, const QVariant &a, const QVariant &b);

    QString cellError(EditableField field) const;
    QString rowError() const { return m_edits ? m_edits->rowError : QString(); }
    bool hasErrors() const { return m_edits && m_edits->hasErrors(); }
    void setCellError(EditableField field, const QString &error);
    void setRowError(const QString &error);
    // Returns whether anything was cleared.
    bool clearErrors();

    // The changed fields of this row, for the request.
    EscalationUpdate pendingUpdate() const;

    static bool sameDraft(EditableField field, const QVariant &a, const QVariant &b);
    // One field of a request item in draft form; invalid when the item leaves it unchanged.
    static QVariant updateValue(const EscalationUpdate &update, EditableField field);
    // Canonical draft form of a value typed by the agent (trimmed e-mail, UTC date-time).
    static QVariant normalized(EditableField field, const QVariant &value);

private:
    RowEdits &edits();
    void releaseIfEmpty();

    Escalation m_server;
    std::unique_ptr<RowEdits> m_edits;
    bool m_inactive = false;
};

} // namespace Care360
