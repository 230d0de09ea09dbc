#include "profilekeys.h"

#include "credentialstore.h"

#include "app/logging.h"

#include <functional>

namespace Care360 {

namespace {
using Status = CredentialResult::Status;
using Next = std::function<void(const CredentialResult &)>;

bool gone(const CredentialResult &result)
{
    return result.status == Status::Ok || result.status == Status::NotFound;
}

// One store operation at a time, each answered by the store's signal for its entry, so that
// several (read, copy, delete) make one answer. Deletes itself once done() is called.
class KeySteps : public QObject {
public:
    explicit KeySteps(CredentialStore *store)
        : QObject(store)
        , m_store(store)
    {
    }

    void read(const QString &entry, Next next)
    {
        await(&CredentialStore::readFinished, entry, std::move(next));
        m_store->read(entry);
    }
    void write(const QString &entry, const QString &key, Next next)
    {
        await(&CredentialStore::writeFinished, entry, std::move(next));
        m_store->write(entry, key);
    }
    void remove(const QString &entry, Next next)
    {
        await(&CredentialStore::removeFinished, entry, std::move(next));
        m_store->remove(entry);
    }
    void done() { deleteLater(); }

private:
    using Finished = void (CredentialStore::*)(const QString &, const CredentialResult &);

    void await(Finished signal, const QString &entry, Next next)
    {
        m_connection =
            connect(m_store, signal, this,
                    [this, entry, next](const QString &answered, const CredentialResult &result) {
                        if (answered != entry)
                            return;
                        QObject::disconnect(m_connection);
                        next(result);
                    });
    }

    CredentialStore *m_store;
    QMetaObject::Connection m_connection;
};

// Copies a key found in from into to, then deletes from; answers with found either way.
void moveKey(KeySteps *steps, const QString &from, const QString &to, const CredentialResult &found,
             const Next &answer)
{
    qCInfo(lcKeychain) << "moving" << from << "to" << to;
    steps->write(to, found.key, [=](const CredentialResult &written) {
        // Deleted only once the copy is in: a move cut short leaves the old entry, read again
        // next time.
        if (!written.isSuccess() || written.inMemoryOnly)
            return answer(found);
        steps->remove(from, [=](const CredentialResult &) { answer(found); });
    });
}
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

QString ProfileKeys::oldEntryOf(const Profile &profile)
{
    return profile.id.isEmpty() ? QString() : profile.legacyKeyEntry();
}

void ProfileKeys::read(const Profile &profile)
{
    auto *steps = new KeySteps(m_store);
    const QString own = entryOf(profile);
    const QString old = oldEntryOf(profile);
    const Next answer = [this, steps, id = profile.id](const CredentialResult &result) {
        steps->done();
        emit readFinished(id, result);
    };
    steps->read(own, [=](const CredentialResult &mine) {
        if (mine.status != Status::NotFound || old.isEmpty())
            return answer(mine);
        steps->read(old, [=](const CredentialResult &before) {
            if (before.status == Status::Ok)
                moveKey(steps, old, own, before, answer);
            else
                answer(before);
        });
    });
}

void ProfileKeys::write(const Profile &profile, const QString &key)
{
    auto *steps = new KeySteps(m_store);
    steps->write(entryOf(profile), key, [this, steps, id = profile.id](const CredentialResult &r) {
        steps->done();
        emit writeFinished(id, r);
    });
}

void ProfileKeys::remove(const Profile &profile)
{
    auto *steps = new KeySteps(m_store);
    const QString old = oldEntryOf(profile);
    const Next answer = [this, steps, id = profile.id](const CredentialResult &result) {
        steps->done();
        emit removeFinished(id, result);
    };
    steps->remove(entryOf(profile), [=](const CredentialResult &mine) {
        if (old.isEmpty() || !gone(mine))
            return answer(mine);
        // Gone from both: the old entry's failure if it failed, else Ok if either held it.
        steps->remove(old, [=](const CredentialResult &before) {
            answer(!gone(before) || mine.status == Status::NotFound ? before : mine);
        });
    });
}

std::optional<QString> ProfileKeys::memoryKey(const Profile &profile) const
{
    return m_store->memoryKey(entryOf(profile));
}

} // namespace Care360

#include "moc_profilekeys.cpp"
