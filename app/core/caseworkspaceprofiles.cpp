// CaseWorkspace's organisation profiles: which one a start, a switch or a case opens, and what
// changes with it (key, people, recent cases, where drafts and follow-ups are filed).
#include "caseworkspace.h"

#include "app/session/activitylog.h"
#include "app/session/connectionmanager.h"
#include "app/session/profilestore.h"
#include "consoleservices.h"
#include "models/assigneedirectory.h"

namespace Care360 {

std::optional<Profile> CaseWorkspace::profileFor(const StartupOptions &options)
{
    ProfileStore store;
    if (!options.profile.isEmpty())
        return store.anyProfile(options.profile);
    if (!options.environment)
        return std::nullopt;
    const QUrl customUrl = options.baseUrl.isEmpty() ? Settings().customBaseUrl() : options.baseUrl;
    if (*options.environment == Environment::Kind::Custom
        && (!customUrl.isValid() || customUrl.isEmpty()))
        return std::nullopt;
    return store.forAddress(Environment::fromKind(*options.environment, customUrl));
}

Profile CaseWorkspace::startProfile(const StartupOptions &options, bool hasSandbox)
{
    if (const auto asked = profileFor(options))
        return *asked;
    // New users start on the practice sandbox; a build without one starts on Production,
    // which asks for its key.
    ProfileStore store;
    if (const auto last = store.anyProfile(store.lastProfileId());
        last && (hasSandbox || !last->isPractice()))
        return *last;
    return hasSandbox ? ProfileStore::firstPractice() : store.forAddress(Environment::production());
}

CaseWorkspace::Step CaseWorkspace::selectEnvironment(const Environment &requested,
                                                     Confirmation confirmation)
{
    return selectProfile(ProfileStore().forAddress(requested), confirmation);
}

CaseWorkspace::Step CaseWorkspace::selectProfile(const Profile &requested,
                                                 Confirmation confirmation)
{
    if (requested.id == m_connection->profile().id)
        return Step::Nothing;
    if (confirmation == Confirmation::Ask && needsDiscardConfirmation())
        return Step::ConfirmDiscard;
    m_startingUp = false;
    m_startupCaseId.clear();
    prepareToClose(QString(), confirmation);
    m_session->close();
    m_connection->selectProfile(requested);
    return Step::Started;
}

CaseWorkspace::Step CaseWorkspace::openCase(const StartupOptions &options,
                                            Confirmation confirmation)
{
    const std::optional<Profile> target = profileFor(options);
    if (!target || target->id == profile().id)
        return loadCase(options.caseId, confirmation);
    const Step step = selectProfile(*target, confirmation);
    if (step != Step::Started)
        return step;
    if (hasKey())
        loadCase(options.caseId, Confirmation::Given); // a practice key is there at once
    else
        m_startupCaseId = options.caseId; // loaded once the keychain has answered
    return step;
}

Profile CaseWorkspace::profile() const
{
    return m_connection->profile();
}

QList<Profile> CaseWorkspace::profiles() const
{
    return m_connection->practiceProfiles() + ProfileStore().profiles();
}

QList<Profile> CaseWorkspace::otherProfilesThatOpened(const QString &caseId) const
{
    QList<Profile> others = ProfileStore().profilesThatOpened(caseId);
    others.removeIf([this](const Profile &p) { return p.id == profile().id; });
    return others;
}

std::optional<Profile> CaseWorkspace::profileLastUsedFor(const QString &caseId) const
{
    // Only a case this profile never opened: one it knows is opened here without a question.
    if (m_settings.recentCases().contains(caseId))
        return std::nullopt;
    const QList<Profile> others = otherProfilesThatOpened(caseId);
    return others.isEmpty() ? std::nullopt : std::optional<Profile>(others.constFirst());
}

void CaseWorkspace::onProfileChanged(const Profile &profile)
{
    // What was learnt under the profile left stays with it.
    if (!m_settings.profile().isEmpty())
        m_settings.setAssigneeEmails(m_assignees->toVariantMap());
    m_settings.setProfile(profile.id);
    m_assignees->fromVariantMap(m_settings.assigneeEmails());
    m_session->setEnvironmentName(profile.label());
    setDraftsPlace(profile.place);
    releaseOtherCases();
    applyTeamFor(profile);
    ProfileStore().setLastProfileId(profile.id);
    emit environmentChanged(profile.environment);
}

} // namespace Care360
