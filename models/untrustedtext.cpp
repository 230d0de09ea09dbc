#include "untrustedtext.h"

#include <algorithm>

namespace Care360::UntrustedText {

namespace {
bool isBidiControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}
} // namespace

QString visible(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c < 0x20)
            result += QChar(char16_t(0x2400 + c)); // ␀ … ␟, ESC -> ␛
        else if (c == 0x7F)
            result += QChar(char16_t(0x2421)); // ␡
        else if ((c >= 0x80 && c <= 0x9F) || isBidiControl(c))
            result += QChar::ReplacementCharacter;
        else
            result += ch;
    }
    return result;
}

QString capped(QStringView text, int maxChars)
{
    if (text.size() <= maxChars)
        return text.toString();
    int cut = maxChars - 1;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut; // never split a surrogate pair
    return text.left(cut).toString() + QChar(0x2026);
}

QString shown(QStringView text)
{
    return visible(capped(text, maxShownChars));
}

bool looksDisplayed(QStringView text)
{
    if (text.size() == maxKeptChars && text.endsWith(QChar(0x2026)))
        return true;
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0x2400 && c.unicode() <= 0x2421; });
}

} // namespace Care360::UntrustedText
