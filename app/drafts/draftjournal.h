#pragma once

#include "durablefile.h"
#include "journalcodec.h"
#include "journalindex.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

namespace Care360 {

// Unsent drafts on disk, one sealed file per environment and case in the application's data
// folder (…/drafts, owner-only). Writes are atomic and checked end to end (DurableFile) and run,
// with the encryption, on one writer thread in the order they were asked for, so the UI thread
// never waits for a disk. A write that fails leaves the previous file as it was and is
// remembered per file until one succeeds. Without the key there is no journal at all: notes
// never reach the disk unencrypted.
class DraftJournal : public QObject {
    Q_OBJECT
public:
    enum class State { Waiting, Ready, Unavailable };
    Q_ENUM(State)

    struct Loaded {
        std::optional<JournalCodec::Contents> contents; // nullopt: no journal, or set aside
        QString problem; // a sentence when a file could not be read and was set aside
    };

    explicit DraftJournal(const QString &directory = defaultDirectory(), QObject *parent = nullptr);
    ~DraftJournal() override;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    State state() const { return m_state; }
    QString unavailableReason() const { return m_unavailableReason; }
    void setKey(const QByteArray &key);
    void setUnavailable(const QString &sentence);

    // environment: a stable name ("sandbox", "production", a custom origin), never a port that
    // changes between runs.
    QString pathFor(const QString &environment, const QString &caseId) const;
    // Queues the file's replacement with these drafts, or its removal when there are none;
    // nothing when the file already holds exactly these drafts (a write that failed is always
    // tried again).
    void save(const QString &environment, const QString &caseId, const QList<SavedDraft> &drafts);
    void remove(const QString &environment, const QString &caseId);
    // Reads a case's journal after the writes queued for it. A file that does not open with the
    // key (torn, tampered, another machine's, the key gone) is renamed aside, never deleted.
    Loaded load(const QString &environment, const QString &caseId);
    // Waits for the queued writes.
    void flush();
    // The cases with unsent changes on this computer, newest first (after the queued writes).
    QList<JournalIndex::Entry> unsentWork();
    // Journals written before the index existed: those of these cases are entered into it
    // (they are never set aside as damaged).
    void adopt(const QList<std::pair<QString, QString>> &environmentAndCase);
    // Why the last write of this case's file failed, as a sentence; empty when it reached the
    // disk (or none was made). Current once flush() returns.
    QString writeProblem(const QString &environment, const QString &caseId) const;

signals:
    // After each write or removal reached the disk (path: the journal file).
    void written(const QString &path, bool removed);
    // A write did not reach the disk; the file holds what it held before (see writeProblem()).
    void writeFailed(const QString &path);
    // The list of cases with unsent changes changed.
    void unsentWorkChanged();
    void stateChanged(Care360::DraftJournal::State state);

private:
    QByteArray context(const QString &environment, const QString &caseId) const;
    QString setAside(const QString &path) const;
    // On the writer thread: the index follows a write or a removal.
    void updateIndex(const QString &path, const std::optional<JournalIndex::Entry> &entry,
                     const QByteArray &key);

    QString m_directory;
    QByteArray m_key;
    State m_state = State::Waiting;
    QString m_unavailableReason;
    QThreadPool m_writer;
    // Written by the writer thread, read by the UI thread.
    mutable QMutex m_mutex;
    // path -> hash of the plaintext the file holds (never the text): identical saves skip.
    QHash<QString, QByteArray> m_lastDigest;
    QHash<QString, DurableFile::Result> m_failures; // path -> the last write's failure
    JournalIndex m_index; // updated on the writer thread
};

} // namespace Care360
