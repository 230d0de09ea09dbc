// Reminders as follow-ups come due, and their notifications on a real session bus: the test
// runs a notification service of its own (org.freedesktop.Notifications on a second connection
// to the private bus scripts/test starts), so every Notify call crosses the bus daemon.
#include "app/followups/desktopnotifier.h"
#include "app/followups/followupreminders.h"
#include "app/followups/followupstore.h"
#include "models/clock.h"
#include "models/escalation.h"
#include "models/qtcompat.h"
#include "tests/testsession.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;

namespace {
const QString kCanary = QStringLiteral("PATIENT-CANARY-41d2");

// What a desktop's notification daemon does, as far as the console needs: it takes Notify
// calls, keeps what they carried, and can send ActionInvoked back.
class NotificationServer : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Shown {
        QString appName, icon, summary, body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;
    uint lastId = 0;

public slots:
    uint Notify(const QString &appName, uint, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int)
    {
        shown.append({ appName, icon, summary, body, actions, hints });
        return ++lastId;
    }
    QStringList GetCapabilities() { return { QStringLiteral("actions"), QStringLiteral("body") }; }

signals:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
};

Escalation escalation(const QString &id, const QString &title, const QDateTime &due)
{
    Escalation e;
    e.id = id;
    e.type = QStringLiteral("support");
    e.title = title;
    e.note = kCanary;
    e.followUpDueAt = due;
    e.createdAt = due.addDays(-5);
    return e;
}
} // namespace

class TestFollowUpReminders : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup() { Clock::setSource({}); }
    void remindsOfWhatCameDueWhileClosedThenAsItComes();
    void aSnoozeRemindsAgainWhenItEnds();
    void theNotificationNamesTitleOrganisationAndTimeNeverTheNote();

private:
    void listCase(FollowUpStore &store, const QList<Escalation> &active);

    QDateTime m_now;
    std::unique_ptr<QTemporaryDir> m_dir;
    NotificationServer m_server;
    QString m_serverConnection = QStringLiteral("test-notification-server");
};

void TestFollowUpReminders::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QDBusConnection bus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_serverConnection);
    QVERIFY(bus.isConnected());
    QVERIFY(
        bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_server,
                           QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY2(bus.registerService(QStringLiteral("org.freedesktop.Notifications")),
             "another notification service owns the name on this bus");
}

void TestFollowUpReminders::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(m_serverConnection);
}

void TestFollowUpReminders::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QtCompat::utcDateTime(QDate(2026, 12, 7), QTime(10, 0));
    Clock::setSource([this] { return m_now; });
    m_server.shown.clear();
}

void TestFollowUpReminders::listCase(FollowUpStore &store, const QList<Escalation> &active)
{
    QSignalSpy loaded(&store, &FollowUpStore::loaded);
    store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"), active, m_now);
    QVERIFY(loaded.wait(5000));
}

void TestFollowUpReminders::remindsOfWhatCameDueWhileClosedThenAsItComes()
{
    const QString file = m_dir->filePath(QStringLiteral("followups.sqlite"));
    {
        FollowUpStore store(file, 30);
        QSignalSpy opened(&store, &FollowUpStore::loaded);
        QVERIFY(opened.wait(5000));
        listCase(
            store,
            { escalation(QStringLiteral("past"), QStringLiteral("Came due"), m_now.addSecs(-3600)),
              escalation(QStringLiteral("soon"), QStringLiteral("Comes due"),
                         m_now.addSecs(600)) });
    }
    // The console starts again: the one that came due while it was closed is said at once.
    FollowUpStore store(file, 30);
    FollowUpReminders reminders(&store);
    QSignalSpy due(&reminders, &FollowUpReminders::due);
    QVERIFY(due.wait(5000));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).at(0).value<FollowUp>().escalationId, QStringLiteral("past"));
    // Ten minutes later the other one.
    m_now = m_now.addSecs(601);
    reminders.checkNow();
    QCOMPARE(due.size(), 2);
    QCOMPARE(due.at(1).at(0).value<FollowUp>().escalationId, QStringLiteral("soon"));
    // Each once: looking again, or after the store wrote it down, says nothing more.
    QSignalSpy loaded(&store, &FollowUpStore::loaded);
    reminders.checkNow();
    QVERIFY(loaded.wait(5000) || !store.followUps().isEmpty());
    reminders.checkNow();
    QCOMPARE(due.size(), 2);

    // And a console started after that says nothing either: it was written down.
    QTest::qWait(200);
    FollowUpStore later(file, 30);
    FollowUpReminders again(&later);
    QSignalSpy dueAgain(&again, &FollowUpReminders::due);
    QSignalSpy laterLoaded(&later, &FollowUpStore::loaded);
    QVERIFY(laterLoaded.wait(5000));
    QTest::qWait(100);
    QCOMPARE(dueAgain.size(), 0);
}

void TestFollowUpReminders::aSnoozeRemindsAgainWhenItEnds()
{
    FollowUpStore store(m_dir->filePath(QStringLiteral("followups.sqlite")), 30);
    QSignalSpy opened(&store, &FollowUpStore::loaded);
    QVERIFY(opened.wait(5000));
    FollowUpReminders reminders(&store);
    QSignalSpy due(&reminders, &FollowUpReminders::due);
    listCase(store, { escalation(QStringLiteral("e1"), QStringLiteral("A"), m_now.addSecs(-1)) });
    QCOMPARE(due.size(), 1);
    QSignalSpy loaded(&store, &FollowUpStore::loaded);
    reminders.snoozeForAnHour(due.at(0).at(0).value<FollowUp>());
    QVERIFY(loaded.wait(5000));
    if (!store.followUps().first().snoozedUntil.isValid())
        QVERIFY(loaded.wait(5000)); // the reminded mark and the snooze: two writes
    QCOMPARE(store.followUps().first().snoozedUntil, m_now.addSecs(3600));
    m_now = m_now.addSecs(1800);
    reminders.checkNow();
    QCOMPARE(due.size(), 1);
    m_now = m_now.addSecs(1801);
    reminders.checkNow();
    QCOMPARE(due.size(), 2);
}

void TestFollowUpReminders::theNotificationNamesTitleOrganisationAndTimeNeverTheNote()
{
    QVERIFY(DesktopNotifier::isAvailable());
    // From a listing to the bus, as in the console: a note (the canary) and a hostile title,
    // with markup for the desktop and a right-to-left override.
    FollowUpStore store(m_dir->filePath(QStringLiteral("followups.sqlite")), 30);
    QSignalSpy opened(&store, &FollowUpStore::loaded);
    QVERIFY(opened.wait(5000));
    FollowUpReminders reminders(&store);
    QSignalSpy due(&reminders, &FollowUpReminders::due);
    listCase(store,
             { escalation(QStringLiteral("e1"), QStringLiteral("Refill <b>now</b> \u202Eevil"),
                          m_now.addSecs(-60)) });
    QCOMPARE(due.size(), 1);
    const FollowUp followUp = due.at(0).at(0).value<FollowUp>();
    DesktopNotifier notifier(QStringLiteral("com.care360.Escalations"));
    QSignalSpy answered(&notifier, &DesktopNotifier::answered);
    notifier.notify(followUp, QStringLiteral("Sandbox"));
    QTRY_COMPARE(m_server.shown.size(), 1);
    const NotificationServer::Shown shown = m_server.shown.first();
    QVERIFY2(shown.summary.contains(QStringLiteral("Refill")), qPrintable(shown.summary));
    QVERIFY2(!shown.summary.contains(QChar(0x202E)), qPrintable(shown.summary));
    QVERIFY2(shown.body.contains(QStringLiteral("Sandbox")), qPrintable(shown.body));
    QVERIFY2(shown.body.contains(QStringLiteral("case-1")), qPrintable(shown.body));
    QCOMPARE(shown.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("com.care360.Escalations"));
    QVERIFY(shown.actions.contains(QStringLiteral("default")));
    QVERIFY(shown.actions.contains(QStringLiteral("snooze-hour")));
    for (const QString &text : { shown.summary, shown.body, shown.actions.join(u' ') })
        QVERIFY2(!text.contains(kCanary), qPrintable(text));

    // The agent clicks the notification: the case is asked for.
    emit m_server.ActionInvoked(m_server.lastId, QStringLiteral("default"));
    QVERIFY(answered.wait(5000));
    QCOMPARE(answered.at(0).at(0).value<FollowUp>().caseId, QStringLiteral("case-1"));
    QCOMPARE(answered.at(0).at(1).value<DesktopNotifier::Answer>(), DesktopNotifier::Answer::Open);
}

QTEST_GUILESS_MAIN(TestFollowUpReminders)
#include "tst_followupreminders.moc"
