// The API key dialog driven like an agent would, against the real keychain of scripts/test.
#include "tests/testsession.h"
#include "ui/apikeydialog.h"

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

    CredentialStore *m_store = nullptr;
    ApiKeyDialog *m_dialog = nullptr;
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
    m_dialog = new ApiKeyDialog(QStringLiteral("Staging"), m_url, m_store);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestApiKeyDialog::cleanup()
{
    delete m_dialog;
    removeKey(*m_store, m_url);
    delete m_store;
}

void TestApiKeyDialog::showsTheEnvironmentAndNamesEveryWidget()
{
    const QString label = child<QLabel>("environmentLabel")->text();
    QVERIFY(label.contains(QLatin1String("Staging")));
    QVERIFY(label.contains(m_url.host()));
    QVERIFY(child<QLabel>("keychainStateLabel")->text().contains(CredentialStore::keyName(m_url)));
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
    QSignalSpy saved(m_dialog, &ApiKeyDialog::keySaved);
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("  cv-dialog-typed-42 "));
    clickSave();
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("cv-dialog-typed-42"));
    QCOMPARE(saved.at(0).at(1).toBool(), false);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    CredentialStore fresh;
    QCOMPARE(readKey(fresh, m_url).key, QStringLiteral("cv-dialog-typed-42"));
    QVERIFY(secretToolSearch().contains(CredentialStore::keyName(m_url)));
}

void TestApiKeyDialog::pasteWorks()
{
    auto *edit = child<QLineEdit>("apiKeyEdit");
    QApplication::clipboard()->setText(QStringLiteral("cv-pasted-key-7\n"));
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QVERIFY2(edit->text().startsWith(QLatin1String("cv-pasted-key-7")), qPrintable(edit->text()));
    QSignalSpy saved(m_dialog, &ApiKeyDialog::keySaved);
    clickSave();
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("cv-pasted-key-7"));
    CredentialStore fresh;
    QCOMPARE(readKey(fresh, m_url).key, QStringLiteral("cv-pasted-key-7"));
}

void TestApiKeyDialog::whitespaceKeyIsRefusedAndNothingStored()
{
    QSignalSpy saved(m_dialog, &ApiKeyDialog::keySaved);
    QSignalSpy writes(m_store, &CredentialStore::writeFinished);
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("   "));
    clickSave();
    QString expected;
    CredentialStore::normalizeKey(QStringLiteral("   "), &expected);
    auto *status = child<QLabel>("keyStatusLabel");
    QVERIFY(status->isVisible());
    QVERIFY(status->text().contains(QStringLiteral("only spaces")));
    QCOMPARE(status->text(), expected);
    QVERIFY(m_dialog->isVisible());
    QTest::qWait(200);
    QCOMPARE(writes.size(), 0);
    QCOMPARE(saved.size(), 0);
    QCOMPARE(readKey(*m_store, m_url).status, Status::NotFound);
}

void TestApiKeyDialog::failedSaveKeepsTheTextAndExplains()
{
    // An address the store refuses gives a real failure answer from the store.
    delete m_dialog;
    m_dialog = new ApiKeyDialog(QStringLiteral("Broken"), QUrl(QStringLiteral("nowhere")), m_store);
    m_dialog->show();
    QSignalSpy writes(m_store, &CredentialStore::writeFinished);
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("cv-kept-text"));
    clickSave();
    QVERIFY(writes.wait(5000));
    const auto result = writes.at(0).at(1).value<CredentialResult>();
    QCOMPARE(child<QLabel>("keyStatusLabel")->text(), result.userMessage());
    QVERIFY(!result.isSuccess());
    QVERIFY(!result.userMessage().isEmpty());
    QCOMPARE(child<QLineEdit>("apiKeyEdit")->text(), QStringLiteral("cv-kept-text"));
    QVERIFY(m_dialog->isVisible());
    QVERIFY(child<QPushButton>("saveKeyButton")->isEnabled());
}

void TestApiKeyDialog::forgetRemovesTheKey()
{
    QVERIFY(writeKey(*m_store, m_url, QStringLiteral("cv-to-forget")).isSuccess());
    QSignalSpy forgotten(m_dialog, &ApiKeyDialog::keyForgotten);
    QTest::mouseClick(child<QPushButton>("forgetKeyButton"), Qt::LeftButton);
    QVERIFY(forgotten.wait(20000));
    QCOMPARE(readKey(*m_store, m_url).status, Status::NotFound);
    QVERIFY(!secretToolSearch().contains(CredentialStore::keyName(m_url)));
    QVERIFY(m_dialog->isVisible());
}

void TestApiKeyDialog::cancelStoresNothing()
{
    QTest::keyClicks(child<QLineEdit>("apiKeyEdit"), QStringLiteral("cv-cancelled"));
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    QVERIFY(!m_dialog->isVisible());
    QTest::qWait(200);
    QCOMPARE(readKey(*m_store, m_url).status, Status::NotFound);
}

QTEST_MAIN(TestApiKeyDialog)
#include "tst_apikeydialog.moc"
