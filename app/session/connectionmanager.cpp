#include "connectionmanager.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/logging.h"

namespace Care360 {

ConnectionManager::ConnectionManager(ApiClient *client, CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(m_store, &CredentialStore::readFinished, this, &ConnectionManager::onKeyRead);
}

ConnectionManager::~ConnectionManager() = default;

void ConnectionManager::setPracticeServerFactory(PracticeServerFactory factory)
{
    m_sandboxFactory = std::move(factory);
}

bool ConnectionManager::selectEnvironment(const Environment &requested)
{
    Environment environment = requested;
    if (environment.kind == Environment::Kind::Sandbox) {
        if (!m_sandbox && !startSandbox())
            return false;
        environment.baseUrl = m_sandbox->baseUrl();
    }
    m_environment = environment;
    m_client->setBaseUrl(environment.baseUrl);
    m_client->setApiKey(QString());
    emit environmentChanged(environment);

    if (environment.kind == Environment::Kind::Sandbox) {
        m_client->setApiKey(m_sandbox->practiceKey());
        setKeyState(KeyState::SandboxDemo);
    } else if (const std::optional<QString> key = m_store->memoryKey(environment.baseUrl)) {
        m_client->setApiKey(*key);
        setKeyState(KeyState::MemoryOnly);
    } else {
        setKeyState(KeyState::Loading);
        m_store->read(environment.baseUrl);
    }
    return true;
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

void ConnectionManager::onKeyRead(const QUrl &baseUrl, const CredentialResult &result)
{
    // An answer for an environment the agent has left, or overtaken by a key just entered.
    if (baseUrl != m_environment.baseUrl || m_keyState != KeyState::Loading)
        return;
    const Environment environment = m_environment; // slots may switch environment
    switch (result.status) {
    case CredentialResult::Status::Ok:
        m_client->setApiKey(result.key);
        setKeyState(KeyState::Keychain);
        return;
    case CredentialResult::Status::NotFound:
        setKeyState(KeyState::None);
        emit keyMissing(environment, QString());
        return;
    default:
        setKeyState(KeyState::None);
        emit keyMissing(environment, result.userMessage());
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
