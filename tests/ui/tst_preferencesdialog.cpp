// Settings › Preferences driven the way people use it: keys on whatever has the focus (Tab,
// Alt+mnemonic, Space, Enter, Escape), then what Preferences reads back.
#include "mnemonics.h"
#include "preferencesdialogtest.h"
#include "tests/teststep.h"

#include "app/session/preferences.h"
#include "ui/preferencesdialog.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Care360;

class TestPreferencesDialog : public PreferencesDialogTest {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void manualProxyTypedAndSaved();
    void arrowsChooseAProxySetting();
    void manualProxyNeedsHostAndPort();
    void otherPagesByKeyboard();
    void escapeSavesNothing();
    void showsWhatIsSavedAndRestoresDefaults();
    void everyControlIsNamed();
    void tabFollowsTheNetworkPage();
    void mnemonicsAreUniquePerPage();
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Care360-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
}

void TestPreferencesDialog::init()
{
    QSettings().clear();
}

void TestPreferencesDialog::cleanup()
{
    m_dialog.reset();
}

void TestPreferencesDialog::manualProxyTypedAndSaved()
{
    STEP(open());
    auto *manual = find<QRadioButton>("manualProxyRadio");
    auto *host = find<QLineEdit>("proxyHostEdit");
    auto *port = find<QSpinBox>("proxyPortSpin");
    QCOMPARE(focused(), find<QRadioButton>("systemProxyRadio")); // the saved choice
    QVERIFY(!host->isEnabled() && !port->isEnabled());
    press(Qt::Key_T, Qt::AltModifier); // Use &this proxy
    QTRY_VERIFY(manual->isChecked());
    QVERIFY(host->isEnabled() && port->isEnabled());
    press(Qt::Key_Tab);
    QCOMPARE(focused(), host);
    type(QStringLiteral("proxy.example.org"));
    press(Qt::Key_Tab);
    QCOMPARE(focused(), port);
    type(QStringLiteral("3128"));
    press(Qt::Key_Return);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    const ProxyChoice proxy = Preferences().proxy();
    QCOMPARE(int(proxy.mode), int(ProxyChoice::Mode::Manual));
    QCOMPARE(proxy.host, QStringLiteral("proxy.example.org"));
    QCOMPARE(proxy.port, quint16(3128));
}

void TestPreferencesDialog::arrowsChooseAProxySetting()
{
    STEP(open());
    auto *system = find<QRadioButton>("systemProxyRadio");
    auto *none = find<QRadioButton>("noProxyRadio");
    auto *manual = find<QRadioButton>("manualProxyRadio");
    // Tab reaches the chosen setting only; the arrows move to (and choose) the others.
    QCOMPARE(focused(), system);
    press(Qt::Key_Down);
    QCOMPARE(focused(), none);
    QVERIFY(none->isChecked() && !system->isChecked());
    press(Qt::Key_Down);
    QCOMPARE(focused(), manual);
    QVERIFY(manual->isChecked());
    QVERIFY(find<QLineEdit>("proxyHostEdit")->isEnabled());
    press(Qt::Key_Up);
    QCOMPARE(focused(), none);
    press(Qt::Key_Space); // Space on the chosen one keeps it chosen
    QVERIFY(none->isChecked() && !manual->isChecked());
    QVERIFY(!find<QLineEdit>("proxyHostEdit")->isEnabled());
    press(Qt::Key_Return);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(int(Preferences().proxy().mode), int(ProxyChoice::Mode::None));
}

void TestPreferencesDialog::manualProxyNeedsHostAndPort()
{
    STEP(open());
    auto *host = find<QLineEdit>("proxyHostEdit");
    auto *port = find<QSpinBox>("proxyPortSpin");
    press(Qt::Key_T, Qt::AltModifier);
    QTRY_VERIFY(find<QRadioButton>("manualProxyRadio")->isChecked());
    press(Qt::Key_Return); // no host yet
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(problemText().contains(QStringLiteral("host name")), qPrintable(problemText()));
    QCOMPARE(focused(), host);

    type(QStringLiteral("http://proxy.example.org:3128")); // pasted from a browser's settings
    press(Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(problemText().contains(QStringLiteral("without http://")), qPrintable(problemText()));
    QCOMPARE(focused(), host);
    QCOMPARE(host->selectedText(), host->text()); // what is typed next replaces it

    type(QStringLiteral("proxy.example.org"));
    press(Qt::Key_Return); // still no port
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(problemText().contains(QStringLiteral("port")), qPrintable(problemText()));
    QCOMPARE(focused(), port);
    QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(' ')));

    type(QStringLiteral("8080"));
    press(Qt::Key_Return);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(Preferences().proxy().host, QStringLiteral("proxy.example.org"));
    QCOMPARE(Preferences().proxy().port, quint16(8080));
}

void TestPreferencesDialog::otherPagesByKeyboard()
{
    STEP(open());
    auto *pages = find<QTabWidget>("preferencesPages");
    press(Qt::Key_F, Qt::AltModifier); // &Follow-ups
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("followUpPage"));
    press(Qt::Key_H, Qt::AltModifier); // default &hour
    QCOMPARE(focused(), find<QSpinBox>("followUpHourSpin"));
    QCOMPARE(find<QSpinBox>("followUpHourSpin")->text(), QStringLiteral("9:00"));
    type(QStringLiteral("14"));
    press(Qt::Key_S, Qt::AltModifier); // due &soon
    QCOMPARE(focused(), find<QSpinBox>("dueSoonHoursSpin"));
    type(QStringLiteral("48"));

    press(Qt::Key_I, Qt::AltModifier); // Conf&irmations (GNOME gives Cancel the C)
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("confirmationPage"));
    press(Qt::Key_P, Qt::AltModifier); // ask before sending to &Production
    QTRY_VERIFY(!find<QCheckBox>("confirmProductionCheck")->isChecked());
    press(Qt::Key_L, Qt::AltModifier); // &List the case again
    QTRY_VERIFY(!find<QCheckBox>("listBeforeSendCheck")->isChecked());

    press(Qt::Key_G, Qt::AltModifier); // Lan&guage
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("languagePage"));
    press(Qt::Key_L, Qt::AltModifier); // &Language: on this page, the combo's label
    QCOMPARE(focused(), find<QComboBox>("languageCombo"));
    press(Qt::Key_Down);
    press(Qt::Key_Down);
    QCOMPARE(find<QComboBox>("languageCombo")->currentText(), QStringLiteral("Español"));
    press(Qt::Key_Return);

    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const Preferences saved;
    QCOMPARE(saved.followUpHour(), 14);
    QCOMPARE(saved.dueSoonHours(), 48);
    QVERIFY(!saved.confirmProductionSend());
    QVERIFY(!saved.listBeforeSend());
    QCOMPARE(saved.language(), QStringLiteral("es"));
    QCOMPARE(int(saved.proxy().mode), int(ProxyChoice::Mode::System));
}

void TestPreferencesDialog::escapeSavesNothing()
{
    STEP(open());
    press(Qt::Key_X, Qt::AltModifier); // No pro&xy
    QTRY_VERIFY(find<QRadioButton>("noProxyRadio")->isChecked());
    press(Qt::Key_F, Qt::AltModifier);
    press(Qt::Key_H, Qt::AltModifier);
    type(QStringLiteral("14"));
    QCOMPARE(find<QSpinBox>("followUpHourSpin")->value(), 14);
    press(Qt::Key_Escape);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(!m_dialog->isVisible());
    QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(' ')));
}

void TestPreferencesDialog::showsWhatIsSavedAndRestoresDefaults()
{
    // Shown as saved, not read: a file that is not there is only said when it is used.
    const QString caFile = QStringLiteral("/etc/care360/company-ca.pem");
    {
        Preferences preferences;
        preferences.setProxy(
            { ProxyChoice::Mode::Manual, QStringLiteral("10.0.0.1"), quint16(3128) });
        preferences.setCaBundleFile(caFile);
        preferences.setRequestDeadline(std::chrono::seconds(120));
        preferences.setFollowUpHour(7);
        preferences.setDueSoonHours(48);
        preferences.setConfirmProductionSend(false);
        preferences.setListBeforeSend(false);
        preferences.setLanguage(QStringLiteral("es"));
    }
    STEP(open());
    QCOMPARE(focused(), find<QRadioButton>("manualProxyRadio"));
    QCOMPARE(find<QLineEdit>("proxyHostEdit")->text(), QStringLiteral("10.0.0.1"));
    QCOMPARE(find<QSpinBox>("proxyPortSpin")->value(), 3128);
    QCOMPARE(find<QLineEdit>("caBundleEdit")->text(), caFile);
    QCOMPARE(find<QSpinBox>("requestDeadlineSpin")->value(), 120);
    QCOMPARE(find<QSpinBox>("followUpHourSpin")->value(), 7);
    QCOMPARE(find<QSpinBox>("dueSoonHoursSpin")->value(), 48);
    QVERIFY(!find<QCheckBox>("confirmProductionCheck")->isChecked());
    QVERIFY(!find<QCheckBox>("listBeforeSendCheck")->isChecked());
    QCOMPARE(find<QComboBox>("languageCombo")->currentData().toString(), QStringLiteral("es"));

    QVERIFY(tabTo(find<QPushButton>("restoreDefaultsButton")));
    press(Qt::Key_Space);
    QVERIFY(find<QRadioButton>("systemProxyRadio")->isChecked());
    QVERIFY(!find<QLineEdit>("proxyHostEdit")->isEnabled());
    QVERIFY(find<QLineEdit>("caBundleEdit")->text().isEmpty());
    QCOMPARE(find<QSpinBox>("requestDeadlineSpin")->value(), 60);
    QCOMPARE(find<QSpinBox>("followUpHourSpin")->value(), 9);
    QCOMPARE(find<QSpinBox>("dueSoonHoursSpin")->value(), 24);
    QVERIFY(find<QCheckBox>("confirmProductionCheck")->isChecked());
    QVERIFY(find<QCheckBox>("listBeforeSendCheck")->isChecked());
    QCOMPARE(find<QComboBox>("languageCombo")->currentIndex(), 0);
    QCOMPARE(Preferences().followUpHour(), 7); // only the widgets, until OK

    QVERIFY(tabTo(find<QPushButton>("preferencesOkButton")));
    press(Qt::Key_Return);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const Preferences saved;
    QCOMPARE(int(saved.proxy().mode), int(ProxyChoice::Mode::System));
    QVERIFY(saved.caBundleFile().isEmpty());
    QCOMPARE(saved.requestDeadline(), std::chrono::seconds(60));
    QCOMPARE(saved.followUpHour(), Preferences::defaultFollowUpHour);
    QCOMPARE(saved.dueSoonHours(), Preferences::defaultDueSoonHours);
    QVERIFY(saved.confirmProductionSend());
    QVERIFY(saved.listBeforeSend());
    QVERIFY(saved.language().isEmpty());
}

void TestPreferencesDialog::everyControlIsNamed()
{
    STEP(open());
    auto *pages = find<QTabWidget>("preferencesPages");
    int checked = 0;
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
            // A spin box's line edit and the tab widget hand their focus on; popups are windows.
            if (!(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy()
                || widget->window() != m_dialog.get() || !widget->isVisibleTo(m_dialog.get()))
                continue;
            const QString what = QString::fromLatin1(widget->metaObject()->className()) + u' '
                + widget->objectName();
            QVERIFY2(!widget->objectName().isEmpty(), qPrintable(what));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(what));
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY2(accessible && !accessible->text(QAccessible::Name).isEmpty(),
                     qPrintable(what));
            // Fields are reached by Alt and the letter of their label.
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                || qobject_cast<QComboBox *>(widget)) {
                bool labelled = false;
                for (QLabel *label : m_dialog->findChildren<QLabel *>())
                    labelled |=
                        label->buddy() == widget && !Mnemonics::mnemonic(label->text()).isNull();
                QVERIFY2(labelled, qPrintable(what));
            }
            ++checked;
        }
    }
    QVERIFY2(checked >= 17, qPrintable(QString::number(checked)));
}

void TestPreferencesDialog::tabFollowsTheNetworkPage()
{
    {
        Preferences preferences; // host and port take the focus only for a manual proxy
        preferences.setProxy({ ProxyChoice::Mode::Manual, QStringLiteral("proxy"), quint16(1) });
    }
    STEP(open());
    QStringList order { focused()->objectName() };
    for (int i = 0; i < 5; ++i) {
        press(Qt::Key_Tab);
        order << focused()->objectName();
    }
    QCOMPARE(order,
             QStringList({ "manualProxyRadio", "proxyHostEdit", "proxyPortSpin", "caBundleEdit",
                           "caBundleBrowseButton", "requestDeadlineSpin" }));
    press(Qt::Key_Tab); // then the dialog's buttons, in the platform's order
    QCOMPARE(focused()->parentWidget(), find<QDialogButtonBox>("preferencesButtons"));
}

void TestPreferencesDialog::mnemonicsAreUniquePerPage()
{
    STEP(open());
    auto *pages = find<QTabWidget>("preferencesPages");
    QStringList dialogWide; // the tabs and the buttons act from every page
    for (int page = 0; page < pages->count(); ++page) {
        QVERIFY2(!Mnemonics::mnemonic(pages->tabText(page)).isNull(),
                 qPrintable(pages->tabText(page)));
        dialogWide << pages->tabText(page);
    }
    for (QAbstractButton *button : find<QDialogButtonBox>("preferencesButtons")->buttons())
        dialogWide << button->text();
    for (int page = 0; page < pages->count(); ++page) {
        const QStringList texts = Mnemonics::windowTexts(pages->widget(page)) + dialogWide;
        QVERIFY2(Mnemonics::clashes(texts).isEmpty(),
                 qPrintable(Mnemonics::clashes(texts).join(QStringLiteral("; "))));
    }
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
