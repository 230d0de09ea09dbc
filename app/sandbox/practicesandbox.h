#pragma once

#include "app/session/practiceserver.h"

#include <QCoreApplication>

namespace Care360::Sandbox {

class SandboxServer;

// The sandbox run inside the console for practice: loopback only, nothing recorded.
class PracticeSandbox : public PracticeServer {
    Q_DECLARE_TR_FUNCTIONS(PracticeSandbox)
public:
    ~PracticeSandbox() override;
    // On the calling thread, which then serves it (tests that reach the server use this; the
    // console runs it on a thread of its own, SandboxThread).
    static std::unique_ptr<PracticeSandbox> start(const QString &dataFile, QString *problem);

    QUrl baseUrl() const override;
    QList<PracticeOrganisation> practiceOrganisations() const override;
    QList<PracticeCase> practiceCases(int organisation) const override;
    // Tests reach the running server to inject faults.
    SandboxServer *server() const { return m_server.get(); }

private:
    explicit PracticeSandbox(std::unique_ptr<SandboxServer> server);

    std::unique_ptr<SandboxServer> m_server;
};

} // namespace Care360::Sandbox
