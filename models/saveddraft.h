#pragma once

#include "escalation.h"

#include <QList>

namespace Care360 {

// One row's unsent drafts as kept across runs: the row as last listed (to show it again when it
// is no longer active), the changed fields, and the row as it was when each draft was begun
// (base: what a later listing is compared with to find someone else's change; none when it is
// server, i.e. nobody changed a drafted field meanwhile, and in journals of older consoles).
struct SavedDraft {
    Escalation server;
    EscalationUpdate drafts;
    std::optional<Escalation> base = std::nullopt;

    const Escalation &baseRow() const { return base ? *base : server; }

    friend bool operator==(const SavedDraft &a, const SavedDraft &b)
    {
        return a.server == b.server && a.drafts == b.drafts && a.base == b.base;
    }
    friend bool operator!=(const SavedDraft &a, const SavedDraft &b) { return !(a == b); }
};

} // namespace Care360
