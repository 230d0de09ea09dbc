#pragma once

#include <QAccessible>
#include <QDateTimeEdit>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
#include <QTimeZone>
#endif

// Widget counterparts of models/qtcompat.h: Qt Widgets APIs that differ between Qt 6.4 and
// newer Qt 6. Every Qt version check of ui/ lives here.
namespace Care360::QtCompat {

// Makes the editor show and return local time.
inline void setLocalTimeZone(QDateTimeEdit *editor)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
    // setTimeSpec() is deprecated in 6.8; setTimeZone() exists from 6.7.
    editor->setTimeZone(QTimeZone::LocalTime);
#else
    editor->setTimeSpec(Qt::LocalTime);
#endif
}

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
