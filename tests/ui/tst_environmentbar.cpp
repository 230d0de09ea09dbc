// The environment box names the custom server that is open, and offers the address used last
// when Custom URL… is chosen again by keyboard.
#include "ui/environmentbar.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Care360;

class TestEnvironmentBar : public QObject {
    Q_OBJECT
private slots:
    void customServerIsNamedInTheBox();
    void customUrlDialogOffersTheAddressUsedLast();
};

void TestEnvironmentBar::customServerIsNamedInTheBox()
{
    EnvironmentBar bar(true);
    auto *combo = bar.findChild<QComboBox *>(QStringLiteral("environmentCombo"));
    QVERIFY(combo);
    bar.setEnvironment(
        Environment::custom(QUrl(QStringLiteral("https://care360.acme.example:8443"))));
    QCOMPARE(combo->currentText(), QStringLiteral("Custom: care360.acme.example:8443"));
    bar.setEnvironment(Environment::custom(QUrl(QStringLiteral("https://eu.care360.example"))));
    QCOMPARE(combo->currentText(), QStringLiteral("Custom: eu.care360.example"));
    bar.setEnvironment(Environment::production());
    QCOMPARE(combo->currentText(), QStringLiteral("Production"));
    QCOMPARE(combo->itemText(combo->findData(int(Environment::Kind::Custom))),
             QStringLiteral("Custom URL…"));
}

void TestEnvironmentBar::customUrlDialogOffersTheAddressUsedLast()
{
    EnvironmentBar bar(true);
    bar.setRememberedCustomUrl(QUrl(QStringLiteral("https://care360.acme.example:8443")));
    bar.setEnvironment(Environment::production());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto *combo = bar.findChild<QComboBox *>(QStringLiteral("environmentCombo"));
    combo->setFocus();
    QSignalSpy requested(&bar, &EnvironmentBar::environmentRequested);
    QString offered;
    // The dialog is modal: read what it offers, then take it with Enter as an agent would.
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, &bar, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        auto *edit = dialog ? dialog->findChild<QLineEdit *>() : nullptr;
        if (!edit)
            return;
        answer.stop();
        offered = dialog->textValue();
        QTest::keyClick(edit, Qt::Key_Return);
    });
    answer.start();
    // Custom URL… is the last entry: End, then Enter chooses it from the keyboard.
    QTest::keyClick(combo, Qt::Key_End);
    QCOMPARE(offered, QStringLiteral("https://care360.acme.example:8443"));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<Environment>().baseUrl,
             QUrl(QStringLiteral("https://care360.acme.example:8443")));
}

QTEST_MAIN(TestEnvironmentBar)
#include "tst_environmentbar.moc"
