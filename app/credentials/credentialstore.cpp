#include "credentialstore.h"

#include "models/profile.h"

#include "app/logging.h"
#include "care360/version.h"
#include "lockedkeyringcheck.h"

#include <qt6keychain/keychain.h>

namespace Care360 {

using Status = CredentialResult::Status;
using Operation = CredentialResult::Operation;

namespace {
const char *operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        break;
    }
    return "remove";
}

CredentialResult makeResult(Operation operation, Status status, const QString &detail = {})
{
    CredentialResult result;
    result.operation = operation;
    result.status = status;
    result.detail = detail;
    return result;
}

// Line breaks a paste can carry, beyond \n and \r (QString::trimmed already removed the outer
// ones).
bool containsLineBreak(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\r' || u == u'\v' || u == u'\f' || u == 0x85 || u == 0x2028
            || u == 0x2029)
            return true;
    }
    return false;
}
} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

CredentialStore::~CredentialStore()
{
    // A job deleted while its backend call is pending would be called back after it is gone
    // (seen with libsecret): let pending jobs finish on their own and delete themselves.
    const QList<QKeychain::Job *> pending =
        findChildren<QKeychain::Job *>(QString(), Qt::FindDirectChildrenOnly);
    for (QKeychain::Job *job : pending) {
        disconnect(job, nullptr, this, nullptr);
        job->setParent(nullptr);
        connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
    }
}

QString CredentialStore::serviceName()
{
    return QStringLiteral(CARE360_APP_ID);
}

QString CredentialStore::keyName(const QUrl &baseUrl)
{
    return Profile::addressKeyEntry(baseUrl);
}

std::optional<QString> CredentialStore::normalizeKey(const QString &input, QString *errorMessage)
{
    const QString key = input.trimmed();
    QString problem;
    if (input.isEmpty())
        problem = tr("Enter the API key: the field is empty.");
    else if (key.isEmpty())
        problem = tr("The API key contains only spaces. Paste the whole key.");
    else if (containsLineBreak(key))
        problem = tr("The API key must be a single line. Paste only the key, without line breaks.");
    if (!problem.isEmpty()) {
        if (errorMessage)
            *errorMessage = problem;
        return std::nullopt;
    }
    return key;
}

void CredentialStore::read(const QString &entry)
{
    if (entry.isEmpty()) {
        emitLater(entry,
                  makeResult(Operation::Read, Status::OtherError,
                             tr("the environment's address is not a valid URL")));
        return;
    }
    // A key entered this run while the keychain was unusable wins over whatever it holds.
    const auto inMemory = m_memoryKeys.constFind(entry);
    if (inMemory != m_memoryKeys.constEnd()) {
        CredentialResult result = makeResult(Operation::Read, Status::Ok);
        result.key = inMemory.value();
        result.inMemoryOnly = true;
        qCInfo(lcKeychain) << "read" << entry << "Ok (in memory only)";
        emitLater(entry, result);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    startJob(job, entry, Operation::Read, {});
}

void CredentialStore::write(const QString &entry, const QString &key)
{
    QString problem;
    const std::optional<QString> normalized = normalizeKey(key, &problem);
    if (entry.isEmpty() || !normalized) {
        emitLater(entry,
                  makeResult(Operation::Write, Status::OtherError,
                             entry.isEmpty() ? tr("the environment's address is not a valid URL")
                                             : problem));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(*normalized);
    startJob(job, entry, Operation::Write, *normalized);
}

void CredentialStore::remove(const QString &entry)
{
    if (entry.isEmpty()) {
        emitLater(entry,
                  makeResult(Operation::Remove, Status::OtherError,
                             tr("the environment's address is not a valid URL")));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    startJob(job, entry, Operation::Remove, {});
}

std::optional<QString> CredentialStore::memoryKey(const QString &entry) const
{
    const auto it = m_memoryKeys.constFind(entry);
    if (it == m_memoryKeys.constEnd())
        return std::nullopt;
    return it.value();
}

QString CredentialStore::unavailableMessage() const
{
    return m_unavailable ? CredentialResult::notRememberedMessage(m_unavailableDetail) : QString();
}

void CredentialStore::startJob(QKeychain::Job *job, const QString &entry, Operation operation,
                               const QString &key)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, key](QKeychain::Job *done) { finishJob(done, operation, key); });
    job->start();
}

void CredentialStore::finishJob(QKeychain::Job *job, Operation operation, const QString &key)
{
    job->deleteLater();
    const QString name = job->key();
    const QString detail = job->error() == QKeychain::NoError ? QString() : job->errorString();
    CredentialResult result =
        makeResult(operation, CredentialResult::classify(job->error(), detail), detail);

    if (result.status == Status::NoBackend) {
        m_unavailable = true;
        m_unavailableDetail = detail;
        if (operation == Operation::Write && m_memoryFallback) {
            m_memoryKeys.insert(name, key);
            result.inMemoryOnly = true;
        } else if (operation == Operation::Remove) {
            result.inMemoryOnly = m_memoryKeys.remove(name) > 0;
        }
    } else if (result.status == Status::Ok || result.status == Status::NotFound) {
        m_unavailable = false;
        m_unavailableDetail.clear();
        // The keychain answered: a stale in-memory copy must not shadow it any more.
        if (operation != Operation::Read)
            m_memoryKeys.remove(name);
    }
    if (operation == Operation::Read && result.status == Status::Ok)
        result.key = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();

    const bool keychainAnswered = result.status == Status::NotFound || result.status == Status::Ok;
    const bool mayHideLock = (operation == Operation::Read && result.status == Status::NotFound)
        || (operation == Operation::Remove && keychainAnswered);
    if (mayHideLock) {
        // libsecret skips items of a locked collection when nobody answers its unlock prompt.
        checkDefaultCollectionLocked(this, [this, name, result](bool locked) mutable {
            if (locked) {
                result.status = Status::Locked;
                result.detail = tr("the keyring that holds the key is locked");
            }
            deliver(name, result);
        });
        return;
    }
    deliver(name, result);
}

void CredentialStore::deliver(const QString &name, const CredentialResult &result)
{
    const char *operation = operationName(result.operation);
    const QString status = CredentialResult::statusName(result.status);
    if (result.status == Status::Ok || result.status == Status::NotFound)
        qCInfo(lcKeychain) << operation << name << status;
    else
        qCWarning(lcKeychain) << operation << name << status << result.detail
                              << (result.inMemoryOnly ? "(kept in memory only)" : "");
    emitNow(name, result);
}

void CredentialStore::emitLater(const QString &entry, const CredentialResult &result)
{
    QMetaObject::invokeMethod(
        this, [this, entry, result] { emitNow(entry, result); }, Qt::QueuedConnection);
}

void CredentialStore::emitNow(const QString &entry, const CredentialResult &result)
{
    switch (result.operation) {
    case Operation::Read:
        emit readFinished(entry, result);
        break;
    case Operation::Write:
        emit writeFinished(entry, result);
        break;
    case Operation::Remove:
        emit removeFinished(entry, result);
        break;
    }
}

} // namespace Care360

#include "moc_credentialstore.cpp"
