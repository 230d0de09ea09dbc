// The drafts journal on a real disk that fails: a tmpfs of 256 KiB filled to ENOSPC, then
// remounted read-only (tests/drafts/in_small_tmpfs.sh mounts it in a private namespace). The
// agent is told at once, the earlier journal stays byte for byte, Keep is no longer promised,
// and the write is retried once there is room again.
#include "app/drafts/draftcipher.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "models/escalationtablemodel.h"
#include "tests/models/escalationfixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Care360;
using namespace Care360::Fixtures;
using Model = EscalationTableModel;

namespace {
const QString kEnvironment = QStringLiteral("sandbox");
const QString kCase = QStringLiteral("6b1f0c2e-3d4a-4e5b-8c9d-0a1b2c3d4e5f");
const QString kFirst = QStringLiteral("Allergy to penicillin noted");
const QString kSecond = QStringLiteral("Allergy to penicillin noted; call back Friday");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Fills the file system to the last byte; returns the filler's path.
QString fillDisk(const QString &mountpoint)
{
    const QString filler = mountpoint + QStringLiteral("/filler");
    QFile file(filler);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return {};
    const QByteArray block(4096, 'x');
    while (file.write(block) == block.size()) { }
    const QByteArray byte(1, 'x');
    while (file.write(byte) == 1) { }
    return filler;
}

bool mountAgain(const QString &mountpoint, const QString &mode)
{
    return QProcess::execute(
               QStringLiteral("mount"),
               { QStringLiteral("-o"), QStringLiteral("remount,") + mode, mountpoint })
        == 0;
}
} // namespace

// A journal in a folder of the small disk, and a keeper mirroring a model with one case open.
struct Kept {
    explicit Kept(const QString &directory, const QList<Escalation> &rows)
        : journal(directory)
    {
        journal.setKey(DraftCipher::newKey());
        keeper.setEnvironment(kEnvironment);
        QSignalSpy settled(&keeper, &DraftKeeper::restoreFinished);
        model.setCaseEscalations(kCase, rows);
        ready = settled.wait(10000);
    }
    DraftJournal journal;
    Model model;
    DraftKeeper keeper { &model, &journal };
    QSignalSpy problems { &keeper, &DraftKeeper::problem };
    QSignalSpy recovered { &keeper, &DraftKeeper::recovered };
    bool ready = false;

    // A first note on row 0, kept on disk: the journal's bytes (empty if nothing was written).
    QByteArray keepFirstNote()
    {
        if (!model.setData(model.index(0, Model::Note), kFirst))
            return {};
        keeper.flush();
        return readAll(journal.pathFor(kEnvironment, kCase));
    }
};

class TestJournalDisk : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fullDiskKeepsTheEarlierJournalTellsTheAgentAndRetries();
    void readOnlyFolderIsToldAndNothingIsPromised();
    void cutShortFileIsToldApartFromADamagedOne();

private:
    QString m_disk;
};

void TestJournalDisk::initTestCase()
{
    m_disk = qEnvironmentVariable("CARE360_SMALL_DISK");
    if (m_disk.isEmpty())
        QFAIL("run me through tests/drafts/in_small_tmpfs.sh (ctest does)");
    QVERIFY(DraftCipher::isAvailable());
}

void TestJournalDisk::fullDiskKeepsTheEarlierJournalTellsTheAgentAndRetries()
{
    const QString directory = m_disk + QStringLiteral("/full/drafts");
    Kept kept(directory, { escalation(1), escalation(2) });
    QVERIFY(kept.ready);
    auto &[journal, model, keeper, problems, recovered, ready] = kept;
    const QByteArray before = kept.keepFirstNote();
    QVERIFY(!before.isEmpty());
    const QString path = journal.pathFor(kEnvironment, kCase);
    QVERIFY(keeper.isKept());

    const QString filler = fillDisk(m_disk);
    QVERIFY(!filler.isEmpty());
    QVERIFY(model.setData(model.index(0, Model::Note), kSecond));
    QVERIFY(model.setData(model.index(1, Model::Assignee), QStringLiteral("b@acme.example")));
    keeper.flush();

    // The earlier journal is intact, byte for byte, and nothing else was left in the folder.
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(directory).entryList({ QStringLiteral("*.c360drafts*") }, QDir::Files),
             { QFileInfo(path).fileName() });
    QVERIFY(!keeper.isKept());
    QTRY_COMPARE(problems.size(), 1);
    const QString sentence = problems.at(0).at(0).toString();
    QVERIFY2(sentence.contains(kCase) && sentence.contains(QStringLiteral("disk is full")),
             qPrintable(sentence));
    QVERIFY(!sentence.contains(QStringLiteral("penicillin")));

    // Room again: the keeper retries by itself, without another edit.
    QVERIFY(QFile::remove(filler));
    QTRY_VERIFY_WITH_TIMEOUT(!recovered.isEmpty(), 20000);
    keeper.flush();
    QVERIFY(keeper.isKept());
    QVERIFY(recovered.at(0).at(0).toString().contains(kCase));
    QVERIFY(readAll(path) != before);
    const DraftJournal::Loaded loaded = journal.load(kEnvironment, kCase);
    QVERIFY(loaded.contents.has_value());
    QCOMPARE(loaded.contents->drafts.size(), 2);
    QCOMPARE(loaded.contents->drafts.at(0).drafts.note, std::optional<QString>(kSecond));
    QCOMPARE(problems.size(), 1); // said once, not at every retry
}

void TestJournalDisk::readOnlyFolderIsToldAndNothingIsPromised()
{
    const QString directory = m_disk + QStringLiteral("/readonly/drafts");
    Kept kept(directory, { escalation(1) });
    QVERIFY(kept.ready);
    auto &[journal, model, keeper, problems, recovered, ready] = kept;
    const QByteArray before = kept.keepFirstNote();
    QVERIFY(!before.isEmpty());
    const QString path = journal.pathFor(kEnvironment, kCase);

    QVERIFY(mountAgain(m_disk, QStringLiteral("ro")));
    QVERIFY(model.setData(model.index(0, Model::Note), kSecond));
    keeper.flush();
    const bool keptWhileReadOnly = keeper.isKept();
    QVERIFY(mountAgain(m_disk, QStringLiteral("rw")));

    QCOMPARE(readAll(path), before);
    QVERIFY(!keptWhileReadOnly);
    QTRY_COMPARE(problems.size(), 1);
    const QString sentence = problems.at(0).at(0).toString();
    QVERIFY2(sentence.contains(kCase) && sentence.contains(QStringLiteral("can't be written")),
             qPrintable(sentence));
}

void TestJournalDisk::cutShortFileIsToldApartFromADamagedOne()
{
    const QString directory = m_disk + QStringLiteral("/short/drafts");
    DraftJournal journal(directory);
    journal.setKey(DraftCipher::newKey());
    QVERIFY(QDir().mkpath(directory));
    const QString path = journal.pathFor(kEnvironment, kCase);
    {
        QFile empty(path);
        QVERIFY(empty.open(QIODevice::WriteOnly)); // what Qt 6.4 left after a full disk
    }
    DraftJournal::Loaded loaded = journal.load(kEnvironment, kCase);
    QVERIFY(!loaded.contents);
    QVERIFY2(loaded.problem.contains(QStringLiteral("empty or cut short")),
             qPrintable(loaded.problem));
    QVERIFY(!loaded.problem.contains(QStringLiteral("changed or damaged")));

    // A whole file with one flipped byte is damaged, not cut short.
    journal.save(kEnvironment, kCase, { { escalation(1), { escalationId(1), kFirst, {}, {} } } });
    journal.flush();
    QByteArray sealed = readAll(path);
    QVERIFY(sealed.size() > 64);
    sealed[sealed.size() / 2] = char(sealed[sealed.size() / 2] ^ 0x01);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(sealed), sealed.size());
    }
    loaded = journal.load(kEnvironment, kCase);
    QVERIFY(!loaded.contents);
    QVERIFY2(loaded.problem.contains(QStringLiteral("changed or damaged")),
             qPrintable(loaded.problem));
}

QTEST_GUILESS_MAIN(TestJournalDisk)
#include "tst_journaldisk.moc"
