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

namespace {
constexpr bool kHasSandbox = CARE360_WITH_SANDBOX;
}

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
    connect(m_banner, &ErrorBanner::retryRequested, this, &MainWindow::retry);
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

void MainWindow::start(const StartupOptions &options)
{
    m_startupCaseId = options.caseId;
    std::optional<Environment::Kind> kind = options.environment;
    if (!kind)
        kind = Environment::kindFromName(m_settings.lastEnvironment());
    QUrl customUrl = options.baseUrl.isEmpty() ? m_settings.customBaseUrl() : options.baseUrl;
    // New users start on the practice sandbox; a build without one starts on Production,
    // which asks for its key.
    Environment environment =
        kHasSandbox ? Environment::sandbox(QUrl()) : Environment::production();
    if (kind == Environment::Kind::Staging)
        environment = Environment::staging();
    else if (kind == Environment::Kind::Production)
        environment = Environment::production();
    else if (kind == Environment::Kind::Custom && customUrl.isValid() && !customUrl.isEmpty())
        environment = Environment::custom(customUrl);
    if (!m_connection->selectEnvironment(environment) && kHasSandbox
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

void MainWindow::onKeyMissing(const Environment &environment, const QString &reason)
{
    if (m_startingUp && kHasSandbox && environment.kind != Environment::Kind::Sandbox) {
        m_startingUp = false;
        // Without a key the chosen environment is unusable: open on the practice sandbox.
        const QString name = environment.displayName();
        m_connection->selectEnvironment(Environment::sandbox(QUrl()));
        if (reason.isEmpty())
            m_banner->showMessage(ErrorBanner::Kind::Info,
                                  tr("No API key is saved for %1 yet, so the console opened on the "
                                     "Sandbox. Choose %1 again to enter its key.")
                                      .arg(name));
        else // the keychain's own sentence says what went wrong and what to do
            m_banner->showMessage(
                ErrorBanner::Kind::Warning,
                tr("%1 The console opened on the Sandbox meanwhile.").arg(reason));
        return;
    }
    if (!reason.isEmpty())
        m_banner->showMessage(ErrorBanner::Kind::Warning, reason);
    openKeyDialog();
}

void MainWindow::retry()
{
    // Through the same paths as the agent's own commands, so that the Production confirmation
    // and the unsent-changes question are never skipped.
    switch (m_session->lastAction()) {
    case CaseSession::Action::Load:
        loadCase(m_session->lastCaseId());
        return;
    case CaseSession::Action::Refresh:
        m_session->refresh();
        return;
    case CaseSession::Action::Send:
        send();
        return;
    case CaseSession::Action::None:
        return;
    }
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
    else
        statusBar()->clearMessage(); // the outcome's own message follows
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
    QModelIndexList dirtyCells;
    QList<int> inactiveRows;
    for (const QModelIndex &index : std::as_const(indexes)) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.data(EscalationTableModel::InactiveRole).toBool()) {
            if (!inactiveRows.contains(source.row()))
                inactiveRows << source.row();
        } else if (source.data(EscalationTableModel::DirtyRole).toBool()) {
            dirtyCells << source;
        }
    }
    // An empty undo step would only wipe the redo history.
    if (dirtyCells.isEmpty() && inactiveRows.isEmpty())
        return;
    m_model->undoStack()->beginMacro(tr("Revert selected"));
    for (const QModelIndex &cell : std::as_const(dirtyCells))
        m_model->revertCell(cell);
    // Reverting a row that is no longer active discards it with its drafts; highest row first
    // so that the remaining row numbers stay valid.
    std::sort(inactiveRows.begin(), inactiveRows.end(), std::greater<int>());
    for (int row : std::as_const(inactiveRows))
        m_model->discardInactiveRow(row);
    m_model->undoStack()->endMacro();
}

bool MainWindow::confirmDiscardPending(const QString &reason)
{
    // Drafts on rows that are no longer active count too: they are the agent's work.
    if (!m_model->hasDrafts() && !m_session->isBusy())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Discard unsent changes?"), QString(),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("discardChangesBox"));
    box.setDefaultButton(QMessageBox::Cancel);
    QString text = reason + QLatin1Char(' ');
    if (m_session->runningAction() == CaseSession::Action::Send)
        text += tr("Changes are being sent right now; whether Care360 applies them is not known "
                   "yet. ");
    if (m_model->hasDrafts())
        text += tr("Your unsent changes will be lost.");
    box.setText(text.trimmed());
    return box.exec() == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardPending(tr("Closing the console.")))
        return event->ignore();
    saveSettings();
    event->accept();
}

} // namespace Care360
