// What the listing before each send costs (read by hand; QBENCHMARK prints msecs per send):
// one CaseSession send of one changed note, with and without the check for a colleague's
// change, on the 6-escalation demo case and the 1,000-escalation one, over loopback to the
// in-process sandbox. Figures go to docs/performance.md.
#include "app/api/apiclient.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/casesession.h"
#include "models/escalationtablemodel.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;

class BenchSend : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void send_data();
    void send();

private:
    bool run(CaseSession &session, const std::function<bool()> &start);

    Sandbox::SandboxServer m_server;
    QNetworkAccessManager m_network;
    ApiClient m_client { &m_network };
};

void BenchSend::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("care360.*.info=false"));
    const quint16 port = m_server.listen();
    QVERIFY(port != 0);
    m_server.store().loadDemo();
    m_client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    m_client.setApiKey(Demo::acmeApiKey);
}

bool BenchSend::run(CaseSession &session, const std::function<bool()> &start)
{
    QSignalSpy finished(&session, &CaseSession::finished);
    if (!start() || !finished.wait(10000))
        return false;
    const ApiOutcome outcome = finished.at(0).at(1).value<ApiOutcome>();
    if (!outcome.isSuccess())
        qWarning("%s", qPrintable(outcome.userMessage()));
    return outcome.isSuccess();
}

void BenchSend::send_data()
{
    QTest::addColumn<QString>("caseId");
    QTest::addColumn<bool>("listFirst");
    QTest::newRow("6 rows, send only") << Demo::acmeCaseId << false;
    QTest::newRow("6 rows, listing + send") << Demo::acmeCaseId << true;
    QTest::newRow("1000 rows, send only") << Demo::acmeLargeCaseId << false;
    QTest::newRow("1000 rows, listing + send") << Demo::acmeLargeCaseId << true;
}

void BenchSend::send()
{
    QFETCH(QString, caseId);
    QFETCH(bool, listFirst);
    EscalationTableModel model;
    CaseSession session(&m_client, &model, nullptr);
    session.setListBeforeSend(listFirst);
    QVERIFY(run(session, [&] { return session.load(caseId); }));
    // Qt Test may call a benchmark function several times to calibrate: a note must never repeat
    // one the server already holds, or there would be nothing to send.
    static int counter = 0;
    QBENCHMARK
    {
        QVERIFY(model.setData(model.index(0, EscalationTableModel::Note),
                              QStringLiteral("benchmark note %1").arg(++counter)));
        QVERIFY(run(session, [&] { return session.send(); }));
    }
}

QTEST_GUILESS_MAIN(BenchSend)
#include "bench_send.moc"
