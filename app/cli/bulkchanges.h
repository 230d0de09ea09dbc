#pragma once

#include "bulkupdatefile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Care360 {

class AssigneeDirectory;

// update --from sends only what differs from the server: a file written by list --format csv and
// sent back unchanged changes nothing, and an edited one changes only what was edited.
namespace BulkChanges {

// Drops from request the fields equal to their current value (an assignee's e-mail when people
// knows the current assignee's), then the rows left with nothing. A row naming no escalation of
// current stays whole, for the server to name. Returns a sentence naming the first row whose
// note to send looks like a display form (UntrustedText::looksDisplayed) unless acceptDisplayMarks;
// it never quotes the note.
QString keepChanged(CaseUpdates *request, const QList<Escalation> &current,
                    const AssigneeDirectory &people, bool acceptDisplayMarks);

// update --from NEW --base OLD, OLD being the list --format csv export NEW was edited from. The
// sentences name a row, a field and an escalation ID, never a value.

// One sentence per row of request whose escalation OLD lacks: what changed since is unknown.
QStringList missingFromBase(const CaseUpdates &request, const BulkUpdateFile::Base &base);
// Drops the fields NEW holds as OLD had them (an assignee's e-mail when people knows OLD's
// assignee's): the agent left them alone, so they are not the agent's to send.
void dropUnedited(CaseUpdates *request, const BulkUpdateFile::Base &base,
                  const AssigneeDirectory &people);
// One sentence per field request still sends whose current value is no longer OLD's: someone
// changed it on Care360 after the export, and sending would overwrite that unseen.
QStringList conflicts(const CaseUpdates &request, const QList<Escalation> &current,
                      const BulkUpdateFile::Base &base);

} // namespace BulkChanges
} // namespace Care360
