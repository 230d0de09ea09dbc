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
    // Coloured through its palette's Window and WindowText, as the banner is. In a toolbar a
    // widget otherwise takes the toolbar's roles (Button, ButtonText), and tst_palette read the
    // plain toolbar behind the tint.
    m_marker->setBackgroundRole(QPalette::Window);
    m_marker->setForegroundRole(QPalette::WindowText);
    m_marker->setAutoFillBackground(true);
    m_marker->setFrameStyle(QFrame::Box | QFrame::Plain);
    m_marker->setMargin(2);
    m_marker->setIndent(6);
    QFont bold = m_marker->font();
    bold.setBold(true);
    m_marker->setFont(bold);
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
    // From the bar: the marker's own palette carries the last colours.
    const QPalette pal = palette();
    const auto surface = QPalette::Window;
    QColor background, foreground;
    if (m_current.isPractice()) {
        using StatePalette::State;
        background = StatePalette::background(pal, State::Sandbox, surface);
        foreground = StatePalette::foreground(pal, State::Sandbox, surface);
        m_marker->setToolTip(tr("Changes here go to a practice server on this computer, "
                                "never to Care360."));
    } else {
        background = StatePalette::markerBackground(pal, m_current.order, surface);
        foreground = StatePalette::markerForeground(pal, m_current.order, surface);
        m_marker->setToolTip(tr("Every case in this window is %1's.").arg(m_current.label()));
    }
    m_marker->setText(m_current.isPractice() ? tr("Practice data") : m_current.name);
    m_marker->setAccessibleName(tr("Organisation: %1").arg(m_current.label()));
    m_marker->setVisible(m_current.isValid());
    QPalette marker = pal;
    marker.setColor(QPalette::Window, background);
    marker.setColor(QPalette::WindowText, foreground); // the text, and the frame around it
    m_marker->setPalette(marker);
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
