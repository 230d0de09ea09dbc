#pragma once

#include "teamdirectory.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace Care360 {

// Who the assignees are. The API reports only assignedToUserId, so the console knows a person
// from two sources: the team directory the agent imported (ID, e-mail, name), and the e-mails
// it learnt when a reassignment by e-mail succeeded. Not secret; the app persists both in its
// settings (toVariantMap/fromVariantMap, teamToVariantList/teamFromVariantList).
class AssigneeDirectory : public QObject {
    Q_OBJECT
public:
    explicit AssigneeDirectory(QObject *parent = nullptr);

    // Records userId -> email; returns whether the directory changed.
    bool learn(const QString &userId, const QString &email);
    // Empty when unknown; the team directory first, then what was learnt.
    QString emailFor(const QString &userId) const;
    QString nameFor(const QString &userId) const;
    // For people: the name, else the e-mail; empty when the user is unknown.
    QString personFor(const QString &userId) const;
    // Every known e-mail once, sorted case-insensitively.
    QStringList knownEmails() const;
    // What the assignee editor offers: "Name <e-mail>" for named team members, else e-mails;
    // never a team member whose role Care360 does not assign escalations to (TeamMember).
    QStringList completions() const;
    // The e-mail in a completion ("Name <e-mail>"), or the text itself, trimmed.
    static QString emailFromCompletion(const QString &text);

    // The imported team directory; replaces the previous one (learnt e-mails stay).
    void setTeam(const QList<TeamMember> &members);
    QList<TeamMember> team() const { return m_team; }
    QVariantList teamToVariantList() const;
    // Entries that would not pass TeamDirectoryFile's checks are skipped.
    void teamFromVariantList(const QVariantList &list);
    int size() const { return int(m_emailByUserId.size()); }

    QVariantMap toVariantMap() const;
    // Replaces the content; entries that are not an ID with a plausible e-mail are skipped.
    void fromVariantMap(const QVariantMap &map);

    // A user ID short enough for a table cell: "u1v2w3x4…".
    static QString shortUserId(const QString &userId);

signals:
    void changed();

private:
    QHash<QString, QString> m_emailByUserId;
    QList<TeamMember> m_team;
    QHash<QString, int> m_teamIndex; // user ID -> position in m_team
};

} // namespace Care360
