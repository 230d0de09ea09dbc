// The API key dialog driven like an agent would, against the real keychain of scripts/test.
#include "app/credentials/profilekeys.h"
#include "tests/testsession.h"
#include "ui/apikeydialog.h"

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "tests/credentials/keychaintesthelpers.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace Care360;
using namespace KeychainTest;
using Status = CredentialResult::Status;
using KeyResult = CaseWorkspace::KeyResult;

class TestApiKeyDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheEnvironmentAndNamesEveryWidget();
    void toggleShowsAndHidesTheKey();
    void savesATypedKeyInTheKeychain();
    void pasteWorks();
    void whitespaceKeyIsRefusedAndNothingStored();
    void failedSaveKeepsTheTextAndExplains();
    void forgetRemovesTheKey();
    void cancelStoresNothing();

private:
    template<typename T> T *child(const char *name)
    {
        auto *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void clickSave() { QTest::mouseClick(child<QPushButton>("saveKeyButton"), Qt::LeftButton); }

    // Opens the dialog over a core whose current environment is url.
    void openDialog(const QUrl &url);

    CredentialStore *m_store = nullptr;
    ConsoleServices *m_services = nullptr;
    CaseWorkspace *m_core = nullptr; // owned by m_services
    ApiKeyDialog *m_dialog = nullptr;
    // The open profile's own keychain entry, read as any other program would.
    CredentialResult profileKey(CredentialStore &store)
    {
        QSignalSpy read(&store, &CredentialStore::readFinished);
        store.read(ProfileKeys::entryOf(m_core->profile()));
        return read.wait(10000) ? read.at(0).at(1).value<CredentialResult>() : CredentialResult();
    }
    QUrl m_url;
};

void TestApiKeyDialog::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
}

void TestApiKeyDialog::init()
{
    m_url = uniqueUrl(QStringLiteral("dialog"));
    m_store = new CredentialStore(this);
    openDialog(m_url);
}

void TestApiKeyDialog::openDialog(const QUrl &url)
{
    delete m_dialog;
    delete m_services;
    m_services = new ConsoleServices({}, this);
    m_core = m_services->createWorkspace();
    QCOMPARE(m_core->selectEnvironment(Environment::custom(url)), CaseWorkspace::Step::Started);
    m_dialog = new ApiKeyDialog(m_core);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestApiKeyDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
    delete m_services;
    m_services = nullptr;
    m_core = nullptr;
    removeKey(*m_store, m_url);
    delete m_store;
}

void TestApiKeyDialog::showsTheEnvironmentAndNamesEveryWidget()
{
    const QString label = child<QLabel>("environmentLabel")->text();
    QVERIFY(label.contains(Environment::custom(m_url).displayName()));
    QVERIFY(label.contains(m_url.host()));
    // The key's entry is the profile's own, keyed by its id.
    QVERIFY(child<QLabel>("keychainStateLabel")->text().contains(QStringLiteral("cv-api-key#")));
    QCOMPARE(child<QLineEdit>("apiKeyEdit")->echoMode(), QLineEdit::Password);
    for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
        if (widget->parent() != m_dialog && !qobject_cast<QDialogButtonBox *>(widget->parent()))
            continue; // Qt's own internals
        QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
}

void TestApiKeyDialog::toggleShowsAndHidesTheKey()
{
    auto *edit = child<QLineEdit>("apiKeyEdit");
    auto *toggle = child<QToolButton>("showKeyButton");
    QTest::keyClicks(edit, QStringLiteral("visible?"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QCOMPARE(edit->text(), QStringLiteral("visible?"));
}

void TestApiKeyDialog::savesATypedKeyInTheKeychain()
{
    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);
    QVERIFY(!m_core->hasKey());
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("  cv-dialog-typed-42 "));
    clickSave();
    QVERIFY(saved.wait(20000));
    QVERIFY(saved.at(0).at(0).value<KeyResult>().ok);
    QCOMPARE(saved.at(0).at(0).value<KeyResult>().inMemoryOnly, false);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    // The key went on to the client: the environment is usable now.
    QVERIFY(m_core->hasKey());
    QCOMPARE(m_core->keyStateText(), QStringLiteral("Key saved in keychain"));
    CredentialStore fresh;
    QCOMPARE(profileKey(fresh).key, QStringLiteral("cv-dialog-typed-42"));
    QVERIFY(secretToolSearch().contains(ProfileKeys::entryOf(m_core->profile())));
}

void TestApiKeyDialog::pasteWorks()
{
    auto *edit = child<QLineEdit>("apiKeyEdit");
    QApplication::clipboard()->setText(QStringLiteral("cv-pasted-key-7\n"));
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QVERIFY2(edit->text().startsWith(QLatin1String("cv-pasted-key-7")), qPrintable(edit->text()));
    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);
    clickSave();
    QVERIFY(saved.wait(20000));
    QVERIFY(saved.at(0).at(0).value<KeyResult>().ok);
    CredentialStore fresh;
    QCOMPARE(profileKey(fresh).key, QStringLiteral("cv-pasted-key-7"));
}

void TestApiKeyDialog::whitespaceKeyIsRefusedAndNothingStored()
{
    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("   "));
    clickSave();
    QString expected;
    CredentialStore::normalizeKey(QStringLiteral("   "), &expected);
    auto *status = child<QLabel>("keyStatusLabel");
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains(QStringLiteral("only spaces")));
    QCOMPARE(status->text(), expected);
    QVERIFY(m_dialog->isVisible());
    // A read answered after the click is ordered behind any write the click could have started.
    QCOMPARE(profileKey(*m_store).status, Status::NotFound);
    QCOMPARE(saved.size(), 0);
    QVERIFY(!m_core->hasKey());
}

void TestApiKeyDialog::failedSaveKeepsTheTextAndExplains()
{
    // An address the store refuses gives a real failure answer from the store.
    openDialog(QUrl(QStringLiteral("nowhere")));
    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("cv-kept-text"));
    clickSave();
    QVERIFY(saved.wait(5000));
    const auto result = saved.at(0).at(0).value<KeyResult>();
    QCOMPARE(child<QLabel>("keyStatusLabel")->text(), result.message);
    QVERIFY(!result.ok);
    QVERIFY(!result.message.isEmpty());
    QVERIFY(!m_core->hasKey());
    QCOMPARE(child<QLineEdit>("apiKeyEdit")->text(), QStringLiteral("cv-kept-text"));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(child<QPushButton>("saveKeyButton")->isEnabled());
}

void TestApiKeyDialog::forgetRemovesTheKey()
{
    QSignalSpy stored(&*m_store, &CredentialStore::writeFinished);
    m_store->write(ProfileKeys::entryOf(m_core->profile()), QStringLiteral("cv-to-forget"));
    QVERIFY(stored.wait(10000));
    QSignalSpy forgotten(m_core, &CaseWorkspace::keyForgetFinished);
    QTest::mouseClick(child<QPushButton>("forgetKeyButton"), Qt::LeftButton);
    QVERIFY(forgotten.wait(20000));
    QCOMPARE(profileKey(*m_store).status, Status::NotFound);
    QVERIFY(!secretToolSearch().contains(ProfileKeys::entryOf(m_core->profile())));
    QVERIFY(m_dialog->isVisible());
}

void TestApiKeyDialog::cancelStoresNothing()
{
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("cv-cancelled"));
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(profileKey(*m_store).status, Status::NotFound);
    QVERIFY(!m_core->hasKey());
}

QTEST_MAIN(TestApiKeyDialog)
#include "tst_apikeydialog.moc"
