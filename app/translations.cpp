#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Care360 {

namespace {

// Every translator this file installs is a child of the application, so it can take them back.
void removeInstalledTranslators(QCoreApplication &application)
{
    const auto installed =
        application.findChildren<QTranslator *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : installed) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

bool install(QCoreApplication &application, const QString &file)
{
    auto *translator = new QTranslator(&application);
    if (translator->load(file) && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}

} // namespace

void installTranslations(QCoreApplication &application)
{
    removeInstalledTranslators(application);
    // English is the source language, but "%n change(s)" needs its plural forms from a .qm.
    install(application, QStringLiteral(":/i18n/care360_en.qm"));
    // QLocale's uiLanguages() decide, so LANGUAGE=es works under an English LANG too; but as
    // with gettext, the C locale (LC_ALL=C, as the test suites run) ignores LANGUAGE.
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return;
    auto *local = new QTranslator(&application);
    if (!local->load(locale, QStringLiteral("care360"), QStringLiteral("_"),
                     QStringLiteral(":/i18n"))
        || local->language() == QLatin1String("en")) {
        delete local;
        return;
    }
    QCoreApplication::installTranslator(local);
    // Only next to our own translation: a Spanish "Cancelar" in an otherwise English window
    // helps nobody. Debian ships these files in qt6-translations-l10n.
    auto *qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

bool installPseudoTranslation(QCoreApplication &application)
{
    removeInstalledTranslators(application);
    return install(application, QStringLiteral(":/i18n/care360_pseudo.qm"));
}

} // namespace Care360
