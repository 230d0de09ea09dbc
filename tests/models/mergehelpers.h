#pragma once

#include "models/apioutcome.h"
#include "models/escalationtablemodel.h"

#include <QStringList>

// Helpers shared by the merge tests.
namespace Care360::MergeHelpers {

inline const QString kCase = QStringLiteral("case-1");

inline ApiOutcome outcome(ApiOutcome::Kind kind, const QList<Escalation> &escalations = {})
{
    ApiOutcome o;
    o.kind = kind;
    o.escalations = escalations;
    return o;
}

// A 400 refusal; itemIndex -1 and an empty field mean the path names no item.
inline ApiOutcome validationFailed(const QString &message, int itemIndex = -1,
                                   const QString &field = {})
{
    ApiOutcome o = outcome(ApiOutcome::Kind::ValidationFailed);
    o.validationMessage = message;
    o.itemIndex = itemIndex;
    o.field = field;
    return o;
}

// Everything the merge rules may touch, row by row, for before/after comparisons.
inline QStringList modelState(const EscalationTableModel &model)
{
    using Model = EscalationTableModel;
    QStringList rows;
    const int roles[] = { Qt::DisplayRole, Model::ServerValueRole, Model::DraftValueRole,
                          Model::ErrorRole, Model::InactiveRole };
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < Model::ColumnCount; ++column) {
            for (int role : roles)
                cells << model.index(row, column).data(role).toString();
        }
        rows << cells.join(QLatin1Char('|'));
    }
    rows << model.modelError();
    return rows;
}

} // namespace Care360::MergeHelpers
