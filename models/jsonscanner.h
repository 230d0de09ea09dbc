#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>

namespace Care360 {

// A strict cursor over a UTF-8 JSON text that accepts only what QJsonDocument reads the same
// way; every method returns false to give up, on malformed and on merely unusual input alike
// (escaped keys, exponents, raw control characters, unknown escapes, deep nesting).
class JsonScanner {
public:
    explicit JsonScanner(const QByteArray &text)
        : m_p(text.constData())
        , m_end(m_p + text.size())
    {
    }

    // The next byte after whitespace, not consumed; 0 at the end.
    char peek()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
        return m_p < m_end ? *m_p : 0;
    }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    bool atEnd()
    {
        peek();
        return m_p == m_end;
    }
    // The type of the next value, judged by its first byte (numbers are Double).
    QJsonValue::Type peekType();

    // Calls onMember(key) positioned on each member's value, which it must consume.
    template<typename OnMember> bool readObject(OnMember onMember)
    {
        if (!consume('{') || ++m_depth > kMaxDepth)
            return false;
        if (!consume('}')) {
            do {
                QLatin1String key;
                if (!readKey(&key) || !consume(':') || !onMember(key))
                    return false;
            } while (consume(','));
            if (!consume('}'))
                return false;
        }
        --m_depth;
        return true;
    }

    // Calls onItem() positioned on each item, which it must consume.
    template<typename OnItem> bool readArray(OnItem onItem)
    {
        if (!consume('[') || ++m_depth > kMaxDepth)
            return false;
        if (!consume(']')) {
            do {
                if (!onItem())
                    return false;
            } while (consume(','));
            if (!consume(']'))
                return false;
        }
        --m_depth;
        return true;
    }

    bool skipValue();
    // Reads the string at the next quote into out, or only checks it when out is null.
    bool readString(QString *out);

private:
    // Far below QJsonDocument's own limit, so whatever nests deeper is left to it to judge.
    static constexpr int kMaxDepth = 64;

    bool readKey(QLatin1String *key);
    bool readEscapedString(const char *start, QString *out);
    bool readEscape(QString *text);
    bool readLiteral(const char *word, int length);
    bool skipNumber();

    const char *m_p;
    const char *m_end;
    int m_depth = 0;
};

} // namespace Care360
