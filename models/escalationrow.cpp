#include "escalationrow.h"

#include "contractcodec.h"

#include <algorithm>
#include <iterator>

namespace Care360 {

namespace {
int slot(EditableField field)
{
    return static_cast<int>(field);
}
} // namespace

bool EscalationRow::sameDraft(EditableField field, const QVariant &a, const QVariant &b)
{
    if (a.isValid() != b.isValid())
        return false;
    if (!a.isValid())
        return true;
    if (field == EditableField::FollowUpDue)
        return a.toDateTime() == b.toDateTime();
    return a.toString() == b.toString();
}

bool RowEdits::hasErrors() const
{
    if (!rowError.isEmpty())
        return true;
    for (const QString &error : cellErrors) {
        if (!error.isEmpty())
            return true;
    }
    return false;
}

QVariant EscalationRow::draft(EditableField field) const
{
    if (!m_edits)
        return {};
    switch (field) {
    case EditableField::Note:
        return m_edits->note ? QVariant(*m_edits->note) : QVariant();
    case EditableField::FollowUpDue:
        return m_edits->followUpDueAt ? QVariant(*m_edits->followUpDueAt) : QVariant();
    case EditableField::Assignee:
        return m_edits->assigneeEmail ? QVariant(*m_edits->assigneeEmail) : QVariant();
    }
    return {};
}

QVariant EscalationRow::serverValueOf(const Escalation &escalation, EditableField field)
{
    switch (field) {
    case EditableField::Note:
        return escalation.note ? QVariant(*escalation.note) : QVariant();
    case EditableField::FollowUpDue:
        return escalation.followUpDueAt ? QVariant(*escalation.followUpDueAt) : QVariant();
    case EditableField::Assignee:
        return escalation.assignedToUserId ? QVariant(*escalation.assignedToUserId) : QVariant();
    }
    return {};
}

void EscalationRow::setServerValueOf(Escalation &escalation, EditableField field,
                                     const QVariant &serverForm)
{
    const bool set = serverForm.isValid();
    switch (field) {
    case EditableField::Note:
        escalation.note = set ? std::optional<QString>(serverForm.toString()) : std::nullopt;
        break;
    case EditableField::FollowUpDue:
        escalation.followUpDueAt =
            set ? std::optional<QDateTime>(serverForm.toDateTime()) : std::nullopt;
        break;
    case EditableField::Assignee:
        escalation.assignedToUserId =
            set ? std::optional<QString>(serverForm.toString()) : std::nullopt;
        break;
    }
}

QVariant EscalationRow::normalized(EditableField field, const QVariant &value)
{
    if (!value.isValid())
        return {};
    switch (field) {
    case EditableField::Note:
        return value.toString();
    case EditableField::FollowUpDue: {
        const QDateTime dateTime = value.userType() == QMetaType::QString
            ? Codec::parseTimestamp(value.toString())
            : value.toDateTime();
        return dateTime.isValid() ? QVariant(dateTime.toUTC()) : QVariant();
    }
    case EditableField::Assignee: {
        const QString email = value.toString().trimmed();
        return email.isEmpty() ? QVariant() : QVariant(email);
    }
    }
    return {};
}

bool EscalationRow::matchesServer(EditableField field, const QVariant &value,
                                  const QString &assigneeEmailOfServer) const
{
    switch (field) {
    case EditableField::Note:
        return m_server.note.value_or(QString()) == value.toString();
    case EditableField::FollowUpDue:
        return m_server.followUpDueAt && *m_server.followUpDueAt == value.toDateTime();
    case EditableField::Assignee:
        return !assigneeEmailOfServer.isEmpty()
            && assigneeEmailOfServer.compare(value.toString(), Qt::CaseInsensitive) == 0;
    }
    return false;
}

QVariant EscalationRow::resolveDraft(EditableField field, const QVariant &value,
                                     const QString &assigneeEmailOfServer) const
{
    const QVariant next = normalized(field, value);
    if (next.isValid() && matchesServer(field, next, assigneeEmailOfServer))
        return QVariant();
    return next;
}

bool EscalationRow::setDraft(EditableField field, const QVariant &value,
                             const QString &assigneeEmailOfServer)
{
    const QVariant next = resolveDraft(field, value, assigneeEmailOfServer);
    if (sameDraft(field, next, draft(field)))
        return false;
    const bool begun = !hasDraft(field) && next.isValid();
    RowEdits &e = edits();
    if (begun)
        e.base[slot(field)] = serverValue(field);
    if (!next.isValid()) {
        e.base[slot(field)] = QVariant();
        e.conflict[slot(field)] = false;
    }
    switch (field) {
    case EditableField::Note:
        e.note = next.isValid() ? std::optional<QString>(next.toString()) : std::nullopt;
        break;
    case EditableField::FollowUpDue:
        e.followUpDueAt =
            next.isValid() ? std::optional<QDateTime>(next.toDateTime()) : std::nullopt;
        break;
    case EditableField::Assignee:
        e.assigneeEmail = next.isValid() ? std::optional<QString>(next.toString()) : std::nullopt;
        break;
    }
    releaseIfEmpty();
    return true;
}

std::optional<QString> EscalationRow::effectiveNote() const
{
    return m_edits && m_edits->note ? m_edits->note : m_server.note;
}

std::optional<QDateTime> EscalationRow::effectiveFollowUp() const
{
    return m_edits && m_edits->followUpDueAt ? m_edits->followUpDueAt : m_server.followUpDueAt;
}

QVariant EscalationRow::baseValue(EditableField field) const
{
    return m_edits ? m_edits->base[slot(field)] : QVariant();
}

void EscalationRow::setBaseValue(EditableField field, const QVariant &serverForm)
{
    if (hasDraft(field))
        m_edits->base[slot(field)] = serverForm;
}

bool EscalationRow::hasConflict(EditableField field) const
{
    return m_edits && m_edits->conflict[slot(field)];
}

int EscalationRow::conflictCount() const
{
    if (!m_edits)
        return 0;
    return int(std::count(std::cbegin(m_edits->conflict), std::cend(m_edits->conflict), true));
}

bool EscalationRow::sameServerValue(EditableField field, const QVariant &a, const QVariant &b)
{
    if (field == EditableField::FollowUpDue)
        return a.isValid() == b.isValid() && (!a.isValid() || a.toDateTime() == b.toDateTime());
    return a.toString() == b.toString();
}

bool EscalationRow::markConflicts()
{
    if (!m_edits)
        return false;
    bool changed = false;
    for (EditableField field : kEditableFields) {
        const bool conflict =
            hasDraft(field) && !sameServerValue(field, serverValue(field), baseValue(field));
        changed = changed || conflict != m_edits->conflict[slot(field)];
        m_edits->conflict[slot(field)] = conflict;
    }
    return changed;
}

bool EscalationRow::keepDraftOverServer(EditableField field)
{
    if (!hasConflict(field))
        return false;
    m_edits->base[slot(field)] = serverValue(field);
    m_edits->conflict[slot(field)] = false;
    return true;
}

QString EscalationRow::cellError(EditableField field) const
{
    return m_edits ? m_edits->cellErrors[slot(field)] : QString();
}

void EscalationRow::setCellError(EditableField field, const QString &error)
{
    if (error.isEmpty() && !m_edits)
        return;
    edits().cellErrors[slot(field)] = error;
    releaseIfEmpty();
}

void EscalationRow::setRowError(const QString &error)
{
    if (error.isEmpty() && !m_edits)
        return;
    edits().rowError = error;
    releaseIfEmpty();
}

bool EscalationRow::clearErrors()
{
    if (!hasErrors())
        return false;
    for (QString &error : m_edits->cellErrors)
        error.clear();
    m_edits->rowError.clear();
    releaseIfEmpty();
    return true;
}

QVariant EscalationRow::updateValue(const EscalationUpdate &update, EditableField field)
{
    switch (field) {
    case EditableField::Note:
        return update.note ? QVariant(*update.note) : QVariant();
    case EditableField::FollowUpDue:
        return update.followUpDueAt ? QVariant(*update.followUpDueAt) : QVariant();
    case EditableField::Assignee:
        return update.assignedToEmail ? QVariant(*update.assignedToEmail) : QVariant();
    }
    return QVariant();
}

EscalationUpdate EscalationRow::pendingUpdate() const
{
    EscalationUpdate update;
    update.escalationId = m_server.id;
    if (m_edits) {
        update.note = m_edits->note;
        update.followUpDueAt = m_edits->followUpDueAt;
        update.assignedToEmail = m_edits->assigneeEmail;
    }
    return update;
}

RowEdits &EscalationRow::edits()
{
    if (!m_edits)
        m_edits = std::make_unique<RowEdits>();
    return *m_edits;
}

void EscalationRow::releaseIfEmpty()
{
    if (m_edits && m_edits->isEmpty())
        m_edits.reset();
}

} // namespace Care360
