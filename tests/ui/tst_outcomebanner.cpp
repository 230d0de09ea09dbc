// Every (action x outcome) pair the agent can meet through the real window, with the sentence
// the banner shows for it (issue 22): a load never says "your changes are kept", a send always
// says what became of the changes, a request ID appears only when a request reached a server,
// and a connection closed after the request went out is not "could not reach".
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/casesession.h"

#include <QSettings>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Fault = Care360::Sandbox::Fault;
using Model = EscalationTableModel;

class TestOutcomeBanner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void sentenceIsTrueForTheActionAndOutcome_data();
    void sentenceIsTrueForTheActionAndOutcome();

private:
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestOutcomeBanner::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_outcomebanner"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestOutcomeBanner::cleanup()
{
    m_console.reset();
}

void TestOutcomeBanner::sentenceIsTrueForTheActionAndOutcome_data()
{
    QTest::addColumn<QString>("action"); // load, refresh, send
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("assignee"); // send: an assignee instead of a note
    QTest::addColumn<QString>("caseId"); // load: the case typed
    QTest::addColumn<QStringList>("says");
    QTest::addColumn<QStringList>("neverSays");
    QTest::addColumn<bool>("requestId");
    const QString acme = Demo::acmeCaseId;
    const QString kept = QStringLiteral("kept");
    const QString unreachable = QStringLiteral("Could not reach");

    QTest::newRow("load, HTTP 500")
        << "load" << int(Fault::Http500) << QString() << acme
        << QStringList { "unexpected response (HTTP 500)." } << QStringList { kept } << true;
    QTest::newRow("load, connection closed")
        << "load" << int(Fault::Drop) << QString() << acme
        << QStringList { "The connection closed before Care360 answered (the server closed "
                         "the connection); try again." }
        << QStringList { kept, unreachable, "Unknown error" } << true;
    QTest::newRow("load, rate limit")
        << "load" << int(Fault::RateLimit) << QString() << acme
        << QStringList { "try again in 2 seconds." } << QStringList { kept } << true;
    QTest::newRow("load, unreadable answer")
        << "load" << int(Fault::BadJson) << QString() << acme
        << QStringList { "unexpected response (HTTP 200)." } << QStringList { kept } << true;
    QTest::newRow("load, redirect")
        << "load" << int(Fault::Redirect) << QString() << acme
        << QStringList { "The redirect was not followed" } << QStringList { kept } << true;
    QTest::newRow("load, unknown case") << "load" << int(Fault::None) << QString()
                                        << QStringLiteral("0c0c0c0c-1111-4222-8333-444455556666")
                                        << QStringList { "Care360 has no case with this ID" }
                                        << QStringList { kept, "Nothing was saved" } << true;
    QTest::newRow("refresh, HTTP 500")
        << "refresh" << int(Fault::Http500) << QString() << acme
        << QStringList { "unexpected response (HTTP 500)." } << QStringList { kept } << true;
    QTest::newRow("refresh, connection closed")
        << "refresh" << int(Fault::Drop) << QString() << acme
        << QStringList { "The connection closed before Care360 answered" }
        << QStringList { kept, unreachable } << true;
    QTest::newRow("send, HTTP 500")
        << "send" << int(Fault::Http500) << QString() << acme
        << QStringList { "unexpected response (HTTP 500); your changes are kept." }
        << QStringList {} << true;
    QTest::newRow("send, connection broken")
        << "send" << int(Fault::Drop) << QString() << acme
        << QStringList { "broke before it answered", "may have been applied", "They stay pending" }
        << QStringList { unreachable } << true;
    QTest::newRow("send, rate limit")
        << "send" << int(Fault::RateLimit) << QString() << acme
        << QStringList { "try again in 2 seconds. Your changes are kept." } << QStringList {}
        << true;
    QTest::newRow("send, unreadable answer")
        << "send" << int(Fault::BadJson) << QString() << acme
        << QStringList { "unexpected response (HTTP 200); your changes are kept." }
        << QStringList {} << true;
    QTest::newRow("send, unknown assignee")
        << "send" << int(Fault::None) << QStringLiteral("nobody@acme.example") << acme
        << QStringList { "No assignable Care360 user has the e-mail nobody@acme.example",
                         "Nothing was saved." }
        << QStringList { "may have been applied" } << true;
}

void TestOutcomeBanner::sentenceIsTrueForTheActionAndOutcome()
{
    QFETCH(QString, action);
    QFETCH(int, fault);
    QFETCH(QString, assignee);
    QFETCH(QString, caseId);
    QFETCH(QStringList, says);
    QFETCH(QStringList, neverSays);
    QFETCH(bool, requestId);
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    if (action != QLatin1String("load")) {
        c.typeCaseId(Demo::acmeCaseId);
        QTRY_COMPARE(c.model()->rowCount(), 6);
    }
    if (action == QLatin1String("send")) {
        const QString first = c.sandbox()->store().activeEscalations(Demo::acmeCaseId).at(0).id;
        if (assignee.isEmpty())
            STEP(c.editNote(first, QStringLiteral("Kept whatever happens")));
        else
            STEP(c.editAssignee(first, assignee));
        QTRY_COMPARE(c.model()->pendingCount(), 1);
        // The fault meets the change request itself, not the listing that checks before it.
        c.find<CaseSession>("caseSession")->setListBeforeSend(false);
    }
    c.sandbox()->setFault(Fault(fault), 1);
    if (action == QLatin1String("load"))
        c.typeCaseId(caseId);
    else
        c.triggerAction(action == QLatin1String("send") ? "sendAction" : "refreshAction");
    QTRY_VERIFY_WITH_TIMEOUT(!c.bannerText().isEmpty(), 15000);
    const QString banner = c.bannerText();
    for (const QString &text : std::as_const(says))
        QVERIFY2(banner.contains(text), qPrintable(banner));
    for (const QString &text : std::as_const(neverSays))
        QVERIFY2(!banner.contains(text), qPrintable(banner));
    QCOMPARE(banner.contains(QLatin1String("Request ID")), requestId);
    if (action == QLatin1String("send")) // whatever happened, the change is still there
        QCOMPARE(c.model()->pendingCount(), 1);
}

QTEST_MAIN(TestOutcomeBanner)
#include "tst_outcomebanner.moc"
