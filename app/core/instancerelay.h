#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace Care360 {

// One console per user and settings location (KeePassXC's Application does the same): the first
// launch listens on a local socket under XDG_RUNTIME_DIR; a later launch hands its arguments and
// the desktop's activation token to it and exits, so a case is never edited in two processes.
// A socket left by a killed console is removed; a lock file keeps two simultaneous launches from
// both becoming the running one.
class InstanceRelay : public QObject {
    Q_OBJECT
public:
    enum class Role { Running, HandedOver, Alone };
    Q_ENUM(Role)

    // scope: what makes two consoles the same one (the settings file's path).
    explicit InstanceRelay(const QString &scope, QObject *parent = nullptr);
    ~InstanceRelay() override;

    // Hands the arguments to a running console (HandedOver: this process should exit), or
    // becomes the running one (Running), or, when no socket can be used, runs alone (Alone).
    Role start(const QStringList &arguments, const QByteArray &activationToken);
    QString socketPath() const { return m_path; }

signals:
    // A later launch's arguments (without the program name) and its activation token.
    void requested(const QStringList &arguments, const QByteArray &activationToken);

private:
    bool handOver(const QStringList &arguments, const QByteArray &activationToken);
    void onConnection();

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace Care360
