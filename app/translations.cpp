#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace Care360 {

void installTranslations(QCoreApplication &application)
{
    // English is the source language, but "%n change(s)" needs its plural forms from a .qm.
    auto *english = new QTranslator(&application);
    if (english->load(QStringLiteral(":/i18n/care360_en.qm")))
        QCoreApplication::installTranslator(english);
    auto *local = new QTranslator(&application);
    if (local->load(QLocale(), QStringLiteral("care360"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))
        && local->language() != QLatin1String("en"))
        QCoreApplication::installTranslator(local);
    else
        delete local;
}

} // namespace Care360
