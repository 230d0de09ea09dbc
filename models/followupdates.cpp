#include "followupdates.h"

#include "clock.h"
#include "qtcompat.h"

#include <QRegularExpression>

namespace Care360 {

namespace {
using Kind = FollowUpWords::Kind;
using Part = FollowUpDates::Part;
using Outcome = FollowUpDates::Outcome;

Part dayPart(QDate day, bool yearless = false)
{
    return { Outcome::Read, Part::Shape::Day, day, {}, yearless, {} };
}

Part refusedPart(const QString &hint)
{
    return { Outcome::Refused, Part::Shape::Empty, {}, {}, false, hint };
}
} // namespace

FollowUpDates::FollowUpDates(const QLocale &locale)
    : m_locale(locale)
    , m_words(locale)
{
    // Numbers in a date follow the order of the locale's short format.
    const QString format = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype day = format.indexOf(QLatin1Char('d'));
    const qsizetype month = format.indexOf(QLatin1Char('M'));
    const qsizetype year = format.indexOf(QLatin1Char('y'));
    if (year >= 0 && year < day && year < month)
        m_order = Order::YearFirst;
    else
        m_order = month >= 0 && month < day ? Order::MonthFirst : Order::DayFirst;
}

FollowUpDates::Part FollowUpDates::read(QStringList tokens, const QDateTime &now) const
{
    // Joining words around a date mean nothing: "on monday at", "el lunes a las".
    while (!tokens.isEmpty() && m_words.is(Kind::Filler, tokens.constFirst()))
        tokens.removeFirst();
    while (!tokens.isEmpty() && m_words.is(Kind::Filler, tokens.constLast()))
        tokens.removeLast();
    const QDate today = now.date();
    if (tokens.isEmpty())
        return { Outcome::Read, Part::Shape::Empty, {}, {}, false, {} };
    if (tokens.size() == 1 && m_words.is(Kind::Today, tokens.constFirst()))
        return dayPart(today);
    if (tokens.size() == 1 && m_words.is(Kind::Tomorrow, tokens.constFirst()))
        return dayPart(today.addDays(1));
    if (Part relative = readRelative(tokens, now); relative.outcome != Outcome::None)
        return relative;
    if (Part date = readCalendarDate(tokens, today); date.outcome != Outcome::None)
        return date;

    // A weekday alone (or after "next") is the next such day after today; before a date it
    // must be that date's weekday.
    const bool next = m_words.is(Kind::Next, tokens.constFirst());
    if (next)
        tokens.removeFirst();
    const int weekday = tokens.isEmpty() ? 0 : m_words.weekday(tokens.constFirst());
    if (weekday == 0)
        return {};
    if (tokens.size() == 1)
        return dayPart(today.addDays((weekday - today.dayOfWeek() + 6) % 7 + 1));
    if (next)
        return {};
    const Part date = readCalendarDate(tokens.mid(1), today);
    if (date.outcome == Outcome::Read && date.day.dayOfWeek() != weekday)
        return refusedPart(tr("%1 is a %2, not a %3.")
                               .arg(m_locale.toString(date.day, QStringLiteral("d MMM yyyy")),
                                    m_locale.dayName(date.day.dayOfWeek()),
                                    m_locale.dayName(weekday)));
    return date;
}

FollowUpDates::Part FollowUpDates::readRelative(const QStringList &tokens,
                                                const QDateTime &now) const
{
    // "+3d", "+ 3 days", "in 3 days", "in a week", "dentro de 2 semanas".
    QStringList rest = tokens;
    QString count;
    if (rest.constFirst().startsWith(QLatin1Char('+'))) {
        count = rest.takeFirst().mid(1);
        if (count.isEmpty() && !rest.isEmpty())
            count = rest.takeFirst();
    } else if (m_words.is(Kind::In, rest.constFirst())) {
        rest.removeFirst();
        while (!rest.isEmpty() && !m_words.is(Kind::One, rest.constFirst())
               && m_words.is(Kind::Filler, rest.constFirst()))
            rest.removeFirst();
        if (rest.isEmpty())
            return {};
        count = rest.takeFirst();
        if (m_words.is(Kind::One, count))
            count = QStringLiteral("1");
    } else {
        return {};
    }
    static const QRegularExpression number(QStringLiteral("^\\d{1,4}$"));
    if (rest.size() != 1 || !number.match(count).hasMatch())
        return {};
    const int n = count.toInt();
    const QString &unit = rest.constFirst();
    if (m_words.is(Kind::Day, unit))
        return dayPart(now.date().addDays(n));
    if (m_words.is(Kind::Week, unit))
        return dayPart(now.date().addDays(7 * qint64(n)));
    if (!m_words.is(Kind::Hour, unit))
        return {};
    const QDateTime later = now.addSecs(3600 * qint64(n));
    Part part = dayPart(later.date());
    part.shape = Part::Shape::Moment;
    part.moment =
        QtCompat::localDateTime(later.date(), QTime(later.time().hour(), later.time().minute()));
    return part;
}

FollowUpDates::Part FollowUpDates::readCalendarDate(const QStringList &tokens, QDate today) const
{
    if (tokens.size() == 1)
        return readNumericDate(tokens.constFirst(), today);
    // A day number and a month name in either order, then the year; joining words ("de",
    // "of") and ordinals ("14th") in between.
    static const QRegularExpression dayNumber(QStringLiteral("^(\\d{1,2})\\.?$"));
    static const QRegularExpression yearNumber(QStringLiteral("^\\d{4}$"));
    QStringList words;
    for (const QString &token : tokens) {
        const bool ordinal = m_words.is(Kind::Ordinal, token) && !words.isEmpty()
            && dayNumber.match(words.constLast()).hasMatch();
        if (!ordinal && !m_words.is(Kind::Filler, token))
            words << token;
    }
    if (words.size() < 2 || words.size() > 3)
        return {};
    const int monthAt = m_words.month(words.at(0)) != 0 ? 0 : 1;
    const int month = m_words.month(words.at(monthAt));
    const QRegularExpressionMatch day = dayNumber.match(words.at(1 - monthAt));
    if (month == 0 || !day.hasMatch())
        return {};
    const QString typed = tokens.join(QLatin1Char(' '));
    if (words.size() == 3) {
        if (!yearNumber.match(words.at(2)).hasMatch())
            return refusedPart(hint(typed));
        const QDate date(words.at(2).toInt(), month, day.captured(1).toInt());
        if (!date.isValid() || date.year() < firstYear || date.year() > lastYear)
            return refusedPart(hint(typed));
        return dayPart(date);
    }
    // No year: the next such date from today on.
    QDate date(today.year(), month, day.captured(1).toInt());
    if (date.isValid() && date < today)
        date = QDate(today.year() + 1, month, day.captured(1).toInt());
    if (!date.isValid())
        return refusedPart(hint(typed));
    return dayPart(date, true);
}

FollowUpDates::Part FollowUpDates::readNumericDate(const QString &token, QDate today) const
{
    static const QRegularExpression three(
        QStringLiteral("^(\\d{1,4})([/.\\-])(\\d{1,2})\\2(\\d{1,4})$"));
    static const QRegularExpression two(QStringLiteral("^(\\d{1,2})/(\\d{1,2})$"));
    int day = 0;
    int month = 0;
    int year = 0;
    if (const QRegularExpressionMatch match = three.match(token); match.hasMatch()) {
        const QString first = match.captured(1), second = match.captured(3),
                      last = match.captured(4);
        if (first.size() == 4 && last.size() <= 2) {
            year = first.toInt();
            month = second.toInt();
            day = last.toInt();
        } else if (first.size() <= 2 && (last.size() == 2 || last.size() == 4)
                   && m_order != Order::YearFirst) {
            year = last.size() == 2 ? 2000 + last.toInt() : last.toInt();
            month = m_order == Order::MonthFirst ? first.toInt() : second.toInt();
            day = m_order == Order::MonthFirst ? second.toInt() : first.toInt();
        } else {
            return refusedPart(hint(token));
        }
    } else if (const QRegularExpressionMatch match = two.match(token); match.hasMatch()) {
        const bool dayFirst = m_order == Order::DayFirst;
        day = match.captured(dayFirst ? 1 : 2).toInt();
        month = match.captured(dayFirst ? 2 : 1).toInt();
        year = today.year();
        // No year: the next such date from today on.
        if (QDate(year, month, day).isValid() && QDate(year, month, day) < today)
            ++year;
    } else {
        return {};
    }
    const QDate date(year, month, day);
    if (!date.isValid() || year < firstYear || year > lastYear)
        return refusedPart(hint(token));
    return dayPart(date, !three.match(token).hasMatch());
}

QString FollowUpDates::hint(const QString &typed) const
{
    const QDate example(Clock::currentDateTimeUtc().toLocalTime().date().year(), 12, 31);
    const QString numeric = m_order == Order::DayFirst ? QStringLiteral("dd/MM/yyyy")
        : m_order == Order::MonthFirst                 ? QStringLiteral("MM/dd/yyyy")
                                                       : QStringLiteral("yyyy-MM-dd");
    return tr("No such date: %1. Type e.g. %2 or %3.")
        .arg(typed, example.toString(numeric),
             m_locale.toString(example, QStringLiteral("d MMM yyyy")));
}

} // namespace Care360
