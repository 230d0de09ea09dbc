#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Care360 {

// What the console has learnt about assignees: the API reports only assignedToUserId, so the
// e-mail behind a user ID is known only after a reassignment by e-mail succeeded. Not secret;
// the app persists it (toVariantMap/fromVariantMap) in its settings.
class AssigneeDirectory : public QObject {
    Q_OBJECT
public:
    explicit AssigneeDirectory(QObject *parent = nullptr);

    // Records userId -> email; returns whether the directory changed.
    bool learn(const QString &userId, const QString &email);
    // Empty when unknown.
    QString emailFor(const QString &userId) const;
    // Every known e-mail once, sorted case-insensitively (for completers).
    QStringList knownEmails() const;
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
};

} // namespace Care360
