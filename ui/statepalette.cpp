#include "statepalette.h"

#include <QEvent>
#include <QWidget>

#include <cmath>

namespace Care360::StatePalette {

namespace {

struct Tint {
    QColor hue;
    double weight; // relative to the other states; errors and the sandbox badge stand out more
};

Tint tintOf(State state)
{
    switch (state) {
    case State::Overdue:
        return { QColor(0xd9, 0x30, 0x25), 1.0 };
    case State::DueSoon:
        return { QColor(0xf2, 0x99, 0x00), 1.0 };
    case State::Edited:
        return { QColor(0x1a, 0x73, 0xe8), 0.9 };
    case State::Error:
        return { QColor(0xd9, 0x30, 0x25), 1.25 };
    case State::Warning:
        return { QColor(0xf2, 0x99, 0x00), 1.0 };
    case State::Info:
        return { QColor(0x1a, 0x73, 0xe8), 0.9 };
    case State::Sandbox:
        return { QColor(0xf4, 0xc2, 0x0d), 1.5 };
    }
    return { QColor(0x80, 0x80, 0x80), 1.0 };
}

QPalette::ColorRole textRoleOf(QPalette::ColorRole surface)
{
    switch (surface) {
    case QPalette::Window:
        return QPalette::WindowText;
    case QPalette::Button:
        return QPalette::ButtonText;
    case QPalette::Highlight:
        return QPalette::HighlightedText;
    default:
        return QPalette::Text;
    }
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto channel = [amount](float a, float b) {
        return a + (b - a) * float(amount);
    };
    // Rounded to 8 bits per channel, as painted: contrast is checked on what the screen shows.
    return QColor(QColor::fromRgbF(channel(from.redF(), to.redF()),
                                   channel(from.greenF(), to.greenF()),
                                   channel(from.blueF(), to.blueF()))
                      .rgb());
}

// Light text on a dark surface: the theme is dark, whatever its exact colours.
bool isDark(const QPalette &palette, QPalette::ColorRole surface)
{
    return relativeLuminance(palette.color(surface))
        < relativeLuminance(palette.color(textRoleOf(surface)));
}

// How much of the hue goes into the surface: a light surface needs little to show a tint, a dark
// one more, or the tint disappears into the dark.
double strength(const QPalette &palette, State state, QPalette::ColorRole surface)
{
    const double base = isDark(palette, surface) ? 0.26 : 0.14;
    return qMin(1.0, base * tintOf(state).weight);
}

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

class PaletteFollower : public QObject {
public:
    PaletteFollower(QWidget *widget, std::function<void()> apply)
        : QObject(widget)
        , m_apply(std::move(apply))
    {
        setObjectName(QStringLiteral("care360PaletteFollower"));
        widget->installEventFilter(this);
        // A style sheet pins every role of the widget's own palette: only its parent hears of a
        // new theme then.
        if (QWidget *parent = widget->parentWidget())
            parent->installEventFilter(this);
    }

    void setApply(std::function<void()> apply) { m_apply = std::move(apply); }

    void run()
    {
        // Applying colours changes the palette again: that change is ours, not the theme's.
        if (m_applying || !m_apply)
            return;
        m_applying = true;
        m_apply();
        m_applying = false;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange) {
            run();
        } else if (event->type() == QEvent::ApplicationPaletteChange) {
            // Every widget hears of a new application palette in no set order: derive from the
            // parents' once they all have theirs.
            QMetaObject::invokeMethod(
                this, [this] { run(); }, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_apply;
    bool m_applying = false;
};

} // namespace

QColor background(const QPalette &palette, State state, QPalette::ColorRole surface)
{
    return mix(palette.color(surface), tintOf(state).hue, strength(palette, state, surface));
}

QColor foreground(const QPalette &palette, State state, QPalette::ColorRole surface)
{
    return readableOn(palette.color(textRoleOf(surface)), background(palette, state, surface));
}

QColor border(const QPalette &palette, State state, QPalette::ColorRole surface)
{
    return mix(palette.color(surface), tintOf(state).hue,
               qMin(1.0, 3 * strength(palette, state, surface)));
}

namespace {
QColor markerHue(int index)
{
    constexpr double goldenAngle = 137.508;
    const double hue = std::fmod(210.0 + goldenAngle * index, 360.0);
    return QColor::fromHsvF(float(hue / 360.0), 0.8f, 0.85f);
}
} // namespace

QColor markerBackground(const QPalette &palette, int index, QPalette::ColorRole surface)
{
    return mix(palette.color(surface), markerHue(index),
               strength(palette, State::Sandbox, surface));
}

QColor markerForeground(const QPalette &palette, int index, QPalette::ColorRole surface)
{
    return readableOn(palette.color(textRoleOf(surface)),
                      markerBackground(palette, index, surface));
}

QColor text(const QPalette &palette, State state, QPalette::ColorRole surface)
{
    return readableOn(tintOf(state).hue, palette.color(surface));
}

double relativeLuminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF())
        + 0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor readableOn(const QColor &color, const QColor &background, double minimum)
{
    if (contrastRatio(color, background) >= minimum)
        return color;
    // One of black and white always reaches 4.5:1 on any background (at worst about 4.6:1).
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor target =
        contrastRatio(black, background) >= contrastRatio(white, background) ? black : white;
    constexpr int kSteps = 20;
    for (int step = 1; step < kSteps; ++step) {
        const QColor candidate = mix(color, target, double(step) / kSteps);
        if (contrastRatio(candidate, background) >= minimum)
            return candidate;
    }
    return target;
}

void follow(QWidget *widget, std::function<void()> apply)
{
    auto *follower = dynamic_cast<PaletteFollower *>(widget->findChild<QObject *>(
        QStringLiteral("care360PaletteFollower"), Qt::FindDirectChildrenOnly));
    if (follower)
        follower->setApply(std::move(apply));
    else
        follower = new PaletteFollower(widget, std::move(apply));
    follower->run();
}

} // namespace Care360::StatePalette
