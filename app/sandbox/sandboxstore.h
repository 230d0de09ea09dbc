#pragma once

#include "sandboxdata.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Care360::Sandbox {

// One answer of the UPDATE_ESCALATION route: HTTP status and JSON body.
struct Reply {
    int status = 200;
    QJsonObject body;
};

// The sandbox's in-memory organisations, users, cases and escalations, and the contract's
// POST /api/v1/cases/:caseId behaviour over them. No networking here: SandboxServer serves it.
class SandboxStore {
public:
    // Replaces all data; on failure the error names the wrong field and the store is unchanged.
    bool load(const QJsonObject &data, QString *error);
    bool loadFile(const QString &path, QString *error);
    // The built-in demo data (demodata.h), with dates relative to now.
    void loadDemo();

    QList<SandboxOrganization> organizations() const { return m_organizations; }
    QList<Escalation> activeEscalations(const QString &caseId) const;
    std::optional<Escalation> escalation(const QString &caseId, const QString &id) const;
    // Completes or reopens an escalation, as another client would; false when unknown.
    bool setCompleted(const QString &caseId, const QString &escalationId, bool completed);
    // The e-mail of a user of any organisation; empty when unknown.
    QString userEmail(const QString &userId) const;

    // The contract's ordered checks (docs/sandbox.md); changes are applied atomically or not at
    // all.
    Reply handle(const QString &caseId, const QByteArray &apiKey, const QByteArray &body);

private:
    struct CaseRef {
        int organization = -1;
        int caseIndex = -1;
    };
    std::optional<CaseRef> findCase(const QString &caseId) const;
    const SandboxUser *assignableUser(int organization, const QString &email) const;
    QList<Escalation> active(const SandboxCase &sandboxCase, bool withUpdatedAt) const;
    void rebuildIndex();

    QList<SandboxOrganization> m_organizations;
    QHash<QString, CaseRef> m_cases;
    QHash<QByteArray, int> m_organizationByKey;
};

} // namespace Care360::Sandbox
