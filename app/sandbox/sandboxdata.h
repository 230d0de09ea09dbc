#pragma once

#include "models/escalation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Care360::Sandbox {

// Plain data held by the sandbox, as read from a data file (see docs/sandbox.md).
struct SandboxUser {
    QString id;
    QString email;
    QString role; // USER, CASEMANAGER, CASEWORKER, ADMIN, CVADMIN or CVTPA
};

struct SandboxCase {
    QString id;
    QList<Escalation> escalations; // creation order; completed ones included
};

struct SandboxOrganization {
    QString name;
    QStringList apiKeys;
    QList<SandboxUser> users;
    QList<SandboxCase> cases;
};

} // namespace Care360::Sandbox
