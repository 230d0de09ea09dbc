#include "draftchangecommand.h"

#include "escalationtablemodel.h"

namespace Care360 {

DraftChangeCommand::DraftChangeCommand(EscalationTableModel *model, QList<CellChange> changes,
                                       const QString &text)
    : QUndoCommand(text)
    , m_model(model)
    , m_changes(std::move(changes))
{
}

void DraftChangeCommand::redo()
{
    for (const CellChange &change : std::as_const(m_changes))
        m_model->applyDraft(change.escalationId, change.field, change.after, change.rowHint);
    m_model->announcePendingCount();
}

void DraftChangeCommand::undo()
{
    for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it)
        m_model->applyDraft(it->escalationId, it->field, it->before, it->rowHint);
    m_model->announcePendingCount();
}

} // namespace Care360
