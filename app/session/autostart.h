#pragma once

#include <QString>

namespace Care360::Autostart {

// Starting the console when the agent logs in, so that reminders arrive without opening it:
// an XDG autostart entry (freedesktop.org's Desktop Application Autostart Specification),
// which GNOME, KDE and the other Linux desktops read. appId names the file.
QString entryFile(const QString &appId);
bool isEnabled(const QString &appId);
// Writes or removes the entry; false with a sentence for the agent in problem.
bool setEnabled(bool enabled, const QString &appId, const QString &displayName, QString *problem);

} // namespace Care360::Autostart
