#pragma once

#include "followupdates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <chrono>
#include <optional>

namespace Care360 {

// What the agent typed for a follow-up, read: a local date-time in whole minutes, or a refusal
// with a one-sentence hint. A reading is never a time other than the one typed: anything
// that could be read two ways, or only by dropping part of it, is refused instead.
struct FollowUpReading {
    QDateTime value; // local time, whole minutes; invalid when refused
    QString hint; // why it was refused; empty when read
    bool isValid() const { return value.isValid(); }
};

// Reads follow-up dates the way agents type them. With now = Thu 10 Dec 2026 14:00:
//   14 Dec 2026 10:30, 14/12/2026 10:30, 14.12.2026 10:30, 2026-12-14T10:30, Dec 14 2026,
//   the locale's short and long formats (with :00 seconds and the local zone's abbreviation)
//   -> that date and time; a date alone -> at the default hour
//   10:30, 1030, 10.30, 4pm -> today if still ahead, else tomorrow
//   mon 10:30, monday, next monday 10:30 -> the next such day after today (Mon 14 Dec)
//   today 16:00, tomorrow, +3d, +2w, in 3 days, in 2 weeks -> days from today, at the time
//   typed or the default hour; +4h, in 4 hours -> now plus that, in whole minutes
// Numeric dates follow the locale's order (day/month/year in "C" and Spanish, month/day/year
// in en_US); two-digit years are 20yy; years run from 2000 to 2099. Spanish words (mañana,
// hoy, en 2 semanas, lun) are read where the console speaks Spanish, English ones everywhere.
class FollowUpParser {
    Q_DECLARE_TR_FUNCTIONS(Care360::FollowUpParser)
public:
    // defaultHour: the local hour a date typed without a time gets (Settings::followUpHour()).
    explicit FollowUpParser(const QLocale &locale = QLocale(), int defaultHour = 9);

    // Reads text against now from Clock.
    FollowUpReading parse(const QString &text) const;
    // now: local time.
    FollowUpReading parse(const QString &text, const QDateTime &now) const;

    // The text an editor shows for a value ("Mon 14 Dec 2026 10:30"): parse() reads it back as
    // that value.
    QString text(const QDateTime &value) const;
    // How a reading is told to the agent: "Mon 14 Dec 2026, 10:30".
    QString describe(const QDateTime &value) const;

    // A length of time as the CLI takes it: "12h", "1d", "30d", "2w" (a count and h, d or w);
    // nullopt for anything else, zero included.
    static std::optional<std::chrono::minutes> parseDuration(const QString &text);

private:
    QString withoutLocalZoneName(const QString &text) const;
    struct Time; // the time of day, read or refused

    FollowUpReading read(const QStringList &tokens, const QDateTime &now) const;
    FollowUpReading at(QDate day, QTime time) const;
    Time readTime(const QStringList &tokens) const;
    QString timeFormat() const;

    QLocale m_locale;
    int m_defaultHour;
    FollowUpDates m_dates;
};

} // namespace Care360
