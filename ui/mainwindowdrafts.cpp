// MainWindow's part in never losing an edit: the open editor counts, quitting asks what to do
// with unsent changes, restored drafts are announced, and the header names the case on screen.
#include "mainwindow.h"

#include "casebar.h"
#include "errorbanner.h"
#include "escalationdelegate.h"

#include "models/datetext.h"
#include "models/escalationtablemodel.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace Care360 {

bool MainWindow::commitOpenEditor()
{
    // indexWidget() also answers a delegate's editor; editors open on the current cell.
    QWidget *editor = m_table->indexWidget(m_table->currentIndex());
    return !editor || m_delegate->commitEditor(editor);
}

bool MainWindow::askBeforeClosing()
{
    if (!m_model->hasDrafts()) {
        if (!m_core->isBusy())
            return true;
        // Only a request in flight: its outcome is what would be lost.
        return askDiscard(tr("Closing the console.")).has_value();
    }
    const bool keep = m_core->keepsDrafts();
    const int pending = m_model->pendingCount();
    QString text = tr("You have %Ln unsent change(s) on case %1.", nullptr, qMax(pending, 1))
                       .arg(m_core->caseId());
    if (keep)
        text += QLatin1Char(' ')
            + tr("Kept changes come back the next time you open this case on this computer.");
    else
        text += QLatin1Char(' ') + tr("They cannot be kept for next time on this computer.");
    QMessageBox box(QMessageBox::Question, tr("Unsent changes"), text, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("closeWithChangesBox"));
    QPushButton *sendButton = box.addButton(tr("&Send now"), QMessageBox::AcceptRole);
    sendButton->setObjectName(QStringLiteral("closeSendButton"));
    sendButton->setEnabled(m_core->canSend());
    QPushButton *keepButton = nullptr;
    if (keep) {
        keepButton = box.addButton(tr("&Keep for next time"), QMessageBox::AcceptRole);
        keepButton->setObjectName(QStringLiteral("closeKeepButton"));
    }
    QPushButton *discardButton = box.addButton(QMessageBox::Discard);
    discardButton->setObjectName(QStringLiteral("closeDiscardButton"));
    QPushButton *cancelButton = box.addButton(QMessageBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("closeCancelButton"));
    box.setDefaultButton(cancelButton);
    box.setEscapeButton(cancelButton);
    box.exec();
    if (box.clickedButton() == sendButton) {
        // The window closes once Care360 confirms; anything else leaves it open with the reason.
        m_closeAfterSend = true;
        send();
        if (!m_core->isBusy())
            m_closeAfterSend = false;
        return false;
    }
    if (keepButton && box.clickedButton() == keepButton) {
        m_core->keepDraftsForNextTime();
        return true;
    }
    if (box.clickedButton() == discardButton) {
        m_core->discardDraftsAtClose();
        return true;
    }
    return false;
}

void MainWindow::showRestoredDrafts(int changes, const QDateTime &savedAt)
{
    const QString when = DateText::dateTime(savedAt);
    m_banner->showMessage(ErrorBanner::Kind::Info,
                          tr("Restored %Ln unsent change(s) from %1. Send them with Ctrl+Return, "
                             "or discard them.",
                             nullptr, changes)
                              .arg(when),
                          QString(), ErrorBanner::Action::DiscardDrafts);
}

void MainWindow::updateCaseHeader()
{
    const QString caseId = m_model->caseId();
    refreshUnsentWork();
    // Several windows: the title tells them apart in the task switcher.
    // The environment is in the title too: a reader says the title when the window activates.
    setWindowTitle(
        caseId.isEmpty()
            ? tr("Care360 Escalations — %1").arg(m_core->profile().label())
            : tr("Case %1 — %2 — Care360 Escalations").arg(caseId, m_core->profile().label()));
    if (caseId.isEmpty()) {
        // First run: say how to begin, and where the demo cases are.
        m_caseHeader->setText(
            m_core->profile().isPractice()
                ? tr("No case open. Type a case ID above (Ctrl+L) or pick a demo case from "
                     "its list (Alt+Down).")
                : tr("No case open on %1. Type or paste a case ID above (Ctrl+L).")
                      .arg(m_core->profile().label()));
        return;
    }
    int active = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        active += m_model->index(row, 0).data(EscalationTableModel::InactiveRole).toBool() ? 0 : 1;
    QString text = tr("Case %1 on %2: %Ln active escalation(s)", nullptr, active)
                       .arg(caseId, m_core->profile().label());
    // The send's confirmation stays here, where it is seen even without the status bar.
    if (!m_savedNote.isEmpty())
        text += QStringLiteral(" · ") + m_savedNote;
    m_caseHeader->setText(text);
}

} // namespace Care360
