#pragma once

#include "apioutcome.h"
#include "escalation.h"
#include "escalationrow.h"
#include "escalationrowstore.h"
#include "requestsnapshot.h"
#include "saveddraft.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <functional>
#include <vector>

class QUndoStack;

namespace Care360 {

class AssigneeDirectory;
struct CellChange;

// The active escalations of one case with the agent's drafts. Every draft change goes through
// the undo stack; outcomes of requests are merged against the snapshot the request was built
// from, so edits made while a request is in flight survive.
class EscalationTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY conflictCountChanged)
    Q_PROPERTY(QString modelError READ modelError NOTIFY modelErrorChanged)
public:
    enum Column { Title, Type, Note, FollowUpDue, Assignee, Created, Updated, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, // QString escalation ID, any column
        ServerValueRole, // raw server value (UTC QDateTime, user ID); invalid when null
        DraftValueRole, // editable cells: the draft (note, UTC QDateTime, e-mail); invalid if none
        DirtyRole, // bool: this cell holds a draft
        ErrorRole, // QString: this cell's error, else the row's; empty when none
        OverdueRole, // bool, any column: the shown follow-up is before now
        DueSoonRole, // bool, any column: the shown follow-up is within the next 24 hours
        InactiveRole, // bool, any column: no longer active (completed or removed elsewhere)
        EditValueRole, // same as Qt::EditRole
        RowDirtyRole, // bool, any column: the row holds any draft
        SortRole, // comparable value: text, or UTC QDateTime (invalid when empty)
        CopyRole, // what Copy puts on the clipboard: the stored text, the user ID of an assignee
        ConflictRole, // bool, editable cells: Care360's value changed under this cell's draft
    };
    Q_ENUM(Role)

    // directory: where learnt assignee e-mails live (not owned); nullptr: the model keeps its own.
    explicit EscalationTableModel(AssigneeDirectory *directory = nullptr,
                                  QObject *parent = nullptr);
    ~EscalationTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Editable cells, Qt::EditRole or EditValueRole: pushes an undoable draft change.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QHash<int, QByteArray> roleNames() const override;

    // Loads a case: drops every draft and error and clears the undo stack.
    void setCaseEscalations(const QString &caseId, const QList<Escalation> &escalations);
    QString caseId() const { return m_caseId; }
    QModelIndex indexOfEscalation(const QString &escalationId, int column = Title) const;

    QUndoStack *undoStack() const { return m_undoStack; }

    // Undoable steps; they do nothing (and push nothing) when there is no draft to revert.
    void revertCell(const QModelIndex &index);
    void revertRow(int row);
    void revertAll();
    // Removes a row marked no-longer-active with its drafts (undoable); false for active rows.
    bool discardInactiveRow(int row);

    // One item per active row with drafts, carrying only the changed fields, in row order.
    QList<EscalationUpdate> pendingUpdates() const;
    // The changes a send would carry: one per edited field of an active row.
    int pendingCount() const { return m_pendingCount; }
    // Any draft at all, including those of no-longer-active rows (unsaved work).
    bool hasDrafts() const;
    // Drafted fields whose server value changed since the draft was begun (someone else's
    // change): nothing is sent while there are any.
    int conflictCount() const { return m_conflictCount; }
    // The agent's choice for a conflicting cell: keep their draft (the newer server value is
    // then what it replaces). Taking the server's value instead is revertCell(). Returns
    // whether the cell was in conflict.
    bool keepDraftOverServer(const QModelIndex &index);
    // The first cell in conflict in row order, or invalid.
    QModelIndex firstConflictIndex() const;

    // Sets several editable cells as ONE undoable step named text (a bulk edit); cells of
    // no-longer-active rows and values that change nothing are skipped. Returns the cells set.
    int setDrafts(const QList<QPair<QModelIndex, QVariant>> &cells, const QString &text);

    // Every row holding drafts (inactive ones too), in row order: what a journal keeps.
    QList<SavedDraft> savedDrafts() const;
    // Puts saved drafts back as one undoable step. Rows no longer listed come back marked
    // no-longer-active with their drafts, as after a refresh. Returns the changes restored.
    int restoreDrafts(const QList<SavedDraft> &drafts);

    // The request to send now; give it back to applyOutcome() with the answer.
    RequestSnapshot snapshot() const;
    // Merges an answer to the request the snapshot describes (Listed: like applyListing()).
    // Outcomes for another case are ignored.
    void applyOutcome(const RequestSnapshot &snapshot, const ApiOutcome &outcome);
    // A refresh: keeps drafts of rows that still exist, marks vanished rows with drafts
    // no-longer-active, drops vanished rows without drafts, appends new rows.
    void applyListing(const QList<Escalation> &escalations);

    // An error that belongs to no row (e.g. a refused request without an item index).
    QString modelError() const { return m_modelError; }
    // The first cell holding an error in row order (Title for a row-level error), or invalid.
    QModelIndex firstErrorIndex() const;

    // Overdue/due-soon are relative to Clock's "now".
    QDateTime now() const;

    static bool isEditableColumn(int column);
    static EditableField fieldForColumn(int column); // only for editable columns
    static int columnForField(EditableField field);

    // How far ahead a follow-up counts as due soon (hours; Preferences, default 24).
    void setDueSoonHours(int hours);

public slots:
    // Re-announces the time-dependent roles; the UI calls it from a timer.
    void refreshDueStates();

signals:
    void pendingCountChanged(int count);
    void conflictCountChanged(int count);
    void modelErrorChanged(const QString &error);

private:
    friend class DraftChangeCommand;
    friend class DiscardRowCommand;
    friend class OutcomeMerger;

    bool isCell(const QModelIndex &index) const;
    int rowOf(const QString &escalationId, int hint = -1) const
    {
        return m_store.indexOf(escalationId, hint);
    }
    const EscalationRow &rowAt(int row) const { return m_store.at(row); }
    QString serverAssigneeEmail(const EscalationRow &row) const;
    // Sets or clears one draft (normalised against the server value); clears that cell's and
    // the row's error. Returns whether the draft changed.
    bool applyDraft(const QString &escalationId, EditableField field, const QVariant &value,
                    int rowHint = -1);
    bool takeRow(const QString &escalationId, int *position, EscalationRow *row);
    void restoreRow(int position, EscalationRow row);
    void pushDraftChanges(const QList<CellChange> &changes, const QString &text);
    QList<CellChange> revertChanges(int row) const;
    void clearRowErrors();
    void setModelError(const QString &error);
    void emitRowsChanged(int first, int last);
    // The count is kept up to date by every change; announcing it is batched per step.
    void recountPending();
    void announcePendingCount();

    EscalationRowStore m_store;
    QString m_caseId;
    QString m_modelError;
    int m_pendingCount = 0;
    int m_conflictCount = 0;
    int m_announcedConflictCount = 0;
    int m_announcedPendingCount = 0;
    AssigneeDirectory *m_directory = nullptr;
    int m_dueSoonHours = 24;
    QUndoStack *m_undoStack = nullptr;
};

} // namespace Care360
