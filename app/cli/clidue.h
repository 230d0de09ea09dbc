#pragma once

#include "clioptions.h"
#include "models/followup.h"

#include <QCoreApplication>
#include <QSet>
#include <QTextStream>

#include <optional>

namespace Care360 {

class AssigneeDirectory;

// `due`: the follow-ups kept on this computer (what the console and list/update last saw of
// each case), answered from the store alone: no network, no keychain, nothing written.
class CliDue {
    Q_DECLARE_TR_FUNCTIONS(CliDue)

public:
    static int run(const CliOptions &options, QTextStream &out, QTextStream &err);

    // The follow-ups options asks for at nowUtc, soonest first. mine: the agent's user IDs.
    static QList<FollowUp> selected(QList<FollowUp> kept, const CliOptions &options,
                                    const QSet<QString> &mine, const QDateTime &nowUtc);
    // Whether a stored profile is the one --profile names: its name in any case ("Sandbox"), or
    // for a custom server its URL as the agent gave it to --base-url.
    static bool matchesProfile(const QString &profile, const QString &asked);

private:
    // The user IDs whose e-mail is Preferences::myEmail(), per the team directory and the
    // e-mails learnt; nothing (with the sentence on err) when there is no such ID.
    static std::optional<QSet<QString>> myUserIds(const AssigneeDirectory &people,
                                                  QTextStream &err);
    static bool read(QList<FollowUp> *kept, QTextStream &err);
};

} // namespace Care360
