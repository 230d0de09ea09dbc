#include "legacykeysweep.h"

#include "app/credentials/profilekeys.h"
#include "app/session/profilestore.h"
#include "app/session/settings.h"

#include <QSettings>

namespace Care360 {

namespace {
const QString kSwept = QStringLiteral("profiles/keysMoved");
}

LegacyKeySweep::LegacyKeySweep(ProfileKeys *keys, QObject *parent)
    : QObject(parent)
    , m_keys(keys)
{
    connect(m_keys, &ProfileKeys::readFinished, this,
            [this](const QString &profileId, const CredentialResult &result) {
                if (profileId != m_current.id || m_current.id.isEmpty())
                    return;
                using Status = CredentialResult::Status;
                if (result.status == Status::NotFound && m_made) {
                    // Nothing to move, and nothing else made it: the profile was never needed.
                    Settings mine;
                    mine.setProfile(m_current.id);
                    if (mine.recentCases().isEmpty())
                        ProfileStore().remove(m_current.id);
                } else if (result.status == Status::Ok && m_made) {
                    emit profilesChanged();
                } else if (result.status != Status::Ok && result.status != Status::NotFound) {
                    m_complete = false;
                }
                m_current = Profile();
                next();
            });
}

void LegacyKeySweep::start()
{
    if (QSettings().value(kSwept).toBool()) {
        emit finished();
        return;
    }
    m_addresses = { Environment::production(), Environment::staging() };
    if (const QUrl custom = Settings().customBaseUrl(); custom.isValid() && !custom.isEmpty())
        m_addresses.append(Environment::custom(custom));
    next();
}

void LegacyKeySweep::next()
{
    if (m_addresses.isEmpty()) {
        if (m_complete)
            QSettings().setValue(kSwept, true);
        emit finished();
        return;
    }
    const Environment address = m_addresses.takeFirst();
    m_current = ProfileStore().forAddress(address, &m_made);
    m_keys->read(m_current);
}

} // namespace Care360

#include "moc_legacykeysweep.cpp"
