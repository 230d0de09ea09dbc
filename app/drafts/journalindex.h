#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Care360 {

// Which case each journal file belongs to. Journal file names are hashes (a listing of the
// folder says nothing), so the start screen's list of unsent work comes from this index, sealed
// like the journals themselves under the same keychain key. Used on the journal's writer thread
// only, except where DraftJournal guards it.
class JournalIndex {
public:
    struct Entry {
        QString environment; // the journal's stable environment name
        QString caseId;
        QDateTime savedAt; // UTC
        int rows = 0;
    };

    explicit JournalIndex(QString directory);

    QString path() const;
    // Reads the sealed index; false (and empty) when there is none or it does not open.
    bool read(const QByteArray &key);
    // Seals and writes the index atomically; false when the disk refused it.
    bool write(const QByteArray &key) const;

    void insert(const QString &journalPath, const Entry &entry);
    void remove(const QString &journalPath);
    bool contains(const QString &journalPath) const { return m_entries.contains(journalPath); }
    // Drops entries whose journal file is gone; returns whether any was.
    bool prune();
    // Newest first.
    QList<Entry> entries() const;

private:
    QString m_directory;
    QHash<QString, Entry> m_entries; // journal path -> entry
};

} // namespace Care360
