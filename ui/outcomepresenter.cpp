#include "outcomepresenter.h"

#include "errorbanner.h"
#include "models/escalationtablemodel.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QStatusBar>
#include <QTableView>

namespace Care360 {

namespace {
constexpr int kStatusTimeoutMs = 8000;
}

OutcomePresenter::OutcomePresenter(ErrorBanner *banner, QStatusBar *statusBar, QTableView *table,
                                   QObject *parent)
    : QObject(parent)
    , m_banner(banner)
    , m_statusBar(statusBar)
    , m_table(table)
{
    setObjectName(QStringLiteral("outcomePresenter"));
}

void OutcomePresenter::present(CaseSession::Action action, const ApiOutcome &outcome, int sentCount)
{
    using Kind = ApiOutcome::Kind;
    using Banner = ErrorBanner;
    switch (outcome.kind) {
    case Kind::Listed:
        m_banner->hide();
        m_statusBar->showMessage(outcome.userMessage(), kStatusTimeoutMs);
        return;
    case Kind::Updated:
        m_banner->hide();
        m_statusBar->showMessage(tr("%n change(s) saved to Care360.", nullptr, sentCount),
                                 kStatusTimeoutMs);
        return;
    case Kind::EscalationsNotFound:
        m_banner->showMessage(Banner::Kind::Warning, outcome.userMessage(), outcome.requestId);
        return;
    case Kind::ValidationFailed:
    case Kind::AssigneeNotFound:
        m_banner->showMessage(Banner::Kind::Warning, outcome.userMessage(), outcome.requestId);
        focusFirstError();
        return;
    case Kind::InvalidApiKey:
        m_banner->showMessage(Banner::Kind::Error, outcome.userMessage(), outcome.requestId,
                              Banner::Action::EnterKey);
        return;
    case Kind::Cancelled:
        m_banner->showMessage(Banner::Kind::Info, outcome.userMessage(), outcome.requestId,
                              Banner::Action::Retry);
        return;
    default:
        break;
    }
    const bool retry = outcome.isRetryable() && action != CaseSession::Action::None;
    m_banner->showMessage(Banner::Kind::Error, outcome.userMessage(), outcome.requestId,
                          retry ? Banner::Action::Retry : Banner::Action::None);
    if (retry)
        m_banner->holdRetry(outcome.retryAfterSeconds); // honour the server's Retry-After
}

void OutcomePresenter::focusFirstError()
{
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_table->model());
    auto *model = proxy ? qobject_cast<EscalationTableModel *>(proxy->sourceModel()) : nullptr;
    if (!model)
        return;
    const QModelIndex index = proxy->mapFromSource(model->firstErrorIndex());
    // Never pull the agent out of an edit in progress; the banner and the cell's mark remain.
    const QWidget *focus = QApplication::focusWidget();
    const bool editing = focus && focus != m_table && m_table->isAncestorOf(focus);
    if (!index.isValid() || editing)
        return;
    m_table->scrollTo(index);
    m_table->setCurrentIndex(index);
    m_table->setFocus(Qt::OtherFocusReason);
}

} // namespace Care360
