#include "models/qtcompat.h"
#include "ui/sendconfirmationdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace Care360;

// The Production confirmation names rows and fields, never note text (patient information).
class TestSendConfirmationDialog : public QObject {
    Q_OBJECT
private slots:
    void listsRowsAndFieldsButNoNoteText();
    void cancelIsTheDefaultAndDontAskAgainIsReported();
};

void TestSendConfirmationDialog::listsRowsAndFieldsButNoNoteText()
{
    const QString secret = QStringLiteral("Patient lives at 12 Elm Street");
    EscalationUpdate first { QStringLiteral("11111111-1111-4111-8111-111111111111"),
                             secret,
                             QtCompat::utcDateTime(QDate(2026, 12, 1), QTime(9, 0)),
                             {} };
    EscalationUpdate second { QStringLiteral("22222222-2222-4222-8222-222222222222"),
                              {},
                              {},
                              QStringLiteral("agent@acme.example") };
    const QString caseId = QStringLiteral("6b1f0c2e-3d4a-4e5b-8c9d-0a1b2c3d4e5f");
    SendConfirmationDialog dialog(
        caseId, QStringLiteral("Acme Pharmacy"), { first, second },
        { { first.escalationId, QStringLiteral("Address verification") } });
    // The agent sees which case of which organisation goes to Production.
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Send to Acme Pharmacy on Production?"));
    auto *intro = dialog.findChild<QLabel *>(QStringLiteral("confirmIntroLabel"));
    QVERIFY(intro);
    QVERIFY2(intro->text().contains(caseId + QStringLiteral(" of Acme Pharmacy will be saved")),
             qPrintable(intro->text()));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("confirmChangesList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Address verification: note, follow-up date"));
    // A row without a known title is named by its ID.
    QCOMPARE(list->item(1)->text(), second.escalationId + QStringLiteral(": assignee"));
    for (int i = 0; i < list->count(); ++i)
        QVERIFY(!list->item(i)->text().contains(QStringLiteral("Elm Street")));
}

void TestSendConfirmationDialog::cancelIsTheDefaultAndDontAskAgainIsReported()
{
    SendConfirmationDialog dialog(
        QStringLiteral("case"), QStringLiteral("Acme Pharmacy"),
        { EscalationUpdate { QStringLiteral("x"), QStringLiteral("n"), {}, {} } }, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("confirmCancelButton"));
    QVERIFY(cancel && cancel->isDefault());
    QVERIFY(!dialog.dontAskAgain());
    QTest::mouseClick(dialog.findChild<QCheckBox *>(QStringLiteral("dontAskAgainCheck")),
                      Qt::LeftButton);
    QVERIFY(dialog.dontAskAgain());
    QTest::keyClick(&dialog, Qt::Key_Return); // the default button: nothing is sent
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestSendConfirmationDialog)
#include "tst_sendconfirmationdialog.moc"
