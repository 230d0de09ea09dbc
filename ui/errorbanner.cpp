#include "errorbanner.h"

#include "announcer.h"
#include "statepalette.h"

#include <QAccessible>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

namespace Care360 {

namespace {
StatePalette::State stateOf(ErrorBanner::Kind kind)
{
    switch (kind) {
    case ErrorBanner::Kind::Error:
        return StatePalette::State::Error;
    case ErrorBanner::Kind::Warning:
        return StatePalette::State::Warning;
    case ErrorBanner::Kind::Info:
        break;
    }
    return StatePalette::State::Info;
}
} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_retryButton(new QPushButton(tr("&Retry"), this))
    , m_keyButton(new QPushButton(tr("Enter &key…"), this))
    , m_discardButton(new QPushButton(tr("&Discard them"), this))
    , m_profileButton(new QPushButton(this))
    , m_closeButton(new QPushButton(tr("Dismiss"), this))
    , m_retryCountdown(new QTimer(this))
{
    // A notification named by its sentence: Orca 43 speaks a notification when it becomes
    // showing, never an alert (scripts/default.py onShowingChanged), and Qt 6.4 drops Alert.
    installNotificationAccessibility();
    m_retryCountdown->setObjectName(QStringLiteral("bannerRetryCountdown"));
    m_retryCountdown->setInterval(1000);
    connect(m_retryCountdown, &QTimer::timeout, this, [this] {
        if (--m_retryHeldSeconds > 0) {
            m_retryButton->setText(tr("&Retry (%1 s)").arg(m_retryHeldSeconds));
            return;
        }
        m_retryCountdown->stop();
        m_retryButton->setText(tr("&Retry"));
        m_retryButton->setEnabled(true);
    });
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_iconLabel->setObjectName(QStringLiteral("bannerIcon"));
    m_textLabel->setObjectName(QStringLiteral("bannerText"));
    m_textLabel->setAccessibleName(tr("Message text"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::RichText);
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton->setObjectName(QStringLiteral("bannerRetryButton"));
    m_retryButton->setAccessibleName(tr("Retry"));
    m_keyButton->setObjectName(QStringLiteral("bannerKeyButton"));
    m_keyButton->setAccessibleName(tr("Enter API key"));
    m_discardButton->setObjectName(QStringLiteral("bannerDiscardButton"));
    m_discardButton->setAccessibleName(tr("Discard the restored changes"));
    m_profileButton->setObjectName(QStringLiteral("bannerProfileButton"));
    setOfferedProfile(tr("another organisation")); // named before a profile is offered
    m_closeButton->setObjectName(QStringLiteral("bannerCloseButton"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_iconLabel);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_retryButton);
    layout->addWidget(m_keyButton);
    layout->addWidget(m_discardButton);
    layout->addWidget(m_profileButton);
    layout->addWidget(m_closeButton);

    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        hide();
        emit retryRequested();
    });
    connect(m_keyButton, &QPushButton::clicked, this, &ErrorBanner::enterKeyRequested);
    connect(m_discardButton, &QPushButton::clicked, this, [this] {
        hide();
        emit discardDraftsRequested();
    });
    connect(m_profileButton, &QPushButton::clicked, this, [this] {
        hide();
        emit switchProfileRequested();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showMessage(Kind kind, const QString &message, const QString &requestId,
                              Action action)
{
    const QStyle::StandardPixmap icon = kind == Kind::Error ? QStyle::SP_MessageBoxCritical
        : kind == Kind::Warning                             ? QStyle::SP_MessageBoxWarning
                                                            : QStyle::SP_MessageBoxInformation;
    m_iconLabel->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    m_iconLabel->setAccessibleName(kind == Kind::Error         ? tr("Error")
                                       : kind == Kind::Warning ? tr("Warning")
                                                               : tr("Information"));
    QString text = message;
    QString html =
        QStringLiteral("<div style=\"white-space:pre-wrap\">%1</div>").arg(message.toHtmlEscaped());
    if (!requestId.isEmpty()) {
        const QString reference = tr("(Request ID %1)").arg(requestId);
        text += QLatin1Char(' ') + reference;
        // Qt breaks lines at an ID's hyphens even inside a nowrap span; a block that never wraps
        // keeps the ID whole and, unlike U+2011 hyphens, still copies as the real ID.
        html += QStringLiteral("<div style=\"white-space:pre\">%1</div>")
                    .arg(reference.toHtmlEscaped());
    }
    m_textLabel->setText(html);
    // The plain sentence: what a screen reader announces and what message() returns.
    m_textLabel->setAccessibleName(text);
    m_message = text;
    m_retryCountdown->stop();
    m_retryButton->setText(tr("&Retry"));
    m_retryButton->setEnabled(true);
    m_retryButton->setVisible(action == Action::Retry);
    m_keyButton->setVisible(action == Action::EnterKey);
    m_discardButton->setVisible(action == Action::DiscardDrafts);
    m_profileButton->setVisible(action == Action::SwitchProfile);
    const StatePalette::State state = stateOf(kind);
    StatePalette::follow(this, [this, state] {
        // From the parent: the banner's own palette still carries the previous message's tint.
        QPalette pal = parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
        const QColor background = StatePalette::background(pal, state, QPalette::Window);
        const QColor foreground = StatePalette::foreground(pal, state, QPalette::Window);
        pal.setColor(QPalette::Window, background);
        pal.setColor(QPalette::WindowText, foreground);
        setPalette(pal);
    });
    show();
    // Heard when it appears, and when it replaces a message already on screen: "showing" again.
    QAccessibleEvent nameChanged(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&nameChanged);
    QAccessibleEvent shown(this, QAccessible::ObjectShow);
    QAccessible::updateAccessibility(&shown);
}

void ErrorBanner::holdRetry(int seconds)
{
    if (seconds <= 0)
        return;
    m_retryHeldSeconds = seconds;
    m_retryButton->setEnabled(false);
    m_retryButton->setText(tr("&Retry (%1 s)").arg(seconds));
    m_retryCountdown->start();
}

void ErrorBanner::setOfferedProfile(const QString &label)
{
    // No mnemonic: every letter of "Open with" is taken in the window (tst_keyboard); Tab
    // reaches it, and the banner's sentence names the organisation first.
    QString shown = label;
    m_profileButton->setText(
        tr("Open with %1").arg(shown.replace(QLatin1Char('&'), QLatin1String("&&"))));
    m_profileButton->setAccessibleName(tr("Open with %1").arg(label));
}

QString ErrorBanner::message() const
{
    return isVisible() ? m_message : QString();
}

} // namespace Care360
