#include "draftkeeper.h"

#include "draftjournal.h"
#include "models/escalationtablemodel.h"

namespace Care360 {

DraftKeeper::DraftKeeper(EscalationTableModel *model, DraftJournal *journal, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_journal(journal)
{
    m_debounce.setObjectName(QStringLiteral("draftJournalDebounce"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounce);
    connect(&m_debounce, &QTimer::timeout, this, &DraftKeeper::save);
    m_retry.setObjectName(QStringLiteral("draftJournalRetry"));
    m_retry.setInterval(retryInterval);
    connect(&m_retry, &QTimer::timeout, this, &DraftKeeper::save);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &DraftKeeper::onAboutToReset);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DraftKeeper::onReset);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DraftKeeper::changed);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DraftKeeper::changed);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DraftKeeper::changed);
    connect(m_journal, &DraftJournal::stateChanged, this, &DraftKeeper::onJournalReady);
    connect(m_journal, &DraftJournal::writeFailed, this, &DraftKeeper::onWriteFailed);
    connect(m_journal, &DraftJournal::written, this, &DraftKeeper::onWritten);
}

DraftKeeper::~DraftKeeper()
{
    flush();
}

void DraftKeeper::flush()
{
    if (m_debounce.isActive())
        save();
    m_journal->flush();
}

void DraftKeeper::discardNow()
{
    m_debounce.stop();
    if (!m_caseId.isEmpty())
        m_journal->remove(m_boundEnvironment, m_caseId);
    m_journal->flush();
}

bool DraftKeeper::isKept() const
{
    return m_caseId.isEmpty() || m_journal->state() != DraftJournal::State::Ready
        || m_journal->writeProblem(m_boundEnvironment, m_caseId).isEmpty();
}

bool DraftKeeper::isOpenCaseFile(const QString &path) const
{
    return !m_caseId.isEmpty() && path == m_journal->pathFor(m_boundEnvironment, m_caseId);
}

void DraftKeeper::onWriteFailed(const QString &path)
{
    if (!isOpenCaseFile(path))
        return;
    // Free space or a writable folder again ends this without the agent doing anything.
    m_retry.start();
    if (m_toldWriteFailed)
        return;
    const QString sentence = m_journal->writeProblem(m_boundEnvironment, m_caseId);
    if (sentence.isEmpty())
        return; // a later write already succeeded
    m_toldWriteFailed = true;
    emit problem(sentence);
}

void DraftKeeper::onWritten(const QString &path, bool removed)
{
    if (!isOpenCaseFile(path) || !m_journal->writeProblem(m_boundEnvironment, m_caseId).isEmpty())
        return;
    m_retry.stop();
    if (!m_toldWriteFailed)
        return;
    m_toldWriteFailed = false;
    if (!removed)
        emit recovered(
            tr("Unsent changes on case %1 are kept on this computer again.").arg(m_caseId));
}

void DraftKeeper::onAboutToReset()
{
    if (m_discardOnClose)
        discardNow();
    else if (!m_restorePending)
        flush();
    m_debounce.stop();
    m_retry.stop();
    m_toldWriteFailed = false;
    m_discardOnClose = false;
    m_caseId.clear();
}

void DraftKeeper::onReset()
{
    m_caseId = m_model->caseId();
    m_boundEnvironment = m_environment;
    m_restorePending = !m_caseId.isEmpty();
    // After the views have taken the reset in: drafts arrive as ordinary changes.
    if (m_restorePending && m_journal->state() != DraftJournal::State::Waiting)
        QMetaObject::invokeMethod(this, &DraftKeeper::restore, Qt::QueuedConnection);
}

void DraftKeeper::onJournalReady()
{
    if (m_restorePending && m_journal->state() != DraftJournal::State::Waiting)
        restore();
}

void DraftKeeper::restore()
{
    if (!m_restorePending || m_caseId != m_model->caseId())
        return;
    m_restorePending = false;
    const DraftJournal::Loaded loaded = m_journal->load(m_boundEnvironment, m_caseId);
    if (!loaded.problem.isEmpty())
        emit problem(loaded.problem);
    if (loaded.contents) {
        const int changes = m_model->restoreDrafts(loaded.contents->drafts);
        if (changes > 0)
            emit restored(changes, loaded.contents->savedAt);
    }
    // The file now follows the model (drafts the server already held are gone from both).
    changed();
    emit restoreFinished();
}

void DraftKeeper::changed()
{
    if (m_caseId.isEmpty() || m_restorePending)
        return;
    if (m_journal->state() == DraftJournal::State::Unavailable) {
        if (!m_toldUnavailable && m_model->hasDrafts()) {
            m_toldUnavailable = true;
            emit problem(m_journal->unavailableReason());
        }
        return;
    }
    if (!m_debounce.isActive())
        m_debounce.start();
}

void DraftKeeper::save()
{
    m_debounce.stop();
    if (m_caseId.isEmpty() || m_journal->state() != DraftJournal::State::Ready)
        return;
    // The due-state timer and error merges touch cells without touching drafts: the journal
    // skips a write that would store what the file already holds.
    m_journal->save(m_boundEnvironment, m_caseId, m_model->savedDrafts());
}

} // namespace Care360

#include "moc_draftkeeper.cpp"
