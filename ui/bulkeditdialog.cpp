#include "bulkeditdialog.h"
#include "completionpick.h"

#include "followupeditor.h"

#include "models/assigneedirectory.h"
#include "models/requestschema.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Care360 {

BulkEditDialog::BulkEditDialog(Kind kind, int rows, const QStringList &completions,
                               int followUpHour, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
{
    setObjectName(QStringLiteral("bulkEditDialog"));
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("bulkEditIntro"));
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    switch (kind) {
    case Kind::Assignee:
        setWindowTitle(tr("Set assignee"));
        intro->setText(tr("&Assign %Ln selected escalation(s) to:", nullptr, rows));
        m_edit = new QLineEdit(this);
        m_edit->setObjectName(QStringLiteral("bulkAssigneeEdit"));
        m_edit->setAccessibleName(tr("Assignee e-mail"));
        m_edit->setPlaceholderText(tr("name@organisation.example"));
        m_edit->setCompleter(new QCompleter(completions, m_edit));
        m_edit->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        m_edit->completer()->setFilterMode(Qt::MatchContains);
        // Enter on a partial name takes the first person offered, as in the cell's editor; the
        // dialog's Apply then sees a whole address (Enter reaches the line edit first).
        connect(m_edit, &QLineEdit::returnPressed, this, [this] {
            if (!RequestSchema::isEmail(text()))
                takeOfferedCompletion(m_edit);
        });
        break;
    case Kind::FollowUp:
        setWindowTitle(tr("Set follow-up"));
        intro->setText(tr("&Follow up %Ln selected escalation(s) on:", nullptr, rows));
        m_date = new FollowUpEditor(followUpHour, this);
        m_date->setDaysFromToday(1);
        break;
    case Kind::NoteLine:
        setWindowTitle(tr("Add to notes"));
        intro->setText(
            tr("&Add this line to the notes of %Ln selected escalation(s):", nullptr, rows));
        m_edit = new QLineEdit(this);
        m_edit->setObjectName(QStringLiteral("bulkNoteLineEdit"));
        m_edit->setAccessibleName(tr("Line to add"));
        break;
    }
    setAccessibleName(windowTitle());
    QLineEdit *field = m_edit ? m_edit : m_date;
    intro->setBuddy(field);
    layout->addWidget(field);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("bulkEditButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("bulkEditOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("A&pply"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("bulkEditCancelButton"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Apply waits for an address, a line or a date the follow-up editor can read.
    connect(field, &QLineEdit::textChanged, this, &BulkEditDialog::updateOk);
    updateOk();
    field->setFocus();
}

QString BulkEditDialog::text() const
{
    if (!m_edit)
        return {};
    return m_kind == Kind::Assignee ? AssigneeDirectory::emailFromCompletion(m_edit->text())
                                    : m_edit->text().trimmed();
}

QDateTime BulkEditDialog::followUp() const
{
    return m_date ? m_date->dateTime() : QDateTime();
}

void BulkEditDialog::updateOk()
{
    bool ok = true;
    if (m_kind == Kind::Assignee)
        ok = RequestSchema::isEmail(text());
    else if (m_kind == Kind::NoteLine)
        ok = !text().isEmpty();
    else
        ok = followUp().isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace Care360
