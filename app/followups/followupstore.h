#pragma once

#include "models/followup.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace Care360 {

class FollowUpDatabase;
struct Escalation;

// The console's follow-ups store: FollowUpDatabase on a thread of its own, so that no write or
// read waits on the disk on the window's thread. Calls are queued in order; after each change
// (and once at the start) the whole record arrives through loaded().
class FollowUpStore : public QObject {
    Q_OBJECT
public:
    // Opens file on its thread, drops the cases not listed for keepDays, then loads.
    FollowUpStore(const QString &file, int keepDays, QObject *parent = nullptr);
    ~FollowUpStore() override;

    void record(const QString &profile, const QString &caseId, const QList<Escalation> &active,
                const QDateTime &refreshedAt);
    void markReminded(const FollowUp &followUp);
    void snooze(const FollowUp &followUp, const QDateTime &untilUtc);
    void reload();

    // What the last load held; empty until the first loaded().
    const QList<FollowUp> &followUps() const { return m_followUps; }
    bool hasLoaded() const { return m_loaded; }

signals:
    void loaded(const QList<Care360::FollowUp> &followUps);
    // A sentence for the agent: the store cannot be opened, read or written.
    void problem(const QString &sentence);

private:
    void onThread(std::function<bool(FollowUpDatabase &)> work);
    void onLoaded(const QList<FollowUp> &followUps);

    QThread m_thread;
    QObject m_context; // lives on m_thread
    std::unique_ptr<FollowUpDatabase> m_database; // made, used and destroyed on m_thread
    QList<FollowUp> m_followUps;
    bool m_loaded = false;
};

} // namespace Care360
