#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Care360::Autostart {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Care360::Autostart", text);
}

// Exec= quoting of the Desktop Entry Specification: quoted when it holds a space or a
// reserved character, with ", `, $ and \ escaped.
QString execArgument(const QString &path)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    if (std::none_of(path.cbegin(), path.cend(), [](QChar c) { return reserved.contains(c); }))
        return path;
    QString quoted = path;
    for (const QChar c :
         { QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$') })
        quoted.replace(c, QStringLiteral("\\") + c);
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
} // namespace

QString entryFile(const QString &appId)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/") + appId + QStringLiteral(".desktop");
}

bool isEnabled(const QString &appId)
{
    return QFile::exists(entryFile(appId));
}

bool setEnabled(bool enabled, const QString &appId, const QString &displayName, QString *problem)
{
    const QString file = entryFile(appId);
    if (!enabled) {
        if (!QFile::exists(file) || QFile::remove(file))
            return true;
        *problem = tr("The console could not stop starting at login: %1 cannot be removed.")
                       .arg(QDir::toNativeSeparators(file));
        return false;
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile entry(file);
    const QByteArray text =
        QStringLiteral("[Desktop Entry]\nType=Application\nName=%1\n"
                       "Exec=%2\nIcon=%3\nNoDisplay=true\n"
                       "X-GNOME-Autostart-enabled=true\n")
            .arg(displayName, execArgument(QCoreApplication::applicationFilePath()), appId)
            .toUtf8();
    if (!entry.open(QIODevice::WriteOnly) || entry.write(text) != text.size() || !entry.commit()) {
        *problem = tr("The console could not be set to start at login: %1 cannot be written (%2).")
                       .arg(QDir::toNativeSeparators(file), entry.errorString());
        return false;
    }
    return true;
}

} // namespace Care360::Autostart
