#include "escalationtablemodel.h"

#include "clock.h"

#include "assigneedirectory.h"
#include "discardrowcommand.h"
#include "draftchangecommand.h"
#include "escalationpresenter.h"
#include "outcomemerger.h"

#include <QUndoStack>

#include <algorithm>

namespace Care360 {

EscalationTableModel::EscalationTableModel(AssigneeDirectory *directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory ? directory : new AssigneeDirectory(this))
    , m_undoStack(new QUndoStack(this))
{
    connect(m_directory, &AssigneeDirectory::changed, this, [this] {
        if (!m_store.isEmpty())
            emit dataChanged(index(0, Assignee), index(rowCount() - 1, Assignee));
    });
}

EscalationTableModel::~EscalationTableModel()
{
    // Commands reach back into the model: delete them while the model is still whole.
    m_undoStack->clear();
}

bool EscalationTableModel::isCell(const QModelIndex &index) const
{
    // Not checkIndex(): views and the model tester legitimately ask about invalid indexes.
    return index.isValid() && index.model() == this && index.row() < rowCount()
        && index.column() < ColumnCount;
}

int EscalationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_store.size();
}

int EscalationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EscalationTableModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return QVariant();
    const EscalationRow &row = rowAt(index.row());
    const int column = index.column();
    const bool editable = isEditableColumn(column);
    const bool timed = role == OverdueRole || role == DueSoonRole || role == Qt::ToolTipRole
        || role == Qt::AccessibleTextRole || role == Qt::AccessibleDescriptionRole;
    const EscalationPresenter presenter(m_directory, timed ? now() : QDateTime(), m_dueSoonHours);
    switch (role) {
    case Qt::DisplayRole:
        return presenter.displayText(row, column);
    case Qt::EditRole:
    case EditValueRole:
        return presenter.editValue(row, column);
    case Qt::ToolTipRole:
        return presenter.toolTip(row, column);
    case Qt::AccessibleDescriptionRole: // the state; the tooltip's details on request
        return presenter.stateDescription(row, column);
    case Qt::AccessibleTextRole:
        return presenter.accessibleText(row, column);
    case IdRole:
        return row.id();
    case ServerValueRole:
        return presenter.serverValue(row, column);
    case DraftValueRole:
        return editable ? row.draft(fieldForColumn(column)) : QVariant();
    case DirtyRole:
        return editable && row.hasDraft(fieldForColumn(column));
    case ErrorRole: {
        const QString cell = editable ? row.cellError(fieldForColumn(column)) : QString();
        return cell.isEmpty() ? row.rowError() : cell;
    }
    case OverdueRole:
        return presenter.isOverdue(row);
    case DueSoonRole:
        return presenter.isDueSoon(row);
    case InactiveRole:
        return row.isInactive();
    case RowDirtyRole:
        return row.hasDrafts();
    case SortRole:
        return presenter.sortValue(row, column);
    case ConflictRole:
        return editable && row.hasConflict(fieldForColumn(column));
    case CopyRole:
        if (column == Assignee && !row.hasDraft(EditableField::Assignee)
            && row.server().assignedToUserId)
            return *row.server().assignedToUserId;
        return presenter.storedText(row, column);
    default:
        return QVariant();
    }
}

QVariant EscalationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < ColumnCount)
        return EscalationPresenter::headerText(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags EscalationTableModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    // Drafts of inactive rows can never be sent, so their cells stop accepting edits.
    if (isEditableColumn(index.column()) && !rowAt(index.row()).isInactive())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool EscalationTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index) || (role != Qt::EditRole && role != EditValueRole)
        || !isEditableColumn(index.column()))
        return false;
    const EscalationRow &row = rowAt(index.row());
    if (row.isInactive())
        return false;
    const EditableField field = fieldForColumn(index.column());
    const QVariant before = row.draft(field);
    const QVariant after = row.resolveDraft(field, value, serverAssigneeEmail(row));
    if (EscalationRow::sameDraft(field, before, after))
        return true;
    pushDraftChanges({ CellChange { row.id(), field, before, after, index.row() } },
                     EscalationPresenter::editStepText(field));
    return true;
}

QHash<int, QByteArray> EscalationTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "escalationId");
    names.insert(ServerValueRole, "serverValue");
    names.insert(DraftValueRole, "draftValue");
    names.insert(DirtyRole, "dirty");
    names.insert(ErrorRole, "error");
    names.insert(OverdueRole, "overdue");
    names.insert(DueSoonRole, "dueSoon");
    names.insert(InactiveRole, "inactive");
    names.insert(EditValueRole, "editValue");
    names.insert(RowDirtyRole, "rowDirty");
    names.insert(SortRole, "sortValue");
    names.insert(CopyRole, "copyText");
    return names;
}

void EscalationTableModel::setCaseEscalations(const QString &caseId,
                                              const QList<Escalation> &escalations)
{
    beginResetModel();
    m_undoStack->clear();
    m_store.reset(escalations);
    m_caseId = caseId;
    endResetModel();
    setModelError(QString());
    recountPending();
}

QModelIndex EscalationTableModel::indexOfEscalation(const QString &escalationId, int column) const
{
    const int row = rowOf(escalationId);
    return row < 0 ? QModelIndex() : index(row, column);
}

QList<EscalationUpdate> EscalationTableModel::pendingUpdates() const
{
    return m_store.pendingUpdates();
}

bool EscalationTableModel::hasDrafts() const
{
    return m_store.hasDrafts();
}

RequestSnapshot EscalationTableModel::snapshot() const
{
    return RequestSnapshot { m_caseId, pendingUpdates() };
}

void EscalationTableModel::applyOutcome(const RequestSnapshot &snapshot, const ApiOutcome &outcome)
{
    // An answer for the case shown before a switch says nothing about this one.
    if (snapshot.caseId != m_caseId)
        return;
    OutcomeMerger(*this).apply(snapshot, outcome);
    recountPending();
    // Saved edits are Care360's now: undoing one would change nothing ("Undo Edit note" that
    // did nothing). Edits made while the request was out stay undoable, and with them the rest.
    if (outcome.kind == ApiOutcome::Kind::Updated && m_pendingCount == 0)
        m_undoStack->clear();
}

void EscalationTableModel::applyListing(const QList<Escalation> &escalations)
{
    OutcomeMerger(*this).applyListing(escalations);
    recountPending();
}

bool EscalationTableModel::keepDraftOverServer(const QModelIndex &index)
{
    if (!isCell(index) || !isEditableColumn(index.column())
        || !m_store.at(index.row()).keepDraftOverServer(fieldForColumn(index.column())))
        return false;
    emitRowsChanged(index.row(), index.row());
    recountPending();
    return true;
}

QModelIndex EscalationTableModel::firstConflictIndex() const
{
    for (int row = 0; row < rowCount(); ++row) {
        for (EditableField field : kEditableFields) {
            if (rowAt(row).hasConflict(field))
                return index(row, columnForField(field));
        }
    }
    return {};
}

QModelIndex EscalationTableModel::firstErrorIndex() const
{
    for (int row = 0; row < rowCount(); ++row) {
        const EscalationRow &r = rowAt(row);
        if (!r.hasErrors())
            continue;
        for (EditableField field : kEditableFields) {
            if (!r.cellError(field).isEmpty())
                return index(row, columnForField(field));
        }
        return index(row, Title);
    }
    return QModelIndex();
}

QDateTime EscalationTableModel::now() const
{
    return Clock::currentDateTimeUtc();
}

void EscalationTableModel::setDueSoonHours(int hours)
{
    if (hours == m_dueSoonHours || hours < 1)
        return;
    m_dueSoonHours = hours;
    refreshDueStates();
}

void EscalationTableModel::refreshDueStates()
{
    if (!m_store.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         { OverdueRole, DueSoonRole, Qt::ToolTipRole, Qt::AccessibleTextRole,
                           Qt::AccessibleDescriptionRole });
}

bool EscalationTableModel::isEditableColumn(int column)
{
    return column == Note || column == FollowUpDue || column == Assignee;
}

EditableField EscalationTableModel::fieldForColumn(int column)
{
    Q_ASSERT(isEditableColumn(column));
    if (column == FollowUpDue)
        return EditableField::FollowUpDue;
    return column == Assignee ? EditableField::Assignee : EditableField::Note;
}

int EscalationTableModel::columnForField(EditableField field)
{
    switch (field) {
    case EditableField::Note:
        return Note;
    case EditableField::FollowUpDue:
        return FollowUpDue;
    case EditableField::Assignee:
        return Assignee;
    }
    return Note;
}

QString EscalationTableModel::serverAssigneeEmail(const EscalationRow &row) const
{
    const std::optional<QString> &userId = row.server().assignedToUserId;
    return userId ? m_directory->emailFor(*userId) : QString();
}

void EscalationTableModel::clearRowErrors()
{
    int first = -1;
    int last = -1;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_store.at(row).clearErrors()) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first >= 0)
        emitRowsChanged(first, last);
}

void EscalationTableModel::setModelError(const QString &error)
{
    if (error == m_modelError)
        return;
    m_modelError = error;
    emit modelErrorChanged(m_modelError);
}

void EscalationTableModel::emitRowsChanged(int first, int last)
{
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void EscalationTableModel::recountPending()
{
    m_pendingCount = m_store.pendingCount();
    m_conflictCount = m_store.conflictCount();
    announcePendingCount();
}

void EscalationTableModel::announcePendingCount()
{
    if (m_conflictCount != m_announcedConflictCount) {
        m_announcedConflictCount = m_conflictCount;
        emit conflictCountChanged(m_conflictCount);
    }
    if (m_pendingCount == m_announcedPendingCount)
        return;
    m_announcedPendingCount = m_pendingCount;
    emit pendingCountChanged(m_pendingCount);
}

} // namespace Care360

#include "moc_escalationtablemodel.cpp"
