#include "caseworkspace.h"

#include "consoleservices.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/credentials/profilekeys.h"
#include "app/drafts/draftkeeper.h"
#include "app/followups/followupstore.h"
#include "app/session/activitylog.h"
#include "app/session/connectionmanager.h"
#include "app/session/preferences.h"
#include "app/session/profilestore.h"
#include "models/assigneedirectory.h"
#include "models/clock.h"
#include "models/escalationtablemodel.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace Care360 {

CaseWorkspace::CaseWorkspace(ConsoleServices *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_client(new ApiClient(services->network(), this))
    , m_connection(new ConnectionManager(m_client, services->profileKeys(), this))
    , m_assignees(new AssigneeDirectory(this))
    , m_model(new EscalationTableModel(m_assignees, this))
    , m_log(new ActivityLog(this))
    , m_session(new CaseSession(m_client, m_model, m_log, this))
    , m_journal(services->journal())
    , m_keeper(nullptr)
{
    setObjectName(QStringLiteral("caseWorkspace"));
    m_client->setObjectName(QStringLiteral("apiClient"));
    m_connection->setObjectName(QStringLiteral("connectionManager"));
    m_model->setObjectName(QStringLiteral("escalationModel"));
    m_log->setObjectName(QStringLiteral("activityLog"));
    m_session->setObjectName(QStringLiteral("caseSession"));
    m_connection->setPracticeServerFactory(services->sharedPracticeServer());
    applyPreferences();
    connect(services, &ConsoleServices::preferencesChanged, this, &CaseWorkspace::applyPreferences);
    setUpDrafts();

    connect(m_connection, &ConnectionManager::profileChanged, this,
            &CaseWorkspace::onProfileChanged);
    connect(services, &ConsoleServices::profilesChanged, this, &CaseWorkspace::profilesChanged);
    connect(m_connection, &ConnectionManager::keyStateChanged, this,
            &CaseWorkspace::onKeyStateChanged);
    connect(m_connection, &ConnectionManager::keyMissing, this, &CaseWorkspace::onKeyMissing);
    connect(m_connection, &ConnectionManager::problem, this,
            [this](const QString &message) { emit notice(NoticeKind::Warning, message); });
    connect(m_session, &CaseSession::busyChanged, this, &CaseWorkspace::busyChanged);
    connect(m_session, &CaseSession::finished, this, &CaseWorkspace::onFinished);
    connect(services->profileKeys(), &ProfileKeys::writeFinished, this,
            &CaseWorkspace::onKeyWritten);
    connect(services->profileKeys(), &ProfileKeys::removeFinished, this,
            &CaseWorkspace::onKeyRemoved);

    // Overdue and due-soon marks follow the clock while the console stays open all day.
    auto *dueTimer = new QTimer(this);
    dueTimer->setObjectName(QStringLiteral("dueStateTimer"));
    connect(dueTimer, &QTimer::timeout, m_model, &EscalationTableModel::refreshDueStates);
    dueTimer->start(std::chrono::minutes(1));
}

CaseWorkspace::~CaseWorkspace()
{
    // Before the model and the journal it writes through go: the last drafts reach the disk.
    delete m_keeper;
    if (!m_settings.profile().isEmpty())
        m_settings.setAssigneeEmails(m_assignees->toVariantMap());
}

void CaseWorkspace::start(const StartupOptions &options)
{
    m_startingUp = true;
    m_startupCaseId = options.caseId;
    m_explicitEnvironment = options.environment.has_value() || !options.profile.isEmpty();
    // The journal's key costs a keychain round trip and, on a first start, the keyring's work
    // to make one: with a case to open, that waits until its listing has ended instead of
    // competing with it (drafts are restored onto the listing once the key is there).
    m_draftsAfterListing = !options.caseId.isEmpty();
    if (!m_draftsAfterListing)
        startDrafts();
    else // at the latest, should the case not be asked for after all (open in another window)
        QTimer::singleShot(2000, this, [this] {
            if (std::exchange(m_draftsAfterListing, false))
                startDrafts();
        });
    m_connection->setSandboxDataFile(options.sandboxDataFile);
    const Profile profile = startProfile(options, hasSandbox());
    if (!options.profile.isEmpty() && !ProfileStore().anyProfile(options.profile)) {
        const QString named = options.profile;
        QTimer::singleShot(0, this, [this, named, profile] {
            emit notice(NoticeKind::Warning,
                        tr("No organisation is called \"%1\", so the console opened %2. Add it "
                           "under File › Organisations….")
                            .arg(named, profile.label()));
        });
    }
    if (!m_connection->selectProfile(profile) && hasSandbox() && !profile.isPractice())
        m_connection->selectProfile(ProfileStore::firstPractice());
}

CaseWorkspace::Step CaseWorkspace::loadCase(const QString &caseId, Confirmation confirmation)
{
    // One case, one place: the workspace that has it open is brought forward instead.
    if (CaseWorkspace *owner = m_services->owner(placeOf(caseId)); owner && owner != this) {
        emit notice(NoticeKind::Info,
                    tr("Case %1 is open in another window, which was brought forward: a case is "
                       "edited in one place only, so no change can overwrite another.")
                        .arg(caseId));
        emit caseOpenElsewhere(owner);
        return Step::Nothing;
    }
    if (caseId != m_session->caseId() && confirmation == Confirmation::Ask
        && needsDiscardConfirmation())
        return Step::ConfirmDiscard;
    if (!m_session->isBusy())
        prepareToClose(caseId, confirmation);
    if (!m_session->load(caseId))
        return Step::Nothing;
    m_services->claim(placeOf(caseId), this);
    emit caseRequested(caseId);
    return Step::Started;
}

QString CaseWorkspace::placeOf(const QString &caseId) const
{
    return m_draftsEnvironment + QLatin1Char('\n') + caseId;
}

void CaseWorkspace::releaseOtherCases()
{
    // Claims of loads that failed, and of the case this workspace no longer shows.
    m_services->keepOnly(this,
                         m_session->caseId().isEmpty() ? QString() : placeOf(m_session->caseId()));
}

bool CaseWorkspace::refresh()
{
    return m_session->refresh();
}

CaseWorkspace::Step CaseWorkspace::send(Confirmation confirmation)
{
    const QList<EscalationUpdate> updates = m_model->pendingUpdates();
    if (updates.isEmpty() || m_session->isBusy())
        return Step::Nothing;
    if (confirmation == Confirmation::Ask && pastFollowUpCount() > 0)
        return Step::ConfirmPastDates;
    if (confirmation == Confirmation::Ask && needsProductionConfirmation())
        return Step::ConfirmSend;
    m_sentCount = 0;
    for (const EscalationUpdate &update : updates)
        m_sentCount += update.changeCount();
    return m_session->send() ? Step::Started : Step::Nothing;
}

CaseWorkspace::Step CaseWorkspace::retry(Confirmation confirmation)
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

void CaseWorkspace::cancel()
{
    m_session->cancel();
}

void CaseWorkspace::revertCells(const QModelIndexList &indexes)
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

void CaseWorkspace::revertAll()
{
    m_model->revertAll();
}

void CaseWorkspace::applyPreferences()
{
    const Preferences preferences;
    m_client->setDeadline(preferences.requestDeadline());
    m_session->setListBeforeSend(preferences.listBeforeSend());
    m_model->setDueSoonHours(preferences.dueSoonHours());
    emit preferencesApplied();
}

void CaseWorkspace::setConfirmProductionSend(bool confirm)
{
    Preferences().setConfirmProductionSend(confirm);
}

Environment CaseWorkspace::environment() const
{
    return m_connection->environment();
}

bool CaseWorkspace::hasSandbox() const
{
    return m_connection->hasSandbox();
}

QString CaseWorkspace::keyStateText() const
{
    return m_connection->keyStateText();
}

QString CaseWorkspace::keyStateToolTip() const
{
    return m_connection->keyState() == ConnectionManager::KeyState::MemoryOnly
        ? m_services->credentials()->unavailableMessage()
        : QString();
}

bool CaseWorkspace::hasKey() const
{
    return m_client->hasApiKey();
}

bool CaseWorkspace::canSend() const
{
    return canRefresh() && m_model->pendingCount() > 0;
}

bool CaseWorkspace::canRefresh() const
{
    return canLoad() && !m_session->caseId().isEmpty();
}

bool CaseWorkspace::canLoad() const
{
    return !m_session->isBusy() && hasKey();
}

QStringList CaseWorkspace::knownEmails() const
{
    return m_assignees->knownEmails();
}

QStringList CaseWorkspace::assigneeCompletions() const
{
    return m_assignees->completions();
}

CaseWorkspace::SendConfirmation CaseWorkspace::sendConfirmation() const
{
    SendConfirmation confirmation {
        m_session->caseId(), m_model->pendingUpdates(), {}, profile().name
    };
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, EscalationTableModel::Title);
        confirmation.titles.insert(index.data(EscalationTableModel::IdRole).toString(),
                                   index.data().toString());
    }
    return confirmation;
}

bool CaseWorkspace::needsProductionConfirmation() const
{
    return m_connection->environment().isProduction() && Preferences().confirmProductionSend();
}

int CaseWorkspace::pastFollowUpCount() const
{
    const QDateTime now = Clock::currentDateTimeUtc();
    int past = 0;
    for (const EscalationUpdate &update : m_model->pendingUpdates())
        past += update.followUpDueAt && *update.followUpDueAt < now ? 1 : 0;
    return past;
}

bool CaseWorkspace::needsDiscardConfirmation() const
{
    // Drafts on rows that are no longer active count too: they are the agent's work.
    return m_model->hasDrafts() || m_session->isBusy();
}

QString CaseWorkspace::discardQuestion(const QString &reason) const
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

void CaseWorkspace::onKeyStateChanged()
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

void CaseWorkspace::onKeyMissing(const Profile &profile, const QString &reason)
{
    if (std::exchange(m_draftsAfterListing, false))
        startDrafts(); // no listing before the agent has answered
    if (m_startingUp && hasSandbox() && !profile.isPractice() && !m_explicitEnvironment) {
        m_startingUp = false;
        // Without a key the chosen environment is unusable: open on the practice sandbox. A
        // case asked for belongs to the other environment, so it is not loaded here, and the
        // sentence stays on screen instead of being replaced by a listing.
        const QString name = profile.label();
        const QString caseId = std::exchange(m_startupCaseId, QString());
        m_connection->selectProfile(ProfileStore::firstPractice());
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
    // A case asked for on the command line opens once the key is entered (onKeyStateChanged).
    emit keyRequested();
}

void CaseWorkspace::onFinished(CaseSession::Action action, const ApiOutcome &outcome)
{
    if (std::exchange(m_draftsAfterListing, false))
        startDrafts();
    releaseOtherCases();
    if (outcome.kind == ApiOutcome::Kind::Listed && action == CaseSession::Action::Load)
        m_settings.addRecentCase(m_session->caseId(),
                                 caseTitle(m_session->caseId(), outcome.escalations));
    else if (action == CaseSession::Action::Load)
        cancelDraftDiscard(); // the case asked to close stayed open
    if (outcome.kind == ApiOutcome::Kind::Updated)
        m_settings.setAssigneeEmails(m_assignees->toVariantMap());
    // What the case holds now, for the Follow-ups view and reminders (never the notes).
    if (outcome.isSuccess() && !m_session->caseId().isEmpty())
        m_services->followUpStore()->record(m_draftsEnvironment, m_session->caseId(),
                                            outcome.escalations, Clock::currentDateTimeUtc());
    emit finished(action, outcome);
}

} // namespace Care360

#include "moc_caseworkspace.cpp"
