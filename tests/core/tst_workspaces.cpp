// Several cases side by side over one set of services, without widgets: the practice sandbox is
// shared (both windows see the same practice data), and one case is edited in one place only.
#include "tests/testsession.h"

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxthread.h"
#include "app/session/preferences.h"
#include "models/escalationtablemodel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Step = CaseWorkspace::Step;
using Confirmation = CaseWorkspace::Confirmation;

class TestWorkspaces : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void workspacesShareOnePracticeServer();
    void oneCaseIsEditedInOnePlace();
    void preferencesReachOpenCases();

private:
    // Starts a workspace on the sandbox and loads a case there; false when it did not load.
    bool startOn(CaseWorkspace *workspace, const QString &caseId);

    std::unique_ptr<ConsoleServices> m_services;
};

void TestWorkspaces::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CARE360_REQUIRE_SESSION_BUS();
}

void TestWorkspaces::init()
{
    QSettings().clear();
    m_services = std::make_unique<ConsoleServices>(
        Sandbox::SandboxThread::factory(Sandbox::SandboxThread::Start::WhenAsked));
}

bool TestWorkspaces::startOn(CaseWorkspace *workspace, const QString &caseId)
{
    QSignalSpy finished(workspace, &CaseWorkspace::finished);
    StartupOptions options;
    options.caseId = caseId;
    workspace->start(options);
    return finished.wait(10000) && workspace->caseId() == caseId;
}

void TestWorkspaces::workspacesShareOnePracticeServer()
{
    CaseWorkspace *first = m_services->createWorkspace();
    CaseWorkspace *second = m_services->createWorkspace();
    QVERIFY(startOn(first, Demo::acmeCaseId));
    QVERIFY(startOn(second, Demo::acmeSecondCaseId));
    QCOMPARE(first->environment().baseUrl, second->environment().baseUrl);
    // A change sent from one is what the other lists.
    QVERIFY(first->model()->setData(first->model()->index(0, EscalationTableModel::Note),
                                    QStringLiteral("Seen by both windows")));
    QSignalSpy sent(first, &CaseWorkspace::finished);
    QCOMPARE(first->send(Confirmation::Given), Step::Started);
    QVERIFY(sent.wait(10000));
    QSignalSpy moved(first, &CaseWorkspace::finished);
    QCOMPARE(first->loadCase(Demo::acmeLargeCaseId, Confirmation::Given), Step::Started);
    QVERIFY(moved.wait(10000));
    QSignalSpy listed(second, &CaseWorkspace::finished);
    QCOMPARE(second->loadCase(Demo::acmeCaseId, Confirmation::Given), Step::Started);
    QVERIFY(listed.wait(10000));
    QCOMPARE(second->model()->index(0, EscalationTableModel::Note).data().toString(),
             QStringLiteral("Seen by both windows"));
}

void TestWorkspaces::oneCaseIsEditedInOnePlace()
{
    CaseWorkspace *first = m_services->createWorkspace();
    CaseWorkspace *second = m_services->createWorkspace();
    QVERIFY(startOn(first, Demo::acmeCaseId));
    QVERIFY(startOn(second, Demo::acmeSecondCaseId));

    QSignalSpy elsewhere(second, &CaseWorkspace::caseOpenElsewhere);
    QSignalSpy notices(second, &CaseWorkspace::notice);
    QCOMPARE(second->loadCase(Demo::acmeCaseId, Confirmation::Given), Step::Nothing);
    QCOMPARE(elsewhere.size(), 1);
    QCOMPARE(elsewhere.at(0).at(0).value<CaseWorkspace *>(), first);
    QVERIFY(notices.at(0).at(1).toString().contains(QStringLiteral("open in another window")));
    QCOMPARE(second->caseId(), Demo::acmeSecondCaseId); // its own case stays open

    // Once the first moves on, the case is free.
    QSignalSpy moved(first, &CaseWorkspace::finished);
    QCOMPARE(first->loadCase(Demo::acmeLargeCaseId, Confirmation::Given), Step::Started);
    QVERIFY(moved.wait(10000));
    QSignalSpy loaded(second, &CaseWorkspace::finished);
    QCOMPARE(second->loadCase(Demo::acmeCaseId, Confirmation::Given), Step::Started);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(second->caseId(), Demo::acmeCaseId);

    // The open cases are on disk while they are open (what a crash leaves to reopen)...
    const QString place = QStringLiteral("sandbox\n") + Demo::acmeCaseId;
    QVERIFY(Settings().openCases().contains(place));
    // ...a workspace that goes away frees its case...
    delete second;
    QVERIFY(!Settings().openCases().contains(place));
    CaseWorkspace *third = m_services->createWorkspace();
    QVERIFY(startOn(third, Demo::acmeCaseId));
    // ...and a clean end leaves nothing to reopen.
    m_services.reset();
    QCOMPARE(Settings().openCases(), QStringList());
    QCOMPARE(ConsoleServices().casesOpenAtACrash().size(), 0);
}

void TestWorkspaces::preferencesReachOpenCases()
{
    CaseWorkspace *workspace = m_services->createWorkspace();
    QVERIFY(startOn(workspace, Demo::acmeSecondCaseId));
    // The demo's "Hold Order" follow-up is two days away: due soon only with a wider window.
    const auto dueSoonRows = [workspace] {
        int rows = 0;
        const EscalationTableModel *model = workspace->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows += model->index(row, EscalationTableModel::FollowUpDue)
                        .data(EscalationTableModel::DueSoonRole)
                        .toBool();
        return rows;
    };
    QCOMPARE(dueSoonRows(), 0);
    Preferences().setDueSoonHours(72);
    QSignalSpy applied(workspace, &CaseWorkspace::preferencesApplied);
    m_services->applyPreferences();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(dueSoonRows(), 1);
}
QTEST_GUILESS_MAIN(TestWorkspaces)
#include "tst_workspaces.moc"
