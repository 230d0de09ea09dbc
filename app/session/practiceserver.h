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
    // The key its data accepts: the demo's, or a data file's own first key.
    virtual QString practiceKey() const = 0;

    // What a newcomer can open and assign to with that key, offered in the case field and the
    // assignee editor while on the sandbox.
    struct PracticeCase {
        QString caseId;
        QString title;
    };
    virtual QList<PracticeCase> practiceCases() const = 0;
    virtual QList<TeamMember> practicePeople() const = 0;
};

// Starts a practice server on a free loopback port, with the built-in demo data when dataFile is
// empty; on failure returns null and a sentence for the agent in problem.
using PracticeServerFactory =
    std::function<std::unique_ptr<PracticeServer>(const QString &dataFile, QString *problem)>;

} // namespace Care360
