#pragma once

#include "announcer.h"

#include <QAccessible>
#include <QtGlobal>

// Widget counterparts of models/qtcompat.h: Qt Widgets APIs that differ between Qt 6.4 and
// newer Qt 6. Every Qt version check of ui/ lives here.
namespace Care360::QtCompat {

// Asks a screen reader to say a sentence that has no focus of its own (a send that succeeded).
// Qt 6.8 has announcement events; before that a one-pixel notification is shown (Announcer),
// which Orca 43 speaks when it becomes showing. One or the other, never both: said once.
inline void announce(QWidget *source, const QString &sentence)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(source, sentence);
    QAccessible::updateAccessibility(&event);
#else
    Announcer::say(source, sentence);
#endif
}

// Says an editor that has just taken the focus in a table cell: its name and what it reads.
// Qt 6.4 fills the editor before focusing it, and Orca 43 then follows the caret event to the
// editor without speaking it (default.py 2352-2359); on Qt 6.8 Orca 48 names the editor itself
// ("Note text."), so nothing is added there and it is not said twice.
inline void sayOpenedEditor(QWidget *editor, const QString &sentence)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    Q_UNUSED(editor)
    Q_UNUSED(sentence)
#else
    Announcer::say(editor, sentence);
#endif
}

} // namespace Care360::QtCompat
