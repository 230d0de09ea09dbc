#pragma once

#include "app/core/caseworkspace.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Care360 {

class ActivityDock;
class CaseBar;
class EnvironmentBar;
class ErrorBanner;
class EscalationDelegate;
class EscalationFilterProxyModel;
class EscalationTableModel;
class OutcomePresenter;
class UnsentWorkList;

// The console's window: a view over CaseWorkspace. It shows the core's state, turns the agent's
// keys and clicks into the core's intents, and asks the questions the core hands back.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(CaseWorkspace *core, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The first-run window size for a screen's available geometry: as large as is comfortable,
    // never larger than the screen (1366x768 and 1280x720 laptops included).
    static QSize firstRunSize(const QRect &available);
    CaseWorkspace *workspace() const { return m_core; }
    // A sentence in the window's banner (the workspace's notices, and the application's).
    void showNotice(CaseWorkspace::NoticeKind kind, const QString &text);

signals:
    // File › New window: another case side by side, over its own workspace.
    void newWindowRequested();
    // Case › Follow-ups (and the start screen's button): the console's one Follow-ups window.
    void followUpsRequested();

public slots:
    // Imports a team directory file and says what happened in the banner (the File menu's
    // action asks for the path first).
    void importTeamDirectoryFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    // Import, bulk edits, copy and sorting: the agent's-day actions (mainwindowmenus.cpp).
    void createDayActions();
    void importTeamDirectory();
    // Settings › Preferences: on OK every open case and window takes them up at once.
    void openPreferences();
    void bulkEdit(int kind);
    void copySelection();
    void sayCellDetails();
    // The current cell's conflict: keep the agent's value, or take Care360's (a revert).
    void resolveConflict(bool keepMine);
    // Source rows of the selection, else of the current cell, in view order.
    QList<int> selectedSourceRows() const;
    bool askPastDates();
    void updateFilterCount();
    QWidget *createCentralWidget();
    void setTabOrder();
    void restoreSettings();
    void saveSettings();

    // Runs an intent, asking the agent whatever the core says needs asking, then runs it again
    // with the answer. discardReason says why the open case would close.
    bool run(const std::function<CaseWorkspace::Step(CaseWorkspace::Confirmation)> &intent,
             const QString &discardReason);
    // Keep for next time (when the journal works), Discard, or nullopt for Cancel.
    std::optional<CaseWorkspace::Confirmation> askDiscard(const QString &reason);
    // Quitting with drafts: Send now, Keep for next time, Discard or Cancel. True: close now.
    bool askBeforeClosing();
    // An open cell editor's text counts as an edit: commit it before anything that reads the
    // drafts. False when it cannot be committed (its hint is showing).
    bool commitOpenEditor();
    void showRestoredDrafts(int changes, const QDateTime &savedAt);
    void updateCaseHeader();
    bool askSendConfirmation();
    void requestProfile(const Profile &profile);
    void openProfilesDialog();
    // After a 401 or 403 on a load: the organisations that opened this case before.
    void offerOtherProfiles(const ApiOutcome &outcome);
    void showProfiles();
    void onKeyStateChanged();
    void openKeyDialog();
    void loadCase(const QString &caseId);
    void openUnsentCase(const QString &journalEnvironment, const QString &caseId);
    void refreshUnsentWork();
    void send();
    void retry();
    void onBusyChanged(bool busy);
    void onFinished(CaseSession::Action action, const ApiOutcome &outcome);
    void updateActions();
    void updateSelectionLabel();
    void revertSelection();

    CaseWorkspace *m_core;
    Settings &m_settings;
    EscalationTableModel *m_model;
    EscalationFilterProxyModel *m_proxy = nullptr;

    EnvironmentBar *m_environmentBar = nullptr;
    CaseBar *m_caseBar = nullptr;
    ErrorBanner *m_banner = nullptr;
    QLabel *m_caseHeader = nullptr;
    UnsentWorkList *m_unsentWork = nullptr; // the first screen: cases with unsent changes
    QPushButton *m_followUpsButton = nullptr; // the first screen: what is due across cases
    QLabel *m_filterCountLabel = nullptr;
    QString m_savedNote; // "3 changes saved at 10:42", shown in the case header
    QTableView *m_table = nullptr;
    EscalationDelegate *m_delegate = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_onlyPendingCheck = nullptr;
    QCheckBox *m_onlyOverdueCheck = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_selectionLabel = nullptr; // "3 rows selected", in the status bar
    QProgressBar *m_progress = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    ActivityDock *m_activityDock = nullptr;
    OutcomePresenter *m_presenter = nullptr;

    QAction *m_refreshAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_revertAction = nullptr;
    QAction *m_revertAllAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_apiKeyAction = nullptr;
    QAction *m_profilesAction = nullptr;
    QString m_offeredProfileId; // what the banner's "Open with" opens
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_newWindowAction = nullptr;
    QAction *m_closeWindowAction = nullptr;
    QAction *m_followUpsAction = nullptr;
    QAction *m_importTeamAction = nullptr;
    QAction *m_bulkAssigneeAction = nullptr;
    QAction *m_bulkFollowUpAction = nullptr;
    QAction *m_bulkNoteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_cellDetailsAction = nullptr;
    QAction *m_keepMineAction = nullptr;
    QAction *m_takeTheirsAction = nullptr;
    QAction *m_preferencesAction = nullptr;
    QMenu *m_sortMenu = nullptr;

    bool m_closeAfterSend = false; // "Send now" at quit: close once everything is saved
};

} // namespace Care360
