#include "app/credentials/keycommand.h"
#include "app/session/profilestore.h"
#include "app/session/settings.h"
#include "app/translations.h"
#include "care360/version.h"
#include "clidirectory.h"
#include "clidue.h"
#include "clioptions.h"
#include "clioutput.h"
#include "cliprofiles.h"
#include "clirunner.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Care360::installTranslations(app);
    // The console's names (ui/main.cpp): they choose the QSettings file, so the team directory
    // imported here is the one the console reads, and list shows the people the console knows.
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARE360_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("care360.com"));
    // stderr is for the one-line error; QT_LOGGING_RULES=care360.api.info=true brings logs back.
    // The follow-ups store's failures (care360.app's only warnings here) get a sentence of ours.
    QLoggingCategory::setFilterRules(
        QStringLiteral("care360.*.info=false\ncare360.app.warning=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    Care360::CliOptionsParser parser(QCoreApplication::arguments().mid(1));
    if (!parser.parse()) {
        err << parser.errorString() << Qt::endl
            << QCoreApplication::translate("main", "Run care360-escalations-cli --help for usage.")
            << Qt::endl;
        return Care360::Exit::Usage;
    }
    const Care360::CliOptions &options = parser.options();
    if (options.help) {
        out << Care360::CliOptionsParser::helpText() << Qt::flush;
        return Care360::Exit::Success;
    }
    if (options.version) {
        out << QStringLiteral("care360-escalations-cli " CARE360_VERSION) << Qt::endl;
        return Care360::Exit::Success;
    }
    using Command = Care360::CliOptions::Command;
    Care360::Settings::releaseAbandonedLock(); // profiles and team directories are written
    Care360::ProfileStore().migrateSettings();
    if (options.command == Command::Due)
        return Care360::CliDue::run(options, out, err); // the store only: no key, no network
    if (options.command == Command::Profile)
        return Care360::CliProfiles::run(options, out, err);
    const std::optional<Care360::Profile> profile = Care360::CliProfiles::resolve(options, err);
    if (!profile)
        return Care360::Exit::Usage;
    if (options.command == Command::Key)
        return Care360::runKeyCommand(options.subcommand, *profile, out, err);
    if (options.command == Command::Directory)
        return Care360::CliDirectory::run(options, profile->id, out, err);

    Care360::CliRunner runner(options, *profile, out, err);
    // Queued, since the runner may be done before the event loop runs.
    QObject::connect(&runner, &Care360::CliRunner::done, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    runner.start();
    return app.exec();
}
