#include "followupparser.h"

#include "clock.h"
#include "datetext.h"
#include "qtcompat.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace Care360 {

namespace {
using Kind = FollowUpWords::Kind;
using Outcome = FollowUpDates::Outcome;
using Part = FollowUpDates::Part;

bool isLetters(const QString &token)
{
    return !token.isEmpty()
        && std::all_of(token.cbegin(), token.cend(), [](QChar c) { return c.isLetter(); });
}
} // namespace

struct FollowUpParser::Time {
    Outcome outcome = Outcome::None;
    QTime time;
    bool bare = false; // digits alone ("1030"): could also be a year
    QString hint;
};

FollowUpParser::FollowUpParser(const QLocale &locale, int defaultHour)
    : m_locale(locale)
    , m_defaultHour(defaultHour)
    , m_dates(locale)
{
}

QString FollowUpParser::withoutLocalZoneName(const QString &text) const
{
    // Qt 6.8's long formats end in the zone's long name ("… Central European Standard Time",
    // "… (hora estándar de Europa central)"): the local one says nothing new.
    QString typed = text.trimmed();
    const QTimeZone local = QTimeZone::systemTimeZone();
    for (const auto kind : { QTimeZone::StandardTime, QTimeZone::DaylightTime }) {
        const QString name = local.displayName(kind, QTimeZone::LongName, m_locale);
        if (name.isEmpty())
            continue;
        for (const QString &form : { QStringLiteral("(%1)").arg(name), name }) {
            if (typed.endsWith(form, Qt::CaseInsensitive))
                return typed.chopped(form.size()).trimmed();
        }
    }
    return typed;
}

FollowUpReading FollowUpParser::parse(const QString &text) const
{
    return parse(text, Clock::currentDateTimeUtc().toLocalTime());
}

FollowUpReading FollowUpParser::parse(const QString &text, const QDateTime &now) const
{
    const QDateTime localNow = now.toLocalTime();
    const QString example =
        m_locale.toString(QDate(localNow.date().year(), 12, 31), QStringLiteral("d MMM yyyy"))
        + QStringLiteral(" 10:30");
    const QStringList tokens = FollowUpWords::tokenize(withoutLocalZoneName(text));
    if (tokens.isEmpty())
        return { {},
                 tr("Type a date and time, e.g. %1, tomorrow 9:00 or mon 10:30.").arg(example) };
    FollowUpReading reading = read(tokens, localNow);
    if (reading.hint.isEmpty() && !reading.isValid())
        reading.hint =
            tr("Not a date or time: try e.g. %1, tomorrow 9:00 or mon 10:30.").arg(example);
    // The locale's long format ends in the time zone: the local one says nothing new, another
    // would mean a different time and is refused.
    const QString last = tokens.constLast();
    if (!reading.isValid() && tokens.size() > 1 && isLetters(last)
        && !m_dates.words().isKnown(last)) {
        const FollowUpReading withoutZone = read(tokens.mid(0, tokens.size() - 1), localNow);
        if (withoutZone.isValid()) {
            const QString zone = withoutZone.value.timeZoneAbbreviation();
            if (FollowUpWords::fold(zone) == last)
                return withoutZone;
            return { {}, tr("Times here are local (%1): leave out “%2”.").arg(zone, last) };
        }
    }
    return reading;
}

FollowUpReading FollowUpParser::read(const QStringList &tokens, const QDateTime &now) const
{
    QString hint; // the first specific reason met; the caller has a general one
    const auto remember = [&hint](const QString &why) {
        if (hint.isEmpty())
            hint = why;
    };
    // Where the time may be: at the end, nowhere, at the start; one token or two ("4 pm").
    const int n = int(tokens.size());
    const std::pair<int, int> splits[] = {
        { n - 1, 1 }, { n - 2, 2 }, { 0, 0 }, { 0, 1 }, { 0, 2 }
    };
    for (const auto &[start, size] : splits) {
        if (start < 0 || start + size > n)
            continue;
        Time time;
        if (size > 0) {
            time = readTime(tokens.mid(start, size));
            if (time.outcome == Outcome::Refused)
                remember(time.hint);
            if (time.outcome != Outcome::Read)
                continue;
        }
        QStringList dateTokens = tokens;
        dateTokens.remove(start, size);
        const Part date = m_dates.read(dateTokens, now);
        if (date.outcome == Outcome::Refused)
            remember(date.hint);
        if (date.outcome != Outcome::Read)
            continue;
        switch (date.shape) {
        case Part::Shape::Moment:
            if (size == 0)
                return at(date.moment.date(), date.moment.time());
            continue; // "+4h 10:30" names two times
        case Part::Shape::Empty: {
            if (size == 0)
                continue;
            // A time alone: today if still ahead, else tomorrow.
            const QDateTime today = QtCompat::localDateTime(now.date(), time.time);
            return at(today > now ? now.date() : now.date().addDays(1), time.time);
        }
        case Part::Shape::Day:
            if (size > 0 && time.bare && date.yearless)
                continue; // "14 Dec 2026": 2026 is the year, not 20:26
            return at(date.day, size > 0 ? time.time : QTime(m_defaultHour, 0));
        }
    }
    return { {}, hint };
}

FollowUpReading FollowUpParser::at(QDate day, QTime time) const
{
    if (day.year() < FollowUpDates::firstYear || day.year() > FollowUpDates::lastYear)
        return { {}, m_dates.hint(m_locale.toString(day, QStringLiteral("d MMM yyyy"))) };
    const QDateTime value = QtCompat::localDateTime(day, time);
    // A skipped hour (clocks going forward) has no such local time: never move it.
    if (!value.isValid() || value.date() != day || value.time() != time)
        return { {},
                 tr("%1 does not exist on %2: the clocks go forward.")
                     .arg(m_locale.toString(time, timeFormat()),
                          m_locale.toString(day, QStringLiteral("d MMM yyyy"))) };
    return { value, {} };
}

FollowUpParser::Time FollowUpParser::readTime(const QStringList &tokens) const
{
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?$"));
    static const QRegularExpression digits(QStringLiteral("^\\d{1,4}$"));
    const FollowUpWords &words = m_dates.words();
    Time read;
    enum class Half { None, Am, Pm } half = Half::None;
    if (tokens.size() == 2) {
        if (words.is(Kind::Am, tokens.at(1)))
            half = Half::Am;
        else if (words.is(Kind::Pm, tokens.at(1)))
            half = Half::Pm;
        else
            return read;
    }
    const QString &token = tokens.constFirst();
    int hour = 0;
    int minute = 0;
    if (const QRegularExpressionMatch match = clock.match(token); match.hasMatch()) {
        hour = match.captured(1).toInt();
        minute = match.captured(2).toInt();
        if (match.captured(3).toInt() != 0)
            return { Outcome::Refused,
                     {},
                     false,
                     tr("Follow-ups are in whole minutes: leave out the seconds.") };
    } else if (digits.match(token).hasMatch() && (token.size() > 2 || half != Half::None)) {
        // "4 pm" is 4:00; "1030" and "930" are 10:30 and 9:30; "14" alone is no time.
        hour = token.size() > 2 ? token.left(token.size() - 2).toInt() : token.toInt();
        minute = token.size() > 2 ? token.right(2).toInt() : 0;
        read.bare = token.size() > 2 && half == Half::None;
    } else {
        return read;
    }
    const bool twelveHour = half != Half::None;
    const bool outOfRange = minute > 59 || (twelveHour ? hour < 1 || hour > 12 : hour > 23);
    if (outOfRange && read.bare)
        return {}; // digits alone may be something else: "1999" is a year
    if (outOfRange) {
        const QString typed = twelveHour ? token + QLatin1Char(' ') + tokens.at(1) : token;
        return {
            Outcome::Refused,
            {},
            false,
            tr("No such time: %1. Hours run 0–23 (1–12 with am or pm), minutes 00–59.").arg(typed)
        };
    }
    if (twelveHour)
        hour = hour % 12 + (half == Half::Pm ? 12 : 0);
    read.outcome = Outcome::Read;
    read.time = QTime(hour, minute);
    return read;
}

QString FollowUpParser::timeFormat() const
{
    return DateText::timeFormat(m_locale); // minutes at most: follow-ups are whole minutes
}

QString FollowUpParser::text(const QDateTime &value) const
{
    // No translated wording here: the text must read back whatever a translation says.
    const QDateTime local = value.toLocalTime();
    const QString shown = m_locale.toString(local.date(), QStringLiteral("ddd d MMM yyyy"))
        + QLatin1Char(' ') + m_locale.toString(local.time(), timeFormat());
    // Some locales' names do not read back (or the year is out of range): ISO always does.
    if (parse(shown, local).value != local)
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return shown;
}

QString FollowUpParser::describe(const QDateTime &value) const
{
    const QDateTime local = value.toLocalTime();
    return tr("%1, %2").arg(m_locale.toString(local.date(), QStringLiteral("ddd d MMM yyyy")),
                            m_locale.toString(local.time(), timeFormat()));
}

std::optional<std::chrono::minutes> FollowUpParser::parseDuration(const QString &text)
{
    static const QRegularExpression duration(QStringLiteral("^\\s*(\\d{1,5})\\s*([hdw])\\s*$"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = duration.match(text);
    const qint64 count = match.captured(1).toLongLong();
    if (!match.hasMatch() || count == 0)
        return std::nullopt;
    const QChar unit = match.captured(2).at(0).toLower();
    const qint64 perUnit = unit == QLatin1Char('h') ? 60
        : unit == QLatin1Char('d')                  ? 24 * 60
                                                    : 7 * 24 * 60;
    return std::chrono::minutes(count * perUnit);
}

} // namespace Care360
