#include "sendconfirmationdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Care360 {

SendConfirmationDialog::SendConfirmationDialog(const QString &caseId, const QString &organisation,
                                               const QList<EscalationUpdate> &updates,
                                               const QHash<QString, QString> &titles,
                                               QWidget *parent)
    : QDialog(parent)
    , m_dontAskAgain(new QCheckBox(tr("Don't ask again before sending to Production"), this))
{
    setObjectName(QStringLiteral("sendConfirmationDialog"));
    // Whose live data: one keystroke must not send to the wrong organisation unseen.
    setWindowTitle(tr("Send to %1 on Production?").arg(organisation));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(tr("These changes to case %1 of %2 will be saved on the live Care360 "
                                "system (%Ln escalation(s)):",
                                nullptr, int(updates.size()))
                                 .arg(caseId, organisation),
                             this);
    intro->setObjectName(QStringLiteral("confirmIntroLabel"));
    intro->setWordWrap(true);

    auto *list = new QListWidget(this);
    list->setObjectName(QStringLiteral("confirmChangesList"));
    list->setAccessibleName(tr("Changes to send"));
    for (const EscalationUpdate &update : updates) {
        const QString title = titles.value(update.escalationId, update.escalationId);
        QStringList fields;
        if (update.note)
            fields << tr("note");
        if (update.followUpDueAt)
            fields << tr("follow-up date");
        if (update.assignedToEmail)
            fields << tr("assignee");
        list->addItem(tr("%1: %2").arg(title, fields.join(QStringLiteral(", "))));
    }
    m_dontAskAgain->setObjectName(QStringLiteral("dontAskAgainCheck"));
    m_dontAskAgain->setAccessibleName(m_dontAskAgain->text());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("confirmButtons"));
    QPushButton *send = buttons->addButton(tr("&Send to Production"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("confirmSendButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("confirmCancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // the safe choice is the default
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list);
    layout->addWidget(m_dontAskAgain);
    layout->addWidget(buttons);
}

bool SendConfirmationDialog::dontAskAgain() const
{
    return m_dontAskAgain->isChecked();
}

} // namespace Care360
