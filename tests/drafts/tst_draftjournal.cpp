// The drafts journal without a window: the cipher, the plaintext format, the key in the real
// keychain (scripts/test's private Secret Service), files on a real disk, and the keeper that
// mirrors a model into the journal.
#include "tests/testsession.h"

#include "app/drafts/draftcipher.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "app/drafts/journalcodec.h"
#include "app/drafts/journalkey.h"
#include "models/clock.h"
#include "models/escalationtablemodel.h"
#include "tests/credentials/keychaintesthelpers.h"
#include "tests/models/escalationfixtures.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <qt6keychain/keychain.h>

using namespace Care360;
using namespace Care360::Fixtures;
using Model = EscalationTableModel;

namespace {
const QString kEnvironment = QStringLiteral("sandbox");
const QString kCase = QStringLiteral("6b1f0c2e-3d4a-4e5b-8c9d-0a1b2c3d4e5f");
// Patient information as a note would carry it: it must never reach the disk in any encoding.
const QString kSecret = QStringLiteral("Patient ZEBRA-4711 moved to Elm Street");

QList<SavedDraft> sampleDrafts()
{
    EscalationUpdate first { escalationId(1), kSecret, utc(2026, 12, 4, 8), {} };
    EscalationUpdate second { escalationId(2), QString(), {}, QStringLiteral("a@acme.example") };
    return { { escalation(1), first }, { withNote(escalation(2), QStringLiteral("old")), second } };
}

QStringList journalFiles(const QString &directory)
{
    // Journals only (and what is set aside or left beside them), not the sealed index.
    return QDir(directory).entryList({ QStringLiteral("*.c360drafts*") }, QDir::Files, QDir::Name);
}

QByteArray fetchKey()
{
    JournalKey key;
    QSignalSpy ready(&key, &JournalKey::ready);
    QSignalSpy unavailable(&key, &JournalKey::unavailable);
    key.fetch();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !unavailable.isEmpty(); }, 10000))
        return {};
    return ready.isEmpty() ? QByteArray() : ready.at(0).at(0).toByteArray();
}

void removeKeychainKey()
{
    QKeychain::DeletePasswordJob job(CredentialStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(JournalKey::entryName());
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.start();
    QVERIFY(done.wait(10000));
}
} // namespace

class TestDraftJournal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cipherRefusesEveryFlippedByteAnotherCaseAndAnotherKey();
    void plaintextFormatRoundTripsAndRefusesOthers();
    void keyIsCreatedOnceInTheKeychainAndReused();
    void journalHoldsNoClearTextAndReadsBack();
    void tamperedJournalIsSetAsideWithASentence();
    void lostKeychainKeyMeansANewKeyAndTheOldJournalSetAside();
    void keeperMirrorsTheModelAndRestoresIntoAFreshOne();
    void withoutAKeyNothingIsWrittenAndTheAgentIsTold();
};

void TestDraftJournal::initTestCase()
{
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY(DraftCipher::isAvailable());
}

void TestDraftJournal::cipherRefusesEveryFlippedByteAnotherCaseAndAnotherKey()
{
    const QByteArray key = DraftCipher::newKey();
    QCOMPARE(key.size(), DraftCipher::keyBytes);
    QVERIFY(key != DraftCipher::newKey());
    const QByteArray plain = kSecret.toUtf8();
    const QByteArray sealed = DraftCipher::seal(key, plain, "sandbox\ncase-a");
    QVERIFY(!sealed.contains(plain));
    QCOMPARE(DraftCipher::open(key, sealed, "sandbox\ncase-a").value_or(QByteArray()), plain);
    // Two seals of the same text differ (random nonce).
    QVERIFY(DraftCipher::seal(key, plain, "sandbox\ncase-a") != sealed);

    for (int i = 0; i < sealed.size(); ++i) {
        QByteArray flipped = sealed;
        flipped[i] = char(flipped[i] ^ 0x01);
        QVERIFY2(!DraftCipher::open(key, flipped, "sandbox\ncase-a"),
                 qPrintable(QString::number(i)));
    }
    QVERIFY(!DraftCipher::open(key, sealed.left(sealed.size() - 1), "sandbox\ncase-a"));
    QVERIFY(!DraftCipher::open(key, sealed, "sandbox\ncase-b"));
    QVERIFY(!DraftCipher::open(key, sealed, "production\ncase-a"));
    QVERIFY(!DraftCipher::open(DraftCipher::newKey(), sealed, "sandbox\ncase-a"));
    QVERIFY(!DraftCipher::open(key, QByteArray(), "sandbox\ncase-a"));
}

void TestDraftJournal::plaintextFormatRoundTripsAndRefusesOthers()
{
    const JournalCodec::Contents contents { utc(2026, 12, 3, 11, 5), sampleDrafts() };
    const std::optional<JournalCodec::Contents> back =
        JournalCodec::decode(JournalCodec::encode(contents));
    QVERIFY(back);
    QCOMPARE(back->savedAt, contents.savedAt);
    QCOMPARE(back->drafts.size(), 2);
    QVERIFY(back->drafts == contents.drafts);
    // An emptied note ("") is a draft of its own, distinct from "no note draft".
    QCOMPARE(back->drafts.at(1).drafts.note, std::optional<QString>(QString()));
    QVERIFY(!back->drafts.at(1).drafts.followUpDueAt);

    QVERIFY(!JournalCodec::decode("not json"));
    QVERIFY(!JournalCodec::decode(R"({"format":2,"rows":[]})"));
    QVERIFY(!JournalCodec::decode(R"({"format":1,"rows":[{"escalation":{},"drafts":{}}]})"));
}

void TestDraftJournal::keyIsCreatedOnceInTheKeychainAndReused()
{
    removeKeychainKey();
    const QByteArray created = fetchKey();
    QCOMPARE(created.size(), DraftCipher::keyBytes);
    QCOMPARE(fetchKey(), created);
    // The entry sits next to the API keys, under its own name.
    QVERIFY2(KeychainTest::secretToolSearch().contains(JournalKey::entryName()),
             qPrintable(KeychainTest::secretToolSearch()));
}

void TestDraftJournal::journalHoldsNoClearTextAndReadsBack()
{
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    QSignalSpy written(&journal, &DraftJournal::written);
    journal.save(kEnvironment, kCase, sampleDrafts());
    QVERIFY(written.wait(10000));
    QCOMPARE(written.at(0).at(0).toString(), journal.pathFor(kEnvironment, kCase));
    QCOMPARE(journalFiles(dir.path()).size(), 1);
    // Owner-only, and named by a hash: the listing says nothing about the case.
    QVERIFY(!journalFiles(dir.path()).at(0).contains(kCase));
    QCOMPARE(QFile::permissions(journal.pathFor(kEnvironment, kCase))
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    int scanned = 0;
    const QByteArray utf8 = kSecret.toUtf8();
    for (const QByteArray &needle :
         { utf8, QByteArray("ZEBRA-4711"), utf8.toBase64(), utf8.toHex(),
           QByteArray(reinterpret_cast<const char *>(kSecret.utf16()), kSecret.size() * 2) }) {
        QCOMPARE(KeychainTest::filesContaining({ dir.path() }, needle, &scanned), QStringList());
    }
    QVERIFY(scanned > 0);

    const DraftJournal::Loaded loaded = journal.load(kEnvironment, kCase);
    QVERIFY(loaded.problem.isEmpty());
    QVERIFY(loaded.contents);
    QVERIFY(loaded.contents->drafts == sampleDrafts());
    // The same drafts again are not written again; any change is.
    written.clear();
    journal.save(kEnvironment, kCase, sampleDrafts());
    journal.flush();
    QTest::qWait(50);
    QCOMPARE(written.size(), 0);
    QList<SavedDraft> changed = sampleDrafts();
    changed[1].drafts.note.reset();
    journal.save(kEnvironment, kCase, changed);
    QVERIFY(written.wait(10000));
    // No drafts: the file goes.
    journal.save(kEnvironment, kCase, {});
    journal.flush();
    QCOMPARE(journalFiles(dir.path()), QStringList());
}

void TestDraftJournal::tamperedJournalIsSetAsideWithASentence()
{
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    journal.save(kEnvironment, kCase, sampleDrafts());
    journal.flush();
    const QString path = journal.pathFor(kEnvironment, kCase);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x40);
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    const DraftJournal::Loaded loaded = journal.load(kEnvironment, kCase);
    QVERIFY(!loaded.contents);
    QVERIFY2(loaded.problem.contains(QStringLiteral("could not be read")),
             qPrintable(loaded.problem));
    QVERIFY2(loaded.problem.contains(kCase), qPrintable(loaded.problem));
    // Moved aside with its bytes, never deleted; the case starts clean.
    QVERIFY(!QFile::exists(path));
    const QStringList files = journalFiles(dir.path());
    QCOMPARE(files.size(), 1);
    QVERIFY(files.at(0).contains(QStringLiteral(".unreadable-")));
    QVERIFY(loaded.problem.contains(files.at(0)));
    QFile aside(dir.filePath(files.at(0)));
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), bytes);
}

void TestDraftJournal::lostKeychainKeyMeansANewKeyAndTheOldJournalSetAside()
{
    QTemporaryDir dir;
    {
        DraftJournal journal(dir.path());
        journal.setKey(fetchKey());
        journal.save(kEnvironment, kCase, sampleDrafts());
    }
    removeKeychainKey(); // e.g. the keyring was reset, or the file came from another machine
    DraftJournal journal(dir.path());
    const QByteArray fresh = fetchKey();
    QCOMPARE(fresh.size(), DraftCipher::keyBytes);
    journal.setKey(fresh);
    const DraftJournal::Loaded loaded = journal.load(kEnvironment, kCase);
    QVERIFY(!loaded.contents);
    QVERIFY(!loaded.problem.isEmpty());
    QCOMPARE(journalFiles(dir.path()).size(), 1);
    QVERIFY(journalFiles(dir.path()).at(0).contains(QStringLiteral(".unreadable-")));
}

void TestDraftJournal::keeperMirrorsTheModelAndRestoresIntoAFreshOne()
{
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    QSignalSpy written(&journal, &DraftJournal::written);
    const QString path = journal.pathFor(kEnvironment, kCase);
    const QList<Escalation> rows { escalation(1), escalation(2), escalation(3) };
    {
        Model model;
        DraftKeeper keeper(&model, &journal);
        keeper.setEnvironment(kEnvironment);
        QSignalSpy settled(&keeper, &DraftKeeper::restoreFinished);
        model.setCaseEscalations(kCase, rows);
        QVERIFY(settled.wait(10000)); // nothing to restore: no file, no write
        QVERIFY(!QFile::exists(path));
        QVERIFY(model.setData(model.index(0, Model::Note), kSecret));
        QVERIFY(model.setData(model.index(2, Model::Assignee), QStringLiteral("b@acme.example")));
        QVERIFY(written.wait(10000));
        QVERIFY(QFile::exists(path));
        // Reverting one field leaves the other in the file; reverting all removes the file.
        written.clear();
        model.revertCell(model.index(2, Model::Assignee));
        QVERIFY(written.wait(10000));
        QCOMPARE(journal.load(kEnvironment, kCase).contents->drafts.size(), 1);
        written.clear();
        model.undoStack()->undo(); // the assignee again: the keeper writes it back
        QVERIFY(written.wait(10000));
    } // the keeper flushes on destruction: a quit keeps the journal

    // The next run: row 3 was completed meanwhile.
    Model model;
    DraftKeeper keeper(&model, &journal);
    keeper.setEnvironment(kEnvironment);
    QSignalSpy restored(&keeper, &DraftKeeper::restored);
    model.setCaseEscalations(kCase, { escalation(1), escalation(2) });
    QVERIFY(restored.wait(10000));
    QCOMPARE(restored.at(0).at(0).toInt(), 2);
    QCOMPARE(model.index(0, Model::Note).data(Model::DraftValueRole).toString(), kSecret);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.index(2, Model::Title).data(Model::InactiveRole).toBool());
    QCOMPARE(model.index(2, Model::Assignee).data(Model::DraftValueRole).toString(),
             QStringLiteral("b@acme.example"));
    QCOMPARE(model.pendingCount(), 1); // the inactive row's draft can never be sent
    // The restore is one step the agent can undo.
    QCOMPARE(model.undoStack()->count(), 1);

    // Discarding at close removes the file.
    written.clear();
    keeper.setDiscardOnClose(true);
    model.setCaseEscalations(QString(), {});
    QVERIFY(!QFile::exists(path));
}

void TestDraftJournal::withoutAKeyNothingIsWrittenAndTheAgentIsTold()
{
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setUnavailable(QStringLiteral("Unsent changes will not survive a restart: test."));
    Model model;
    DraftKeeper keeper(&model, &journal);
    keeper.setEnvironment(kEnvironment);
    QSignalSpy problems(&keeper, &DraftKeeper::problem);
    model.setCaseEscalations(kCase, { escalation(1) });
    QVERIFY(model.setData(model.index(0, Model::Note), kSecret));
    QTRY_COMPARE(problems.size(), 1);
    QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("will not survive")));
    QVERIFY(model.setData(model.index(0, Model::Note), QString(kSecret + QStringLiteral("!"))));
    keeper.flush();
    QCOMPARE(problems.size(), 1); // said once
    QCOMPARE(journalFiles(dir.path()), QStringList());
    QVERIFY(!QDir(dir.path()).exists(QStringLiteral("drafts")));
}

QTEST_GUILESS_MAIN(TestDraftJournal)
#include "tst_draftjournal.moc"
