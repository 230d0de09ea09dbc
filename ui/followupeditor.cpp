#include "followupeditor.h"
#include "qtcompatwidgets.h"

#include "models/clock.h"

#include <QAction>
#include <QCalendarWidget>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QStyleOptionComboBox>

namespace Care360 {

FollowUpEditor::FollowUpEditor(int defaultHour, QWidget *parent)
    : QDateTimeEdit(parent)
    , m_defaultHour(defaultHour)
{
    setObjectName(QStringLiteral("followUpEditor"));
    setAccessibleName(tr("Follow-up due (local time)"));
    setCalendarPopup(true);
    QtCompat::setLocalTimeZone(this);
    // Minutes at most: seconds were never meant, and keeping a stray 14:37:21 surprised agents.
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    setDisplayFormat(format);

    m_dateActions << addDateAction("followUpTodayAction", tr("To&day"), 0, Qt::Key_0)
                  << addDateAction("followUpTomorrowAction", tr("To&morrow"), 1, Qt::Key_1)
                  << addDateAction("followUpThreeDaysAction", tr("In &3 days"), 3, Qt::Key_3)
                  << addDateAction("followUpWeekAction", tr("In a &week"), 7, Qt::Key_7);
    auto *calendarAction = new QAction(tr("Open ca&lendar"), this);
    calendarAction->setObjectName(QStringLiteral("followUpCalendarAction"));
    calendarAction->setShortcuts(
        { QKeySequence(Qt::Key_F4), QKeySequence(Qt::ALT | Qt::Key_Down) });
    calendarAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(calendarAction, &QAction::triggered, this, &FollowUpEditor::openCalendar);
    addAction(calendarAction);
    m_dateActions << calendarAction;

    QStringList help;
    for (const QAction *action : std::as_const(m_dateActions))
        help << tr("%1: %2").arg(action->shortcut().toString(QKeySequence::NativeText),
                                 QString(action->text()).remove(QLatin1Char('&')));
    setToolTip(tr("New dates are at %1:00 local time.").arg(m_defaultHour, 2, 10, QLatin1Char('0'))
               + QLatin1Char('\n') + help.join(QLatin1Char('\n')));

    connect(calendarWidget(), &QCalendarWidget::clicked, this, &FollowUpEditor::onCalendarPick);
    connect(calendarWidget(), &QCalendarWidget::activated, this, &FollowUpEditor::onCalendarPick);
    connect(this, &QDateTimeEdit::dateTimeChanged, this, &FollowUpEditor::updatePastMark);
}

QAction *FollowUpEditor::addDateAction(const char *name, const QString &text, int days, Qt::Key key)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(QKeySequence(Qt::CTRL | key));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, [this, days] { setDaysFromToday(days); });
    addAction(action);
    return action;
}

void FollowUpEditor::setDaysFromToday(int days)
{
    const QDate today = Clock::currentDateTimeUtc().toLocalTime().date();
    setDateTime(QDateTime(today.addDays(days), QTime(m_defaultHour, 0)));
}

void FollowUpEditor::openCalendar()
{
    // QDateTimeEdit opens its calendar only from a press on its arrow: press it.
    QStyleOptionComboBox option;
    option.initFrom(this);
    option.editable = true;
    option.subControls = QStyle::SC_All;
    const QRect arrow =
        style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxArrow, this);
    const QPointF at =
        arrow.isValid() ? QPointF(arrow.center()) : QPointF(width() - 5, height() / 2);
    QMouseEvent press(QEvent::MouseButtonPress, at, mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    mousePressEvent(&press);
    QMouseEvent release(QEvent::MouseButtonRelease, at, mapToGlobal(at), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    mouseReleaseEvent(&release);
}

QDateTime FollowUpEditor::minuteValue() const
{
    QDateTime value = dateTime();
    value.setTime(QTime(value.time().hour(), value.time().minute()));
    return value;
}

void FollowUpEditor::keyPressEvent(QKeyEvent *event)
{
    // Alt+Down would step the day down and F4 would do nothing: both open the calendar, as in
    // a combo box. Ctrl+digit shortcuts are handled here too in case a section swallowed them.
    const bool alt = event->modifiers() == Qt::AltModifier;
    if (event->key() == Qt::Key_F4 || (alt && event->key() == Qt::Key_Down)) {
        openCalendar();
        return event->accept();
    }
    if (event->modifiers() == Qt::ControlModifier) {
        for (QAction *action : std::as_const(m_dateActions)) {
            if (action->shortcut() == QKeySequence(event->keyCombination())) {
                action->trigger();
                return event->accept();
            }
        }
    }
    QDateTimeEdit::keyPressEvent(event);
}

void FollowUpEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = lineEdit()->createStandardContextMenu();
    menu->setObjectName(QStringLiteral("followUpContextMenu"));
    QAction *first = menu->actions().value(0);
    menu->insertActions(first, m_dateActions);
    menu->insertSeparator(first);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

void FollowUpEditor::onCalendarPick(QDate picked)
{
    // A date picked from the calendar is a new date: the working hour, not the old time.
    setDateTime(QDateTime(picked, QTime(m_defaultHour, 0)));
}

void FollowUpEditor::updatePastMark()
{
    const bool past = dateTime().toUTC() < Clock::currentDateTimeUtc();
    setProperty("past", past);
    setAccessibleDescription(past ? tr("This date is in the past.") : QString());
    lineEdit()->setToolTip(past ? tr("This date is in the past.") : QString());
}

} // namespace Care360
