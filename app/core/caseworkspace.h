#pragma once

#include "app/core/startupoptions.h"
#include "app/session/casesession.h"
#include "app/session/practiceserver.h"
#include "app/session/settings.h"
#include "models/profile.h"

#include <QModelIndexList>
#include <QObject>

#include <optional>

namespace Care360 {

class ActivityLog;
class ApiClient;
class AssigneeDirectory;
class ConnectionManager;
class ConsoleServices;
class CredentialStore;
class DraftJournal;
class DraftKeeper;
class EscalationTableModel;
struct CredentialResult;

// One open case beneath one window (like KeePassXC's Database under DatabaseWidget): its
// environment and key, client, model, undo stack, session and drafts keeper, over the services
// every workspace shares (ConsoleServices). It makes every decision about its case. A view asks
// it to act through intents and listens to its signals; a question that needs the agent (discard
// unsent changes, confirm a Production send) comes back as a Step, and the view calls the intent
// again with Confirmation::Given. Tested without widgets.
class CaseWorkspace : public QObject {
    Q_OBJECT
public:
    // ConfirmPastDates: a follow-up about to be sent lies in the past (asked once per send,
    // before the Production confirmation).
    enum class Step { Started, Nothing, ConfirmDiscard, ConfirmSend, ConfirmPastDates };
    Q_ENUM(Step)
    // Given: go ahead, dropping what the question was about. Keep: go ahead, keeping the open
    // case's unsent changes in the drafts journal for the next time it is opened.
    enum class Confirmation { Ask, Given, Keep };
    enum class NoticeKind { Error, Warning, Info };
    Q_ENUM(NoticeKind)

    // What the Production confirmation shows: never note text, only rows and field names.
    struct SendConfirmation {
        QString caseId;
        QList<EscalationUpdate> updates;
        QHash<QString, QString> titles; // escalation ID -> title
        QString organisation; // whose data it is: the profile's name
    };
    // The keychain's answer to saveKey() or forgetKey().
    struct KeyResult {
        bool ok = false;
        bool inMemoryOnly = false;
        QString message; // a sentence for the agent when !ok
    };

    // One open case; the services own it (ConsoleServices::createWorkspace()).
    CaseWorkspace(ConsoleServices *services, QObject *parent);
    ~CaseWorkspace() override;

    // Opens the profile the options, the last run or a first run ask for.
    void start(const StartupOptions &options);
    // Where start() opens: the options' profile or environment (the profile standing for that
    // address), else the last profile used; a practice profile for a newcomer or when the one
    // asked for is unknown (with a notice). A profile named but unknown: nullopt.
    static Profile startProfile(const StartupOptions &options, bool hasSandbox);
    // The profile the options name (--profile, or --environment and --base-url), if any.
    static std::optional<Profile> profileFor(const StartupOptions &options);

    // Intents.
    Step selectProfile(const Profile &profile, Confirmation = Confirmation::Ask);
    // The profile standing for this address (created at the first call naming it), or the first
    // practice profile for the Sandbox.
    Step selectEnvironment(const Environment &environment, Confirmation = Confirmation::Ask);
    Step loadCase(const QString &caseId, Confirmation = Confirmation::Ask);
    // A case in an environment (the start screen's unsent work, a later launch): switches
    // environment first when it is another one, then loads the case once the key is there.
    Step openCase(const StartupOptions &options, Confirmation = Confirmation::Ask);
    bool refresh();
    Step send(Confirmation = Confirmation::Ask);
    // Repeats the last request through the same path, with the same questions.
    Step retry(Confirmation = Confirmation::Ask);
    void cancel();
    // Reverts the dirty cells among these model indexes as one undo step; rows no longer active
    // are discarded with their drafts.
    void revertCells(const QModelIndexList &indexes);
    void revertAll();
    // Bulk edits over rows of the model, each one undo step; one Send carries them all.
    // Returns the number of cells that changed.
    int setAssigneeForRows(const QList<int> &rows, const QString &email);
    int setFollowUpForRows(const QList<int> &rows, const QDateTime &due);
    int appendToNotes(const QList<int> &rows, const QString &line);
    void saveKey(const QString &key);
    void forgetKey();
    void setConfirmProductionSend(bool confirm);
    // Takes up what Preferences say now: time limit, listing before a send, due-soon window.
    void applyPreferences();
    // Reads a team directory file (see TeamDirectoryFile) and keeps it; the sentence of the
    // first problem, or an empty string and the number of people imported in *count.
    QString importTeamDirectory(const QString &path, int *count);
    // Drops every draft of the open case as one undo step (the restored-drafts banner's Discard).
    void discardDrafts();
    // Quitting: keep the drafts in the journal for next time, or remove them from it.
    void keepDraftsForNextTime();
    void discardDraftsAtClose();

    // What the view shows.
    EscalationTableModel *model() const { return m_model; }
    ConsoleServices *services() const { return m_services; }
    ActivityLog *activityLog() const { return m_log; }
    Settings &settings() { return m_settings; }
    Environment environment() const;
    Profile profile() const;
    // What the selector offers: the practice profiles, then the agent's by name.
    QList<Profile> profiles() const;
    // The profiles that opened this case before, other than the open one (a 401 or 403 hint).
    QList<Profile> otherProfilesThatOpened(const QString &caseId) const;
    // When a case typed here was last used with another profile: that one (asked about first).
    std::optional<Profile> profileLastUsedFor(const QString &caseId) const;
    bool hasSandbox() const;
    QString keyStateText() const;
    QString keyStateToolTip() const;
    bool hasKey() const;
    bool isBusy() const { return m_session->isBusy(); }
    QString caseId() const { return m_session->caseId(); }
    // The case the last load asked for (also when it did not open).
    QString lastCaseId() const { return m_session->lastCaseId(); }
    // The changes (fields) the last send carried.
    int sentCount() const { return m_sentCount; }
    bool canSend() const;
    bool canRefresh() const;
    bool canLoad() const;
    QStringList recentCases() const { return m_settings.recentCases(); }
    // Recent cases with what tells them apart (ID, title), most recent first.
    QList<QPair<QString, QString>> recentCasesWithTitles() const;
    QStringList knownEmails() const;
    // What the assignee editor offers ("Name <e-mail>" or e-mails).
    QStringList assigneeCompletions() const;
    SendConfirmation sendConfirmation() const;
    // Whether a send to this environment asks for the Production confirmation.
    bool needsProductionConfirmation() const;
    // Pending follow-up dates that lie before now.
    int pastFollowUpCount() const;
    // On the sandbox: its demo cases with titles; elsewhere empty.
    QList<PracticeServer::PracticeCase> practiceCases() const;
    // The practice case's title, or the title of the case's oldest escalation (Care360 gives a
    // case no title of its own), capped and with controls made visible: it is server text.
    QString caseTitle(const QString &caseId, const QList<Escalation> &escalations) const;
    // Whether unsent changes survive a restart (the journal has its key).
    bool keepsDrafts() const;
    // Drafts or a running request would be lost by closing the case.
    bool needsDiscardConfirmation() const;
    QString discardQuestion(const QString &reason) const;
    // Keychain facts for the key dialog.
    static std::optional<QString> normalizeKey(const QString &input, QString *problem);
    QString keyEntryDescription() const;

signals:
    // The profile changed (and with it, perhaps, the environment).
    void environmentChanged(const Care360::Environment &environment);
    // The agent's profiles changed (added, renamed, removed in some window).
    void profilesChanged();
    void keyStateChanged();
    // No usable key: the view opens the key dialog.
    void keyRequested();
    // A sentence for the banner from the core's own decisions (fallbacks, keychain problems).
    void notice(Care360::CaseWorkspace::NoticeKind kind, const QString &text);
    void busyChanged(bool busy);
    // Preferences were read again (the window takes up its own part, the follow-up hour).
    void preferencesApplied();
    // A load started, from the agent, a retry or the start-up options.
    void caseRequested(const QString &caseId);
    void finished(Care360::CaseSession::Action action, const Care360::ApiOutcome &outcome);
    void keySaveFinished(const Care360::CaseWorkspace::KeyResult &result);
    void keyForgetFinished(const Care360::CaseWorkspace::KeyResult &result);
    // The case asked for is open in another workspace: that one is brought forward instead.
    void caseOpenElsewhere(Care360::CaseWorkspace *owner);
    // Drafts saved by an earlier run came back into the open case.
    void draftsRestored(int changes, const QDateTime &savedAt);

private:
    void onProfileChanged(const Profile &profile);
    void onKeyStateChanged();
    void onKeyMissing(const Profile &profile, const QString &reason);
    void onFinished(CaseSession::Action action, const ApiOutcome &outcome);
    void onKeyWritten(const QString &profileId, const CredentialResult &result);
    void onKeyRemoved(const QString &profileId, const CredentialResult &result);
    void setUpDrafts();
    void startDrafts();
    void setDraftsPlace(const QString &place);
    void cancelDraftDiscard();
    // A practice organisation's demo people; the profile's imported team elsewhere.
    void applyTeamFor(const Profile &profile);
    // Closing the open case for another: Given drops its drafts from the journal too.
    void prepareToClose(const QString &nextCaseId, Confirmation confirmation);
    // Where a case lives for the journal and for ConsoleServices' one-case-one-place rule.
    QString placeOf(const QString &caseId) const;
    void releaseOtherCases();

    Settings m_settings;
    bool m_draftsAfterListing = false; // start() put the journal's key off until a listing ends
    ConsoleServices *m_services;
    QString m_draftsEnvironment; // the profile's place (see Profile::place, DraftJournal::pathFor)
    ApiClient *m_client;
    ConnectionManager *m_connection;
    AssigneeDirectory *m_assignees;
    EscalationTableModel *m_model;
    ActivityLog *m_log;
    CaseSession *m_session;
    DraftJournal *m_journal;
    DraftKeeper *m_keeper;

    bool m_startingUp = true;
    int m_sentCount = 0;
    QString m_startupCaseId;
    // The command line named the environment: it is opened even without a key (which is asked
    // for); only a start without one falls back to the sandbox.
    bool m_explicitEnvironment = false;
    bool m_unknownProfileNamed = false; // --profile named none: said once the window is up
    QString m_keyWriteProfile; // the profile a key is being saved for
    QString m_keyRemoveProfile; // the profile a key is being forgotten for
    QString m_keyBeingWritten;
};

} // namespace Care360

Q_DECLARE_METATYPE(Care360::CaseWorkspace::KeyResult)
