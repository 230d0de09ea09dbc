#include "assigneedirectory.h"

#include "caseid.h"
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
    const int member = m_teamIndex.value(userId, -1);
    return member >= 0 ? m_team.at(member).email : m_emailByUserId.value(userId);
}

QString AssigneeDirectory::nameFor(const QString &userId) const
{
    const int member = m_teamIndex.value(userId, -1);
    return member >= 0 ? m_team.at(member).name : QString();
}

QString AssigneeDirectory::personFor(const QString &userId) const
{
    const QString name = nameFor(userId);
    return name.isEmpty() ? emailFor(userId) : name;
}

QStringList AssigneeDirectory::knownEmails() const
{
    QStringList emails;
    QSet<QString> seen;
    const auto add = [&](const QString &email) {
        if (!seen.contains(email.toCaseFolded())) {
            seen.insert(email.toCaseFolded());
            emails << email;
        }
    };
    for (const TeamMember &member : m_team)
        add(member.email);
    for (const QString &email : m_emailByUserId)
        add(email);
    std::sort(emails.begin(), emails.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return emails;
}

QStringList AssigneeDirectory::completions() const
{
    QHash<QString, QString> nameByEmail;
    QSet<QString> notAssignable;
    for (const TeamMember &member : m_team) {
        if (!member.assignable())
            notAssignable.insert(member.email.toCaseFolded());
        else if (!member.name.isEmpty())
            nameByEmail.insert(member.email.toCaseFolded(), member.name);
    }
    QStringList entries;
    for (const QString &email : knownEmails()) {
        // The team's role wins over an address learnt elsewhere, as its e-mail does in emailFor.
        if (notAssignable.contains(email.toCaseFolded()))
            continue;
        const QString name = nameByEmail.value(email.toCaseFolded());
        entries << (name.isEmpty() ? email : QStringLiteral("%1 <%2>").arg(name, email));
    }
    return entries;
}

QString AssigneeDirectory::emailFromCompletion(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype open = trimmed.lastIndexOf(QLatin1Char('<'));
    if (open >= 0 && trimmed.endsWith(QLatin1Char('>')))
        return trimmed.mid(open + 1, trimmed.size() - open - 2).trimmed();
    return trimmed;
}

void AssigneeDirectory::setTeam(const QList<TeamMember> &members)
{
    if (members == m_team)
        return;
    m_team = members;
    m_teamIndex.clear();
    for (qsizetype i = 0; i < m_team.size(); ++i)
        m_teamIndex.insert(m_team.at(i).userId, int(i));
    emit changed();
}

QVariantList AssigneeDirectory::teamToVariantList() const
{
    QVariantList list;
    for (const TeamMember &member : m_team)
        list << QVariantMap { { QStringLiteral("userId"), member.userId },
                              { QStringLiteral("email"), member.email },
                              { QStringLiteral("name"), member.name },
                              { QStringLiteral("role"), member.role } };
    return list;
}

void AssigneeDirectory::teamFromVariantList(const QVariantList &list)
{
    QList<TeamMember> members;
    for (const QVariant &entry : list) {
        const QVariantMap map = entry.toMap();
        const TeamMember member { map.value(QStringLiteral("userId")).toString(),
                                  map.value(QStringLiteral("email")).toString(),
                                  map.value(QStringLiteral("name")).toString(),
                                  map.value(QStringLiteral("role")).toString() };
        // Settings files can be edited by hand: keep what an import could have produced.
        if (CaseId::isUuid(member.userId) && RequestSchema::isEmail(member.email)
            && member.name.size() <= TeamDirectoryFile::maxNameChars
            && (member.role.isEmpty() || TeamDirectoryFile::roles().contains(member.role)))
            members << member;
    }
    setTeam(members);
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

#include "moc_assigneedirectory.cpp"
