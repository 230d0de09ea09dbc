#pragma once

#include "models/environment.h"
#include "models/escalation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QTextStream>

namespace Care360 {

// What list and update saw, kept in the follow-ups store the console reads too (its Follow-ups
// view, reminders, and due), under the profile the console names the environment by. Never a
// note, and no keychain read: the store is not sealed.
class CliFollowUps {
    Q_DECLARE_TR_FUNCTIONS(CliFollowUps)

public:
    // place: the profile's (Profile::place), which the console files its follow-ups under too.
    explicit CliFollowUps(const QString &place);

    // A successful listing or send of the case answered with these active escalations, now.
    void add(const QString &caseId, const QList<Escalation> &active);
    // Writes what was added, after the answer was printed. A store that cannot be written costs
    // one line on err and nothing else: the answer and the exit code stand.
    void record(QTextStream &err);

private:
    struct Listing {
        QString caseId;
        QList<Escalation> active;
        QDateTime at;
    };

    QString m_profile;
    QList<Listing> m_listings;
};

} // namespace Care360
