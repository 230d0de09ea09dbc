// How long the drafts journal takes: sealing and writing a journal of N rows on the writer
// thread (what each debounced save costs), reading one back on open, and an edit's way from
// setData to the file on disk (the debounce plus the write). Figures in docs/performance.md;
// never asserted.
#include "app/drafts/draftcipher.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "app/drafts/journalcodec.h"
#include "models/escalationtablemodel.h"
#include "tests/models/escalationfixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Care360;
using namespace Care360::Fixtures;

namespace {
const QString kCase = QStringLiteral("6b1f0c2e-3d4a-4e5b-8c9d-0a1b2c3d4e5f");

QList<SavedDraft> drafts(int rows)
{
    QList<SavedDraft> list;
    for (int n = 0; n < rows; ++n) {
        // A long note (the 4,096-character cap) on every row: the heaviest journal there is.
        const QString note = QString(4096, QLatin1Char('a' + n % 26));
        list.append({ escalation(n), { escalationId(n), note, utc(2026, 12, 4, 9), {} } });
    }
    return list;
}
} // namespace

class BenchJournal : public QObject {
    Q_OBJECT
private slots:
    void sealAndWrite_data();
    void sealAndWrite();
    void readAndOpen_data() { sealAndWrite_data(); }
    void digestOnly_data() { sealAndWrite_data(); }
    void digestOnly();
    void readAndOpen();
    void editToDisk();
};

void BenchJournal::sealAndWrite_data()
{
    QTest::addColumn<int>("rows");
    QTest::newRow("1 row") << 1;
    QTest::newRow("100 rows") << 100;
    QTest::newRow("1000 rows") << 1000;
}

void BenchJournal::sealAndWrite()
{
    QFETCH(int, rows);
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    // Two journals in turn: saving what the file already holds is skipped, by design.
    const QList<SavedDraft> first = drafts(rows);
    QList<SavedDraft> second = first;
    second.first().drafts.note = QStringLiteral("changed");
    bool flip = false;
    QBENCHMARK
    {
        flip = !flip;
        journal.save(QStringLiteral("sandbox"), kCase, flip ? first : second);
        journal.flush();
    }
}

// What a save costs the UI thread when nothing changed (the due-state timer every minute).
void BenchJournal::digestOnly()
{
    QFETCH(int, rows);
    const QList<SavedDraft> list = drafts(rows);
    QBENCHMARK
    {
        JournalCodec::digest(list);
    }
}

void BenchJournal::readAndOpen()
{
    QFETCH(int, rows);
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    journal.save(QStringLiteral("sandbox"), kCase, drafts(rows));
    journal.flush();
    QBENCHMARK
    {
        const DraftJournal::Loaded loaded = journal.load(QStringLiteral("sandbox"), kCase);
        QCOMPARE(loaded.contents->drafts.size(), rows);
    }
}

void BenchJournal::editToDisk()
{
    QTemporaryDir dir;
    DraftJournal journal(dir.path());
    journal.setKey(DraftCipher::newKey());
    EscalationTableModel model;
    DraftKeeper keeper(&model, &journal);
    keeper.setEnvironment(QStringLiteral("sandbox"));
    QSignalSpy settled(&keeper, &DraftKeeper::restoreFinished);
    QList<Escalation> rows;
    for (int n = 0; n < 50; ++n)
        rows << escalation(n);
    model.setCaseEscalations(kCase, rows);
    QVERIFY(settled.wait());
    QSignalSpy written(&journal, &DraftJournal::written);
    int edit = 0;
    // Includes the 250 ms debounce: the figure is the worst case an agent's edit waits.
    QBENCHMARK
    {
        written.clear();
        ++edit;
        model.setData(model.index(edit % 50, EscalationTableModel::Note),
                      QStringLiteral("Edit %1").arg(edit));
        QVERIFY(written.wait());
    }
}

QTEST_GUILESS_MAIN(BenchJournal)
#include "bench_journal.moc"
