#include "profilekeys.h"

#include "credentialstore.h"

#include "app/logging.h"

#include <functional>

namespace Care360 {

namespace {
using Status = CredentialResult::Status;
using Finished = void (CredentialStore::*)(const QString &, const CredentialResult &);

// Runs store operations one after another, each answered by the store's signal for its entry;
// deletes itself after the last. Several steps (read, copy, delete) make one answer.
class KeySteps : public QObject {
public:
    using Next = std::function<void(const CredentialResult &)>;

    explicit KeySteps(CredentialStore *store)
        : QObject(store)
        , m_store(store)
    {
    }

    void run(Finished signal, const QString &entry, const std::function<void()> &start, Next next)
    {
        QObject::disconnect(m_connection);
        m_connection = connect(m_store, signal, this,
                               [this, entry, next](const QString &done, const CredentialResult &r) {
                                   if (done != entry)
                                       return;
                                   QObject::disconnect(m_connection);
                                   next(r);
                               });
        start();
    }
    void finish() { deleteLater(); }

private:
    CredentialStore *m_store;
    QMetaObject::Connection m_connection;
};
} // namespace

ProfileKeys::ProfileKeys(CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

QString ProfileKeys::entryName(const QString &profileId)
{
    return profileId.isEmpty() ? QString() : QStringLiteral("cv-api-key#") + profileId;
}

QString ProfileKeys::entryOf(const Profile &profile)
{
    // A profile needs a usable address: a key for nowhere is refused (the store's sentence).
    if (Profile::addressKeyEntry(profile.environment.baseUrl).isEmpty() && !profile.isPractice())
        return {};
    return profile.id.isEmpty() ? profile.legacyKeyEntry() : entryName(profile.id);
}

void ProfileKeys::read(const Profile &profile)
{
    const QString own = entryOf(profile);
    const QString old = profile.id.isEmpty() ? QString() : profile.legacyKeyEntry();
    const QString id = profile.id;
    auto *steps = new KeySteps(m_store);
    const auto answer = [this, steps, id](const CredentialResult &result) {
        steps->finish();
        emit readFinished(id, result);
    };
    steps->run(
        &CredentialStore::readFinished, own, [this, own] { m_store->read(own); },
        [this, steps, own, old, answer](const CredentialResult &mine) {
            if (mine.status != Status::NotFound || old.isEmpty())
                return answer(mine);
            steps->run(
                &CredentialStore::readFinished, old, [this, old] { m_store->read(old); },
                [this, steps, own, old, answer](const CredentialResult &before) {
                    if (before.status != Status::Ok)
                        return answer(before);
                    qCInfo(lcKeychain) << "moving" << old << "to" << own;
                    steps->run(
                        &CredentialStore::writeFinished, own,
                        [this, own, key = before.key] { m_store->write(own, key); },
                        [this, steps, old, answer, before](const CredentialResult &w) {
                            // Deleted only once the copy is in: a move cut short
                            // leaves the old entry, read again next time.
                            if (!w.isSuccess() || w.inMemoryOnly)
                                return answer(before);
                            steps->run(
                                &CredentialStore::removeFinished, old,
                                [this, old] { m_store->remove(old); },
                                [answer, before](const CredentialResult &) { answer(before); });
                        });
                });
        });
}

void ProfileKeys::write(const Profile &profile, const QString &key)
{
    const QString own = entryOf(profile);
    const QString id = profile.id;
    auto *steps = new KeySteps(m_store);
    steps->run(
        &CredentialStore::writeFinished, own, [this, own, key] { m_store->write(own, key); },
        [this, steps, id](const CredentialResult &result) {
            steps->finish();
            emit writeFinished(id, result);
        });
}

void ProfileKeys::remove(const Profile &profile)
{
    const QString own = entryOf(profile);
    const QString old = profile.id.isEmpty() ? QString() : profile.legacyKeyEntry();
    const QString id = profile.id;
    auto *steps = new KeySteps(m_store);
    steps->run(
        &CredentialStore::removeFinished, own, [this, own] { m_store->remove(own); },
        [this, steps, id, old](const CredentialResult &mine) {
            if (old.isEmpty() || !(mine.status == Status::Ok || mine.status == Status::NotFound)) {
                steps->finish();
                emit removeFinished(id, mine);
                return;
            }
            steps->run(
                &CredentialStore::removeFinished, old, [this, old] { m_store->remove(old); },
                [this, steps, id, mine](const CredentialResult &before) {
                    steps->finish();
                    // Gone from both: Ok if either held it, else the first answer.
                    const bool ok =
                        before.status == Status::Ok || before.status == Status::NotFound;
                    emit removeFinished(id, !ok || mine.status == Status::NotFound ? before : mine);
                });
        });
}

std::optional<QString> ProfileKeys::memoryKey(const Profile &profile) const
{
    return m_store->memoryKey(entryOf(profile));
}

} // namespace Care360

#include "moc_profilekeys.cpp"
