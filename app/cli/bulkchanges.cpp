#include "bulkchanges.h"

#include "models/assigneedirectory.h"
#include "models/untrustedtext.h"
#include "models/wirenames.h"

#include <QCoreApplication>
#include <QHash>

namespace Care360::BulkChanges {

namespace {
struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::BulkChanges)
};

// Drops the fields update holds as current has them; current may also be the --base file's.
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

QHash<QString, const Escalation *> byLowerId(const QList<Escalation> &escalations)
{
    QHash<QString, const Escalation *> byId;
    for (const Escalation &escalation : escalations)
        byId.insert(escalation.id.toLower(), &escalation);
    return byId;
}
} // namespace

QString keepChanged(CaseUpdates *request, const QList<Escalation> &current,
                    const AssigneeDirectory &people, bool acceptDisplayMarks)
{
    const QHash<QString, const Escalation *> byId = byLowerId(current);
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

QStringList missingFromBase(const CaseUpdates &request, const BulkUpdateFile::Base &base)
{
    QStringList missing;
    for (qsizetype i = 0; i < request.updates.size(); ++i) {
        const QString &id = request.updates.at(i).escalationId;
        if (!base.escalations.contains(id.toLower()))
            missing << Translate::tr("%1: escalation %2 is not in the --base file, so a change "
                                     "made on Care360 since the export cannot be ruled out.")
                           .arg(request.origins.at(i), id);
    }
    return missing;
}

void dropUnedited(CaseUpdates *request, const BulkUpdateFile::Base &base,
                  const AssigneeDirectory &people)
{
    for (EscalationUpdate &update : request->updates) {
        const auto old = base.escalations.constFind(update.escalationId.toLower());
        if (old != base.escalations.cend())
            dropUnchanged(&update, *old, people);
    }
}

QStringList conflicts(const CaseUpdates &request, const QList<Escalation> &current,
                      const BulkUpdateFile::Base &base)
{
    const QHash<QString, const Escalation *> byId = byLowerId(current);
    QStringList lines;
    for (qsizetype i = 0; i < request.updates.size(); ++i) {
        const EscalationUpdate &update = request.updates.at(i);
        const Escalation *now = byId.value(update.escalationId.toLower());
        const auto old = base.escalations.constFind(update.escalationId.toLower());
        if (!now || old == base.escalations.cend())
            continue; // the server names an escalation it lacks; missingFromBase the others
        QStringList changed; // null and "" are the same note; the same instant the same date
        if (update.note && now->note.value_or(QString()) != old->note.value_or(QString()))
            changed << Wire::note;
        if (update.followUpDueAt && now->followUpDueAt != old->followUpDueAt)
            changed << Wire::followUpDueAt;
        if (update.assignedToEmail
            && now->assignedToUserId.value_or(QString())
                != old->assignedToUserId.value_or(QString()))
            changed << Wire::assignedToEmail;
        for (const QString &field : std::as_const(changed))
            lines << Translate::tr("%1: %2 of escalation %3 was changed on Care360 after the "
                                   "--base file was exported; sending would overwrite it.")
                         .arg(request.origins.at(i), field, update.escalationId);
    }
    return lines;
}

} // namespace Care360::BulkChanges
