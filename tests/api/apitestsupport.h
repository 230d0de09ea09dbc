#pragma once

#include "app/api/apiclient.h"
#include "app/api/apijob.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

namespace Care360::TestSupport {

// What a finished job reported, plus what only the job knew.
struct JobResult {
    std::optional<ApiOutcome> outcome;
    QByteArray rawBody;
    QString requestId;
};

// Waits for the job's finished() in a real event loop (QTest::qWaitFor sleeps in 10 ms slices,
// which would dominate the benchmark); the result is shared so a late signal never writes to a
// dead stack frame.
inline JobResult waitForJob(ApiJob *job, int timeoutMs = 15000)
{
    auto result = std::make_shared<JobResult>();
    result->requestId = job->requestId();
    QEventLoop loop;
    QObject::connect(job, &ApiJob::finished, job, [result, job](const ApiOutcome &outcome) {
        result->outcome = outcome;
        result->rawBody = job->rawBody();
    });
    QObject::connect(job, &ApiJob::finished, &loop, &QEventLoop::quit); // gone with the loop
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result->outcome)
        loop.exec();
    return *result;
}

inline QByteArray headerValue(const Sandbox::SandboxServer::ReceivedRequest &request,
                              const QByteArray &name)
{
    for (const auto &header : request.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// Counts every request the client hands to the network stack.
class CountingNetworkAccessManager : public QNetworkAccessManager {
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

// An in-process sandbox with demo data and a client pointed at it with Acme's key.
struct SandboxFixture {
    Sandbox::SandboxServer server;
    CountingNetworkAccessManager network;
    ApiClient client { &network };

    bool listen()
    {
        server.store().loadDemo();
        server.setRecordingEnabled(true); // these tests inspect what arrived
        return server.listen() != 0;
    }
    // Fresh demo data, no faults, default client settings.
    void reset()
    {
        server.store().loadDemo();
        server.setFault(Sandbox::Fault::None);
        server.setDelay(0);
        server.clearReceivedRequests();
        client.setBaseUrl(server.baseUrl());
        client.setApiKey(Sandbox::Demo::acmeApiKey);
        client.setTimeout(std::chrono::seconds(30));
        network.created = 0;
    }
};

// The items of a received UPDATE_ESCALATION body.
inline QJsonArray receivedItems(const Sandbox::SandboxServer::ReceivedRequest &request)
{
    return QJsonDocument::fromJson(request.body)
        .object()
        .value(QLatin1String("escalations"))
        .toArray();
}

} // namespace Care360::TestSupport
