#pragma once

#include "models/followupparser.h"

#include <QLineEdit>

class QAction;
class QCalendarWidget;
class QLabel;
class QToolButton;

namespace Care360 {

// The follow-up date editor: the agent types a date the way people write one ("14 Dec 2026
// 10:30", "mon 10:30", "+3d"; FollowUpParser says what is read) and the line under the text
// shows how it reads ("Mon 14 Dec 2026, 10:30") or why it cannot be read. One-keystroke dates
// at the working hour (today, tomorrow, in three days, in a week) and a calendar (F4, Alt+Down,
// the arrow button) fill the text in; its tooltip and context menu list them.
class FollowUpEditor : public QLineEdit {
    Q_OBJECT
public:
    // defaultHour: the local working hour new dates get (Settings::followUpHour()).
    explicit FollowUpEditor(int defaultHour, QWidget *parent = nullptr);

    // What the text names now: local time, whole minutes; invalid when empty or refused.
    QDateTime dateTime() const;
    // Shows a value as text that reads back to it; an invalid value empties the editor.
    void setDateTime(const QDateTime &value);
    // Empty (nothing to save) or readable: what may leave the editor.
    bool isAcceptable() const;
    // Why the text cannot be read; empty when it can (or when there is none).
    QString hint() const;

    // Today plus days, at the working hour.
    void setDaysFromToday(int days);
    void openCalendar();
    // The calendar popup; nullptr until it was first opened.
    QCalendarWidget *calendarWidget() const { return m_calendar; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QAction *addDateAction(const char *name, const QString &text, int days, Qt::Key key);
    void onCalendarPick(QDate picked);
    void updateReading();
    int readingLineHeight() const;
    void layoutReadingLine();

    int m_defaultHour;
    FollowUpParser m_parser;
    QLabel *m_reading = nullptr; // the line under the text: the date as read, or the hint
    QString m_readingText; // in full (the label may elide it)
    QToolButton *m_calendarButton = nullptr;
    QCalendarWidget *m_calendar = nullptr;
    QList<QAction *> m_dateActions;
};

} // namespace Care360
