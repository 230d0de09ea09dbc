#pragma once

// care360-escalations-cli as a real process against an in-process sandbox: shared by tst_cli and
// tst_clibulk.
#include "apitestsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace Care360::TestSupport {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The escalations of list --format json's envelope (data.escalations); *parsed says whether the
// output was valid JSON at all.
inline QJsonArray listedEscalations(const QByteArray &out, bool *parsed)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    *parsed = error.error == QJsonParseError::NoError;
    return document.object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("escalations"))
        .toArray();
}

struct CliFixture {
    Sandbox::SandboxServer server;
    QTemporaryDir dir;
    // The session's Secret Service (scripts/test's private one) instead of none at all.
    bool useKeychain = false;
    // Extra variables for the next runs (CARE360_PROFILE).
    QProcessEnvironment extraEnvironment;

    bool listen()
    {
        server.store().loadDemo();
        server.setRecordingEnabled(true); // the tests count and read what arrived
        return dir.isValid() && server.listen() != 0;
    }
    // Fresh demo data, no faults, no requests seen, no settings from an earlier test.
    void reset()
    {
        server.store().loadDemo();
        server.setFault(Sandbox::Fault::None);
        server.setDelay(0);
        server.clearReceivedRequests();
        QDir(configHome()).removeRecursively();
        QDir(dataHome()).removeRecursively();
    }
    // The requests that could change something: update --from first lists each case with a
    // request naming only one random escalation ID, which changes nothing.
    QList<Sandbox::SandboxServer::ReceivedRequest> updatesReceived() const
    {
        QList<Sandbox::SandboxServer::ReceivedRequest> updates;
        for (const auto &request : server.receivedRequests()) {
            const QJsonArray items = receivedItems(request);
            if (items.size() != 1 || items.at(0).toObject().size() != 1)
                updates << request;
        }
        return updates;
    }
    // The CLI's XDG_CONFIG_HOME: its settings (the team directory) land here, never in the
    // developer's own.
    QString configHome() const { return dir.filePath(QStringLiteral("config")); }
    // The CLI's XDG_DATA_HOME: the follow-ups store list and update write and due reads.
    QString dataHome() const { return dir.filePath(QStringLiteral("data")); }
    // FollowUpDatabase::defaultFile() as the CLI computes it under dataHome().
    QString followUpsFile() const
    {
        return dataHome() + QStringLiteral("/Care360/care360-escalations/followups.sqlite");
    }

    // Every file the follow-ups store is kept in (SQLite's journal too, when one is left).
    QByteArray followUpsBytes() const
    {
        QByteArray bytes;
        const QFileInfoList files = QFileInfo(followUpsFile()).dir().entryInfoList(QDir::Files);
        for (const QFileInfo &info : files) {
            QFile file(info.filePath());
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

    // Changes an escalation as another client would, straight in the sandbox's store (Acme).
    bool setOnServer(const QString &caseId, const QString &escalationId, QJsonObject fields)
    {
        fields.insert(QStringLiteral("escalationId"), escalationId);
        const QJsonObject body { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                                 { QStringLiteral("escalations"), QJsonArray { fields } } };
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return server.store().handle(caseId, Sandbox::Demo::acmeApiKey.toLatin1(), json).status
            == 200;
    }
    // The user ID Care360 reports for an assignee of the case; empty when none has that e-mail.
    QString assigneeUserId(const QString &caseId, const QString &email)
    {
        for (const Escalation &e : server.store().activeEscalations(caseId)) {
            if (e.assignedToUserId && server.store().userEmail(*e.assignedToUserId) == email)
                return *e.assignedToUserId;
        }
        return {};
    }

    QStringList sandboxArgs() const
    {
        return { QStringLiteral("--env"), QStringLiteral("sandbox"), QStringLiteral("--base-url"),
                 server.baseUrl().toString() };
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
            return {};
        return path;
    }

    void start(QProcess &process, const QStringList &args,
               const QString &key = Sandbox::Demo::acmeApiKey) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("CARE360_API_KEY"));
        if (!key.isEmpty())
            environment.insert(QStringLiteral("CARE360_API_KEY"), key);
        // Never the developer's real keychain: none, or the test session's own.
        if (!useKeychain)
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                               QStringLiteral("unix:path=")
                                   + dir.filePath(QStringLiteral("no-bus")));
        for (const QString &name : extraEnvironment.keys())
            environment.insert(name, extraEnvironment.value(name));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
        environment.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
        process.setProcessEnvironment(environment);
        process.setProgram(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli"));
        process.setArguments(args);
        process.start();
    }

    // directory import of content, as the agent would; whether it succeeded.
    bool importDirectory(const QByteArray &content)
    {
        const QString file = writeFile(QStringLiteral("team.csv"), content);
        return run({ QStringLiteral("directory"), QStringLiteral("import"), file }).exitCode == 0;
    }

    // Asynchronous, so this event loop keeps serving the sandbox while the CLI waits on it.
    CliRun run(const QStringList &args, const QString &key = Sandbox::Demo::acmeApiKey,
               const QByteArray &input = QByteArray())
    {
        QProcess process;
        start(process, args, key);
        if (process.waitForStarted(10000)) {
            process.write(input);
            process.closeWriteChannel();
        }
        CliRun run;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
};

} // namespace Care360::TestSupport
