#pragma once

#include "followup.h"

#include <QAbstractItemModel>
#include <QSet>

#include <array>
#include <functional>

namespace Care360 {

// The Follow-ups view's tree: a row per group that has follow-ups (Overdue, Today, Tomorrow,
// This week, Later), each escalation with a follow-up under its group, soonest first. Filters
// by profile and by "assigned to me". Grouped at the Clock's now; regroup() moves them on.
class FollowUpsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Due, Title, Case, Profile, Assignee, Refreshed, ColumnCount };
    enum Role { CaseIdRole = Qt::UserRole + 1, ProfileRole, EscalationIdRole };

    explicit FollowUpsModel(QObject *parent = nullptr);

    // Everything the store holds; those without a follow-up are left out.
    void setFollowUps(const QList<FollowUp> &followUps);
    // How a profile and a user ID are named on screen (the environment's label, the team's name
    // or e-mail); by default as stored.
    void setProfileLabel(std::function<QString(const QString &)> label);
    void setPersonLabel(std::function<QString(const QString &)> label);
    // "" shows every profile.
    void setProfileFilter(const QString &profile);
    // Only those assigned to one of myUserIds (none when it is empty).
    void setMineOnly(bool mineOnly, const QSet<QString> &myUserIds);
    void regroup();
    // Regroups only when the Clock has moved a follow-up into another group (a minute's
    // timer calls it; a reset for nothing would lose the view's place); whether it did.
    bool regroupIfMoved();

    // The profiles in the store, in first-seen order (the filter's choices).
    QStringList profiles() const;
    int shownCount() const;
    int shownCount(DueGroups::Group group) const;
    // The follow-up at a child index; nullptr for a group row.
    const FollowUp *followUpAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void rebuild();
    QList<int> groupsNow() const;
    QString text(const FollowUp &followUp, int column) const;
    QVariant groupData(int group, int column, int role) const;

    QList<FollowUp> m_all;
    std::array<QList<FollowUp>, DueGroups::count> m_groups;
    QList<int> m_shownGroups; // top-level rows: indexes into m_groups
    QList<int> m_groupOf; // the group of each of m_all at the last build
    std::function<QString(const QString &)> m_profileLabel;
    std::function<QString(const QString &)> m_personLabel;
    QString m_profileFilter;
    bool m_mineOnly = false;
    QSet<QString> m_myUserIds;
};

} // namespace Care360
