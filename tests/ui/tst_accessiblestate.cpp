// What assistive technology is told, through Qt's accessibility interfaces of the real window
// (the AT-SPI test in tests/accessibility reads the same over the bus): the banner is an alert
// that carries its sentence, labels carry their values, cells carry their state in words, and
// every control a keyboard can reach has a name.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"

#include <QAccessible>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

class TestAccessibleState : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void bannerIsAnAlertThatSaysTheError();
    void labelsSayTheirValues();
    void cellsSayTheirState();
    void everyReachableControlHasAName();

private:
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestAccessibleState::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_accessiblestate"));
    CARE360_REQUIRE_SESSION_BUS();
}

void TestAccessibleState::init()
{
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
}

void TestAccessibleState::cleanup()
{
    m_console.reset();
}

void TestAccessibleState::bannerIsAnAlertThatSaysTheError()
{
    ConsoleDriver &c = *m_console;
    c.typeCaseId(QStringLiteral("0c0c0c0c-1111-4222-8333-444455556666"));
    QTRY_VERIFY(c.bannerText().contains(QStringLiteral("no case with this ID")));
    QAccessibleInterface *banner =
        QAccessible::queryAccessibleInterface(c.find<QWidget>("errorBanner"));
    QVERIFY(banner);
    QCOMPARE(banner->role(), QAccessible::Notification); // what Orca 43 speaks on showing
    QVERIFY2(banner->text(QAccessible::Name).contains(QStringLiteral("no case with this ID")),
             qPrintable(banner->text(QAccessible::Name)));
    QAccessibleInterface *text =
        QAccessible::queryAccessibleInterface(c.find<QLabel>("bannerText"));
    QVERIFY(text->text(QAccessible::Name).contains(QStringLiteral("no case with this ID")));
}

void TestAccessibleState::labelsSayTheirValues()
{
    ConsoleDriver &c = *m_console;
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    const auto name = [&c](const char *objectName) {
        return QAccessible::queryAccessibleInterface(c.find<QWidget>(objectName))
            ->text(QAccessible::Name);
    };
    QCOMPARE(name("pendingLabel"), QStringLiteral("No pending changes"));
    const QString id = c.table()->model()->index(0, 0).data(Model::IdRole).toString();
    STEP(c.editNote(id, QStringLiteral("Said aloud")));
    QTRY_COMPARE(name("pendingLabel"), QStringLiteral("1 pending change"));
    QCOMPARE(name("keyStateLabel"), QStringLiteral("API key: Sandbox demo key"));
    QCOMPARE(name("caseValidityLabel"),
             QStringLiteral("Case ID check: valid, ") + Demo::acmeCaseId);
    c.typeCaseId(QStringLiteral("not an id"));
    QCOMPARE(name("caseValidityLabel"), QStringLiteral("Case ID check: not a case ID"));
    QVERIFY(name("caseHeader").contains(QStringLiteral("6 active escalations")));
}

void TestAccessibleState::cellsSayTheirState()
{
    ConsoleDriver &c = *m_console;
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(c.table());
    QVERIFY(table && table->tableInterface());
    const auto cellName = [&](int row, int column) {
        return table->tableInterface()->cellAt(row, column)->text(QAccessible::Name);
    };
    // The first row (as shown) is overdue; its row header says 1, as the agent sees it.
    QVERIFY2(cellName(0, Model::FollowUpDue).startsWith(QStringLiteral("Overdue: ")),
             qPrintable(cellName(0, Model::FollowUpDue)));
    QCOMPARE(c.table()->model()->headerData(0, Qt::Vertical).toInt(), 1);
    const QString id = c.table()->model()->index(1, 0).data(Model::IdRole).toString();
    STEP(c.editNote(id, QStringLiteral("Heard, not only seen")));
    QTRY_COMPARE(cellName(1, Model::Note), QStringLiteral("Edited: Heard, not only seen"));
    // An assignee is a person, or "Unknown user": never a bare ID.
    for (int row = 0; row < c.table()->model()->rowCount(); ++row) {
        const QString assignee = cellName(row, Model::Assignee);
        QVERIFY2(!assignee.contains(QStringLiteral("a5e20000")), qPrintable(assignee));
    }
    // An error is said with its sentence.
    const QString other = c.table()->model()->index(2, 0).data(Model::IdRole).toString();
    STEP(c.editAssignee(other, QStringLiteral("nobody@acme.example")));
    QTRY_COMPARE(c.model()->pendingCount(), 2);
    c.triggerAction("sendAction");
    QTRY_VERIFY(cellName(2, Model::Assignee).contains(QStringLiteral("Error: ")));
    QVERIFY(cellName(2, Model::Assignee).contains(QStringLiteral("nobody@acme.example")));
}

void TestAccessibleState::everyReachableControlHasAName()
{
    ConsoleDriver &c = *m_console;
    QStringList unnamed;
    for (QWidget *widget : c.window()->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 (%2)").arg(widget->objectName(),
                                                     widget->metaObject()->className());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    // The clear buttons of the two text fields.
    for (const char *field : { "caseIdEdit", "filterEdit" }) {
        auto *clear = c.find<QLineEdit>(field)->findChild<QAction *>(
            QStringLiteral("_q_qlineeditclearaction"));
        QVERIFY2(clear && !clear->text().isEmpty(), field);
    }
}

QTEST_MAIN(TestAccessibleState)
#include "tst_accessiblestate.moc"
