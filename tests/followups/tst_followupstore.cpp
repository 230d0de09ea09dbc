// The follow-ups record on a real disk (SQLite through Qt SQL): what a listing leaves, what it
// never keeps (notes), two profiles side by side, cases dropped after N days, and the reminder
// state a listing keeps or resets. Through FollowUpStore, on its own thread, as the console.
#include "app/followups/followupdatabase.h"
#include "app/followups/followupstore.h"
#include "models/clock.h"
#include "models/escalation.h"
#include "models/qtcompat.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;

namespace {
const QString kCanary = QStringLiteral("PATIENT-CANARY-7f3e9b");
const QDateTime kNow = QtCompat::utcDateTime(QDate(2026, 12, 7), QTime(10, 0));

Escalation escalation(const QString &id, const QString &title, const QDateTime &due)
{
    Escalation e;
    e.id = id;
    e.type = QStringLiteral("support");
    e.title = title;
    e.note = kCanary + QStringLiteral(" said the pharmacy never called back");
    if (due.isValid())
        e.followUpDueAt = due;
    e.createdAt = kNow.addDays(-3);
    e.updatedAt = kNow.addDays(-1);
    return e;
}

// Waits for the store's next load after a change.
QList<FollowUp> nextLoad(FollowUpStore &store, const std::function<void()> &change)
{
    QSignalSpy loaded(&store, &FollowUpStore::loaded);
    change();
    if (!loaded.wait(5000))
        return {};
    return store.followUps();
}
} // namespace

class TestFollowUpStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup() { Clock::setSource({}); }
    void keepsTheListingWithoutItsNotes();
    void aCaseIsReplacedByItsNextListing();
    void profilesAreKeptApart();
    void casesNotListedForNDaysAreDropped();
    void aReminderShownStaysShownUntilTheDateChanges();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file() const { return m_dir->filePath(QStringLiteral("followups.sqlite")); }
};

void TestFollowUpStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Clock::setSource([] { return kNow; });
}

void TestFollowUpStore::keepsTheListingWithoutItsNotes()
{
    {
        FollowUpStore store(file(), 30);
        QSignalSpy first(&store, &FollowUpStore::loaded);
        QVERIFY(first.wait(5000));
        QVERIFY(store.followUps().isEmpty());
        const QList<FollowUp> kept = nextLoad(store, [&] {
            store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"),
                         { escalation(QStringLiteral("e1"), QStringLiteral("Refill Request"),
                                      kNow.addDays(1)),
                           escalation(QStringLiteral("e2"), QStringLiteral("Missing ID"), {}) },
                         kNow);
        });
        QCOMPARE(kept.size(), 2);
        const auto e1 = std::find_if(kept.cbegin(), kept.cend(), [](const FollowUp &f) {
            return f.escalationId == QStringLiteral("e1");
        });
        QVERIFY(e1 != kept.cend());
        QCOMPARE(e1->title, QStringLiteral("Refill Request"));
        QCOMPARE(e1->followUpDueAt, kNow.addDays(1));
        QCOMPARE(e1->refreshedAt, kNow);
        QCOMPARE(e1->profile, QStringLiteral("Sandbox"));
    }
    // Closed, then read as another process would: the rows are there, the note is nowhere on
    // disk (nor in SQLite's journal or write-ahead files next to it).
    FollowUpDatabase database(file());
    QVERIFY2(database.isOpen(), qPrintable(database.problem()));
    QCOMPARE(database.all().size(), 2);
    const QStringList files = QDir(m_dir->path()).entryList(QDir::Files);
    QVERIFY(files.contains(QStringLiteral("followups.sqlite")));
    for (const QString &name : files) {
        QFile onDisk(m_dir->filePath(name));
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        const QByteArray bytes = onDisk.readAll();
        QVERIFY2(!bytes.contains(kCanary.toUtf8()), qPrintable(name));
        QVERIFY2(!bytes.contains(QStringLiteral("pharmacy").toUtf8()), qPrintable(name));
    }
    QCOMPARE(QFile(file()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

void TestFollowUpStore::aCaseIsReplacedByItsNextListing()
{
    FollowUpStore store(file(), 30);
    QSignalSpy first(&store, &FollowUpStore::loaded);
    QVERIFY(first.wait(5000));
    nextLoad(store, [&] {
        store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"),
                     { escalation(QStringLiteral("e1"), QStringLiteral("A"), kNow.addDays(1)),
                       escalation(QStringLiteral("e2"), QStringLiteral("B"), kNow.addDays(2)) },
                     kNow);
    });
    // e2 was completed by a colleague: the next listing no longer has it.
    const QList<FollowUp> kept = nextLoad(store, [&] {
        store.record(
            QStringLiteral("Sandbox"), QStringLiteral("case-1"),
            { escalation(QStringLiteral("e1"), QStringLiteral("A, renamed"), kNow.addDays(4)) },
            kNow.addSecs(60));
    });
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().escalationId, QStringLiteral("e1"));
    QCOMPARE(kept.first().title, QStringLiteral("A, renamed"));
    QCOMPARE(kept.first().followUpDueAt, kNow.addDays(4));
    QCOMPARE(kept.first().refreshedAt, kNow.addSecs(60));
}

void TestFollowUpStore::profilesAreKeptApart()
{
    FollowUpStore store(file(), 30);
    QSignalSpy first(&store, &FollowUpStore::loaded);
    QVERIFY(first.wait(5000));
    const auto listing = [](const QString &title) {
        return QList<Escalation> { escalation(QStringLiteral("e1"), title, kNow.addDays(1)) };
    };
    nextLoad(store, [&] {
        store.record(QStringLiteral("Production"), QStringLiteral("case-1"),
                     listing(QStringLiteral("prod")), kNow);
    });
    const QList<FollowUp> kept = nextLoad(store, [&] {
        store.record(QStringLiteral("Staging"), QStringLiteral("case-1"),
                     listing(QStringLiteral("staging")), kNow);
    });
    QCOMPARE(kept.size(), 2);
    QStringList seen;
    for (const FollowUp &followUp : kept)
        seen.append(followUp.profile + QLatin1Char('=') + followUp.title);
    seen.sort();
    QCOMPARE(seen,
             QStringList({ QStringLiteral("Production=prod"), QStringLiteral("Staging=staging") }));
}

void TestFollowUpStore::casesNotListedForNDaysAreDropped()
{
    {
        FollowUpStore store(file(), 30);
        QSignalSpy first(&store, &FollowUpStore::loaded);
        QVERIFY(first.wait(5000));
        nextLoad(store, [&] {
            store.record(
                QStringLiteral("Sandbox"), QStringLiteral("old"),
                { escalation(QStringLiteral("e1"), QStringLiteral("old"), kNow.addDays(1)) },
                kNow.addDays(-31));
        });
        const QList<FollowUp> kept = nextLoad(store, [&] {
            store.record(
                QStringLiteral("Sandbox"), QStringLiteral("recent"),
                { escalation(QStringLiteral("e2"), QStringLiteral("recent"), kNow.addDays(1)) },
                kNow.addDays(-29));
        });
        QCOMPARE(kept.size(), 2); // dropped at the next start, not under the agent's eyes
    }
    FollowUpStore reopened(file(), 30);
    QSignalSpy loaded(&reopened, &FollowUpStore::loaded);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(reopened.followUps().size(), 1);
    QCOMPARE(reopened.followUps().first().caseId, QStringLiteral("recent"));
}

void TestFollowUpStore::aReminderShownStaysShownUntilTheDateChanges()
{
    FollowUpStore store(file(), 30);
    QSignalSpy first(&store, &FollowUpStore::loaded);
    QVERIFY(first.wait(5000));
    const QDateTime due = kNow.addSecs(-60);
    QList<FollowUp> kept = nextLoad(store, [&] {
        store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"),
                     { escalation(QStringLiteral("e1"), QStringLiteral("A"), due) }, kNow);
    });
    QCOMPARE(kept.size(), 1);
    QVERIFY(kept.first().needsReminder(kNow));
    kept = nextLoad(store, [&] { store.markReminded(kept.first()); });
    QVERIFY(!kept.first().needsReminder(kNow));
    // Listed again with the same date: still shown; with another date: due again when it comes.
    kept = nextLoad(store, [&] {
        store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"),
                     { escalation(QStringLiteral("e1"), QStringLiteral("A"), due) }, kNow);
    });
    QVERIFY(!kept.first().needsReminder(kNow));
    kept = nextLoad(store, [&] {
        store.record(QStringLiteral("Sandbox"), QStringLiteral("case-1"),
                     { escalation(QStringLiteral("e1"), QStringLiteral("A"), kNow.addSecs(-30)) },
                     kNow);
    });
    QVERIFY(kept.first().needsReminder(kNow));
    // Snoozed: not before the snooze ends.
    kept = nextLoad(store, [&] { store.snooze(kept.first(), kNow.addSecs(3600)); });
    QVERIFY(!kept.first().needsReminder(kNow));
    QVERIFY(kept.first().needsReminder(kNow.addSecs(3600)));
}

QTEST_GUILESS_MAIN(TestFollowUpStore)
#include "tst_followupstore.moc"
