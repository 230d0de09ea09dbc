#include "followupeditor.h"

#include "models/clock.h"
#include "models/qtcompat.h"

#include <QAction>
#include <QCalendarWidget>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QStyle>
#include <QToolButton>

namespace Care360 {

FollowUpEditor::FollowUpEditor(int defaultHour, QWidget *parent)
    : QLineEdit(parent)
    , m_defaultHour(defaultHour)
    , m_parser(QLocale(), defaultHour)
{
    setObjectName(QStringLiteral("followUpEditor"));
    setAccessibleName(tr("Follow-up due (local time)"));

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
    setToolTip(
        tr("Type a date and time: 14 Dec 2026 10:30, 2026-12-14 10:30, tomorrow 16:00, "
           "mon 10:30, +3d.")
        + QLatin1Char('\n')
        + tr("New dates are at %1:00 local time.").arg(m_defaultHour, 2, 10, QLatin1Char('0'))
        + QLatin1Char('\n') + help.join(QLatin1Char('\n')));

    // The line under the text lives in the editor's bottom margin, inside its frame, so the
    // reading stays next to what is typed wherever the editor is (a table cell, a dialog).
    m_reading = new QLabel(this);
    m_reading->setObjectName(QStringLiteral("followUpReading"));
    m_reading->setAccessibleName(tr("Follow-up date as read"));
    m_reading->setForegroundRole(QPalette::Text);
    m_calendarButton = new QToolButton(this);
    m_calendarButton->setObjectName(QStringLiteral("followUpCalendarButton"));
    m_calendarButton->setDefaultAction(calendarAction);
    m_calendarButton->setArrowType(Qt::DownArrow);
    m_calendarButton->setAutoRaise(true);
    m_calendarButton->setFocusPolicy(Qt::NoFocus);
    m_calendarButton->setAccessibleName(QString(calendarAction->text()).remove(QLatin1Char('&')));
    setTextMargins(0, 0, 0, readingLineHeight());

    connect(this, &QLineEdit::textChanged, this, &FollowUpEditor::updateReading);
    updateReading();
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

QDateTime FollowUpEditor::dateTime() const
{
    // Read again each time: "+4h" or "10:30" mean something else an hour later.
    return m_parser.parse(text()).value;
}

void FollowUpEditor::setDateTime(const QDateTime &value)
{
    setText(value.isValid() ? m_parser.text(value) : QString());
}

bool FollowUpEditor::isAcceptable() const
{
    return text().trimmed().isEmpty() || dateTime().isValid();
}

QString FollowUpEditor::hint() const
{
    return isAcceptable() ? QString() : m_parser.parse(text()).hint;
}

void FollowUpEditor::setDaysFromToday(int days)
{
    const QDate today = Clock::currentDateTimeUtc().toLocalTime().date();
    setDateTime(QtCompat::localDateTime(today.addDays(days), QTime(m_defaultHour, 0)));
    // Selected, a reader says the new text (Orca speaks inserted text that ends up selected);
    // typing then replaces it, as after F2.
    selectAll();
}

void FollowUpEditor::openCalendar()
{
    if (!m_calendar) {
        m_calendar = new QCalendarWidget(this);
        m_calendar->setWindowFlags(Qt::Popup);
        m_calendar->setObjectName(QStringLiteral("followUpCalendar"));
        m_calendar->setAccessibleName(tr("Follow-up calendar"));
        connect(m_calendar, &QCalendarWidget::clicked, this, &FollowUpEditor::onCalendarPick);
        connect(m_calendar, &QCalendarWidget::activated, this, &FollowUpEditor::onCalendarPick);
    }
    // It opens on the date typed, or on tomorrow for a first follow-up.
    const QDateTime current = dateTime();
    m_calendar->setSelectedDate(current.isValid()
                                    ? current.date()
                                    : Clock::currentDateTimeUtc().toLocalTime().date().addDays(1));
    m_calendar->adjustSize();
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (const QScreen *screen = this->screen()) {
        const QRect room = screen->availableGeometry();
        if (at.y() + m_calendar->height() > room.bottom())
            at.setY(mapToGlobal(QPoint(0, 0)).y() - m_calendar->height());
        at.setX(qBound(room.left(), at.x(), qMax(room.left(), room.right() - m_calendar->width())));
    }
    m_calendar->move(at);
    // Focus first, so that the popup takes the keyboard (arrows, Enter, Esc) as it opens.
    m_calendar->setFocus(Qt::PopupFocusReason);
    m_calendar->show();
}

void FollowUpEditor::keyPressEvent(QKeyEvent *event)
{
    // F4 and Alt+Down open the calendar, as in a combo box. Ctrl+digit shortcuts are handled
    // here too in case a window shortcut on the same keys made them ambiguous.
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
    QLineEdit::keyPressEvent(event);
}

void FollowUpEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    menu->setObjectName(QStringLiteral("followUpContextMenu"));
    QAction *first = menu->actions().value(0);
    menu->insertActions(first, m_dateActions);
    menu->insertSeparator(first);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

void FollowUpEditor::resizeEvent(QResizeEvent *event)
{
    QLineEdit::resizeEvent(event);
    layoutReadingLine();
}

void FollowUpEditor::onCalendarPick(QDate picked)
{
    // A date picked from the calendar is a new date: the working hour, not the old time.
    m_calendar->hide();
    setDateTime(QtCompat::localDateTime(picked, QTime(m_defaultHour, 0)));
    setFocus(Qt::PopupFocusReason);
}

void FollowUpEditor::updateReading()
{
    const FollowUpReading reading = m_parser.parse(text());
    const bool past = reading.isValid() && reading.value.toUTC() < Clock::currentDateTimeUtc();
    if (reading.isValid())
        m_readingText = past ? tr("%1 (in the past)").arg(m_parser.describe(reading.value))
                             : m_parser.describe(reading.value);
    else
        m_readingText = reading.hint; // for empty text: what may be typed
    setProperty("past", past);
    setAccessibleDescription(m_readingText);
    m_reading->setToolTip(m_readingText);
    layoutReadingLine();
}

int FollowUpEditor::readingLineHeight() const
{
    return m_reading->fontMetrics().height() + 4;
}

void FollowUpEditor::layoutReadingLine()
{
    const int frame = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, this) + 1;
    const int line = readingLineHeight();
    const QRect row(frame, height() - line - frame, width() - 2 * frame, line);
    m_calendarButton->setGeometry(row.right() - line + 1, row.top(), line, line);
    m_reading->setGeometry(row.adjusted(2, 0, -line - 2, 0));
    m_reading->setText(
        m_reading->fontMetrics().elidedText(m_readingText, Qt::ElideRight, m_reading->width()));
}

} // namespace Care360
