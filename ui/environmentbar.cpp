#include "environmentbar.h"
#include "statepalette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace Care360 {

EnvironmentBar::EnvironmentBar(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_marker(new QLabel(this))
    , m_keyStateLabel(new QLabel(this))
    , m_keyButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("environmentBar"));
    auto *label = new QLabel(tr("Orga&nisation:"), this);
    label->setObjectName(QStringLiteral("environmentLabel"));
    label->setBuddy(m_combo);

    m_combo->setObjectName(QStringLiteral("environmentCombo"));
    m_combo->setAccessibleName(tr("Organisation"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_marker->setObjectName(QStringLiteral("profileMarker"));
    m_marker->setTextFormat(Qt::PlainText); // the agent's name for it, shown as typed
    StatePalette::follow(m_marker, [this] { showMarker(); });

    m_keyStateLabel->setObjectName(QStringLiteral("keyStateLabel"));
    m_keyStateLabel->setAccessibleDescription(tr("API key state"));
    m_keyButton->setObjectName(QStringLiteral("apiKeyButton"));
    m_keyButton->setAccessibleName(tr("API key…"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_marker);
    layout->addSpacing(12);
    layout->addWidget(m_keyStateLabel);
    layout->addWidget(m_keyButton);

    connect(m_combo, qOverload<int>(&QComboBox::activated), this, &EnvironmentBar::onActivated);
}

void EnvironmentBar::setProfiles(const QList<Profile> &profiles, const Profile &current)
{
    m_profiles = profiles;
    m_current = current;
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    int currentIndex = -1;
    for (const Profile &profile : profiles) {
        if (profile.id == current.id)
            currentIndex = m_combo->count();
        m_combo->addItem(profile.label(), profile.id);
    }
    m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(tr("Organisations…"));
    m_combo->setCurrentIndex(currentIndex);
    // Orca 43 reads a closed combo's description, not its value (Qt 6.4 exposes none): the
    // organisation comes first in it, so it is heard where the focus starts.
    const Environment &environment = current.environment;
    m_combo->setToolTip(current.isPractice()
                            ? tr("%1 — practice data on this computer (%2)")
                                  .arg(current.label(), environment.baseUrl.toString())
                            : tr("%1 (%2)").arg(current.label(), environment.baseUrl.toString()));
    showMarker();
}

void EnvironmentBar::showMarker()
{
    // Practice data looks like the sandbox badge always did; an organisation has its own colour.
    const QPalette pal = palette();
    const auto surface = QPalette::Window;
    QColor background, foreground, border;
    if (m_current.isPractice()) {
        using StatePalette::State;
        background = StatePalette::background(pal, State::Sandbox, surface);
        foreground = StatePalette::foreground(pal, State::Sandbox, surface);
        border = StatePalette::border(pal, State::Sandbox, surface);
        m_marker->setToolTip(tr("Changes here go to a practice server on this computer, "
                                "never to Care360."));
    } else {
        background = StatePalette::markerBackground(pal, m_current.order, surface);
        foreground = StatePalette::markerForeground(pal, m_current.order, surface);
        border = StatePalette::markerBorder(pal, m_current.order, surface);
        m_marker->setToolTip(tr("Every case in this window is %1's.").arg(m_current.label()));
    }
    m_marker->setText(m_current.isPractice() ? tr("Practice data") : m_current.name);
    m_marker->setAccessibleName(tr("Organisation: %1").arg(m_current.label()));
    m_marker->setVisible(m_current.isValid());
    m_marker->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3;"
                       " border-radius: 3px; padding: 1px 6px; font-weight: bold; }")
            .arg(background.name(), foreground.name(), border.name()));
}

void EnvironmentBar::setKeyState(const QString &text, const QString &toolTip)
{
    m_keyStateLabel->setText(text);
    m_keyStateLabel->setToolTip(toolTip);
    m_keyStateLabel->setAccessibleName(tr("API key: %1").arg(text));
}

void EnvironmentBar::onActivated(int index)
{
    const QString id = m_combo->itemData(index).toString();
    for (const Profile &profile : std::as_const(m_profiles)) {
        if (profile.id == id && !id.isEmpty()) {
            emit profileRequested(profile);
            return;
        }
    }
    setProfiles(m_profiles, m_current); // back on the open one while the dialog decides
    emit manageRequested();
}

} // namespace Care360
