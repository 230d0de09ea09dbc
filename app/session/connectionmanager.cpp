#include "connectionmanager.h"

#include "app/api/apiclient.h"
#include "app/credentials/profilekeys.h"
#include "app/logging.h"
#include "profilestore.h"

namespace Care360 {

ConnectionManager::ConnectionManager(ApiClient *client, ProfileKeys *keys, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_keys(keys)
{
    connect(m_keys, &ProfileKeys::readFinished, this, &ConnectionManager::onKeyRead);
}

ConnectionManager::~ConnectionManager() = default;

void ConnectionManager::setPracticeServerFactory(PracticeServerFactory factory)
{
    m_sandboxFactory = std::move(factory);
}

bool ConnectionManager::selectProfile(const Profile &requested)
{
    Profile profile = requested;
    if (profile.isPractice()) {
        if (!m_sandbox && !startSandbox())
            return false;
        // The placeholder named before the sandbox ran becomes its organisation, at its address.
        const QList<Profile> practice = practiceProfiles();
        profile = practice.value(profile.practiceIndex, practice.constFirst());
    }
    m_profile = profile;
    m_client->setBaseUrl(profile.environment.baseUrl);
    m_client->setApiKey(QString());
    emit profileChanged(profile);

    if (profile.isPractice()) {
        m_client->setApiKey(m_sandbox->practiceOrganisations().value(profile.practiceIndex).key);
        setKeyState(KeyState::SandboxDemo);
    } else if (const std::optional<QString> key = m_keys->memoryKey(profile)) {
        m_client->setApiKey(*key);
        setKeyState(KeyState::MemoryOnly);
    } else {
        setKeyState(KeyState::Loading);
        m_keys->read(profile);
    }
    return true;
}

QList<Profile> ConnectionManager::practiceProfiles() const
{
    if (!hasSandbox())
        return {};
    QStringList names;
    if (m_sandbox) {
        for (const PracticeServer::PracticeOrganisation &organisation :
             m_sandbox->practiceOrganisations())
            names.append(organisation.name);
    }
    QList<Profile> profiles = ProfileStore::practiceProfiles(names);
    for (Profile &profile : profiles)
        profile.environment.baseUrl = m_sandbox ? m_sandbox->baseUrl() : QUrl();
    return profiles;
}

bool ConnectionManager::startSandbox()
{
    if (!m_sandboxFactory) {
        emit problem(tr("This build of the console has no practice sandbox; choose Staging, "
                        "Production or a custom URL."));
        return false;
    }
    QString problemText;
    m_sandbox = m_sandboxFactory(m_sandboxDataFile, &problemText);
    if (!m_sandbox)
        emit problem(problemText);
    return bool(m_sandbox);
}

void ConnectionManager::onKeyRead(const QString &profileId, const CredentialResult &result)
{
    // An answer for a profile the agent has left, or overtaken by a key just entered.
    if (profileId != m_profile.id || m_keyState != KeyState::Loading)
        return;
    const Profile profile = m_profile; // slots may switch profile
    switch (result.status) {
    case CredentialResult::Status::Ok:
        m_client->setApiKey(result.key);
        setKeyState(KeyState::Keychain);
        return;
    case CredentialResult::Status::NotFound:
        setKeyState(KeyState::None);
        emit keyMissing(profile, QString());
        return;
    default:
        setKeyState(KeyState::None);
        emit keyMissing(profile, result.userMessage());
        return;
    }
}

void ConnectionManager::useKey(const QString &key, bool inMemoryOnly)
{
    m_client->setApiKey(key);
    setKeyState(inMemoryOnly ? KeyState::MemoryOnly : KeyState::Keychain);
}

void ConnectionManager::forgetKey()
{
    m_client->setApiKey(QString());
    setKeyState(KeyState::None);
}

void ConnectionManager::setKeyState(KeyState state)
{
    m_keyState = state;
    emit keyStateChanged(state);
}

QString ConnectionManager::keyStateText() const
{
    switch (m_keyState) {
    case KeyState::None:
        return tr("No API key");
    case KeyState::Loading:
        return tr("Reading key…");
    case KeyState::Keychain:
        return tr("Key saved in keychain");
    case KeyState::MemoryOnly:
        return tr("Key in memory only");
    case KeyState::SandboxDemo:
        return tr("Sandbox demo key");
    }
    return QString();
}

} // namespace Care360

#include "moc_connectionmanager.cpp"
