#pragma once

#include "apioutcome.h"
#include "escalation.h"
#include "requestsnapshot.h"

#include <QList>

#include <vector>

namespace Care360 {

class EscalationTableModel;
class EscalationRow;

// The merge rules for answers to UPDATE_ESCALATION. A request is a snapshot: only drafts still
// equal to what was sent count as sent, so edits made while it was in flight survive.
class OutcomeMerger {
public:
    explicit OutcomeMerger(EscalationTableModel &model);

    void apply(const RequestSnapshot &snapshot, const ApiOutcome &outcome);
    // New server state: drafts of surviving rows stay (unless the server now has their value),
    // vanished rows with drafts become inactive, vanished rows without drafts go, new rows come.
    void applyListing(const QList<Escalation> &escalations);

private:
    void applyUpdated(const RequestSnapshot &snapshot, const ApiOutcome &outcome);
    void applyValidationFailed(const RequestSnapshot &snapshot, const ApiOutcome &outcome);
    void applyAssigneeNotFound(const ApiOutcome &outcome);
    // Clears drafts the new server value made pointless; returns whether any was cleared.
    bool dropDraftsMatchingServer(EscalationRow &row);
    void removeRows(const std::vector<bool> &remove);

    EscalationTableModel &m_model;
    QString m_modelError; // the model-level error the answer leaves
};

} // namespace Care360
