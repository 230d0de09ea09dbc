#include "activitydock.h"
#include "headerfit.h"

#include "app/session/activitylog.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

namespace Care360 {

ActivityDock::ActivityDock(ActivityLog *log, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_log(log)
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("activityDock"));
    setAccessibleName(tr("Activity log"));
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setAccessibleName(tr("Activity log entries"));
    m_view->setModel(log);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    fitHeaderTitles(m_view->horizontalHeader());
    // One line per call: a request ID is elided at its end (Copy gives it whole), never broken
    // in the middle of the UUID.
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    setWidget(m_view);

    auto *copy = new QAction(tr("&Copy"), m_view);
    copy->setObjectName(QStringLiteral("copyActivityAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copy);
    connect(copy, &QAction::triggered, this, &ActivityDock::copyToClipboard);
    connect(log, &QAbstractItemModel::rowsInserted, m_view, [this] {
        // Whose request it was is read whole ("Acme Health — Production"); the IDs stay short.
        m_view->resizeColumnToContents(ActivityLog::Organisation);
        m_view->scrollToBottom();
    });
}

void ActivityDock::copyToClipboard() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    QGuiApplication::clipboard()->setText(m_log->toText(rows));
}

} // namespace Care360
