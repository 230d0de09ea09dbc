#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/api/apiclient.h"
#include "app/credentials/credentialstore.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/activitylog.h"
#include "app/session/casesession.h"
#include "app/session/profilestore.h"
#include "ui/apikeydialog.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QToolButton>
#include <QUndoStack>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstRunOpensOnSandboxAndLoadsACase();
    void sandboxDataFileBringsItsOwnKey();
    void editsUndoRedoAndSend();
    void escalationCompletedElsewhereKeepsOtherDrafts();
    void unknownAssigneeFlagsTheCell();
    void caseNotFoundPermissionDeniedAndWrongKey();
    void timeoutAndDroppedConnectionLoseNothing();
    void hugeServerErrorIsCappedInTheBanner();
    void apiKeyDialogSavesReadsBackAndForgets();

private:
    void loadAcmeCase(ConsoleDriver &console);
    // Active escalation IDs of the demo case, in the sandbox's order.
    QStringList acmeIds(ConsoleDriver &console) const;

    std::unique_ptr<ConsoleDriver> m_console;
};

void TestMainWindow::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_mainwindow"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestMainWindow::init()
{
    QSettings().clear(); // every scenario is a first run
}

void TestMainWindow::cleanup()
{
    if (m_console)
        m_console->screenshot(QString::fromLatin1(QTest::currentTestFunction()));
    m_console.reset();
}

void TestMainWindow::loadAcmeCase(ConsoleDriver &console)
{
    console.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(console.model()->rowCount(), 6);
}

QStringList TestMainWindow::acmeIds(ConsoleDriver &console) const
{
    QStringList ids;
    for (const Escalation &e : console.sandbox()->store().activeEscalations(Demo::acmeCaseId))
        ids << e.id;
    return ids;
}

void TestMainWindow::firstRunOpensOnSandboxAndLoadsACase()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    QVERIFY(c.sandbox());
    // The demo's first organisation, a built-in practice profile.
    QCOMPARE(c.find<QComboBox>("environmentCombo")->currentText(),
             QStringLiteral("Acme Health — Sandbox"));
    QCOMPARE(c.find<QLabel>("profileMarker")->text(), QStringLiteral("Practice data"));
    QTRY_COMPARE(c.keyStateText(), QStringLiteral("Sandbox demo key"));

    // A pasted link containing the case ID works as well as the bare ID.
    c.typeCaseId(
        QStringLiteral("https://care360.example/cases/%1?tab=escalations").arg(Demo::acmeCaseId));
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QCOMPARE(c.table()->model()->rowCount(), 6);
    const QList<Escalation> active = c.sandbox()->store().activeEscalations(Demo::acmeCaseId);
    for (const Escalation &e : active) {
        const QModelIndex title = c.cell(e.id, Model::Title);
        QVERIFY(title.isValid());
        QCOMPARE(title.data().toString(), e.title);
    }
    QCOMPARE(c.find<QLineEdit>("caseIdEdit")->text(), Demo::acmeCaseId);
    QCOMPARE(c.find<QLabel>("pendingLabel")->text(), QStringLiteral("No pending changes"));
    QVERIFY(!c.find<QAction>("sendAction")->isEnabled());
}

void TestMainWindow::sandboxDataFileBringsItsOwnKey()
{
    // The contract fixture's organisation has its own key, not the demo's.
    StartupOptions options;
    options.sandboxDataFile = QStringLiteral(CARE360_CONTRACT_DIR "/../sandbox/data/contract.json");
    options.caseId = QStringLiteral("c0a5e000-0000-4000-8000-000000000001");
    m_console = std::make_unique<ConsoleDriver>(options);
    ConsoleDriver &c = *m_console;
    QTRY_COMPARE(c.model()->rowCount(), 1);
    QCOMPARE(c.cell(QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890"), Model::Title)
                 .data()
                 .toString(),
             QStringLiteral("Address verification"));
    QVERIFY(c.bannerText().isEmpty());
}

void TestMainWindow::editsUndoRedoAndSend()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcmeCase(c));
    const QStringList ids = acmeIds(c);
    const QString first = ids.at(0), second = ids.at(1);

    STEP(c.editNote(first, QStringLiteral("Called back, new address confirmed.")));
    QTRY_VERIFY(c.model()
                    ->index(c.model()->indexOfEscalation(first).row(), Model::Note)
                    .data(Model::DirtyRole)
                    .toBool());
    const std::optional<QDateTime> dueBefore =
        c.sandbox()->store().escalation(Demo::acmeCaseId, first)->followUpDueAt;
    // Three days after the current follow-up, or after the editor's start (tomorrow) if none.
    const QDate expectedDay =
        (dueBefore ? dueBefore->toLocalTime().date() : QDate::currentDate().addDays(1)).addDays(3);
    const QDateTime due = c.editFollowUpWithCalendar(first, 3);
    QVERIFY2(due.isValid(), "the calendar popup did not set a date");
    // The nurse already holds this row: reassign it to the agent.
    STEP(c.editAssignee(second, Demo::acmeAgentEmail));
    // A change is one field: note and follow-up of one row, the assignee of another.
    QTRY_COMPARE(c.model()->pendingCount(), 3);
    QCOMPARE(c.model()->pendingUpdates().first().fieldNames(),
             (QStringList { "note", "followUpDueAt" }));

    // Undo the assignee edit, then redo it, through the window's shortcuts.
    c.table()->setFocus();
    c.shortcut(Qt::CTRL | Qt::Key_Z);
    QTRY_COMPARE(c.model()->pendingCount(), 2);
    c.shortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    QTRY_COMPARE(c.model()->pendingCount(), 3);
    QCOMPARE(c.find<QLabel>("pendingLabel")->text(), QStringLiteral("3 pending changes"));

    c.screenshot(QStringLiteral("pending-changes"));
    c.shortcut(Qt::CTRL | Qt::Key_Return);
    QTRY_COMPARE(c.model()->pendingCount(), 0);

    const Escalation sentFirst = *c.sandbox()->store().escalation(Demo::acmeCaseId, first);
    QCOMPARE(sentFirst.note.value(), QStringLiteral("Called back, new address confirmed."));
    QCOMPARE(sentFirst.followUpDueAt.value(), due);
    QCOMPARE(sentFirst.followUpDueAt->toLocalTime().date(), expectedDay);
    const Escalation sentSecond = *c.sandbox()->store().escalation(Demo::acmeCaseId, second);
    QCOMPARE(c.sandbox()->store().userEmail(sentSecond.assignedToUserId.value_or(QString())),
             Demo::acmeAgentEmail);
    // The table shows the server's new state, the assignee as a person (the sandbox's demo
    // people are the team directory while on it).
    QCOMPARE(c.cell(second, Model::Assignee).data().toString(), QStringLiteral("Agent (demo)"));
    QVERIFY(c.cell(first, Model::Note).data().toString().startsWith(QStringLiteral("Called back")));
    QVERIFY(!c.cell(first, Model::Note).data(Model::DirtyRole).toBool());
    QVERIFY(c.bannerText().isEmpty());

    // Neither the note text nor the key reaches the activity log or the settings on disk.
    const QString log = c.find<ActivityLog>("activityLog")->toText();
    QVERIFY(log.contains(QStringLiteral("note, followUpDueAt")));
    QVERIFY(!log.contains(QStringLiteral("Called back")));
    QVERIFY(!log.contains(Demo::acmeApiKey));
    c.restart(); // saves settings
    QSettings settings;
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    // Every stored value as text (maps flattened), plus the raw file.
    QString stored = QString::fromUtf8(file.readAll());
    for (const QString &key : settings.allKeys()) {
        const QVariant value = settings.value(key);
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            stored += it.key() + QLatin1Char('=') + it.value().toString() + QLatin1Char('\n');
        stored += value.toString() + QLatin1Char('\n');
    }
    QVERIFY(stored.contains(Demo::acmeCaseId)); // the recent case is remembered
    QVERIFY(stored.contains(Demo::acmeAgentEmail)); // and the learnt assignee
    QVERIFY(!stored.contains(QStringLiteral("Called back")));
    QVERIFY(!stored.contains(Demo::acmeApiKey));
}

void TestMainWindow::escalationCompletedElsewhereKeepsOtherDrafts()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcmeCase(c));
    const QStringList ids = acmeIds(c);
    const std::optional<QString> noteBefore =
        c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(2))->note;
    STEP(c.editNote(ids.at(0), QStringLiteral("Draft on the row completed elsewhere")));
    STEP(c.editNote(ids.at(2), QStringLiteral("Draft that must survive")));
    QTRY_COMPARE(c.model()->pendingCount(), 2);

    // Another client completes the first escalation between load and send.
    QVERIFY(c.sandbox()->store().setCompleted(Demo::acmeCaseId, ids.at(0), true));
    c.triggerAction("sendAction");
    QTRY_VERIFY(c.cell(ids.at(0), Model::Title).data(Model::InactiveRole).toBool());
    QVERIFY(c.bannerText().contains(QStringLiteral("no longer active")));
    // The marked row keeps its draft but is not sent again; the other draft is kept.
    QVERIFY(c.cell(ids.at(0), Model::Note).data(Model::DirtyRole).toBool());
    QVERIFY(c.cell(ids.at(2), Model::Note).data(Model::DirtyRole).toBool());
    QCOMPARE(c.model()->pendingCount(), 1);
    // Nothing was applied: the request is atomic.
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(2))->note, noteBefore);

    // Sending again saves the surviving draft.
    c.triggerAction("sendAction");
    QTRY_COMPARE(
        c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(2))->note.value_or(QString()),
        QStringLiteral("Draft that must survive"));

    // The agent discards the row that is no longer active: Revert on it removes it with its draft.
    QTRY_COMPARE(c.model()->rowCount(), 6);
    c.table()->setCurrentIndex(c.cell(ids.at(0), Model::Note));
    c.shortcut(Qt::CTRL | Qt::Key_Backspace);
    QTRY_COMPARE(c.model()->rowCount(), 5);
    QVERIFY(!c.model()->hasDrafts());
}

void TestMainWindow::unknownAssigneeFlagsTheCell()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcmeCase(c));
    const QStringList ids = acmeIds(c);
    const std::optional<QString> noteBefore =
        c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(0))->note;
    STEP(c.editNote(ids.at(0), QStringLiteral("Note sent with a bad assignee")));
    STEP(c.editAssignee(ids.at(1), QStringLiteral("nobody@acme.example")));
    QTRY_COMPARE(c.model()->pendingCount(), 2);
    c.triggerAction("sendAction");

    QTRY_VERIFY(!c.cell(ids.at(1), Model::Assignee).data(Model::ErrorRole).toString().isEmpty());
    QVERIFY(c.bannerText().contains(QStringLiteral("nobody@acme.example")));
    QCOMPARE(c.table()->currentIndex(), c.cell(ids.at(1), Model::Assignee));
    // Nothing was applied (the request is atomic) and both edits are still pending.
    QCOMPARE(c.model()->pendingCount(), 2);
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(0))->note, noteBefore);
}

void TestMainWindow::caseNotFoundPermissionDeniedAndWrongKey()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    c.typeCaseId(QStringLiteral("0c0c0c0c-1111-4222-8333-444455556666"));
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("no case with this ID")));
    QVERIFY(!c.find<QPushButton>("bannerRetryButton")->isVisible());

    c.typeCaseId(Demo::globexCaseId);
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("another organisation")));
    QCOMPARE(c.model()->rowCount(), 0);

    // A custom environment pointing at a sandbox, with a wrong key saved in the keychain.
    Sandbox::SandboxServer server;
    server.store().loadDemo();
    QVERIFY(server.listen() != 0);
    CredentialStore store;
    QSignalSpy written(&store, &CredentialStore::writeFinished);
    // Saved as before profiles: the profile standing for this address takes it over.
    store.write(CredentialStore::keyName(server.baseUrl()), QStringLiteral("not-the-right-key"));
    QVERIFY(written.wait());
    c.restart({ Environment::Kind::Custom, server.baseUrl(), Demo::acmeCaseId, {}, {} });
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("did not accept the API key")));
    QVERIFY(c.find<QPushButton>("bannerKeyButton")->isVisible());

    // Entering the right key through the banner's button loads the case.
    const int callsBefore = c.find<ActivityLog>("activityLog")->rowCount();
    c.clickButton("bannerKeyButton");
    QPointer<ApiKeyDialog> dialog;
    QTRY_VERIFY((dialog = c.window()->findChild<ApiKeyDialog *>()));
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    edit->selectAll();
    QTest::keyClicks(edit, Demo::acmeApiKey);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveKeyButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(dialog.isNull()); // saved and closed
    QCOMPARE(c.find<ActivityLog>("activityLog")->rowCount(), callsBefore); // nothing sent meanwhile
    QVERIFY(c.bannerText().isEmpty());
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QSignalSpy removed(&store, &CredentialStore::removeFinished);
    store.remove(CredentialStore::keyName(server.baseUrl()));
    QVERIFY(removed.wait());
}

void TestMainWindow::hugeServerErrorIsCappedInTheBanner()
{
    // 8 MiB of "error" once kept the banner's text layout busy for minutes.
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcmeCase(c));
    const QStringList ids = acmeIds(c);
    STEP(c.editNote(ids.at(0), QStringLiteral("Survives a long error")));
    c.sandbox()->setFault(Sandbox::Fault::LongError, 1);
    c.triggerAction("sendAction");
    QTRY_VERIFY_WITH_TIMEOUT(c.bannerText().contains(QStringLiteral("(HTTP 500)")), 20000);
    const QString text = c.bannerText();
    QVERIFY2(text.size() < 1000, qPrintable(text.left(200)));
    QVERIFY(text.contains(QChar(0x2026))); // cut, and says so
    QVERIFY(text.contains(QStringLiteral("\u241b]0;owned"))); // the escape is shown, not obeyed
    QVERIFY(!text.contains(QChar(0x1b)));
    QCOMPARE(c.model()->pendingCount(), 1);
}

void TestMainWindow::timeoutAndDroppedConnectionLoseNothing()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcmeCase(c));
    const QStringList ids = acmeIds(c);
    c.find<ApiClient>("apiClient")->setTimeout(std::chrono::milliseconds(400));
    c.sandbox()->setDelay(3000);
    STEP(c.editNote(ids.at(3), QStringLiteral("Survives a timeout")));
    c.triggerAction("sendAction");
    QTRY_VERIFY_WITH_TIMEOUT(c.bannerText().contains(QStringLiteral("did not answer in time")),
                             10000);
    QVERIFY(c.bannerText().contains(QStringLiteral("Request ID")));
    QCOMPARE(c.model()->pendingCount(), 1);

    c.sandbox()->setDelay(0);
    c.clickButton("bannerRetryButton");
    QTRY_COMPARE(c.model()->pendingCount(), 0);
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(3))->note.value_or(QString()),
             QStringLiteral("Survives a timeout"));

    // A dropped listing before the send: nothing went out, and the sentence does not say it may.
    c.sandbox()->setFault(Sandbox::SandboxServer::Fault::Drop, 1);
    STEP(c.editNote(ids.at(4), QStringLiteral("Survives a dropped connection")));
    c.triggerAction("sendAction");
    QTRY_VERIFY(!c.bannerText().isEmpty());
    QVERIFY2(!c.bannerText().contains(QStringLiteral("may have been applied")),
             qPrintable(c.bannerText()));
    QCOMPARE(c.model()->pendingCount(), 1);

    // One dropped change request is seen as one: the client never lets Qt re-send it.
    c.find<CaseSession>("caseSession")->setListBeforeSend(false);
    c.sandbox()->setFault(Sandbox::SandboxServer::Fault::Drop, 1);
    c.triggerAction("sendAction");
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("may have been applied")));
    QCOMPARE(c.model()->pendingCount(), 1);
    c.sandbox()->setFault(Sandbox::SandboxServer::Fault::None);
    c.clickButton("bannerRetryButton");
    QTRY_COMPARE(c.model()->pendingCount(), 0);
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, ids.at(4))->note.value_or(QString()),
             QStringLiteral("Survives a dropped connection"));

    // A rate limit: Retry waits for the server's Retry-After (2 s) before it can be pressed.
    c.sandbox()->setFault(Sandbox::SandboxServer::Fault::RateLimit, 1);
    STEP(c.editNote(ids.at(5), QStringLiteral("Survives a rate limit")));
    c.triggerAction("sendAction");
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("try again in 2 seconds")));
    auto *retry = c.find<QPushButton>("bannerRetryButton");
    QVERIFY(retry->isVisible() && !retry->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 5000);
    c.clickButton("bannerRetryButton");
    QTRY_COMPARE(c.model()->pendingCount(), 0);
}

void TestMainWindow::apiKeyDialogSavesReadsBackAndForgets()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    // The sandbox takes its practice key only: no key to enter, no keychain entry to make.
    QTRY_VERIFY(!c.find<QAction>("apiKeyAction")->isEnabled());
    // An organisation on Staging, added by the agent; the selector offers it after the two
    // practice organisations.
    QString problem;
    QVERIFY(ProfileStore().add(QStringLiteral("Staging"), Environment::staging(), &problem));
    c.core()->services()->notifyProfilesChanged();
    auto *combo = c.find<QComboBox>("environmentCombo");
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // Acme Health -> Globex Care (practice)
    QTest::keyClick(combo, Qt::Key_Down); // -> Staging
    ApiKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = c.window()->findChild<ApiKeyDialog *>()));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("environmentLabel"))
                ->text()
                .contains(QStringLiteral("Staging")));
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, QStringLiteral("  staging-key-for-tests  "));
    c.screenshot(QStringLiteral("api-key-dialog"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveKeyButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(c.keyStateText(), QStringLiteral("Key saved in keychain"));
    QCOMPARE(c.find<QLabel>("profileMarker")->text(), QStringLiteral("Staging"));

    // A new window reads the key back from the keychain, and stays on Staging.
    c.restart();
    QTRY_COMPARE(c.keyStateText(), QStringLiteral("Key saved in keychain"));
    QCOMPARE(c.find<QComboBox>("environmentCombo")->currentText(), QStringLiteral("Staging"));

    c.triggerAction("apiKeyAction");
    QTRY_VERIFY((dialog = c.window()->findChild<ApiKeyDialog *>()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("forgetKeyButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(c.keyStateText(), QStringLiteral("No API key"));

    // Without a key, the next start falls back to the sandbox and says why.
    c.restart();
    QTRY_COMPARE(c.find<QComboBox>("environmentCombo")->currentText(),
                 QStringLiteral("Acme Health — Sandbox"));
    QTRY_VERIFY2(c.bannerText().contains(QStringLiteral("No API key is saved for Staging")),
                 qPrintable(c.bannerText()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
