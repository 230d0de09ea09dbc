#pragma once

#include "models/teamdirectory.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Care360 {

// The in-process practice sandbox as the application sees it. The sandbox library implements it
// (app/sandbox/practicesandbox.h) and the executables hand the core a factory, so care360_app and
// the CLI never carry the sandbox's HTTP server, fault injection or demo data.
class PracticeServer {
public:
    virtual ~PracticeServer() = default;
    virtual QUrl baseUrl() const = 0;
    // Each organisation of its data, a built-in practice profile: the key its data accepts
    // (the organisation's first) and the people a newcomer can assign to with it.
    struct PracticeOrganisation {
        QString name;
        QString key;
        QList<TeamMember> people;
    };
    virtual QList<PracticeOrganisation> practiceOrganisations() const = 0;

    // What a newcomer can open with an organisation's key, offered in the case field while on
    // its practice profile.
    struct PracticeCase {
        QString caseId;
        QString title;
    };
    virtual QList<PracticeCase> practiceCases(int organisation) const = 0;
};

// Starts a practice server on a free loopback port, with the built-in demo data when dataFile is
// empty; on failure returns null and a sentence for the agent in problem.
using PracticeServerFactory =
    std::function<std::unique_ptr<PracticeServer>(const QString &dataFile, QString *problem)>;

} // namespace Care360
