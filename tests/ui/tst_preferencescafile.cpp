// Settings › Preferences › Network: the organisation's certificate authority file, typed by
// keyboard, as real files: PEM and DER of a CA openssl makes here, and files that are not one.
#include "preferencesdialogtest.h"
#include "tests/teststep.h"

#include "app/session/preferences.h"

#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace Care360;

class TestPreferencesCaFile : public PreferencesDialogTest {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { QSettings().clear(); }
    void cleanup() { m_dialog.reset(); }
    void caFileWithoutCertificateIsRefused_data();
    void caFileWithoutCertificateIsRefused();
    void caFileWithCertificateIsSaved_data();
    void caFileWithCertificateIsSaved();

private:
    QTemporaryDir m_dir;
    QString m_pem;
    QString m_der;
};

void TestPreferencesCaFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Care360-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferencescafile"));
    QVERIFY(m_dir.isValid());
    // A real certificate authority, as an IT department hands it out: PEM, and the same as DER.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!openssl.isEmpty(), "openssl is needed to make a test certificate");
    m_pem = m_dir.filePath(QStringLiteral("ca.pem"));
    m_der = m_dir.filePath(QStringLiteral("ca.der"));
    QProcess req;
    req.start(openssl,
              { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Test CA", "-days",
                "2", "-keyout", m_dir.filePath(QStringLiteral("ca.key")), "-out", m_pem });
    QVERIFY(req.waitForFinished(60000));
    QVERIFY2(req.exitCode() == 0, req.readAllStandardError().constData());
    QProcess der;
    der.start(openssl, { "x509", "-in", m_pem, "-outform", "DER", "-out", m_der });
    QVERIFY(der.waitForFinished(60000));
    QVERIFY2(der.exitCode() == 0, der.readAllStandardError().constData());
}

void TestPreferencesCaFile::caFileWithoutCertificateIsRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sentence");
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
    QFile out(garbage);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(
        "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n\x01\x02");
    out.close();
    QTest::newRow("garbage") << garbage << QStringLiteral("holds no certificate");
    QTest::newRow("private key") << m_dir.filePath(QStringLiteral("ca.key"))
                                 << QStringLiteral("holds no certificate");
    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nowhere.pem"))
                             << QStringLiteral("There is no file");
    QTest::newRow("folder") << m_dir.path() << QStringLiteral("cannot be read");
}

void TestPreferencesCaFile::caFileWithoutCertificateIsRefused()
{
    QFETCH(QString, file);
    QFETCH(QString, sentence);
    STEP(open());
    auto *edit = find<QLineEdit>("caBundleEdit");
    press(Qt::Key_A, Qt::AltModifier); // certificate &authorities
    QCOMPARE(focused(), edit);
    type(file);
    // Enter on another page: the dialog goes back to the field that needs correcting.
    press(Qt::Key_F, Qt::AltModifier);
    QCOMPARE(find<QTabWidget>("preferencesPages")->currentWidget()->objectName(),
             QStringLiteral("followUpPage"));
    press(Qt::Key_Return);
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(problemText().contains(sentence), qPrintable(problemText()));
    QCOMPARE(find<QTabWidget>("preferencesPages")->currentWidget()->objectName(),
             QStringLiteral("networkPage"));
    QCOMPARE(focused(), edit);
    QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(' ')));
    QVERIFY(Preferences().caBundleFile().isEmpty());
}

void TestPreferencesCaFile::caFileWithCertificateIsSaved_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("PEM") << m_pem;
    QTest::newRow("DER") << m_der;
}

void TestPreferencesCaFile::caFileWithCertificateIsSaved()
{
    QFETCH(QString, file);
    STEP(open());
    press(Qt::Key_A, Qt::AltModifier);
    QCOMPARE(focused(), find<QLineEdit>("caBundleEdit"));
    type(file);
    press(Qt::Key_Return);
    QVERIFY2(!m_dialog->isVisible(), qPrintable(problemText()));
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(Preferences().caBundleFile(), file);
}

QTEST_MAIN(TestPreferencesCaFile)
#include "tst_preferencescafile.moc"
