// Reminders on a desktop without a notification service (this test's private session bus has
// none): the console says the follow-up in its window instead, once, never with the note.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/followups/desktopnotifier.h"
#include "app/followups/followupstore.h"
#include "models/clock.h"
#include "models/escalation.h"
#include "ui/followupalerts.h"

#include <QSignalSpy>

using namespace Care360;

class TestFollowUpAlerts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void withoutANotificationServiceTheWindowSaysIt();
};

void TestFollowUpAlerts::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_followupalerts"));
    CARE360_REQUIRE_SESSION_BUS();
    ConsoleDriver::forgetEverything();
}

void TestFollowUpAlerts::withoutANotificationServiceTheWindowSaysIt()
{
    QVERIFY2(!DesktopNotifier::isAvailable(), "this test needs a bus without notifications");
    ConsoleDriver c;
    FollowUpStore *store = c.core()->services()->followUpStore();
    QSignalSpy loaded(store, &FollowUpStore::loaded);
    QVERIFY(loaded.wait(5000) || store->hasLoaded());
    Escalation due;
    due.id = QStringLiteral("e5ca1a7e-0000-4000-8000-000000000777");
    due.type = QStringLiteral("support");
    due.title = QStringLiteral("Refill Request");
    due.note = QStringLiteral("CANARY-note-3b1");
    due.followUpDueAt = Clock::currentDateTimeUtc().addSecs(-60);
    store->record(QStringLiteral("sandbox"), QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e77"),
                  { due }, Clock::currentDateTimeUtc());
    QVERIFY(loaded.wait(5000));
    FollowUpAlerts alerts(c.core()->services(), c.consoleWindows(),
                          QStringLiteral("com.care360.EscalationsConsole"));
    QTRY_VERIFY_WITH_TIMEOUT(c.bannerText().startsWith(QStringLiteral("Follow-up due")), 10000);
    const QString said = c.bannerText();
    QVERIFY2(said.contains(QStringLiteral("Refill Request")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e77")),
             qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("CANARY")), qPrintable(said));
}

QTEST_MAIN(TestFollowUpAlerts)
#include "tst_followupalerts.moc"
