// The key path, one way: key dialog -> core -> credential store -> client.
#include "caseworkspace.h"

#include "app/credentials/credentialstore.h"
#include "app/session/connectionmanager.h"

#include <utility>

namespace Care360 {

namespace {
CaseWorkspace::KeyResult keyResult(const CredentialResult &result, bool ok)
{
    return { ok, result.inMemoryOnly, ok ? QString() : result.userMessage() };
}
} // namespace

std::optional<QString> CaseWorkspace::normalizeKey(const QString &input, QString *problem)
{
    return CredentialStore::normalizeKey(input, problem);
}

QString CaseWorkspace::keyEntryDescription() const
{
    if (m_credentials->keychainUnavailable())
        return m_credentials->unavailableMessage();
    return tr("The key is kept in the system keychain (entry %1), never in a file.")
        .arg(CredentialStore::keyName(environment().baseUrl));
}

void CaseWorkspace::saveKey(const QString &key)
{
    m_keyWriteUrl = environment().baseUrl;
    m_keyBeingWritten = key;
    m_credentials->write(m_keyWriteUrl, key);
}

void CaseWorkspace::forgetKey()
{
    m_credentials->remove(environment().baseUrl);
}

void CaseWorkspace::onKeyWritten(const QUrl &baseUrl, const CredentialResult &result)
{
    if (baseUrl != m_keyWriteUrl)
        return;
    m_keyWriteUrl.clear();
    const QString key = std::exchange(m_keyBeingWritten, QString());
    // In memory only is usable for this run; the key state says it will not be remembered.
    const bool usable = result.isSuccess() || result.inMemoryOnly;
    if (usable && baseUrl == environment().baseUrl)
        m_connection->useKey(key, result.inMemoryOnly);
    emit keySaveFinished(keyResult(result, usable));
}

void CaseWorkspace::onKeyRemoved(const QUrl &baseUrl, const CredentialResult &result)
{
    using Status = CredentialResult::Status;
    const bool ok =
        result.status == Status::Ok || result.status == Status::NotFound || result.inMemoryOnly;
    if (ok && baseUrl == environment().baseUrl)
        m_connection->forgetKey();
    emit keyForgetFinished(keyResult(result, ok));
}

} // namespace Care360
