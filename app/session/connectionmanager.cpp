#include "connectionmanager.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/logging.h"
#if CARE360_WITH_SANDBOX
#include "app/sandbox/sandboxserver.h"

#include <memory>
#endif

namespace Care360 {

ConnectionManager::ConnectionManager(ApiClient *client, CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(m_store, &CredentialStore::readFinished, this, &ConnectionManager::onKeyRead);
}

bool ConnectionManager::selectEnvironment(const Environment &requested)
{
    Environment environment = requested;
    if (environment.kind == Environment::Kind::Sandbox) {
        if (!m_sandbox && !startSandbox())
            return false;
        environment.baseUrl = m_sandboxUrl;
    }
    m_environment = environment;
    m_client->setBaseUrl(environment.baseUrl);
    m_client->setApiKey(QString());
    emit environmentChanged(environment);

    if (environment.kind == Environment::Kind::Sandbox) {
        m_client->setApiKey(m_sandboxKey);
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
#if CARE360_WITH_SANDBOX
    auto server = std::make_unique<Sandbox::SandboxServer>();
    server->setRecordingEnabled(false);
    QString error;
    if (m_sandboxDataFile.isEmpty()) {
        server->store().loadDemo();
    } else if (!server->store().loadFile(m_sandboxDataFile, &error)) {
        emit problem(
            tr("The sandbox data file %1 cannot be used: %2").arg(m_sandboxDataFile, error));
        return false;
    }
    if (server->listen() == 0) {
        emit problem(tr("The practice sandbox could not start: no free local port."));
        return false;
    }
    // The first key of the first organisation: the demo's Acme key, or a data file's own.
    const QList<Sandbox::SandboxOrganization> organizations = server->store().organizations();
    m_sandboxKey = organizations.isEmpty() ? QString() : organizations.first().apiKeys.value(0);
    m_sandboxUrl = server->baseUrl();
    qCInfo(lcApp) << "in-process sandbox listening on" << m_sandboxUrl.toString();
    m_sandbox = server.release();
    m_sandbox->setParent(this);
    return true;
#else
    emit problem(tr("This build of the console has no practice sandbox; choose Staging, "
                    "Production or a custom URL."));
    return false;
#endif
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
