#pragma once

#include "bulkupdatefile.h"

#include <QList>
#include <QString>

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

} // namespace BulkChanges
} // namespace Care360
