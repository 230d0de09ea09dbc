#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace Care360 {

// Typed access to what the console remembers between runs (what the agent chooses is in
// Preferences). By design it has no accessor for the
// API key or note text: those never reach QSettings.
class Settings {
public:
    Settings();

    // From here on, recent cases, the team directory and learnt e-mails are this profile's
    // (an empty id: the single set kept before profiles, which only the migration reads).
    void setProfile(const QString &profileId) { m_profile = profileId; }
    QString profile() const { return m_profile; }
    // The settings group holding everything of one profile.
    static QString profileGroup(const QString &profileId);
    // Every profile with settings of its own (practice ones included), by id.
    static QStringList profileIds();

    // A console killed while QSettings was writing can leave the file's lock behind empty, and
    // Qt then waits 30 s before it calls that lock stale, with the window frozen. Call once at
    // start, before anything writes settings: an empty or abandoned lock older than a moment
    // (a write takes microseconds) is removed.
    static void releaseAbandonedLock();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray &state);

    // Environment name as Environment::name() spells it; empty on first run.
    QString lastEnvironment() const;
    void setLastEnvironment(const QString &name);
    QUrl customBaseUrl() const;
    void setCustomBaseUrl(const QUrl &url);

    // Of the profile (see setProfile). Most recent first, at most maxRecentCases.
    QStringList recentCases() const;
    // title: what lets the agent tell the case from the others in the list (kept as given;
    // empty keeps the one known before).
    void addRecentCase(const QString &caseId, const QString &title = QString());
    QString recentCaseTitle(const QString &caseId) const;
    static constexpr int maxRecentCases = 10;

    // userId -> e-mail learned from successful reassignments (not secret).
    QVariantMap assigneeEmails() const;
    void setAssigneeEmails(const QVariantMap &emails);
    // The imported team directory: a list of {userId, email, name} maps (not secret).
    QVariantList teamDirectory() const;
    void setTeamDirectory(const QVariantList &team);
    // The cases open in some window ("environment\ncase ID"), kept current while the console
    // runs and emptied as the windows close: what is left at the next start was open in a crash.
    QStringList openCases() const;
    void setOpenCases(const QStringList &places);

private:
    QString scoped(const QString &key) const;

    mutable QSettings m_settings;
    QString m_profile;
};

} // namespace Care360
