#pragma once

#include <QWidget>

class QAbstractItemView;

namespace Care360 {

// A sentence for a screen reader with no focus of its own (a send that succeeded, a hint), on
// Qts without QAccessibleAnnouncementEvent: a one-pixel notification that is shown with the
// sentence as its name. Orca 43 speaks a notification's name when it becomes showing
// (scripts/default.py, onShowingChanged), which is how the banner is heard too.
class Announcer : public QWidget {
    Q_OBJECT
    Q_CLASSINFO("care360-notification", "sentence")
    Q_PROPERTY(QString sentence READ sentence)
public:
    // The announcer of the window that holds source (made on first use).
    static void say(QWidget *source, const QString &sentence);
    QString sentence() const { return m_sentence; }

private:
    explicit Announcer(QWidget *window);

    QString m_sentence;
};

// Widgets that declare Q_CLASSINFO("care360-notification", …) and a "sentence" property are
// notifications named by that sentence for screen readers (the banner, the announcer).
void installNotificationAccessibility();

// After an editor closes or the table (or tree) gets the focus, a reader hears the table, not
// the cell it is on: a focus event for the current cell, sent after the table's own, says the cell
// (its state word first: "Edited: …", "Error: …").
void sayCurrentCell(QAbstractItemView *table);

} // namespace Care360
