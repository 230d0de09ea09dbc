// ConsoleCore's part in keeping unsent changes across restarts: the journal, its key and the
// keeper that mirrors the open case's drafts into it.
#include "consolecore.h"

#include "app/credentials/credentialstore.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "app/drafts/journalkey.h"
#include "models/escalationtablemodel.h"

namespace Care360 {

void ConsoleCore::setUpDrafts()
{
    m_journal = new DraftJournal(DraftJournal::defaultDirectory(), this);
    m_journal->setObjectName(QStringLiteral("draftJournal"));
    m_journalKey = new JournalKey(this);
    m_journalKey->setObjectName(QStringLiteral("journalKey"));
    m_keeper = new DraftKeeper(m_model, m_journal, this);
    m_keeper->setObjectName(QStringLiteral("draftKeeper"));
    connect(m_journalKey, &JournalKey::ready, m_journal, &DraftJournal::setKey);
    connect(m_journalKey, &JournalKey::unavailable, m_journal, &DraftJournal::setUnavailable);
    connect(m_keeper, &DraftKeeper::restored, this, &ConsoleCore::draftsRestored);
    connect(m_keeper, &DraftKeeper::problem, this,
            [this](const QString &sentence) { emit notice(NoticeKind::Warning, sentence); });
    connect(m_keeper, &DraftKeeper::recovered, this,
            [this](const QString &sentence) { emit notice(NoticeKind::Info, sentence); });
}

void ConsoleCore::startDrafts()
{
    if (m_journal->state() == DraftJournal::State::Waiting)
        m_journalKey->fetch();
}

void ConsoleCore::setDraftsEnvironment(const Environment &environment)
{
    // The sandbox's port changes every run: its kind names it. A custom server is its origin.
    m_keeper->setEnvironment(environment.kind == Environment::Kind::Custom
                                 ? CredentialStore::keyName(environment.baseUrl)
                                 : environment.name());
}

void ConsoleCore::prepareToClose(const QString &nextCaseId, Confirmation confirmation)
{
    if (nextCaseId != m_session->caseId())
        m_keeper->setDiscardOnClose(confirmation == Confirmation::Given && m_model->hasDrafts());
}

void ConsoleCore::cancelDraftDiscard()
{
    m_keeper->setDiscardOnClose(false);
}

bool ConsoleCore::keepsDrafts() const
{
    // Only a promise the disk has kept: what is pending is written (and checked) first.
    m_keeper->flush();
    return m_journal->state() == DraftJournal::State::Ready && m_keeper->isKept();
}

void ConsoleCore::discardDrafts()
{
    QModelIndexList cells;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < EscalationTableModel::ColumnCount; ++column)
            cells << m_model->index(row, column);
    }
    revertCells(cells);
}

void ConsoleCore::keepDraftsForNextTime()
{
    m_keeper->flush();
}

void ConsoleCore::discardDraftsAtClose()
{
    m_keeper->discardNow();
}

} // namespace Care360
