// The first screen an agent sees on a laptop (issue 22), in English and Spanish: at 1366x768
// and 1280x720 no column title, date, title, type or assignee of the demo case is cut with "…",
// and the pictures docs/everyday.md quotes are taken here.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/credentials/profilekeys.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/profilestore.h"
#include "app/translations.h"
#include "models/escalationtablemodel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemDelegate>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QHeaderView>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;

class TestFirstScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void nothingIsCut_data();
    void nothingIsCut();
    void twoOrganisationsOnProduction();

private:
    QLocale m_systemLocale;
    std::unique_ptr<ConsoleDriver> m_console;
};

namespace {
// What the view would need to show the cell whole: the delegate's own size hint (the text with
// its "Overdue · " prefix, the warning icon, the margins), as resizeColumnToContents uses it.
int neededWidth(QTableView *table, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    option.widget = table;
    const int icon = table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table);
    option.decorationSize = table->iconSize().isValid() ? table->iconSize() : QSize(icon, icon);
    option.features = QStyleOptionViewItem::HasDisplay;
    return table->itemDelegate()->sizeHint(option, index).width();
}

// "Follow-up due: 243 > 215" for every visible column title and cell cut in the table.
QStringList cutTexts(QTableView *table)
{
    QStringList cut;
    const QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        if (header->sectionSizeHint(column) > header->sectionSize(column))
            cut << QStringLiteral("title %1: %2 > %3")
                       .arg(title)
                       .arg(header->sectionSizeHint(column))
                       .arg(header->sectionSize(column));
        if (column == Model::Note) // free text: long notes are cut by design (tooltip, editor)
            continue;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, column);
            if (neededWidth(table, index) > table->columnWidth(column))
                cut << QStringLiteral("%1 \"%2\": %3 > %4")
                           .arg(title, index.data().toString())
                           .arg(neededWidth(table, index))
                           .arg(table->columnWidth(column));
        }
    }
    return cut;
}
} // namespace

void TestFirstScreen::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_firstscreen"));
    CARE360_REQUIRE_SESSION_BUS();
    m_systemLocale = QLocale();
}

void TestFirstScreen::cleanup()
{
    m_console.reset();
    QLocale::setDefault(m_systemLocale);
    installTranslations(*QCoreApplication::instance());
}

void TestFirstScreen::nothingIsCut_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QRect>("screen");
    // The screens minus a 40-pixel panel, as MainWindow::firstRunSize is given them.
    for (const char *locale : { "en_US", "es_US" }) {
        QTest::addRow("%s 1366x768", locale)
            << QString::fromLatin1(locale) << QRect(0, 0, 1366, 728);
        QTest::addRow("%s 1280x720", locale)
            << QString::fromLatin1(locale) << QRect(0, 0, 1280, 680);
    }
}

void TestFirstScreen::nothingIsCut()
{
    QFETCH(QString, locale);
    QFETCH(QRect, screen);
    QSettings().clear(); // the first run's layout, not a remembered one
    // Texts are read when widgets are made: the language comes first, then the window.
    QLocale::setDefault(QLocale(locale));
    installTranslations(*QCoreApplication::instance());
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    const QSize size = MainWindow::firstRunSize(screen);
    c.window()->resize(size);
    QTRY_COMPARE(c.window()->size(), size);
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    QTest::qWait(50); // one more layout pass with the rows in
    c.screenshot(QStringLiteral("firstscreen-%1-%2").arg(locale).arg(screen.width()));
    const QStringList cut = cutTexts(c.table());
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
    // All six rows show, with room to spare for more.
    const int rowsShown = c.table()->viewport()->height() / c.table()->rowHeight(0);
    QVERIFY2(rowsShown >= 12, qPrintable(QString::number(rowsShown)));
}

void TestFirstScreen::twoOrganisationsOnProduction()
{
    // An agent who serves two organisations on Production (here at the practice server's
    // address, which holds both): the picture docs/organisations.md shows.
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    c.window()->resize(MainWindow::firstRunSize(QRect(0, 0, 1366, 728)));
    QVERIFY(c.sandbox());
    const Environment production { Environment::Kind::Production, c.sandbox()->baseUrl() };
    QString problem;
    const auto acme = ProfileStore().add(QStringLiteral("Acme Health"), production, &problem);
    const auto globex = ProfileStore().add(QStringLiteral("Globex Care"), production, &problem);
    QVERIFY2(acme && globex, qPrintable(problem));
    ProfileKeys *keys = c.core()->services()->profileKeys();
    QSignalSpy written(keys, &ProfileKeys::writeFinished);
    keys->write(*acme, Demo::acmeApiKey);
    keys->write(*globex, Demo::globexApiKey);
    QTRY_COMPARE(written.size(), 2);
    c.core()->services()->notifyProfilesChanged();
    QCOMPARE(c.core()->selectProfile(*acme, CaseWorkspace::Confirmation::Given),
             CaseWorkspace::Step::Started);
    QTRY_VERIFY(c.core()->hasKey());
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);
    auto *combo = c.find<QComboBox>("environmentCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("Acme Health — Production"));
    QCOMPARE(combo->itemText(combo->currentIndex() + 1), QStringLiteral("Globex Care — Production"));
    QCOMPARE(c.find<QLabel>("profileMarker")->text(), QStringLiteral("Acme Health"));
    QVERIFY2(c.window()->windowTitle().contains(QStringLiteral("Acme Health — Production")),
             qPrintable(c.window()->windowTitle()));
    QTest::qWait(50);
    c.screenshot(QStringLiteral("firstscreen-two-organisations"));
    const QStringList cut = cutTexts(c.table());
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestFirstScreen)
#include "tst_firstscreen.moc"
