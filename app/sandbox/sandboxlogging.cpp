#include "sandboxlogging.h"

#include <QStringView>

namespace Care360::Sandbox {

Q_LOGGING_CATEGORY(lcSandboxServer, "care360.sandbox", QtInfoMsg)

namespace {
bool g_httpDebug = false;
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
QtMessageHandler g_previousHandler = nullptr;

void filterCategories(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (!g_httpDebug && qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        for (QtMsgType type : { QtDebugMsg, QtInfoMsg, QtWarningMsg })
            category->setEnabled(type, false);
    }
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_previousHandler(type, context, redactApiKeys(message));
}

// Where a QDebug-quoted value that starts at open (its opening quote) ends: after the closing
// quote, past any "" that QDebug puts between a \xNN escape and a following hex digit. -1 when
// it never closes (not QDebug's writing: the caller then takes the rest of the message).
qsizetype quotedEnd(const QString &text, qsizetype open)
{
    qsizetype i = open + 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            i += 2; // \" \\ \xNN \uXXXX: the escaped character is part of the value
        } else if (c == u'"') {
            if (i + 1 < text.size() && text.at(i + 1) == u'"')
                i += 2; // "" continues the same value
            else
                return i + 1;
        } else if (c == u'\n' || c == u'\r') {
            return -1; // QDebug writes a line break in a value as \n
        } else {
            ++i;
        }
    }
    return -1;
}

} // namespace

QString redactApiKeys(const QString &message)
{
    // Hand-written, not a QRegularExpression: this runs for the last log lines at exit too,
    // after static objects (a static pattern among them) are destroyed.
    const QLatin1String name("cv-api-key");
    QString redacted;
    qsizetype copied = 0;
    for (qsizetype at = message.indexOf(name, 0, Qt::CaseInsensitive); at >= 0;
         at = message.indexOf(name, copied, Qt::CaseInsensitive)) {
        qsizetype value = at + name.size();
        // QtHttpServer writes ("cv-api-key": "value"); any quoting of the name, any separator.
        if (at > 0 && message.at(at - 1) == u'"' && value < message.size()
            && message.at(value) == u'"')
            ++value;
        while (value < message.size()
               && (message.at(value) == u':' || message.at(value) == u'='
                   || message.at(value) == u' ' || message.at(value) == u'\t'))
            ++value;
        qsizetype end = -1;
        const bool quoted = value < message.size() && message.at(value) == u'"';
        if (quoted) {
            end = quotedEnd(message, value);
        } else {
            // Unquoted, nothing marks the end of the value but the end of the line.
            end = value;
            while (end < message.size() && message.at(end) != u'\n' && message.at(end) != u'\r')
                ++end;
        }
        if (end < 0)
            end = message.size();
        redacted += QStringView(message).mid(copied, value - copied);
        redacted += quoted ? QLatin1String("\"[redacted]\"") : QLatin1String("[redacted]");
        copied = end;
    }
    if (copied == 0)
        return message;
    redacted += QStringView(message).mid(copied);
    return redacted;
}

void installLogGuard(bool httpDebug)
{
    g_httpDebug = httpDebug;
    g_previousHandler = qInstallMessageHandler(redactingHandler);
    g_previousFilter = QLoggingCategory::installFilter(filterCategories);
}

} // namespace Care360::Sandbox
