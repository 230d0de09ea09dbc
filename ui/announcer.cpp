#include "announcer.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPointer>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace Care360 {

namespace {
// A notification named by its sentence ("sentence" property), with no description: a reader
// would say the sentence twice.
class NotificationAccessible : public QAccessibleWidget {
public:
    explicit NotificationAccessible(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::Notification)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        const QString sentence = object()->property("sentence").toString();
        if (t == QAccessible::Name && !sentence.isEmpty())
            return sentence;
        return t == QAccessible::Description ? QString() : QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *notificationFactory(const QString &, QObject *object)
{
    const QMetaObject *meta = object ? object->metaObject() : nullptr;
    if (!meta || !object->isWidgetType() || meta->indexOfClassInfo("care360-notification") < 0)
        return nullptr;
    return new NotificationAccessible(static_cast<QWidget *>(object));
}
} // namespace

void installNotificationAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(notificationFactory);
        return true;
    }();
    Q_UNUSED(installed)
}

Announcer::Announcer(QWidget *window)
    : QWidget(window)
{
    installNotificationAccessibility();
    setObjectName(QStringLiteral("announcer"));
    setFixedSize(1, 1);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

void Announcer::say(QWidget *source, const QString &sentence)
{
    if (!source || sentence.isEmpty())
        return;
    QWidget *window = source->window();
    auto *announcer =
        window->findChild<Announcer *>(QStringLiteral("announcer"), Qt::FindDirectChildrenOnly);
    if (!announcer)
        announcer = new Announcer(window);
    announcer->m_sentence = sentence;
    // Showing again is what a reader hears: hide first when the last sentence is still shown.
    announcer->hide();
    announcer->move(0, 0);
    announcer->show();
    QAccessibleEvent shown(announcer, QAccessible::ObjectShow);
    QAccessible::updateAccessibility(&shown);
}

void sayCurrentCell(QAbstractItemView *table)
{
    // Queued: after the table's own focus event, which would otherwise come last.
    QTimer::singleShot(0, table, [table = QPointer<QAbstractItemView>(table)] {
        if (!table || !table->hasFocus() || !table->currentIndex().isValid())
            return;
        const QModelIndex current = table->currentIndex();
        // A tree's accessible rows are the rows shown, counted from the top, groups included.
        int row = current.row();
        if (const auto *tree = qobject_cast<const QTreeView *>(table.data())) {
            row = 0;
            for (QModelIndex above = tree->indexAbove(current); above.isValid();
                 above = tree->indexAbove(above))
                ++row;
        }
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(table);
        QAccessibleTableInterface *cells = view ? view->tableInterface() : nullptr;
        QAccessibleInterface *cell = cells ? cells->cellAt(row, current.column()) : nullptr;
        if (!cell)
            return;
        QAccessibleEvent focus(cell, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    });
}

} // namespace Care360
