#include "mergehelpers.h"
#include "modelundertest.h"

#include <QSignalSpy>
#include <QTest>

using namespace Care360;
using namespace Care360::Fixtures;
using namespace Care360::MergeHelpers;
using Model = EscalationTableModel;
using Kind = ApiOutcome::Kind;

class TestMergeErrors : public QObject, private ModelUnderTest {
    Q_OBJECT
private slots:
    void init() { createModel(); }
    void cleanup() { destroyModel(); }
    void validationErrorMapsItemThroughSnapshot();
    void validationErrorOnNonEditableFieldMarksRow();
    void validationErrorIsShownInert();
    void validationErrorWithoutIndexIsModelError();
    void editingClearsTheCellError();
    void assigneeNotFoundMarksEveryDraftWithThatEmail();
    void otherOutcomesChangeNothing_data();
    void otherOutcomesChangeNothing();
    void outcomeForAnotherCaseIsIgnored();
};

void TestMergeErrors::validationErrorMapsItemThroughSnapshot()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2), escalation(3) });
    edit(2, Model::Note, QStringLiteral("b"));
    edit(3, Model::Assignee, QStringLiteral("not-an-email"));
    const RequestSnapshot snapshot = m_model->snapshot(); // items: [row 2, row 3]
    edit(1, Model::Note, QStringLiteral("later")); // row 1 now comes first in the model

    const ApiOutcome refused =
        validationFailed(QStringLiteral("assignedToEmail must be a valid email"), 1,
                         QStringLiteral("assignedToEmail"));
    m_model->applyOutcome(snapshot, refused);

    const QModelIndex target = cell(rowOf(3), Model::Assignee);
    QCOMPARE(target.data(Model::ErrorRole).toString(), refused.validationMessage);
    QVERIFY(target.data(Qt::ToolTipRole).toString().contains(refused.validationMessage));
    QCOMPARE(m_model->firstErrorIndex(), target);
    QCOMPARE(cell(rowOf(3), Model::Note).data(Model::ErrorRole).toString(), QString());
    QCOMPARE(cell(rowOf(1), Model::Assignee).data(Model::ErrorRole).toString(), QString());
    QCOMPARE(m_model->modelError(), QString());
    QCOMPARE(m_model->pendingCount(), 3); // nothing else changed
}

void TestMergeErrors::validationErrorIsShownInert()
{
    // The server's message is kept as sent (ErrorRole) but shown and said with its controls
    // made visible: a right-to-left override or an escape must not steer the tooltip or Orca.
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("b"));
    const ApiOutcome refused = validationFailed(QStringLiteral("note is \u202Egnol oot\x1b[2J"), 0,
                                                QStringLiteral("note"));
    m_model->applyOutcome(m_model->snapshot(), refused);
    const QModelIndex note = cell(0, Model::Note);
    QCOMPARE(note.data(Model::ErrorRole).toString(), refused.validationMessage);
    for (const int role : { int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                            int(Qt::AccessibleDescriptionRole) }) {
        const QString text = note.data(role).toString();
        QVERIFY2(text.contains(QStringLiteral("\uFFFDgnol oot\u241B[2J")), qPrintable(text));
        QVERIFY(!text.contains(QChar(u'\u202E')) && !text.contains(QChar(u'\x1b')));
    }
}

void TestMergeErrors::validationErrorOnNonEditableFieldMarksRow()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(2, Model::Note, QStringLiteral("b"));
    const ApiOutcome refused = validationFailed(QStringLiteral("escalationId must be a valid UUID"),
                                                0, QStringLiteral("escalationId"));
    m_model->applyOutcome(m_model->snapshot(), refused);
    QCOMPARE(cell(1, Model::Type).data(Model::ErrorRole).toString(), refused.validationMessage);
    QCOMPARE(m_model->firstErrorIndex(), cell(1, Model::Title));
    QCOMPARE(cell(0, Model::Type).data(Model::ErrorRole).toString(), QString());
}

void TestMergeErrors::validationErrorWithoutIndexIsModelError()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("b"));
    const RequestSnapshot snapshot = m_model->snapshot();
    QSignalSpy spy(m_model.get(), &Model::modelErrorChanged);
    ApiOutcome refused = validationFailed(QStringLiteral("At least one escalation is required"));
    m_model->applyOutcome(snapshot, refused);
    QCOMPARE(spy.size(), 1);
    QVERIFY(m_model->modelError().contains(refused.validationMessage));
    QVERIFY(!m_model->firstErrorIndex().isValid());
    // An index beyond the snapshot cannot name a row either.
    refused.itemIndex = 5;
    refused.field = QStringLiteral("note");
    m_model->applyOutcome(snapshot, refused);
    QVERIFY(!m_model->modelError().isEmpty());
    QVERIFY(!m_model->firstErrorIndex().isValid());
    // The next successful answer clears it.
    m_model->applyOutcome(snapshot, outcome(Kind::Updated, { withNote(escalation(1), "b") }));
    QCOMPARE(m_model->modelError(), QString());
    QCOMPARE(spy.size(), 3); // set, replaced, cleared: no transient values
}

void TestMergeErrors::editingClearsTheCellError()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("b"));
    m_model->applyOutcome(
        m_model->snapshot(),
        validationFailed(QStringLiteral("note must be a string"), 0, QStringLiteral("note")));
    QVERIFY(m_model->firstErrorIndex().isValid());
    edit(1, Model::Note, QStringLiteral("c"));
    QCOMPARE(cell(0, Model::Note).data(Model::ErrorRole).toString(), QString());
    QVERIFY(!m_model->firstErrorIndex().isValid());
}

void TestMergeErrors::assigneeNotFoundMarksEveryDraftWithThatEmail()
{
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2), escalation(3) });
    edit(1, Model::Assignee, QStringLiteral("Agent@Example.com"));
    edit(2, Model::Assignee, QStringLiteral("other@example.com"));
    edit(3, Model::Assignee, QStringLiteral("agent@example.com"));
    const RequestSnapshot snapshot = m_model->snapshot();
    ApiOutcome noUser = outcome(Kind::AssigneeNotFound);
    noUser.email = QStringLiteral("agent@example.com");
    m_model->applyOutcome(snapshot, noUser);
    QVERIFY(!cell(0, Model::Assignee).data(Model::ErrorRole).toString().isEmpty());
    QCOMPARE(cell(1, Model::Assignee).data(Model::ErrorRole).toString(), QString());
    QVERIFY(cell(2, Model::Assignee).data(Model::ErrorRole).toString().contains(noUser.email));
    QCOMPARE(m_model->firstErrorIndex(), cell(0, Model::Assignee));
    QCOMPARE(m_model->modelError(), QString());
    QCOMPARE(m_model->pendingCount(), 3);

    // No draft holds that e-mail any more: the error still reaches the agent.
    noUser.email = QStringLiteral("gone@example.com");
    m_model->applyOutcome(snapshot, noUser);
    QVERIFY(m_model->modelError().contains(noUser.email));
    QVERIFY(!m_model->firstErrorIndex().isValid());
}

void TestMergeErrors::otherOutcomesChangeNothing_data()
{
    QTest::addColumn<int>("kind");
    for (Kind kind :
         { Kind::CaseNotFound, Kind::PermissionDenied, Kind::InvalidApiKey,
           Kind::UnexpectedResponse, Kind::TimedOut, Kind::ConnectionFailed, Kind::TlsFailed,
           Kind::ProxyLoginNeeded, Kind::Cancelled, Kind::TooLarge, Kind::Refused })
        QTest::newRow(qPrintable(ApiOutcome::kindName(kind))) << int(kind);
}

void TestMergeErrors::otherOutcomesChangeNothing()
{
    QFETCH(int, kind);
    m_model->setCaseEscalations(kCase, { escalation(1), escalation(2) });
    edit(1, Model::Note, QStringLiteral("b"));
    edit(2, Model::Assignee, QStringLiteral("x@example.com"));
    // Leave an error from an earlier answer in place too.
    m_model->applyOutcome(m_model->snapshot(),
                          validationFailed(QStringLiteral("bad"), 0, QStringLiteral("note")));

    const QStringList before = modelState(*m_model);
    const QList<EscalationUpdate> pending = m_model->pendingUpdates();
    // Even if a (broken) answer carried a list, these kinds must not apply it.
    m_model->applyOutcome(m_model->snapshot(), outcome(Kind(kind), { escalation(7) }));
    QCOMPARE(modelState(*m_model), before);
    QCOMPARE(m_model->pendingUpdates(), pending);
}

void TestMergeErrors::outcomeForAnotherCaseIsIgnored()
{
    m_model->setCaseEscalations(kCase, { escalation(1) });
    edit(1, Model::Note, QStringLiteral("b"));
    RequestSnapshot other = m_model->snapshot();
    other.caseId = QStringLiteral("case-2");
    const QStringList before = modelState(*m_model);
    m_model->applyOutcome(other, outcome(Kind::Updated, { withNote(escalation(1), "b") }));
    QCOMPARE(modelState(*m_model), before);
}

QTEST_MAIN(TestMergeErrors)
#include "tst_mergeerrors.moc"
