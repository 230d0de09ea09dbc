#include "draftjournal.h"

#include "app/logging.h"
#include "draftcipher.h"
#include "models/clock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QStandardPaths>

namespace Care360 {

namespace {
const QString kSuffix = QStringLiteral(".c360drafts");
// Far beyond any day's drafts (100,000 rows of 4,096-character notes is ~1 GiB): a bigger file
// is not ours.
constexpr qint64 kMaxFileBytes = 256 * 1024 * 1024;
} // namespace

DraftJournal::DraftJournal(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_index(directory)
{
    // One writer: writes land in the order they were asked for, the newest last.
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(QStringLiteral("draftJournalWriter"));
}

DraftJournal::~DraftJournal()
{
    flush();
    DraftCipher::wipe(m_key);
}

QString DraftJournal::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/drafts");
}

void DraftJournal::setKey(const QByteArray &key)
{
    m_key = key;
    m_key.detach(); // our own copy, wiped on destruction
    m_state = State::Ready;
    m_writer.start([this, key = m_key] {
        QMutexLocker lock(&m_mutex);
        m_index.read(key);
        if (m_index.prune())
            m_index.write(key);
    });
    emit stateChanged(m_state);
}

QList<JournalIndex::Entry> DraftJournal::unsentWork()
{
    flush();
    QMutexLocker lock(&m_mutex);
    return m_index.entries();
}

void DraftJournal::adopt(const QList<std::pair<QString, QString>> &environmentAndCase)
{
    if (m_state != State::Ready)
        return;
    QList<std::pair<QString, JournalIndex::Entry>> candidates;
    for (const auto &[environment, caseId] : environmentAndCase)
        candidates.append({ pathFor(environment, caseId), { environment, caseId, {}, 0 } });
    m_writer.start([this, candidates, key = m_key] {
        bool added = false;
        for (auto [path, entry] : candidates) {
            {
                QMutexLocker lock(&m_mutex);
                if (m_index.contains(path) || !QFile::exists(path))
                    continue;
            }
            QFile file(path);
            if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly))
                continue;
            std::optional<QByteArray> plain =
                DraftCipher::open(key, file.readAll(), context(entry.environment, entry.caseId));
            const std::optional<JournalCodec::Contents> contents =
                plain ? JournalCodec::decode(*plain) : std::nullopt;
            if (plain)
                DraftCipher::wipe(*plain);
            if (!contents)
                continue; // not this case's: its own load will say so
            entry.savedAt = contents->savedAt;
            entry.rows = int(contents->drafts.size());
            QMutexLocker lock(&m_mutex);
            m_index.insert(path, entry);
            added = true;
        }
        if (!added)
            return;
        {
            QMutexLocker lock(&m_mutex);
            m_index.write(key);
        }
        QMetaObject::invokeMethod(
            this, [this] { emit unsentWorkChanged(); }, Qt::QueuedConnection);
    });
}

void DraftJournal::updateIndex(const QString &path, const std::optional<JournalIndex::Entry> &entry,
                               const QByteArray &key)
{
    {
        QMutexLocker lock(&m_mutex);
        if (entry)
            m_index.insert(path, *entry);
        else
            m_index.remove(path);
        // A failed index write loses only the start screen's list, never a journal.
        if (!m_index.write(key))
            qCWarning(lcDrafts) << "could not write the drafts index";
    }
    QMetaObject::invokeMethod(
        this, [this] { emit unsentWorkChanged(); }, Qt::QueuedConnection);
}

void DraftJournal::setUnavailable(const QString &sentence)
{
    DraftCipher::wipe(m_key);
    m_unavailableReason = sentence;
    m_state = State::Unavailable;
    emit stateChanged(m_state);
}

QString DraftJournal::pathFor(const QString &environment, const QString &caseId) const
{
    // Hashed: the folder's listing says nothing about which cases have drafts.
    const QByteArray name =
        QCryptographicHash::hash(context(environment, caseId), QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return m_directory + QLatin1Char('/') + QString::fromLatin1(name) + kSuffix;
}

QByteArray DraftJournal::context(const QString &environment, const QString &caseId) const
{
    return environment.toUtf8() + '\n' + caseId.toUtf8();
}

void DraftJournal::save(const QString &environment, const QString &caseId,
                        const QList<SavedDraft> &drafts)
{
    if (m_state != State::Ready)
        return;
    if (drafts.isEmpty())
        return remove(environment, caseId);
    const QString path = pathFor(environment, caseId);
    const QByteArray digest = JournalCodec::digest(drafts);
    {
        QMutexLocker lock(&m_mutex);
        if (m_lastDigest.value(path) == digest && !m_failures.contains(path))
            return;
    }
    const QDateTime savedAt = Clock::currentDateTimeUtc();
    QByteArray plain = JournalCodec::encode({ savedAt, drafts });
    const QByteArray associated = context(environment, caseId);
    const QString directory = m_directory;
    const QByteArray key = m_key;
    const JournalIndex::Entry entry { environment, caseId, savedAt, int(drafts.size()) };
    m_writer.start([this, path, directory, key, associated, digest, entry,
                    plain = std::move(plain)]() mutable {
        const QByteArray sealed = DraftCipher::seal(key, plain, associated);
        DraftCipher::wipe(plain);
        QDir().mkpath(directory);
        QFile::setPermissions(
            directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const DurableFile::Result result = DurableFile::replace(path, sealed);
        {
            // Recorded only once the disk has it: an unchanged set is written again after a
            // failure.
            QMutexLocker lock(&m_mutex);
            if (result.ok()) {
                m_lastDigest.insert(path, digest);
                m_failures.remove(path);
            } else {
                m_lastDigest.remove(path);
                m_failures.insert(path, result);
            }
        }
        if (!result.ok())
            qCWarning(lcDrafts) << "could not write a drafts journal in" << directory << ":"
                                << result.detail;
        else
            updateIndex(path, entry, key);
        QMetaObject::invokeMethod(
            this,
            [this, path, ok = result.ok()] {
                if (ok)
                    emit written(path, false);
                else
                    emit writeFailed(path);
            },
            Qt::QueuedConnection);
    });
}

QString DraftJournal::writeProblem(const QString &environment, const QString &caseId) const
{
    const QString path = pathFor(environment, caseId);
    DurableFile::Result failure;
    {
        QMutexLocker lock(&m_mutex);
        failure = m_failures.value(path);
    }
    switch (failure.failure) {
    case DurableFile::Failure::None:
        return {};
    case DurableFile::Failure::DiskFull:
        return tr("Unsent changes on case %1 can't be kept on this computer: the disk is full. "
                  "Send them or free some space; they are kept again as soon as there is room.")
            .arg(caseId);
    case DurableFile::Failure::NotWritable:
        return tr("Unsent changes on case %1 can't be kept on this computer: the folder %2 "
                  "can't be written to. Send them, or make the folder writable.")
            .arg(caseId, QDir::toNativeSeparators(m_directory));
    case DurableFile::Failure::Other:
        break;
    }
    return tr("Unsent changes on case %1 can't be kept on this computer (%2). Send them before "
              "you quit.")
        .arg(caseId, failure.detail);
}

void DraftJournal::remove(const QString &environment, const QString &caseId)
{
    const QString path = pathFor(environment, caseId);
    {
        QMutexLocker lock(&m_mutex);
        m_lastDigest.remove(path);
        m_failures.remove(path);
    }
    m_writer.start([this, path, key = m_key] {
        if (!QFile::exists(path) || !QFile::remove(path))
            return;
        updateIndex(path, std::nullopt, key);
        QMetaObject::invokeMethod(
            this, [this, path] { emit written(path, true); }, Qt::QueuedConnection);
    });
}

DraftJournal::Loaded DraftJournal::load(const QString &environment, const QString &caseId)
{
    Loaded loaded;
    if (m_state != State::Ready)
        return loaded;
    flush();
    const QString path = pathFor(environment, caseId);
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return loaded;
    const QByteArray sealed = file.size() <= kMaxFileBytes ? file.readAll() : QByteArray();
    file.close();
    std::optional<QByteArray> plain =
        DraftCipher::open(m_key, sealed, context(environment, caseId));
    if (plain)
        loaded.contents = JournalCodec::decode(*plain);
    if (plain)
        DraftCipher::wipe(*plain);
    if (loaded.contents)
        return loaded;
    const QString aside = setAside(path);
    qCWarning(lcDrafts) << "a drafts journal could not be read and was set aside";
    // A file shorter than any sealed one was cut short (a full disk under an older console);
    // anything else that does not open was changed, damaged, or sealed under another key.
    const QString why = DraftCipher::isCutShort(sealed)
        ? tr("the file is empty or cut short, as happens when the disk was full while it was "
             "written")
        : tr("the file was changed or damaged, or the key that protects it is no longer in the "
             "keychain");
    loaded.problem = tr("Unsent changes kept on this computer for case %1 could not be read: %2. "
                        "They were not restored; the file was kept as %3.")
                         .arg(caseId, why, QDir::toNativeSeparators(aside));
    return loaded;
}

QString DraftJournal::setAside(const QString &path) const
{
    const QString stamp =
        Clock::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString aside = path + QStringLiteral(".unreadable-") + stamp;
    for (int n = 2; QFile::exists(aside); ++n)
        aside =
            path + QStringLiteral(".unreadable-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, aside))
        return path;
    return aside;
}

void DraftJournal::flush()
{
    m_writer.waitForDone();
}

} // namespace Care360

#include "moc_draftjournal.cpp"
