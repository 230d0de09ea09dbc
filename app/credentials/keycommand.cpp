#include "keycommand.h"

#include "credentialstore.h"
#include "stdinsecret.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace Care360 {

namespace {
using Status = CredentialResult::Status;
using Finished = void (CredentialStore::*)(const QUrl &, const CredentialResult &);

// Runs one store operation to completion; the CLI never keeps a key in memory.
template<typename Start> CredentialResult runBlocking(Finished finished, Start start)
{
    CredentialStore store;
    store.setMemoryFallbackEnabled(false);
    CredentialResult result;
    QEventLoop loop;
    QObject::connect(&store, finished, &loop, [&](const QUrl &, const CredentialResult &r) {
        result = r;
        loop.quit();
    });
    start(store);
    loop.exec();
    return result;
}

struct KeyCommandText {
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)
};

QString origin(const QUrl &baseUrl)
{
    return CredentialStore::keyName(baseUrl).section(QLatin1Char('@'), 1);
}

int setKey(const QUrl &baseUrl, QTextStream &out, QTextStream &err)
{
    if (stdinIsTerminal()) {
        err << KeyCommandText::tr("Paste the API key for %1 and press Enter (it is not shown):")
                   .arg(origin(baseUrl))
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
    const CredentialResult result =
        runBlocking(&CredentialStore::writeFinished,
                    [&](CredentialStore &store) { store.write(baseUrl, *key); });
    if (!result.isSuccess()) {
        err << result.userMessage() << Qt::endl;
        return Exit::KeychainError;
    }
    out << KeyCommandText::tr("The API key for %1 is saved in the system keychain.")
               .arg(origin(baseUrl))
        << Qt::endl;
    return Exit::Success;
}

int forgetKey(const QUrl &baseUrl, QTextStream &out, QTextStream &err)
{
    const CredentialResult result = runBlocking(
        &CredentialStore::removeFinished, [&](CredentialStore &store) { store.remove(baseUrl); });
    if (result.status != Status::Ok && result.status != Status::NotFound) {
        err << result.userMessage() << Qt::endl;
        return Exit::KeychainError;
    }
    out << KeyCommandText::tr("No API key is stored for %1 any more.").arg(origin(baseUrl))
        << Qt::endl;
    return Exit::Success;
}

int keyStatus(const QUrl &baseUrl, QTextStream &out, QTextStream &err)
{
    const CredentialResult result = readKeyBlocking(baseUrl);
    if (result.status == Status::Ok) {
        out << KeyCommandText::tr("stored: an API key for %1 is saved in the system keychain.")
                   .arg(origin(baseUrl))
            << Qt::endl;
        return Exit::Success;
    }
    if (result.status == Status::NotFound) {
        out << KeyCommandText::tr("not stored: no API key is saved for %1.").arg(origin(baseUrl))
            << Qt::endl;
        return Exit::Success;
    }
    err << result.userMessage() << Qt::endl;
    return Exit::KeychainError;
}
} // namespace

CredentialResult readKeyBlocking(const QUrl &baseUrl)
{
    return runBlocking(&CredentialStore::readFinished,
                       [&](CredentialStore &store) { store.read(baseUrl); });
}

std::optional<QString> loadKeyBlocking(const QUrl &baseUrl, QString *errorMessage)
{
    const CredentialResult result = readKeyBlocking(baseUrl);
    if (result.status == Status::Ok)
        return result.key;
    if (errorMessage)
        *errorMessage = result.userMessage();
    return std::nullopt;
}

int runKeyCommand(const QString &subcommand, const QUrl &baseUrl, QTextStream &out,
                  QTextStream &err)
{
    if (CredentialStore::keyName(baseUrl).isEmpty()) {
        err << KeyCommandText::tr("The environment's address \"%1\" is not a valid URL.")
                   .arg(baseUrl.toDisplayString())
            << Qt::endl;
        return Exit::Usage;
    }
    if (subcommand == QLatin1String("set"))
        return setKey(baseUrl, out, err);
    if (subcommand == QLatin1String("forget"))
        return forgetKey(baseUrl, out, err);
    if (subcommand == QLatin1String("status"))
        return keyStatus(baseUrl, out, err);
    err << KeyCommandText::tr("Unknown key command \"%1\": use set, forget or status.")
               .arg(subcommand)
        << Qt::endl;
    return Exit::Usage;
}

} // namespace Care360
