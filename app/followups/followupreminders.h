#pragma once

#include "models/followup.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace Care360 {

class FollowUpStore;

// Says when a follow-up in the store comes due, and at the first load the ones that came due
// while the console was closed; each once per follow-up date, again after a snooze. Times come
// from Clock; a timer wakes it for the next one (at least hourly, for a clock that jumped).
class FollowUpReminders : public QObject {
    Q_OBJECT
public:
    explicit FollowUpReminders(FollowUpStore *store, QObject *parent = nullptr);

    // Snoozing sets nothing on Care360: only when the console reminds again.
    void snoozeForAnHour(const FollowUp &followUp);
    void snoozeUntilTomorrow(const FollowUp &followUp, int workingHour);
    // Looks now (the timer calls it; tests call it after moving the Clock).
    void checkNow();

signals:
    void due(const Care360::FollowUp &followUp);

private:
    static QString keyOf(const FollowUp &followUp);
    void schedule();

    FollowUpStore *m_store;
    QTimer m_timer;
    // Said already, until the store's next load shows it marked (its write is queued).
    QSet<QString> m_said;
};

} // namespace Care360
