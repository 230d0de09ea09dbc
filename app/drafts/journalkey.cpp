#include "journalkey.h"

#include "app/credentials/credentialresult.h"
#include "app/credentials/credentialstore.h"
#include "app/logging.h"
#include "draftcipher.h"
#include "models/untrustedtext.h"

#include <qt6keychain/keychain.h>

namespace Care360 {

namespace {
// Jobs are never parented to us: a job deleted while the backend still answers is called back
// after it is gone (seen with libsecret). They delete themselves once finished.
template<typename JobType> JobType *newJob()
{
    auto *job = new JobType(CredentialStore::serviceName());
    job->setInsecureFallback(false);
    job->setKey(JournalKey::entryName());
    return job;
}
} // namespace

JournalKey::JournalKey(QObject *parent)
    : QObject(parent)
{
}

JournalKey::~JournalKey() = default;

QString JournalKey::entryName()
{
    return QStringLiteral("drafts-journal-key");
}

void JournalKey::fetch()
{
    if (!DraftCipher::isAvailable()) {
        emit unavailable(tr("Unsent changes will not survive a restart: the encryption library "
                            "could not start."));
        return;
    }
    auto *job = newJob<QKeychain::ReadPasswordJob>();
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::EntryNotFound)
            return create();
        if (job->error() != QKeychain::NoError)
            return fail(job->error(), job->errorString());
        QByteArray key = job->binaryData();
        if (key.size() != DraftCipher::keyBytes) {
            // Not ours, or damaged: replacing it would make every journal unreadable, so say so.
            qCWarning(lcDrafts) << "drafts journal key in the keychain has the wrong size";
            emit unavailable(tr("Unsent changes will not survive a restart: the keychain entry "
                                "“%1” is damaged. Remove it to start a new one.")
                                 .arg(entryName()));
            return;
        }
        emit ready(key);
        DraftCipher::wipe(key);
    });
    job->start();
}

void JournalKey::create()
{
    QByteArray key = DraftCipher::newKey();
    auto *job = newJob<QKeychain::WritePasswordJob>();
    job->setBinaryData(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key]() mutable {
        if (job->error() != QKeychain::NoError) {
            DraftCipher::wipe(key);
            return fail(job->error(), job->errorString());
        }
        qCInfo(lcDrafts) << "created the drafts journal key in the keychain";
        emit ready(key);
        DraftCipher::wipe(key);
    });
    job->start();
}

void JournalKey::fail(int error, const QString &detail)
{
    qCWarning(lcDrafts) << "drafts journal key unavailable, keychain error" << error;
    using Status = CredentialResult::Status;
    const Status status = CredentialResult::classify(error, detail);
    QString why;
    if (status == Status::Locked)
        why = tr("the keychain is locked");
    else if (status == Status::AccessDenied)
        why = tr("access to the keychain was denied");
    else if (status == Status::NoBackend)
        why = tr("no keychain is available");
    else
        why = tr("the keychain reported an error (%1)").arg(UntrustedText::shown(detail));
    emit unavailable(tr("Unsent changes will not survive a restart: %1, and notes are never "
                        "stored on disk unencrypted.")
                         .arg(why));
}

} // namespace Care360

#include "moc_journalkey.cpp"
