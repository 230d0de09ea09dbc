#pragma once

#include "app/session/casesession.h"

#include <QObject>

class QStatusBar;
class QTableView;

namespace Care360 {

class ErrorBanner;
class EscalationTableModel;

// Tells the agent what a request did: a status message for success, a banner (never a modal
// dialog) for anything else, and the failing cell focused when the server names one.
class OutcomePresenter : public QObject {
    Q_OBJECT
public:
    OutcomePresenter(ErrorBanner *banner, QStatusBar *statusBar, QTableView *table,
                     QObject *parent = nullptr);

    void present(CaseSession::Action action, const ApiOutcome &outcome, int sentCount);

private:
    void focusFirstError();
    // Moves to a cell of the source model (and shows it), unless an editor is open.
    void focusIndex(const QModelIndex &sourceIndex);
    // A banner about cells goes once no cell or row holds an error any more (reverted, edited).
    void hideWhenErrorsAreGone();
    EscalationTableModel *model() const;

    ErrorBanner *m_banner;
    QStatusBar *m_statusBar;
    QTableView *m_table;
    QString m_cellErrorMessage; // the banner's text while it is about cell errors
};

} // namespace Care360
