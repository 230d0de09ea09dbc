#include "outcomepresenter.h"

#include "announcer.h"

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
    if (EscalationTableModel *source = model()) {
        connect(source, &QAbstractItemModel::dataChanged, this,
                &OutcomePresenter::hideWhenErrorsAreGone);
        connect(source, &QAbstractItemModel::rowsRemoved, this,
                &OutcomePresenter::hideWhenErrorsAreGone);
        connect(source, &QAbstractItemModel::modelReset, this,
                &OutcomePresenter::hideWhenErrorsAreGone);
    }
}

EscalationTableModel *OutcomePresenter::model() const
{
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_table->model());
    return proxy ? qobject_cast<EscalationTableModel *>(proxy->sourceModel()) : nullptr;
}

void OutcomePresenter::hideWhenErrorsAreGone()
{
    const EscalationTableModel *source = model();
    if (m_cellErrorMessage.isEmpty() || !source || source->firstErrorIndex().isValid()
        || !source->modelError().isEmpty())
        return;
    // Only the banner this presenter put up: a later notice has its own life.
    if (m_banner->message() == m_cellErrorMessage)
        m_banner->hide();
    m_cellErrorMessage.clear();
}

void OutcomePresenter::present(CaseSession::Action action, const ApiOutcome &outcome, int sentCount)
{
    using Kind = ApiOutcome::Kind;
    using Banner = ErrorBanner;
    m_cellErrorMessage.clear();
    // "Your changes are kept" only when there are changes (ApiOutcome::shownRequestId: the
    // request ID only when a request went out).
    const bool pending = model() && model()->hasDrafts();
    QString message = outcome.userMessage(ApiOutcome::Audience::Console, pending);
    const QString requestId = outcome.shownRequestId();
    // A refused change request changed nothing on Care360: say so, the drafts say the rest.
    const bool refused = outcome.kind == Kind::ValidationFailed
        || outcome.kind == Kind::AssigneeNotFound || outcome.kind == Kind::EscalationsNotFound
        || outcome.kind == Kind::CaseNotFound || outcome.kind == Kind::PermissionDenied
        || outcome.kind == Kind::InvalidApiKey;
    if (action == CaseSession::Action::Send && refused)
        message += QLatin1Char(' ') + tr("Nothing was saved.");
    switch (outcome.kind) {
    case Kind::Listed:
        if (model() && model()->conflictCount() > 0) {
            m_banner->showMessage(
                Banner::Kind::Warning,
                tr("Someone else changed %Ln field(s) you are editing on Care360; each is marked "
                   "Conflict. Keep yours or take theirs before sending.",
                   nullptr, model()->conflictCount()),
                requestId);
            focusIndex(model()->firstConflictIndex());
            return;
        }
        m_banner->hide();
        m_statusBar->showMessage(message, kStatusTimeoutMs);
        return;
    case Kind::Conflict:
        m_banner->showMessage(Banner::Kind::Warning, message, requestId);
        focusIndex(model() ? model()->firstConflictIndex() : QModelIndex());
        return;
    case Kind::Updated:
        m_banner->hide();
        m_statusBar->showMessage(tr("%Ln change(s) saved to Care360.", nullptr, sentCount),
                                 kStatusTimeoutMs);
        return;
    case Kind::EscalationsNotFound:
        m_banner->showMessage(Banner::Kind::Warning, message, requestId);
        return;
    case Kind::ValidationFailed:
    case Kind::AssigneeNotFound:
        m_banner->showMessage(Banner::Kind::Warning, message, requestId);
        m_cellErrorMessage = m_banner->message();
        focusFirstError();
        return;
    case Kind::InvalidApiKey:
        m_banner->showMessage(Banner::Kind::Error, message, requestId, Banner::Action::EnterKey);
        return;
    case Kind::Cancelled:
        m_banner->showMessage(Banner::Kind::Info, message, requestId, Banner::Action::Retry);
        return;
    default:
        break;
    }
    const bool retry = outcome.isRetryable() && action != CaseSession::Action::None;
    m_banner->showMessage(Banner::Kind::Error, message, requestId,
                          retry ? Banner::Action::Retry : Banner::Action::None);
    if (retry)
        m_banner->holdRetry(outcome.retryAfterSeconds); // honour the server's Retry-After
}

void OutcomePresenter::focusFirstError()
{
    const EscalationTableModel *source = model();
    if (source)
        focusIndex(source->firstErrorIndex());
}

void OutcomePresenter::focusIndex(const QModelIndex &sourceIndex)
{
    auto *proxy = qobject_cast<QAbstractProxyModel *>(m_table->model());
    const QModelIndex index = proxy->mapFromSource(sourceIndex);
    // Never pull the agent out of an edit in progress; the banner and the cell's mark remain.
    const QWidget *focus = QApplication::focusWidget();
    const bool editing = focus && focus != m_table && m_table->isAncestorOf(focus);
    if (!index.isValid() || editing)
        return;
    m_table->scrollTo(index);
    m_table->setCurrentIndex(index);
    m_table->setFocus(Qt::OtherFocusReason);
    sayCurrentCell(m_table); // the flagged cell, "Error: …" or "Conflict", is what is heard
}

} // namespace Care360
