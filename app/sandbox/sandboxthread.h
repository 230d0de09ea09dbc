#pragma once

#include "app/session/practiceserver.h"

#include <QString>

#include <memory>

namespace Care360::Sandbox {

class PracticeSandbox;

// The console's practice sandbox on a thread of its own: its demo data, its HTTP server's TLS
// set-up and every answer it computes stay off the window's thread, and its start-up runs
// beside the window's instead of before the first request (docs/performance.md). Made on a
// data file it waits for the start; made early with prepare() the start overlaps the window's.
class SandboxThread : public PracticeServer {
public:
    ~SandboxThread() override;

    // What the console passes to its services. With Start::Now the demo sandbox starts at once,
    // before the factory is first called, for a console that will open on the sandbox.
    enum class Start { WhenAsked, Now };
    static PracticeServerFactory factory(Start start);

    // Starts the sandbox on its thread and returns at once; ready() waits for it.
    static std::unique_ptr<SandboxThread> launch(const QString &dataFile);
    // Waits until the sandbox listens or failed; false with the agent's sentence in problem.
    bool ready(QString *problem);

    QUrl baseUrl() const override;
    QList<PracticeOrganisation> practiceOrganisations() const override;
    QList<PracticeCase> practiceCases(int organisation) const override;

private:
    SandboxThread();
    struct Shared;
    std::unique_ptr<Shared> d;
};

} // namespace Care360::Sandbox
