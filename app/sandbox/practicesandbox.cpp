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

QString PracticeSandbox::practiceKey() const
{
    // The first key of the first organisation: the demo's Acme key, or a data file's own.
    const QList<SandboxOrganization> organizations = m_server->store().organizations();
    return organizations.isEmpty() ? QString() : organizations.first().apiKeys.value(0);
}

QList<PracticeServer::PracticeCase> PracticeSandbox::practiceCases() const
{
    QList<PracticeCase> cases;
    const QList<SandboxOrganization> organizations = m_server->store().organizations();
    if (organizations.isEmpty())
        return cases;
    const SandboxOrganization &organization = organizations.first();
    for (const SandboxCase &sandboxCase : organization.cases) {
        const int active = int(m_server->store().activeEscalations(sandboxCase.id).size());
        cases.append({ sandboxCase.id,
                       tr("%1 demo case, %Ln active escalation(s)", nullptr, active)
                           .arg(organization.name) });
    }
    return cases;
}

QList<TeamMember> PracticeSandbox::practicePeople() const
{
    QList<TeamMember> people;
    const QList<SandboxOrganization> organizations = m_server->store().organizations();
    if (organizations.isEmpty())
        return people;
    for (const SandboxUser &user : organizations.first().users) {
        // The part before the @, capitalised, stands in for a name: "Nurse (demo)".
        QString name = user.email.section(QLatin1Char('@'), 0, 0);
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        // The role too: the demo's CASEMANAGER is shown by name but never offered as assignee.
        people.append({ user.id, user.email, tr("%1 (demo)").arg(name), user.role });
    }
    return people;
}

} // namespace Care360::Sandbox
