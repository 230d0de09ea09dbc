#pragma once

#include "app/api/environment.h"
#include "app/session/casesession.h"
#include "app/session/settings.h"

#include <QMainWindow>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Care360 {

class ActivityDock;
class ActivityLog;
class ApiClient;
class AssigneeDirectory;
class CaseBar;
class ConnectionManager;
class CredentialStore;
class EnvironmentBar;
class ErrorBanner;
class EscalationDelegate;
class EscalationFilterProxyModel;
class EscalationTableModel;
class OutcomePresenter;

// What the command line asks for at start-up.
struct StartupOptions {
    std::optional<Environment::Kind> environment;
    QUrl baseUrl; // Custom environment
    QString caseId; // loaded once the environment is ready
    QString sandboxDataFile;
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const StartupOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createCentralWidget();
    void setTabOrder();
    void restoreSettings();
    void saveSettings();

    void start(const StartupOptions &options);
    void requestEnvironment(const Environment &environment);
    void onKeyStateChanged();
    void onKeyMissing(const Environment &environment, const QString &reason);
    void retry();
    void openKeyDialog();
    void loadCase(const QString &caseId);
    void send();
    void onBusyChanged(bool busy);
    void onFinished(CaseSession::Action action, const ApiOutcome &outcome);
    void updateActions();
    void revertSelection();
    bool confirmDiscardPending(const QString &reason);

    Settings m_settings;
    ApiClient *m_client = nullptr;
    CredentialStore *m_credentials = nullptr;
    ConnectionManager *m_connection = nullptr;
    AssigneeDirectory *m_assignees = nullptr;
    EscalationTableModel *m_model = nullptr;
    EscalationFilterProxyModel *m_proxy = nullptr;
    ActivityLog *m_log = nullptr;
    CaseSession *m_session = nullptr;

    EnvironmentBar *m_environmentBar = nullptr;
    CaseBar *m_caseBar = nullptr;
    ErrorBanner *m_banner = nullptr;
    QTableView *m_table = nullptr;
    EscalationDelegate *m_delegate = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_onlyPendingCheck = nullptr;
    QCheckBox *m_onlyOverdueCheck = nullptr;
    QLabel *m_pendingLabel = nullptr;
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
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;

    bool m_startingUp = true;
    int m_sentCount = 0;
    QString m_startupCaseId;
};

} // namespace Care360
