#pragma once

#include "escalationrow.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Care360 {

// The rows of the table in display order, findable by escalation ID. Plain storage: the model
// announces every change it makes here. Server IDs are unique; were one repeated, lookups would
// find its first row.
class EscalationRowStore {
public:
    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    const EscalationRow &at(int row) const { return m_rows[size_t(row)]; }
    EscalationRow &at(int row) { return m_rows[size_t(row)]; }
    // -1 when absent. hint: a row that probably holds the ID (checked first, no index needed).
    int indexOf(const QString &escalationId, int hint = -1) const;

    void reset(const QList<Escalation> &escalations);
    void append(const Escalation &escalation);
    void setServer(int row, const Escalation &escalation);
    EscalationRow take(int row);
    void insert(int row, EscalationRow escalationRow);
    void removeRange(int first, int last);
    // remove[i]: drop row i. One pass, for removals too scattered to announce range by range.
    void removeWhere(const std::vector<bool> &remove);

    // One item per active row with drafts, in row order.
    QList<EscalationUpdate> pendingUpdates() const;
    int pendingCount() const;
    int conflictCount() const;
    bool hasDrafts() const;

    std::vector<EscalationRow>::const_iterator begin() const { return m_rows.cbegin(); }
    std::vector<EscalationRow>::const_iterator end() const { return m_rows.cend(); }

private:
    // Types and titles repeat across rows: share one copy of each (saves ~100 bytes a row).
    Escalation interned(Escalation escalation);
    void intern(QString &text);
    void reindexFrom(int first);
    void ensureIndex() const;

    std::vector<EscalationRow> m_rows;
    // Built on first lookup: hashing 100,000 IDs would double the cost of loading a case.
    mutable QHash<QString, int> m_rowById;
    mutable bool m_indexed = false;
    // A direct-mapped cache of recent strings, cheaper than hashing every title; a collision
    // only costs a missed share.
    static constexpr size_t kInternSlots = 256;
    QString m_internCache[kInternSlots];
};

} // namespace Care360
