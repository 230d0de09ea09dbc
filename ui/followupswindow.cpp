#include "followupswindow.h"
#include "announcer.h"

#include "qtcompatwidgets.h"
#include "refreshallbar.h"

#include "app/core/consoleservices.h"
#include "app/followups/followupstore.h"
#include "app/session/preferences.h"
#include "app/session/settings.h"
#include "models/assigneedirectory.h"
#include "models/clock.h"
#include "models/escalationpresenter.h"
#include "models/followupsmodel.h"

#include "care360/version.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <memory>

namespace Care360 {

namespace {
// A minute: "Today" becomes "Overdue" within a minute of its time.
constexpr int kRegroupMs = 60 * 1000;

// The sandbox's demo people, while a window is on the sandbox (so asking starts nothing).
QList<TeamMember> practicePeople(ConsoleServices *services)
{
    if (!services->hasSandbox())
        return {};
    for (const CaseWorkspace *workspace : services->workspaces()) {
        if (!workspace->profile().isPractice())
            continue;
        QString problem;
        const std::unique_ptr<PracticeServer> practice =
            services->sharedPracticeServer()(QString(), &problem);
        QList<TeamMember> people;
        for (const auto &organisation : practice ? practice->practiceOrganisations()
                                                 : QList<PracticeServer::PracticeOrganisation>())
            people += organisation.people;
        return people;
    }
    return {};
}
} // namespace

FollowUpsWindow::FollowUpsWindow(ConsoleServices *services, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_model(new FollowUpsModel(this))
    , m_people(new AssigneeDirectory(this))
    , m_regroupTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("followUpsWindow"));
    setWindowTitle(tr("Follow-ups — Care360 Escalations"));
    setAccessibleName(tr("Follow-ups"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/" CARE360_APP_ID ".svg")));
    // Fits a 1366x768 laptop with its panel; the Title column takes what is left.
    resize(1120, 600);
    setLayout(createWidgets());
    setUpKeys();

    m_people->setObjectName(QStringLiteral("followUpsPeople"));
    m_model->setProfileLabel(&ConsoleServices::environmentLabel);
    m_model->setPersonLabel([this](const QString &userId) {
        const QString person = m_people->personFor(userId);
        return person.isEmpty() ? tr("Unknown user") : person;
    });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &FollowUpsWindow::rememberCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FollowUpsWindow::afterReset);

    m_regroupTimer->setObjectName(QStringLiteral("followUpsRegroupTimer"));
    m_regroupTimer->setInterval(kRegroupMs);
    connect(m_regroupTimer, &QTimer::timeout, m_model, &FollowUpsModel::regroupIfMoved);

    FollowUpStore *store = m_services->followUpStore();
    connect(store, &FollowUpStore::loaded, this, &FollowUpsWindow::onLoaded);
    connect(store, &FollowUpStore::problem, this, [this](const QString &sentence) {
        m_problem = sentence;
        updateStatus();
    });
    connect(m_services, &ConsoleServices::preferencesChanged, this, &FollowUpsWindow::updatePeople);
    onLoaded();
}

QLayout *FollowUpsWindow::createWidgets()
{
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("followUpsProfileCombo"));
    m_profileCombo->setAccessibleName(tr("Organisation"));
    auto *profileLabel = new QLabel(tr("&Organisation:"), this);
    profileLabel->setObjectName(QStringLiteral("followUpsProfileLabel"));
    profileLabel->setBuddy(m_profileCombo);
    // The count is heard as well as shown: the focus stays on the filter.
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setProfileFilter(m_profileCombo->currentData().toString());
        QtCompat::announce(m_status, m_status->text());
    });

    m_mineCheck = new QCheckBox(tr("Assigned to &me"), this);
    m_mineCheck->setObjectName(QStringLiteral("followUpsMineCheck"));
    m_mineCheck->setAccessibleName(tr("Show only follow-ups assigned to me"));
    connect(m_mineCheck, &QCheckBox::toggled, this, [this](bool mine) {
        m_model->setMineOnly(mine, m_myUserIds);
        QtCompat::announce(m_status, m_status->text());
    });

    m_tree = new QTreeView(this);
    m_tree->installEventFilter(this);
    m_tree->setObjectName(QStringLiteral("followUpsTree"));
    m_tree->setAccessibleName(tr("Follow-ups"));
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setUniformRowHeights(true); // thousands of rows open at once
    m_tree->setWordWrap(false);
    // Enter and a double click do the same: open a follow-up's case, fold a group.
    m_tree->setExpandsOnDoubleClick(false);
    connect(m_tree, &QAbstractItemView::activated, this, &FollowUpsWindow::activate);
    QHeaderView *header = m_tree->header();
    header->setObjectName(QStringLiteral("followUpsTreeHeader"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FollowUpsModel::Title, QHeaderView::Stretch);
    // Room for a date and time below the groups' indent, a case ID and an e-mail.
    const QList<QPair<int, int>> widths { { FollowUpsModel::Due, 215 },
                                          { FollowUpsModel::Case, 265 },
                                          { FollowUpsModel::Profile, 110 },
                                          { FollowUpsModel::Assignee, 160 },
                                          { FollowUpsModel::Refreshed, 160 } };
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    auto *treeLabel = new QLabel(tr("&Follow-ups (Enter opens the case):"), this);
    treeLabel->setObjectName(QStringLiteral("followUpsTreeLabel"));
    treeLabel->setBuddy(m_tree);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("followUpsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton = new QPushButton(tr("&Close"), this);
    m_closeButton->setObjectName(QStringLiteral("followUpsCloseButton"));
    m_closeButton->setAccessibleName(tr("Close Follow-ups"));
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::close);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(profileLabel);
    filterRow->addWidget(m_profileCombo);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_mineCheck);
    filterRow->addStretch(1);
    m_refreshAll = new RefreshAllBar(m_services, this);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_status, 1);
    bottomRow->addWidget(m_closeButton, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout;
    layout->addLayout(filterRow);
    layout->addWidget(treeLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_refreshAll);
    layout->addLayout(bottomRow);
    return layout;
}

void FollowUpsWindow::setUpKeys()
{
    setTabOrder(m_profileCombo, m_mineCheck);
    setTabOrder(m_mineCheck, m_tree);
    setTabOrder(m_tree, m_refreshAll->button());
    setTabOrder(m_refreshAll->button(), m_closeButton);
    // Escape (and the platform's Close, Ctrl+W) closes it, as it closes a dialog.
    auto *close = new QAction(tr("Close Follow-ups"), this);
    close->setObjectName(QStringLiteral("closeFollowUpsAction"));
    close->setShortcuts({ QKeySequence(Qt::Key_Escape), QKeySequence(QKeySequence::Close) });
    close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
}

void FollowUpsWindow::present()
{
    updatePeople(); // the e-mail or the team may have changed since it was last shown
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    m_tree->setFocus(Qt::OtherFocusReason);
}

bool FollowUpsWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Whenever the list gets the focus (the window activated, Tab back): the follow-up it is
    // on is heard, not only "Follow-ups tree". The window manager activates the window later
    // than show() returns, so this waits for the focus itself.
    if (watched == m_tree && event->type() == QEvent::FocusIn)
        sayCurrentCell(m_tree);
    return QWidget::eventFilter(watched, event);
}

void FollowUpsWindow::showEvent(QShowEvent *event)
{
    m_model->regroupIfMoved(); // time passed while it was hidden
    m_regroupTimer->start();
    QWidget::showEvent(event);
}

void FollowUpsWindow::hideEvent(QHideEvent *event)
{
    m_regroupTimer->stop();
    QWidget::hideEvent(event);
}

void FollowUpsWindow::onLoaded()
{
    const FollowUpStore *store = m_services->followUpStore();
    if (store->hasLoaded())
        m_problem.clear();
    updatePeople(); // a listing may have taught an e-mail, a window imported the team
    m_model->setFollowUps(store->followUps());
    updateProfiles();
    updateStatus();
}

void FollowUpsWindow::updatePeople()
{
    const Settings settings;
    AssigneeDirectory imported; // checks the team kept in the settings as an import would
    imported.teamFromVariantList(settings.teamDirectory());
    const QList<TeamMember> teamBefore = m_people->team();
    const QVariantMap learntBefore = m_people->toVariantMap();
    m_people->fromVariantMap(settings.assigneeEmails());
    m_people->setTeam(imported.team() + practicePeople(m_services));
    const bool renamed = m_people->team() != teamBefore || m_people->toVariantMap() != learntBefore;

    const QString email = Preferences().myEmail();
    QSet<QString> mine;
    const auto isMine = [&email](const QString &address) {
        return !email.isEmpty() && address.compare(email, Qt::CaseInsensitive) == 0;
    };
    for (const TeamMember &member : m_people->team()) {
        if (isMine(member.email))
            mine.insert(member.userId);
    }
    const QVariantMap learnt = m_people->toVariantMap();
    for (auto it = learnt.cbegin(); it != learnt.cend(); ++it) {
        if (isMine(it.value().toString()))
            mine.insert(it.key());
    }
    QString why;
    if (email.isEmpty())
        why = tr("Set your Care360 e-mail in Settings › Preferences to show only the follow-ups "
                 "assigned to you.");
    else if (mine.isEmpty())
        why = tr("%1 is not in the team directory nor among the assignees this console has "
                 "learnt: import the team directory (File › Import team directory…) or check "
                 "your e-mail in Settings › Preferences.")
                  .arg(email);
    else
        why = tr("Only the follow-ups assigned to %1.").arg(email);
    m_mineCheck->setToolTip(why);
    m_mineCheck->setAccessibleDescription(why);
    const bool mineChanged = mine != m_myUserIds;
    m_myUserIds = mine;
    m_mineCheck->setEnabled(!mine.isEmpty());
    if (mine.isEmpty() && m_mineCheck->isChecked())
        m_mineCheck->setChecked(false); // nobody to show: every follow-up again
    else if (mineChanged && m_mineCheck->isChecked())
        m_model->setMineOnly(true, m_myUserIds);
    else if (renamed)
        m_model->regroup(); // the Assignee column names people anew
}

void FollowUpsWindow::updateProfiles()
{
    const QString chosen = m_profileCombo->currentData().toString();
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItem(tr("All organisations"), QString());
    for (const QString &profile : m_model->profiles())
        m_profileCombo->addItem(ConsoleServices::environmentLabel(profile), profile);
    const int index = m_profileCombo->findData(chosen);
    m_profileCombo->setCurrentIndex(qMax(0, index));
    if (index < 0 && !chosen.isEmpty()) // its follow-ups are gone: every organisation again
        m_model->setProfileFilter(QString());
}

void FollowUpsWindow::updateStatus()
{
    const FollowUpStore *store = m_services->followUpStore();
    const int shown = m_model->shownCount();
    QString text;
    if (!m_problem.isEmpty())
        text = m_problem;
    else if (!store->hasLoaded())
        text = tr("Reading the follow-ups kept on this computer…");
    else if (m_model->profiles().isEmpty())
        text = tr("No follow-ups yet: they appear here for cases the console has listed, once "
                  "one of their escalations has a follow-up date. Open a case to begin.");
    else if (shown == 0)
        text = tr("No follow-ups match: choose All organisations or clear Assigned to me.");
    if (!text.isEmpty()) {
        m_status->setText(text);
        m_status->setAccessibleName(text);
        // Said when the empty list gets the focus: why there is nothing in it.
        m_tree->setAccessibleDescription(text);
        return;
    }
    QDateTime oldest;
    for (int group = 0; group < m_model->rowCount(); ++group) {
        const QModelIndex parent = m_model->index(group, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const FollowUp *followUp = m_model->followUpAt(m_model->index(row, 0, parent));
            if (followUp && (!oldest.isValid() || followUp->refreshedAt < oldest))
                oldest = followUp->refreshedAt;
        }
    }
    text = tr("%Ln follow-up(s) shown; the case listed longest ago was last refreshed %1.", nullptr,
              shown)
               .arg(EscalationPresenter::localDateTimeText(oldest));
    m_status->setText(text);
    m_status->setAccessibleName(text);
    m_tree->setAccessibleDescription(
        tr("Grouped by when they are due. Enter opens the case with a fresh listing."));
}

void FollowUpsWindow::activate(const QModelIndex &index)
{
    const FollowUp *followUp = m_model->followUpAt(index);
    if (!followUp) {
        const QModelIndex group = index.siblingAtColumn(0);
        m_tree->setExpanded(group, !m_tree->isExpanded(group));
        return;
    }
    emit openRequested(ConsoleServices::optionsFor(followUp->profile, followUp->caseId));
}

void FollowUpsWindow::rememberCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    m_current.clear();
    if (current.isValid() && m_model->followUpAt(current))
        m_current = QStringList { current.data(FollowUpsModel::ProfileRole).toString(),
                                  current.data(FollowUpsModel::CaseIdRole).toString(),
                                  current.data(FollowUpsModel::EscalationIdRole).toString() };
}

void FollowUpsWindow::afterReset()
{
    QModelIndex target;
    for (int group = 0; group < m_model->rowCount(); ++group) {
        const QModelIndex parent = m_model->index(group, 0);
        // The groups only: expandAll() marked every follow-up expanded too, and Orca read
        // "Overdue: 7 Dec 2026 01:08 expanded" for an item that has nothing to expand.
        m_tree->expand(parent);
        m_tree->setFirstColumnSpanned(group, QModelIndex(), true); // "Overdue (3)" whole
        for (int row = 0; row < m_model->rowCount(parent) && !m_current.isEmpty(); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (index.data(FollowUpsModel::ProfileRole).toString() == m_current.value(0)
                && index.data(FollowUpsModel::CaseIdRole).toString() == m_current.value(1)
                && index.data(FollowUpsModel::EscalationIdRole).toString() == m_current.value(2))
                target = index;
        }
    }
    // The follow-up the agent was on stays current as the groups move; else the first one.
    if (!target.isValid() && m_model->rowCount() > 0)
        target = m_model->index(0, 0, m_model->index(0, 0));
    if (target.isValid())
        m_tree->selectionModel()->setCurrentIndex(
            target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    updateStatus();
}

} // namespace Care360
