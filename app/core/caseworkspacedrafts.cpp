// CaseWorkspace's part in keeping unsent changes across restarts: the keeper that mirrors the
// open case's drafts into the journal the services share.
#include "caseworkspace.h"

#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "consoleservices.h"
#include "models/escalationtablemodel.h"

namespace Care360 {

void CaseWorkspace::setUpDrafts()
{
    m_keeper = new DraftKeeper(m_model, m_journal, this);
    m_keeper->setObjectName(QStringLiteral("draftKeeper"));
    connect(m_keeper, &DraftKeeper::restored, this, &CaseWorkspace::draftsRestored);
    connect(m_keeper, &DraftKeeper::problem, this,
            [this](const QString &sentence) { emit notice(NoticeKind::Warning, sentence); });
    connect(m_keeper, &DraftKeeper::recovered, this,
            [this](const QString &sentence) { emit notice(NoticeKind::Info, sentence); });
}

void CaseWorkspace::startDrafts()
{
    m_services->startDrafts();
}

void CaseWorkspace::setDraftsPlace(const QString &place)
{
    m_draftsEnvironment = place;
    m_keeper->setEnvironment(m_draftsEnvironment);
}

void CaseWorkspace::prepareToClose(const QString &nextCaseId, Confirmation confirmation)
{
    if (nextCaseId != m_session->caseId())
        m_keeper->setDiscardOnClose(confirmation == Confirmation::Given && m_model->hasDrafts());
}

void CaseWorkspace::cancelDraftDiscard()
{
    m_keeper->setDiscardOnClose(false);
}

bool CaseWorkspace::keepsDrafts() const
{
    // Only a promise the disk has kept: what is pending is written (and checked) first.
    m_keeper->flush();
    return m_journal->state() == DraftJournal::State::Ready && m_keeper->isKept();
}

void CaseWorkspace::discardDrafts()
{
    QModelIndexList cells;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < EscalationTableModel::ColumnCount; ++column)
            cells << m_model->index(row, column);
    }
    revertCells(cells);
}

void CaseWorkspace::keepDraftsForNextTime()
{
    m_keeper->flush();
}

void CaseWorkspace::discardDraftsAtClose()
{
    m_keeper->discardNow();
}

} // namespace Care360
