#include "keycommand.h"

#include "credentialstore.h"
#include "profilekeys.h"
#include "stdinsecret.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace Care360 {

namespace {
using Status = CredentialResult::Status;
using Finished = void (ProfileKeys::*)(const QString &, const CredentialResult &);

// Runs one keychain operation to completion; the CLI never keeps a key in memory.
template<typename Start> CredentialResult runBlocking(Finished finished, Start start)
{
    CredentialStore store;
    store.setMemoryFallbackEnabled(false);
    ProfileKeys keys(&store);
    CredentialResult result;
    QEventLoop loop;
    QObject::connect(&keys, finished, &loop, [&](const QString &, const CredentialResult &r) {
        result = r;
        loop.quit();
    });
    start(keys);
    loop.exec();
    return result;
}

struct KeyCommandText {
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)
};

int setKey(const Profile &profile, QTextStream &out, QTextStream &err)
{
    const QString name = profileDescription(profile);
    if (stdinIsTerminal()) {
        err << KeyCommandText::tr("Paste the API key for %1 and press Enter (it is not shown):")
                   .arg(name)
            << Qt::endl;
    }
    const std::optional<QString> line = readSecretLineFromStdin();
    if (stdinIsTerminal())
        err << Qt::endl;
    QString problem;
    const std::optional<QString> key =
        CredentialStore::normalizeKey(line.value_or(QString()), &problem);
    if (!key) {
        err << problem << Qt::endl;
        return Exit::Usage;
    }
    const CredentialResult result = runBlocking(
        &ProfileKeys::writeFinished, [&](ProfileKeys &keys) { keys.write(profile, *key); });
    if (!result.isSuccess()) {
        err << result.userMessage() << Qt::endl;
        return Exit::KeychainError;
    }
    out << KeyCommandText::tr("The API key for %1 is saved in the system keychain.").arg(name)
        << Qt::endl;
    return Exit::Success;
}

int forgetKey(const Profile &profile, QTextStream &out, QTextStream &err)
{
    const CredentialResult result = removeKeyBlocking(profile);
    if (result.status != Status::Ok && result.status != Status::NotFound) {
        err << result.userMessage() << Qt::endl;
        return Exit::KeychainError;
    }
    out << KeyCommandText::tr("No API key is stored for %1 any more.")
               .arg(profileDescription(profile))
        << Qt::endl;
    return Exit::Success;
}

int keyStatus(const Profile &profile, QTextStream &out, QTextStream &err)
{
    const CredentialResult result = readKeyBlocking(profile);
    const QString name = profileDescription(profile);
    if (result.status == Status::Ok) {
        out << KeyCommandText::tr("stored: an API key for %1 is saved in the system keychain.")
                   .arg(name)
            << Qt::endl;
        return Exit::Success;
    }
    if (result.status == Status::NotFound) {
        out << KeyCommandText::tr("not stored: no API key is saved for %1.").arg(name) << Qt::endl;
        return Exit::Success;
    }
    err << result.userMessage() << Qt::endl;
    return Exit::KeychainError;
}
} // namespace

QString profileDescription(const Profile &profile)
{
    const QString origin =
        CredentialStore::keyName(profile.environment.baseUrl).section(QLatin1Char('@'), 1);
    return profile.id.isEmpty() ? origin : QStringLiteral("%1 (%2)").arg(profile.label(), origin);
}

CredentialResult readKeyBlocking(const Profile &profile)
{
    return runBlocking(&ProfileKeys::readFinished, [&](ProfileKeys &keys) { keys.read(profile); });
}

CredentialResult removeKeyBlocking(const Profile &profile)
{
    return runBlocking(&ProfileKeys::removeFinished,
                       [&](ProfileKeys &keys) { keys.remove(profile); });
}

std::optional<QString> loadKeyBlocking(const Profile &profile, QString *errorMessage)
{
    const CredentialResult result = readKeyBlocking(profile);
    if (result.status == Status::Ok)
        return result.key;
    if (errorMessage)
        *errorMessage = result.userMessage();
    return std::nullopt;
}

int runKeyCommand(const QString &subcommand, const Profile &profile, QTextStream &out,
                  QTextStream &err)
{
    if (ProfileKeys::entryOf(profile).isEmpty()) {
        err << KeyCommandText::tr("The environment's address \"%1\" is not a valid URL.")
                   .arg(profile.environment.baseUrl.toDisplayString())
            << Qt::endl;
        return Exit::Usage;
    }
    if (subcommand == QLatin1String("set"))
        return setKey(profile, out, err);
    if (subcommand == QLatin1String("forget"))
        return forgetKey(profile, out, err);
    if (subcommand == QLatin1String("status"))
        return keyStatus(profile, out, err);
    err << KeyCommandText::tr("Unknown key command \"%1\": use set, forget or status.")
               .arg(subcommand)
        << Qt::endl;
    return Exit::Usage;
}

} // namespace Care360
