#include "consolecore.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/drafts/draftkeeper.h"
#include "app/session/activitylog.h"
#include "app/session/connectionmanager.h"
#include "models/assigneedirectory.h"
#include "models/clock.h"
#include "models/escalationtablemodel.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace Care360 {

ConsoleCore::ConsoleCore(PracticeServerFactory practiceServer, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_client(new ApiClient(m_network, this))
    , m_credentials(new CredentialStore(this))
    , m_connection(new ConnectionManager(m_client, m_credentials, this))
    , m_assignees(new AssigneeDirectory(this))
    , m_model(new EscalationTableModel(m_assignees, this))
    , m_log(new ActivityLog(this))
    , m_session(new CaseSession(m_client, m_model, m_log, this))
    , m_journal(nullptr)
    , m_journalKey(nullptr)
    , m_keeper(nullptr)
{
    setObjectName(QStringLiteral("consoleCore"));
    m_network->setObjectName(QStringLiteral("networkAccessManager"));
    m_client->setObjectName(QStringLiteral("apiClient"));
    m_credentials->setObjectName(QStringLiteral("credentialStore"));
    m_connection->setObjectName(QStringLiteral("connectionManager"));
    m_model->setObjectName(QStringLiteral("escalationModel"));
    m_log->setObjectName(QStringLiteral("activityLog"));
    m_session->setObjectName(QStringLiteral("caseSession"));
    m_connection->setPracticeServerFactory(std::move(practiceServer));
    m_client->setDeadline(m_settings.requestDeadline());
    m_assignees->fromVariantMap(m_settings.assigneeEmails());
    m_assignees->teamFromVariantList(m_settings.teamDirectory());
    setUpDrafts();

    connect(m_connection, &ConnectionManager::environmentChanged, this,
            &ConsoleCore::onEnvironmentChanged);
    connect(m_connection, &ConnectionManager::keyStateChanged, this,
            &ConsoleCore::onKeyStateChanged);
    connect(m_connection, &ConnectionManager::keyMissing, this, &ConsoleCore::onKeyMissing);
    connect(m_connection, &ConnectionManager::problem, this,
            [this](const QString &message) { emit notice(NoticeKind::Warning, message); });
    connect(m_session, &CaseSession::busyChanged, this, &ConsoleCore::busyChanged);
    m_session->setListBeforeSend(m_settings.listBeforeSend());
    connect(m_session, &CaseSession::finished, this, &ConsoleCore::onFinished);
    connect(m_credentials, &CredentialStore::writeFinished, this, &ConsoleCore::onKeyWritten);
    connect(m_credentials, &CredentialStore::removeFinished, this, &ConsoleCore::onKeyRemoved);

    // Overdue and due-soon marks follow the clock while the console stays open all day.
    auto *dueTimer = new QTimer(this);
    dueTimer->setObjectName(QStringLiteral("dueStateTimer"));
    connect(dueTimer, &QTimer::timeout, m_model, &EscalationTableModel::refreshDueStates);
    dueTimer->start(std::chrono::minutes(1));
}

ConsoleCore::~ConsoleCore()
{
    // Before the model and the journal it writes through go: the last drafts reach the disk.
    delete m_keeper;
    m_settings.setAssigneeEmails(m_assignees->toVariantMap());
}

void ConsoleCore::start(const StartupOptions &options)
{
    m_startingUp = true;
    m_startupCaseId = options.caseId;
    startDrafts();
    m_connection->setSandboxDataFile(options.sandboxDataFile);
    std::optional<Environment::Kind> kind = options.environment;
    if (!kind)
        kind = Environment::kindFromName(m_settings.lastEnvironment());
    const QUrl customUrl = options.baseUrl.isEmpty() ? m_settings.customBaseUrl() : options.baseUrl;
    // New users start on the practice sandbox; a build without one starts on Production, which
    // asks for its key.
    Environment environment =
        hasSandbox() ? Environment::sandbox(QUrl()) : Environment::production();
    if (kind == Environment::Kind::Staging)
        environment = Environment::staging();
    else if (kind == Environment::Kind::Production)
        environment = Environment::production();
    else if (kind == Environment::Kind::Custom && customUrl.isValid() && !customUrl.isEmpty())
        environment = Environment::custom(customUrl);
    if (!m_connection->selectEnvironment(environment) && hasSandbox()
        && environment.kind != Environment::Kind::Sandbox)
        m_connection->selectEnvironment(Environment::sandbox(QUrl()));
}

ConsoleCore::Step ConsoleCore::selectEnvironment(const Environment &requested,
                                                 Confirmation confirmation)
{
    const Environment current = m_connection->environment();
    // The sandbox's address is only known once it runs, so the kind alone names it.
    if (requested.kind == current.kind
        && (requested.kind == Environment::Kind::Sandbox || requested.baseUrl == current.baseUrl))
        return Step::Nothing;
    if (confirmation == Confirmation::Ask && needsDiscardConfirmation())
        return Step::ConfirmDiscard;
    m_startingUp = false;
    m_startupCaseId.clear();
    prepareToClose(QString(), confirmation);
    m_session->close();
    m_connection->selectEnvironment(requested);
    return Step::Started;
}

ConsoleCore::Step ConsoleCore::loadCase(const QString &caseId, Confirmation confirmation)
{
    if (caseId != m_session->caseId() && confirmation == Confirmation::Ask
        && needsDiscardConfirmation())
        return Step::ConfirmDiscard;
    if (!m_session->isBusy())
        prepareToClose(caseId, confirmation);
    if (!m_session->load(caseId))
        return Step::Nothing;
    emit caseRequested(caseId);
    return Step::Started;
}

bool ConsoleCore::refresh()
{
    return m_session->refresh();
}

ConsoleCore::Step ConsoleCore::send(Confirmation confirmation)
{
    const QList<EscalationUpdate> updates = m_model->pendingUpdates();
    if (updates.isEmpty() || m_session->isBusy())
        return Step::Nothing;
    if (confirmation == Confirmation::Ask && pastFollowUpCount() > 0)
        return Step::ConfirmPastDates;
    if (confirmation == Confirmation::Ask && needsProductionConfirmation())
        return Step::ConfirmSend;
    m_sentCount = int(updates.size());
    return m_session->send() ? Step::Started : Step::Nothing;
}

ConsoleCore::Step ConsoleCore::retry(Confirmation confirmation)
{
    // Through the same paths as the agent's own commands, so that the Production confirmation
    // and the unsent-changes question are never skipped.
    switch (m_session->lastAction()) {
    case CaseSession::Action::Load:
        return loadCase(m_session->lastCaseId(), confirmation);
    case CaseSession::Action::Refresh:
        return refresh() ? Step::Started : Step::Nothing;
    case CaseSession::Action::Send:
        return send(confirmation);
    case CaseSession::Action::None:
        break;
    }
    return Step::Nothing;
}

void ConsoleCore::cancel()
{
    m_session->cancel();
}

void ConsoleCore::revertCells(const QModelIndexList &indexes)
{
    QModelIndexList dirtyCells;
    QList<int> inactiveRows;
    for (const QModelIndex &index : indexes) {
        if (index.data(EscalationTableModel::InactiveRole).toBool()) {
            if (!inactiveRows.contains(index.row()))
                inactiveRows << index.row();
        } else if (index.data(EscalationTableModel::DirtyRole).toBool()) {
            dirtyCells << index;
        }
    }
    // An empty undo step would only wipe the redo history.
    if (dirtyCells.isEmpty() && inactiveRows.isEmpty())
        return;
    m_model->undoStack()->beginMacro(tr("Revert selected"));
    for (const QModelIndex &cell : std::as_const(dirtyCells))
        m_model->revertCell(cell);
    // Highest row first, so that the remaining row numbers stay valid.
    std::sort(inactiveRows.begin(), inactiveRows.end(), std::greater<int>());
    for (int row : std::as_const(inactiveRows))
        m_model->discardInactiveRow(row);
    m_model->undoStack()->endMacro();
}

void ConsoleCore::revertAll()
{
    m_model->revertAll();
}

void ConsoleCore::setConfirmProductionSend(bool confirm)
{
    m_settings.setConfirmProductionSend(confirm);
}

Environment ConsoleCore::environment() const
{
    return m_connection->environment();
}

bool ConsoleCore::hasSandbox() const
{
    return m_connection->hasSandbox();
}

QString ConsoleCore::keyStateText() const
{
    return m_connection->keyStateText();
}

QString ConsoleCore::keyStateToolTip() const
{
    return m_connection->keyState() == ConnectionManager::KeyState::MemoryOnly
        ? m_credentials->unavailableMessage()
        : QString();
}

bool ConsoleCore::hasKey() const
{
    return m_client->hasApiKey();
}

bool ConsoleCore::canSend() const
{
    return canRefresh() && m_model->pendingCount() > 0;
}

bool ConsoleCore::canRefresh() const
{
    return canLoad() && !m_session->caseId().isEmpty();
}

bool ConsoleCore::canLoad() const
{
    return !m_session->isBusy() && hasKey();
}

QStringList ConsoleCore::knownEmails() const
{
    return m_assignees->knownEmails();
}

QStringList ConsoleCore::assigneeCompletions() const
{
    return m_assignees->completions();
}

ConsoleCore::SendConfirmation ConsoleCore::sendConfirmation() const
{
    SendConfirmation confirmation { m_session->caseId(), m_model->pendingUpdates(), {} };
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, EscalationTableModel::Title);
        confirmation.titles.insert(index.data(EscalationTableModel::IdRole).toString(),
                                   index.data().toString());
    }
    return confirmation;
}

bool ConsoleCore::needsProductionConfirmation() const
{
    return m_connection->environment().isProduction() && m_settings.confirmProductionSend();
}

int ConsoleCore::pastFollowUpCount() const
{
    const QDateTime now = Clock::currentDateTimeUtc();
    int past = 0;
    for (const EscalationUpdate &update : m_model->pendingUpdates())
        past += update.followUpDueAt && *update.followUpDueAt < now ? 1 : 0;
    return past;
}

bool ConsoleCore::needsDiscardConfirmation() const
{
    // Drafts on rows that are no longer active count too: they are the agent's work.
    return m_model->hasDrafts() || m_session->isBusy();
}

QString ConsoleCore::discardQuestion(const QString &reason) const
{
    QString text = reason + QLatin1Char(' ');
    if (m_model->hasDrafts() && keepsDrafts())
        return QString(text
                       + tr("Keep your unsent changes for the next time you open this case, or "
                            "discard them."))
            .trimmed();
    if (m_session->runningAction() == CaseSession::Action::Send)
        text += tr("Changes are being sent right now; whether Care360 applies them is not known "
                   "yet. ");
    if (m_model->hasDrafts())
        text += tr("Your unsent changes will be lost.");
    return text.trimmed();
}

void ConsoleCore::onEnvironmentChanged(const Environment &environment)
{
    m_session->setEnvironmentName(environment.displayName());
    setDraftsEnvironment(environment);
    applyTeamFor(environment);
    m_settings.setLastEnvironment(environment.name());
    if (environment.kind == Environment::Kind::Custom)
        m_settings.setCustomBaseUrl(environment.baseUrl);
    emit environmentChanged(environment);
}

void ConsoleCore::onKeyStateChanged()
{
    using State = ConnectionManager::KeyState;
    const State state = m_connection->keyState();
    const bool usable =
        state == State::Keychain || state == State::MemoryOnly || state == State::SandboxDemo;
    if (usable)
        m_startingUp = false;
    emit keyStateChanged();
    if (usable && !m_startupCaseId.isEmpty())
        loadCase(std::exchange(m_startupCaseId, QString()), Confirmation::Given);
}

void ConsoleCore::onKeyMissing(const Environment &environment, const QString &reason)
{
    if (m_startingUp && hasSandbox() && environment.kind != Environment::Kind::Sandbox) {
        m_startingUp = false;
        // Without a key the chosen environment is unusable: open on the practice sandbox. A
        // case asked for belongs to the other environment, so it is not loaded here, and the
        // sentence stays on screen instead of being replaced by a listing.
        const QString name = environment.displayName();
        const QString caseId = std::exchange(m_startupCaseId, QString());
        m_connection->selectEnvironment(Environment::sandbox(QUrl()));
        QString text = reason.isEmpty()
            ? tr("No API key is saved for %1 yet, so the console opened on the Sandbox. Choose "
                 "%1 again to enter its key.")
                  .arg(name)
            : tr("%1 The console opened on the Sandbox meanwhile.").arg(reason);
        if (!caseId.isEmpty())
            text += QLatin1Char(' ')
                + tr("Case %1 was not opened: it belongs to %2.").arg(caseId, name);
        emit notice(reason.isEmpty() ? NoticeKind::Info : NoticeKind::Warning, text);
        return;
    }
    if (!reason.isEmpty())
        emit notice(NoticeKind::Warning, reason);
    emit keyRequested();
}

void ConsoleCore::onFinished(CaseSession::Action action, const ApiOutcome &outcome)
{
    if (outcome.kind == ApiOutcome::Kind::Listed && action == CaseSession::Action::Load)
        m_settings.addRecentCase(m_session->caseId());
    else if (action == CaseSession::Action::Load)
        cancelDraftDiscard(); // the case asked to close stayed open
    if (outcome.kind == ApiOutcome::Kind::Updated)
        m_settings.setAssigneeEmails(m_assignees->toVariantMap());
    emit finished(action, outcome);
}

} // namespace Care360
