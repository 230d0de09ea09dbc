// The agent's draft steps of EscalationTableModel: setting, reverting and discarding drafts,
// each one an undoable command. Reading and merging live in escalationtablemodel.cpp.
#include "escalationtablemodel.h"

#include "discardrowcommand.h"
#include "draftchangecommand.h"

#include <QSet>
#include <QUndoStack>

namespace Care360 {

void EscalationTableModel::revertCell(const QModelIndex &index)
{
    if (!isCell(index) || !isEditableColumn(index.column()))
        return;
    const EscalationRow &row = rowAt(index.row());
    const EditableField field = fieldForColumn(index.column());
    if (row.hasDraft(field))
        pushDraftChanges(
            { CellChange { row.id(), field, row.draft(field), QVariant(), index.row() } },
            tr("Revert cell"));
}

void EscalationTableModel::revertRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const QList<CellChange> changes = revertChanges(row);
    if (!changes.isEmpty())
        pushDraftChanges(changes, tr("Revert row"));
}

void EscalationTableModel::revertAll()
{
    QList<CellChange> changes;
    for (int row = 0; row < rowCount(); ++row) {
        if (rowAt(row).hasDrafts())
            changes += revertChanges(row);
    }
    if (!changes.isEmpty())
        pushDraftChanges(changes, tr("Revert all changes"));
}

bool EscalationTableModel::discardInactiveRow(int row)
{
    if (row < 0 || row >= rowCount() || !rowAt(row).isInactive())
        return false;
    m_undoStack->push(
        new DiscardRowCommand(this, rowAt(row).id(), tr("Discard no longer active escalation")));
    return true;
}

bool EscalationTableModel::applyDraft(const QString &escalationId, EditableField field,
                                      const QVariant &value, int rowHint)
{
    const int row = rowOf(escalationId, rowHint);
    if (row < 0)
        return false;
    EscalationRow &r = m_store.at(row);
    const int wasPending = r.pendingChanges();
    const int conflicts = r.conflictCount();
    if (!r.setDraft(field, value, serverAssigneeEmail(r)))
        return false;
    m_pendingCount += r.pendingChanges() - wasPending;
    m_conflictCount += r.conflictCount() - conflicts;
    // An error was about the value that just changed.
    r.setCellError(field, QString());
    r.setRowError(QString());
    emitRowsChanged(row, row);
    return true;
}

bool EscalationTableModel::takeRow(const QString &escalationId, int *position, EscalationRow *row)
{
    const int index = rowOf(escalationId);
    if (index < 0)
        return false;
    beginRemoveRows(QModelIndex(), index, index);
    *row = m_store.take(index);
    *position = index;
    m_pendingCount -= row->pendingChanges();
    endRemoveRows();
    return true;
}

void EscalationTableModel::restoreRow(int position, EscalationRow row)
{
    position = std::clamp(position, 0, rowCount());
    beginInsertRows(QModelIndex(), position, position);
    m_pendingCount += row.pendingChanges();
    m_store.insert(position, std::move(row));
    endInsertRows();
}

void EscalationTableModel::pushDraftChanges(const QList<CellChange> &changes, const QString &text)
{
    m_undoStack->push(new DraftChangeCommand(this, changes, text));
}

QList<CellChange> EscalationTableModel::revertChanges(int row) const
{
    QList<CellChange> changes;
    const EscalationRow &r = rowAt(row);
    for (EditableField field : kEditableFields) {
        if (r.hasDraft(field))
            changes.append(CellChange { r.id(), field, r.draft(field), QVariant(), row });
    }
    return changes;
}

int EscalationTableModel::setDrafts(const QList<QPair<QModelIndex, QVariant>> &cells,
                                    const QString &text)
{
    QList<CellChange> changes;
    for (const auto &[index, value] : cells) {
        if (!isCell(index) || !isEditableColumn(index.column()) || rowAt(index.row()).isInactive())
            continue;
        const EscalationRow &row = rowAt(index.row());
        const EditableField field = fieldForColumn(index.column());
        const QVariant before = row.draft(field);
        const QVariant after = row.resolveDraft(field, value, serverAssigneeEmail(row));
        if (!EscalationRow::sameDraft(field, before, after))
            changes.append({ row.id(), field, before, after, index.row() });
    }
    if (!changes.isEmpty())
        pushDraftChanges(changes, text);
    return int(changes.size());
}

QList<SavedDraft> EscalationTableModel::savedDrafts() const
{
    QList<SavedDraft> saved;
    for (const EscalationRow &row : m_store) {
        if (!row.hasDrafts())
            continue;
        Escalation base = row.server();
        for (EditableField field : kEditableFields) {
            if (row.hasDraft(field))
                EscalationRow::setServerValueOf(base, field, row.baseValue(field));
        }
        saved.append({ row.server(), row.pendingUpdate(),
                       base == row.server() ? std::nullopt : std::optional<Escalation>(base) });
    }
    return saved;
}

int EscalationTableModel::restoreDrafts(const QList<SavedDraft> &drafts)
{
    QList<CellChange> changes;
    int restored = 0;
    for (const SavedDraft &saved : drafts) {
        const int row = rowOf(saved.server.id);
        if (row >= 0 && rowAt(row).isInactive())
            continue; // already shown with its drafts
        if (row < 0) {
            // Completed or removed since the drafts were made: shown, but never sent.
            EscalationRow inactive(saved.server);
            inactive.setInactive(true);
            for (EditableField field : kEditableFields)
                inactive.setDraft(field, EscalationRow::updateValue(saved.drafts, field));
            if (!inactive.hasDrafts())
                continue;
            restored += inactive.draftCount();
            beginInsertRows(QModelIndex(), rowCount(), rowCount());
            m_store.insert(rowCount(), std::move(inactive));
            endInsertRows();
            continue;
        }
        const EscalationRow &r = rowAt(row);
        for (EditableField field : kEditableFields) {
            const QVariant value = EscalationRow::updateValue(saved.drafts, field);
            const QVariant after =
                value.isValid() ? r.resolveDraft(field, value, serverAssigneeEmail(r)) : QVariant();
            // A value the server already holds (sent just before the end) is no draft.
            if (!after.isValid() || EscalationRow::sameDraft(field, r.draft(field), after))
                continue;
            changes.append({ r.id(), field, r.draft(field), after, row });
            ++restored;
        }
    }
    if (!changes.isEmpty())
        pushDraftChanges(changes, tr("Restore unsent changes"));
    // Compared with the row as it was when each draft was begun, not as listed now: a change
    // someone made while the console was closed is a conflict, never silently overwritten.
    for (const SavedDraft &saved : drafts) {
        const int row = rowOf(saved.server.id);
        if (row < 0)
            continue;
        EscalationRow &r = m_store.at(row);
        for (EditableField field : kEditableFields)
            r.setBaseValue(field, EscalationRow::serverValueOf(saved.baseRow(), field));
        if (r.markConflicts())
            emitRowsChanged(row, row);
    }
    recountPending();
    return restored;
}

} // namespace Care360
