#pragma once

#include "models/environment.h"
#include "practiceserver.h"

#include <QObject>
#include <QPointer>

namespace Care360 {

class ApiClient;
class CredentialStore;
struct CredentialResult;

// Which environment the console talks to and with which key. The Sandbox environment runs the
// practice server in-process on a free loopback port, with its key filled in.
class ConnectionManager : public QObject {
    Q_OBJECT
public:
    enum class KeyState { None, Loading, Keychain, MemoryOnly, SandboxDemo };
    Q_ENUM(KeyState)

    ConnectionManager(ApiClient *client, CredentialStore *store, QObject *parent = nullptr);
    ~ConnectionManager() override;

    // How to start the practice sandbox; without one the Sandbox environment is not offered.
    void setPracticeServerFactory(PracticeServerFactory factory);
    bool hasSandbox() const { return bool(m_sandboxFactory); }
    // The running practice server, or null (not on the sandbox yet, or none in this build).
    const PracticeServer *practiceServer() const { return m_sandbox.get(); }
    // A JSON data file for the in-process sandbox instead of the built-in demo data.
    void setSandboxDataFile(const QString &path) { m_sandboxDataFile = path; }

    // Switches environment; for Sandbox starts the server when needed. False (with problem())
    // when the sandbox cannot start.
    bool selectEnvironment(const Environment &environment);
    Environment environment() const { return m_environment; }
    KeyState keyState() const { return m_keyState; }
    QString keyStateText() const;

    // After the key dialog saved (or kept in memory) a key for the current environment.
    void useKey(const QString &key, bool inMemoryOnly);
    void forgetKey();

signals:
    void environmentChanged(const Care360::Environment &environment);
    void keyStateChanged(Care360::ConnectionManager::KeyState state);
    // No usable key for this environment: the UI asks for one. reason is the keychain's own
    // sentence when reading failed, empty when simply nothing is saved yet.
    void keyMissing(const Care360::Environment &environment, const QString &reason);
    // One sentence for the agent: a keychain or sandbox problem.
    void problem(const QString &message);

private:
    bool startSandbox();
    void onKeyRead(const QUrl &baseUrl, const CredentialResult &result);
    void setKeyState(KeyState state);

    ApiClient *m_client;
    CredentialStore *m_store;
    PracticeServerFactory m_sandboxFactory;
    std::unique_ptr<PracticeServer> m_sandbox; // null until the Sandbox is chosen
    QString m_sandboxDataFile;
    Environment m_environment;
    KeyState m_keyState = KeyState::None;
};

} // namespace Care360
