#include "clidirectory.h"

#include "app/exitcodes.h"
#include "app/session/profilestore.h"
#include "app/session/settings.h"
#include "clifiles.h"
#include "clioutput.h"
#include "models/assigneedirectory.h"
#include "models/teamdirectory.h"
#include "models/untrustedtext.h"

#include <QDir>
#include <QSettings>

namespace Care360 {

int CliDirectory::run(const CliOptions &options, const QString &profileId, QTextStream &out,
                      QTextStream &err)
{
    return options.subcommand == QLatin1String("import")
        ? import(options.directoryPath, profileId, out, err)
        : show(profileId, out);
}

void CliDirectory::loadPeople(AssigneeDirectory *people, const QString &profileId)
{
    // An empty id: the set kept before profiles (an address alone), then every profile's.
    QStringList ids { profileId };
    if (profileId.isEmpty()) {
        for (const Profile &profile : ProfileStore().profiles())
            ids.append(profile.id);
    }
    QList<TeamMember> team;
    QVariantMap emails;
    for (const QString &id : std::as_const(ids)) {
        Settings settings;
        settings.setProfile(id);
        AssigneeDirectory theirs;
        theirs.teamFromVariantList(settings.teamDirectory());
        team += theirs.team();
        emails.insert(settings.assigneeEmails());
    }
    people->setTeam(team);
    people->fromVariantMap(emails);
}

int CliDirectory::import(const QString &path, const QString &profileId, QTextStream &out,
                         QTextStream &err)
{
    QByteArray bytes;
    QString error;
    if (!CliFiles::read(path, QStringLiteral("directory import"), TeamDirectoryFile::maxBytes,
                        &bytes, &error)) {
        err << error << Qt::endl;
        return Exit::Usage;
    }
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(bytes);
    if (!parsed.error.isEmpty()) {
        err << tr("Nothing was imported: %1").arg(parsed.error) << Qt::endl;
        return Exit::ValidationFailed;
    }
    AssigneeDirectory people;
    people.setTeam(parsed.members);
    {
        Settings settings; // written when it goes out of scope
        settings.setProfile(profileId);
        settings.setTeamDirectory(people.teamToVariantList());
    }
    // Same names as Settings, so this is its file; sync() reports a write that failed.
    QSettings written;
    written.sync();
    const QString location = QDir::toNativeSeparators(written.fileName());
    if (written.status() != QSettings::NoError) {
        err << tr("The team directory could not be saved in %1.").arg(location) << Qt::endl;
        return Exit::Unexpected;
    }
    // Worded without a plural, so it needs no numerus entry in translations/care360_en.ts.
    out << tr("Team directory imported into %1 (people: %2); the console shows it too.")
               .arg(location)
               .arg(parsed.members.size())
        << Qt::endl;
    return Exit::Success;
}

int CliDirectory::show(const QString &profileId, QTextStream &out)
{
    AssigneeDirectory people;
    Settings settings;
    settings.setProfile(profileId);
    people.teamFromVariantList(settings.teamDirectory());
    if (people.team().isEmpty()) {
        out << tr("The team directory is empty; import one with \"directory import FILE\".")
            << Qt::endl;
        return Exit::Success;
    }
    QList<QStringList> rows { { tr("USER ID"), tr("E-MAIL"), tr("NAME") } };
    // The settings file can be edited by hand: nothing in it reaches the terminal raw.
    using UntrustedText::visible;
    for (const TeamMember &member : people.team())
        rows.append({ visible(member.userId), visible(member.email), visible(member.name) });
    out << CliOutput::columns(rows) << Qt::flush;
    return Exit::Success;
}

} // namespace Care360
