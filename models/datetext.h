#pragma once

#include <QDateTime>
#include <QLocale>

namespace Care360 {

// How the console writes a moment for people, in one place: the locale's short numeric date
// with a four-digit year ("14/12/2026", not "14/12/26", which reads as a day in Spanish) and
// its short time without seconds (follow-ups and drafts are whole minutes; "16:35:10" next to
// "16:35" made two moments of one).
class DateText {
public:
    static QString dateFormat(const QLocale &locale);
    static QString timeFormat(const QLocale &locale);
    // Local time of utc; an invalid moment is an empty text.
    static QString dateTime(const QDateTime &utc, const QLocale &locale = QLocale());
    static QString time(const QTime &time, const QLocale &locale = QLocale());
};

} // namespace Care360
