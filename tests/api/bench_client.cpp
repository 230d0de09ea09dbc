// One-item update round trips through ApiClient against the in-process sandbox (read by hand:
// QBENCHMARK prints msecs per iteration; the rate line is for docs/performance.md).
#include "apitestsupport.h"

#include "app/api/apiclient.h"
#include "app/api/updateescalationsjob.h"
#include "app/sandbox/demodata.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

using namespace Care360;
using namespace Care360::TestSupport;
namespace Demo = Care360::Sandbox::Demo;

class BenchClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void oneItemUpdateRoundTrip();
    void roundTripsPerSecond();

private:
    bool updateOnce(int counter);

    SandboxFixture m_fixture;
    ApiClient &m_client = m_fixture.client;
    QString m_escalationId;
};

void BenchClient::initTestCase()
{
    // Per-request log lines would dominate what is measured.
    QLoggingCategory::setFilterRules(QStringLiteral("care360.*.info=false"));
    QVERIFY(m_fixture.listen());
    m_fixture.reset();
    m_escalationId = m_fixture.server.store().activeEscalations(Demo::acmeCaseId).value(0).id;
    QVERIFY(!m_escalationId.isEmpty());
}

bool BenchClient::updateOnce(int counter)
{
    EscalationUpdate change;
    change.escalationId = m_escalationId;
    change.note = QStringLiteral("benchmark note %1").arg(counter);
    const JobResult result = waitForJob(m_client.updateEscalations(Demo::acmeCaseId, { change }));
    return result.outcome && result.outcome->kind == ApiOutcome::Kind::Updated;
}

void BenchClient::oneItemUpdateRoundTrip()
{
    int counter = 0;
    QBENCHMARK
    {
        QVERIFY(updateOnce(++counter));
    }
}

void BenchClient::roundTripsPerSecond()
{
    constexpr int rounds = 200;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i)
        QVERIFY(updateOnce(i));
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    qInfo("%d one-item updates in %lld ms: %.0f round trips per second", rounds, ms,
          rounds * 1000.0 / ms);
}

QTEST_GUILESS_MAIN(BenchClient)
#include "bench_client.moc"
