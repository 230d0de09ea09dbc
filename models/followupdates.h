#pragma once

#include "followupwords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace Care360 {

// The day a follow-up's words name, for FollowUpParser (which adds the time of day): "today",
// "tomorrow", "+3d", "in 2 weeks", "mon", "next monday", "14 Dec 2026", "14/12/2026" in the
// locale's order, "2026-12-14"; or the moment "+4h" names.
class FollowUpDates {
    Q_DECLARE_TR_FUNCTIONS(Care360::FollowUpDates)
public:
    // A follow-up outside these years is a typo (1026, 2206), not a plan.
    static constexpr int firstYear = 2000;
    static constexpr int lastYear = 2099;

    enum class Outcome { None, Read, Refused };
    struct Part {
        enum class Shape { Empty, Day, Moment };
        Outcome outcome = Outcome::None;
        Shape shape = Shape::Empty;
        QDate day;
        QDateTime moment; // Shape::Moment: local, whole minutes
        bool yearless = false; // "14 Dec": a number after it could be taken for the year
        QString hint; // Outcome::Refused: why
    };

    explicit FollowUpDates(const QLocale &locale);

    const FollowUpWords &words() const { return m_words; }
    // tokens: the folded words of FollowUpWords::tokenize() that are not the time of day.
    // now: local time.
    Part read(QStringList tokens, const QDateTime &now) const;
    // "No such date: 32/13/2026. Type e.g. 31/12/2026 or 31 Dec 2026."
    QString hint(const QString &typed) const;

private:
    enum class Order { DayFirst, MonthFirst, YearFirst };

    Part readRelative(const QStringList &tokens, const QDateTime &now) const;
    Part readCalendarDate(const QStringList &tokens, QDate today) const;
    Part readNumericDate(const QString &token, QDate today) const;

    QLocale m_locale;
    FollowUpWords m_words;
    Order m_order;
};

} // namespace Care360
