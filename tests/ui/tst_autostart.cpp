// Settings › Preferences › Follow-ups › "Start the console when I log in", by keyboard: the XDG
// autostart entry appears where the desktop reads it, names this program, goes away when the
// box is cleared, and a folder that cannot hold it gets a sentence instead of a silent failure.
#include "tests/teststep.h"

#include "app/session/autostart.h"
#include "care360/version.h"
#include "ui/preferencesdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Care360;

class TestAutostart : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void theBoxWritesAndRemovesTheEntry();
    void okLeavesTheEntryAloneWhenTheBoxWasNotTouched();
    void aFolderThatCannotHoldItIsSaid();

private:
    // Opens the dialog, goes to the Follow-ups page, toggles the box with its mnemonic, Enter.
    void toggleAndAccept(PreferencesDialog &dialog);
    // Under test mode (set in initTestCase), not the real ~/.config/autostart.
    static QString entryFile() { return Autostart::entryFile(QStringLiteral(CARE360_APP_ID)); }
};

void TestAutostart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Care360-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_autostart"));
    QVERIFY(entryFile().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
}

void TestAutostart::init()
{
    QSettings().clear();
    QFile::remove(entryFile());
    const QString folder = QFileInfo(entryFile()).absolutePath();
    if (QFileInfo(folder).isFile())
        QFile::remove(folder);
}

void TestAutostart::toggleAndAccept(PreferencesDialog &dialog)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::AltModifier); // &Follow-ups
    QCOMPARE(dialog.findChild<QTabWidget *>(QStringLiteral("preferencesPages"))
                 ->currentWidget()
                 ->objectName(),
             QStringLiteral("followUpPage"));
    auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"));
    const bool before = box->isChecked();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::AltModifier); // S&tart …
    QTRY_VERIFY(box->isChecked() != before); // a mnemonic clicks the box a moment later
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

void TestAutostart::theBoxWritesAndRemovesTheEntry()
{
    {
        PreferencesDialog dialog;
        STEP(toggleAndAccept(dialog));
        QVERIFY(!dialog.isVisible());
    }
    QFile entry(entryFile());
    QVERIFY2(entry.open(QIODevice::ReadOnly), qPrintable(entryFile()));
    const QString text = QString::fromUtf8(entry.readAll());
    QVERIFY2(text.startsWith(QStringLiteral("[Desktop Entry]\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nType=Application\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nExec=") + QCoreApplication::applicationFilePath()
                           + QLatin1Char('\n')),
             qPrintable(text));
    // Shown again, the box says what is on disk; cleared, the entry goes.
    {
        PreferencesDialog dialog;
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"))->isChecked());
        STEP(toggleAndAccept(dialog));
        QVERIFY(!dialog.isVisible());
    }
    QVERIFY(!QFile::exists(entryFile()));
}

void TestAutostart::okLeavesTheEntryAloneWhenTheBoxWasNotTouched()
{
    // The entry is written after the dialog was shown (by the desktop's own start-up settings,
    // say). OK for another change must not undo that by writing the box's old state back.
    PreferencesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"))->isChecked());
    QString problem;
    QVERIFY2(Autostart::setEnabled(true, QStringLiteral(CARE360_APP_ID),
                                   QStringLiteral(CARE360_APP_NAME), &problem),
             qPrintable(problem));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QVERIFY(QFile::exists(entryFile()));

    // And the other way: removed elsewhere while shown ticked, it is not written again.
    PreferencesDialog again;
    again.show();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"))->isChecked());
    QVERIFY(QFile::remove(entryFile()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!again.isVisible());
    QVERIFY(!QFile::exists(entryFile()));
}

void TestAutostart::aFolderThatCannotHoldItIsSaid()
{
    // A file where the autostart folder should be: nothing can be written under it.
    const QString folder = QFileInfo(entryFile()).absolutePath();
    QDir(folder).removeRecursively();
    QDir().mkpath(QFileInfo(folder).absolutePath());
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    PreferencesDialog dialog;
    STEP(toggleAndAccept(dialog));
    QVERIFY(dialog.isVisible());
    const QLabel *problem = dialog.findChild<QLabel *>(QStringLiteral("preferencesProblemLabel"));
    QVERIFY(problem);
    QVERIFY2(problem->text().contains(QStringLiteral("could not be set to start at login")),
             qPrintable(problem->text()));
    QCOMPARE(QApplication::focusWidget(),
             dialog.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck")));
}

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
