#include "datetext.h"

#include <QRegularExpression>

namespace Care360 {

QString DateText::dateFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    // "yy" alone, never part of "yyyy".
    static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
    format.replace(twoDigitYear, QStringLiteral("yyyy"));
    return format;
}

QString DateText::timeFormat(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    // Seconds and milliseconds with the separator before them ("HH:mm:ss" → "HH:mm").
    static const QRegularExpression seconds(QStringLiteral("[^Hhmap ]?[sz]+"));
    format.remove(seconds);
    return format;
}

QString DateText::dateTime(const QDateTime &utc, const QLocale &locale)
{
    if (!utc.isValid())
        return QString();
    const QDateTime local = utc.toLocalTime();
    return locale.toString(local.date(), dateFormat(locale)) + QLatin1Char(' ')
        + time(local.time(), locale);
}

QString DateText::time(const QTime &time, const QLocale &locale)
{
    return locale.toString(time, timeFormat(locale));
}

} // namespace Care360
