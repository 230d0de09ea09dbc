#pragma once

#include "app/core/caseworkspace.h"
#include "app/core/startupoptions.h"
#include "app/drafts/journalindex.h"
#include "app/session/practiceserver.h"
#include "app/session/settings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace Care360 {

class CredentialStore;
class LegacyKeySweep;
class ProfileKeys;
class ProxyLogins;
class DraftJournal;
class FollowUpStore;
class JournalKey;

// What every open case shares, owned once by the application (KeePassXC's Application beside
// its DatabaseWidgets): the network manager, the keychain store, the drafts journal and its key,
// and the practice sandbox, started once so that every window sees the same practice data. It
// also knows which workspace edits which case, so that one case is edited in one place only.
class ConsoleServices : public QObject {
    Q_OBJECT
public:
    // practiceServer starts the in-process sandbox; empty: no Sandbox environment.
    explicit ConsoleServices(PracticeServerFactory practiceServer = {}, QObject *parent = nullptr);
    ~ConsoleServices() override;

    QNetworkAccessManager *network() const { return m_network; }
    CredentialStore *credentials() const { return m_credentials; }
    ProfileKeys *profileKeys() const { return m_profileKeys; }
    // Added, renamed or removed a profile: every window's selector follows.
    void notifyProfilesChanged() { emit profilesChanged(); }
    ProxyLogins *proxyLogins() const { return m_proxyLogins; }
    // Applies Preferences to every request and every open case from now on: the network part
    // (proxy, certificate authorities) here, the rest in each workspace (preferencesChanged).
    void applyPreferences();
    // Why the organisation's certificate authorities are not in use, empty when they are.
    QString caBundleProblem() const { return m_caBundleProblem; }
    DraftJournal *journal() const { return m_journal; }
    bool hasSandbox() const { return bool(m_practiceFactory); }
    // A factory for one workspace's connection: every call hands out the same running server.
    PracticeServerFactory sharedPracticeServer();
    // Fetches the journal's key from the keychain once, for every workspace.
    void startDrafts();
    // The local record of follow-ups: opened at the first call (the first listing, the
    // Follow-ups view, the reminders after the first paint), never on the path to the first.
    FollowUpStore *followUpStore();

    // The cases with unsent changes kept on this computer, newest first (the start screen).
    QList<JournalIndex::Entry> unsentWork() const;
    // How to open a case whose journal lives under this place (a profile's, or an address's
    // from before profiles).
    static StartupOptions optionsFor(const QString &journalEnvironment, const QString &caseId);
    // The profile a place belongs to: a profile's own, or an address's from before profiles (the
    // profile standing for that address).
    static std::optional<Profile> profileAt(const QString &place);
    // The profile as the agent reads it ("Acme Pharmacy — Production", "Sandbox").
    static QString environmentLabel(const QString &journalEnvironment);
    // The cases that were open when the console last ended without closing its windows.
    QList<StartupOptions> casesOpenAtACrash() const { return m_openAtCrash; }

    // A new workspace (a case not open yet), owned by these services.
    CaseWorkspace *createWorkspace();
    QList<CaseWorkspace *> workspaces() const;

    // One case, one place: `where` names the environment (as the journal does) and the case.
    // claim() returns the workspace that already edits it, or null once it is owner's.
    CaseWorkspace *claim(const QString &where, CaseWorkspace *owner);
    void release(const QString &where, CaseWorkspace *owner);
    CaseWorkspace *owner(const QString &where) const { return m_claims.value(where); }
    // Releases every claim of owner but place (empty: all of them).
    void keepOnly(CaseWorkspace *owner, const QString &place);

signals:
    void workspaceCreated(Care360::CaseWorkspace *workspace);
    void unsentWorkChanged();
    void preferencesChanged();
    void profilesChanged();

private:
    void applyNetworkPreferences();
    void onJournalReady();
    void rememberOpenCases();

    Settings m_settings;
    QList<StartupOptions> m_openAtCrash;
    QNetworkAccessManager *m_network;
    CredentialStore *m_credentials;
    ProfileKeys *m_profileKeys;
    LegacyKeySweep *m_legacyKeys;
    ProxyLogins *m_proxyLogins;
    QString m_caBundleProblem;
    DraftJournal *m_journal;
    FollowUpStore *m_followUpStore = nullptr;
    JournalKey *m_journalKey;
    PracticeServerFactory m_practiceFactory;
    std::unique_ptr<PracticeServer> m_practiceServer; // started at the first Sandbox choice
    QHash<QString, QPointer<CaseWorkspace>> m_claims;
    QList<QPointer<CaseWorkspace>> m_workspaces;
};

} // namespace Care360
