#include "settings.h"

#include <QLockFile>

namespace Care360 {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kHeader = QStringLiteral("window/tableHeader");
const QString kEnvironment = QStringLiteral("connection/environment");
const QString kCustomUrl = QStringLiteral("connection/customBaseUrl");
const QString kRecentCases = QStringLiteral("cases/recent");
const QString kRecentTitles = QStringLiteral("cases/recentTitles");
const QString kAssignees = QStringLiteral("assignees/emailsByUserId");
const QString kTeam = QStringLiteral("assignees/teamDirectory");
const QString kOpenCases = QStringLiteral("session/openCases");
} // namespace

Settings::Settings() = default;

QString Settings::profileGroup(const QString &profileId)
{
    return QStringLiteral("profile/") + profileId; // profileIds() lists this group
}

QStringList Settings::profileIds()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("profile"));
    return settings.childGroups();
}

QString Settings::scoped(const QString &key) const
{
    return m_profile.isEmpty() ? key : profileGroup(m_profile) + QLatin1Char('/') + key;
}

void Settings::releaseAbandonedLock()
{
    // QSettings locks "<file>.lock" (QConfFileSettingsPrivate::syncConfFile); a live writer
    // holds it for one write, so two seconds is long past any real one.
    QLockFile lock(QSettings().fileName() + QStringLiteral(".lock"));
    lock.setStaleLockTime(2000);
    if (lock.tryLock(2500))
        lock.unlock();
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray &g)
{
    m_settings.setValue(kGeometry, g);
}
QByteArray Settings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}
void Settings::setWindowState(const QByteArray &s)
{
    m_settings.setValue(kState, s);
}
QByteArray Settings::tableHeaderState() const
{
    return m_settings.value(kHeader).toByteArray();
}
void Settings::setTableHeaderState(const QByteArray &s)
{
    m_settings.setValue(kHeader, s);
}

QString Settings::lastEnvironment() const
{
    return m_settings.value(kEnvironment).toString();
}
void Settings::setLastEnvironment(const QString &name)
{
    m_settings.setValue(kEnvironment, name);
}
QUrl Settings::customBaseUrl() const
{
    return m_settings.value(kCustomUrl).toUrl();
}
void Settings::setCustomBaseUrl(const QUrl &url)
{
    m_settings.setValue(kCustomUrl, url);
}

QStringList Settings::recentCases() const
{
    return m_settings.value(scoped(kRecentCases)).toStringList();
}

void Settings::addRecentCase(const QString &caseId, const QString &title)
{
    QStringList cases = recentCases();
    cases.removeAll(caseId);
    cases.prepend(caseId);
    while (cases.size() > maxRecentCases)
        cases.removeLast();
    m_settings.setValue(scoped(kRecentCases), cases);
    // Titles of the cases still listed only: one that left the list takes its title along.
    const QVariantMap known = m_settings.value(scoped(kRecentTitles)).toMap();
    QVariantMap titles;
    for (const QString &id : std::as_const(cases)) {
        if (known.contains(id))
            titles.insert(id, known.value(id));
    }
    if (!title.isEmpty())
        titles.insert(caseId, title);
    m_settings.setValue(scoped(kRecentTitles), titles);
}

QString Settings::recentCaseTitle(const QString &caseId) const
{
    return m_settings.value(scoped(kRecentTitles)).toMap().value(caseId).toString();
}

QVariantList Settings::teamDirectory() const
{
    return m_settings.value(scoped(kTeam)).toList();
}
void Settings::setTeamDirectory(const QVariantList &team)
{
    m_settings.setValue(scoped(kTeam), team);
}

QVariantMap Settings::assigneeEmails() const
{
    return m_settings.value(scoped(kAssignees)).toMap();
}
void Settings::setAssigneeEmails(const QVariantMap &e)
{
    m_settings.setValue(scoped(kAssignees), e);
}

QStringList Settings::openCases() const
{
    return m_settings.value(kOpenCases).toStringList();
}

void Settings::setOpenCases(const QStringList &places)
{
    if (places.isEmpty())
        m_settings.remove(kOpenCases);
    else
        m_settings.setValue(kOpenCases, places);
    m_settings.sync(); // on disk now: a crash is exactly when it is read
}

} // namespace Care360
