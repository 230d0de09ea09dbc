#include "escalationrowstore.h"

#include <algorithm>

namespace Care360 {

void EscalationRowStore::reset(const QList<Escalation> &escalations)
{
    m_rows.clear();
    m_rowById.clear();
    m_indexed = false;
    for (QString &cached : m_internCache)
        cached.clear();
    m_rows.reserve(size_t(escalations.size()));
    for (const Escalation &escalation : escalations)
        m_rows.emplace_back(interned(escalation));
}

void EscalationRowStore::append(const Escalation &escalation)
{
    if (m_indexed)
        m_rowById.insert(escalation.id, size());
    m_rows.emplace_back(interned(escalation));
}

int EscalationRowStore::indexOf(const QString &escalationId, int hint) const
{
    if (hint >= 0 && hint < size() && at(hint).id() == escalationId)
        return hint;
    ensureIndex();
    return m_rowById.value(escalationId, -1);
}

void EscalationRowStore::ensureIndex() const
{
    if (m_indexed)
        return;
    m_rowById.clear();
    m_rowById.reserve(qsizetype(m_rows.size()));
    // Backwards, so that a repeated ID ends up naming its first row.
    for (int row = size() - 1; row >= 0; --row)
        m_rowById.insert(at(row).id(), row);
    m_indexed = true;
}

void EscalationRowStore::setServer(int row, const Escalation &escalation)
{
    m_rows[size_t(row)].setServer(interned(escalation));
}

EscalationRow EscalationRowStore::take(int row)
{
    EscalationRow taken = std::move(m_rows[size_t(row)]);
    if (m_indexed)
        m_rowById.remove(taken.id());
    m_rows.erase(m_rows.begin() + row);
    reindexFrom(row);
    return taken;
}

void EscalationRowStore::insert(int row, EscalationRow escalationRow)
{
    row = std::clamp(row, 0, size());
    m_rows.insert(m_rows.begin() + row, std::move(escalationRow));
    reindexFrom(row);
}

void EscalationRowStore::removeRange(int first, int last)
{
    for (int row = first; row <= last && m_indexed; ++row)
        m_rowById.remove(at(row).id());
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    reindexFrom(first);
}

void EscalationRowStore::removeWhere(const std::vector<bool> &remove)
{
    std::vector<EscalationRow> kept;
    kept.reserve(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row) {
        if (row >= remove.size() || !remove[row])
            kept.push_back(std::move(m_rows[row]));
    }
    m_rows = std::move(kept);
    m_rowById.clear();
    m_indexed = false;
}

QList<EscalationUpdate> EscalationRowStore::pendingUpdates() const
{
    QList<EscalationUpdate> updates;
    for (const EscalationRow &row : m_rows) {
        if (row.isPending())
            updates.append(row.pendingUpdate());
    }
    return updates;
}

int EscalationRowStore::pendingCount() const
{
    int changes = 0;
    for (const EscalationRow &row : m_rows)
        changes += row.pendingChanges();
    return changes;
}

int EscalationRowStore::conflictCount() const
{
    int conflicts = 0;
    for (const EscalationRow &row : m_rows)
        conflicts += row.conflictCount();
    return conflicts;
}

bool EscalationRowStore::hasDrafts() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(),
                       [](const EscalationRow &row) { return row.hasDrafts(); });
}

Escalation EscalationRowStore::interned(Escalation escalation)
{
    intern(escalation.type);
    intern(escalation.title);
    return escalation;
}

void EscalationRowStore::intern(QString &text)
{
    const qsizetype size = text.size();
    if (size == 0)
        return;
    const QChar *chars = text.constData();
    const size_t slot = (size_t(size) * 31 + chars[0].unicode() * 7u
                         + chars[size / 2].unicode() * 3u + chars[size - 1].unicode())
        % kInternSlots;
    QString &cached = m_internCache[slot];
    if (cached.size() == size && cached == text)
        text = cached;
    else
        cached = text;
}

void EscalationRowStore::reindexFrom(int first)
{
    if (!m_indexed)
        return;
    for (int row = first; row < size(); ++row)
        m_rowById.insert(at(row).id(), row);
}

} // namespace Care360
