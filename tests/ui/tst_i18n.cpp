// The console in another language, over the real window: in Spanish the menus, buttons, case
// header, plural forms and dates read Spanish and mnemonics stay unique; on the build's pseudo
// translation ("⟦...⟧", 40% longer) every text on screen went through tr() and nothing clips.
#include "consoledriver.h"
#include "mnemonics.h"
#include "screentexts.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "app/session/activitylog.h"
#include "app/translations.h"
#include "ui/apikeydialog.h"
#include "ui/bulkeditdialog.h"
#include "ui/followupeditor.h"
#include "ui/preferencesdialog.h"
#include "ui/sendconfirmationdialog.h"

#include <QAbstractButton>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>

#include <functional>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

using namespace Mnemonics;

using namespace ScreenTexts;

class TestI18n : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void spanishConsole();
    void spanishMnemonicsAreUnique();
    void spanishDialogs();
    void pseudoEveryTextGoesThroughTr();
    void pseudoNothingClips();

private:
    void startSpanish();
    void startPseudo();
    void loadAcme();
    QLocale m_systemLocale;
    std::unique_ptr<ConsoleDriver> m_console;
};

void TestI18n::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_i18n"));
    CARE360_REQUIRE_SESSION_BUS();
    m_systemLocale = QLocale();
}

void TestI18n::init()
{
    QSettings().clear();
}

void TestI18n::cleanup()
{
    m_console.reset();
    QLocale::setDefault(m_systemLocale);
    installTranslations(*QCoreApplication::instance());
}

void TestI18n::startSpanish()
{
    // Texts are read when widgets are made: the language comes first, then the window.
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
    installTranslations(*QCoreApplication::instance());
    m_console = std::make_unique<ConsoleDriver>();
}

void TestI18n::startPseudo()
{
    QVERIFY(installPseudoTranslation(*QCoreApplication::instance()));
    m_console = std::make_unique<ConsoleDriver>();
    // The smaller laptop of tst_keyboard's first run: the tightest size the console opens at.
    const QSize size = MainWindow::firstRunSize(QRect(0, 0, 1280, 680));
    m_console->window()->resize(size);
    QTRY_COMPARE(m_console->window()->size(), size);
}

void TestI18n::loadAcme()
{
    m_console->typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(m_console->model()->rowCount(), 6);
}

void TestI18n::spanishConsole()
{
    STEP(startSpanish());
    ConsoleDriver &c = *m_console;
    QCOMPARE(actionTexts(c.window()->menuBar()->actions()),
             QStringList({ "&Archivo", "&Editar", "&Caso", "&Ver", "Con&figuración", "Ay&uda" }));
    QCOMPARE(c.find<QAbstractButton>("sendButton")->text(), QStringLiteral("E&nviar"));
    QCOMPARE(c.find<QAbstractButton>("revertAllButton")->text(), QStringLiteral("Revertir todo"));
    QVERIFY(c.find<QLabel>("caseHeader")
                ->text()
                .startsWith(QStringLiteral("No hay ningún caso abierto.")));
    STEP(loadAcme());
    QCOMPARE(c.find<QLabel>("caseHeader")->text(),
             QStringLiteral("Caso %1 en Acme Health — Sandbox (práctica): 6 escalamientos activos")
                 .arg(Demo::acmeCaseId));
    QCOMPARE(c.find<QLabel>("pendingLabel")->text(), QStringLiteral("Sin cambios pendientes"));
    QCOMPARE(c.model()->headerData(Model::FollowUpDue, Qt::Horizontal).toString(),
             QStringLiteral("Fecha de seguimiento"));

    // Plural forms: Spanish has one form for 1 and one for everything else.
    const QString first = c.table()->model()->index(0, 0).data(Model::IdRole).toString();
    const QString second = c.table()->model()->index(1, 0).data(Model::IdRole).toString();
    STEP(c.editNote(first, QStringLiteral("Llamar al paciente")));
    QTRY_VERIFY2(c.find<QLabel>("pendingLabel")->text().contains("1 cambio pendiente"),
                 qPrintable(c.find<QLabel>("pendingLabel")->text()));
    STEP(c.editNote(second, QStringLiteral("Revisar la receta")));
    QTRY_VERIFY2(c.find<QLabel>("pendingLabel")->text().contains("2 cambios pendientes"),
                 qPrintable(c.find<QLabel>("pendingLabel")->text()));

    // Dates in the Spanish locale's numeric order with four-digit years ("4/12/26" read as a
    // day), not the C locale's "4 Dec 2026" the other suites see.
    const QString created = c.cell(first, Model::Created).data().toString();
    QVERIFY2(
        QRegularExpression(QStringLiteral("^\\d{1,2}/\\d{1,2}/\\d{4} ")).match(created).hasMatch(),
        qPrintable(created));
    // Care360's types and the activity log in Spanish too; the wire names stay for Copy.
    QStringList types;
    for (int row = 0; row < c.table()->model()->rowCount(); ++row)
        types << c.table()->model()->index(row, Model::Type).data().toString();
    types.removeDuplicates();
    types.sort();
    QCOMPARE(types, QStringList({ "clínico", "soporte" }));
    auto *log = c.find<ActivityLog>("activityLog");
    QCOMPARE(log->index(0, ActivityLog::Action).data().toString(), QStringLiteral("carga"));
    QCOMPARE(log->index(0, ActivityLog::Outcome).data().toString(), QStringLiteral("listado"));
    QVERIFY(log->toText().contains(QStringLiteral("\tload\tlisted\t")));
    c.screenshot(QStringLiteral("spanish-console"));
}

void TestI18n::spanishMnemonicsAreUnique()
{
    STEP(startSpanish());
    ConsoleDriver &c = *m_console;
    STEP(loadAcme());
    QVERIFY2(clashes(windowTexts(c.window())).isEmpty(),
             qPrintable(clashes(windowTexts(c.window())).join(QStringLiteral("; "))));
    int menus = 0;
    for (QMenu *menu : c.window()->findChildren<QMenu *>()) {
        QVERIFY2(clashes(actionTexts(menu->actions())).isEmpty(),
                 qPrintable(menu->objectName() + QLatin1Char(' ')
                            + clashes(actionTexts(menu->actions())).join("; ")));
        ++menus;
    }
    QVERIFY(menus >= 6);
    ApiKeyDialog keyDialog(c.core(), c.window());
    QCOMPARE(clashes(windowTexts(&keyDialog)), QStringList());
    SendConfirmationDialog confirm(Demo::acmeCaseId, Demo::acmeName, twoUpdates(c.model()), {},
                                   c.window());
    QCOMPARE(clashes(windowTexts(&confirm)), QStringList());
    for (const auto kind : { BulkEditDialog::Kind::Assignee, BulkEditDialog::Kind::FollowUp,
                             BulkEditDialog::Kind::NoteLine }) {
        BulkEditDialog bulk(kind, 3, {}, 9, c.window());
        QCOMPARE(clashes(windowTexts(&bulk)), QStringList());
    }
    PreferencesDialog preferences(c.window());
    auto *preferencesPages = preferences.findChild<QTabWidget *>("preferencesPages");
    QStringList dialogWide; // the tabs and the buttons act from every page
    for (int page = 0; page < preferencesPages->count(); ++page)
        dialogWide << preferencesPages->tabText(page);
    for (QAbstractButton *button : preferences.findChildren<QAbstractButton *>()) {
        if (qobject_cast<QDialogButtonBox *>(button->parentWidget()))
            dialogWide << button->text();
    }
    QCOMPARE(dialogWide.mid(0, 4),
             QStringList({ "&Red", "&Seguimientos", "Con&firmaciones", "&Idioma" }));
    forEachPreferencesPage(preferences, [&dialogWide](QWidget *page) {
        const QStringList texts = windowTexts(page) + dialogWide;
        QVERIFY2(clashes(texts).isEmpty(),
                 qPrintable(page->objectName() + QLatin1Char(' ') + clashes(texts).join("; ")));
    });
    // The follow-up editor's dates next to Qt's own (Spanish) editing entries.
    FollowUpEditor editor(9);
    QMenu *standard = editor.createStandardContextMenu();
    QVERIFY2(actionTexts(standard->actions()).constFirst().startsWith(QStringLiteral("&Deshacer")),
             qPrintable(actionTexts(standard->actions()).join(" | ")));
    QCOMPARE(clashes(actionTexts(editor.actions()) + actionTexts(standard->actions())),
             QStringList());
    delete standard;
}

void TestI18n::spanishDialogs()
{
    QVERIFY2(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath)
                           + QStringLiteral("/qtbase_es.qm")),
             "Qt's Spanish translations are missing: install qt6-translations-l10n");
    STEP(startSpanish());
    ConsoleDriver &c = *m_console;
    STEP(loadAcme());
    ApiKeyDialog keyDialog(c.core(), c.window());
    STEP(showAndSave(keyDialog, QStringLiteral("spanish-api-key-dialog")));
    QCOMPARE(keyDialog.findChild<QAbstractButton *>("saveKeyButton")->text(),
             QStringLiteral("&Guardar"));
    QVERIFY(keyDialog.windowTitle().startsWith(QStringLiteral("Clave de API para ")));

    SendConfirmationDialog confirm(Demo::acmeCaseId, Demo::acmeName, twoUpdates(c.model()), {},
                                   c.window());
    STEP(showAndSave(confirm, QStringLiteral("spanish-send-confirmation")));
    QCOMPARE(confirm.windowTitle(), QStringLiteral("¿Enviar a Acme Health en Producción?"));
    QVERIFY(confirm.findChild<QLabel *>("confirmIntroLabel")
                ->text()
                .endsWith(QStringLiteral("(2 escalamientos):")));
    QCOMPARE(confirm.findChild<QAbstractButton *>("confirmSendButton")->text(),
             QStringLiteral("&Enviar a Producción"));
    // A standard button: Qt's own Spanish, from qtbase_es.
    QCOMPARE(confirm.findChild<QAbstractButton *>("confirmCancelButton")->text(),
             QStringLiteral("Cancelar"));
}

void TestI18n::pseudoEveryTextGoesThroughTr()
{
    STEP(startPseudo());
    ConsoleDriver &c = *m_console;
    STEP(loadAcme());
    QStringList texts = visibleTexts(c.window());
    // A case ID Care360 does not know: the error banner with its buttons.
    c.typeCaseId(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QTRY_VERIFY(c.find<QWidget>("errorBanner")->isVisible());
    const QStringList banner = visibleTexts(c.find<QWidget>("errorBanner"));
    QVERIFY(banner.size() >= 2);
    texts << banner;

    ApiKeyDialog keyDialog(c.core(), c.window());
    STEP(showAndSave(keyDialog, QStringLiteral("pseudo-api-key-dialog")));
    texts << visibleTexts(&keyDialog);
    SendConfirmationDialog confirm(Demo::acmeCaseId, Demo::acmeName, twoUpdates(c.model()), {},
                                   c.window());
    STEP(showAndSave(confirm, QStringLiteral("pseudo-send-confirmation")));
    texts << visibleTexts(&confirm);
    for (const auto kind : { BulkEditDialog::Kind::Assignee, BulkEditDialog::Kind::FollowUp,
                             BulkEditDialog::Kind::NoteLine }) {
        BulkEditDialog bulk(kind, 3, {}, 9, c.window());
        bulk.show();
        texts << visibleTexts(&bulk);
    }
    PreferencesDialog preferences(c.window());
    STEP(showAndSave(preferences, QStringLiteral("pseudo-preferences")));
    forEachPreferencesPage(preferences, [&texts, &preferences](QWidget *) {
        // Languages are named in their own words, never translated.
        const QStringList ownWords { "languageCombo: English", "languageCombo: Español" };
        for (const QString &text : visibleTexts(&preferences)) {
            if (!ownWords.contains(text))
                texts << text;
        }
    });
    auto *preferencesPages = preferences.findChild<QTabWidget *>("preferencesPages");
    for (int page = 0; page < preferencesPages->count(); ++page)
        texts << QStringLiteral("preferencesPages: ") + preferencesPages->tabText(page);
    QVERIFY2(texts.size() >= 60, qPrintable(QString::number(texts.size())));
    QVERIFY2(untranslated(texts).isEmpty(), qPrintable(untranslated(texts).join('\n')));
}

void TestI18n::pseudoNothingClips()
{
    STEP(startPseudo());
    ConsoleDriver &c = *m_console;
    STEP(loadAcme());
    c.typeCaseId(QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QTRY_VERIFY(c.find<QWidget>("errorBanner")->isVisible());
    QTest::qWait(50); // one more layout pass after the banner appeared
    c.screenshot(QStringLiteral("pseudo-console"));
    QStringList found;
    for (const char *name : { "environmentBar", "caseBar", "errorBanner" })
        found << clipped(c.find<QWidget>(name));
    // Column titles too ("mpos modificad" was a Spanish one cut on both sides).
    for (const char *name : { "escalationTable", "activityView" }) {
        const QHeaderView *header = c.find<QTableView>(name)->horizontalHeader();
        for (int section = 0; section < header->count(); ++section) {
            if (!header->isSectionHidden(section)
                && header->sectionSizeHint(section) > header->sectionSize(section))
                found << QStringLiteral("%1 column %2 (%3 > %4)")
                             .arg(QLatin1String(name))
                             .arg(section)
                             .arg(header->sectionSizeHint(section))
                             .arg(header->sectionSize(section));
        }
    }
    for (const char *name : { "pendingLabel", "cancelButton", "revertAllButton", "sendButton" }) {
        auto *widget = c.find<QWidget>(name);
        if (widget->isVisible() && widget->sizeHint().width() > widget->width())
            found << QStringLiteral("%1 (%2 > %3)")
                         .arg(QLatin1String(name))
                         .arg(widget->sizeHint().width())
                         .arg(widget->width());
    }
    ApiKeyDialog keyDialog(c.core(), c.window());
    STEP(showAndSave(keyDialog, QStringLiteral("pseudo-api-key-dialog")));
    found << clipped(&keyDialog);
    SendConfirmationDialog confirm(Demo::acmeCaseId, Demo::acmeName, twoUpdates(c.model()), {},
                                   c.window());
    STEP(showAndSave(confirm, QStringLiteral("pseudo-send-confirmation")));
    found << clipped(&confirm);
    PreferencesDialog preferences(c.window());
    STEP(showAndSave(preferences, QStringLiteral("pseudo-preferences")));
    forEachPreferencesPage(preferences, [&found, &preferences](QWidget *page) {
        found << clipped(page);
        preferences.grab().save(
            QStringLiteral(CARE360_BIN_DIR "/../screenshots/pseudo-preferences-")
            + page->objectName() + QStringLiteral(".png"));
    });
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
