#include "mainwindow.h"

#include "activitydock.h"
#include "announcer.h"
#include "apikeydialog.h"
#include "casebar.h"
#include "environmentbar.h"
#include "errorbanner.h"
#include "escalationdelegate.h"
#include "outcomepresenter.h"
#include "profilesdialog.h"
#include "qtcompatwidgets.h"
#include "sendconfirmationdialog.h"
#include "unsentworklist.h"

#include "app/core/consoleservices.h"
#include "app/session/preferences.h"
#include "app/session/profilestore.h"

#include "care360/version.h"
#include "models/clock.h"
#include "models/datetext.h"
#include "models/escalationfilterproxymodel.h"
#include "models/escalationtablemodel.h"

#include <QAbstractItemView>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStatusBar>
#include <QTableView>
#include <QTime>

namespace Care360 {

using Step = CaseWorkspace::Step;
using Confirmation = CaseWorkspace::Confirmation;

MainWindow::MainWindow(CaseWorkspace *core, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_settings(core->settings())
    , m_model(core->model())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Care360 Escalations"));
    setAccessibleName(windowTitle());
    setWindowIcon(QIcon(QStringLiteral(":/icons/" CARE360_APP_ID ".svg")));

    m_proxy = new EscalationFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("escalationProxy"));
    m_proxy->setSourceModel(m_model);

    createActions();
    createDayActions();
    setCentralWidget(createCentralWidget());
    m_activityDock = new ActivityDock(m_core->activityLog(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    createMenus();
    m_presenter = new OutcomePresenter(m_banner, statusBar(), m_table, this);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->setAccessibleName(tr("Status"));
    m_selectionLabel = new QLabel(this);
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_selectionLabel->hide();
    statusBar()->addPermanentWidget(m_selectionLabel);
    // Orca's read-status-bar command says the bar's name: the message itself, when there is one.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        statusBar()->setAccessibleName(message.isEmpty() ? tr("Status") : message);
    });
    // After an edit is committed the reader hears the cell's new state, not the whole table.
    connect(
        m_delegate, &QAbstractItemDelegate::closeEditor, this, [this] { sayCurrentCell(m_table); },
        Qt::QueuedConnection);
    setTabOrder();
    restoreSettings();

    connect(m_environmentBar, &EnvironmentBar::profileRequested, this, &MainWindow::requestProfile);
    connect(m_environmentBar, &EnvironmentBar::manageRequested, this,
            &MainWindow::openProfilesDialog);
    connect(m_core, &CaseWorkspace::environmentChanged, this, &MainWindow::showProfiles);
    connect(m_core, &CaseWorkspace::profilesChanged, this, &MainWindow::showProfiles);
    connect(m_core, &CaseWorkspace::keyStateChanged, this, &MainWindow::onKeyStateChanged);
    connect(m_core, &CaseWorkspace::keyRequested, this, [this] {
        // The dialog may be closed unanswered: the banner still says why the table is empty.
        m_banner->showMessage(ErrorBanner::Kind::Info,
                              tr("No API key is saved for %1 yet: enter one to open its cases.")
                                  .arg(m_core->profile().label()),
                              QString(), ErrorBanner::Action::EnterKey);
        openKeyDialog();
    });
    connect(m_core, &CaseWorkspace::notice, this, &MainWindow::showNotice);
    connect(m_core, &CaseWorkspace::caseRequested, m_caseBar, &CaseBar::setCaseId);
    connect(m_core, &CaseWorkspace::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_core, &CaseWorkspace::preferencesApplied, this,
            [this] { m_delegate->setFollowUpHour(Preferences().followUpHour()); });
    connect(m_core, &CaseWorkspace::finished, this, &MainWindow::onFinished);
    connect(m_caseBar, &CaseBar::loadRequested, this, &MainWindow::loadCase);
    connect(m_banner, &ErrorBanner::retryRequested, this, &MainWindow::retry);
    connect(m_banner, &ErrorBanner::enterKeyRequested, this, &MainWindow::openKeyDialog);
    connect(m_banner, &ErrorBanner::switchProfileRequested, this, [this] {
        StartupOptions options;
        options.profile = m_offeredProfileId;
        options.caseId = m_core->lastCaseId();
        run([&](Confirmation c) { return m_core->openCase(options, c); },
            tr("Switching organisation closes the open case."));
    });
    connect(m_banner, &ErrorBanner::discardDraftsRequested, m_core, &CaseWorkspace::discardDrafts);
    connect(m_core, &CaseWorkspace::draftsRestored, this, &MainWindow::showRestoredDrafts);
    connect(m_core, &CaseWorkspace::environmentChanged, this, &MainWindow::updateCaseHeader);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCaseHeader);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCaseHeader);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCaseHeader);
    connect(m_model, &EscalationTableModel::pendingCountChanged, this, &MainWindow::updateActions);
    connect(m_model, &EscalationTableModel::conflictCountChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateActions);
    for (const auto signal :
         { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &MainWindow::updateFilterCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateFilterCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateFilterCount);
    connect(m_core, &CaseWorkspace::environmentChanged, this, [this] {
        QList<QPair<QString, QString>> cases;
        for (const PracticeServer::PracticeCase &practice : m_core->practiceCases())
            cases.append({ practice.caseId, practice.title });
        m_caseBar->setPracticeCases(cases);
        m_delegate->setCompletions(m_core->assigneeCompletions());
    });
    updateActions();
    updateCaseHeader();
    updateFilterCount();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

bool MainWindow::run(const std::function<Step(Confirmation)> &intent, const QString &discardReason)
{
    if (!commitOpenEditor())
        return false;
    Step step = intent(Confirmation::Ask);
    if (step == Step::ConfirmPastDates) {
        // Asked once; the Production question still follows where it applies.
        if (!askPastDates() || (m_core->needsProductionConfirmation() && !askSendConfirmation()))
            return false;
        step = intent(Confirmation::Given);
    } else if (step == Step::ConfirmDiscard) {
        if (const std::optional<Confirmation> answer = askDiscard(discardReason))
            step = intent(*answer);
    } else if (step == Step::ConfirmSend && askSendConfirmation()) {
        step = intent(Confirmation::Given);
    }
    return step == Step::Started;
}

std::optional<Confirmation> MainWindow::askDiscard(const QString &reason)
{
    const bool keep = m_core->keepsDrafts() && m_model->hasDrafts();
    QMessageBox box(
        QMessageBox::Question, keep ? tr("Keep unsent changes?") : tr("Discard unsent changes?"),
        m_core->discardQuestion(reason), QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("discardChangesBox"));
    QPushButton *keepButton =
        keep ? box.addButton(tr("&Keep for next time"), QMessageBox::AcceptRole) : nullptr;
    if (keepButton)
        keepButton->setObjectName(QStringLiteral("keepChangesButton"));
    box.button(QMessageBox::Discard)->setObjectName(QStringLiteral("discardChangesButton"));
    box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelDiscardButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    if (keepButton && box.clickedButton() == keepButton)
        return Confirmation::Keep;
    if (box.clickedButton() == box.button(QMessageBox::Discard))
        return Confirmation::Given;
    return std::nullopt;
}

bool MainWindow::askSendConfirmation()
{
    const CaseWorkspace::SendConfirmation confirmation = m_core->sendConfirmation();
    SendConfirmationDialog dialog(confirmation.caseId, confirmation.organisation,
                                  confirmation.updates, confirmation.titles, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (dialog.dontAskAgain())
        m_core->setConfirmProductionSend(false);
    return true;
}

void MainWindow::showNotice(CaseWorkspace::NoticeKind kind, const QString &text)
{
    using Kind = CaseWorkspace::NoticeKind;
    m_banner->showMessage(kind == Kind::Error         ? ErrorBanner::Kind::Error
                              : kind == Kind::Warning ? ErrorBanner::Kind::Warning
                                                      : ErrorBanner::Kind::Info,
                          text);
}

void MainWindow::requestProfile(const Profile &profile)
{
    const bool switched = run([&](Confirmation c) { return m_core->selectProfile(profile, c); },
                              tr("Switching organisation closes the open case."));
    if (switched)
        m_banner->hide();
    else // refused or cancelled: the bar shows where the console still is
        showProfiles();
    updateActions();
}

void MainWindow::showProfiles()
{
    m_environmentBar->setProfiles(m_core->profiles(), m_core->profile());
}

void MainWindow::offerOtherProfiles(const ApiOutcome &outcome)
{
    // Never tried with another key by itself: the agent chooses the organisation.
    const QList<Profile> others = m_core->otherProfilesThatOpened(m_core->lastCaseId());
    if (others.isEmpty() || !outcome.requestSent)
        return;
    QStringList labels;
    for (const Profile &profile : others)
        labels.append(profile.label());
    const QString sentence = outcome.userMessage(ApiOutcome::Audience::Console, false)
        + QLatin1Char(' ')
        + tr("This case may belong to another organisation: it was opened before with %1.")
              .arg(QLocale().createSeparatedList(labels));
    m_offeredProfileId = others.constFirst().id;
    m_banner->setOfferedProfile(others.constFirst().label());
    m_banner->showMessage(ErrorBanner::Kind::Error, sentence, outcome.shownRequestId(),
                          ErrorBanner::Action::SwitchProfile);
}

void MainWindow::openProfilesDialog()
{
    ProfilesDialog dialog(m_core->services(), this);
    dialog.exec();
    showProfiles();
    // One just added is what the agent wants next: switched to, and its key asked for.
    if (const auto added = ProfileStore().find(dialog.addedProfileId()))
        requestProfile(*added);
}

void MainWindow::onKeyStateChanged()
{
    m_environmentBar->setKeyState(m_core->keyStateText(), m_core->keyStateToolTip());
    updateActions();
}

void MainWindow::openKeyDialog()
{
    auto *dialog = new ApiKeyDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, m_banner, &ErrorBanner::hide);
    dialog->open();
}

void MainWindow::loadCase(const QString &caseId)
{
    // A case this organisation never opened, which another did: asked where it belongs.
    if (const auto elsewhere = m_core->profileLastUsedFor(caseId)) {
        QMessageBox question(QMessageBox::Question, tr("Which organisation?"),
                             tr("Case %1 was last opened with %2, not %3. Open it with %2?")
                                 .arg(caseId, elsewhere->label(), m_core->profile().label()),
                             QMessageBox::Cancel, this);
        question.setObjectName(QStringLiteral("caseProfileQuestion"));
        QPushButton *there =
            question.addButton(tr("Open with %1").arg(elsewhere->name), QMessageBox::AcceptRole);
        there->setObjectName(QStringLiteral("openWithLastProfileButton"));
        QPushButton *here = question.addButton(tr("Open with %1").arg(m_core->profile().name),
                                               QMessageBox::ActionRole);
        here->setObjectName(QStringLiteral("openHereButton"));
        question.setDefaultButton(there);
        question.exec();
        if (question.clickedButton() == there) {
            StartupOptions options;
            options.profile = elsewhere->id;
            options.caseId = caseId;
            run([&](Confirmation c) { return m_core->openCase(options, c); },
                tr("Switching organisation closes the open case."));
            return;
        }
        if (question.clickedButton() != here) {
            m_caseBar->setCaseId(m_core->caseId());
            return;
        }
    }
    run([&](Confirmation c) { return m_core->loadCase(caseId, c); },
        tr("Loading another case closes this one."));
}

void MainWindow::openUnsentCase(const QString &journalEnvironment, const QString &caseId)
{
    const StartupOptions options = ConsoleServices::optionsFor(journalEnvironment, caseId);
    run([&](Confirmation c) { return m_core->openCase(options, c); },
        tr("Opening another case closes this one."));
}

void MainWindow::refreshUnsentWork()
{
    const bool caseOpen = !m_model->caseId().isEmpty();
    if (!caseOpen)
        m_unsentWork->setEntries(m_core->services()->unsentWork());
    m_unsentWork->setVisible(!caseOpen && !m_unsentWork->isEmpty());
    m_followUpsButton->setVisible(!caseOpen);
}

void MainWindow::send()
{
    run([this](Confirmation c) { return m_core->send(c); }, QString());
}

void MainWindow::retry()
{
    run([this](Confirmation c) { return m_core->retry(c); },
        tr("Loading another case closes this one."));
}

void MainWindow::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    if (busy)
        statusBar()->showMessage(tr("Talking to %1…").arg(m_core->profile().label()));
    else
        statusBar()->clearMessage(); // the outcome's own message follows
    updateActions();
}

void MainWindow::onFinished(CaseSession::Action action, const ApiOutcome &outcome)
{
    // A case that did not open leaves the open one on screen, named in the field above it.
    if (action == CaseSession::Action::Load && outcome.kind != ApiOutcome::Kind::Listed)
        m_caseBar->setCaseId(m_core->caseId());
    // Rows re-sort now, not while the agent edits (the proxy's dynamic sorting is off).
    if (outcome.kind == ApiOutcome::Kind::Listed) {
        m_proxy->sort(m_proxy->sortColumn(), m_proxy->sortOrder());
        m_proxy->invalidate();
    }
    if (outcome.kind == ApiOutcome::Kind::Updated) {
        m_savedNote = tr("%Ln change(s) saved at %1", nullptr, m_core->sentCount())
                          .arg(DateText::time(Clock::currentDateTimeUtc().toLocalTime().time()));
        QtCompat::announce(m_caseHeader, m_savedNote);
    } else if (action == CaseSession::Action::Load && outcome.kind == ApiOutcome::Kind::Listed)
        m_savedNote.clear();
    updateCaseHeader();
    if (outcome.kind == ApiOutcome::Kind::Listed && action == CaseSession::Action::Load) {
        m_caseBar->setRecentCases(m_core->recentCasesWithTitles());
        // The first row's note, before the focus arrives (focus alone would pick the title).
        if (m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, EscalationTableModel::Note));
        m_table->setFocus(Qt::OtherFocusReason);
        // Heard: which case opened where, then the cell the agent is on.
        QtCompat::announce(m_caseHeader, m_caseHeader->text());
        sayCurrentCell(m_table);
    }
    if (outcome.kind == ApiOutcome::Kind::Updated)
        m_delegate->setCompletions(m_core->assigneeCompletions());
    m_presenter->present(action, outcome, m_core->sentCount());
    if (action == CaseSession::Action::Load
        && (outcome.kind == ApiOutcome::Kind::PermissionDenied
            || outcome.kind == ApiOutcome::Kind::InvalidApiKey))
        offerOtherProfiles(outcome);
    updateActions();
    if (action == CaseSession::Action::Send && std::exchange(m_closeAfterSend, false)
        && outcome.kind == ApiOutcome::Kind::Updated && !m_model->hasDrafts())
        close();
}

void MainWindow::updateActions()
{
    const int pending = m_model->pendingCount();
    m_sendAction->setEnabled(m_core->canSend());
    m_refreshAction->setEnabled(m_core->canRefresh());
    m_cancelAction->setEnabled(m_core->isBusy());
    m_revertAllAction->setEnabled(pending > 0);
    // Right after tabbing into the table nothing is selected: the current cell counts.
    m_revertAction->setEnabled(m_table->selectionModel()->hasSelection()
                               || m_table->currentIndex().isValid());
    const bool rows =
        m_table->selectionModel()->hasSelection() || m_table->currentIndex().isValid();
    m_bulkAssigneeAction->setEnabled(rows);
    m_bulkFollowUpAction->setEnabled(rows);
    m_bulkNoteAction->setEnabled(rows);
    const bool conflict = m_table->currentIndex().data(EscalationTableModel::ConflictRole).toBool();
    m_keepMineAction->setEnabled(conflict);
    m_takeTheirsAction->setEnabled(conflict);
    m_caseBar->setLoadEnabled(m_core->canLoad());
    // The sandbox answers to its practice key alone: a key typed for it would be kept for nothing
    // (under this run's random port).
    m_apiKeyAction->setEnabled(!m_core->profile().isPractice());
    m_sendButton->setEnabled(m_sendAction->isEnabled());
    m_pendingLabel->setText(pending == 0 ? tr("No pending changes")
                                         : tr("%Ln pending change(s)", nullptr, pending));
    updateSelectionLabel();
}

void MainWindow::updateSelectionLabel()
{
    // Rows the bulk commands would change: shown once it is more than the current cell's.
    const QItemSelectionModel *selection = m_table->selectionModel();
    QSet<int> rows;
    for (const QModelIndex &index : selection->selectedIndexes())
        rows.insert(index.row());
    const bool shown = rows.size() > 1 || !selection->selectedRows().isEmpty();
    m_selectionLabel->setVisible(shown);
    m_selectionLabel->setText(shown ? tr("%Ln row(s) selected", nullptr, int(rows.size()))
                                    : QString());
    m_selectionLabel->setAccessibleName(m_selectionLabel->text());
}

void MainWindow::revertSelection()
{
    QModelIndexList indexes = m_table->selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && m_table->currentIndex().isValid())
        indexes << m_table->currentIndex();
    QModelIndexList sourceIndexes;
    for (const QModelIndex &index : std::as_const(indexes))
        sourceIndexes << m_proxy->mapToSource(index);
    m_core->revertCells(sourceIndexes);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!commitOpenEditor() || !askBeforeClosing())
        return event->ignore();
    saveSettings();
    event->accept();
}

} // namespace Care360
