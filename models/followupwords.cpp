#include "followupwords.h"

#include <QRegularExpression>

#include <algorithm>

namespace Care360 {

namespace {
using Kind = FollowUpWords::Kind;

struct WordRow {
    Kind kind;
    const char *words; // folded, separated by spaces
};

// English is read in every locale: agents and the CLI's documentation use it.
const WordRow kEnglish[] = {
    { Kind::Today, "today" },
    { Kind::Tomorrow, "tomorrow tmrw" },
    { Kind::Next, "next" },
    { Kind::In, "in" },
    { Kind::Day, "d day days" },
    { Kind::Week, "w wk wks week weeks" },
    { Kind::Hour, "h hr hrs hour hours" },
    { Kind::One, "a an one" },
    { Kind::Filler, "at on of the" },
    { Kind::Ordinal, "st nd rd th" },
    { Kind::Am, "am" },
    { Kind::Pm, "pm" },
};

const WordRow kSpanish[] = {
    { Kind::Today, "hoy" },
    { Kind::Tomorrow, "manana" },
    { Kind::Next, "proximo proxima siguiente" },
    { Kind::In, "en dentro" },
    { Kind::Day, "d dia dias" },
    { Kind::Week, "sem semana semanas" },
    { Kind::Hour, "h hora horas" },
    { Kind::One, "un una uno" },
    { Kind::Filler, "de del a las la el los" },
};

template<std::size_t N>
void add(std::array<QSet<QString>, std::size_t(Kind::Count)> &words, const WordRow (&rows)[N])
{
    for (const WordRow &row : rows) {
        for (const QString &word : QString::fromUtf8(row.words).split(QLatin1Char(' ')))
            words[std::size_t(row.kind)].insert(word);
    }
}

// "a. m." and "a.m." read as "am", like the tokenizer makes of them.
QString foldAmPm(const QString &text)
{
    QString folded = FollowUpWords::fold(text);
    folded.remove(QLatin1Char('.'));
    folded.remove(QLatin1Char(' '));
    return folded;
}

QString foldName(const QString &name)
{
    QString folded = FollowUpWords::fold(name);
    while (folded.endsWith(QLatin1Char('.')))
        folded.chop(1);
    return folded;
}

// Spanish words wherever the console may speak Spanish: a Spanish locale, or Spanish among the
// UI languages (LANGUAGE=es under an English LANG), as translations.cpp picks its language.
bool speaksSpanish(const QLocale &locale)
{
    if (locale.language() == QLocale::Spanish)
        return true;
    const QStringList languages = locale.uiLanguages();
    return locale.language() != QLocale::C
        && std::any_of(languages.cbegin(), languages.cend(), [](const QString &language) {
               return language.startsWith(QLatin1String("es"));
           });
}
} // namespace

FollowUpWords::FollowUpWords(const QLocale &locale)
{
    add(m_words, kEnglish);
    if (speaksSpanish(locale))
        add(m_words, kSpanish);
    for (const QString &am : { locale.amText(), QLocale::c().amText() })
        m_words[std::size_t(Kind::Am)].insert(foldAmPm(am));
    for (const QString &pm : { locale.pmText(), QLocale::c().pmText() })
        m_words[std::size_t(Kind::Pm)].insert(foldAmPm(pm));

    const QLocale english = QLocale::c();
    for (int month = 1; month <= 12; ++month) {
        QStringList names;
        for (const QLocale &l : { locale, english }) {
            for (const auto format : { QLocale::LongFormat, QLocale::ShortFormat }) {
                names << foldName(l.monthName(month, format))
                      << foldName(l.standaloneMonthName(month, format));
            }
        }
        names.removeDuplicates();
        m_months << names;
    }
    for (int day = 1; day <= 7; ++day) {
        QStringList names;
        for (const QLocale &l : { locale, english }) {
            for (const auto format : { QLocale::LongFormat, QLocale::ShortFormat }) {
                names << foldName(l.dayName(day, format))
                      << foldName(l.standaloneDayName(day, format));
            }
        }
        names.removeDuplicates();
        m_weekdays << names;
    }
}

QString FollowUpWords::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c.toLower());
    }
    return folded;
}

QStringList FollowUpWords::tokenize(const QString &text)
{
    QString folded = fold(text);
    static const QRegularExpression isoT(QStringLiteral("(\\d{4}-\\d{1,2}-\\d{1,2})t(?=\\d)"));
    folded.replace(isoT, QStringLiteral("\\1 "));
    static const QRegularExpression amPm(QStringLiteral("(?<!\\p{L})([ap])\\.? ?m\\.?(?!\\p{L})"));
    folded.replace(amPm, QStringLiteral(" \\1m "));

    QStringList tokens;
    QString current;
    enum class Run { None, Word, Number } run = Run::None;
    const auto flush = [&] {
        if (!current.isEmpty())
            tokens << current;
        current.clear();
        run = Run::None;
    };
    for (const QChar c : std::as_const(folded)) {
        const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
        if (c.isLetter()) {
            if (run != Run::Word)
                flush();
            run = Run::Word;
            current += c;
        } else if (digit || (run == Run::Number && QStringLiteral(":./-").contains(c))) {
            if (run == Run::Word)
                flush();
            run = Run::Number;
            current += c;
        } else if (c == QLatin1Char('+') || c == QLatin1Char('-')) {
            flush(); // a sign starts a number: "+3d", and "-3" is not "3"
            run = Run::Number;
            current += c;
        } else if (c.isSpace() || QStringLiteral(",()").contains(c)
                   || (c == QLatin1Char('.') && run == Run::Word)) {
            flush();
        } else {
            flush();
            tokens << QString(c);
        }
    }
    flush();
    return tokens;
}

bool FollowUpWords::is(Kind kind, const QString &folded) const
{
    return m_words[std::size_t(kind)].contains(folded);
}

int FollowUpWords::month(const QString &folded) const
{
    return lookUp(m_months, folded);
}

int FollowUpWords::weekday(const QString &folded) const
{
    return lookUp(m_weekdays, folded);
}

bool FollowUpWords::isKnown(const QString &folded) const
{
    for (const QSet<QString> &words : m_words) {
        if (words.contains(folded))
            return true;
    }
    return month(folded) != 0 || weekday(folded) != 0;
}

int FollowUpWords::lookUp(const QList<QStringList> &names, const QString &folded)
{
    if (folded.isEmpty())
        return 0;
    for (int i = 0; i < names.size(); ++i) {
        if (names.at(i).contains(folded))
            return i + 1;
    }
    // Cut short: at least three letters, and only one candidate ("ma" or "ju" would guess).
    if (folded.size() < 3)
        return 0;
    int found = 0;
    for (int i = 0; i < names.size(); ++i) {
        for (const QString &name : names.at(i)) {
            if (name.startsWith(folded)) {
                if (found != 0 && found != i + 1)
                    return 0;
                found = i + 1;
            }
        }
    }
    return found;
}

} // namespace Care360
