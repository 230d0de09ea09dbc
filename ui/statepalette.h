#pragma once

#include <QColor>
#include <QPalette>

#include <functional>

class QWidget;

namespace Care360 {

// The one place that turns a state (overdue, edited, an error…) into colours, like KeePassXC's
// StateColorPalette: every colour is derived from the active QPalette, so light, dark and
// high-contrast themes all stay readable. Text on every state colour meets WCAG AA (4.5:1).
namespace StatePalette {

enum class State { Overdue, DueSoon, Edited, Error, Warning, Info, Sandbox };

// WCAG AA for normal-size text.
constexpr double kMinimumContrast = 4.5;

// A tint of the state's hue over the surface (Base for item views, Window for banners and
// badges), gentle on light surfaces and deeper on dark ones.
QColor background(const QPalette &palette, State state,
                  QPalette::ColorRole surface = QPalette::Base);
// The surface's own text colour (Text, WindowText…), pushed towards black or white only as far
// as needed to reach kMinimumContrast on background().
QColor foreground(const QPalette &palette, State state,
                  QPalette::ColorRole surface = QPalette::Base);
// A stronger tint for a frame around background(); decoration, not text.
QColor border(const QPalette &palette, State state, QPalette::ColorRole surface = QPalette::Base);
// Text in the state's hue straight on the surface (an error sentence in a dialog).
QColor text(const QPalette &palette, State state, QPalette::ColorRole surface = QPalette::Window);

// An organisation profile's marker: the index-th of hues a golden angle apart (neighbours in the
// list never look alike), tinted over the surface as strongly as the sandbox badge, with the
// surface's text made readable on it.
QColor markerBackground(const QPalette &palette, int index, QPalette::ColorRole surface);
QColor markerForeground(const QPalette &palette, int index, QPalette::ColorRole surface);

// WCAG 2 relative luminance (0 black … 1 white) and contrast ratio (1 … 21).
double relativeLuminance(const QColor &color);
double contrastRatio(const QColor &a, const QColor &b);
// color, or the least change of it towards black or white that reaches minimum on background.
QColor readableOn(const QColor &color, const QColor &background, double minimum = kMinimumContrast);

// Calls apply now and again whenever the palette of the widget, its parent or the application
// changes, so that colours derived from it follow a theme switch. apply should derive from the
// parent's palette (the widget's own carries the last colours). A later call replaces apply.
void follow(QWidget *widget, std::function<void()> apply);

} // namespace StatePalette
} // namespace Care360
