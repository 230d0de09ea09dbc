#pragma once

#include <QAccessible>
#include <QtGlobal>

// Widget counterparts of models/qtcompat.h: Qt Widgets APIs that differ between Qt 6.4 and
// newer Qt 6. Every Qt version check of ui/ lives here.
namespace Care360::QtCompat {

// Asks a screen reader to say a sentence that has no focus of its own (a send that succeeded).
// Qt 6.8 has announcement events; before that the sentence is only shown.
inline void announce(QObject *source, const QString &sentence)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QAccessibleAnnouncementEvent event(source, sentence);
    QAccessible::updateAccessibility(&event);
#else
    Q_UNUSED(source)
    Q_UNUSED(sentence)
#endif
}

} // namespace Care360::QtCompat
