// Optimistic concurrency without an ETag: a draft remembers the server's value from when it was
// begun, and a listing that brings another value marks the cell as a conflict instead of letting
// the draft silently replace a colleague's change.
#include "modelundertest.h"

#include "mergehelpers.h"
#include "models/apioutcome.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace Care360;
using namespace Care360::Fixtures;
using namespace Care360::MergeHelpers;
using Model = EscalationTableModel;
using Kind = ApiOutcome::Kind;

namespace {
const QString kTheirs = QStringLiteral("Allergy to penicillin noted");
const QString kMine = QStringLiteral("Called the pharmacy");
} // namespace

class TestConflicts : public QObject, public ModelUnderTest {
    Q_OBJECT
private slots:
    void init() { createModel(); }
    void cleanup() { destroyModel(); }
    void colleaguesNoteUnderMyDraftIsAConflict();
    void unchangedOrOtherFieldsAreNoConflict();
    void keepingMineRebasesAndTakingTheirsReverts();
    void theServerReachingMyValueEndsTheDraftNotAConflict();
    void myOwnSendIsNeverAConflict();
    void savedDraftsCarryTheBaseAcrossARestart();
};

void TestConflicts::colleaguesNoteUnderMyDraftIsAConflict()
{
    m_model->setCaseEscalations(kCase, { withNote(escalation(1), QStringLiteral("old")) });
    QSignalSpy conflicts(m_model.get(), &Model::conflictCountChanged);
    edit(1, Model::Note, kMine);
    QCOMPARE(m_model->conflictCount(), 0);

    m_model->applyListing({ withNote(escalation(1), kTheirs) });
    QCOMPARE(m_model->conflictCount(), 1);
    QCOMPARE(conflicts.size(), 1);
    const QModelIndex note = cell(0, Model::Note);
    QVERIFY(note.data(Model::ConflictRole).toBool());
    QVERIFY(!cell(0, Model::Assignee).data(Model::ConflictRole).toBool());
    QCOMPARE(m_model->firstConflictIndex(), note);
    // Mine stays on screen and in the draft; theirs, mine and the old value are in the tooltip.
    QCOMPARE(note.data(Model::DraftValueRole).toString(), kMine);
    const QString tip = note.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(kTheirs) && tip.contains(kMine) && tip.contains(QStringLiteral("old")),
             qPrintable(tip));
    QVERIFY(note.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Conflict")));
}

void TestConflicts::unchangedOrOtherFieldsAreNoConflict()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(1, Model::Note, kMine);
    edit(2, Model::Assignee, QStringLiteral("b@acme.example"));
    // Row 1 listed unchanged; row 2's note (not drafted) changed on the server.
    m_model->applyListing({ escalation(1), withNote(escalation(2), kTheirs) });
    QCOMPARE(m_model->conflictCount(), 0);
    QCOMPARE(m_model->pendingCount(), 2);
    // A null note and an empty one are the same value.
    m_model->applyListing({ withNote(escalation(1), QString()), escalation(2) });
    QCOMPARE(m_model->conflictCount(), 0);
}

void TestConflicts::keepingMineRebasesAndTakingTheirsReverts()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(1, Model::Note, kMine);
    edit(2, Model::FollowUpDue, utc(2026, 12, 9, 8));
    m_model->applyListing(
        { withNote(escalation(1), kTheirs), withDue(escalation(2), utc(2026, 12, 10, 8)) });
    QCOMPARE(m_model->conflictCount(), 2);

    QVERIFY(m_model->keepDraftOverServer(cell(0, Model::Note)));
    QVERIFY(!m_model->keepDraftOverServer(cell(0, Model::Note))); // no longer in conflict
    QCOMPARE(m_model->conflictCount(), 1);
    QCOMPARE(cell(0, Model::Note).data(Model::DraftValueRole).toString(), kMine);
    // The same server value again is what mine now replaces, knowingly: no conflict.
    m_model->applyListing(
        { withNote(escalation(1), kTheirs), withDue(escalation(2), utc(2026, 12, 10, 8)) });
    QCOMPARE(m_model->conflictCount(), 1);

    m_model->revertCell(cell(1, Model::FollowUpDue)); // take theirs
    QCOMPARE(m_model->conflictCount(), 0);
    QCOMPARE(cell(1, Model::FollowUpDue).data(Model::ServerValueRole).toDateTime(),
             utc(2026, 12, 10, 8));
    QVERIFY(!cell(1, Model::FollowUpDue).data(Model::DirtyRole).toBool());
    m_model->undoStack()->undo(); // my draft back: its conflict with it
    QCOMPARE(m_model->conflictCount(), 0); // begun again against the server's current value
}

void TestConflicts::theServerReachingMyValueEndsTheDraftNotAConflict()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, kMine);
    m_model->applyListing({ withNote(escalation(1), kMine) });
    QCOMPARE(m_model->conflictCount(), 0);
    QCOMPARE(m_model->pendingCount(), 0);
}

void TestConflicts::myOwnSendIsNeverAConflict()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(1, Model::Note, QStringLiteral("  padded  "));
    edit(2, Model::Note, QStringLiteral("sent"));
    const RequestSnapshot snapshot = m_model->snapshot();
    edit(2, Model::Note, QStringLiteral("typed while sending"));
    // The server trimmed row 1's note and stored row 2's sent note.
    m_model->applyOutcome(snapshot,
                          outcome(Kind::Updated,
                                  { withNote(escalation(1), QStringLiteral("padded")),
                                    withNote(escalation(2), QStringLiteral("sent")) }));
    QCOMPARE(m_model->pendingCount(), 2);
    QCOMPARE(m_model->conflictCount(), 0);
    // A colleague's change after that is one again.
    m_model->applyListing(
        { withNote(escalation(1), QStringLiteral("padded")), withNote(escalation(2), kTheirs) });
    QCOMPARE(m_model->conflictCount(), 1);
    QVERIFY(cell(1, Model::Note).data(Model::ConflictRole).toBool());
}

void TestConflicts::savedDraftsCarryTheBaseAcrossARestart()
{
    m_model->setCaseEscalations(kCase, { withNote(escalation(1), QStringLiteral("old")) });
    edit(1, Model::Note, kMine);
    QVERIFY(!m_model->savedDrafts().at(0).base); // nothing changed meanwhile: no base kept
    m_model->applyListing({ withNote(escalation(1), kTheirs) });
    const QList<SavedDraft> saved = m_model->savedDrafts();
    QCOMPARE(saved.size(), 1);
    QVERIFY(saved.at(0).base);
    QCOMPARE(saved.at(0).base->note, std::optional<QString>(QStringLiteral("old")));

    // The next run lists the case with the colleague's note: the restored draft is a conflict.
    Model next;
    next.setCaseEscalations(kCase, { withNote(escalation(1), kTheirs) });
    QCOMPARE(next.restoreDrafts(saved), 1);
    QCOMPARE(next.conflictCount(), 1);
    // A journal of an older console has no base: the row it saved is the base.
    Model older;
    older.setCaseEscalations(kCase, { withNote(escalation(1), QStringLiteral("newer")) });
    QCOMPARE(older.restoreDrafts({ { withNote(escalation(1), QStringLiteral("old")),
                                     { escalationId(1), kMine, {}, {} } } }),
             1);
    QCOMPARE(older.conflictCount(), 1);
}

QTEST_GUILESS_MAIN(TestConflicts)
#include "tst_conflicts.moc"
