// Two agents on one case, two real clients (each its own network manager, client, model and
// session) against the sandbox over loopback: a colleague's note saved while the other agent
// edits it is never overwritten without that agent's choice.
#include "app/api/apiclient.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/activitylog.h"
#include "app/session/casesession.h"
#include "models/escalationtablemodel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;
using Action = CaseSession::Action;
using Kind = ApiOutcome::Kind;

namespace {
const QString kTheirs = QStringLiteral("Allergy to penicillin noted");
const QString kMine = QStringLiteral("Called the pharmacy, refill approved");

// One agent's console, without widgets.
struct Agent {
    explicit Agent(const QUrl &baseUrl)
    {
        client.setBaseUrl(baseUrl);
        client.setApiKey(Demo::acmeApiKey);
    }
    ApiOutcome run(const std::function<bool()> &start)
    {
        QSignalSpy finished(&session, &CaseSession::finished);
        if (!start())
            return {};
        if (!finished.wait(10000))
            return {};
        return finished.at(0).at(1).value<ApiOutcome>();
    }
    QModelIndex note(int row) const { return model.index(row, Model::Note); }

    QNetworkAccessManager network;
    ApiClient client { &network };
    Model model;
    ActivityLog log;
    CaseSession session { &client, &model, &log };
};
} // namespace

class TestConflictRace : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void colleaguesNoteIsNotOverwrittenBySend();
    void withoutTheListingARefreshFindsItAndNothingIsSent();
    void anotherFieldOfTheSameRowIsSafe();

private:
    QString serverNote(int row);

    Sandbox::SandboxServer m_server;
    QUrl m_url;
};

void TestConflictRace::initTestCase()
{
    const quint16 port = m_server.listen();
    QVERIFY(port != 0);
    m_server.setRecordingEnabled(true);
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void TestConflictRace::init()
{
    m_server.store().loadDemo();
}

QString TestConflictRace::serverNote(int row)
{
    Agent reader(m_url);
    const ApiOutcome listed = reader.run([&] { return reader.session.load(Demo::acmeCaseId); });
    return listed.escalations.value(row).note.value_or(QString());
}

void TestConflictRace::colleaguesNoteIsNotOverwrittenBySend()
{
    Agent a(m_url);
    Agent b(m_url);
    QCOMPARE(a.run([&] { return a.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);
    QCOMPARE(b.run([&] { return b.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);

    // A saves a clinical fact on row 0; B, who listed before, edits the same note and sends.
    QVERIFY(a.model.setData(a.note(0), kTheirs));
    QCOMPARE(a.run([&] { return a.session.send(); }).kind, Kind::Updated);
    QVERIFY(b.model.setData(b.note(0), kMine));
    const ApiOutcome refused = b.run([&] { return b.session.send(); });

    QCOMPARE(serverNote(0), kTheirs); // nothing of B's replaced A's note
    QCOMPARE(refused.kind, Kind::Conflict);
    QVERIFY2(refused.userMessage().contains(QStringLiteral("Nothing was sent")),
             qPrintable(refused.userMessage()));
    QVERIFY(b.model.index(0, Model::Note).data(Model::ConflictRole).toBool());
    QCOMPARE(b.model.index(0, Model::Note).data(Model::DraftValueRole).toString(), kMine);
    QCOMPARE(b.model.index(0, Model::Note).data(Model::ServerValueRole).toString(), kTheirs);

    // B reads theirs and keeps their own knowingly: the next send carries it.
    QVERIFY(b.model.keepDraftOverServer(b.note(0)));
    QCOMPARE(b.run([&] { return b.session.send(); }).kind, Kind::Updated);
    QCOMPARE(serverNote(0), kMine);
}

void TestConflictRace::withoutTheListingARefreshFindsItAndNothingIsSent()
{
    Agent a(m_url);
    Agent b(m_url);
    b.session.setListBeforeSend(false);
    QCOMPARE(a.run([&] { return a.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);
    QCOMPARE(b.run([&] { return b.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);
    QVERIFY(b.model.setData(b.note(1), kMine));
    QVERIFY(a.model.setData(a.note(1), kTheirs));
    QCOMPARE(a.run([&] { return a.session.send(); }).kind, Kind::Updated);

    QCOMPARE(b.run([&] { return b.session.refresh(); }).kind, Kind::Listed);
    QCOMPARE(b.model.conflictCount(), 1);
    m_server.clearReceivedRequests();
    const ApiOutcome refused = b.run([&] { return b.session.send(); });
    QCOMPARE(refused.kind, Kind::Conflict);
    QCOMPARE(refused.conflicts, 1);
    QCOMPARE(m_server.receivedRequests().size(), 0); // known already: no request at all
    QCOMPARE(serverNote(1), kTheirs);

    // Taking theirs leaves nothing to send.
    b.model.revertCell(b.note(1));
    QCOMPARE(b.model.conflictCount(), 0);
    QCOMPARE(b.model.pendingCount(), 0);
    QCOMPARE(b.model.index(1, Model::Note).data(Qt::DisplayRole).toString(), kTheirs);
}

void TestConflictRace::anotherFieldOfTheSameRowIsSafe()
{
    Agent a(m_url);
    Agent b(m_url);
    QCOMPARE(a.run([&] { return a.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);
    QCOMPARE(b.run([&] { return b.session.load(Demo::acmeCaseId); }).kind, Kind::Listed);
    QVERIFY(a.model.setData(a.note(2), kTheirs));
    QCOMPARE(a.run([&] { return a.session.send(); }).kind, Kind::Updated);
    QVERIFY(b.model.setData(b.model.index(2, Model::Assignee), Demo::acmeNurseEmail));
    const ApiOutcome sent = b.run([&] { return b.session.send(); });
    QCOMPARE(sent.kind, Kind::Updated);
    QCOMPARE(serverNote(2), kTheirs);
    // The activity log has the load, then the check and the send, in that order.
    QStringList actions;
    for (const ActivityEntry &entry : b.log.entries())
        actions << entry.action;
    QCOMPARE(
        actions,
        QStringList({ QStringLiteral("load"), QStringLiteral("check"), QStringLiteral("send") }));
}

QTEST_GUILESS_MAIN(TestConflictRace)
#include "tst_conflictrace.moc"
