#include "mergehelpers.h"
#include "modelundertest.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Care360;
using namespace Care360::Fixtures;
using namespace Care360::MergeHelpers;
using Model = EscalationTableModel;
using Kind = ApiOutcome::Kind;

class TestMergeOutcomes : public QObject, private ModelUnderTest {
    Q_OBJECT
private slots:
    void init() { createModel(); }
    void cleanup() { destroyModel(); }
    void updatedClearsSentDraftsAndKeepsLaterEdits();
    void updatedKeepsSentDraftTheServerDidNotTake();
    void updatedLearnsAssigneeEmail();
    void updatedDropsVanishedRowsUnlessUnsentDrafts();
    void updatedAppendsNewRows();
    void notFoundMarksMissingRowsInactive();
    void discardingInactiveRowIsUndoable();
    void listingKeepsDraftsAndRevivesRows();
    void listingHandlesScatteredRemovals();
    void undoAfterMergeStaysConsistent();
};

void TestMergeOutcomes::updatedClearsSentDraftsAndKeepsLaterEdits()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2), escalation(3) });
    edit(1, Model::Note, QStringLiteral("sent note"));
    edit(2, Model::FollowUpDue, utc(2025, 7, 1, 9));
    const RequestSnapshot snapshot = m_model->snapshot();
    QCOMPARE(snapshot.updates.size(), 2);

    // While the request is in flight the agent keeps editing.
    edit(1, Model::Note, QStringLiteral("later note"));
    edit(2, Model::Assignee, QStringLiteral("later@example.com"));
    edit(3, Model::Note, QStringLiteral("new row edit"));

    const QList<Escalation> server = { withNote(escalation(1), QStringLiteral("sent note")),
                                       withDue(escalation(2), utc(2025, 7, 1, 9)), escalation(3) };
    m_model->applyOutcome(snapshot, outcome(Kind::Updated, server));

    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(cell(rowOf(1), Model::Note).data(Model::ServerValueRole).toString(),
             QStringLiteral("sent note"));
    QCOMPARE(cell(rowOf(1), Model::Note).data().toString(), QStringLiteral("later note"));
    QVERIFY(!cell(rowOf(2), Model::FollowUpDue).data(Model::DirtyRole).toBool());
    QCOMPARE(cell(rowOf(2), Model::FollowUpDue).data(Model::ServerValueRole).toDateTime(),
             utc(2025, 7, 1, 9));

    const QList<EscalationUpdate> pending = m_model->pendingUpdates();
    QCOMPARE(pending.size(), 3);
    QCOMPARE(pending.at(0).fieldNames(), QStringList { "note" });
    QCOMPARE(pending.at(0).note, QStringLiteral("later note"));
    QCOMPARE(pending.at(1).fieldNames(), QStringList { "assignedToEmail" });
    QCOMPARE(pending.at(2).note, QStringLiteral("new row edit"));
    QCOMPARE(m_model->pendingCount(), 3);
    // The edits made while the request was out can still be undone.
    QVERIFY(m_model->undoStack()->canUndo());
}

void TestMergeOutcomes::updatedKeepsSentDraftTheServerDidNotTake()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("  padded  "));
    const RequestSnapshot snapshot = m_model->snapshot();
    // The server stored something else (e.g. trimmed): the agent must still see the difference.
    m_model->applyOutcome(snapshot, outcome(Kind::Updated, { withNote(escalation(1), "padded") }));
    QCOMPARE(cell(0, Model::Note).data(Model::DraftValueRole).toString(),
             QStringLiteral("  padded  "));
    QCOMPARE(m_model->pendingCount(), 1);
}

void TestMergeOutcomes::updatedLearnsAssigneeEmail()
{
    const QString user = userId(9);
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(1, Model::Assignee, QStringLiteral("new.agent@example.com"));
    edit(2, Model::Assignee, QStringLiteral("first@example.com"));
    const RequestSnapshot snapshot = m_model->snapshot();
    edit(2, Model::Assignee, QStringLiteral("second@example.com")); // changed in flight

    m_model->applyOutcome(
        snapshot,
        outcome(Kind::Updated,
                { withAssignee(escalation(1), user), withAssignee(escalation(2), userId(10)) }));
    QCOMPARE(m_directory->emailFor(user), QStringLiteral("new.agent@example.com"));
    QCOMPARE(cell(rowOf(1), Model::Assignee).data().toString(),
             QStringLiteral("new.agent@example.com"));
    QVERIFY(!cell(rowOf(1), Model::Assignee).data(Model::DirtyRole).toBool());
    // The second row's sent e-mail is no longer the draft: nothing learnt, draft kept.
    QCOMPARE(m_directory->emailFor(userId(10)), QString());
    QCOMPARE(cell(rowOf(2), Model::Assignee).data().toString(),
             QStringLiteral("second@example.com"));
    QCOMPARE(m_directory->knownEmails(), QStringList { "new.agent@example.com" });
}

void TestMergeOutcomes::updatedDropsVanishedRowsUnlessUnsentDrafts()
{
    m_model->setCaseEscalations(kCase,
                                { escalation(1), escalation(2), escalation(3), escalation(4) });
    edit(2, Model::Note, QStringLiteral("sent only"));
    edit(3, Model::Note, QStringLiteral("sent"));
    const RequestSnapshot snapshot = m_model->snapshot();
    edit(3, Model::FollowUpDue, utc(2025, 9, 1)); // unsent
    edit(4, Model::Note, QStringLiteral("unsent"));

    // Only row 1 is still active on the server.
    m_model->applyOutcome(snapshot, outcome(Kind::Updated, { escalation(1) }));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(rowOf(2), -1);
    QVERIFY(rowOf(3) >= 0 && rowOf(4) >= 0);
    QVERIFY(cell(rowOf(3), Model::Title).data(Model::InactiveRole).toBool());
    QVERIFY(!cell(rowOf(3), Model::Note).data(Model::DirtyRole).toBool()); // sent: done
    QVERIFY(cell(rowOf(3), Model::FollowUpDue).data(Model::DirtyRole).toBool());
    QVERIFY(cell(rowOf(4), Model::Title).data(Model::InactiveRole).toBool());
    QVERIFY(!cell(rowOf(1), Model::Title).data(Model::InactiveRole).toBool());
    QVERIFY(m_model->pendingUpdates().isEmpty());
    QVERIFY(m_model->hasDrafts());
}

void TestMergeOutcomes::updatedAppendsNewRows()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("x"));
    const RequestSnapshot snapshot = m_model->snapshot();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->applyOutcome(
        snapshot,
        outcome(Kind::Updated, { escalation(5), withNote(escalation(1), "x"), escalation(6) }));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(rowOf(1), 0); // existing rows keep their place
    QCOMPARE(rowOf(5), 1);
    QCOMPARE(rowOf(6), 2);
    QVERIFY(!m_model->hasDrafts());
}

void TestMergeOutcomes::notFoundMarksMissingRowsInactive()
{
    m_model->setCaseEscalations(kCase,
                                { withNote(escalation(1), "a"), escalation(2), escalation(3) });
    edit(1, Model::Note, QStringLiteral("a2"));
    edit(2, Model::Note, QStringLiteral("b2"));
    const RequestSnapshot snapshot = m_model->snapshot();
    edit(3, Model::Note, QStringLiteral("c2"));

    ApiOutcome notFound =
        outcome(Kind::EscalationsNotFound,
                { withNote(escalation(1), "a refreshed"), escalation(3), escalation(4) });
    notFound.missingIds = { escalationId(2) };
    m_model->applyOutcome(snapshot, notFound);

    QCOMPARE(m_model->rowCount(), 4);
    const QModelIndex missing = cell(rowOf(2), Model::Note);
    QVERIFY(missing.data(Model::InactiveRole).toBool());
    QCOMPARE(missing.data().toString(), QStringLiteral("b2"));
    QVERIFY(!(m_model->flags(missing) & Qt::ItemIsEditable));
    QVERIFY(!m_model->setData(missing, QStringLiteral("b3")));
    QVERIFY(missing.data(Qt::ToolTipRole).toString().contains("No longer active"));
    // Server state refreshed, the other drafts untouched.
    QCOMPARE(cell(rowOf(1), Model::Note).data(Model::ServerValueRole).toString(),
             QStringLiteral("a refreshed"));
    QCOMPARE(cell(rowOf(1), Model::Note).data().toString(), QStringLiteral("a2"));
    QCOMPARE(rowOf(4), 3);
    QStringList ids;
    for (const EscalationUpdate &u : m_model->pendingUpdates())
        ids << u.escalationId;
    QCOMPARE(ids, (QStringList { escalationId(1), escalationId(3) }));
    QCOMPARE(m_model->pendingCount(), 2);
}

void TestMergeOutcomes::discardingInactiveRowIsUndoable()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2), escalation(3) });
    edit(2, Model::Note, QStringLiteral("b2"));
    ApiOutcome notFound = outcome(Kind::EscalationsNotFound, { escalation(1), escalation(3) });
    notFound.missingIds = { escalationId(2) };
    m_model->applyOutcome(m_model->snapshot(), notFound);

    QVERIFY(!m_model->discardInactiveRow(rowOf(1)));
    QVERIFY(!m_model->discardInactiveRow(99));
    QVERIFY(m_model->discardInactiveRow(rowOf(2)));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(rowOf(2), -1);
    QVERIFY(!m_model->hasDrafts());
    m_model->undoStack()->undo();
    QCOMPARE(rowOf(2), 1);
    QCOMPARE(cell(1, Model::Note).data().toString(), QStringLiteral("b2"));
    QVERIFY(cell(1, Model::Note).data(Model::InactiveRole).toBool());
    m_model->undoStack()->redo();
    QCOMPARE(rowOf(2), -1);
}

void TestMergeOutcomes::listingKeepsDraftsAndRevivesRows()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2), escalation(3) });
    edit(1, Model::Note, QStringLiteral("mine"));
    edit(2, Model::Note, QStringLiteral("kept"));
    m_model->applyListing({ withNote(escalation(1), "mine"), escalation(4) });
    // Row 1: the server already has the draft's value, so it is no draft any more.
    QVERIFY(!cell(rowOf(1), Model::Note).data(Model::DirtyRole).toBool());
    QVERIFY(cell(rowOf(2), Model::Note).data(Model::InactiveRole).toBool());
    QCOMPARE(rowOf(3), -1);
    QVERIFY(rowOf(4) >= 0);
    QCOMPARE(m_model->pendingCount(), 0);
    // Listed through applyOutcome behaves the same; a returning row is active again.
    m_model->applyOutcome(m_model->snapshot(),
                          outcome(Kind::Listed, { escalation(1), escalation(2), escalation(4) }));
    QVERIFY(!cell(rowOf(2), Model::Note).data(Model::InactiveRole).toBool());
    QCOMPARE(m_model->pendingCount(), 1);
}

void TestMergeOutcomes::listingHandlesScatteredRemovals()
{
    QList<Escalation> all;
    QList<Escalation> kept;
    for (int n = 0; n < 100; ++n) {
        all << escalation(n);
        if (n % 3 != 1)
            kept << escalation(n);
    }
    m_model->setCaseEscalations(kCase, all);
    edit(1, Model::Note, QStringLiteral("keep me")); // vanishes, but holds a draft
    m_model->applyListing(kept);
    QCOMPARE(m_model->rowCount(), int(kept.size()) + 1);
    for (int n = 0; n < 100; ++n)
        QCOMPARE(rowOf(n) >= 0, n % 3 != 1 || n == 1);
    QVERIFY(cell(rowOf(1), Model::Title).data(Model::InactiveRole).toBool());
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->indexOfEscalation(cell(row, 0).data(Model::IdRole).toString()).row(),
                 row);
}

void TestMergeOutcomes::undoAfterMergeStaysConsistent()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("b"));
    m_model->applyOutcome(m_model->snapshot(),
                          outcome(Kind::Updated, { withNote(escalation(1), "b") }));
    QCOMPARE(m_model->pendingCount(), 0);
    // All saved: nothing is offered to undo (it said "Undo Edit note" and did nothing).
    QVERIFY(!m_model->undoStack()->canUndo());
    QCOMPARE(cell(0, Model::Note).data().toString(), QStringLiteral("b"));
    // An edit whose row is gone is skipped, not crashed on.
    edit(1, Model::Note, QStringLiteral("c"));
    m_model->applyListing({});
    QVERIFY(m_model->discardInactiveRow(0));
    m_model->undoStack()->undo(); // row back
    m_model->undoStack()->undo(); // the edit: row present again, draft cleared
    QCOMPARE(m_model->pendingCount(), 0);
    QVERIFY(!m_model->hasDrafts());
}

QTEST_MAIN(TestMergeOutcomes)
#include "tst_mergeoutcomes.moc"
