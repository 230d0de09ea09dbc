#include "outcomemerger.h"
#include "models/wirenames.h"

#include "assigneedirectory.h"
#include "escalationtablemodel.h"

#include <QHash>

namespace Care360 {

namespace {
using Kind = ApiOutcome::Kind;
constexpr EditableField kFields[] = { EditableField::Note, EditableField::FollowUpDue,
                                      EditableField::Assignee };
// Beyond this many separate removed ranges one reset is cheaper than range-by-range signals.
constexpr size_t kMaxRemovedRanges = 16;

// Whether the server now holds a sent value. The assignee comes back as a user ID only, so an
// accepted reassignment counts as applied when the escalation has an assignee.
bool serverHolds(const Escalation &server, EditableField field, const QVariant &sent)
{
    switch (field) {
    case EditableField::Note:
        return server.note.value_or(QString()) == sent.toString();
    case EditableField::FollowUpDue:
        return server.followUpDueAt && *server.followUpDueAt == sent.toDateTime();
    case EditableField::Assignee:
        return server.assignedToUserId.has_value();
    }
    return false;
}

std::optional<EditableField> fieldForWireName(const QString &name)
{
    if (name == Wire::note)
        return EditableField::Note;
    if (name == Wire::followUpDueAt)
        return EditableField::FollowUpDue;
    if (name == Wire::assignedToEmail)
        return EditableField::Assignee;
    return std::nullopt;
}
} // namespace

OutcomeMerger::OutcomeMerger(EscalationTableModel &model)
    : m_model(model)
{
}

void OutcomeMerger::apply(const RequestSnapshot &snapshot, const ApiOutcome &outcome)
{
    switch (outcome.kind) {
    case Kind::Listed:
        applyListing(outcome.escalations);
        return;
    case Kind::Updated:
    case Kind::EscalationsNotFound:
    case Kind::ValidationFailed:
    case Kind::AssigneeNotFound:
        break;
    default:
        // Nothing was applied (or nobody knows): drafts, errors and server state stay as they are.
        return;
    }
    // The newest answer to a request replaces the errors of the previous one.
    m_model.clearRowErrors();
    m_modelError.clear();
    if (outcome.kind == Kind::Updated)
        applyUpdated(snapshot, outcome);
    else if (outcome.kind == Kind::EscalationsNotFound)
        applyListing(outcome.escalations); // the missing rows are not in it: they turn inactive
    else if (outcome.kind == Kind::ValidationFailed)
        applyValidationFailed(snapshot, outcome);
    else
        applyAssigneeNotFound(outcome);
    m_model.setModelError(m_modelError);
}

void OutcomeMerger::applyUpdated(const RequestSnapshot &snapshot, const ApiOutcome &outcome)
{
    QHash<QString, const Escalation *> returned;
    returned.reserve(outcome.escalations.size());
    QList<std::pair<QString, EditableField>> ownChanges;
    for (const Escalation &escalation : outcome.escalations)
        returned.insert(escalation.id, &escalation);

    for (const EscalationUpdate &item : snapshot.updates) {
        const int row = m_model.rowOf(item.escalationId);
        if (row < 0)
            continue;
        const Escalation *server = returned.value(item.escalationId, nullptr);
        for (EditableField field : kFields) {
            const QVariant sent = EscalationRow::updateValue(item, field);
            if (!sent.isValid())
                continue;
            // What this send stored is no one else's change: a draft kept below (made in
            // flight, or stored otherwise) is compared from now on with the answer's value.
            if (server)
                ownChanges.append({ item.escalationId, field });
            // A draft that differs from what was sent was made after the snapshot: keep it.
            if (!EscalationRow::sameDraft(field, m_model.rowAt(row).draft(field), sent))
                continue;
            // A row missing from the answer was updated and then completed: its sent drafts
            // are done with.
            if (server && !serverHolds(*server, field, sent))
                continue;
            if (server && field == EditableField::Assignee)
                m_model.m_directory->learn(*server->assignedToUserId, sent.toString());
            m_model.applyDraft(item.escalationId, field, QVariant(), row);
        }
    }
    applyListing(outcome.escalations);
    for (const auto &[id, field] : std::as_const(ownChanges)) {
        const int row = m_model.rowOf(id);
        if (row >= 0)
            m_model.m_store.at(row).keepDraftOverServer(field);
    }
}

void OutcomeMerger::applyValidationFailed(const RequestSnapshot &snapshot,
                                          const ApiOutcome &outcome)
{
    const int item = outcome.itemIndex;
    const int row = item >= 0 && item < snapshot.updates.size()
        ? m_model.rowOf(snapshot.updates.at(item).escalationId)
        : -1;
    if (row < 0) {
        m_modelError = outcome.userMessage();
        return;
    }
    const QString text =
        outcome.validationMessage.isEmpty() ? outcome.userMessage() : outcome.validationMessage;
    EscalationRow &r = m_model.m_store.at(row);
    if (const std::optional<EditableField> field = fieldForWireName(outcome.field))
        r.setCellError(*field, text);
    else
        r.setRowError(text);
    m_model.emitRowsChanged(row, row);
}

void OutcomeMerger::applyAssigneeNotFound(const ApiOutcome &outcome)
{
    const QString email = outcome.email.trimmed();
    bool attached = false;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        EscalationRow &r = m_model.m_store.at(row);
        const QVariant draft = r.draft(EditableField::Assignee);
        if (!email.isEmpty() && draft.isValid()
            && draft.toString().compare(email, Qt::CaseInsensitive) == 0) {
            r.setCellError(EditableField::Assignee, outcome.userMessage());
            m_model.emitRowsChanged(row, row);
            attached = true;
        }
    }
    if (!attached)
        m_modelError = outcome.userMessage();
}

void OutcomeMerger::applyListing(const QList<Escalation> &escalations)
{
    QHash<QString, int> incoming;
    incoming.reserve(escalations.size());
    for (int i = 0; i < escalations.size(); ++i) {
        if (!incoming.contains(escalations.at(i).id))
            incoming.insert(escalations.at(i).id, i);
    }

    EscalationRowStore &store = m_model.m_store;
    std::vector<bool> remove(size_t(store.size()), false);
    for (int row = 0; row < store.size(); ++row) {
        const int from = incoming.value(store.at(row).id(), -1);
        EscalationRow &r = store.at(row);
        if (from >= 0) {
            store.setServer(row, escalations.at(from));
            r.setInactive(false);
            dropDraftsMatchingServer(r);
            r.markConflicts();
        } else if (r.hasDrafts()) {
            r.setInactive(true);
        } else {
            remove[size_t(row)] = true;
        }
    }
    if (!store.isEmpty())
        m_model.emitRowsChanged(0, store.size() - 1);
    removeRows(remove);

    QList<int> fresh;
    for (int i = 0; i < escalations.size(); ++i) {
        if (incoming.value(escalations.at(i).id) == i && store.indexOf(escalations.at(i).id) < 0)
            fresh.append(i);
    }
    if (fresh.isEmpty())
        return;
    m_model.beginInsertRows(QModelIndex(), store.size(), store.size() + int(fresh.size()) - 1);
    for (int i : std::as_const(fresh))
        store.append(escalations.at(i));
    m_model.endInsertRows();
}

bool OutcomeMerger::dropDraftsMatchingServer(EscalationRow &row)
{
    bool dropped = false;
    const QString email = m_model.serverAssigneeEmail(row);
    for (EditableField field : kFields) {
        const QVariant draft = row.draft(field);
        if (draft.isValid() && row.setDraft(field, draft, email)) {
            row.setCellError(field, QString());
            dropped = true;
        }
    }
    return dropped;
}

void OutcomeMerger::removeRows(const std::vector<bool> &remove)
{
    std::vector<std::pair<int, int>> ranges;
    for (int row = 0; row < int(remove.size()); ++row) {
        if (!remove[size_t(row)])
            continue;
        if (!ranges.empty() && ranges.back().second == row - 1)
            ranges.back().second = row;
        else
            ranges.emplace_back(row, row);
    }
    if (ranges.empty())
        return;
    EscalationRowStore &store = m_model.m_store;
    if (ranges.size() > kMaxRemovedRanges) {
        m_model.beginResetModel();
        store.removeWhere(remove);
        m_model.endResetModel();
        return;
    }
    // Bottom-up, so the row numbers of the ranges still to remove stay valid.
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        m_model.beginRemoveRows(QModelIndex(), it->first, it->second);
        store.removeRange(it->first, it->second);
        m_model.endRemoveRows();
    }
}

} // namespace Care360
