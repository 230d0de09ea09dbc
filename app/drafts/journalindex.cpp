#include "journalindex.h"

#include "draftcipher.h"
#include "durablefile.h"
#include "models/contractcodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Care360 {

namespace {
constexpr int kFormat = 1;
// The index is authenticated as the index: a journal renamed over it does not open.
const QByteArray kContext = QByteArrayLiteral("care360-drafts-index");
constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
const QString kFormatKey = QStringLiteral("format");
const QString kCasesKey = QStringLiteral("cases");
const QString kJournalKey = QStringLiteral("journal");
const QString kEnvironmentKey = QStringLiteral("environment");
const QString kCaseKey = QStringLiteral("caseId");
const QString kSavedAtKey = QStringLiteral("savedAt");
const QString kRowsKey = QStringLiteral("rows");
} // namespace

JournalIndex::JournalIndex(QString directory)
    : m_directory(std::move(directory))
{
}

QString JournalIndex::path() const
{
    return m_directory + QStringLiteral("/index.c360index");
}

bool JournalIndex::read(const QByteArray &key)
{
    m_entries.clear();
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxBytes)
        return false;
    std::optional<QByteArray> plain = DraftCipher::open(key, file.readAll(), kContext);
    if (!plain)
        return false;
    const QJsonObject root = QJsonDocument::fromJson(*plain).object();
    DraftCipher::wipe(*plain);
    if (root.value(kFormatKey).toInt() != kFormat)
        return false;
    for (const QJsonValue &value : root.value(kCasesKey).toArray()) {
        const QJsonObject object = value.toObject();
        // Only names from this folder: the index never points anywhere else.
        const QString name = object.value(kJournalKey).toString();
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
            continue;
        m_entries.insert(m_directory + QLatin1Char('/') + name,
                         { object.value(kEnvironmentKey).toString(),
                           object.value(kCaseKey).toString(),
                           Codec::parseTimestamp(object.value(kSavedAtKey).toString()),
                           object.value(kRowsKey).toInt() });
    }
    return true;
}

bool JournalIndex::write(const QByteArray &key) const
{
    if (m_entries.isEmpty())
        return !QFile::exists(path()) || QFile::remove(path());
    QJsonArray cases;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        cases.append(QJsonObject { { kJournalKey, it.key().section(QLatin1Char('/'), -1) },
                                   { kEnvironmentKey, it->environment },
                                   { kCaseKey, it->caseId },
                                   { kSavedAtKey, Codec::formatTimestamp(it->savedAt) },
                                   { kRowsKey, it->rows } });
    }
    QByteArray plain = QJsonDocument(QJsonObject { { kFormatKey, kFormat }, { kCasesKey, cases } })
                           .toJson(QJsonDocument::Compact);
    const QByteArray sealed = DraftCipher::seal(key, plain, kContext);
    DraftCipher::wipe(plain);
    return !sealed.isEmpty() && DurableFile::replace(path(), sealed).ok();
}

void JournalIndex::insert(const QString &journalPath, const Entry &entry)
{
    m_entries.insert(journalPath, entry);
}

void JournalIndex::remove(const QString &journalPath)
{
    m_entries.remove(journalPath);
}

bool JournalIndex::prune()
{
    const auto before = m_entries.size();
    m_entries.removeIf([](QHash<QString, Entry>::iterator it) { return !QFile::exists(it.key()); });
    return m_entries.size() != before;
}

QList<JournalIndex::Entry> JournalIndex::entries() const
{
    QList<Entry> list = m_entries.values();
    std::sort(list.begin(), list.end(),
              [](const Entry &a, const Entry &b) { return a.savedAt > b.savedAt; });
    return list;
}

} // namespace Care360
