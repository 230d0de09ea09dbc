// CaseWorkspace as the window uses it, with no widget: start-up, environment switches, the
// Production confirmation, retry, revert and the key path, against a real sandbox over loopback
// and the real keychain of scripts/test.
#include "tests/testsession.h"

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/credentials/profilekeys.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/sandbox/sandboxthread.h"
#include "app/session/profilestore.h"
#include "app/translations.h"
#include "models/escalationtablemodel.h"
#include "tests/credentials/keychaintesthelpers.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Step = CaseWorkspace::Step;
using Confirmation = CaseWorkspace::Confirmation;
using Model = EscalationTableModel;

class TestCaseWorkspace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstRunStartsOnTheSandboxAndLoadsTheStartupCase();
    void sandboxOffersOnlyAssignableDemoPeople();
    void missingKeyFallsBackToTheSandboxAndSaysSo();
    void commandLineEnvironmentWinsAndAsksForItsKey();
    void withoutASandboxTheAgentIsAskedForAKey();
    void switchingEnvironmentAsksBeforeDroppingDrafts();
    void productionSendWaitsForConfirmation();
    void retryGoesThroughTheSameQuestion();
    void revertIsOneUndoStepAndDiscardNeedsNoQuestion();
    void savedKeyReachesTheClientAndForgetTakesItBack();
    void recentCasesKeepATitle();

private:
    // A core on a "Production" whose address is the test's own sandbox, with Acme's key stored.
    void openProductionOnTheTestServer();
    void loadAcmeCase();
    void editNote(int row, const QString &text);

    Sandbox::SandboxServer m_server;
    CredentialStore m_store;
    // A workspace over its own services, as the console's main() makes them.
    void makeCore(PracticeServerFactory practiceServer = {});

    std::unique_ptr<ConsoleServices> m_services;
    CaseWorkspace *m_core = nullptr; // owned by m_services
};

void TestCaseWorkspace::makeCore(PracticeServerFactory practiceServer)
{
    m_services = std::make_unique<ConsoleServices>(std::move(practiceServer));
    m_core = m_services->createWorkspace();
}

void TestCaseWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // QSettings writes nothing without an organisation name, and profiles are saved settings.
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    installTranslations(*QCoreApplication::instance());
    CARE360_REQUIRE_SESSION_BUS();
    m_server.setRecordingEnabled(true);
    QVERIFY(m_server.listen() != 0);
}

void TestCaseWorkspace::init()
{
    QSettings().clear(); // every scenario is a first run
    m_server.store().loadDemo();
    m_server.setFault(Sandbox::Fault::None);
    m_server.clearReceivedRequests();
}

void TestCaseWorkspace::cleanup()
{
    m_services.reset();
    m_core = nullptr;
    KeychainTest::removeKey(m_store, m_server.baseUrl());
}

void TestCaseWorkspace::openProductionOnTheTestServer()
{
    QVERIFY(KeychainTest::writeKey(m_store, m_server.baseUrl(), Demo::acmeApiKey).isSuccess());
    makeCore();
    const Environment production { Environment::Kind::Production, m_server.baseUrl() };
    QCOMPARE(m_core->selectEnvironment(production), Step::Started);
    QTRY_VERIFY(m_core->hasKey());
    QCOMPARE(m_core->keyStateText(), QStringLiteral("Key saved in keychain"));
}

void TestCaseWorkspace::loadAcmeCase()
{
    QSignalSpy finished(m_core, &CaseWorkspace::finished);
    QCOMPARE(m_core->loadCase(Demo::acmeCaseId), Step::Started);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_core->caseId(), Demo::acmeCaseId);
    QCOMPARE(m_core->model()->rowCount(), 6);
}

void TestCaseWorkspace::editNote(int row, const QString &text)
{
    QVERIFY(m_core->model()->setData(m_core->model()->index(row, Model::Note), text));
}

void TestCaseWorkspace::firstRunStartsOnTheSandboxAndLoadsTheStartupCase()
{
    makeCore(Sandbox::SandboxThread::factory(Sandbox::SandboxThread::Start::WhenAsked));
    QSignalSpy requested(m_core, &CaseWorkspace::caseRequested);
    StartupOptions options;
    options.caseId = Demo::acmeCaseId;
    m_core->start(options);
    QCOMPARE(m_core->environment().kind, Environment::Kind::Sandbox);
    QVERIFY(m_core->environment().baseUrl.host() == QLatin1String("127.0.0.1"));
    QCOMPARE(m_core->keyStateText(), QStringLiteral("Sandbox demo key"));
    QTRY_COMPARE(m_core->model()->rowCount(), 6);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), Demo::acmeCaseId);
    QCOMPARE(m_core->recentCases(), QStringList { Demo::acmeCaseId });
    QCOMPARE(ProfileStore().lastProfileId(), Profile::practiceId(0));
}

void TestCaseWorkspace::sandboxOffersOnlyAssignableDemoPeople()
{
    makeCore(Sandbox::SandboxThread::factory(Sandbox::SandboxThread::Start::WhenAsked));
    m_core->start(StartupOptions());
    QCOMPARE(m_core->environment().kind, Environment::Kind::Sandbox);
    const QString offered = m_core->assigneeCompletions().join(QLatin1Char('\n'));
    QVERIFY2(offered.contains(Demo::acmeAgentEmail), qPrintable(offered));
    QVERIFY2(offered.contains(Demo::acmeNurseEmail), qPrintable(offered));
    // The demo's CASEMANAGER cannot be assigned escalations, so the editor does not offer them.
    QVERIFY2(!offered.contains(Demo::acmeManagerEmail), qPrintable(offered));
}

void TestCaseWorkspace::missingKeyFallsBackToTheSandboxAndSaysSo()
{
    // The environment remembered from last time, not one the command line names.
    Settings settings;
    settings.setLastEnvironment(QStringLiteral("custom"));
    settings.setCustomBaseUrl(KeychainTest::uniqueUrl(QStringLiteral("core-no-key")));
    makeCore(Sandbox::SandboxThread::factory(Sandbox::SandboxThread::Start::WhenAsked));
    QSignalSpy notices(m_core, &CaseWorkspace::notice);
    QSignalSpy keyRequests(m_core, &CaseWorkspace::keyRequested);
    QSignalSpy caseRequests(m_core, &CaseWorkspace::caseRequested);
    StartupOptions options;
    options.caseId = Demo::acmeCaseId; // exists on the sandbox too, but was asked for elsewhere
    m_core->start(options);
    QTRY_COMPARE(m_core->environment().kind, Environment::Kind::Sandbox);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).value<CaseWorkspace::NoticeKind>(),
             CaseWorkspace::NoticeKind::Info);
    const QString text = notices.at(0).at(1).toString();
    // The profile made for that address is named after its host.
    QVERIFY2(text.contains(QStringLiteral("No API key is saved for tst-core-no-key-")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(".example.invalid — Custom yet")), qPrintable(text));
    QVERIFY2(text.contains(Demo::acmeCaseId), qPrintable(text));
    QCOMPARE(keyRequests.size(), 0); // a first run is not greeted by a dialog
    // Nothing was loaded on the sandbox in the case's name, and nothing will be.
    QCOMPARE(m_core->keyStateText(), QStringLiteral("Sandbox demo key"));
    QCOMPARE(caseRequests.size(), 0);
    QVERIFY(m_core->caseId().isEmpty());
    QVERIFY(m_core->canLoad());
}

void TestCaseWorkspace::commandLineEnvironmentWinsAndAsksForItsKey()
{
    // --environment custom --base-url URL --case ID, with no key saved for URL yet.
    makeCore(Sandbox::SandboxThread::factory(Sandbox::SandboxThread::Start::WhenAsked));
    QSignalSpy notices(m_core, &CaseWorkspace::notice);
    QSignalSpy keyRequests(m_core, &CaseWorkspace::keyRequested);
    StartupOptions options;
    options.environment = Environment::Kind::Custom;
    options.baseUrl = m_server.baseUrl();
    options.caseId = Demo::acmeCaseId;
    m_core->start(options);
    QVERIFY(keyRequests.wait(10000));
    QCOMPARE(m_core->environment().kind, Environment::Kind::Custom);
    QCOMPARE(m_core->environment().baseUrl, m_server.baseUrl());
    QCOMPARE(notices.size(), 0); // no "opened on the Sandbox"
    QCOMPARE(ProfileStore().lastProfileId(), m_core->profile().id);
    QCOMPARE(m_core->profile().environment.kind, Environment::Kind::Custom);
    QCOMPARE(ProfileStore().find(m_core->profile().id)->environment.baseUrl, m_server.baseUrl());
    // The key entered: the case asked for opens there.
    QSignalSpy finished(m_core, &CaseWorkspace::finished);
    m_core->saveKey(Demo::acmeApiKey);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_core->caseId(), Demo::acmeCaseId);
    QCOMPARE(m_core->environment().kind, Environment::Kind::Custom);
}

void TestCaseWorkspace::withoutASandboxTheAgentIsAskedForAKey()
{
    makeCore();
    QVERIFY(!m_core->hasSandbox());
    QSignalSpy keyRequests(m_core, &CaseWorkspace::keyRequested);
    StartupOptions options;
    options.environment = Environment::Kind::Custom;
    options.baseUrl = KeychainTest::uniqueUrl(QStringLiteral("core-no-sandbox"));
    m_core->start(options);
    QVERIFY(keyRequests.wait(10000));
    QCOMPARE(m_core->environment().kind, Environment::Kind::Custom);
    QVERIFY(!m_core->canLoad());
}

void TestCaseWorkspace::switchingEnvironmentAsksBeforeDroppingDrafts()
{
    openProductionOnTheTestServer();
    loadAcmeCase();
    editNote(0, QStringLiteral("Keep me"));
    QVERIFY(m_core->needsDiscardConfirmation());
    QVERIFY(m_core->discardQuestion(QStringLiteral("Switching."))
                .endsWith(QStringLiteral("Your unsent changes will be lost.")));

    const Environment staging = Environment::staging();
    QCOMPARE(m_core->selectEnvironment(staging), Step::ConfirmDiscard);
    QCOMPARE(m_core->environment().kind, Environment::Kind::Production);
    QCOMPARE(m_core->model()->pendingCount(), 1);
    QCOMPARE(m_core->loadCase(Demo::acmeSecondCaseId), Step::ConfirmDiscard);
    QCOMPARE(m_core->caseId(), Demo::acmeCaseId);

    QCOMPARE(m_core->selectEnvironment(staging, Confirmation::Given), Step::Started);
    QCOMPARE(m_core->environment().kind, Environment::Kind::Staging);
    QVERIFY(m_core->caseId().isEmpty());
    QCOMPARE(m_core->model()->rowCount(), 0);
    QCOMPARE(m_core->selectEnvironment(staging), Step::Nothing);
}

void TestCaseWorkspace::productionSendWaitsForConfirmation()
{
    openProductionOnTheTestServer();
    loadAcmeCase();
    editNote(1, QStringLiteral("Confirmed first"));
    const int requestsBefore = int(m_server.receivedRequests().size());

    QCOMPARE(m_core->send(), Step::ConfirmSend);
    QCOMPARE(m_server.receivedRequests().size(), requestsBefore); // nothing left the console
    const CaseWorkspace::SendConfirmation confirmation = m_core->sendConfirmation();
    QCOMPARE(confirmation.caseId, Demo::acmeCaseId);
    QCOMPARE(confirmation.updates.size(), 1);
    const QString id = confirmation.updates.at(0).escalationId;
    QCOMPARE(confirmation.titles.value(id),
             m_core->model()->index(1, Model::Title).data().toString());

    QSignalSpy finished(m_core, &CaseWorkspace::finished);
    QCOMPARE(m_core->send(Confirmation::Given), Step::Started);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(1).value<ApiOutcome>().kind, ApiOutcome::Kind::Updated);
    QCOMPARE(m_core->sentCount(), 1);
    QCOMPARE(m_server.store().escalation(Demo::acmeCaseId, id)->note.value_or(QString()),
             QStringLiteral("Confirmed first"));

    // "Don't ask again" is remembered: the next send goes straight out.
    m_core->setConfirmProductionSend(false);
    editNote(2, QStringLiteral("No question"));
    QCOMPARE(m_core->send(), Step::Started);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_core->model()->pendingCount(), 0);
}

void TestCaseWorkspace::retryGoesThroughTheSameQuestion()
{
    openProductionOnTheTestServer();
    loadAcmeCase();
    editNote(3, QStringLiteral("Survives a 500"));
    m_server.setFault(Sandbox::Fault::Http500, 1);
    QSignalSpy finished(m_core, &CaseWorkspace::finished);
    QCOMPARE(m_core->send(Confirmation::Given), Step::Started);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(0).at(1).value<ApiOutcome>().kind != ApiOutcome::Kind::Updated);
    QCOMPARE(m_core->model()->pendingCount(), 1); // the edit survives

    QCOMPARE(m_core->retry(), Step::ConfirmSend);
    QCOMPARE(m_core->retry(Confirmation::Given), Step::Started);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(1).at(1).value<ApiOutcome>().kind, ApiOutcome::Kind::Updated);
    QCOMPARE(m_core->model()->pendingCount(), 0);
}

void TestCaseWorkspace::revertIsOneUndoStepAndDiscardNeedsNoQuestion()
{
    openProductionOnTheTestServer();
    loadAcmeCase();
    editNote(0, QStringLiteral("one"));
    editNote(1, QStringLiteral("two"));
    QVERIFY(
        m_core->model()->setData(m_core->model()->index(1, Model::Assignee), Demo::acmeNurseEmail));
    QCOMPARE(m_core->model()->pendingCount(), 3); // a change is one field
    QUndoStack *undo = m_core->model()->undoStack();
    const int stepsBefore = undo->count();
    m_core->revertCells({ m_core->model()->index(0, Model::Note),
                          m_core->model()->index(1, Model::Note),
                          m_core->model()->index(1, Model::Assignee),
                          m_core->model()->index(2, Model::Note) }); // clean: ignored
    QCOMPARE(m_core->model()->pendingCount(), 0);
    QCOMPARE(undo->count(), stepsBefore + 1);
    QVERIFY(!m_core->needsDiscardConfirmation());
    undo->undo();
    QCOMPARE(m_core->model()->pendingCount(), 3);
    m_core->revertCells({ m_core->model()->index(3, Model::Note) }); // nothing dirty: no step
    QCOMPARE(undo->count(), stepsBefore + 1);
    QCOMPARE(undo->index(), stepsBefore); // the redo history survives
    m_core->revertAll();
    QCOMPARE(m_core->model()->pendingCount(), 0);
}

void TestCaseWorkspace::savedKeyReachesTheClientAndForgetTakesItBack()
{
    const QUrl url = KeychainTest::uniqueUrl(QStringLiteral("core-key"));
    makeCore();
    QSignalSpy keyRequests(m_core, &CaseWorkspace::keyRequested);
    QCOMPARE(m_core->selectEnvironment(Environment::custom(url)), Step::Started);
    QVERIFY(keyRequests.wait(10000));
    QVERIFY(!m_core->hasKey());

    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);
    m_core->saveKey(QStringLiteral("cv-core-key-1"));
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.at(0).at(0).value<CaseWorkspace::KeyResult>().ok);
    QVERIFY(m_core->hasKey());
    // In the profile's own entry; the address's old one stays empty.
    const QString own = ProfileKeys::entryName(m_core->profile().id);
    QSignalSpy read(&m_store, &CredentialStore::readFinished);
    m_store.read(own);
    QVERIFY(read.wait(10000));
    QCOMPARE(read.at(0).at(1).value<CredentialResult>().key, QStringLiteral("cv-core-key-1"));
    QCOMPARE(KeychainTest::readKey(m_store, url).status, CredentialResult::Status::NotFound);

    QSignalSpy forgotten(m_core, &CaseWorkspace::keyForgetFinished);
    m_core->forgetKey();
    QVERIFY(forgotten.wait(10000));
    QVERIFY(forgotten.at(0).at(0).value<CaseWorkspace::KeyResult>().ok);
    QVERIFY(!m_core->hasKey());
    QCOMPARE(KeychainTest::readKey(m_store, url).status, CredentialResult::Status::NotFound);
}

void TestCaseWorkspace::recentCasesKeepATitle()
{
    // Care360 gives a case no title: its oldest active escalation's tells it apart in the list
    // (the list showed bare IDs once a case had been opened).
    openProductionOnTheTestServer();
    loadAcmeCase();
    const QList<QPair<QString, QString>> expected { { Demo::acmeCaseId,
                                                      QStringLiteral("Address verification") } };
    QCOMPARE(m_core->recentCasesWithTitles(), expected);
    // The next console knows it too.
    Settings next;
    next.setProfile(m_core->profile().id); // recent cases belong to the profile
    QCOMPARE(next.recentCaseTitle(Demo::acmeCaseId), QStringLiteral("Address verification"));
}

QTEST_GUILESS_MAIN(TestCaseWorkspace)
#include "tst_caseworkspace.moc"
