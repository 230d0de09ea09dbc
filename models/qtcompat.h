#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

// The few Qt APIs whose spelling differs between Qt 6.4 (Debian 12, the floor) and newer Qt 6
// (6.8 LTS deprecates them). Every Qt version check of models/ and its users lives here.
namespace Care360::QtCompat {

// A date and time in UTC (timeSpec() == Qt::UTC, ISO text with "Z") on every Qt 6.
inline QDateTime utcDateTime(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // 6.8 deprecates the Qt::TimeSpec constructor; QTimeZone::UTC (6.5+) is its replacement.
    return QDateTime(date, time, QTimeZone::UTC);
#else
    // 6.4's QTimeZone::utc() would make a Qt::TimeZone date-time ("+00:00"), not a UTC one.
    return QDateTime(date, time, Qt::UTC);
#endif
}

// A date and time in the system's local time (timeSpec() == Qt::LocalTime) on every Qt 6.
inline QDateTime localDateTime(QDate date, QTime time)
{
    // The two-argument constructor means local time in every Qt 6 and is deprecated in none.
    return QDateTime(date, time);
}

} // namespace Care360::QtCompat
