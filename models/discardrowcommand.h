#pragma once

#include "escalationrow.h"

#include <QString>
#include <QUndoCommand>

namespace Care360 {

class EscalationTableModel;

// Drops a no-longer-active row with its drafts; undo puts it back where it was.
class DiscardRowCommand : public QUndoCommand {
public:
    DiscardRowCommand(EscalationTableModel *model, const QString &escalationId,
                      const QString &text);

    void redo() override;
    void undo() override;

private:
    EscalationTableModel *m_model;
    QString m_escalationId;
    int m_position = -1; // -1 while the row is in the model
    EscalationRow m_row;
};

} // namespace Care360
