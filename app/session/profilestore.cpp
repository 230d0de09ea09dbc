#include "profilestore.h"

#include "settings.h"

#include <QDir>
#include <QUuid>

#include <algorithm>

namespace Care360 {

namespace {
const QString kList = QStringLiteral("profiles/list");
const QString kLast = QStringLiteral("profiles/last");
const QString kMigrated = QStringLiteral("profiles/migratedSettings");
constexpr int kMaxName = 80;

QVariantMap toMap(const Profile &p)
{
    return { { QStringLiteral("id"), p.id },
             { QStringLiteral("name"), p.name },
             { QStringLiteral("environment"), p.environment.name() },
             { QStringLiteral("baseUrl"), p.environment.baseUrl },
             { QStringLiteral("place"), p.place },
             { QStringLiteral("fromAddress"), p.fromAddress } };
}

std::optional<Profile> fromMap(const QVariantMap &map)
{
    const auto kind =
        Environment::kindFromName(map.value(QStringLiteral("environment")).toString());
    Profile p;
    p.id = map.value(QStringLiteral("id")).toString();
    p.name = map.value(QStringLiteral("name")).toString();
    p.place = map.value(QStringLiteral("place")).toString();
    p.fromAddress = map.value(QStringLiteral("fromAddress")).toBool();
    if (!kind || *kind == Environment::Kind::Sandbox || p.id.isEmpty() || p.place.isEmpty())
        return std::nullopt; // written by something else: left alone, never guessed at
    // The address as stored: a Production profile may point at a test server.
    const QUrl baseUrl = map.value(QStringLiteral("baseUrl")).toUrl();
    p.environment = baseUrl.isValid() && !baseUrl.isEmpty() ? Environment { *kind, baseUrl }
                                                            : Environment::fromKind(*kind);
    return p;
}

bool sameAddress(const Environment &a, const Environment &b)
{
    return a.kind == b.kind
        && Profile::addressKeyEntry(a.baseUrl) == Profile::addressKeyEntry(b.baseUrl);
}

bool hasLineBreakOrControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
            || c.category() == QChar::Separator_Paragraph;
    });
}
} // namespace

ProfileStore::ProfileStore() = default;

QList<Profile> ProfileStore::profiles() const
{
    m_settings.sync(); // another process (the CLI, a second console) may have changed them
    QList<Profile> list;
    const QVariantList stored = m_settings.value(kList).toList();
    for (int i = 0; i < stored.size(); ++i) {
        if (auto profile = fromMap(stored.at(i).toMap())) {
            profile->order = i;
            list.append(*profile);
        }
    }
    std::stable_sort(list.begin(), list.end(), [](const Profile &a, const Profile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return list;
}

namespace {
// By id, then by name (case-insensitive), then by place: one reading of the settings.
std::optional<Profile> findIn(const QList<Profile> &list, const QString &wanted, bool byPlace)
{
    const auto match = [&list](auto predicate) -> std::optional<Profile> {
        const auto it = std::find_if(list.cbegin(), list.cend(), predicate);
        return it == list.cend() ? std::nullopt : std::optional<Profile>(*it);
    };
    if (auto found = match([&](const Profile &p) { return p.id == wanted; }))
        return found;
    if (auto found = match(
            [&](const Profile &p) { return p.name.compare(wanted, Qt::CaseInsensitive) == 0; }))
        return found;
    if (byPlace)
        return match([&](const Profile &p) { return p.place == wanted; });
    return std::nullopt;
}
} // namespace

std::optional<Profile> ProfileStore::find(const QString &nameOrId) const
{
    return findIn(profiles(), nameOrId.trimmed(), false);
}

QString ProfileStore::nameProblem(const QString &name, const QString &exceptId) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter a name for the organisation.");
    if (trimmed.size() > kMaxName)
        return tr("The name is too long: at most %Ln characters.", nullptr, kMaxName);
    if (hasLineBreakOrControl(trimmed))
        return tr("The name must be one line of text.");
    for (const Profile &p : profiles()) {
        if (p.id != exceptId && p.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return tr("There is already an organisation called \"%1\". Choose another name.")
                .arg(p.name);
    }
    return {};
}

std::optional<Profile> ProfileStore::add(const QString &name, const Environment &environment,
                                         QString *problem)
{
    *problem = nameProblem(name);
    if (problem->isEmpty() && environment.kind == Environment::Kind::Sandbox)
        *problem = tr("The sandbox's practice organisations are built in.");
    if (problem->isEmpty() && Profile::addressKeyEntry(environment.baseUrl).isEmpty())
        *problem = tr("The address \"%1\" is not a valid URL.").arg(environment.baseUrl.toString());
    if (!problem->isEmpty())
        return std::nullopt;
    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = name.trimmed();
    profile.environment = environment;
    profile.place = QStringLiteral("profile:") + profile.id;
    QList<Profile> list = profiles();
    profile.order = int(m_settings.value(kList).toList().size());
    list.append(profile);
    if (!save(list, problem)) {
        *problem += QLatin1Char(' ') + tr("%1 was not added.").arg(profile.name);
        return std::nullopt;
    }
    return profile;
}

bool ProfileStore::rename(const QString &id, const QString &newName, QString *problem)
{
    *problem = nameProblem(newName, id);
    if (!problem->isEmpty())
        return false;
    QList<Profile> list = profiles();
    for (Profile &p : list) {
        if (p.id == id) {
            p.name = newName.trimmed();
            if (save(list, problem))
                return true;
            *problem += QLatin1Char(' ') + tr("The name stays as it was.");
            return false;
        }
    }
    *problem = tr("That organisation no longer exists.");
    return false;
}

bool ProfileStore::remove(const QString &id, QString *problem)
{
    QList<Profile> list = profiles();
    const auto removed = list.removeIf([&id](const Profile &p) { return p.id == id; });
    if (removed == 0)
        return false;
    if (!save(list, problem))
        return false;
    m_settings.remove(Settings::profileGroup(id));
    if (lastProfileId() == id)
        m_settings.remove(kLast);
    return true;
}

Profile ProfileStore::forAddress(const Environment &environment, bool *created)
{
    if (created)
        *created = false;
    if (environment.kind == Environment::Kind::Sandbox)
        return firstPractice();
    QList<Profile> onAddress;
    const QList<Profile> list = profiles();
    for (const Profile &p : list) {
        if (sameAddress(p.environment, environment)) {
            if (p.fromAddress)
                return p;
            onAddress.append(p);
        }
    }
    if (onAddress.size() == 1)
        return onAddress.constFirst();
    Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name =
        uniqueName(environment.kind == Environment::Kind::Custom ? environment.baseUrl.host()
                                                                 : environment.displayName());
    profile.environment = environment;
    profile.place = Profile::placeOf(environment);
    profile.fromAddress = true;
    profile.order = int(m_settings.value(kList).toList().size());
    QList<Profile> updated = list;
    updated.append(profile);
    save(updated); // unsaved (a full disk), it still serves this run, and is made again next time
    copyLegacyData(profile, false);
    if (created)
        *created = true;
    return profile;
}

QString ProfileStore::lastProfileId() const
{
    return m_settings.value(kLast).toString();
}

void ProfileStore::setLastProfileId(const QString &id)
{
    m_settings.setValue(kLast, id);
}

void ProfileStore::migrateSettings()
{
    if (m_settings.value(kMigrated).toBool())
        return;
    const Settings legacy;
    const auto lastKind = Environment::kindFromName(legacy.lastEnvironment());
    const QUrl custom = legacy.customBaseUrl();
    QList<Environment> known;
    if (lastKind && *lastKind != Environment::Kind::Sandbox
        && (*lastKind != Environment::Kind::Custom || !custom.isEmpty()))
        known.append(Environment::fromKind(*lastKind, custom));
    if (!custom.isEmpty() && (!lastKind || *lastKind != Environment::Kind::Custom))
        known.append(Environment::custom(custom));
    for (const Environment &environment : std::as_const(known)) {
        const Profile profile = forAddress(environment);
        // The recent cases belonged to the environment used last (they never said which).
        copyLegacyData(profile, environment.kind == lastKind);
        if (environment.kind == lastKind && lastProfileId().isEmpty())
            setLastProfileId(profile.id);
    }
    if (lastKind == Environment::Kind::Sandbox) {
        const Profile practice = firstPractice();
        copyLegacyData(practice, true);
        if (lastProfileId().isEmpty())
            setLastProfileId(practice.id);
    }
    m_settings.setValue(kMigrated, true); // last: an interrupted run does it all again
}

void ProfileStore::copyLegacyData(const Profile &profile, bool withRecentCases)
{
    Settings legacy;
    Settings mine;
    mine.setProfile(profile.id);
    // The team and the e-mails learnt were one set for every address: each profile made from an
    // address starts with them, and the agent imports each organisation's own later. What the
    // profile has of its own already (a migration that ran before, the agent's since) stays.
    if (mine.teamDirectory().isEmpty())
        mine.setTeamDirectory(legacy.teamDirectory());
    if (mine.assigneeEmails().isEmpty())
        mine.setAssigneeEmails(legacy.assigneeEmails());
    if (!withRecentCases || !mine.recentCases().isEmpty())
        return;
    const QStringList cases = legacy.recentCases();
    for (auto it = cases.crbegin(); it != cases.crend(); ++it)
        mine.addRecentCase(*it, legacy.recentCaseTitle(*it));
}

QList<Profile> ProfileStore::practiceProfiles(const QStringList &organisationNames)
{
    const QStringList names = organisationNames.isEmpty()
        ? QStringList { Environment::sandbox(QUrl()).displayName() }
        : organisationNames;
    QList<Profile> list;
    for (int i = 0; i < names.size(); ++i) {
        Profile p;
        p.id = Profile::practiceId(i);
        p.name = names.at(i);
        p.environment = Environment::sandbox(QUrl());
        p.place = Profile::practicePlace(i);
        p.practiceIndex = i;
        list.append(p);
    }
    return list;
}

std::optional<Profile> ProfileStore::practiceProfile(const QString &idOrPlace)
{
    // The two spellings Profile::practiceId and Profile::practicePlace give, read back.
    const QString sandbox = Environment::name(Environment::Kind::Sandbox);
    int index = -1; // toInt() gives 0 for what is not a number: -1, refused below
    if (idOrPlace == sandbox)
        index = 0;
    else if (idOrPlace.startsWith(sandbox + QLatin1Char('-')))
        index = idOrPlace.mid(sandbox.size() + 1).toInt() - 1;
    else if (idOrPlace.startsWith(QLatin1String("practice-")))
        index = idOrPlace.mid(9).toInt() - 1;
    if (index < 0
        || (Profile::practiceId(index) != idOrPlace && Profile::practicePlace(index) != idOrPlace))
        return std::nullopt;
    Profile profile = firstPractice();
    profile.id = Profile::practiceId(index);
    profile.place = Profile::practicePlace(index);
    profile.practiceIndex = index;
    return profile;
}

std::optional<Profile> ProfileStore::anyProfile(const QString &idNameOrPlace) const
{
    if (const auto practice = practiceProfile(idNameOrPlace))
        return practice;
    return findIn(profiles(), idNameOrPlace, true);
}

QList<Profile> ProfileStore::profilesThatOpened(const QString &caseId) const
{
    QList<std::pair<int, Profile>> found;
    for (const Profile &p : profiles()) {
        Settings settings;
        settings.setProfile(p.id);
        const int at = int(settings.recentCases().indexOf(caseId));
        if (at >= 0)
            found.append({ at, p });
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Profile> list;
    for (const auto &entry : std::as_const(found))
        list.append(entry.second);
    return list;
}

bool ProfileStore::save(QList<Profile> list, QString *problem)
{
    // In the order they were made (see Profile::order).
    std::stable_sort(list.begin(), list.end(),
                     [](const Profile &a, const Profile &b) { return a.order < b.order; });
    QVariantList stored;
    for (const Profile &p : std::as_const(list))
        stored.append(toMap(p));
    // A QSettings of its own: an error's status would stay with a longer-lived one.
    QSettings settings;
    const QVariant before = settings.value(kList);
    settings.setValue(kList, stored);
    settings.sync();
    if (settings.status() == QSettings::NoError)
        return true;
    // Not on disk: not in this process's shared copy either, or a later write of anything else
    // would bring it back unasked.
    if (before.isValid())
        settings.setValue(kList, before);
    else
        settings.remove(kList);
    if (problem)
        *problem = tr("The list of organisations could not be saved in %1: the disk may be "
                      "full or read-only.")
                       .arg(QDir::toNativeSeparators(settings.fileName()));
    return false;
}

QString ProfileStore::uniqueName(const QString &wanted) const
{
    QString name = wanted;
    for (int n = 2; !nameProblem(name).isEmpty() && n < 1000; ++n)
        name = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
    return name;
}

} // namespace Care360
