#include "bulkchanges.h"

#include "models/assigneedirectory.h"
#include "models/untrustedtext.h"

#include <QCoreApplication>
#include <QHash>

namespace Care360::BulkChanges {

namespace {
struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::BulkChanges)
};

void dropUnchanged(EscalationUpdate *update, const Escalation &current,
                   const AssigneeDirectory &people)
{
    if (update->note && update->note == current.note)
        update->note.reset();
    if (update->followUpDueAt && update->followUpDueAt == current.followUpDueAt)
        update->followUpDueAt.reset();
    // The server reports a user ID: only a known e-mail for it can show the assignee is the same.
    const QString currentEmail = people.emailFor(current.assignedToUserId.value_or(QString()));
    if (update->assignedToEmail && !currentEmail.isEmpty()
        && update->assignedToEmail->compare(currentEmail, Qt::CaseInsensitive) == 0)
        update->assignedToEmail.reset();
}
} // namespace

QString keepChanged(CaseUpdates *request, const QList<Escalation> &current,
                    const AssigneeDirectory &people, bool acceptDisplayMarks)
{
    QHash<QString, const Escalation *> byId;
    for (const Escalation &escalation : current)
        byId.insert(escalation.id.toLower(), &escalation);
    CaseUpdates changed { request->caseId, {}, {} };
    for (qsizetype i = 0; i < request->updates.size(); ++i) {
        EscalationUpdate update = request->updates.at(i);
        const QString &origin = request->origins.at(i);
        if (const Escalation *escalation = byId.value(update.escalationId.toLower()))
            dropUnchanged(&update, *escalation, people);
        if (update.isEmpty())
            continue;
        if (update.note && !acceptDisplayMarks && UntrustedText::looksDisplayed(*update.note))
            return Translate::tr("%1: the note looks like what a display shows, not the stored "
                                 "text (%2 characters ending in \"…\", or symbols such as ␉ for "
                                 "control characters); it would replace the stored note. Give "
                                 "--accept-display-marks to send it as it is.")
                .arg(origin)
                .arg(UntrustedText::maxKeptChars);
        changed.updates << update;
        changed.origins << origin;
    }
    *request = changed;
    return {};
}

} // namespace Care360::BulkChanges
