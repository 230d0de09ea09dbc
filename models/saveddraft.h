#pragma once

#include "escalation.h"

#include <QList>

namespace Care360 {

// One row's unsent drafts as kept across runs: the row as last listed (to show it again when it
// is no longer active) and the changed fields.
struct SavedDraft {
    Escalation server;
    EscalationUpdate drafts;

    friend bool operator==(const SavedDraft &a, const SavedDraft &b)
    {
        return a.server == b.server && a.drafts == b.drafts;
    }
    friend bool operator!=(const SavedDraft &a, const SavedDraft &b) { return !(a == b); }
};

} // namespace Care360
