#include "clidue.h"

#include "app/credentials/credentialstore.h"
#include "app/exitcodes.h"
#include "app/followups/followupdatabase.h"
#include "app/session/preferences.h"
#include "app/session/profilestore.h"
#include "clidirectory.h"
#include "cliprofiles.h"
#include "dueoutput.h"
#include "models/assigneedirectory.h"
#include "models/clock.h"
#include "models/untrustedtext.h"

#include <QFileInfo>
#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace Care360 {

int CliDue::run(const CliOptions &given, QTextStream &out, QTextStream &err)
{
    CliOptions options = given;
    options.profile = CliProfiles::askedName(given); // --profile, else CARE360_PROFILE
    AssigneeDirectory people;
    CliDirectory::loadPeople(&people, QString()); // every profile's: due spans them all
    QSet<QString> mine;
    if (options.mine) {
        const std::optional<QSet<QString>> ids = myUserIds(people, err);
        if (!ids)
            return Exit::Usage;
        mine = *ids;
    }
    QList<FollowUp> kept;
    if (!read(&kept, err))
        return Exit::Usage; // "a file that cannot be read", as --help lists it
    const QDateTime now = Clock::currentDateTimeUtc();
    const QList<FollowUp> due = selected(kept, options, mine, now);
    switch (options.format) {
    case CliOptions::Format::Csv:
        out << QString::fromUtf8(DueOutput::csv(due, people)) << Qt::flush;
        break;
    case CliOptions::Format::Json:
        out << QString::fromUtf8(DueOutput::json(due, people)) << Qt::endl;
        break;
    case CliOptions::Format::Table:
        if (!due.isEmpty()) {
            out << DueOutput::table(due, people, now) << Qt::flush;
            break;
        }
        const bool anyKept = !selected(kept, CliOptions(), {}, now).isEmpty();
        err << (anyKept ? tr("None of the follow-ups kept on this computer matches.")
                        : tr("No follow-ups are kept on this computer."))
            << QLatin1Char(' ')
            << tr("They are kept from the cases the console, or this command's list and "
                  "update, have listed.")
            << Qt::endl;
        break;
    }
    return Exit::Success;
}

bool CliDue::read(QList<FollowUp> *kept, QTextStream &err)
{
    const QString file = FollowUpDatabase::defaultFile();
    // Asking makes no file: nothing was listed yet, so nothing is kept.
    if (!QFileInfo::exists(file))
        return true;
    FollowUpDatabase database(file);
    *kept = database.all();
    if (database.isOpen() && database.problem().isEmpty())
        return true;
    err << database.problem().simplified() << Qt::endl;
    return false;
}

QList<FollowUp> CliDue::selected(QList<FollowUp> kept, const CliOptions &options,
                                 const QSet<QString> &mine, const QDateTime &nowUtc)
{
    // What the console would have dropped when it opened the store is not shown either.
    const QDateTime keptSince = nowUtc.addDays(-Preferences().followUpKeepDays());
    const QDateTime dueBy = options.within ? nowUtc.addSecs(options.within->count() * 60) : nowUtc;
    const auto leftOut = [&](const FollowUp &followUp) {
        const QDateTime &due = followUp.followUpDueAt;
        return !due.isValid() || followUp.refreshedAt < keptSince
            || (options.overdueOnly && due >= nowUtc) || (options.within && due > dueBy)
            || (!options.profile.isEmpty() && !matchesProfile(followUp.profile, options.profile))
            || (options.mine && !mine.contains(followUp.assignedToUserId));
    };
    kept.removeIf(leftOut);
    std::stable_sort(kept.begin(), kept.end(), [](const FollowUp &a, const FollowUp &b) {
        return a.followUpDueAt < b.followUpDueAt;
    });
    return kept;
}

bool CliDue::matchesProfile(const QString &profile, const QString &asked)
{
    const QString trimmed = asked.trimmed();
    if (const auto named = ProfileStore().find(trimmed))
        return profile == named->place;
    if (profile.compare(trimmed, Qt::CaseInsensitive) == 0)
        return true;
    const QUrl url(trimmed, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() && profile == CredentialStore::keyName(url);
}

std::optional<QSet<QString>> CliDue::myUserIds(const AssigneeDirectory &people, QTextStream &err)
{
    const QString myEmail = Preferences().myEmail();
    if (myEmail.isEmpty()) {
        err << tr("--mine needs your own Care360 e-mail, and none is set: enter it in the "
                  "console under Settings > Preferences > Follow-ups, or set followUps/myEmail "
                  "in %1.")
                   .arg(QSettings().fileName())
            << Qt::endl;
        return std::nullopt;
    }
    // As the console's Follow-ups view finds them: in the team directory, and learnt.
    const auto isMine = [&myEmail](const QString &email) {
        return email.compare(myEmail, Qt::CaseInsensitive) == 0;
    };
    QSet<QString> mine;
    for (const TeamMember &member : people.team()) {
        if (isMine(member.email))
            mine.insert(member.userId);
    }
    const QVariantMap learnt = people.toVariantMap();
    for (auto it = learnt.cbegin(); it != learnt.cend(); ++it) {
        if (isMine(it.value().toString()))
            mine.insert(it.key());
    }
    if (mine.isEmpty()) {
        err << tr("--mine: neither the team directory nor the e-mails learnt from "
                  "reassignments know the user ID of %1. Import the team directory with "
                  "\"directory import FILE\".")
                   .arg(UntrustedText::shown(myEmail))
            << Qt::endl;
        return std::nullopt;
    }
    return mine;
}

} // namespace Care360
