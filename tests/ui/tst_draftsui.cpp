// An agent's work is never lost, driven through the real window: text in an open editor at
// quit, drafts that come back on the next start with a way to discard them, one case on screen
// after a failed load, and banners that tell the truth. The journal's key is in the real
// keychain of scripts/test.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/drafts/draftjournal.h"
#include "app/sandbox/demodata.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

class TestDraftsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void quitWithAnOpenEditorKeepsItsTextForNextTime();
    void sendNowAtQuitClosesOnceCare360Confirms();
    void failedLoadLeavesTheOpenCaseNamed();
    void refusedSendSaysNothingWasSavedAndItsBannerGoesWithTheError();

private:
    void loadAcme(ConsoleDriver &c);
    QStringList acmeIds(ConsoleDriver &c) const;
    static QStringList journalFiles();

    std::unique_ptr<ConsoleDriver> m_console;
};

void TestDraftsUi::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_draftsui"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestDraftsUi::init()
{
    QSettings().clear();
}

void TestDraftsUi::cleanup()
{
    if (m_console)
        m_console->screenshot(QString::fromLatin1(QTest::currentTestFunction()));
    m_console.reset();
}

void TestDraftsUi::loadAcme(ConsoleDriver &c)
{
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
}

QStringList TestDraftsUi::acmeIds(ConsoleDriver &c) const
{
    QStringList ids;
    for (const Escalation &e : c.sandbox()->store().activeEscalations(Demo::acmeCaseId))
        ids << e.id;
    return ids;
}

QStringList TestDraftsUi::journalFiles()
{
    return QDir(DraftJournal::defaultDirectory())
        .entryList({ QStringLiteral("*.c360drafts*") }, QDir::Files);
}

void TestDraftsUi::quitWithAnOpenEditorKeepsItsTextForNextTime()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcme(c));
    QTRY_VERIFY(c.core()->keepsDrafts()); // the journal has its key from the keychain
    const QString id = acmeIds(c).at(1);
    auto *editor = qobject_cast<QPlainTextEdit *>(c.openEditor(id, Model::Note));
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("Typed, never committed"));
    QCOMPARE(c.model()->pendingCount(), 0); // nothing committed yet

    QString question;
    c.answerNextMessageBox("closeKeepButton", &question);
    c.shortcut(Qt::CTRL | Qt::Key_Q);
    QTRY_VERIFY(!c.window()->isVisible());
    QVERIFY2(question.contains(QStringLiteral("1 unsent change on case ") + Demo::acmeCaseId),
             qPrintable(question));
    QCOMPARE(journalFiles().size(), 1);

    // The next start opens the same case: the text is back as a pending draft, with a banner.
    StartupOptions options;
    options.caseId = Demo::acmeCaseId;
    c.restart(options);
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    QCOMPARE(c.cell(id, Model::Note).data(Model::DraftValueRole).toString(),
             QStringLiteral("Typed, never committed"));
    QTRY_VERIFY(c.bannerText().startsWith(QStringLiteral("Restored 1 unsent change from ")));
    QVERIFY(c.find<QPushButton>("bannerDiscardButton")->isVisible());

    // Discard takes them out (one undo step) and the journal with them.
    c.clickButton("bannerDiscardButton");
    QCOMPARE(c.model()->pendingCount(), 0);
    QVERIFY(c.bannerText().isEmpty());
    QTRY_COMPARE(journalFiles(), QStringList());
    // Nothing pending: quitting asks nothing.
    c.shortcut(Qt::CTRL | Qt::Key_Q);
    QTRY_VERIFY(!c.window()->isVisible());
}

void TestDraftsUi::sendNowAtQuitClosesOnceCare360Confirms()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcme(c));
    const QString id = acmeIds(c).at(2);
    STEP(c.editNote(id, QStringLiteral("Sent on the way out")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    // A refused send keeps the window open with the reason.
    c.sandbox()->setFault(Sandbox::Fault::Http500);
    c.answerNextMessageBox("closeSendButton");
    c.shortcut(Qt::CTRL | Qt::Key_Q);
    QTRY_VERIFY(!c.bannerText().isEmpty());
    QVERIFY(c.window()->isVisible());
    QCOMPARE(c.model()->pendingCount(), 1);

    c.sandbox()->setFault(Sandbox::Fault::None);
    c.answerNextMessageBox("closeSendButton");
    c.shortcut(Qt::CTRL | Qt::Key_Q);
    QTRY_VERIFY(!c.window()->isVisible());
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, id)->note.value_or(QString()),
             QStringLiteral("Sent on the way out"));
    QTRY_COMPARE(journalFiles(), QStringList());
}

void TestDraftsUi::failedLoadLeavesTheOpenCaseNamed()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcme(c));
    auto *header = c.find<QLabel>("caseHeader");
    QVERIFY(header->text().contains(Demo::acmeCaseId));
    QVERIFY(header->text().contains(QStringLiteral("Sandbox")));
    QVERIFY2(header->text().contains(QStringLiteral("6 active escalations")),
             qPrintable(header->text()));
    const QString id = acmeIds(c).at(0);
    STEP(c.editNote(id, QStringLiteral("Kept across a failed load")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);

    const QString unknown = QStringLiteral("0c0c0c0c-1111-4222-8333-444455556666");
    QTRY_VERIFY(c.core()->keepsDrafts());
    QString question;
    c.answerNextMessageBox("keepChangesButton", &question);
    c.typeCaseId(unknown);
    QTRY_VERIFY(!question.isEmpty()); // the case bar loads from the event loop
    QVERIFY2(question.contains(QStringLiteral("Keep your unsent changes")), qPrintable(question));
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("no case with this ID")));
    // The field, the header and the rows all name the case still open.
    QCOMPARE(c.find<QLineEdit>("caseIdEdit")->text(), Demo::acmeCaseId);
    QVERIFY(header->text().contains(Demo::acmeCaseId));
    QVERIFY(!header->text().contains(unknown));
    QCOMPARE(c.model()->rowCount(), 6);
    QCOMPARE(c.model()->caseId(), Demo::acmeCaseId);
    QCOMPARE(c.cell(id, Model::Note).data(Model::DraftValueRole).toString(),
             QStringLiteral("Kept across a failed load"));
    // An edit now still goes to the case on screen.
    c.triggerAction("sendAction");
    QTRY_COMPARE(c.model()->pendingCount(), 0);
    QCOMPARE(c.sandbox()->store().escalation(Demo::acmeCaseId, id)->note.value_or(QString()),
             QStringLiteral("Kept across a failed load"));
}

void TestDraftsUi::refusedSendSaysNothingWasSavedAndItsBannerGoesWithTheError()
{
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    STEP(loadAcme(c));
    const QString id = acmeIds(c).at(1);
    STEP(c.editAssignee(id, QStringLiteral("nobody@acme.example")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    c.triggerAction("sendAction");
    QTRY_VERIFY(!c.cell(id, Model::Assignee).data(Model::ErrorRole).toString().isEmpty());
    QVERIFY2(c.bannerText().contains(QStringLiteral("Nothing was saved.")),
             qPrintable(c.bannerText()));

    // Reverting the flagged cell takes its banner away.
    c.table()->setCurrentIndex(c.cell(id, Model::Assignee));
    c.triggerAction("revertAction");
    QVERIFY(!c.cell(id, Model::Assignee).data(Model::DirtyRole).toBool());
    QVERIFY(c.bannerText().isEmpty());

    // So does changing it to an address Care360 knows.
    STEP(c.editAssignee(id, QStringLiteral("nobody@acme.example")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    c.triggerAction("sendAction");
    QTRY_VERIFY(!c.bannerText().isEmpty());
    STEP(c.editAssignee(id, Demo::acmeAgentEmail));
    QTRY_COMPARE(c.cell(id, Model::Assignee).data(Model::DraftValueRole).toString(),
                 Demo::acmeAgentEmail);
    QVERIFY(c.cell(id, Model::Assignee).data(Model::ErrorRole).toString().isEmpty());
    QVERIFY(c.bannerText().isEmpty());
}

QTEST_MAIN(TestDraftsUi)
#include "tst_draftsui.moc"
