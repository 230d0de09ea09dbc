#pragma once

#include <QLocale>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace Care360 {

// The words the follow-up parser reads: English always, plus the locale's language. Month and
// weekday names come from QLocale (any language); the few relative words ("tomorrow", "in 2
// weeks") come from a small table per language in followupwords.cpp, where a new language adds
// its row. Every word is compared folded: lower case, accents dropped ("mañana" = "manana").
class FollowUpWords {
public:
    enum class Kind {
        Today, // "today"
        Tomorrow, // "tomorrow"
        Next, // "next" before a weekday
        In, // "in" before a count and a unit
        Day, // units
        Week,
        Hour,
        One, // "a" as a count: "in a week"
        Filler, // words that only join: "at", "on", "the", "of", "de", "a las"
        Ordinal, // "th" after a day number
        Am,
        Pm,
        Count
    };

    explicit FollowUpWords(const QLocale &locale);

    // Lower case without accents, the form every word is compared in.
    static QString fold(const QString &text);
    // Folded and cut into words and numbers: "4pm" is "4" "pm", "+3d" is "+3" "d",
    // "14.12.2026" stays whole, "2026-12-14T10:30" is two. Spaces, commas and brackets
    // separate; a dot after a word ("dez.", "a.m.") goes; any other sign stays a token of its
    // own, so that nothing typed is silently ignored.
    static QStringList tokenize(const QString &text);

    bool is(Kind kind, const QString &folded) const;
    // 1..12 (months) or 1..7 (Monday..Sunday); 0 when the word is none. A name may be cut short
    // to three letters or more when that leaves one candidate ("sept", "thurs", "mier").
    int month(const QString &folded) const;
    int weekday(const QString &folded) const;
    // Whether the word is any known word at all (so that an unknown one can be told apart).
    bool isKnown(const QString &folded) const;

private:
    static int lookUp(const QList<QStringList> &names, const QString &folded);

    std::array<QSet<QString>, std::size_t(Kind::Count)> m_words;
    QList<QStringList> m_months; // index 0 = January: its names, folded
    QList<QStringList> m_weekdays; // index 0 = Monday
};

} // namespace Care360
