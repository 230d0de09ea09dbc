#include "assigneedirectory.h"

#include "requestschema.h"

#include <QSet>

#include <algorithm>

namespace Care360 {

AssigneeDirectory::AssigneeDirectory(QObject *parent)
    : QObject(parent)
{
}

bool AssigneeDirectory::learn(const QString &userId, const QString &email)
{
    const QString trimmed = email.trimmed();
    if (userId.isEmpty() || trimmed.isEmpty())
        return false;
    auto it = m_emailByUserId.find(userId);
    if (it != m_emailByUserId.end() && *it == trimmed)
        return false;
    m_emailByUserId.insert(userId, trimmed);
    emit changed();
    return true;
}

QString AssigneeDirectory::emailFor(const QString &userId) const
{
    return m_emailByUserId.value(userId);
}

QStringList AssigneeDirectory::knownEmails() const
{
    QStringList emails;
    QSet<QString> seen;
    for (const QString &email : m_emailByUserId) {
        if (!seen.contains(email.toCaseFolded())) {
            seen.insert(email.toCaseFolded());
            emails << email;
        }
    }
    std::sort(emails.begin(), emails.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return emails;
}

QVariantMap AssigneeDirectory::toVariantMap() const
{
    QVariantMap map;
    for (auto it = m_emailByUserId.cbegin(); it != m_emailByUserId.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

void AssigneeDirectory::fromVariantMap(const QVariantMap &map)
{
    QHash<QString, QString> loaded;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        // Settings files can be edited by hand: keep only entries a reassignment could produce.
        const QString email = it.value().toString().trimmed();
        if (!it.key().isEmpty() && it.value().userType() == QMetaType::QString
            && RequestSchema::isEmail(email))
            loaded.insert(it.key(), email);
    }
    if (loaded == m_emailByUserId)
        return;
    m_emailByUserId = std::move(loaded);
    emit changed();
}

QString AssigneeDirectory::shortUserId(const QString &userId)
{
    constexpr int kShown = 8;
    if (userId.size() <= kShown)
        return userId;
    return userId.left(kShown) + QChar(0x2026);
}

} // namespace Care360
