#pragma once

#include "app/api/apijob.h"
#include "models/escalation.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Care360 {

// The changes one UPDATE_ESCALATION request carries: one case, its items in file order.
struct CaseUpdates {
    QString caseId;
    QList<EscalationUpdate> updates;
    QStringList origins; // where each item came from ("Row 4", "Line 3"), for messages
};

// `update --from FILE`: CSV with a header row, or JSON lines, of escalation changes.
namespace BulkUpdateFile {

// Care360 answers an update with the case's escalations, notes included: notes beyond what the
// client accepts as an answer would end in a refused reply after the server saved them.
inline constexpr qint64 maxBytes = ApiJob::maxResponseBytes;

struct Parsed {
    QList<CaseUpdates> cases; // in the order the cases first appear; empty on error
    // A sentence naming the first bad row; it never quotes a note or an unchecked cell, since a
    // shifted column could put patient text there.
    QString error;
    bool needsCase = false; // the error is a missing --case: a usage error, not a bad row
    QStringList ignoredColumns; // the read-only columns of a list --format csv file, as named
};

// defaultCaseId (from --case, may be empty) takes the rows without a caseId cell. Validated
// whole, including the request schema check of every request, before anything is sent.
Parsed parse(const QByteArray &bytes, const QString &defaultCaseId);

// update --from FILE --base OLD: OLD, the list --format csv export FILE was edited from, read as
// FILE is (the ' before a formula taken off) but every cell taken as a value: an empty note,
// follow-up or assignedToUserId is none.
struct Base {
    QHash<QString, Escalation> escalations; // by lower-case ID: note, followUpDueAt, assignee
    QString error; // a sentence naming OLD and its first bad row, never quoting a cell
};

Base parseBase(const QByteArray &bytes);

} // namespace BulkUpdateFile
} // namespace Care360
