#include "sandboxthread.h"

#include "practicesandbox.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

namespace Care360::Sandbox {

struct SandboxThread::Shared {
    QThread thread;
    QObject context; // lives on the thread: what runs there is invoked on it
    QMutex mutex;
    QWaitCondition started;
    bool done = false; // guarded by mutex until ready() saw it, then read-only
    QString problem;
    std::unique_ptr<PracticeSandbox> sandbox; // made, used and destroyed on the thread
    // What never changes once it listens, copied out so that reading it needs no round trip.
    QUrl baseUrl;
    QList<PracticeServer::PracticeOrganisation> organisations;
};

SandboxThread::SandboxThread()
    : d(std::make_unique<Shared>())
{
}

SandboxThread::~SandboxThread()
{
    // The server's sockets belong to the thread: they are closed there, then the thread ends.
    QMetaObject::invokeMethod(
        &d->context, [this] { d->sandbox.reset(); }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

std::unique_ptr<SandboxThread> SandboxThread::launch(const QString &dataFile)
{
    std::unique_ptr<SandboxThread> launched(new SandboxThread);
    Shared *shared = launched->d.get();
    shared->thread.setObjectName(QStringLiteral("practiceSandbox"));
    shared->context.moveToThread(&shared->thread);
    shared->thread.start();
    QMetaObject::invokeMethod(&shared->context, [shared, dataFile] {
        QString problem;
        std::unique_ptr<PracticeSandbox> sandbox = PracticeSandbox::start(dataFile, &problem);
        const QMutexLocker locker(&shared->mutex);
        if (sandbox) {
            shared->baseUrl = sandbox->baseUrl();
            shared->organisations = sandbox->practiceOrganisations();
        }
        shared->sandbox = std::move(sandbox);
        shared->problem = problem;
        shared->done = true;
        shared->started.wakeAll();
    });
    return launched;
}

PracticeServerFactory SandboxThread::factory(Start start)
{
    // The one started early, until the first call takes it (a data file of its own needs its own).
    auto prepared = std::make_shared<std::unique_ptr<SandboxThread>>();
    if (start == Start::Now)
        *prepared = launch(QString());
    return
        [prepared](const QString &dataFile, QString *problem) -> std::unique_ptr<PracticeServer> {
            std::unique_ptr<SandboxThread> sandbox =
                dataFile.isEmpty() && *prepared ? std::move(*prepared) : launch(dataFile);
            if (!sandbox->ready(problem))
                return nullptr;
            return sandbox;
        };
}

bool SandboxThread::ready(QString *problem)
{
    const QMutexLocker locker(&d->mutex);
    while (!d->done)
        d->started.wait(&d->mutex);
    if (!d->baseUrl.isValid())
        *problem = d->problem;
    return d->baseUrl.isValid();
}

QUrl SandboxThread::baseUrl() const
{
    return d->baseUrl;
}

QList<PracticeServer::PracticeOrganisation> SandboxThread::practiceOrganisations() const
{
    return d->organisations;
}

QList<PracticeServer::PracticeCase> SandboxThread::practiceCases(int organisation) const
{
    // The active counts change with every send: asked on the thread that changes them.
    QList<PracticeCase> cases;
    QMetaObject::invokeMethod(
        &d->context,
        [this, &cases, organisation] { cases = d->sandbox->practiceCases(organisation); },
        Qt::BlockingQueuedConnection);
    return cases;
}

} // namespace Care360::Sandbox
