// care360-sandbox: the local Care360 stand-in as a standalone server (docs/sandbox.md).
#include "app/sandbox/demodata.h"
#include "app/sandbox/faultinjector.h"
#include "app/sandbox/sandboxlogging.h"
#include "app/sandbox/sandboxserver.h"

#include "care360/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Care360::Sandbox;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "care360-sandbox: %s\n", qPrintable(message));
    return 2;
}

#ifdef Q_OS_UNIX
int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop through a pipe: a signal handler may only write().
void quitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
#else
void quitOnSignals(QCoreApplication *)
{
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
}
#endif

QString demoSummary()
{
    return QStringLiteral("Demo data (without --data):\n"
                          "  %1: API key %2, cases %3 (mixed), %4 (3 active), %5 (1,000 active);\n"
                          "    assignable: %6, %7; not assignable: %8\n"
                          "  %9: API key %10, case %11; assignable: %12\n")
        .arg(Demo::acmeName, Demo::acmeApiKey, Demo::acmeCaseId, Demo::acmeSecondCaseId,
             Demo::acmeLargeCaseId, Demo::acmeAgentEmail, Demo::acmeNurseEmail,
             Demo::acmeManagerEmail, Demo::globexName)
        .arg(Demo::globexApiKey, Demo::globexCaseId, Demo::globexAgentEmail);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("care360-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CARE360_VERSION));
    qSetMessagePattern(QStringLiteral("%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local Care360 stand-in that speaks the UPDATE_ESCALATION contract.\n\n")
        + demoSummary());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                  QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption allowRemote(QStringLiteral("allow-remote"),
                                         QStringLiteral("Allow a non-loopback --host."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port (default 0: pick a free one)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("JSON data file instead of the demo data."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"),
                                   QStringLiteral("Delay every answer by N milliseconds."),
                                   QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral(
            "Make the next COUNT requests (default: all) fail as KIND: %1. Repeatable: applied "
            "in order.")
            .arg(FaultInjector::names().join(QStringLiteral(", "))),
        QStringLiteral("KIND[:COUNT]"));
    const QCommandLineOption httpDebug(
        QStringLiteral("http-debug"),
        QStringLiteral("Let QtHttpServer's own debug output through (QT_LOGGING_RULES alone does "
                       "not); API key values are still replaced by [redacted]."));
    parser.addOptions({ host, allowRemote, port, data, delay, fault, httpDebug });
    parser.process(app);
    installLogGuard(parser.isSet(httpDebug));

    const QHostAddress address(parser.value(host));
    if (address.isNull())
        return fail(QStringLiteral("--host: not an IP address: %1").arg(parser.value(host)));
    if (!address.isLoopback() && !parser.isSet(allowRemote))
        return fail(QStringLiteral("--host %1 is not a loopback address; the sandbox has demo "
                                   "keys, so add --allow-remote if you really mean it")
                        .arg(parser.value(host)));
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return fail(QStringLiteral("--port: not a port number: %1").arg(parser.value(port)));
    const int delayMs = parser.value(delay).toInt(&ok);
    if (!ok || delayMs < 0)
        return fail(
            QStringLiteral("--delay-ms: not a non-negative number: %1").arg(parser.value(delay)));

    SandboxServer server;
    // Several --fault options run one after the other, e.g. drop:1 then http500:2.
    for (const QString &spec : parser.values(fault)) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        const std::optional<Fault> kind = FaultInjector::fromName(parts.value(0));
        int count = -1;
        if (parts.size() == 2)
            count = parts.at(1).toInt(&ok);
        if (!kind || parts.size() > 2 || (parts.size() == 2 && (!ok || count < 1)))
            return fail(QStringLiteral("--fault: expected KIND[:COUNT] with KIND one of %1: %2")
                            .arg(FaultInjector::names().join(QStringLiteral(", ")), spec));
        server.addFault(*kind, count);
    }
    server.setDelay(delayMs);

    if (parser.isSet(data)) {
        QString error;
        if (!server.store().loadFile(parser.value(data), &error))
            return fail(QStringLiteral("bad data file: %1").arg(error));
    } else {
        server.store().loadDemo();
    }

    if (server.listen(address, quint16(portNumber)) == 0)
        return fail(QStringLiteral("cannot listen on %1 port %2 (is the port busy?)")
                        .arg(address.toString())
                        .arg(portNumber));
    quitOnSignals(&app);
    std::fprintf(stdout, "listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
