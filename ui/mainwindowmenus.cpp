// MainWindow's menus and the agent's-day actions: importing the team directory, bulk edits,
// copying cells, sorting from the keyboard, asking about past follow-up dates, and Preferences.
#include "mainwindow.h"

#include "activitydock.h"
#include "bulkeditdialog.h"
#include "casebar.h"
#include "errorbanner.h"
#include "escalationdelegate.h"
#include "preferencesdialog.h"
#include "qtcompatwidgets.h"

#include "app/core/consoleservices.h"
#include "app/session/preferences.h"
#include "models/escalationfilterproxymodel.h"
#include "models/escalationtablemodel.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolTip>

#include <algorithm>

namespace Care360 {

using Model = EscalationTableModel;

QSize MainWindow::firstRunSize(const QRect &available)
{
    // Room for the panel and the window frame on a 1366x768 or 1280x720 screen at 1x.
    return QSize(qMin(1280, available.width() - 40), qMin(760, available.height() - 60));
}

void MainWindow::createDayActions()
{
    const auto make = [this](const char *name, const QString &text, const QKeySequence &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(keys);
        addAction(action);
        return action;
    };
    m_importTeamAction = make("importTeamAction", tr("&Import team directory…"), {});
    m_bulkAssigneeAction = make("bulkAssigneeAction", tr("Set a&ssignee of selected rows…"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_bulkFollowUpAction = make("bulkFollowUpAction", tr("Set &follow-up of selected rows…"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_bulkNoteAction = make("bulkNoteAction", tr("Add a &line to selected notes…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_copyAction = make("copyAction", tr("&Copy"), QKeySequence::Copy);
    // What a cell's tooltip holds (IDs, the UTC time, the server's value), on request: a screen
    // reader says only the state and value on each arrow.
    m_cellDetailsAction =
        make("cellDetailsAction", tr("Cell &details"), QKeySequence(Qt::CTRL | Qt::Key_I));
    m_keepMineAction = make("keepMineAction", tr("&Keep my value (conflict)"),
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    m_takeTheirsAction = make("takeTheirsAction", tr("&Take their value (conflict)"),
                              QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    m_preferencesAction =
        make("preferencesAction", tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::openPreferences);
    connect(m_keepMineAction, &QAction::triggered, this, [this] { resolveConflict(true); });
    connect(m_takeTheirsAction, &QAction::triggered, this, [this] { resolveConflict(false); });
    connect(m_importTeamAction, &QAction::triggered, this, &MainWindow::importTeamDirectory);
    connect(m_bulkAssigneeAction, &QAction::triggered, this,
            [this] { bulkEdit(int(BulkEditDialog::Kind::Assignee)); });
    connect(m_bulkFollowUpAction, &QAction::triggered, this,
            [this] { bulkEdit(int(BulkEditDialog::Kind::FollowUp)); });
    connect(m_bulkNoteAction, &QAction::triggered, this,
            [this] { bulkEdit(int(BulkEditDialog::Kind::NoteLine)); });
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelection);
    connect(m_cellDetailsAction, &QAction::triggered, this, &MainWindow::sayCellDetails);
}

void MainWindow::sayCellDetails()
{
    const QModelIndex index = m_table->currentIndex();
    const QString details = index.data(Qt::ToolTipRole).toString();
    if (details.isEmpty())
        return;
    // Seen where the cell is, and heard without moving the focus.
    const QRect cell = m_table->visualRect(index);
    QToolTip::showText(m_table->viewport()->mapToGlobal(cell.bottomLeft()), details,
                       m_table->viewport(), cell);
    QtCompat::announce(m_table, details);
}

void MainWindow::resolveConflict(bool keepMine)
{
    const QModelIndex index = m_proxy->mapToSource(m_table->currentIndex());
    if (!index.data(EscalationTableModel::ConflictRole).toBool())
        return;
    if (keepMine)
        m_model->keepDraftOverServer(index);
    else
        m_core->revertCells({ index });
    updateActions();
}

void MainWindow::createMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_profilesAction);
    file->addAction(m_apiKeyAction);
    file->addAction(m_importTeamAction);
    file->addSeparator();
    file->addActions({ m_newWindowAction, m_closeWindowAction, m_quitAction });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({ m_undoAction, m_redoAction });
    edit->addSeparator();
    edit->addActions({ m_copyAction, m_cellDetailsAction });
    edit->addActions({ m_revertAction, m_revertAllAction });
    edit->addActions({ m_keepMineAction, m_takeTheirsAction });
    edit->addSeparator();
    edit->addActions({ m_bulkAssigneeAction, m_bulkFollowUpAction, m_bulkNoteAction });
    edit->addSeparator();
    edit->addAction(m_findAction);
    m_table->addActions({ m_keepMineAction, m_takeTheirsAction, m_revertAction, m_copyAction,
                          m_cellDetailsAction, m_bulkAssigneeAction, m_bulkFollowUpAction,
                          m_bulkNoteAction });

    QMenu *caseMenu = menuBar()->addMenu(tr("&Case"));
    caseMenu->setObjectName(QStringLiteral("caseMenu"));
    QAction *focusCase =
        caseMenu->addAction(tr("&Open case…"), this, [this] { m_caseBar->focusCaseField(); });
    focusCase->setObjectName(QStringLiteral("openCaseAction"));
    focusCase->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    addAction(focusCase);
    caseMenu->addAction(m_followUpsAction);
    caseMenu->addSeparator();
    caseMenu->addActions({ m_refreshAction, m_sendAction, m_cancelAction });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    // Sorting from the keyboard: the same as clicking a header, and it re-sorts now.
    m_sortMenu = view->addMenu(tr("&Sort by"));
    m_sortMenu->setObjectName(QStringLiteral("sortMenu"));
    auto *columns = new QActionGroup(this);
    const QList<QPair<int, QString>> sortable {
        { Model::FollowUpDue, tr("&Follow-up due") }, { Model::Title, tr("&Title") },
        { Model::Assignee, tr("&Assignee") },         { Model::Created, tr("&Created") },
        { Model::Updated, tr("&Updated") },
    };
    for (const auto &[column, text] : sortable) {
        QAction *action = m_sortMenu->addAction(text);
        action->setObjectName(QStringLiteral("sortByColumn%1Action").arg(column));
        action->setCheckable(true);
        action->setChecked(column == m_proxy->sortColumn());
        columns->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, column = column] { m_table->sortByColumn(column, m_proxy->sortOrder()); });
    }
    m_sortMenu->addSeparator();
    QAction *descending = m_sortMenu->addAction(tr("&Descending"));
    descending->setObjectName(QStringLiteral("sortDescendingAction"));
    descending->setCheckable(true);
    connect(descending, &QAction::toggled, this, [this](bool on) {
        m_table->sortByColumn(m_proxy->sortColumn(), on ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [columns, descending](int column, Qt::SortOrder order) {
                for (QAction *action : columns->actions())
                    action->setChecked(action->objectName()
                                       == QStringLiteral("sortByColumn%1Action").arg(column));
                const QSignalBlocker block(descending);
                descending->setChecked(order == Qt::DescendingOrder);
            });
    // The columns a first screen leaves out, back by keyboard (the header's own menu is
    // mouse-only).
    QMenu *columnsMenu = view->addMenu(tr("&Columns"));
    columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    const QList<QPair<int, QString>> optional { { Model::Type, tr("T&ype") },
                                                { Model::Created, tr("&Created") },
                                                { Model::Updated, tr("&Updated") } };
    for (const auto &[column, text] : optional) {
        QAction *action = columnsMenu->addAction(text);
        action->setObjectName(QStringLiteral("showColumn%1Action").arg(column));
        action->setCheckable(true);
        // The header's state is the fact (saved and restored with it); the menu follows it.
        const auto follow = [this, action, column = column] {
            const QSignalBlocker block(action);
            action->setChecked(!m_table->horizontalHeader()->isSectionHidden(column));
        };
        follow();
        connect(columnsMenu, &QMenu::aboutToShow, action, follow);
        connect(action, &QAction::toggled, this, [this, column = column](bool shown) {
            m_table->horizontalHeader()->setSectionHidden(column, !shown);
        });
    }
    QAction *activity = m_activityDock ? m_activityDock->toggleViewAction() : nullptr;
    if (activity) {
        activity->setObjectName(QStringLiteral("toggleActivityAction"));
        activity->setText(tr("&Activity log"));
        view->addAction(activity);
    }

    // KDE's place for Configure…: between the document's menus and Help.
    QMenu *settings = menuBar()->addMenu(tr("Se&ttings"));
    settings->setObjectName(QStringLiteral("settingsMenu"));
    settings->addAction(m_preferencesAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
}

void MainWindow::importTeamDirectory()
{
    QFileDialog dialog(this, tr("Import team directory"), QString(),
                       tr("Team directory (*.csv *.json);;All files (*)"));
    dialog.setObjectName(QStringLiteral("importTeamDialog"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    importTeamDirectoryFile(dialog.selectedFiles().constFirst());
}

void MainWindow::importTeamDirectoryFile(const QString &path)
{
    int count = 0;
    const QString problem = m_core->importTeamDirectory(path, &count);
    if (!problem.isEmpty())
        return m_banner->showMessage(ErrorBanner::Kind::Error, problem);
    m_delegate->setCompletions(m_core->assigneeCompletions());
    m_banner->showMessage(
        ErrorBanner::Kind::Info,
        tr("Imported %Ln person(s); assignees now show by name.", nullptr, count));
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Every open case takes them up (CaseWorkspace::applyPreferences), and each window its
    // own part through preferencesApplied; the Production question reads them at every send.
    m_core->services()->applyPreferences();
}

QList<int> MainWindow::selectedSourceRows() const
{
    QModelIndexList indexes = m_table->selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && m_table->currentIndex().isValid())
        indexes << m_table->currentIndex();
    std::sort(indexes.begin(), indexes.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> rows;
    for (const QModelIndex &index : std::as_const(indexes)) {
        const int row = m_proxy->mapToSource(index).row();
        if (!rows.contains(row))
            rows << row;
    }
    return rows;
}

void MainWindow::bulkEdit(int kind)
{
    if (!commitOpenEditor())
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    BulkEditDialog dialog(BulkEditDialog::Kind(kind), int(rows.size()),
                          m_core->assigneeCompletions(), Preferences().followUpHour(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    switch (BulkEditDialog::Kind(kind)) {
    case BulkEditDialog::Kind::Assignee:
        m_core->setAssigneeForRows(rows, dialog.text());
        break;
    case BulkEditDialog::Kind::FollowUp:
        m_core->setFollowUpForRows(rows, dialog.followUp());
        break;
    case BulkEditDialog::Kind::NoteLine:
        m_core->appendToNotes(rows, dialog.text());
        break;
    }
}

void MainWindow::copySelection()
{
    QModelIndexList indexes = m_table->selectionModel()->selectedIndexes();
    if (indexes.isEmpty() && m_table->currentIndex().isValid())
        indexes << m_table->currentIndex();
    std::sort(indexes.begin(), indexes.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
    });
    QString text;
    int row = -1;
    for (const QModelIndex &index : std::as_const(indexes)) {
        if (row >= 0)
            text += index.row() == row ? QLatin1Char('\t') : QLatin1Char('\n');
        row = index.row();
        text += index.data(Model::CopyRole).toString();
    }
    if (!indexes.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool MainWindow::askPastDates()
{
    QMessageBox box(QMessageBox::Question, tr("Follow-up in the past"),
                    tr("%Ln follow-up date(s) you are sending lie in the past. Send anyway?",
                       nullptr, m_core->pastFollowUpCount()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("pastDatesBox"));
    QPushButton *send = box.addButton(tr("&Send anyway"), QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("pastDatesSendButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("pastDatesCancelButton"));
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == send;
}

void MainWindow::updateFilterCount()
{
    const bool filtered =
        !m_proxy->filterText().isEmpty() || m_proxy->onlyPending() || m_proxy->onlyOverdue();
    m_filterCountLabel->setVisible(filtered);
    m_filterCountLabel->setText(
        tr("%1 of %2 shown").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace Care360
