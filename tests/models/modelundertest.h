#pragma once

#include "escalationfixtures.h"
#include "models/assigneedirectory.h"
#include "models/escalationtablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

namespace Care360::Fixtures {

// A fresh table model per test function, checked by QAbstractItemModelTester all along.
// Test classes inherit it next to QObject and call createModel()/destroyModel() from
// init()/cleanup().
class ModelUnderTest {
protected:
    void createModel()
    {
        m_directory = std::make_unique<AssigneeDirectory>();
        m_model = std::make_unique<EscalationTableModel>(m_directory.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    // The tester goes first: it must not watch a model being destroyed.
    void destroyModel()
    {
        m_tester.reset();
        m_model.reset();
        m_directory.reset();
    }

    QModelIndex cell(int row, int column) const { return m_model->index(row, column); }
    int rowOf(int n) const { return m_model->indexOfEscalation(escalationId(n)).row(); }
    void edit(int n, int column, const QVariant &value)
    {
        QVERIFY(m_model->setData(m_model->indexOfEscalation(escalationId(n), column), value));
    }

    std::unique_ptr<AssigneeDirectory> m_directory;
    std::unique_ptr<EscalationTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

} // namespace Care360::Fixtures
