#include "unsentworklist.h"

#include "app/core/consoleservices.h"
#include "models/escalationpresenter.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace Care360 {

namespace {
constexpr int kEnvironmentRole = Qt::UserRole + 1;
constexpr int kCaseRole = Qt::UserRole + 2;
} // namespace

UnsentWorkList::UnsentWorkList(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("&Unsent changes kept on this computer (Enter opens a case):"), this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("unsentWork"));
    m_list->setObjectName(QStringLiteral("unsentWorkList"));
    m_list->setAccessibleName(tr("Unsent changes kept on this computer"));
    m_title->setBuddy(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openRequested(item->data(kEnvironmentRole).toString(),
                           item->data(kCaseRole).toString());
    });
}

void UnsentWorkList::setEntries(const QList<JournalIndex::Entry> &entries)
{
    m_list->clear();
    for (const JournalIndex::Entry &entry : entries) {
        auto *item = new QListWidgetItem(
            tr("Case %1 on %2: %Ln escalation(s) with unsent changes, last changed %3", nullptr,
               entry.rows)
                .arg(entry.caseId, ConsoleServices::environmentLabel(entry.environment),
                     EscalationPresenter::localDateTimeText(entry.savedAt)),
            m_list);
        item->setData(kEnvironmentRole, entry.environment);
        item->setData(kCaseRole, entry.caseId);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool UnsentWorkList::isEmpty() const
{
    return m_list->count() == 0;
}

} // namespace Care360
