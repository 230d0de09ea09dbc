#pragma once

#include <QString>
#include <QStringView>

// Text a server (or a data file) sent is untrusted: it is kept only up to a limit, shown only up
// to a shorter one, and never reaches a screen, a terminal or a log with its control characters.
namespace Care360::UntrustedText {

// What an outcome keeps of a server's text (the activity log's copy).
inline constexpr int maxKeptChars = 4096;
// What a sentence shows of it: one line in a banner or on stderr.
inline constexpr int maxShownChars = 300;
// How many missing escalation IDs an answer may name; a client sends far fewer.
inline constexpr int maxListedIds = 1000;

// Control characters made visible: C0 and DEL as their Unicode control pictures (ESC -> ␛),
// C1 controls and bidirectional overrides as U+FFFD.
QString visible(QStringView text);
// Cut to maxChars characters with "…" when longer.
QString capped(QStringView text, int maxChars);
// visible(capped(text, maxShownChars)): the form for any sentence.
QString shown(QStringView text);
// Whether text looks like a display form rather than stored text: exactly maxKeptChars
// characters ending in "…" (what capped() made of a longer note), or a control picture
// (U+2400-U+2421, what visible() shows). Sent back, it would replace the real text.
bool looksDisplayed(QStringView text);

} // namespace Care360::UntrustedText
