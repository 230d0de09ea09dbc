#include "app/translations.h"
#include "care360/version.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void exitWithUsageError(const QString &message)
{
    // QCommandLineParser::showMessageAndExit() is Qt 6.9; Debian ships 6.4.
    fprintf(stderr, "%s\n", qPrintable(message));
    ::exit(2);
}

// Parses the command line into start-up options; exits with a message on bad input. Runs before
// QApplication exists, so --help and --version work without a display (packaging, man pages).
Care360::StartupOptions parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Keep Care360 case escalations current: notes, follow-up dates and assignees.\n"
        "The API key is kept in the system keychain; it is never accepted on the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption environment(
        QStringLiteral("environment"),
        QApplication::translate("main",
                                "Environment to open: sandbox, staging, production or custom."),
        QStringLiteral("name"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QApplication::translate("main", "Base URL of the Care360 API for --environment custom."),
        QStringLiteral("url"));
    const QCommandLineOption caseId(
        QStringLiteral("case"),
        QApplication::translate("main", "Case ID (or a link containing it) to load on start."),
        QStringLiteral("id"));
    const QCommandLineOption sandboxData(
        QStringLiteral("sandbox-data"),
        QApplication::translate("main", "JSON data file for the built-in practice sandbox."),
        QStringLiteral("file"));
    parser.addOptions({ environment, baseUrl, caseId, sandboxData });
    if (!parser.parse(arguments))
        exitWithUsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        // Without an application object the parser cannot know the executable's name.
        fputs(qPrintable(parser.helpText().replace(QLatin1String("<executable_name>"),
                                                   QCoreApplication::applicationName())),
              stdout);
        ::exit(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        printf("%s %s\n", qPrintable(QCoreApplication::applicationName()), CARE360_VERSION);
        ::exit(0);
    }

    Care360::StartupOptions options;
    if (parser.isSet(environment)) {
        options.environment = Care360::Environment::kindFromName(parser.value(environment));
        if (!options.environment)
            exitWithUsageError(QApplication::translate("main",
                                                       "Unknown environment \"%1\": use "
                                                       "sandbox, staging, production or custom.")
                                   .arg(parser.value(environment)));
    }
    if (parser.isSet(baseUrl)) {
        options.baseUrl = QUrl::fromUserInput(parser.value(baseUrl));
        if (!options.baseUrl.isValid() || options.baseUrl.host().isEmpty())
            exitWithUsageError(QApplication::translate("main", "\"%1\" is not a usable URL.")
                                   .arg(parser.value(baseUrl)));
        if (!options.environment)
            options.environment = Care360::Environment::Kind::Custom;
    }
    options.caseId = parser.value(caseId);
    options.sandboxDataFile = parser.value(sandboxData);
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARE360_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("care360.com"));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Care360::StartupOptions options = parseOptions(arguments);

    QApplication app(argc, argv);
    Care360::installTranslations(app);
    QApplication::setApplicationDisplayName(QStringLiteral(CARE360_APP_NAME));
    QApplication::setDesktopFileName(QStringLiteral(CARE360_APP_ID));

    Care360::MainWindow window(options);
    window.show();
    return app.exec();
}
