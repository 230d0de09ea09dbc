#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace Care360 {

// Sorting and filtering over EscalationTableModel: free text over title, note and assignee,
// "only rows with pending changes", "only overdue"; empty follow-up dates sort last both ways.
class EscalationFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EscalationFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    bool onlyPending() const { return m_onlyPending; }
    bool onlyOverdue() const { return m_onlyOverdue; }

public slots:
    // Case-insensitive substring of title, note (as shown) or assignee (as shown).
    void setFilterText(const QString &text);
    // Rows holding drafts, including no-longer-active ones (so they can be discarded).
    void setOnlyPending(bool only);
    // Rows whose shown follow-up is before the model's clock.
    void setOnlyOverdue(bool only);

    // Row headers count rows as shown (1, 2, 3…), not the model's order.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_filterText;
    bool m_onlyPending = false;
    bool m_onlyOverdue = false;
};

} // namespace Care360
