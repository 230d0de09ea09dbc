// CaseWorkspace's bulk edits: the same change on many escalations as one undo step.
#include "caseworkspace.h"

#include "models/escalationtablemodel.h"

namespace Care360 {

namespace {
QList<QPair<QModelIndex, QVariant>> cells(const EscalationTableModel *model, const QList<int> &rows,
                                          int column,
                                          const std::function<QVariant(const QModelIndex &)> &value)
{
    QList<QPair<QModelIndex, QVariant>> list;
    for (int row : rows) {
        const QModelIndex index = model->index(row, column);
        if (index.isValid())
            list.append({ index, value(index) });
    }
    return list;
}
} // namespace

int CaseWorkspace::setAssigneeForRows(const QList<int> &rows, const QString &email)
{
    return m_model->setDrafts(
        cells(m_model, rows, EscalationTableModel::Assignee,
              [&email](const QModelIndex &) { return QVariant(email.trimmed()); }),
        tr("Set the assignee of %Ln escalation(s)", nullptr, int(rows.size())));
}

int CaseWorkspace::setFollowUpForRows(const QList<int> &rows, const QDateTime &due)
{
    return m_model->setDrafts(
        cells(m_model, rows, EscalationTableModel::FollowUpDue,
              [&due](const QModelIndex &) { return QVariant(due.toUTC()); }),
        tr("Set the follow-up of %Ln escalation(s)", nullptr, int(rows.size())));
}

int CaseWorkspace::appendToNotes(const QList<int> &rows, const QString &line)
{
    const QString added = line.trimmed();
    if (added.isEmpty())
        return 0;
    return m_model->setDrafts(
        cells(m_model, rows, EscalationTableModel::Note,
              [&added](const QModelIndex &index) {
                  const QString note = index.data(EscalationTableModel::EditValueRole).toString();
                  return QVariant(note.isEmpty() ? added : note + QLatin1Char('\n') + added);
              }),
        tr("Add a line to %Ln note(s)", nullptr, int(rows.size())));
}

} // namespace Care360
