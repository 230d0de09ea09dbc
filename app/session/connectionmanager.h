#pragma once

#include "models/profile.h"
#include "practiceserver.h"

#include <QObject>
#include <QPointer>

namespace Care360 {

class ApiClient;
class ProfileKeys;
struct CredentialResult;

// Which organisation profile the console talks to, on which environment and with which key. A
// practice profile runs the practice server in-process on a free loopback port, with its
// organisation's key filled in.
class ConnectionManager : public QObject {
    Q_OBJECT
public:
    enum class KeyState { None, Loading, Keychain, MemoryOnly, SandboxDemo };
    Q_ENUM(KeyState)

    ConnectionManager(ApiClient *client, ProfileKeys *keys, QObject *parent = nullptr);
    ~ConnectionManager() override;

    // How to start the practice sandbox; without one the Sandbox environment is not offered.
    void setPracticeServerFactory(PracticeServerFactory factory);
    bool hasSandbox() const { return bool(m_sandboxFactory); }
    // The running practice server, or null (not on the sandbox yet, or none in this build).
    const PracticeServer *practiceServer() const { return m_sandbox.get(); }
    // A JSON data file for the in-process sandbox instead of the built-in demo data.
    void setSandboxDataFile(const QString &path) { m_sandboxDataFile = path; }

    // Switches profile; for a practice one starts the server when needed. False (with problem())
    // when the sandbox cannot start.
    bool selectProfile(const Profile &profile);
    // Its environment carries the running sandbox's address.
    Profile profile() const { return m_profile; }
    Environment environment() const { return m_profile.environment; }
    // The sandbox's organisations as profiles (one placeholder until it runs).
    QList<Profile> practiceProfiles() const;
    KeyState keyState() const { return m_keyState; }
    QString keyStateText() const;

    // After the key dialog saved (or kept in memory) a key for the current profile.
    void useKey(const QString &key, bool inMemoryOnly);
    void forgetKey();

signals:
    void profileChanged(const Care360::Profile &profile);
    void keyStateChanged(Care360::ConnectionManager::KeyState state);
    // No usable key for this profile: the UI asks for one. reason is the keychain's own
    // sentence when reading failed, empty when simply nothing is saved yet.
    void keyMissing(const Care360::Profile &profile, const QString &reason);
    // One sentence for the agent: a keychain or sandbox problem.
    void problem(const QString &message);

private:
    bool startSandbox();
    void onKeyRead(const QString &profileId, const CredentialResult &result);
    void setKeyState(KeyState state);

    ApiClient *m_client;
    ProfileKeys *m_keys;
    PracticeServerFactory m_sandboxFactory;
    std::unique_ptr<PracticeServer> m_sandbox; // null until the Sandbox is chosen
    QString m_sandboxDataFile;
    Profile m_profile;
    KeyState m_keyState = KeyState::None;
};

} // namespace Care360
