#include "environmentbar.h"
#include "statepalette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QToolButton>

namespace Care360 {

EnvironmentBar::EnvironmentBar(bool offerSandbox, QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_sandboxBadge(new QLabel(tr("Sandbox — practice data"), this))
    , m_keyStateLabel(new QLabel(this))
    , m_keyButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("environmentBar"));
    auto *label = new QLabel(tr("E&nvironment:"), this);
    label->setObjectName(QStringLiteral("environmentLabel"));
    label->setBuddy(m_combo);

    m_combo->setObjectName(QStringLiteral("environmentCombo"));
    m_combo->setAccessibleName(tr("Environment"));
    if (offerSandbox)
        m_combo->addItem(tr("Sandbox"), int(Environment::Kind::Sandbox));
    m_combo->addItem(tr("Staging"), int(Environment::Kind::Staging));
    m_combo->addItem(tr("Production"), int(Environment::Kind::Production));
    m_combo->addItem(tr("Custom URL…"), int(Environment::Kind::Custom));

    m_sandboxBadge->setObjectName(QStringLiteral("sandboxBadge"));
    m_sandboxBadge->setAccessibleName(m_sandboxBadge->text());
    m_sandboxBadge->setToolTip(tr("Changes here go to a practice server on this computer, "
                                  "never to Care360."));
    StatePalette::follow(m_sandboxBadge, [this] {
        // From the bar: the badge's own palette is the one its style sheet made.
        const QPalette pal = palette();
        using StatePalette::State;
        m_sandboxBadge->setStyleSheet(
            QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3;"
                           " border-radius: 3px; padding: 1px 6px; font-weight: bold; }")
                .arg(StatePalette::background(pal, State::Sandbox, QPalette::Window).name(),
                     StatePalette::foreground(pal, State::Sandbox, QPalette::Window).name(),
                     StatePalette::border(pal, State::Sandbox, QPalette::Window).name()));
    });

    m_keyStateLabel->setObjectName(QStringLiteral("keyStateLabel"));
    m_keyStateLabel->setAccessibleDescription(tr("API key state"));
    m_keyButton->setObjectName(QStringLiteral("apiKeyButton"));
    m_keyButton->setAccessibleName(tr("API key…"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_sandboxBadge);
    layout->addSpacing(12);
    layout->addWidget(m_keyStateLabel);
    layout->addWidget(m_keyButton);

    connect(m_combo, qOverload<int>(&QComboBox::activated), this, &EnvironmentBar::onActivated);
}

void EnvironmentBar::setEnvironment(const Environment &environment)
{
    m_current = environment;
    const int custom = m_combo->findData(int(Environment::Kind::Custom));
    if (environment.kind == Environment::Kind::Custom) {
        m_rememberedCustomUrl = environment.baseUrl;
        // Which custom server is open, in the box itself (the agent reads it at a glance).
        const QUrl &url = environment.baseUrl;
        m_combo->setItemText(
            custom,
            tr("Custom: %1")
                .arg(url.port() < 0 ? url.host()
                                    : url.host() + QLatin1Char(':') + QString::number(url.port())));
    } else {
        m_combo->setItemText(custom, tr("Custom URL…"));
    }
    m_combo->setCurrentIndex(m_combo->findData(int(environment.kind)));
    // Orca 43 reads a closed combo's description, not its value (Qt 6.4 exposes none): the
    // environment's name comes first in it, so it is heard where the focus starts.
    m_combo->setToolTip(
        environment.kind == Environment::Kind::Sandbox
            ? tr("%1 — practice data on this computer (%2)")
                  .arg(environment.displayName(), environment.baseUrl.toString())
            : tr("%1 (%2)").arg(environment.displayName(), environment.baseUrl.toString()));
    m_sandboxBadge->setVisible(environment.kind == Environment::Kind::Sandbox);
}

void EnvironmentBar::setKeyState(const QString &text, const QString &toolTip)
{
    m_keyStateLabel->setText(text);
    m_keyStateLabel->setToolTip(toolTip);
    m_keyStateLabel->setAccessibleName(tr("API key: %1").arg(text));
}

void EnvironmentBar::onActivated(int index)
{
    const auto kind = Environment::Kind(m_combo->itemData(index).toInt());
    switch (kind) {
    case Environment::Kind::Sandbox:
        emit environmentRequested(Environment::sandbox(QUrl()));
        return;
    case Environment::Kind::Staging:
        emit environmentRequested(Environment::staging());
        return;
    case Environment::Kind::Production:
        emit environmentRequested(Environment::production());
        return;
    case Environment::Kind::Custom:
        break;
    }
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("customUrlDialog"));
    dialog.setWindowTitle(tr("Custom Care360 URL"));
    dialog.setLabelText(
        tr("Base URL of the Care360 API (https://…, or http:// for this computer only):"));
    dialog.setTextValue(m_rememberedCustomUrl.toString());
    const bool ok = dialog.exec() == QDialog::Accepted;
    // Credentials, query and fragment never belong in a base URL that is stored and shown.
    const QUrl url = QUrl::fromUserInput(dialog.textValue().trimmed())
                         .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (ok && url.isValid() && !url.host().isEmpty())
        emit environmentRequested(Environment::custom(url));
    else
        setEnvironment(m_current); // cancelled or unusable: stay where we were
}

} // namespace Care360
