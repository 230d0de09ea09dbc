#pragma once

#include "app/session/activitylog.h"
#include "models/apioutcome.h"
#include "models/requestsnapshot.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Care360 {

class ApiClient;
class ApiJob;
class EscalationTableModel;

// Runs the calls for one open case and merges their outcomes into the table model. A send is a
// snapshot of the drafts: edits made while it is in flight stay in the model untouched. Before a
// send the case is listed once more (Care360 has no ETag): a field someone else changed under a
// draft is marked a conflict, and nothing is sent while any conflict is unresolved.
class CaseSession : public QObject {
    Q_OBJECT
public:
    enum class Action { None, Load, Refresh, Send };
    Q_ENUM(Action)

    CaseSession(ApiClient *client, EscalationTableModel *model, ActivityLog *log,
                QObject *parent = nullptr);

    QString caseId() const { return m_caseId; }
    bool isBusy() const { return !m_job.isNull(); }
    Action runningAction() const { return isBusy() ? m_lastAction : Action::None; }
    // The last action started and the case it asked for: what a Retry repeats.
    Action lastAction() const { return m_lastAction; }
    QString lastCaseId() const { return m_lastCaseId; }
    // The environment's display name, for the activity log.
    void setEnvironmentName(const QString &name) { m_environmentName = name; }
    // The listing just before each send (on by default): one more request per send, so that a
    // colleague's change is found before it is overwritten, not after.
    void setListBeforeSend(bool list) { m_listBeforeSend = list; }
    bool listsBeforeSend() const { return m_listBeforeSend; }

    // Each returns false (and does nothing) while another request runs.
    bool load(const QString &caseId);
    bool refresh();
    bool send();
    void cancel();
    // Forgets the open case, e.g. when the environment changes.
    void close();

signals:
    void busyChanged(bool busy);
    void finished(Care360::CaseSession::Action action, const Care360::ApiOutcome &outcome);

private:
    bool fetch(const QString &caseId, Action action);
    void onFetched(const QString &caseId, Action action, const ApiOutcome &outcome);
    void onSent(const ApiOutcome &outcome);
    // What follows a request: nullopt when it started another one (still busy), else the
    // outcome the action finishes with.
    using Next = std::function<std::optional<ApiOutcome>(const ApiOutcome &)>;
    void track(ApiJob *job, Action action, const QString &caseId, const QStringList &fields,
               const Next &next = {});
    // The send itself; false when nothing is left to send.
    bool startSend();
    std::optional<ApiOutcome> afterCheck(const ApiOutcome &listing);
    ApiOutcome conflictOutcome() const;

    ApiClient *m_client;
    EscalationTableModel *m_model;
    ActivityLog *m_log;
    QPointer<ApiJob> m_job;
    RequestSnapshot m_snapshot;
    QString m_caseId;
    QString m_lastCaseId; // the case the last load asked for
    QString m_environmentName;
    Action m_lastAction = Action::None;
    bool m_listBeforeSend = true;
};

} // namespace Care360
