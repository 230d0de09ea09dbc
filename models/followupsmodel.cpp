#include "followupsmodel.h"

#include "clock.h"
#include "escalationpresenter.h"
#include "untrustedtext.h"

#include <algorithm>

namespace Care360 {

namespace {
// internalId: 0 for a group row, group + 1 for the rows under it.
constexpr quintptr kGroupRow = 0;
} // namespace

FollowUpsModel::FollowUpsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    setObjectName(QStringLiteral("followUpsModel"));
}

void FollowUpsModel::setFollowUps(const QList<FollowUp> &followUps)
{
    m_all.clear();
    for (const FollowUp &followUp : followUps) {
        if (followUp.followUpDueAt.isValid())
            m_all.append(followUp);
    }
    rebuild();
}

void FollowUpsModel::setProfileLabel(std::function<QString(const QString &)> label)
{
    m_profileLabel = std::move(label);
    rebuild();
}

void FollowUpsModel::setPersonLabel(std::function<QString(const QString &)> label)
{
    m_personLabel = std::move(label);
    rebuild();
}

void FollowUpsModel::setProfileFilter(const QString &profile)
{
    m_profileFilter = profile;
    rebuild();
}

void FollowUpsModel::setMineOnly(bool mineOnly, const QSet<QString> &myUserIds)
{
    m_mineOnly = mineOnly;
    m_myUserIds = myUserIds;
    rebuild();
}

void FollowUpsModel::regroup()
{
    rebuild();
}

QList<int> FollowUpsModel::groupsNow() const
{
    const QDateTime now = Clock::currentDateTimeUtc();
    QList<int> groups;
    groups.reserve(m_all.size());
    for (const FollowUp &followUp : m_all)
        groups.append(DueGroups::groupOf(followUp.followUpDueAt, now));
    return groups;
}

bool FollowUpsModel::regroupIfMoved()
{
    if (groupsNow() == m_groupOf)
        return false;
    rebuild();
    return true;
}

void FollowUpsModel::rebuild()
{
    beginResetModel();
    for (QList<FollowUp> &group : m_groups)
        group.clear();
    m_groupOf = groupsNow();
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        const FollowUp &followUp = m_all.at(i);
        if (!m_profileFilter.isEmpty() && followUp.profile != m_profileFilter)
            continue;
        if (m_mineOnly && !m_myUserIds.contains(followUp.assignedToUserId))
            continue;
        m_groups[m_groupOf.at(i)].append(followUp);
    }
    m_shownGroups.clear();
    for (int group = 0; group < DueGroups::count; ++group) {
        std::stable_sort(
            m_groups[group].begin(), m_groups[group].end(),
            [](const FollowUp &a, const FollowUp &b) { return a.followUpDueAt < b.followUpDueAt; });
        if (!m_groups[group].isEmpty())
            m_shownGroups.append(group);
    }
    endResetModel();
}

QStringList FollowUpsModel::profiles() const
{
    QStringList profiles;
    for (const FollowUp &followUp : m_all) {
        if (!profiles.contains(followUp.profile))
            profiles.append(followUp.profile);
    }
    return profiles;
}

int FollowUpsModel::shownCount() const
{
    int count = 0;
    for (const QList<FollowUp> &group : m_groups)
        count += int(group.size());
    return count;
}

int FollowUpsModel::shownCount(DueGroups::Group group) const
{
    return int(m_groups[group].size());
}

const FollowUp *FollowUpsModel::followUpAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupRow)
        return nullptr;
    const QList<FollowUp> &group = m_groups[int(index.internalId() - 1)];
    return index.row() < group.size() ? &group.at(index.row()) : nullptr;
}

QModelIndex FollowUpsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_shownGroups.size() ? createIndex(row, column, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || parent.row() >= m_shownGroups.size())
        return {};
    const int group = m_shownGroups.at(parent.row());
    return row < m_groups[group].size() ? createIndex(row, column, quintptr(group + 1))
                                        : QModelIndex();
}

QModelIndex FollowUpsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    const int row = int(m_shownGroups.indexOf(int(child.internalId() - 1)));
    return row < 0 ? QModelIndex() : createIndex(row, 0, kGroupRow);
}

int FollowUpsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_shownGroups.size());
    if (parent.internalId() != kGroupRow || parent.column() != 0
        || parent.row() >= m_shownGroups.size())
        return 0;
    return int(m_groups[m_shownGroups.at(parent.row())].size());
}

int FollowUpsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags FollowUpsModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QVariant FollowUpsModel::groupData(int group, int column, int role) const
{
    const int count = int(m_groups[group].size());
    const QString name = DueGroups::name(DueGroups::Group(group));
    if (column != 0)
        return {};
    if (role == Qt::DisplayRole)
        return tr("%1 (%2)").arg(name).arg(count);
    if (role == Qt::AccessibleTextRole)
        return tr("%1, %Ln follow-up(s)", nullptr, count).arg(name);
    return {};
}

QString FollowUpsModel::text(const FollowUp &followUp, int column) const
{
    switch (column) {
    case Due:
        return EscalationPresenter::localDateTimeText(followUp.followUpDueAt);
    case Title:
        // Server text: shown with its controls visible, never as it would steer the display.
        return UntrustedText::visible(UntrustedText::capped(followUp.title, 200));
    case Case:
        return followUp.caseId;
    case Profile:
        return m_profileLabel ? m_profileLabel(followUp.profile) : followUp.profile;
    case Assignee:
        if (followUp.assignedToUserId.isEmpty())
            return tr("Unassigned");
        return m_personLabel ? m_personLabel(followUp.assignedToUserId) : followUp.assignedToUserId;
    case Refreshed:
        return EscalationPresenter::localDateTimeText(followUp.refreshedAt);
    }
    return QString();
}

QVariant FollowUpsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupRow)
        return index.row() < m_shownGroups.size()
            ? groupData(m_shownGroups.at(index.row()), index.column(), role)
            : QVariant();
    const FollowUp *followUp = followUpAt(index);
    if (!followUp)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return text(*followUp, index.column());
    case Qt::AccessibleTextRole:
        // Heard on its own (a screen reader lands on a follow-up, not on its group's row), the
        // date says its group first, as the main table's cells say their state.
        if (index.column() == Due)
            return tr("%1: %2").arg(DueGroups::name(DueGroups::Group(index.internalId() - 1)),
                                    text(*followUp, Due));
        return text(*followUp, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Title)
            return UntrustedText::shown(followUp->title);
        return {};
    case CaseIdRole:
        return followUp->caseId;
    case ProfileRole:
        return followUp->profile;
    case EscalationIdRole:
        return followUp->escalationId;
    }
    return {};
}

QVariant FollowUpsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Due:
        return tr("Due");
    case Title:
        return tr("Title");
    case Case:
        return tr("Case");
    case Profile:
        return tr("Organisation");
    case Assignee:
        return tr("Assignee");
    case Refreshed:
        return tr("Last refreshed");
    }
    return {};
}

} // namespace Care360

#include "moc_followupsmodel.cpp"
