// The real window with two organisations on one address (the practice server holds both): a
// case refused for the open organisation offers the one that opened it before, and a case typed
// under the wrong one asks where it belongs; Enter takes the organisation that knows the case.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/credentials/profilekeys.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/activitylog.h"
#include "app/session/profilestore.h"
#include "models/escalationtablemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;

class TestOrganisationsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void refusedCaseOffersTheOrganisationThatOpenedIt();
    void caseTypedUnderAnotherOrganisationAsksWhere();

private:
    // Acme and Globex on "Production" at the practice server's address, each with its key;
    // the window on Acme, which has opened Acme's case.
    void twoOrganisations(ConsoleDriver &c);
    QString comboText(ConsoleDriver &c)
    {
        return c.find<QComboBox>("environmentCombo")->currentText();
    }

    std::optional<Profile> m_acme;
    std::optional<Profile> m_globex;
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestOrganisationsUi::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_organisationsui"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestOrganisationsUi::twoOrganisations(ConsoleDriver &c)
{
    QVERIFY(c.sandbox());
    const Environment production { Environment::Kind::Production, c.sandbox()->baseUrl() };
    QString problem;
    m_acme = ProfileStore().add(QStringLiteral("Acme Health"), production, &problem);
    m_globex = ProfileStore().add(QStringLiteral("Globex Care"), production, &problem);
    QVERIFY2(m_acme && m_globex, qPrintable(problem));
    ProfileKeys *keys = c.core()->services()->profileKeys();
    QSignalSpy written(keys, &ProfileKeys::writeFinished);
    keys->write(*m_acme, Demo::acmeApiKey);
    keys->write(*m_globex, Demo::globexApiKey);
    QTRY_COMPARE(written.size(), 2);
    c.core()->services()->notifyProfilesChanged();
    c.core()->selectProfile(*m_acme, CaseWorkspace::Confirmation::Given);
    QTRY_VERIFY(c.core()->hasKey());
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
}

void TestOrganisationsUi::refusedCaseOffersTheOrganisationThatOpenedIt()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(twoOrganisations(c));
    c.core()->selectProfile(*m_globex, CaseWorkspace::Confirmation::Given);
    QTRY_VERIFY(c.core()->hasKey());
    QCOMPARE(comboText(c), QStringLiteral("Globex Care — Production"));
    // Loaded from the field's history, as an agent going back to a case: no question asked,
    // since the refusal is the moment to say where it belongs.
    c.core()->loadCase(Demo::acmeCaseId, CaseWorkspace::Confirmation::Given);
    QTRY_VERIFY2(c.bannerText().contains(QStringLiteral(
                     "This case may belong to another organisation: it was opened before with "
                     "Acme Health — Production.")),
                 qPrintable(c.bannerText()));
    auto *offer = c.find<QPushButton>("bannerProfileButton");
    QVERIFY(offer->isVisible());
    QCOMPARE(offer->text(), QStringLiteral("Open with Acme Health — Production"));
    QCOMPARE(c.model()->rowCount(), 0);
    c.clickButton("bannerProfileButton");
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QCOMPARE(comboText(c), QStringLiteral("Acme Health — Production"));
    QCOMPARE(c.core()->caseId(), Demo::acmeCaseId);
    c.screenshot(QStringLiteral("organisations-refused-offer"));
}

void TestOrganisationsUi::caseTypedUnderAnotherOrganisationAsksWhere()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(twoOrganisations(c));
    c.core()->selectProfile(*m_globex, CaseWorkspace::Confirmation::Given);
    QTRY_VERIFY(c.core()->hasKey());
    // The question's default is the organisation that knows the case: Enter takes it.
    QString question;
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        answer.stop();
        question = box->text();
        QTest::keyClick(box, Qt::Key_Return);
    });
    answer.start();
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(question, // the field's load is queued: the question comes a moment later
                 QStringLiteral("Case %1 was last opened with Acme Health — Production, not Globex "
                                "Care — Production. Open it with Acme Health — Production?")
                     .arg(Demo::acmeCaseId));
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QCOMPARE(comboText(c), QStringLiteral("Acme Health — Production"));
    // Acme's case was never asked for with Globex's key: the activity log has no such call.
    auto *log = c.find<ActivityLog>("activityLog");
    int acmeLoads = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        const QString who = log->index(row, ActivityLog::Organisation).data().toString();
        const QString caseId = log->index(row, ActivityLog::Case).data().toString();
        QVERIFY2(!(who.startsWith(QStringLiteral("Globex")) && caseId == Demo::acmeCaseId),
                 qPrintable(who));
        acmeLoads += caseId == Demo::acmeCaseId ? 1 : 0;
    }
    QCOMPARE(acmeLoads, 2); // the one in twoOrganisations(), and this one
}

QTEST_MAIN(TestOrganisationsUi)
#include "tst_organisationsui.moc"
