#include "keychaintesthelpers.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace Care360;

namespace KeychainTest {

QUrl uniqueUrl(const QString &label)
{
    const QString tag = QString::number(QRandomGenerator::global()->generate64(), 36);
    return QUrl(QStringLiteral("https://tst-%1-%2.example.invalid/api/v1").arg(label, tag));
}

CredentialResult
waitFor(CredentialStore &store, const QUrl &url, void (CredentialStore::*start)(const QString &),
        void (CredentialStore::*finished)(const QString &, const CredentialResult &))
{
    QSignalSpy spy(&store, finished);
    const QString entry = CredentialStore::keyName(url);
    (store.*start)(entry);
    if (spy.isEmpty() && !spy.wait(20000)) {
        qWarning("keychain operation timed out");
        return {};
    }
    if (spy.at(0).at(0).toString() != entry)
        qWarning("keychain answered for another entry");
    return spy.at(0).at(1).value<CredentialResult>();
}

CredentialResult writeKey(CredentialStore &store, const QUrl &url, const QString &key)
{
    QSignalSpy spy(&store, &CredentialStore::writeFinished);
    store.write(CredentialStore::keyName(url), key);
    if (spy.isEmpty() && !spy.wait(20000))
        return {};
    return spy.at(0).at(1).value<CredentialResult>();
}

CredentialResult readKey(CredentialStore &store, const QUrl &url)
{
    return waitFor(store, url, &CredentialStore::read, &CredentialStore::readFinished);
}

CredentialResult removeKey(CredentialStore &store, const QUrl &url)
{
    return waitFor(store, url, &CredentialStore::remove, &CredentialStore::removeFinished);
}

Profile address(const QUrl &url)
{
    Profile profile;
    profile.environment = Environment::custom(url);
    profile.fromAddress = true;
    return profile;
}

QString secretToolSearch()
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("secret-tool"),
               { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                 CredentialStore::serviceName() });
    if (!tool.waitForFinished(20000))
        return QStringLiteral("<secret-tool did not finish: %1>").arg(tool.errorString());
    return QString::fromUtf8(tool.readAll());
}

QStringList filesContaining(const QStringList &roots, const QByteArray &needle, int *scanned)
{
    QStringList hits;
    *scanned = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).size() > 64 * 1024 * 1024)
                continue; // a developer's HOME may hold huge files that cannot be a key store
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // sockets, FIFOs
            ++*scanned;
            if (file.readAll().contains(needle))
                hits << path;
        }
    }
    return hits;
}

QStringList homeAndXdgRoots(const QProcessEnvironment &env)
{
    QStringList roots;
    // The test session first: it holds the keyring's file and every test's own home.
    for (const char *name : { "CARE360_TEST_SESSION", "HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME",
                              "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" }) {
        const QString dir = env.value(QLatin1String(name));
        if (dir.isEmpty() || roots.contains(dir))
            continue;
        bool inside = false;
        for (const QString &root : roots)
            inside = inside || dir.startsWith(root + QLatin1Char('/'));
        if (!inside)
            roots << dir;
    }
    return roots;
}

} // namespace KeychainTest
