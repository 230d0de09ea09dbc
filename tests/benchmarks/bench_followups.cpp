// How long the follow-ups record takes at the size issue 25 names (500 cached cases of 10
// escalations): reading it all (on the store's thread), grouping it for the Follow-ups view,
// and recording one case's listing. Figures in docs/performance.md; never asserted.
#include "app/core/consoleservices.h"
#include "app/followups/followupdatabase.h"
#include "app/followups/followupstore.h"
#include "models/escalation.h"
#include "models/followupsmodel.h"
#include "ui/followupswindow.h"

#include <QApplication>
#include <QTreeView>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;

namespace {
constexpr int kCases = 500;
constexpr int kPerCase = 10;

QList<Escalation> listing(int caseNumber, const QDateTime &now)
{
    QList<Escalation> active;
    for (int n = 0; n < kPerCase; ++n) {
        Escalation e;
        e.id = QStringLiteral("e5ca1a7e-0000-4000-8000-%1")
                   .arg(caseNumber * 100 + n, 12, 10, QLatin1Char('0'));
        e.type = QStringLiteral("support");
        e.title = QStringLiteral("Refill Request %1").arg(n);
        e.followUpDueAt = now.addSecs((caseNumber * kPerCase + n - 2000) * 600);
        e.assignedToUserId = QStringLiteral("user-%1").arg(n % 4);
        e.createdAt = now.addDays(-10);
        e.updatedAt = now.addDays(-1);
        active.append(e);
    }
    return active;
}

QString caseId(int number)
{
    return QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-%1").arg(number, 12, 10, QLatin1Char('0'));
}
} // namespace

class BenchFollowUps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void readAll();
    void group();
    void recordOneCase();
    void storeOpenToLoaded();
    void windowOpenToPainted();

private:
    QTemporaryDir m_dir;
    QString m_file;
    QList<FollowUp> m_all;
};

void BenchFollowUps::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The console's own file (its XDG_DATA_HOME is the test session's), for the window.
    QCoreApplication::setOrganizationName(QStringLiteral("Care360-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_followups"));
    m_file = FollowUpDatabase::defaultFile();
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(m_file + suffix);
    FollowUpDatabase database(m_file);
    QVERIFY2(database.isOpen(), qPrintable(database.problem()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    for (int c = 0; c < kCases; ++c)
        QVERIFY(database.record(QStringLiteral("Production"), caseId(c), listing(c, now), now));
    qInfo("recording %d cases of %d: %lld ms", kCases, kPerCase, timer.elapsed());
    m_all = database.all();
    QCOMPARE(m_all.size(), kCases * kPerCase);
}

void BenchFollowUps::readAll()
{
    FollowUpDatabase database(m_file);
    QBENCHMARK
    {
        QCOMPARE(database.all().size(), kCases * kPerCase);
    }
}

void BenchFollowUps::group()
{
    FollowUpsModel model;
    QBENCHMARK
    {
        model.setFollowUps(m_all);
    }
    QCOMPARE(model.shownCount(), kCases * kPerCase);
}

void BenchFollowUps::recordOneCase()
{
    FollowUpDatabase database(m_file);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int n = 0;
    QBENCHMARK
    {
        QVERIFY(database.record(QStringLiteral("Production"), caseId(n++ % kCases), listing(7, now),
                                now));
    }
}

void BenchFollowUps::storeOpenToLoaded()
{
    // What the Follow-ups view waits for at a start: open, prune, read, back on this thread.
    QBENCHMARK
    {
        FollowUpStore store(m_file, 30);
        QSignalSpy loaded(&store, &FollowUpStore::loaded);
        QVERIFY(loaded.wait(10000));
    }
}

void BenchFollowUps::windowOpenToPainted()
{
    // What the agent waits for after Ctrl+Shift+F at a start: the store's first load, then the
    // window built, grouped and painted once.
    QBENCHMARK
    {
        ConsoleServices services;
        FollowUpStore *store = services.followUpStore();
        QSignalSpy loaded(store, &FollowUpStore::loaded);
        QVERIFY(loaded.wait(10000));
        FollowUpsWindow window(&services);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.repaint();
        QCOMPARE(window.model()->shownCount(), kCases * kPerCase);
    }
}

QTEST_MAIN(BenchFollowUps)
#include "bench_followups.moc"
