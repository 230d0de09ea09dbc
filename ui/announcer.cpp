#include "announcer.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPointer>
#include <QTableView>
#include <QTimer>

namespace Care360 {

namespace {
class AnnouncerAccessible : public QAccessibleWidget {
public:
    explicit AnnouncerAccessible(Announcer *announcer)
        : QAccessibleWidget(announcer, QAccessible::Notification)
    {
    }
    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name)
            return static_cast<const Announcer *>(object())->sentence();
        return t == QAccessible::Description ? QString() : QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *announcerFactory(const QString &, QObject *object)
{
    if (auto *announcer = qobject_cast<Announcer *>(object))
        return new AnnouncerAccessible(announcer);
    return nullptr;
}
} // namespace

Announcer::Announcer(QWidget *window)
    : QWidget(window)
{
    static const bool installed = [] {
        QAccessible::installFactory(announcerFactory);
        return true;
    }();
    Q_UNUSED(installed)
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

void sayCurrentCell(QTableView *table)
{
    // Queued: after the table's own focus event, which would otherwise come last.
    QTimer::singleShot(0, table, [table = QPointer<QTableView>(table)] {
        if (!table || !table->hasFocus() || !table->currentIndex().isValid())
            return;
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(table);
        QAccessibleTableInterface *cells = view ? view->tableInterface() : nullptr;
        QAccessibleInterface *cell = cells
            ? cells->cellAt(table->currentIndex().row(), table->currentIndex().column())
            : nullptr;
        if (!cell)
            return;
        QAccessibleEvent focus(cell, QAccessible::Focus);
        QAccessible::updateAccessibility(&focus);
    });
}

} // namespace Care360
