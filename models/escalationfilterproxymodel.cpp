#include "escalationfilterproxymodel.h"

#include "escalationtablemodel.h"

#include <QDateTime>

namespace Care360 {

namespace {
using Model = EscalationTableModel;
constexpr int kSearchedColumns[] = { Model::Title, Model::Note, Model::Assignee };
} // namespace

EscalationFilterProxyModel::EscalationFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Model::SortRole);
    // Locale-aware comparison ignores the case setting in the C locale: stay deterministic.
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
    // Edits change pending state and dates: rows re-filter and re-sort as they change.
    setDynamicSortFilter(true);
}

void EscalationFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    refilter();
}

void EscalationFilterProxyModel::setOnlyPending(bool only)
{
    if (only == m_onlyPending)
        return;
    m_onlyPending = only;
    refilter();
}

void EscalationFilterProxyModel::setOnlyOverdue(bool only)
{
    if (only == m_onlyOverdue)
        return;
    m_onlyOverdue = only;
    refilter();
}

void EscalationFilterProxyModel::refilter()
{
    // Not invalidateFilter(): when a filter relaxes, Qt 6.4 re-inserts the returning rows range
    // by range (0.7 s for 85,000 rows); a full remap takes milliseconds.
    invalidate();
}

QVariant EscalationFilterProxyModel::headerData(int section, Qt::Orientation orientation,
                                                int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

bool EscalationFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                  const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (m_onlyPending && !first.data(Model::RowDirtyRole).toBool())
        return false;
    if (m_onlyOverdue && !first.data(Model::OverdueRole).toBool())
        return false;
    if (m_filterText.isEmpty())
        return true;
    for (int column : kSearchedColumns) {
        const QModelIndex cell = source->index(sourceRow, column, sourceParent);
        // The shown text, and what Copy gives (an unknown assignee's user ID).
        if (cell.data().toString().contains(m_filterText, Qt::CaseInsensitive)
            || cell.data(Model::CopyRole).toString().contains(m_filterText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool EscalationFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.userType() == QMetaType::QDateTime || r.userType() == QMetaType::QDateTime) {
        const QDateTime a = l.toDateTime();
        const QDateTime b = r.toDateTime();
        // Descending sorts call lessThan(right, left): flip the answer for empty dates so
        // they stay at the bottom either way.
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        if (!a.isValid() || !b.isValid()) {
            if (a.isValid() == b.isValid())
                return false;
            return a.isValid() == ascending;
        }
        return a < b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Care360

#include "moc_escalationfilterproxymodel.cpp"
