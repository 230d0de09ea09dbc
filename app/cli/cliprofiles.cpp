#include "cliprofiles.h"

#include "app/credentials/keycommand.h"
#include "app/credentials/stdinsecret.h"
#include "app/exitcodes.h"
#include "app/session/profilestore.h"
#include "clioutput.h"
#include "models/untrustedtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace Care360 {

QString CliProfiles::askedName(const CliOptions &options)
{
    return options.profile.isEmpty() ? qEnvironmentVariable("CARE360_PROFILE").trimmed()
                                     : options.profile.trimmed();
}

QString CliProfiles::names(const QList<Profile> &profiles)
{
    QStringList quoted;
    for (const Profile &profile : profiles)
        quoted.append(QStringLiteral("\"%1\"").arg(UntrustedText::visible(profile.name)));
    return quoted.join(QLatin1String(", "));
}

std::optional<Profile> CliProfiles::resolve(const CliOptions &options, QTextStream &err)
{
    ProfileStore store;
    const QList<Profile> profiles = store.profiles();
    if (const QString asked = askedName(options); !asked.isEmpty()) {
        if (const auto named = store.find(asked))
            return named;
        err << (profiles.isEmpty()
                    ? tr("No organisation profile is called \"%1\"; there are none yet. Add one "
                         "with \"profile add NAME --env production\".")
                          .arg(UntrustedText::visible(asked))
                    : tr("No organisation profile is called \"%1\". The profiles are: %2.")
                          .arg(UntrustedText::visible(asked), names(profiles)))
            << Qt::endl;
        return std::nullopt;
    }
    // An address alone, keyed and filed as before profiles: the standalone sandbox (not an
    // organisation), and Production for someone who never made a profile (nothing is created
    // behind their back; the console migrates it once it starts).
    const auto address = [](const Environment &environment) {
        Profile profile;
        profile.environment = environment;
        profile.place = Profile::placeOf(environment);
        profile.fromAddress = true;
        return profile;
    };
    if (options.environmentNamed) {
        if (options.environment.kind == Environment::Kind::Sandbox)
            return address(options.environment);
        return store.forAddress(options.environment);
    }
    if (profiles.size() == 1)
        return profiles.constFirst();
    if (profiles.isEmpty())
        return address(Environment::production());
    err << tr("Several organisation profiles exist (%1): name one with --profile NAME or "
              "CARE360_PROFILE.")
               .arg(names(profiles))
        << Qt::endl;
    return std::nullopt;
}

int CliProfiles::run(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    const QString &sub = options.subcommand;
    if (sub == QLatin1String("add"))
        return add(options, out, err);
    if (sub == QLatin1String("rename"))
        return rename(options, out, err);
    if (sub == QLatin1String("remove"))
        return remove(options, out, err);
    return list(options.format, out, err);
}

int CliProfiles::list(CliOptions::Format format, QTextStream &out, QTextStream &err)
{
    const QList<Profile> profiles = ProfileStore().profiles();
    QJsonArray array;
    QList<QStringList> rows { { tr("NAME"), tr("ENVIRONMENT"), tr("ADDRESS"), tr("KEY"),
                                tr("ID") } };
    int exitCode = Exit::Success;
    for (const Profile &profile : profiles) {
        const CredentialResult key = readKeyBlocking(profile);
        using Status = CredentialResult::Status;
        if (key.status != Status::Ok && key.status != Status::NotFound) {
            err << tr("%1: %2").arg(UntrustedText::visible(profile.name), key.userMessage())
                << Qt::endl;
            exitCode = Exit::KeychainError;
        }
        const bool hasKey = key.status == Status::Ok;
        array.append(
            QJsonObject { { QStringLiteral("id"), profile.id },
                          { QStringLiteral("name"), profile.name },
                          { QStringLiteral("environment"), profile.environment.name() },
                          { QStringLiteral("baseUrl"), profile.environment.baseUrl.toString() },
                          { QStringLiteral("hasKey"), hasKey } });
        rows.append({ UntrustedText::visible(profile.name), profile.environment.displayName(),
                      profile.environment.baseUrl.toString(), hasKey ? tr("stored") : tr("none"),
                      profile.id });
    }
    if (format == CliOptions::Format::Json)
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
    else if (profiles.isEmpty())
        err << tr("No organisation profiles yet; add one with \"profile add NAME --env "
                  "production\".")
            << Qt::endl;
    else
        out << CliOutput::columns(rows) << Qt::flush;
    return exitCode;
}

int CliProfiles::add(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    QString problem;
    const auto added =
        ProfileStore().add(options.profileWords.constFirst(), options.environment, &problem);
    if (!added) {
        err << problem << Qt::endl;
        return Exit::Usage;
    }
    out << tr("Added %1 (id %2). Store its API key with: care360-escalations-cli key set "
              "--profile \"%3\"")
               .arg(profileDescription(*added), added->id, added->name)
        << Qt::endl;
    return Exit::Success;
}

int CliProfiles::rename(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    ProfileStore store;
    const auto profile = store.find(options.profileWords.at(0));
    QString problem;
    if (!profile) {
        err << tr("No organisation profile is called \"%1\".")
                   .arg(UntrustedText::visible(options.profileWords.at(0)))
            << Qt::endl;
        return Exit::Usage;
    }
    if (!store.rename(profile->id, options.profileWords.at(1), &problem)) {
        err << problem << Qt::endl;
        return Exit::Usage;
    }
    out << tr("Renamed \"%1\" to \"%2\"; its key and cases stay with it.")
               .arg(profile->name, options.profileWords.at(1).trimmed())
        << Qt::endl;
    return Exit::Success;
}

int CliProfiles::remove(const CliOptions &options, QTextStream &out, QTextStream &err)
{
    ProfileStore store;
    const auto profile = store.find(options.profileWords.constFirst());
    if (!profile) {
        err << tr("No organisation profile is called \"%1\".")
                   .arg(UntrustedText::visible(options.profileWords.constFirst()))
            << Qt::endl;
        return Exit::Usage;
    }
    const QString question = tr("Remove %1 and delete its API key from the system keychain?")
                                 .arg(profileDescription(*profile));
    if (!options.yes) {
        if (!stdinIsTerminal()) {
            err << question << QLatin1Char(' ') << tr("Confirm with --yes.") << Qt::endl;
            return Exit::Usage;
        }
        err << question << QLatin1Char(' ') << tr("Type yes to remove it:") << Qt::endl;
        QTextStream in(stdin);
        if (in.readLine().trimmed().compare(tr("yes"), Qt::CaseInsensitive) != 0) {
            err << tr("Nothing was removed.") << Qt::endl;
            return Exit::Usage;
        }
    }
    const CredentialResult removed = removeKeyBlocking(*profile);
    using Status = CredentialResult::Status;
    if (removed.status != Status::Ok && removed.status != Status::NotFound) {
        // Kept, so that its key is not left behind without a way to delete it.
        err << tr("%1 was not removed: %2").arg(profileDescription(*profile), removed.userMessage())
            << Qt::endl;
        return Exit::KeychainError;
    }
    QString problem;
    if (!store.remove(profile->id, &problem)) {
        err << tr("The API key of %1 was deleted, but the organisation stays in the list. %2")
                   .arg(profileDescription(*profile), problem)
            << Qt::endl;
        return Exit::Unexpected;
    }
    out << tr("Removed %1 and its API key.").arg(profileDescription(*profile)) << Qt::endl;
    return Exit::Success;
}

} // namespace Care360
