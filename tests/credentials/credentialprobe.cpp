// A tiny process the credential tests start inside D-Bus sessions of their own (no secrets
// service, a locked keyring): it drives the real CredentialStore or `key` command there.
//   credentialprobe write <url>        key on stdin; writes, reads back, prints JSON
//   credentialprobe read <url>         prints JSON for a blocking read
//   credentialprobe key <sub> <url>    runs the CLI's `key <sub>`
#include "app/credentials/credentialstore.h"
#include "app/credentials/keycommand.h"
#include "app/credentials/stdinsecret.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Care360;

namespace {
QJsonObject describe(const CredentialResult &result)
{
    return { { QStringLiteral("status"), CredentialResult::statusName(result.status) },
             { QStringLiteral("inMemoryOnly"), result.inMemoryOnly },
             { QStringLiteral("detail"), result.detail },
             { QStringLiteral("message"), result.userMessage() } };
}

CredentialResult wait(CredentialStore &store,
                      void (CredentialStore::*signal)(const QString &, const CredentialResult &))
{
    CredentialResult result;
    QEventLoop loop;
    QObject::connect(&store, signal, &loop, [&](const QString &, const CredentialResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

// An address as the CLI's --env custom --base-url names one without a profile: its key in the
// address's own entry.
Profile address(const QUrl &url)
{
    Profile profile;
    profile.environment = Environment::custom(url);
    profile.fromAddress = true;
    return profile;
}

int writeAndReadBack(const QUrl &url)
{
    const QString key = readSecretLineFromStdin().value_or(QString());
    CredentialStore store;
    const QString entry = CredentialStore::keyName(url);
    store.write(entry, key);
    const CredentialResult written = wait(store, &CredentialStore::writeFinished);
    store.read(entry);
    const CredentialResult readBack = wait(store, &CredentialStore::readFinished);
    QJsonObject out { { QStringLiteral("write"), describe(written) },
                      { QStringLiteral("read"), describe(readBack) },
                      { QStringLiteral("readKeyMatches"), readBack.key == key.trimmed() },
                      { QStringLiteral("memoryKeyMatches"),
                        store.memoryKey(entry).value_or(QString()) == key.trimmed() },
                      { QStringLiteral("keychainUnavailable"), store.keychainUnavailable() },
                      { QStringLiteral("unavailableMessage"), store.unavailableMessage() } };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("write"))
        return writeAndReadBack(QUrl(args.at(2)));
    if (args.size() == 3 && args.at(1) == QLatin1String("read")) {
        const QJsonObject out = describe(readKeyBlocking(address(QUrl(args.at(2)))));
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
        return 0;
    }
    if (args.size() == 4 && args.at(1) == QLatin1String("key")) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return runKeyCommand(args.at(2), address(QUrl(args.at(3))), out, err);
    }
    std::fputs("usage: credentialprobe write|read <url> | key set|forget|status <url>\n", stderr);
    return 2;
}
