#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace Care360 {

class DraftJournal;
class EscalationTableModel;

// Keeps the open case's drafts in the journal: every change is written within a debounce
// interval, a newly opened case gets its saved drafts back, and a case that closes keeps its
// journal unless the agent chose to discard. The journal always mirrors the model, so a field
// sent, reverted or discarded leaves the file with it, and no drafts means no file.
class DraftKeeper : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds debounce { 250 };
    // After a failed write (a full disk), how often the keeper tries again by itself.
    static constexpr std::chrono::seconds retryInterval { 5 };

    DraftKeeper(EscalationTableModel *model, DraftJournal *journal, QObject *parent = nullptr);
    ~DraftKeeper() override;

    // A stable name for where the cases live (see DraftJournal::pathFor).
    void setEnvironment(const QString &environment) { m_environment = environment; }
    // The next close of the open case removes its journal instead of keeping it.
    void setDiscardOnClose(bool discard) { m_discardOnClose = discard; }
    // Writes what is pending now and waits for the disk (before quitting).
    void flush();
    // Removes the open case's journal now (the agent discarded at quit).
    void discardNow();
    // Whether the open case's drafts, as they are now, are on disk (after flush()).
    bool isKept() const;

signals:
    void restored(int changes, const QDateTime &savedAt);
    // The open case's journal was read (or there was none): drafts made from now on are kept.
    void restoreFinished();
    // A sentence: a journal set aside, or drafts that will not survive a restart.
    // A failed write is said once, until the drafts are kept again.
    void problem(const QString &sentence);
    // The open case's drafts reached the disk again after a failed write.
    void recovered(const QString &sentence);

private:
    void onAboutToReset();
    void onReset();
    void onJournalReady();
    void changed();
    void save();
    void restore();
    bool isOpenCaseFile(const QString &path) const;
    void onWriteFailed(const QString &path);
    void onWritten(const QString &path, bool removed);

    EscalationTableModel *m_model;
    DraftJournal *m_journal;
    QTimer m_debounce;
    QTimer m_retry;
    QString m_environment;
    QString m_boundEnvironment; // where the open case lives
    QString m_caseId;
    bool m_restorePending = false;
    bool m_discardOnClose = false;
    bool m_toldUnavailable = false;
    bool m_toldWriteFailed = false;
};

} // namespace Care360
