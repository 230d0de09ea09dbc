#include "sandboxlogging.h"

#include <QRegularExpression>

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
} // namespace

QString redactApiKeys(const QString &message)
{
    // Qt prints headers as ("cv-api-key": "value"); any spelling of the name, any quoting.
    static const QRegularExpression header(QStringLiteral("(cv-api-key\\W{0,4})([^\\s\",)]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString redacted = message;
    redacted.replace(header, QStringLiteral("\\1[redacted]"));
    return redacted;
}

void installLogGuard(bool httpDebug)
{
    g_httpDebug = httpDebug;
    g_previousHandler = qInstallMessageHandler(redactingHandler);
    g_previousFilter = QLoggingCategory::installFilter(filterCategories);
}

} // namespace Care360::Sandbox
