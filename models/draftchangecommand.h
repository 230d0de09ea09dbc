#pragma once

#include "escalationrow.h"

#include <QList>
#include <QString>
#include <QUndoCommand>
#include <QVariant>

namespace Care360 {

class EscalationTableModel;

// One cell's draft before and after a step; cells are named by escalation ID, not row number,
// because merges insert and remove rows between the step and its undo.
struct CellChange {
    QString escalationId;
    EditableField field = EditableField::Note;
    QVariant before; // invalid: no draft
    QVariant after;
    int rowHint = -1; // where the row was when the step was made: saves an ID lookup
};

// Edit, revert cell, revert row and revert all: a list of draft changes applied as one step.
// Rows that disappeared meanwhile are skipped.
class DraftChangeCommand : public QUndoCommand {
public:
    DraftChangeCommand(EscalationTableModel *model, QList<CellChange> changes, const QString &text);

    void redo() override;
    void undo() override;

private:
    EscalationTableModel *m_model;
    QList<CellChange> m_changes;
};

} // namespace Care360
