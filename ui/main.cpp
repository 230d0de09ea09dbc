#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/core/instancerelay.h"
#include "app/sandbox/sandboxthread.h"
#include "app/session/profilestore.h"
#include "app/session/settings.h"
#include "app/translations.h"
#include "care360/version.h"
#include "ui/consolewindows.h"
#include "ui/followupalerts.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void exitWithUsageError(const QString &message)
{
    // QCommandLineParser::showMessageAndExit() is Qt 6.9; Debian ships 6.4.
    fprintf(stderr, "%s\n", qPrintable(message));
    ::exit(2);
}

// Parses a command line into start-up options. Our own launch exits with a message on bad
// input; a later launch's line (handed over by InstanceRelay) was checked by that launch.
Care360::StartupOptions parseOptions(const QStringList &arguments, bool ownLaunch = true)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main",
        "Keep Care360 case escalations current: notes, follow-up dates and assignees.\n"
        "The API key is kept in the system keychain; it is never accepted on the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QApplication::translate("main", "Organisation profile to open, by name or id."),
        QStringLiteral("name"));
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
    parser.addOptions({ profile, environment, baseUrl, caseId, sandboxData });
    if (ownLaunch)
        parser.process(arguments);
    else if (!parser.parse(arguments))
        return {};

    Care360::StartupOptions options;
    options.profile = parser.value(profile).trimmed();
    if (parser.isSet(environment)) {
        options.environment = Care360::Environment::kindFromName(parser.value(environment));
        if (!options.environment && ownLaunch)
            exitWithUsageError(QApplication::translate("main",
                                                       "Unknown environment \"%1\": use "
                                                       "sandbox, staging, production or custom.")
                                   .arg(parser.value(environment)));
    }
    if (parser.isSet(baseUrl)) {
        options.baseUrl = QUrl::fromUserInput(parser.value(baseUrl));
        if ((!options.baseUrl.isValid() || options.baseUrl.host().isEmpty()) && ownLaunch)
            exitWithUsageError(QApplication::translate("main", "\"%1\" is not a usable URL.")
                                   .arg(parser.value(baseUrl)));
        if (!options.environment)
            options.environment = Care360::Environment::Kind::Custom;
    }
    options.caseId = parser.value(caseId);
    options.sandboxDataFile = parser.value(sandboxData);
    return options;
}

// --help and --version are answered by a QCoreApplication, so they work without a display
// (packaging builds the man page from --help); everything else needs the QApplication, which
// also understands Qt's own options such as -platform or -session.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v"
            || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARE360_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("care360.com"));
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        Care360::installTranslations(core);
        parseOptions(core.arguments()); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    Care360::installTranslations(app);
    QApplication::setApplicationDisplayName(QStringLiteral(CARE360_APP_NAME));
    QApplication::setDesktopFileName(QStringLiteral(CARE360_APP_ID));

    const Care360::StartupOptions options = parseOptions(app.arguments());
    // One console per user and settings file: a second launch hands its request over and ends.
    Care360::InstanceRelay relay(QSettings().fileName());
    const auto role = relay.start(app.arguments(), qgetenv("XDG_ACTIVATION_TOKEN"));
    if (role == Care360::InstanceRelay::Role::HandedOver)
        return 0;

    Care360::Settings::releaseAbandonedLock();
    // A console that will open on the sandbox starts it now, beside the window's own start.
    Care360::ProfileStore().migrateSettings();
    const bool onSandbox = options.sandboxDataFile.isEmpty()
        && Care360::CaseWorkspace::startProfile(options, true).isPractice();
    using Care360::Sandbox::SandboxThread;
    Care360::ConsoleServices services(SandboxThread::factory(
        onSandbox ? SandboxThread::Start::Now : SandboxThread::Start::WhenAsked));
    Care360::ConsoleWindows windows(&services);
    QObject::connect(&relay, &Care360::InstanceRelay::requested, &windows,
                     [&windows](const QStringList &arguments, const QByteArray &token) {
                         windows.handle(parseOptions(arguments, false), token);
                     });
    // After a crash the cases that were open come back, each in its window, with their drafts.
    const QList<Care360::StartupOptions> reopen = services.casesOpenAtACrash();
    if (options.caseId.isEmpty() && !options.environment && !reopen.isEmpty()) {
        for (const Care360::StartupOptions &open : reopen)
            windows.open(open);
    } else {
        windows.open(options);
    }
    // Reminders after the first paint: the follow-ups store is opened then, off the start's path.
    QTimer::singleShot(500, &windows, [&services, &windows] {
        new Care360::FollowUpAlerts(&services, &windows, QStringLiteral(CARE360_APP_ID), &windows);
    });
    return app.exec();
}
