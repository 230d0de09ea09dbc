#include "escalationfixtures.h"
#include "models/assigneedirectory.h"
#include "models/clock.h"
#include "models/escalationfilterproxymodel.h"
#include "models/escalationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Care360;
using namespace Care360::Fixtures;
using Model = EscalationTableModel;

class TestEscalationFilterProxyModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void filtersTextOverTitleNoteAndAssignee_data();
    void filtersTextOverTitleNoteAndAssignee();
    void filtersOnlyPendingAsDraftsChange();
    void filtersOnlyOverdue();
    void sortsFollowUpWithEmptyDatesLast_data();
    void sortsFollowUpWithEmptyDatesLast();
    void sortsByDraftDateAsItChanges();
    void sortsTitlesCaseInsensitively();

private:
    // Source escalation numbers in proxy order.
    QList<int> shown() const;

    std::unique_ptr<AssigneeDirectory> m_directory;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<EscalationFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestEscalationFilterProxyModel::init()
{
    m_directory = std::make_unique<AssigneeDirectory>();
    m_directory->learn(userId(3), QStringLiteral("Dana.Lee@example.com"));
    m_model = std::make_unique<Model>(m_directory.get());
    Clock::setSource([] { return utc(2025, 6, 1, 12); });
    m_model->refreshDueStates();
    m_proxy = std::make_unique<EscalationFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCaseEscalations(
        QStringLiteral("case-1"),
        { withDue(escalation(1, QStringLiteral("Refill Request")), utc(2025, 6, 3)),
          withNote(escalation(2, QStringLiteral("Missing ID")),
                   QStringLiteral("Patient sent PHOTO")),
          withDue(withAssignee(escalation(3, QStringLiteral("address verification")), userId(3)),
                  utc(2025, 5, 30)),
          escalation(4, QStringLiteral("Hold Order")),
          withDue(withAssignee(escalation(5, QStringLiteral("Broken contents")), userId(5)),
                  utc(2025, 6, 1, 11)) });
}

void TestEscalationFilterProxyModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
    Clock::setSource({});
    m_directory.reset();
}

QList<int> TestEscalationFilterProxyModel::shown() const
{
    QList<int> numbers;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QString id = m_proxy->index(row, 0).data(Model::IdRole).toString();
        numbers << id.left(8).toInt(nullptr, 16);
    }
    return numbers;
}

void TestEscalationFilterProxyModel::filtersTextOverTitleNoteAndAssignee_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("empty") << QString() << QList<int> { 1, 2, 3, 4, 5 };
    QTest::newRow("title, any case") << QStringLiteral("REFILL") << QList<int> { 1 };
    QTest::newRow("note") << QStringLiteral("photo") << QList<int> { 2 };
    QTest::newRow("known e-mail") << QStringLiteral("dana.lee") << QList<int> { 3 };
    QTest::newRow("unknown user by id") << userId(5).left(8) << QList<int> { 5 };
    QTest::newRow("shared letters") << QStringLiteral("re") << QList<int> { 1, 3 };
    QTest::newRow("trimmed") << QStringLiteral("  hold ") << QList<int> { 4 };
    QTest::newRow("nothing") << QStringLiteral("zzz") << QList<int> {};
}

void TestEscalationFilterProxyModel::filtersTextOverTitleNoteAndAssignee()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, expected);
    m_proxy->setFilterText(text);
    QCOMPARE(shown(), expected);
    // Drafts are searched as shown.
    m_proxy->setFilterText(QStringLiteral("typed draft"));
    m_model->setData(m_model->index(3, Model::Note), QStringLiteral("a typed draft"));
    QCOMPARE(shown(), QList<int> { 4 });
}

void TestEscalationFilterProxyModel::filtersOnlyPendingAsDraftsChange()
{
    m_proxy->setOnlyPending(true);
    QCOMPARE(shown(), QList<int> {});
    m_model->setData(m_model->index(1, Model::Assignee), QStringLiteral("x@example.com"));
    m_model->setData(m_model->index(4, Model::Note), QStringLiteral("n"));
    QCOMPARE(shown(), (QList<int> { 2, 5 }));
    m_model->undoStack()->undo();
    QCOMPARE(shown(), QList<int> { 2 });
    m_proxy->setOnlyPending(false);
    QCOMPARE(shown().size(), 5);
}

void TestEscalationFilterProxyModel::filtersOnlyOverdue()
{
    m_proxy->setOnlyOverdue(true);
    QCOMPARE(shown(), (QList<int> { 3, 5 }));
    Clock::setSource([] { return utc(2025, 6, 10); });
    m_model->refreshDueStates();
    QCOMPARE(shown(), (QList<int> { 1, 3, 5 }));
    m_proxy->setFilterText(QStringLiteral("broken"));
    QCOMPARE(shown(), QList<int> { 5 });
}

void TestEscalationFilterProxyModel::sortsFollowUpWithEmptyDatesLast_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("ascending") << Qt::AscendingOrder << QList<int> { 3, 5, 1, 2, 4 };
    QTest::newRow("descending") << Qt::DescendingOrder << QList<int> { 1, 5, 3, 2, 4 };
}

void TestEscalationFilterProxyModel::sortsFollowUpWithEmptyDatesLast()
{
    QFETCH(Qt::SortOrder, order);
    QFETCH(QList<int>, expected);
    m_proxy->sort(Model::FollowUpDue, order);
    QCOMPARE(shown(), expected);
}

void TestEscalationFilterProxyModel::sortsByDraftDateAsItChanges()
{
    m_proxy->sort(Model::FollowUpDue, Qt::AscendingOrder);
    m_model->setData(m_model->index(3, Model::FollowUpDue), utc(2025, 1, 1)); // row of #4
    QCOMPARE(shown(), (QList<int> { 4, 3, 5, 1, 2 }));
}

void TestEscalationFilterProxyModel::sortsTitlesCaseInsensitively()
{
    m_proxy->sort(Model::Title, Qt::AscendingOrder);
    QCOMPARE(shown(), (QList<int> { 3, 5, 4, 2, 1 }));
}

QTEST_MAIN(TestEscalationFilterProxyModel)
#include "tst_escalationfilterproxymodel.moc"
