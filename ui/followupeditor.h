#pragma once

#include <QDateTimeEdit>

class QAction;

namespace Care360 {

// The follow-up date editor: a date-time edit in local time whose calendar opens from the
// keyboard (F4, Alt+Down), with one-keystroke dates at the working hour (today, tomorrow, in
// three days, in a week), and new dates at that hour with zero seconds. The shortcuts are in
// its tooltip and context menu.
class FollowUpEditor : public QDateTimeEdit {
    Q_OBJECT
public:
    // defaultHour: the local working hour new dates get (Settings::followUpHour()).
    explicit FollowUpEditor(int defaultHour, QWidget *parent = nullptr);

    // Today plus days, at the working hour.
    void setDaysFromToday(int days);
    void openCalendar();
    // The value to store: seconds and milliseconds dropped.
    QDateTime minuteValue() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QAction *addDateAction(const char *name, const QString &text, int days, Qt::Key key);
    void onCalendarPick(QDate picked);
    void updatePastMark();

    int m_defaultHour;
    QList<QAction *> m_dateActions;
};

} // namespace Care360
