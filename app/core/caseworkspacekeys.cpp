// The key path, one way: key dialog -> core -> credential store -> client.
#include "caseworkspace.h"

#include "app/credentials/credentialstore.h"
#include "app/credentials/profilekeys.h"
#include "app/session/connectionmanager.h"
#include "consoleservices.h"

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
    if (m_services->credentials()->keychainUnavailable())
        return m_services->credentials()->unavailableMessage();
    return tr("The key of %1 is kept in the system keychain (entry %2), never in a file.")
        .arg(profile().label(), ProfileKeys::entryName(profile().id));
}

void CaseWorkspace::saveKey(const QString &key)
{
    m_keyWriteProfile = profile().id;
    m_keyBeingWritten = key;
    m_services->profileKeys()->write(profile(), key);
}

void CaseWorkspace::forgetKey()
{
    m_keyRemoveProfile = profile().id;
    m_services->profileKeys()->remove(profile());
}

void CaseWorkspace::onKeyWritten(const QString &profileId, const CredentialResult &result)
{
    if (profileId.isEmpty() || profileId != m_keyWriteProfile)
        return;
    m_keyWriteProfile.clear();
    const QString key = std::exchange(m_keyBeingWritten, QString());
    // In memory only is usable for this run; the key state says it will not be remembered.
    const bool usable = result.isSuccess() || result.inMemoryOnly;
    if (usable && profileId == profile().id)
        m_connection->useKey(key, result.inMemoryOnly);
    emit keySaveFinished(keyResult(result, usable));
}

void CaseWorkspace::onKeyRemoved(const QString &profileId, const CredentialResult &result)
{
    if (profileId.isEmpty() || profileId != std::exchange(m_keyRemoveProfile, QString()))
        return;
    using Status = CredentialResult::Status;
    const bool ok =
        result.status == Status::Ok || result.status == Status::NotFound || result.inMemoryOnly;
    if (ok && profileId == profile().id)
        m_connection->forgetKey();
    emit keyForgetFinished(keyResult(result, ok));
}

} // namespace Care360
