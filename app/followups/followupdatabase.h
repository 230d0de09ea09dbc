#pragma once

#include "models/followup.h"

#include <QString>

namespace Care360 {

struct Escalation;

// The local record of what the console has seen (SQLite through Qt SQL): per profile and case,
// its active escalations without their notes, when it was last listed, and which reminders
// were shown. One connection, used on one thread: FollowUpStore's for the console, the CLI's
// own. Every method answers false (with a sentence for the agent in problem()) on failure.
class FollowUpDatabase {
public:
    // Opens (and makes) the file; the console's is defaultFile().
    explicit FollowUpDatabase(const QString &file);
    ~FollowUpDatabase();
    FollowUpDatabase(const FollowUpDatabase &) = delete;
    FollowUpDatabase &operator=(const FollowUpDatabase &) = delete;

    static QString defaultFile();

    bool isOpen() const { return m_open; }
    QString problem() const { return m_problem; }

    // A listing or a send of the case answered with these active escalations at refreshedAt:
    // they replace what was kept of the case (so completed ones leave), reminders already
    // shown for an unchanged follow-up stay shown.
    bool record(const QString &profile, const QString &caseId, const QList<Escalation> &active,
                const QDateTime &refreshedAt);
    QList<FollowUp> all();
    bool markReminded(const FollowUp &followUp);
    bool snooze(const FollowUp &followUp, const QDateTime &untilUtc);
    // Drops the cases not listed since before cutoffUtc; returns how many, or -1.
    int dropCasesListedBefore(const QDateTime &cutoffUtc);

private:
    bool exec(const QString &statement);
    // Keeps the agent's sentence; error: the driver's text, else the connection's last error.
    bool fail(const QString &what, QString error = {});

    QString m_connection;
    bool m_open = false;
    QString m_problem;
};

} // namespace Care360
