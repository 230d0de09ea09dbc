#include "escalationpresenter.h"

#include "assigneedirectory.h"
#include "contractcodec.h"
#include "datetext.h"
#include "escalationtablemodel.h"
#include "untrustedtext.h"
#include "wirenames.h"

#include <QLocale>

namespace Care360 {

namespace {
using Model = EscalationTableModel;

QVariant optionalValue(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optionalValue(const std::optional<QDateTime> &value)
{
    return value ? QVariant(*value) : QVariant();
}
} // namespace

EscalationPresenter::EscalationPresenter(const AssigneeDirectory *directory, QDateTime now,
                                         int dueSoonHours)
    : m_directory(directory)
    , m_now(std::move(now))
    , m_dueSoonHours(dueSoonHours)
{
}

QString EscalationPresenter::localDateTimeText(const QDateTime &utc)
{
    return DateText::dateTime(utc);
}

QString EscalationPresenter::headerText(int column)
{
    switch (column) {
    case Model::Title:
        return tr("Title");
    case Model::Type:
        return tr("Type");
    case Model::Note:
        return tr("Note");
    case Model::FollowUpDue:
        return tr("Follow-up due");
    case Model::Assignee:
        return tr("Assignee");
    case Model::Created:
        return tr("Created");
    case Model::Updated:
        return tr("Updated");
    }
    return QString();
}

QString EscalationPresenter::wireFieldText(const QString &wireName)
{
    if (wireName == Wire::note)
        return headerText(Model::Note);
    if (wireName == Wire::followUpDueAt)
        return headerText(Model::FollowUpDue);
    if (wireName == Wire::assignedToEmail)
        return headerText(Model::Assignee);
    return wireName;
}

QString EscalationPresenter::typeText(const QString &type)
{
    if (type == QLatin1String("support"))
        return tr("support");
    if (type == QLatin1String("clinical"))
        return tr("clinical");
    if (type == QLatin1String("external"))
        return tr("external");
    return UntrustedText::visible(type);
}

QString EscalationPresenter::editStepText(EditableField field)
{
    switch (field) {
    case EditableField::Note:
        return tr("Edit note");
    case EditableField::FollowUpDue:
        return tr("Change follow-up date");
    case EditableField::Assignee:
        return tr("Change assignee");
    }
    return QString();
}

QString EscalationPresenter::displayText(const EscalationRow &row, int column) const
{
    // Server text on screen: a right-to-left override or a control in a colleague's note must not
    // make the cell show something other than what is stored (the editor gets the stored text).
    if (column == Model::Type)
        return typeText(row.server().type);
    if (column == Model::Title || column == Model::Note)
        return UntrustedText::visible(storedText(row, column));
    const Escalation &e = row.server();
    switch (column) {
    case Model::FollowUpDue:
        return localDateTimeText(row.effectiveFollowUp().value_or(QDateTime()));
    case Model::Assignee:
        return assigneeText(row);
    case Model::Created:
        return localDateTimeText(e.createdAt);
    case Model::Updated:
        return localDateTimeText(e.updatedAt.value_or(QDateTime()));
    }
    return QString();
}

QString EscalationPresenter::storedText(const EscalationRow &row, int column) const
{
    switch (column) {
    case Model::Title:
        return row.server().title;
    case Model::Type:
        return row.server().type;
    case Model::Note:
        return row.effectiveNote().value_or(QString());
    default:
        return displayText(row, column);
    }
}

QString EscalationPresenter::assigneeText(const EscalationRow &row) const
{
    const QVariant draft = row.draft(EditableField::Assignee);
    if (draft.isValid())
        return draft.toString();
    const std::optional<QString> &userId = row.server().assignedToUserId;
    if (!userId)
        return QString();
    // People, not IDs: a name or an e-mail; the ID itself is in the tooltip, to copy.
    const QString person = m_directory ? m_directory->personFor(*userId) : QString();
    return person.isEmpty() ? tr("Unknown user") : person;
}

QString EscalationPresenter::toolTip(const EscalationRow &row, int column) const
{
    QStringList lines { stateDescription(row, column) };
    switch (column) {
    case Model::Title:
        lines << tr("Escalation ID: %1").arg(UntrustedText::shown(row.id()));
        break;
    case Model::FollowUpDue:
        lines << followUpToolTip(row);
        break;
    case Model::Assignee:
        lines << assigneeToolTip(row);
        break;
    default:
        break;
    }
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

QString EscalationPresenter::stateDescription(const EscalationRow &row, int column) const
{
    QStringList lines;
    if (row.isInactive())
        lines << tr("No longer active (completed or removed elsewhere); its changes will not be "
                    "sent. Discard it when you are done with it.");
    const bool editable = Model::isEditableColumn(column);
    const QString error = editable ? row.cellError(Model::fieldForColumn(column)) : QString();
    // Errors quote the server (a validation message), IDs come from it: shown, never obeyed.
    if (!error.isEmpty())
        lines << UntrustedText::shown(error);
    else if (!row.rowError().isEmpty())
        lines << UntrustedText::shown(row.rowError());
    if (editable && row.hasConflict(Model::fieldForColumn(column)))
        lines << conflictToolTip(row, Model::fieldForColumn(column));
    else if (editable && row.hasDraft(Model::fieldForColumn(column)))
        lines << tr("Changed, not saved yet.");
    return lines.join(QLatin1Char('\n'));
}

QString EscalationPresenter::accessibleText(const EscalationRow &row, int column) const
{
    QStringList words;
    if (row.isInactive())
        words << tr("No longer active");
    if (column == Model::FollowUpDue && isOverdue(row))
        words << tr("Overdue");
    else if (column == Model::FollowUpDue && isDueSoon(row))
        words << tr("Due soon");
    const bool editable = Model::isEditableColumn(column);
    if (editable && row.hasConflict(Model::fieldForColumn(column)))
        words << tr("Conflict");
    if (editable && row.hasDraft(Model::fieldForColumn(column)))
        words << tr("Edited");
    QString error = editable ? row.cellError(Model::fieldForColumn(column)) : QString();
    if (error.isEmpty() && column == Model::Title)
        error = row.rowError();
    if (!error.isEmpty())
        words << tr("Error: %1").arg(UntrustedText::shown(error));
    QString text = displayText(row, column);
    // An empty editable cell is said as what it means, not as "blank".
    if (text.isEmpty() && column == Model::Note)
        text = tr("No note");
    else if (text.isEmpty() && column == Model::FollowUpDue)
        text = tr("No follow-up date");
    else if (text.isEmpty() && column == Model::Assignee)
        text = tr("Unassigned");
    if (words.isEmpty())
        return text;
    return text.isEmpty() ? words.join(QStringLiteral(", "))
                          : tr("%1: %2").arg(words.join(QStringLiteral(", ")), text);
}

QString EscalationPresenter::conflictToolTip(const EscalationRow &row, EditableField field) const
{
    const QVariant mine = row.draft(field);
    return tr("Changed on Care360 by someone else while you were editing it.\n"
              "On Care360 now: %1\nYours: %2\nWhen you began: %3\n"
              "Keep yours or take theirs (context menu or Edit menu) before sending.")
        .arg(serverFormText(field, row.serverValue(field)),
             field == EditableField::Assignee ? mine.toString() : serverFormText(field, mine),
             serverFormText(field, row.baseValue(field)));
}

QString EscalationPresenter::serverFormText(EditableField field, const QVariant &value) const
{
    if (!value.isValid() || (field != EditableField::FollowUpDue && value.toString().isEmpty())) {
        return field == EditableField::Note       ? tr("no note")
            : field == EditableField::FollowUpDue ? tr("no follow-up date")
                                                  : tr("unassigned");
    }
    switch (field) {
    case EditableField::Note:
        return QStringLiteral("“%1”").arg(UntrustedText::shown(value.toString()));
    case EditableField::FollowUpDue:
        return localDateTimeText(value.toDateTime());
    case EditableField::Assignee:
        break;
    }
    const QString person = m_directory ? m_directory->personFor(value.toString()) : QString();
    return person.isEmpty() ? tr("Unknown user (%1)").arg(UntrustedText::shown(value.toString()))
                            : person;
}

QString EscalationPresenter::followUpToolTip(const EscalationRow &row) const
{
    const std::optional<QDateTime> due = row.effectiveFollowUp();
    if (!due)
        return tr("No follow-up date");
    QString text = tr("%1 (UTC)").arg(Codec::formatTimestamp(*due));
    if (isOverdue(row))
        text += QLatin1Char('\n') + tr("Overdue");
    else if (isDueSoon(row))
        text += QLatin1Char('\n') + tr("Due within %Ln hour(s)", nullptr, m_dueSoonHours);
    return text;
}

QString EscalationPresenter::assigneeToolTip(const EscalationRow &row) const
{
    QStringList lines;
    const QVariant draft = row.draft(EditableField::Assignee);
    if (draft.isValid())
        lines << tr("Will be reassigned to %1").arg(draft.toString());
    const std::optional<QString> &userId = row.server().assignedToUserId;
    if (!userId) {
        lines << tr("Unassigned");
    } else {
        const QString email = m_directory ? m_directory->emailFor(*userId) : QString();
        const QString name = m_directory ? m_directory->nameFor(*userId) : QString();
        if (email.isEmpty())
            lines << tr("Unknown user: not in the team directory (File › Import team directory…)");
        else if (!name.isEmpty())
            lines << tr("%1 <%2>").arg(name, email);
        else
            lines << email;
        lines << tr("User ID: %1").arg(UntrustedText::shown(*userId));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant EscalationPresenter::editValue(const EscalationRow &row, int column) const
{
    switch (column) {
    case Model::Note:
        return row.effectiveNote().value_or(QString());
    case Model::FollowUpDue: {
        const std::optional<QDateTime> due = row.effectiveFollowUp();
        return due ? QVariant(due->toLocalTime()) : QVariant(QMetaType(QMetaType::QDateTime));
    }
    case Model::Assignee: {
        const QVariant draft = row.draft(EditableField::Assignee);
        if (draft.isValid())
            return draft.toString();
        const std::optional<QString> &userId = row.server().assignedToUserId;
        return userId && m_directory ? m_directory->emailFor(*userId) : QString();
    }
    default:
        return displayText(row, column);
    }
}

QVariant EscalationPresenter::sortValue(const EscalationRow &row, int column) const
{
    switch (column) {
    case Model::FollowUpDue:
        return row.effectiveFollowUp().value_or(QDateTime());
    case Model::Created:
        return row.server().createdAt;
    case Model::Updated:
        return row.server().updatedAt.value_or(QDateTime());
    default:
        return displayText(row, column);
    }
}

QVariant EscalationPresenter::serverValue(const EscalationRow &row, int column) const
{
    const Escalation &e = row.server();
    switch (column) {
    case Model::Title:
        return e.title;
    case Model::Type:
        return e.type;
    case Model::Note:
        return optionalValue(e.note);
    case Model::FollowUpDue:
        return optionalValue(e.followUpDueAt);
    case Model::Assignee:
        return optionalValue(e.assignedToUserId);
    case Model::Created:
        return e.createdAt;
    case Model::Updated:
        return optionalValue(e.updatedAt);
    }
    return QVariant();
}

bool EscalationPresenter::isOverdue(const EscalationRow &row) const
{
    const std::optional<QDateTime> due = row.effectiveFollowUp();
    return due && *due < m_now;
}

bool EscalationPresenter::isDueSoon(const EscalationRow &row) const
{
    const std::optional<QDateTime> due = row.effectiveFollowUp();
    return due && *due >= m_now && m_now.msecsTo(*due) < qint64(m_dueSoonHours) * 60 * 60 * 1000;
}

} // namespace Care360
