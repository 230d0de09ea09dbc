#include "practicesandbox.h"

#include "sandboxlogging.h"
#include "sandboxserver.h"

namespace Care360::Sandbox {

PracticeSandbox::PracticeSandbox(std::unique_ptr<SandboxServer> server)
    : m_server(std::move(server))
{
}

PracticeSandbox::~PracticeSandbox() = default;

std::unique_ptr<PracticeSandbox> PracticeSandbox::start(const QString &dataFile, QString *problem)
{
    auto server = std::make_unique<SandboxServer>();
    QString error;
    if (dataFile.isEmpty()) {
        server->store().loadDemo();
    } else if (!server->store().loadFile(dataFile, &error)) {
        *problem = tr("The sandbox data file %1 cannot be used: %2").arg(dataFile, error);
        return nullptr;
    }
    if (server->listen() == 0) {
        *problem = tr("The practice sandbox could not start: no free local port.");
        return nullptr;
    }
    qCInfo(lcSandboxServer) << "in-process sandbox listening on" << server->baseUrl().toString();
    return std::unique_ptr<PracticeSandbox>(new PracticeSandbox(std::move(server)));
}

QUrl PracticeSandbox::baseUrl() const
{
    return m_server->baseUrl();
}

QList<PracticeServer::PracticeOrganisation> PracticeSandbox::practiceOrganisations() const
{
    QList<PracticeOrganisation> list;
    for (const SandboxOrganization &organization : m_server->store().organizations()) {
        PracticeOrganisation practice { organization.name, organization.apiKeys.value(0), {} };
        for (const SandboxUser &user : organization.users) {
            // The part before the @, capitalised, stands in for a name: "Nurse (demo)".
            QString name = user.email.section(QLatin1Char('@'), 0, 0);
            if (!name.isEmpty())
                name[0] = name[0].toUpper();
            // The role too: the demo's CASEMANAGER is shown by name but never offered as
            // assignee.
            practice.people.append({ user.id, user.email, tr("%1 (demo)").arg(name), user.role });
        }
        list.append(practice);
    }
    return list;
}

QList<PracticeServer::PracticeCase> PracticeSandbox::practiceCases(int organisation) const
{
    QList<PracticeCase> cases;
    const QList<SandboxOrganization> organizations = m_server->store().organizations();
    if (organisation < 0 || organisation >= organizations.size())
        return cases;
    const SandboxOrganization &chosen = organizations.at(organisation);
    for (const SandboxCase &sandboxCase : chosen.cases) {
        const int active = int(m_server->store().activeEscalations(sandboxCase.id).size());
        cases.append(
            { sandboxCase.id,
              tr("%1 demo case, %Ln active escalation(s)", nullptr, active).arg(chosen.name) });
    }
    return cases;
}

} // namespace Care360::Sandbox
