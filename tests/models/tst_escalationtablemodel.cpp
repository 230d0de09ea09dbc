#include "models/clock.h"
#include "models/contractcodec.h"
#include "models/qtcompat.h"
#include "modelundertest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace Care360;
using namespace Care360::Fixtures;
using Model = EscalationTableModel;

class TestEscalationTableModel : public QObject, private ModelUnderTest {
    Q_OBJECT
private slots:
    // Dates below are spelled as the C locale writes them, whatever the machine's language.
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void init();
    void cleanup()
    {
        destroyModel();
        Clock::setSource({});
    }
    void showsColumnsAndServerValues();
    void showsFollowUpInLocalTimeWithUtcTooltip();
    void flagsOverdueAndDueSoon();
    void onlyNoteFollowUpAndAssigneeAreEditable();
    void editCreatesDraftShownInsteadOfServerValue();
    void settingBackToServerValueClearsDraft();
    void undoRedoSequence();
    void revertCellRowAndAllAreUndoable();
    void pendingUpdatesCarryOnlyChangedFields();
    void pendingCountIsSignalled();
    void showsAssigneeAsAPerson();
    void loadDropsDraftsAndUndoHistory();
    void ignoresInvalidEdits();
    void serverTextIsShownInertButEditedAndCopiedExactly();

private:
    void load(const QList<Escalation> &escalations);
};

void TestEscalationTableModel::init()
{
    createModel();
    Clock::setSource([] { return utc(2025, 6, 1, 12); });
    m_model->refreshDueStates();
}

void TestEscalationTableModel::load(const QList<Escalation> &escalations)
{
    m_model->setCaseEscalations(QStringLiteral("case-1"), escalations);
}

void TestEscalationTableModel::showsColumnsAndServerValues()
{
    load({ withNote(escalation(1, QStringLiteral("Refill Request")), QStringLiteral("Call back")),
           escalation(2) });
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), 7);
    QCOMPARE(m_model->headerData(Model::FollowUpDue, Qt::Horizontal).toString(),
             QStringLiteral("Follow-up due"));
    QCOMPARE(cell(0, Model::Title).data().toString(), QStringLiteral("Refill Request"));
    QCOMPARE(cell(0, Model::Type).data().toString(), QStringLiteral("support"));
    QCOMPARE(cell(0, Model::Note).data().toString(), QStringLiteral("Call back"));
    QCOMPARE(cell(1, Model::Note).data().toString(), QString());
    QVERIFY(!cell(1, Model::Note).data(Model::ServerValueRole).isValid()); // null stays null
    QCOMPARE(cell(0, Model::Assignee).data(Model::IdRole).toString(), escalationId(1));
    QVERIFY(cell(0, Model::Title).data(Qt::ToolTipRole).toString().contains(escalationId(1)));
    QCOMPARE(cell(0, Model::Created).data(Model::ServerValueRole).toDateTime(),
             utc(2025, 5, 10, 8));
    QCOMPARE(cell(0, Model::Note).data(Model::DirtyRole).toBool(), false);
    QCOMPARE(m_model->indexOfEscalation(escalationId(2), Model::Note), cell(1, Model::Note));
}

void TestEscalationTableModel::showsFollowUpInLocalTimeWithUtcTooltip()
{
    // The tests run with TZ=Europe/Berlin: 09:00 UTC in June is 11:00 local.
    load({ withDue(escalation(1), utc(2025, 6, 15, 9)) });
    const QModelIndex due = cell(0, Model::FollowUpDue);
    const QDateTime local = due.data(Qt::EditRole).toDateTime();
    QCOMPARE(local.timeSpec(), Qt::LocalTime);
    QCOMPARE(local.time(), QTime(11, 0));
    QCOMPARE(local.date(), QDate(2025, 6, 15));
    QCOMPARE(due.data().toString(), QStringLiteral("15 Jun 2025 11:00")); // no seconds
    QVERIFY(
        due.data(Qt::ToolTipRole).toString().contains(QLatin1String("2025-06-15T09:00:00.000Z")));
    QCOMPARE(due.data(Model::ServerValueRole).toDateTime(), utc(2025, 6, 15, 9));

    // An edit given in local time is stored and sent as UTC.
    QVERIFY(m_model->setData(due, QtCompat::localDateTime(QDate(2025, 7, 1), QTime(10, 30))));
    QCOMPARE(due.data(Model::DraftValueRole).toDateTime().timeSpec(), Qt::UTC);
    QCOMPARE(due.data(Model::DraftValueRole).toDateTime(), utc(2025, 7, 1, 8, 30));
    QCOMPARE(QJsonDocument::fromJson(Codec::encodeUpdateRequest(m_model->pendingUpdates()))
                 .object()["escalations"][0]["followUpDueAt"]
                 .toString(),
             QStringLiteral("2025-07-01T08:30:00.000Z"));
}

void TestEscalationTableModel::flagsOverdueAndDueSoon()
{
    // Clock: 2025-06-01 12:00 UTC.
    load({ withDue(escalation(1), utc(2025, 6, 1, 11, 59)), // overdue
           withDue(escalation(2), utc(2025, 6, 1, 12)), // due now: soon, not overdue
           withDue(escalation(3), utc(2025, 6, 2, 11, 59)), // within 24 h
           withDue(escalation(4), utc(2025, 6, 2, 12)), // exactly 24 h: not soon
           escalation(5) }); // no date
    const bool overdue[] = { true, false, false, false, false };
    const bool soon[] = { false, true, true, false, false };
    for (int row = 0; row < 5; ++row) {
        for (int column : { int(Model::Title), int(Model::FollowUpDue) }) {
            QCOMPARE(cell(row, column).data(Model::OverdueRole).toBool(), overdue[row]);
            QCOMPARE(cell(row, column).data(Model::DueSoonRole).toBool(), soon[row]);
        }
    }
    // The draft date decides, and moving the clock is announced.
    m_model->setData(cell(4, Model::FollowUpDue), utc(2025, 5, 1));
    QVERIFY(cell(4, Model::Title).data(Model::OverdueRole).toBool());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    Clock::setSource([] { return utc(2025, 6, 2, 12, 30); });
    m_model->refreshDueStates();
    QCOMPARE(changed.size(), 1);
    QVERIFY(cell(3, Model::FollowUpDue).data(Model::OverdueRole).toBool());
    QVERIFY(cell(3, Model::FollowUpDue).data(Qt::ToolTipRole).toString().contains("Overdue"));
}

void TestEscalationTableModel::onlyNoteFollowUpAndAssigneeAreEditable()
{
    load({ escalation(1) });
    for (int column = 0; column < Model::ColumnCount; ++column) {
        const bool editable =
            column == Model::Note || column == Model::FollowUpDue || column == Model::Assignee;
        QCOMPARE(bool(m_model->flags(cell(0, column)) & Qt::ItemIsEditable), editable);
        QCOMPARE(m_model->setData(cell(0, column), QStringLiteral("x")), editable);
    }
    QCOMPARE(cell(0, Model::Title).data().toString(), QStringLiteral("Address verification"));
}

void TestEscalationTableModel::editCreatesDraftShownInsteadOfServerValue()
{
    load({ withNote(escalation(1), QStringLiteral("old")) });
    const QModelIndex note = cell(0, Model::Note);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->setData(note, QStringLiteral("new")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(note.data().toString(), QStringLiteral("new"));
    QCOMPARE(note.data(Qt::EditRole).toString(), QStringLiteral("new"));
    QCOMPARE(note.data(Model::ServerValueRole).toString(), QStringLiteral("old"));
    QCOMPARE(note.data(Model::DraftValueRole).toString(), QStringLiteral("new"));
    QVERIFY(note.data(Model::DirtyRole).toBool());
    QVERIFY(cell(0, Model::Title).data(Model::RowDirtyRole).toBool());
    QVERIFY(!cell(0, Model::Title).data(Model::DirtyRole).toBool());
    QVERIFY(note.data(Qt::ToolTipRole).toString().contains("not saved"));
    QCOMPARE(m_model->undoStack()->count(), 1);
    // The same value again is no new step.
    QVERIFY(m_model->setData(note, QStringLiteral("new")));
    QCOMPARE(m_model->undoStack()->count(), 1);
}

void TestEscalationTableModel::settingBackToServerValueClearsDraft()
{
    load({ withDue(withNote(escalation(1), QStringLiteral("old")), utc(2025, 6, 15, 9)),
           escalation(2) });
    m_model->setData(cell(0, Model::Note), QStringLiteral("new"));
    m_model->setData(cell(0, Model::Note), QStringLiteral("old"));
    QVERIFY(!cell(0, Model::Note).data(Model::DirtyRole).toBool());
    QCOMPARE(m_model->undoStack()->count(), 2);
    // The same instant in another zone is the same value.
    m_model->setData(cell(0, Model::FollowUpDue),
                     QtCompat::localDateTime(QDate(2025, 6, 15), QTime(11, 0)));
    QVERIFY(!cell(0, Model::FollowUpDue).data(Model::DirtyRole).toBool());
    // A null note cleared in an editor gives "", which is no change.
    m_model->setData(cell(1, Model::Note), QString());
    m_model->setData(cell(1, Model::Note), QStringLiteral(""));
    QVERIFY(!cell(1, Model::Note).data(Model::DirtyRole).toBool());
    QVERIFY(m_model->pendingUpdates().isEmpty());
}

void TestEscalationTableModel::undoRedoSequence()
{
    load({ withNote(escalation(1), QStringLiteral("a")) });
    QUndoStack *stack = m_model->undoStack();
    const QModelIndex note = cell(0, Model::Note);
    m_model->setData(note, QStringLiteral("b"));
    m_model->setData(note, QStringLiteral("c"));
    m_model->setData(cell(0, Model::Assignee), QStringLiteral("  agent@example.com "));
    QCOMPARE(stack->count(), 3);
    QCOMPARE(cell(0, Model::Assignee).data().toString(), QStringLiteral("agent@example.com"));

    stack->undo();
    QVERIFY(!cell(0, Model::Assignee).data(Model::DirtyRole).toBool());
    QCOMPARE(note.data().toString(), QStringLiteral("c"));
    stack->undo();
    QCOMPARE(note.data().toString(), QStringLiteral("b"));
    stack->undo();
    QCOMPARE(note.data().toString(), QStringLiteral("a"));
    QVERIFY(!note.data(Model::DirtyRole).toBool());
    QVERIFY(!stack->canUndo());
    stack->redo();
    stack->redo();
    QCOMPARE(note.data().toString(), QStringLiteral("c"));
    // A new edit after undo drops the redo branch.
    m_model->setData(note, QStringLiteral("d"));
    QVERIFY(!stack->canRedo());
    QCOMPARE(stack->count(), 3);
    stack->undo();
    QCOMPARE(note.data().toString(), QStringLiteral("c"));
}

void TestEscalationTableModel::revertCellRowAndAllAreUndoable()
{
    load({ withNote(escalation(1), QStringLiteral("a")), escalation(2) });
    QUndoStack *stack = m_model->undoStack();
    m_model->setData(cell(0, Model::Note), QStringLiteral("a2"));
    m_model->setData(cell(0, Model::FollowUpDue), utc(2025, 7, 1));
    m_model->setData(cell(1, Model::Assignee), QStringLiteral("x@example.com"));
    const QList<EscalationUpdate> edited = m_model->pendingUpdates();
    QCOMPARE(edited.size(), 2);

    m_model->revertCell(cell(0, Model::Note));
    QCOMPARE(cell(0, Model::Note).data().toString(), QStringLiteral("a"));
    QVERIFY(cell(0, Model::FollowUpDue).data(Model::DirtyRole).toBool());
    stack->undo();
    QCOMPARE(cell(0, Model::Note).data().toString(), QStringLiteral("a2"));

    m_model->revertRow(0);
    QVERIFY(!cell(0, Model::Title).data(Model::RowDirtyRole).toBool());
    QCOMPARE(m_model->pendingUpdates().size(), 1);
    stack->undo();
    QCOMPARE(m_model->pendingUpdates(), edited);

    const int steps = stack->index();
    m_model->revertAll();
    QCOMPARE(stack->index(), steps + 1);
    QCOMPARE(stack->text(steps), QStringLiteral("Revert all changes"));
    QVERIFY(m_model->pendingUpdates().isEmpty());
    QVERIFY(!m_model->hasDrafts());
    stack->undo();
    QCOMPARE(m_model->pendingUpdates(), edited);
    stack->redo();
    QVERIFY(m_model->pendingUpdates().isEmpty());

    // Nothing to revert pushes nothing.
    const int clean = stack->index();
    m_model->revertAll();
    m_model->revertRow(1);
    m_model->revertCell(cell(1, Model::Note));
    QCOMPARE(stack->index(), clean);
}

void TestEscalationTableModel::pendingUpdatesCarryOnlyChangedFields()
{
    load({ withNote(escalation(1), QStringLiteral("n1")), escalation(2), escalation(3),
           escalation(4) });
    m_model->setData(cell(0, Model::Note), QStringLiteral("n1 changed"));
    m_model->setData(cell(2, Model::FollowUpDue), utc(2025, 8, 1, 7));
    m_model->setData(cell(2, Model::Assignee), QStringLiteral("agent@example.com"));
    m_model->setData(cell(3, Model::Note), QStringLiteral("temp"));
    m_model->setData(cell(3, Model::Note), QString()); // back to the server's null: no change

    const QList<EscalationUpdate> updates = m_model->pendingUpdates();
    QCOMPARE(updates.size(), 2);
    QCOMPARE(updates.at(0).escalationId, escalationId(1));
    QCOMPARE(updates.at(0).fieldNames(), QStringList { "note" });
    QCOMPARE(updates.at(0).note, QStringLiteral("n1 changed"));
    QCOMPARE(updates.at(1).escalationId, escalationId(3));
    QCOMPARE(updates.at(1).fieldNames(), (QStringList { "followUpDueAt", "assignedToEmail" }));

    const QJsonArray items = QJsonDocument::fromJson(Codec::encodeUpdateRequest(updates))
                                 .object()
                                 .value("escalations")
                                 .toArray();
    QCOMPARE(items.at(0).toObject().keys(), (QStringList { "escalationId", "note" }));
    QCOMPARE(items.at(1).toObject().keys(),
             (QStringList { "assignedToEmail", "escalationId", "followUpDueAt" }));
    const RequestSnapshot snapshot = m_model->snapshot();
    QCOMPARE(snapshot.caseId, QStringLiteral("case-1"));
    QCOMPARE(snapshot.updates, updates);
}

void TestEscalationTableModel::pendingCountIsSignalled()
{
    load({ escalation(1), escalation(2) });
    QSignalSpy spy(m_model.get(), &Model::pendingCountChanged);
    m_model->setData(cell(0, Model::Note), QStringLiteral("x"));
    m_model->setData(cell(0, Model::Assignee), QStringLiteral("a@example.com"));
    m_model->setData(cell(1, Model::Note), QStringLiteral("y"));
    // A change is one field: note and assignee of the first row, the note of the second.
    QCOMPARE(m_model->pendingCount(), 3);
    m_model->undoStack()->undo();
    QCOMPARE(m_model->pendingCount(), 2);
    QCOMPARE(spy.size(), 4);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(1).at(0).toInt(), 2);
    QCOMPARE(spy.at(2).at(0).toInt(), 3);
    QCOMPARE(spy.at(3).at(0).toInt(), 2);
}

void TestEscalationTableModel::showsAssigneeAsAPerson()
{
    const QString user = QStringLiteral("u1v2w3x4-y5z6-7890-abcd-ef1234567890");
    load({ withAssignee(escalation(1), user), escalation(2) });
    const QModelIndex assignee = cell(0, Model::Assignee);
    // Never a truncated ID: the agent is told the person is unknown; the ID is in the tooltip.
    QCOMPARE(assignee.data().toString(), QStringLiteral("Unknown user"));
    QVERIFY(assignee.data(Qt::ToolTipRole).toString().contains(user));
    QCOMPARE(assignee.data(Qt::EditRole).toString(), QString()); // nothing to start from
    QCOMPARE(assignee.data(Model::ServerValueRole).toString(), user);
    QCOMPARE(cell(1, Model::Assignee).data().toString(), QString());

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_directory->learn(user, QStringLiteral("known@example.com"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(assignee.data().toString(), QStringLiteral("known@example.com"));
    QCOMPARE(assignee.data(Qt::EditRole).toString(), QStringLiteral("known@example.com"));
    QVERIFY(assignee.data(Qt::ToolTipRole).toString().contains(user));
    // The team directory names the person.
    m_directory->setTeam(
        { { user, QStringLiteral("known@example.com"), QStringLiteral("Kim Ode") } });
    QCOMPARE(assignee.data().toString(), QStringLiteral("Kim Ode"));
    QVERIFY(
        assignee.data(Qt::ToolTipRole).toString().contains(QStringLiteral("known@example.com")));
    QCOMPARE(assignee.data(Qt::EditRole).toString(), QStringLiteral("known@example.com"));

    // Typing the current assignee's e-mail (in any case) is no change.
    m_model->setData(assignee, QStringLiteral("Known@Example.com"));
    QVERIFY(!assignee.data(Model::DirtyRole).toBool());
    m_model->setData(assignee, QStringLiteral("new@example.com"));
    QCOMPARE(assignee.data().toString(), QStringLiteral("new@example.com"));
    QVERIFY(assignee.data(Qt::ToolTipRole).toString().contains("new@example.com"));
}

void TestEscalationTableModel::loadDropsDraftsAndUndoHistory()
{
    load({ escalation(1) });
    m_model->setData(cell(0, Model::Note), QStringLiteral("x"));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setCaseEscalations(QStringLiteral("case-2"), { escalation(1), escalation(7) });
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->caseId(), QStringLiteral("case-2"));
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_model->hasDrafts());
    QCOMPARE(m_model->pendingCount(), 0);
    QCOMPARE(m_model->undoStack()->count(), 0);
}

void TestEscalationTableModel::ignoresInvalidEdits()
{
    load({ withDue(escalation(1), utc(2025, 6, 15, 9)) });
    QVERIFY(!m_model->setData(QModelIndex(), QStringLiteral("x")));
    QVERIFY(!m_model->setData(cell(0, Model::Note), QStringLiteral("x"), Qt::DisplayRole));
    // An invalid date or an empty e-mail cannot be sent: they mean "no change".
    m_model->setData(cell(0, Model::FollowUpDue), QDateTime());
    m_model->setData(cell(0, Model::FollowUpDue), QStringLiteral("not a date"));
    m_model->setData(cell(0, Model::Assignee), QStringLiteral("   "));
    QVERIFY(m_model->pendingUpdates().isEmpty());
    QCOMPARE(m_model->undoStack()->count(), 0);
    // A wire-format string is accepted for the date.
    m_model->setData(cell(0, Model::FollowUpDue), QStringLiteral("2025-06-16T09:00:00.000Z"));
    QCOMPARE(m_model->pendingUpdates().value(0).followUpDueAt, utc(2025, 6, 16, 9));
}

void TestEscalationTableModel::serverTextIsShownInertButEditedAndCopiedExactly()
{
    // A colleague's note with a right-to-left override (it would show "txt.exe" reversed as
    // "exe.txt"), an isolate, a terminal escape and a newline; a title with an embedding.
    const QString note =
        QStringLiteral("pay \u202Eexe.txt\u202C ok \u2067x\u2069 \x1b]0;t\x07\nend");
    const QString title = QStringLiteral("\u202BRefill\u202C");
    load({ withNote(escalation(1, title), note) });
    const QModelIndex noteCell = m_model->index(0, Model::Note);
    const QString shown = noteCell.data(Qt::DisplayRole).toString();
    for (const char16_t c : { u'\u202E', u'\u202C', u'\u2067', u'\u2069', u'\x1b', u'\x07', u'\n' })
        QVERIFY2(!shown.contains(QChar(c)), qPrintable(QString::number(c, 16)));
    QCOMPARE(shown,
             QStringLiteral("pay \uFFFDexe.txt\uFFFD ok \uFFFDx\uFFFD \u241B]0;t\u2407\u240Aend"));
    QVERIFY(!noteCell.data(Qt::AccessibleTextRole).toString().contains(QChar(u'\u202E')));
    QVERIFY(!m_model->index(0, Model::Title)
                 .data(Qt::DisplayRole)
                 .toString()
                 .contains(QChar(u'\u202B')));
    // What is stored stays exactly what it is: the editor and the clipboard get it whole.
    QCOMPARE(noteCell.data(Qt::EditRole).toString(), note);
    QCOMPARE(noteCell.data(Model::CopyRole).toString(), note);
    QCOMPARE(m_model->index(0, Model::Title).data(Model::CopyRole).toString(), title);
    // The tooltip quotes the server's user ID: shown, not obeyed.
    Escalation assigned = escalation(2);
    assigned.assignedToUserId = QStringLiteral("user-\u202Edi.exe");
    load({ assigned });
    const QString tip = m_model->index(0, Model::Assignee).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("user-\uFFFDdi.exe")), qPrintable(tip));
    QVERIFY(!tip.contains(QChar(u'\u202E')));
    // And the escalation ID in the title's tooltip (the client takes any non-empty ID).
    Escalation odd = escalation(3);
    odd.id = QStringLiteral("e-\u202Eexe");
    load({ odd });
    const QString idTip = m_model->index(0, Model::Title).data(Qt::ToolTipRole).toString();
    QVERIFY2(idTip.contains(QStringLiteral("e-\uFFFDexe")), qPrintable(idTip));
    QVERIFY(!idTip.contains(QChar(u'\u202E')));
}

QTEST_MAIN(TestEscalationTableModel)
#include "tst_escalationtablemodel.moc"
