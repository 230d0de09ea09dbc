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

} // namespace Care360::QtCompat
