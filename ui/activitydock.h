#pragma once

#include <QDockWidget>

class QTableView;

namespace Care360 {

class ActivityLog;

// The session's calls at a glance: time, environment, case, action, outcome, request ID and
// changed field names. Copyable for support tickets; never holds a key or note text.
class ActivityDock : public QDockWidget {
    Q_OBJECT
public:
    ActivityDock(ActivityLog *log, QWidget *parent = nullptr);

    // Copies the selected rows (all when none is selected) as tab-separated text.
    void copyToClipboard() const;

private:
    ActivityLog *m_log;
    QTableView *m_view;
};

} // namespace Care360
