// Organisation profiles on a real full disk: the settings file lives on a 256 KiB tmpfs
// (in_small_tmpfs.sh) that is filled to ENOSPC. Adding or renaming says so in a sentence and
// changes nothing, not even in this process's copy of the settings; with room again it works.
#include "app/session/profilestore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace Care360;

class TestProfilesDisk : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aFullDiskChangesNothingAndSaysSo();

private:
    QString m_disk;
};

void TestProfilesDisk::initTestCase()
{
    m_disk = qEnvironmentVariable("CARE360_SMALL_DISK");
    QVERIFY2(!m_disk.isEmpty(), "run through in_small_tmpfs.sh");
    // QSettings writes nothing without an organisation name (status AccessError).
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profilesdisk"));
    // Before the first QSettings: the settings file goes onto the small disk.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_disk + QStringLiteral("/config")));
}

void TestProfilesDisk::aFullDiskChangesNothingAndSaysSo()
{
    ProfileStore store;
    QString problem;
    const auto acme = store.add(QStringLiteral("Acme Health"), Environment::production(), &problem);
    QVERIFY2(acme, qPrintable(problem));

    // Fill every byte left.
    QFile filler(m_disk + QStringLiteral("/filler"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) { }
    filler.close();

    QVERIFY(!store.add(QStringLiteral("Globex Care"), Environment::production(), &problem));
    QVERIFY2(problem.startsWith(QStringLiteral("The list of organisations could not be saved in "))
                 && problem.endsWith(QStringLiteral(
                     "the disk may be full or read-only. Globex Care was not added.")),
             qPrintable(problem));
    QVERIFY(!store.rename(acme->id, QStringLiteral("Acme Pharmacy"), &problem));
    QVERIFY2(problem.endsWith(QStringLiteral("The name stays as it was.")), qPrintable(problem));
    // Not kept in memory either: what the agent sees is what is on disk.
    QCOMPARE(ProfileStore().profiles().size(), 1);
    QCOMPARE(ProfileStore().profiles().constFirst().name, QStringLiteral("Acme Health"));

    // Room again: the same request works.
    QVERIFY(QFile::remove(filler.fileName()));
    QVERIFY2(store.add(QStringLiteral("Globex Care"), Environment::production(), &problem),
             qPrintable(problem));
    QCOMPARE(ProfileStore().profiles().size(), 2);
}

QTEST_GUILESS_MAIN(TestProfilesDisk)
#include "tst_profilesdisk.moc"
