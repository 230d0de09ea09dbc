#include "exportedcsv.h"

#include <QStringDecoder>

#include <array>

namespace Care360::ExportedCsv {

namespace {

// Windows-1252 is Latin-1 except for 0x80-0x9F. Qt's own Windows builds have no ICU and so no
// "windows-1252" QStringDecoder (QTBUG-117362): the table keeps the import the same everywhere.
constexpr std::array<char16_t, 32> kWindows1252From0x80 {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

QByteArray asUtf8(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(bytes); // hasError() is known only once decoded
    if (!utf8.hasError())
        return bytes; // Csv::read skips the byte-order mark
    QString text = QString::fromLatin1(bytes);
    for (QChar &c : text) {
        if (c.unicode() >= 0x80 && c.unicode() <= 0x9F)
            c = QChar(kWindows1252From0x80[c.unicode() - 0x80]);
    }
    return text.toUtf8();
}

// Counted on the first line that has anything on it: Excel may write ";;" for a cleared row.
char separatorOf(const QByteArray &utf8)
{
    constexpr std::array<char, 3> candidates { ',', ';', '\t' };
    std::array<int, 3> counts {};
    bool quoted = false;
    bool started = false;
    for (const char c : utf8) {
        if (c == '"')
            quoted = !quoted; // a doubled quote toggles twice, as it should
        if (quoted)
            continue;
        if (c == '\r' || c == '\n') {
            if (started)
                break;
            continue;
        }
        started = true;
        for (std::size_t i = 0; i < candidates.size(); ++i)
            counts[i] += c == candidates[i] ? 1 : 0;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (counts[i] > counts[best])
            best = i;
    }
    return candidates[best];
}

} // namespace

Csv::Table read(const QByteArray &bytes)
{
    const QByteArray utf8 = asUtf8(bytes);
    return Csv::read(utf8, separatorOf(utf8));
}

} // namespace Care360::ExportedCsv
