#include "activitylog.h"

#include "models/escalationpresenter.h"

namespace Care360 {

ActivityLog::ActivityLog(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ActivityLog::append(const ActivityEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

QString ActivityLog::toText(const QList<int> &rows) const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    lines << header.join(QLatin1Char('\t'));
    for (int row = 0; row < m_entries.size(); ++row) {
        if (!rows.isEmpty() && !rows.contains(row))
            continue;
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << cellText(m_entries.at(row), c, Form::Logged);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int ActivityLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::DisplayRole)
        return cellText(m_entries.at(index.row()), index.column(), Form::Shown);
    if (role == Qt::ToolTipRole)
        return cellText(m_entries.at(index.row()), index.column(), Form::Logged);
    return {};
}

QVariant ActivityLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Organisation:
        return tr("Organisation");
    case Case:
        return tr("Case");
    case Action:
        return tr("Action");
    case Outcome:
        return tr("Outcome");
    case RequestId:
        return tr("Request ID");
    case Fields:
        return tr("Changed fields");
    case Summary:
        return tr("Summary");
    default:
        return {};
    }
}

QString ActivityLog::actionText(const QString &action)
{
    if (action == QLatin1String("load"))
        return tr("load");
    if (action == QLatin1String("refresh"))
        return tr("refresh");
    if (action == QLatin1String("check"))
        return tr("check");
    if (action == QLatin1String("send"))
        return tr("send");
    return action;
}

QString ActivityLog::cellText(const ActivityEntry &e, int column, Form form) const
{
    const bool logged = form == Form::Logged;
    switch (column) {
    case Time:
        // The log's seconds tell calls a moment apart; a copy is in ISO form for any tool.
        return logged ? e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                      : e.time.toLocalTime().time().toString(QStringLiteral("HH:mm:ss"));
    case Organisation:
        return e.environment;
    case Case:
        return e.caseId;
    case Action:
        return logged ? e.action : actionText(e.action);
    case Outcome:
        return logged ? ApiOutcome::kindName(e.outcome) : ApiOutcome::kindText(e.outcome);
    case RequestId:
        return e.requestId;
    case Fields: {
        QStringList names = e.fields;
        if (!logged) {
            for (QString &name : names)
                name = EscalationPresenter::wireFieldText(name);
        }
        return names.join(QStringLiteral(", "));
    }
    case Summary:
        return e.summary;
    default:
        return {};
    }
}

} // namespace Care360

#include "moc_activitylog.cpp"
