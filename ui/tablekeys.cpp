#include "tablekeys.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>

namespace Care360 {

TableKeys::TableKeys(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("tableKeys"));
    view->installEventFilter(this);
}

bool TableKeys::eventFilter(QObject *watched, QEvent *event)
{
    // An open editor has the focus, so its keys never come here.
    if (watched != m_view || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    if (key->key() == Qt::Key_Space && modifiers == Qt::ControlModifier) {
        toggleCurrentRow();
        return true;
    }
    if ((key->key() == Qt::Key_F10 && modifiers == Qt::ShiftModifier)
        || (key->key() == Qt::Key_Menu && modifiers == Qt::NoModifier)) {
        openContextMenu();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void TableKeys::toggleCurrentRow()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    m_view->selectionModel()->select(current,
                                     QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
}

void TableKeys::openContextMenu()
{
    const QList<QAction *> actions = m_view->actions();
    if (actions.isEmpty())
        return;
    QMenu menu(m_view);
    menu.setObjectName(QStringLiteral("cellContextMenu"));
    menu.addActions(actions);
    const QModelIndex current = m_view->currentIndex();
    const QPoint at = current.isValid() ? m_view->visualRect(current).bottomLeft() : QPoint(0, 0);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

} // namespace Care360
