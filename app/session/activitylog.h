#pragma once

#include "models/apioutcome.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Care360 {

// One line of the activity log. Holds field names only, never values: no key, no note text.
struct ActivityEntry {
    QDateTime time;
    QString environment;
    QString caseId;
    QString action; // "load", "refresh", "check" (the listing before a send), "send"
    ApiOutcome::Kind outcome = ApiOutcome::Kind::UnexpectedResponse;
    QString requestId;
    QStringList fields;
    QString summary; // ApiOutcome::userMessage()
};

// The session's activity, in memory only: it is never written to disk. Shown in the agent's
// language; the tooltip and Copy keep the names Care360's and the console's logs use ("listed",
// "followUpDueAt"), which support teams search for.
class ActivityLog : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time,
        Organisation, // the profile's label: "Acme Health — Production"
        Case,
        Action,
        Outcome,
        RequestId,
        Fields,
        Summary,
        ColumnCount
    };

    explicit ActivityLog(QObject *parent = nullptr);

    void append(const ActivityEntry &entry);
    const QList<ActivityEntry> &entries() const { return m_entries; }
    // Tab-separated text of the given rows (all when empty), for the clipboard.
    QString toText(const QList<int> &rows = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    enum class Form { Shown, Logged };
    QString cellText(const ActivityEntry &entry, int column, Form form) const;
    static QString actionText(const QString &action);

    QList<ActivityEntry> m_entries;
};

} // namespace Care360
