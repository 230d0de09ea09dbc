#pragma once

#include "escalation.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Care360 {

// What one UPDATE_ESCALATION request carried, taken when it is sent. Item i of the request is
// updates[i]: its escalationId names the row, its set fields are the exact draft values sent.
// Outcomes are merged against it so that edits made while the request is in flight survive.
struct RequestSnapshot {
    QString caseId;
    QList<EscalationUpdate> updates;

    bool isEmpty() const { return updates.isEmpty(); }
};

} // namespace Care360

Q_DECLARE_METATYPE(Care360::RequestSnapshot)
