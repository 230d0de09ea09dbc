// The proxy login question answered the way a person does it: ProxyLoginDialog::ask() runs the
// dialog modally, so each test schedules its keys before calling it and then checks what ask()
// returned and what the dialog showed.
#include "mnemonics.h"

#include "ui/proxylogindialog.h"

#include <QAccessible>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Care360;

namespace {
const QString proxy = QStringLiteral("proxy.example.org:3128");
}

class TestProxyLoginDialog : public QObject {
    Q_OBJECT
private slots:
    void init();
    void userTabPasswordEnterLogsIn();
    void enterDoesNothingWithoutUserName();
    void escapeGivesNoLogin();
    void firstQuestionNamesTheProxyAndTheKeychain();
    void refusedLoginIsSaid();
    void everyControlIsNamed();
    void passwordIsNotShown();

private:
    // Runs steps on the modal dialog once ask() has shown it. A dialog the steps leave open is
    // closed (and reported), so a failing step never hangs the test in exec().
    void whenAsked(std::function<void(ProxyLoginDialog *)> steps);
    static QWidget *focused() { return QApplication::focusWidget(); }
    static void type(const QString &text) { QTest::keyClicks(focused(), text); }
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focused(), key, modifiers);
    }
    template<typename T> static T *find(QWidget *dialog, const char *name)
    {
        auto *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("the proxy login dialog has no %s", name);
        return widget;
    }

    bool m_shown = false;
    bool m_leftOpen = false;
};

void TestProxyLoginDialog::init()
{
    m_shown = false;
    m_leftOpen = false;
}

void TestProxyLoginDialog::whenAsked(std::function<void(ProxyLoginDialog *)> steps)
{
    QTimer::singleShot(0, this, [this, steps] {
        auto *dialog = qobject_cast<ProxyLoginDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            // Not shown as the modal window: close it anyway, and the test fails on m_shown.
            for (QWidget *window : QApplication::topLevelWidgets()) {
                if (auto *other = qobject_cast<QDialog *>(window); other && other->isVisible())
                    other->reject();
            }
            return;
        }
        m_shown = true;
        [&] {
            QVERIFY2(QTest::qWaitForWindowActive(dialog) && focused(),
                     "the dialog did not become the active window with a focused control");
            steps(dialog);
        }();
        if (dialog->isVisible()) {
            m_leftOpen = true;
            dialog->reject();
        }
    });
}

void TestProxyLoginDialog::userTabPasswordEnterLogsIn()
{
    QString focusedFirst;
    whenAsked([&](ProxyLoginDialog *dialog) {
        focusedFirst = focused()->objectName();
        auto *logIn = find<QPushButton>(dialog, "proxyLoginButton");
        QVERIFY(!logIn->isEnabled());
        type(QStringLiteral("agent"));
        QVERIFY(logIn->isEnabled());
        press(Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), QStringLiteral("proxyPassword"));
        type(QStringLiteral("s3cr-t p4ss"));
        press(Qt::Key_Return);
    });
    const std::optional<ProxyLogins::Login> login = ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    QVERIFY(!m_leftOpen);
    QCOMPARE(focusedFirst, QStringLiteral("proxyUser"));
    QVERIFY(login);
    QCOMPARE(login->user, QStringLiteral("agent"));
    QCOMPARE(login->password, QStringLiteral("s3cr-t p4ss"));
}

void TestProxyLoginDialog::enterDoesNothingWithoutUserName()
{
    whenAsked([&](ProxyLoginDialog *dialog) {
        auto *logIn = find<QPushButton>(dialog, "proxyLoginButton");
        press(Qt::Key_Return);
        QVERIFY2(dialog->isVisible(), "Enter closed the dialog without a user name");
        // Spaces are no name either.
        type(QStringLiteral("   "));
        QVERIFY(!logIn->isEnabled());
        press(Qt::Key_Enter); // the keypad's Enter
        QVERIFY2(dialog->isVisible(), "Enter closed the dialog with a blank user name");
        type(QStringLiteral("agent "));
        QVERIFY(logIn->isEnabled());
        press(Qt::Key_Return);
    });
    const std::optional<ProxyLogins::Login> login = ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    QVERIFY(!m_leftOpen);
    QVERIFY(login);
    // The spaces around the name are not part of it; an empty password is the proxy's call.
    QCOMPARE(login->user, QStringLiteral("agent"));
    QCOMPARE(login->password, QString());
}

void TestProxyLoginDialog::escapeGivesNoLogin()
{
    whenAsked([&](ProxyLoginDialog *) {
        type(QStringLiteral("agent"));
        press(Qt::Key_Tab);
        type(QStringLiteral("password"));
        press(Qt::Key_Escape);
    });
    const std::optional<ProxyLogins::Login> login = ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    QVERIFY(!m_leftOpen);
    QVERIFY(!login);
}

void TestProxyLoginDialog::firstQuestionNamesTheProxyAndTheKeychain()
{
    QString explanation;
    QString description;
    whenAsked([&](ProxyLoginDialog *dialog) {
        explanation = find<QLabel>(dialog, "proxyLoginExplanation")->text();
        description = dialog->accessibleDescription();
        press(Qt::Key_Escape);
    });
    ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    QCOMPARE(
        explanation,
        QStringLiteral("The proxy proxy.example.org:3128 asks for a login before anything "
                       "reaches Care360. It is kept in the system keychain, not asked again."));
    // A screen reader reads the same when the dialog comes up.
    QCOMPARE(description, explanation);
}

void TestProxyLoginDialog::refusedLoginIsSaid()
{
    QString explanation;
    whenAsked([&](ProxyLoginDialog *dialog) {
        explanation = find<QLabel>(dialog, "proxyLoginExplanation")->text();
        press(Qt::Key_Escape);
    });
    ProxyLoginDialog::ask(proxy, true);
    QVERIFY(m_shown);
    QCOMPARE(explanation,
             QStringLiteral("The proxy proxy.example.org:3128 did not accept that login. Enter it "
                            "again. It is kept in the system keychain, not asked again."));
}

void TestProxyLoginDialog::everyControlIsNamed()
{
    QStringList named;
    QStringList clashes;
    whenAsked([&](ProxyLoginDialog *dialog) {
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            if (!(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(dialog))
                continue;
            const QString what = QString::fromLatin1(widget->metaObject()->className()) + u' '
                + widget->objectName();
            QVERIFY2(!widget->objectName().isEmpty(), qPrintable(what));
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY2(accessible, qPrintable(what));
            const QString name = accessible->text(QAccessible::Name);
            QVERIFY2(!name.isEmpty(), qPrintable(what));
            named << widget->objectName() + QStringLiteral(": ") + name;
        }
        clashes = Mnemonics::clashes(Mnemonics::windowTexts(dialog));
        press(Qt::Key_Escape);
    });
    ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    named.sort();
    QCOMPARE(named,
             QStringList({ QStringLiteral("proxyCancelButton: Cancel"),
                           QStringLiteral("proxyLoginButton: Log in"),
                           QStringLiteral("proxyPassword: Proxy password"),
                           QStringLiteral("proxyUser: Proxy user name") }));
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestProxyLoginDialog::passwordIsNotShown()
{
    const QString password = QStringLiteral("s3cr-t");
    QLineEdit::EchoMode echo = QLineEdit::Normal;
    QString shown;
    bool passwordState = false;
    QString readOut;
    whenAsked([&](ProxyLoginDialog *dialog) {
        type(QStringLiteral("agent"));
        press(Qt::Key_Tab);
        type(password);
        auto *field = find<QLineEdit>(dialog, "proxyPassword");
        echo = field->echoMode();
        shown = field->displayText();
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(field);
        QVERIFY(accessible);
        passwordState = accessible->state().passwordEdit;
        readOut = accessible->text(QAccessible::Value);
        press(Qt::Key_Escape);
    });
    ProxyLoginDialog::ask(proxy, false);
    QVERIFY(m_shown);
    QCOMPARE(echo, QLineEdit::Password);
    QCOMPARE(shown.size(), password.size());
    QVERIFY2(!shown.contains(password), qPrintable(shown));
    // What a screen reader is told: a password field, without the password.
    QVERIFY(passwordState);
    QVERIFY2(!readOut.contains(password), qPrintable(readOut));
}

QTEST_MAIN(TestProxyLoginDialog)
#include "tst_proxylogindialog.moc"
