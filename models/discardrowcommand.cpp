#include "discardrowcommand.h"

#include "escalationtablemodel.h"

namespace Care360 {

DiscardRowCommand::DiscardRowCommand(EscalationTableModel *model, const QString &escalationId,
                                     const QString &text)
    : QUndoCommand(text)
    , m_model(model)
    , m_escalationId(escalationId)
{
}

void DiscardRowCommand::redo()
{
    // A row a refresh brought back to life is not discarded: only inactive rows are.
    const int row = m_model->rowOf(m_escalationId);
    if (row < 0 || !m_model->rowAt(row).isInactive())
        return;
    m_model->takeRow(m_escalationId, &m_position, &m_row);
    m_model->announcePendingCount();
}

void DiscardRowCommand::undo()
{
    if (m_position < 0)
        return;
    // A refresh may have brought the escalation back meanwhile; the live row wins.
    if (m_model->rowOf(m_escalationId) < 0)
        m_model->restoreRow(m_position, std::move(m_row));
    m_row = EscalationRow();
    m_position = -1;
    m_model->announcePendingCount();
}

} // namespace Care360
