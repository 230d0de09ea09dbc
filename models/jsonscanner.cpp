#include "jsonscanner.h"

namespace Care360 {

namespace {

// Long numbers may overflow or round in Qt's conversions; leave them to QJsonDocument.
constexpr int kMaxNumberLength = 20;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Length of the multi-byte UTF-8 sequence at p and its code point, or 0 when Qt's decoder
// would refuse it: overlong forms, encoded surrogates, above U+10FFFF, truncated.
int utf8Sequence(const char *p, const char *end, char32_t *codePoint)
{
    const uchar lead = uchar(p[0]);
    int length = 0;
    uchar low = 0x80; // the range of the second byte, narrowed where overlongs would start
    uchar high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : low;
        high = lead == 0xed ? 0x9f : high;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : low;
        high = lead == 0xf4 ? 0x8f : high;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    char32_t value = lead & (0x7f >> length);
    for (int i = 1; i < length; ++i) {
        const uchar c = uchar(p[i]);
        if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xbf))
            return 0;
        value = (value << 6) | (c & 0x3f);
    }
    *codePoint = value;
    return length;
}

} // namespace

QJsonValue::Type JsonScanner::peekType()
{
    switch (peek()) {
    case '"':
        return QJsonValue::String;
    case 't':
    case 'f':
        return QJsonValue::Bool;
    case 'n':
        return QJsonValue::Null;
    case '{':
        return QJsonValue::Object;
    case '[':
        return QJsonValue::Array;
    default:
        return QJsonValue::Double;
    }
}

bool JsonScanner::skipValue()
{
    switch (peek()) {
    case '"':
        return readString(nullptr);
    case '{':
        return readObject([this](QLatin1String) { return skipValue(); });
    case '[':
        return readArray([this] { return skipValue(); });
    case 't':
        return readLiteral("true", 4);
    case 'f':
        return readLiteral("false", 5);
    case 'n':
        return readLiteral("null", 4);
    default:
        return skipNumber();
    }
}

// Keys are taken raw (escaped keys are rare enough to leave to QJsonDocument); a non-ASCII
// key is validated but kept as bytes, since it is only compared with ASCII names.
bool JsonScanner::readKey(QLatin1String *key)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    while (m_p < m_end && *m_p != '"') {
        const uchar c = uchar(*m_p);
        char32_t codePoint = 0;
        const int length = c < 0x80 ? 1 : utf8Sequence(m_p, m_end, &codePoint);
        if (c < 0x20 || c == '\\' || length == 0)
            return false;
        m_p += length;
    }
    if (m_p == m_end)
        return false;
    *key = QLatin1String(start, m_p - start);
    ++m_p;
    return true;
}

bool JsonScanner::readString(QString *out)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    bool ascii = true;
    while (m_p < m_end) {
        const uchar c = uchar(*m_p);
        if (c == '"') {
            if (out)
                *out = ascii ? QString::fromLatin1(start, m_p - start)
                             : QString::fromUtf8(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c == '\\')
            return readEscapedString(start, out);
        if (c < 0x20) // QJsonDocument takes raw control characters; servers never send them
            return false;
        if (c < 0x80) {
            ++m_p;
            continue;
        }
        char32_t codePoint = 0;
        const int length = utf8Sequence(m_p, m_end, &codePoint);
        if (length == 0)
            return false;
        m_p += length;
        ascii = false;
    }
    return false;
}

// The slow path from the string's start; \u escapes append their UTF-16 unit as Qt does,
// so escaped surrogate pairs join and lone surrogates stay as they are.
bool JsonScanner::readEscapedString(const char *start, QString *out)
{
    QString text;
    for (m_p = start; m_p < m_end;) {
        const uchar c = uchar(*m_p);
        if (c == '"') {
            ++m_p;
            if (out)
                *out = text;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c < 0x80 && c != '\\') {
            text.append(QLatin1Char(char(c)));
            ++m_p;
        } else if (c >= 0x80) {
            char32_t codePoint = 0;
            const int length = utf8Sequence(m_p, m_end, &codePoint);
            if (length == 0)
                return false;
            text.append(QChar::fromUcs4(codePoint));
            m_p += length;
        } else if (!readEscape(&text)) {
            return false;
        }
    }
    return false;
}

bool JsonScanner::readEscape(QString *text)
{
    if (m_end - m_p < 2)
        return false;
    const char escaped = m_p[1];
    m_p += 2;
    static const char kPlain[] = "\"\\/bfnrt";
    static const char kMeaning[] = "\"\\/\b\f\n\r\t";
    for (int i = 0; kPlain[i]; ++i) {
        if (escaped == kPlain[i]) {
            text->append(QLatin1Char(kMeaning[i]));
            return true;
        }
    }
    // Qt takes an unknown escape as the character itself; that is unusual, so give up.
    if (escaped != 'u' || m_end - m_p < 4)
        return false;
    char16_t unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(m_p[i]);
        if (digit < 0)
            return false;
        unit = char16_t(unit * 16 + digit);
    }
    m_p += 4;
    text->append(QChar(unit));
    return true;
}

bool JsonScanner::readLiteral(const char *word, int length)
{
    if (m_end - m_p < length || qstrncmp(m_p, word, length) != 0)
        return false;
    m_p += length;
    return true;
}

// Plain decimals only: QJsonDocument's laxer forms (".5", "1.", exponents) are left to it.
bool JsonScanner::skipNumber()
{
    const char *start = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p == m_end || !isDigit(*m_p))
        return false;
    if (*m_p == '0')
        ++m_p;
    else
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    return m_p - start <= kMaxNumberLength;
}

} // namespace Care360
