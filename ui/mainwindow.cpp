#include "mainwindow.h"

#include "activitydock.h"
#include "apikeydialog.h"
#include "casebar.h"
#include "environmentbar.h"
#include "errorbanner.h"
#include "escalationdelegate.h"
#include "outcomepresenter.h"
#include "sendconfirmationdialog.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/session/activitylog.h"
#include "app/session/connectionmanager.h"
#include "care360/version.h"
#include "models/assigneedirectory.h"
#include "models/escalationfilterproxymodel.h"
#include "models/escalationtablemodel.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace Care360 {

MainWindow::MainWindow(const StartupOptions &options, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Care360 Escalations"));
    setAccessibleName(windowTitle());
    setWindowIcon(QIcon(QStringLiteral(":/icons/" CARE360_APP_ID ".svg")));

    auto *nam = new QNetworkAccessManager(this);
    nam->setObjectName(QStringLiteral("networkAccessManager"));
    m_client = new ApiClient(nam, this);
    m_client->setObjectName(QStringLiteral("apiClient"));
    m_credentials = new CredentialStore(this);
    m_credentials->setObjectName(QStringLiteral("credentialStore"));
    m_connection = new ConnectionManager(m_client, m_credentials, this);
    m_connection->setObjectName(QStringLiteral("connectionManager"));
    m_connection->setSandboxDataFile(options.sandboxDataFile);
    m_assignees = new AssigneeDirectory(this);
    m_assignees->fromVariantMap(m_settings.assigneeEmails());
    m_model = new EscalationTableModel(m_assignees, this);
    m_model->setObjectName(QStringLiteral("escalationModel"));
    m_proxy = new EscalationFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("escalationProxy"));
    m_proxy->setSourceModel(m_model);
    m_log = new ActivityLog(this);
    m_log->setObjectName(QStringLiteral("activityLog"));
    m_session = new CaseSession(m_client, m_model, m_log, this);
    m_session->setObjectName(QStringLiteral("caseSession"));

    createActions();
    setCentralWidget(createCentralWidget());
    m_activityDock = new ActivityDock(m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    createMenus();
    m_presenter = new OutcomePresenter(m_banner, statusBar(), m_table, this);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    setTabOrder();
    restoreSettings();

    connect(m_environmentBar, &EnvironmentBar::environmentRequested, this,
            &MainWindow::requestEnvironment);
    connect(m_environmentBar, &EnvironmentBar::keyDialogRequested, this,
            &MainWindow::openKeyDialog);
    connect(m_connection, &ConnectionManager::environmentChanged, this,
            [this](const Environment &e) {
                m_environmentBar->setEnvironment(e);
                m_session->setEnvironmentName(e.displayName());
                m_settings.setLastEnvironment(e.name());
                if (e.kind == Environment::Kind::Custom)
                    m_settings.setCustomBaseUrl(e.baseUrl);
            });
    connect(m_connection, &ConnectionManager::keyStateChanged, this,
            &MainWindow::onKeyStateChanged);
    connect(m_connection, &ConnectionManager::keyMissing, this, &MainWindow::onKeyMissing);
    connect(m_connection, &ConnectionManager::problem, this, [this](const QString &message) {
        m_banner->showMessage(ErrorBanner::Kind::Warning, message);
    });
    connect(m_caseBar, &CaseBar::loadRequested, this, &MainWindow::loadCase);
    connect(m_banner, &ErrorBanner::retryRequested, m_session, &CaseSession::retry);
    connect(m_banner, &ErrorBanner::enterKeyRequested, this, &MainWindow::openKeyDialog);
    connect(m_session, &CaseSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &CaseSession::finished, this, &MainWindow::onFinished);
    connect(m_model, &EscalationTableModel::pendingCountChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    // Overdue and due-soon marks follow the clock while the console stays open all day.
    auto *dueTimer = new QTimer(this);
    dueTimer->setObjectName(QStringLiteral("dueStateTimer"));
    connect(dueTimer, &QTimer::timeout, m_model, &EscalationTableModel::refreshDueStates);
    dueTimer->start(std::chrono::minutes(1));

    start(options);
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::createActions()
{
    auto make = [this](const char *name, const QString &text, const QKeySequence &shortcut) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(
                QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                              shortcut.toString(QKeySequence::NativeText)));
        }
        addAction(action); // window-wide shortcuts even while the menu bar is hidden
        return action;
    };
    m_refreshAction = make("refreshAction", tr("&Refresh"), QKeySequence(Qt::Key_F5));
    m_sendAction = make("sendAction", tr("&Send changes"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancelAction = make("cancelAction", tr("&Cancel request"), QKeySequence());
    m_undoAction = m_model->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    addAction(m_undoAction);
    m_redoAction = m_model->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    addAction(m_redoAction);
    m_revertAction =
        make("revertAction", tr("Re&vert selected"), QKeySequence(Qt::CTRL | Qt::Key_Backspace));
    m_revertAllAction = make("revertAllAction", tr("Revert &all changes"), QKeySequence());
    m_findAction = make("findAction", tr("&Filter…"), QKeySequence(Qt::CTRL | Qt::Key_F));
    m_apiKeyAction = make("apiKeyAction", tr("API &key…"), QKeySequence());
    m_aboutAction = make("aboutAction", tr("&About Care360 Escalations"), QKeySequence());
    m_quitAction = make("quitAction", tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    // Actions need no accessible name of their own: menus and buttons announce their text.

    connect(m_refreshAction, &QAction::triggered, m_session, &CaseSession::refresh);
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::send);
    connect(m_cancelAction, &QAction::triggered, m_session, &CaseSession::cancel);
    connect(m_revertAction, &QAction::triggered, this, &MainWindow::revertSelection);
    connect(m_revertAllAction, &QAction::triggered, m_model, &EscalationTableModel::revertAll);
    connect(m_apiKeyAction, &QAction::triggered, this, &MainWindow::openKeyDialog);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Care360 Escalations"),
            tr("<b>Care360 Escalations Console</b> %1<br>Keeps case escalations current through "
               "Care360's UPDATE_ESCALATION API.<br>Qt %2")
                .arg(QStringLiteral(CARE360_VERSION), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::start(const StartupOptions &options)
{
    m_startupCaseId = options.caseId;
    std::optional<Environment::Kind> kind = options.environment;
    if (!kind)
        kind = Environment::kindFromName(m_settings.lastEnvironment());
    QUrl customUrl = options.baseUrl.isEmpty() ? m_settings.customBaseUrl() : options.baseUrl;
    Environment environment = Environment::sandbox(QUrl());
    if (kind == Environment::Kind::Staging)
        environment = Environment::staging();
    else if (kind == Environment::Kind::Production)
        environment = Environment::production();
    else if (kind == Environment::Kind::Custom && customUrl.isValid() && !customUrl.isEmpty())
        environment = Environment::custom(customUrl);
    if (!m_connection->selectEnvironment(environment)
        && environment.kind != Environment::Kind::Sandbox)
        m_connection->selectEnvironment(Environment::sandbox(QUrl()));
}

void MainWindow::requestEnvironment(const Environment &environment)
{
    if (environment.kind == m_connection->environment().kind
        && (environment.kind != Environment::Kind::Custom
            || environment.baseUrl == m_connection->environment().baseUrl))
        return;
    if (!confirmDiscardPending(tr("Switching environment closes the open case.")))
        return m_environmentBar->setEnvironment(m_connection->environment());
    m_startingUp = false;
    m_session->close();
    m_banner->hide();
    m_connection->selectEnvironment(environment);
    updateActions();
}

void MainWindow::onKeyStateChanged()
{
    using State = ConnectionManager::KeyState;
    const State state = m_connection->keyState();
    QString toolTip;
    if (state == State::MemoryOnly)
        toolTip = m_credentials->unavailableMessage();
    m_environmentBar->setKeyState(m_connection->keyStateText(), toolTip);
    const bool usable =
        state == State::Keychain || state == State::MemoryOnly || state == State::SandboxDemo;
    if (usable)
        m_startingUp = false;
    if (usable && !m_startupCaseId.isEmpty())
        loadCase(std::exchange(m_startupCaseId, QString()));
    updateActions();
}

void MainWindow::onKeyMissing(const Environment &environment)
{
    if (m_startingUp && environment.kind != Environment::Kind::Sandbox) {
        m_startingUp = false;
        // Taken first: environment refers to the connection's state, which is about to change.
        const QString name = environment.displayName();
        // Without a key the chosen environment is unusable: open on the practice sandbox.
        m_connection->selectEnvironment(Environment::sandbox(QUrl()));
        m_banner->showMessage(
            ErrorBanner::Kind::Info,
            tr("No API key is saved for %1 yet, so the console opened on the Sandbox. Choose %1 "
               "again to enter its key.")
                .arg(name));
        return;
    }
    openKeyDialog();
}

void MainWindow::openKeyDialog()
{
    const Environment environment = m_connection->environment();
    auto *dialog =
        new ApiKeyDialog(environment.displayName(), environment.baseUrl, m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ApiKeyDialog::keySaved, this, [this](const QString &key, bool inMemoryOnly) {
        m_connection->useKey(key, inMemoryOnly);
        m_banner->hide();
    });
    connect(dialog, &ApiKeyDialog::keyForgotten, m_connection, &ConnectionManager::forgetKey);
    dialog->open();
}

void MainWindow::loadCase(const QString &caseId)
{
    if (caseId != m_session->caseId()
        && !confirmDiscardPending(tr("Loading another case closes this one.")))
        return;
    if (m_session->load(caseId))
        m_caseBar->setCaseId(caseId);
}

void MainWindow::send()
{
    const QList<EscalationUpdate> updates = m_model->pendingUpdates();
    if (updates.isEmpty() || m_session->isBusy())
        return;
    if (m_connection->environment().isProduction() && m_settings.confirmProductionSend()) {
        QHash<QString, QString> titles;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, EscalationTableModel::Title);
            titles.insert(index.data(EscalationTableModel::IdRole).toString(),
                          index.data().toString());
        }
        SendConfirmationDialog dialog(updates, titles, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (dialog.dontAskAgain())
            m_settings.setConfirmProductionSend(false);
    }
    m_sentCount = int(updates.size());
    m_session->send();
}

void MainWindow::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy)
        statusBar()->showMessage(
            tr("Talking to %1…").arg(m_connection->environment().displayName()));
    updateActions();
}

void MainWindow::onFinished(CaseSession::Action action, const ApiOutcome &outcome)
{
    if (outcome.kind == ApiOutcome::Kind::Listed && action == CaseSession::Action::Load) {
        m_settings.addRecentCase(m_session->caseId());
        m_caseBar->setRecentCases(m_settings.recentCases());
        m_table->setFocus(Qt::OtherFocusReason);
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_proxy->index(0, EscalationTableModel::Note));
    }
    if (outcome.kind == ApiOutcome::Kind::Updated) {
        m_settings.setAssigneeEmails(m_assignees->toVariantMap());
        m_delegate->setKnownEmails(m_assignees->knownEmails());
    }
    m_presenter->present(action, outcome, m_sentCount);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool busy = m_session->isBusy();
    const bool hasKey = m_client->hasApiKey();
    const bool hasCase = !m_session->caseId().isEmpty();
    const int pending = m_model->pendingCount();
    m_sendAction->setEnabled(!busy && hasKey && hasCase && pending > 0);
    m_refreshAction->setEnabled(!busy && hasKey && hasCase);
    m_cancelAction->setEnabled(busy);
    m_revertAllAction->setEnabled(pending > 0);
    m_revertAction->setEnabled(m_table->selectionModel()->hasSelection());
    m_caseBar->setLoadEnabled(!busy && hasKey);
    m_sendButton->setEnabled(m_sendAction->isEnabled());
    m_pendingLabel->setText(pending == 0 ? tr("No pending changes")
                                         : tr("%n pending change(s)", nullptr, pending));
}

void MainWindow::revertSelection()
{
    QModelIndexList indexes = m_table->selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && m_table->currentIndex().isValid())
        indexes << m_table->currentIndex();
    QList<int> inactiveRows;
    m_model->undoStack()->beginMacro(tr("Revert selected"));
    for (const QModelIndex &index : std::as_const(indexes)) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.data(EscalationTableModel::InactiveRole).toBool()) {
            if (!inactiveRows.contains(source.row()))
                inactiveRows << source.row();
        } else {
            m_model->revertCell(source);
        }
    }
    // Reverting a row that is no longer active discards it with its drafts; highest row first
    // so that the remaining row numbers stay valid.
    std::sort(inactiveRows.begin(), inactiveRows.end(), std::greater<int>());
    for (int row : std::as_const(inactiveRows))
        m_model->discardInactiveRow(row);
    m_model->undoStack()->endMacro();
}

bool MainWindow::confirmDiscardPending(const QString &reason)
{
    const int pending = m_model->pendingCount();
    if (pending == 0)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Discard unsent changes?"),
        tr("%1 You have %n unsent change(s); they will be lost.", nullptr, pending).arg(reason),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardPending(tr("Closing the console.")))
        return event->ignore();
    saveSettings();
    event->accept();
}

} // namespace Care360
