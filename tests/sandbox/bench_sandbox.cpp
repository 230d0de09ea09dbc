// Requests per second for a one-item update over loopback HTTP (reported, never asserted).
#include "httptesthelper.h"

#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

class BenchSandbox : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void oneItemUpdate_data();
    void oneItemUpdate();
};

void BenchSandbox::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("care360.sandbox.info=false"));
}

void BenchSandbox::oneItemUpdate_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::newRow("case with 6 active") << Demo::acmeCaseId;
    QTest::newRow("case with 1000 active") << Demo::acmeLargeCaseId;
}

void BenchSandbox::oneItemUpdate()
{
    QFETCH(QString, caseId);
    SandboxServer server;
    server.store().loadDemo();
    QVERIFY(server.listen() != 0);
    QNetworkAccessManager manager;
    const QUrl url = caseUrl(server.baseUrl(), caseId);
    const QString id = server.store().activeEscalations(caseId).at(0).id;
    const QByteArray body =
        QJsonDocument(
            QJsonObject { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                          { QStringLiteral("escalations"),
                            QJsonArray { QJsonObject {
                                { QStringLiteral("escalationId"), id },
                                { QStringLiteral("note"), QStringLiteral("Benchmark.") } } } } })
            .toJson(QJsonDocument::Compact);
    const QByteArray key = Demo::acmeApiKey.toUtf8();

    int requests = 0;
    qint64 nanoseconds = 0;
    QBENCHMARK
    {
        QElapsedTimer timer;
        timer.start();
        const HttpResult result = post(manager, url, key, body);
        nanoseconds += timer.nsecsElapsed();
        QCOMPARE(result.status, 200);
        ++requests;
    }
    // QtTest calls this function again while calibrating; the last line is the measured run.
    qInfo("%s: %.0f requests/s over HTTP (%d requests)", QTest::currentDataTag(),
          requests * 1e9 / double(qMax<qint64>(1, nanoseconds)), requests);
    int handled = 0;
    QElapsedTimer storeTimer;
    storeTimer.start();
    while (storeTimer.elapsed() < 200) {
        QCOMPARE(server.store().handle(caseId, key, body).status, 200);
        ++handled;
    }
    qInfo("%s: %.0f updates/s in the store alone", QTest::currentDataTag(),
          handled * 1e9 / double(storeTimer.nsecsElapsed()));
}

QTEST_MAIN(BenchSandbox)
#include "bench_sandbox.moc"
