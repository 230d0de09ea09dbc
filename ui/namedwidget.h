#pragma once

#include <QString>

namespace Care360 {

// A widget with the two names every control carries: the objectName tests and the style find it
// by, and the accessible name a screen reader says.
template<typename W> W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

} // namespace Care360
