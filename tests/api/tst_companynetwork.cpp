// The console and the CLI behind a company network made of real parts (companynetwork.h): a
// proxy that asks for a login and a TLS server whose certificate comes from a test CA, as a
// TLS-inspecting proxy's would, in front of the sandbox.
#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/core/consoleservices.h"
#include "app/exitcodes.h"
#include "app/network/proxylogins.h"
#include "app/sandbox/demodata.h"
#include "app/session/preferences.h"
#include "clitestsupport.h"
#include "companynetwork.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace Care360;
using namespace Care360::TestSupport;
using Kind = ApiOutcome::Kind;

class TestCompanyNetwork : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cliWithoutProxyLoginSaysSoAndSendsNothing();
    void cliWithoutCompanyCaIsRefusedAndSendsNothing();
    void cliWithProxyLoginAndCompanyCaLists();
    void cliTakesSslCertFile();
    void cliTakesSslCertDir();
    void cliGoesDirectForNoProxyHosts();
    void cliHonoursAllProxy();
    void cliTakesProxyVariablesAsCurlDoes();
    void cliAddsEveryCertificateSource();
    void consoleAsksForProxyLoginOnceAndKeepsItInTheKeychain();
    void consoleWithoutCompanyCaSaysWhereToAddIt();
    void consoleAsksAgainWhenTheProxyRefusesTheLogin();
    void consoleWithoutLoginNamesTheProxy();

private:
    CliRun cli(const QStringList &extraArgs, const QMap<QString, QString> &environment);
    JobResult listThrough(ConsoleServices &services);
    void useCompanyPreferences();

    CliFixture m_fixture;
    CompanyNetwork m_network;
};

void TestCompanyNetwork::initTestCase()
{
    // The console's names: the keychain entries and the settings file the CLI reads.
    QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("care360.com"));
    QVERIFY(m_fixture.listen());
    const QString problem = m_network.start(quint16(m_fixture.server.baseUrl().port()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCompanyNetwork::init()
{
    m_fixture.reset();
    QSettings().clear();
}

CliRun TestCompanyNetwork::cli(const QStringList &extraArgs,
                               const QMap<QString, QString> &environment)
{
    for (const char *name : { "https_proxy", "HTTPS_PROXY", "http_proxy", "all_proxy", "ALL_PROXY",
                              "no_proxy", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR" })
        qunsetenv(name);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        qputenv(qPrintable(it.key()), it.value().toUtf8());
    QStringList args { QStringLiteral("--env"), QStringLiteral("custom"),
                       QStringLiteral("--base-url"), m_network.baseUrl().toString() };
    args << extraArgs << QStringLiteral("list") << QStringLiteral("--case")
         << Sandbox::Demo::acmeSecondCaseId;
    const CliRun run = m_fixture.run(args);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        qunsetenv(qPrintable(it.key()));
    return run;
}

void TestCompanyNetwork::cliWithoutProxyLoginSaysSoAndSendsNothing()
{
    const CliRun run = cli({ QStringLiteral("--ca-file"), m_network.caFile() },
                           { { QStringLiteral("https_proxy"), m_network.proxyUrl(false) } });
    QCOMPARE(run.exitCode, int(Exit::Network));
    QVERIFY2(
        run.err.contains(
            QStringLiteral("The proxy %1 asks for a login").arg(m_network.proxyName()).toUtf8()),
        run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 0);
}

void TestCompanyNetwork::cliWithoutCompanyCaIsRefusedAndSendsNothing()
{
    const CliRun run = cli({}, { { QStringLiteral("https_proxy"), m_network.proxyUrl(true) } });
    QCOMPARE(run.exitCode, int(Exit::Network));
    QVERIFY2(run.err.contains("could not be verified"), run.err.constData());
    QVERIFY2(run.err.contains("inspects secure traffic"), run.err.constData());
    QVERIFY2(run.err.contains("--ca-file"), run.err.constData());
    // The key never left: no request reached the server behind the TLS front.
    QCOMPARE(m_fixture.server.receivedRequests().size(), 0);
}

void TestCompanyNetwork::cliWithProxyLoginAndCompanyCaLists()
{
    const CliRun run = cli({ QStringLiteral("--ca-file"), m_network.caFile() },
                           { { QStringLiteral("https_proxy"), m_network.proxyUrl(true) } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("Hold Order"));
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
    QCOMPARE(headerValue(m_fixture.server.receivedRequests().at(0), "cv-api-key"),
             Sandbox::Demo::acmeApiKey.toUtf8());
}

void TestCompanyNetwork::cliTakesSslCertFile()
{
    const CliRun run = cli({},
                           { { QStringLiteral("https_proxy"), m_network.proxyUrl(true) },
                             { QStringLiteral("SSL_CERT_FILE"), m_network.caFile() } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
    // A file that holds no certificate is a usage error naming it, before any request.
    const QString junk = m_fixture.writeFile(QStringLiteral("junk.pem"), "not a certificate\n");
    const CliRun refused = cli({}, { { QStringLiteral("SSL_CERT_FILE"), junk } });
    QCOMPARE(refused.exitCode, int(Exit::Usage));
    QVERIFY2(refused.err.contains("holds no certificate"), refused.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
}

void TestCompanyNetwork::cliTakesSslCertDir()
{
    // OpenSSL's directory form (c_rehash names the files "<hash>.0"; any name is read).
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QVERIFY(QFile::copy(m_network.caFile(), directory.filePath(QStringLiteral("5d1e3a1f.0"))));
    const CliRun run = cli(
        {},
        { { QStringLiteral("https_proxy"), m_network.proxyUrl(true) },
          { QStringLiteral("SSL_CERT_DIR"), QStringLiteral("/nonexistent:") + directory.path() } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
    // An empty one is a usage error naming it, before any request.
    QTemporaryDir empty;
    const CliRun refused = cli({}, { { QStringLiteral("SSL_CERT_DIR"), empty.path() } });
    QCOMPARE(refused.exitCode, int(Exit::Usage));
    QVERIFY2(refused.err.contains("holds no certificate"), refused.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
}

void TestCompanyNetwork::cliGoesDirectForNoProxyHosts()
{
    // A proxy that does not exist: only going direct can list the case.
    const CliRun run = cli(
        { QStringLiteral("--ca-file"), m_network.caFile() },
        { { QStringLiteral("https_proxy"), QStringLiteral("http://127.0.0.1:%1").arg(freePort()) },
          { QStringLiteral("no_proxy"), QStringLiteral("example.org,") + m_network.host } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
}

void TestCompanyNetwork::cliHonoursAllProxy()
{
    const CliRun withoutLogin = cli({ QStringLiteral("--ca-file"), m_network.caFile() },
                                    { { QStringLiteral("all_proxy"), m_network.proxyUrl(false) } });
    QCOMPARE(withoutLogin.exitCode, int(Exit::Network)); // it did go to the proxy
    QVERIFY2(withoutLogin.err.contains("asks for a login"), withoutLogin.err.constData());
    const CliRun run = cli({ QStringLiteral("--ca-file"), m_network.caFile() },
                           { { QStringLiteral("all_proxy"), m_network.proxyUrl(true) } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
}

void TestCompanyNetwork::cliTakesProxyVariablesAsCurlDoes()
{
    const QStringList ca { QStringLiteral("--ca-file"), m_network.caFile() };
    // "host:port" without a scheme is a proxy too (libproxy ignored it and went direct).
    const CliRun bare = cli(ca, { { QStringLiteral("https_proxy"), m_network.proxyName() } });
    QCOMPARE(bare.exitCode, int(Exit::Network));
    QVERIFY2(bare.err.contains("asks for a login"), bare.err.constData());
    // A wrong password in the URL is named as a refused login, not a broken network.
    QString wrong = m_network.proxyUrl(true);
    wrong.replace(CompanyNetwork::proxyPassword, QStringLiteral("wrong"));
    const CliRun refused = cli(ca, { { QStringLiteral("https_proxy"), wrong } });
    QCOMPARE(refused.exitCode, int(Exit::Network));
    QVERIFY2(refused.err.contains("was not accepted"), refused.err.constData());
    // no_proxy's "*" and ".domain" forms go direct past a proxy that does not exist.
    const QString deadProxy = QStringLiteral("http://127.0.0.1:%1").arg(freePort());
    for (const QString &noProxy :
         QStringList { QStringLiteral("*"), QLatin1Char('.') + m_network.host }) {
        const CliRun direct = cli(ca,
                                  { { QStringLiteral("https_proxy"), deadProxy },
                                    { QStringLiteral("no_proxy"), noProxy } });
        QVERIFY2(direct.exitCode == 0, qPrintable(noProxy + QLatin1Char(' ') + direct.err));
    }
    QCOMPARE(m_fixture.server.receivedRequests().size(), 2);
}

void TestCompanyNetwork::cliAddsEveryCertificateSource()
{
    // The console's CA is added to SSL_CERT_FILE's, not hidden by it.
    QSettings cliSettings(m_fixture.configHome()
                              + QStringLiteral("/Care360/care360-escalations.conf"),
                          QSettings::IniFormat);
    cliSettings.setValue(QStringLiteral("network/caBundleFile"), m_network.caFile());
    cliSettings.sync();
    // SSL_CERT_FILE names another authority (on a desktop, usually the system's own bundle).
    const QString other = m_fixture.dir.filePath(QStringLiteral("other-ca.pem"));
    QString error;
    QVERIFY2(runTool(QStringLiteral("openssl"),
                     { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=Other CA"), QStringLiteral("-keyout"),
                       other + QStringLiteral(".key"), QStringLiteral("-out"), other },
                     &error),
             qPrintable(error));
    const CliRun run = cli({},
                           { { QStringLiteral("https_proxy"), m_network.proxyUrl(true) },
                             { QStringLiteral("SSL_CERT_FILE"), other } });
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_fixture.server.receivedRequests().size(), 1);
}

void TestCompanyNetwork::useCompanyPreferences()
{
    Preferences preferences;
    preferences.setProxy(
        { ProxyChoice::Mode::Manual, QStringLiteral("127.0.0.1"), m_network.proxyPort });
    preferences.setCaBundleFile(m_network.caFile());
}

JobResult TestCompanyNetwork::listThrough(ConsoleServices &services)
{
    ApiClient client(services.network());
    client.setBaseUrl(m_network.baseUrl());
    client.setApiKey(Sandbox::Demo::acmeApiKey);
    return waitForJob(client.fetchActiveEscalations(Sandbox::Demo::acmeSecondCaseId));
}

void TestCompanyNetwork::consoleAsksForProxyLoginOnceAndKeepsItInTheKeychain()
{
    useCompanyPreferences();
    QStringList asked;
    {
        ConsoleServices services;
        services.proxyLogins()->setAsker([&](const QString &proxy, bool) {
            asked << proxy;
            return std::optional(
                ProxyLogins::Login { CompanyNetwork::proxyUser, CompanyNetwork::proxyPassword });
        });
        const JobResult first = listThrough(services);
        QVERIFY(first.outcome);
        QVERIFY2(first.outcome->kind == Kind::Listed, qPrintable(first.outcome->userMessage()));
        QCOMPARE(asked, QStringList { m_network.proxyName() });
        QVERIFY(listThrough(services).outcome->isSuccess());
        QCOMPARE(asked.size(), 1);
        QTest::qWait(500); // the keychain write is asynchronous
    }
    // The next start: the login comes from the keychain; the agent is not asked.
    ConsoleServices next;
    next.proxyLogins()->setAsker([&](const QString &proxy, bool) {
        asked << proxy;
        return std::optional<ProxyLogins::Login>();
    });
    const JobResult again = listThrough(next);
    QVERIFY(again.outcome);
    QVERIFY2(again.outcome->kind == Kind::Listed, qPrintable(again.outcome->userMessage()));
    QCOMPARE(asked.size(), 1);
    // The CLI reads the same preferences (proxy, CA) and the same keychain entry.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CARE360_API_KEY"), Sandbox::Demo::acmeApiKey);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli"),
                  { QStringLiteral("--env"), QStringLiteral("custom"), QStringLiteral("--base-url"),
                    m_network.baseUrl().toString(), QStringLiteral("list"),
                    QStringLiteral("--case"), Sandbox::Demo::acmeSecondCaseId });
    QVERIFY(QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(process.readAllStandardOutput().contains("Hold Order"));
}

void TestCompanyNetwork::consoleWithoutCompanyCaSaysWhereToAddIt()
{
    // The proxy and its login, but no organisation CA in Preferences: refused, key unsent, and
    // the sentence points at the setting (the CLI's points at --ca-file).
    Preferences().setProxy(
        { ProxyChoice::Mode::Manual, QStringLiteral("127.0.0.1"), m_network.proxyPort });
    ConsoleServices services;
    services.proxyLogins()->setKeychainEnabled(false);
    services.proxyLogins()->setAsker([](const QString &, bool) {
        return std::optional(
            ProxyLogins::Login { CompanyNetwork::proxyUser, CompanyNetwork::proxyPassword });
    });
    const JobResult result = listThrough(services);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::TlsFailed);
    const QString sentence = result.outcome->userMessage();
    QVERIFY2(sentence.contains(QLatin1String("inspects secure traffic")), qPrintable(sentence));
    QVERIFY2(sentence.contains(QStringLiteral("Settings › Preferences › Network")),
             qPrintable(sentence));
    QCOMPARE(m_fixture.server.receivedRequests().size(), 0);
    // With the CA added in Preferences, the same console lists.
    Preferences().setCaBundleFile(m_network.caFile());
    ConsoleServices next;
    next.proxyLogins()->setKeychainEnabled(false);
    next.proxyLogins()->setAsker([](const QString &, bool) {
        return std::optional(
            ProxyLogins::Login { CompanyNetwork::proxyUser, CompanyNetwork::proxyPassword });
    });
    const JobResult listed = listThrough(next);
    QVERIFY(listed.outcome);
    QVERIFY2(listed.outcome->kind == Kind::Listed, qPrintable(listed.outcome->userMessage()));
}

void TestCompanyNetwork::consoleAsksAgainWhenTheProxyRefusesTheLogin()
{
    useCompanyPreferences();
    ConsoleServices services;
    services.proxyLogins()->setKeychainEnabled(false);
    QList<bool> refusedFlags;
    services.proxyLogins()->setAsker([&](const QString &, bool refused) {
        refusedFlags << refused;
        return std::optional(ProxyLogins::Login {
            CompanyNetwork::proxyUser,
            refusedFlags.size() == 1 ? QStringLiteral("wrong") : CompanyNetwork::proxyPassword });
    });
    // Qt ends the tunnel when the proxy turns a login down: the agent hears which proxy, and
    // trying again asks again, saying the last login was refused.
    const JobResult first = listThrough(services);
    QVERIFY(first.outcome);
    QCOMPARE(first.outcome->kind, Kind::ProxyLoginNeeded);
    QCOMPARE(first.outcome->detail, m_network.proxyName());
    const JobResult again = listThrough(services);
    QVERIFY(again.outcome);
    QVERIFY2(again.outcome->kind == Kind::Listed, qPrintable(again.outcome->userMessage()));
    QCOMPARE(refusedFlags, (QList<bool> { false, true }));
}

void TestCompanyNetwork::consoleWithoutLoginNamesTheProxy()
{
    useCompanyPreferences();
    ConsoleServices services;
    services.proxyLogins()->setKeychainEnabled(false);
    services.proxyLogins()->setAsker(
        [](const QString &, bool) { return std::optional<ProxyLogins::Login>(); });
    const JobResult result = listThrough(services);
    QVERIFY(result.outcome);
    QCOMPARE(result.outcome->kind, Kind::ProxyLoginNeeded);
    QCOMPARE(result.outcome->detail, m_network.proxyName());
    QVERIFY(result.outcome->userMessage().contains(m_network.proxyName()));
    QCOMPARE(m_fixture.server.receivedRequests().size(), 0);
}

QTEST_MAIN(TestCompanyNetwork)
#include "tst_companynetwork.moc"
