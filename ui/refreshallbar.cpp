#include "refreshallbar.h"

#include "qtcompatwidgets.h"

#include "app/followups/followuprefresher.h"
#include "app/session/preferences.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace Care360 {

RefreshAllBar::RefreshAllBar(ConsoleServices *services, QWidget *parent)
    : QWidget(parent)
    , m_refresher(new FollowUpRefresher(services, this))
    , m_button(new QPushButton(tr("&Refresh all"), this))
    , m_progress(new QProgressBar(this))
    , m_sentence(new QLabel(this))
{
    setObjectName(QStringLiteral("refreshAllBar"));
    m_button->setObjectName(QStringLiteral("refreshAllButton"));
    m_button->setAccessibleName(tr("Refresh all"));
    m_button->setAccessibleDescription(
        tr("Lists every case again, at most %Ln a minute, so that Care360 is not flooded.", nullptr,
           Preferences().refreshPerMinute()));
    m_progress->setObjectName(QStringLiteral("refreshAllProgress"));
    m_progress->setAccessibleName(tr("Refresh progress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_sentence->setObjectName(QStringLiteral("refreshAllSentence"));
    m_sentence->setTextFormat(Qt::PlainText);
    m_sentence->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_progress);
    layout->addWidget(m_sentence, 1);
    connect(m_button, &QPushButton::clicked, this, &RefreshAllBar::toggle);
    connect(m_refresher, &FollowUpRefresher::progress, this, &RefreshAllBar::onProgress);
    connect(m_refresher, &FollowUpRefresher::finished, this, &RefreshAllBar::onFinished);
}

void RefreshAllBar::toggle()
{
    if (m_refresher->isRunning())
        return m_refresher->cancel();
    m_sentence->clear();
    m_button->setText(tr("&Stop refreshing"));
    m_button->setAccessibleName(tr("Stop refreshing"));
    m_progress->show();
    m_refresher->start();
}

void RefreshAllBar::onProgress(int done, int total, const QString &current)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2").arg(done).arg(total));
    m_sentence->setText(current.isEmpty() ? QString() : tr("Listing case %1…").arg(current));
}

void RefreshAllBar::onFinished(const QString &sentence)
{
    m_button->setText(tr("&Refresh all"));
    m_button->setAccessibleName(tr("Refresh all"));
    m_progress->hide();
    m_sentence->setText(sentence);
    m_sentence->setAccessibleName(sentence);
    QtCompat::announce(m_sentence, sentence);
}

} // namespace Care360
