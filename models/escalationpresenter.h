#pragma once

#include "escalationrow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace Care360 {

class AssigneeDirectory;

// The text and values the table shows for a row, column by column (EscalationTableModel's
// columns); kept apart from the model so the model keeps to state and signals.
class EscalationPresenter {
    Q_DECLARE_TR_FUNCTIONS(Care360::EscalationPresenter)
public:
    // dueSoonHours: how far ahead a follow-up counts as due soon (Preferences).
    EscalationPresenter(const AssigneeDirectory *directory, QDateTime now, int dueSoonHours = 24);

    // What the cell shows: server text with its controls made visible (UntrustedText::visible).
    QString displayText(const EscalationRow &row, int column) const;
    // What is stored, exactly (a data exit such as the clipboard); displayText for the others.
    QString storedText(const EscalationRow &row, int column) const;
    QString toolTip(const EscalationRow &row, int column) const;
    // What a screen reader says after the cell on every arrow: its state only (no longer
    // active, the error, the conflict, "Changed, not saved yet"). The IDs, the UTC time and
    // the server's values stay in toolTip(), said on request (MainWindow's Cell details).
    QString stateDescription(const EscalationRow &row, int column) const;
    // What a screen reader says for a cell: its state in words, then its text ("Overdue,
    // Edited: 3 Dec 2026 09:00"), since colour and the ✎ mark reach only the eyes.
    QString accessibleText(const EscalationRow &row, int column) const;
    // What an editor starts from: note text, local QDateTime, e-mail (empty when unknown).
    QVariant editValue(const EscalationRow &row, int column) const;
    QVariant sortValue(const EscalationRow &row, int column) const;
    QVariant serverValue(const EscalationRow &row, int column) const;
    bool isOverdue(const EscalationRow &row) const;
    bool isDueSoon(const EscalationRow &row) const;

    static QString localDateTimeText(const QDateTime &utc);
    static QString headerText(int column);
    // "followUpDueAt" as its column is called; an unknown name as it is.
    static QString wireFieldText(const QString &wireName);
    // Care360's types (support, clinical, external) in the agent's language; any other as sent,
    // made visible (it is server text).
    static QString typeText(const QString &type);
    // The undo stack's name for an edit of this field.
    static QString editStepText(EditableField field);

private:
    QString assigneeText(const EscalationRow &row) const;
    QString assigneeToolTip(const EscalationRow &row) const;
    QString followUpToolTip(const EscalationRow &row) const;
    // Theirs, yours and what it was, for a cell whose server value changed under its draft.
    QString conflictToolTip(const EscalationRow &row, EditableField field) const;
    // A field's value in server form (user ID for the assignee) as the agent reads it.
    QString serverFormText(EditableField field, const QVariant &value) const;

    const AssigneeDirectory *m_directory;
    QDateTime m_now;
    int m_dueSoonHours;
};

} // namespace Care360
