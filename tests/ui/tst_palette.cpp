// Every state stays readable in light, dark and high-contrast themes, measured on the pixels of
// the real window: the table's overdue, due-soon, edited and failing cells, the banner, the
// sandbox badge and the API key dialog's error. The ratios are printed (qInfo) for the record.
#include "consoledriver.h"
#include "tests/testsession.h"

#include "app/sandbox/demodata.h"
#include "models/clock.h"
#include "ui/apikeydialog.h"
#include "ui/errorbanner.h"
#include "ui/statepalette.h"

#include <QHash>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Model = EscalationTableModel;
using State = StatePalette::State;
using StatePalette::contrastRatio;

Q_DECLARE_METATYPE(Care360::StatePalette::State)

namespace {

const QString kRequestId = QStringLiteral("0c0c0c0c-abcd-4222-ab33-cdef55556666");

QPalette makePalette(const QColor &window, const QColor &windowText, const QColor &base,
                     const QColor &text, const QColor &highlight, const QColor &highlightedText)
{
    QPalette p(windowText, window, window.lighter(130), window.darker(160), window.darker(130),
               text, Qt::red, base, window);
    p.setColor(QPalette::ButtonText, windowText);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, highlightedText);
    return p;
}

// Fusion's own light colours; GNOME's light ones, Fusion's usual dark ones and a Windows-like
// high contrast, each set explicitly.
const QList<QPair<const char *, QPalette>> &palettes()
{
    static const QList<QPair<const char *, QPalette>> all {
        { "fusion-light",
          std::unique_ptr<QStyle>(QStyleFactory::create(QStringLiteral("Fusion")))
              ->standardPalette() },
        { "light",
          makePalette(QColor(0xf6, 0xf5, 0xf4), QColor(0x2e, 0x34, 0x36), Qt::white,
                      QColor(0x2e, 0x34, 0x36), QColor(0x35, 0x84, 0xe4), Qt::white) },
        { "dark",
          makePalette(QColor(0x35, 0x35, 0x35), Qt::white, QColor(0x2a, 0x2a, 0x2a), Qt::white,
                      QColor(0x2a, 0x82, 0xda), Qt::white) },
        { "high-contrast",
          makePalette(Qt::black, Qt::white, Qt::black, Qt::white, QColor(0x1a, 0xeb, 0xff),
                      Qt::black) },
    };
    return all;
}

QPalette paletteNamed(const char *name)
{
    for (const auto &[each, palette] : palettes()) {
        if (qstrcmp(each, name) == 0)
            return palette;
    }
    return {};
}

QString nameOf(State state)
{
    static const char *const names[] = { "overdue", "due-soon", "edited", "error",
                                         "warning", "info",     "sandbox" };
    return QLatin1String(names[int(state)]);
}

void applyPalette(const QPalette &palette)
{
    QApplication::setPalette(palette);
    // Colours derived from the palette are re-derived from the event loop.
    QCoreApplication::processEvents();
}

struct Reading {
    QColor background;
    QColor text;
    double ratio = 0;
};

// What an eye sees in area: the commonest colour is the background, and the text is the pixel
// that stands out most against it (a glyph's fully covered core, not its anti-aliased edge).
Reading read(const QImage &image, const QRect &area)
{
    QHash<QRgb, int> counts;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000];
    }
    Reading reading;
    QRgb commonest = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        commonest = it.value() > counts.value(commonest) ? it.key() : commonest;
    reading.background = QColor(commonest);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (contrastRatio(QColor(it.key()), reading.background) > reading.ratio) {
            reading.text = QColor(it.key());
            reading.ratio = contrastRatio(reading.text, reading.background);
        }
    }
    return reading;
}

// Prints the figures, then checks that the pixels show the designed background and readable text.
void check(const char *what, State state, const Reading &reading, const QColor &background,
           const QColor &foreground)
{
    qInfo("contrast %-10s %-22s %-8s rendered %5.2f:1 (text %s on %s), designed %5.2f:1", what,
          QTest::currentDataTag(), qPrintable(nameOf(state)), reading.ratio,
          qPrintable(reading.text.name()), qPrintable(reading.background.name()),
          contrastRatio(foreground, background));
    QCOMPARE(reading.background.name(), background.name());
    QVERIFY2(reading.ratio >= StatePalette::kMinimumContrast, qPrintable(reading.text.name()));
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyStateMeetsAa_data();
    void everyStateMeetsAa();
    void tableCellsAreReadable_data()
    {
        addStateRows({ State::Overdue, State::DueSoon, State::Edited, State::Error });
    }
    void tableCellsAreReadable();
    void bannerIsReadableAndCalm_data()
    {
        addStateRows({ State::Error, State::Warning, State::Info });
    }
    void bannerIsReadableAndCalm();
    void sandboxBadgeIsReadable_data() { addPaletteRows(); }
    void sandboxBadgeIsReadable();
    void themeSwitchRecoloursWhatIsShown();
    void requestIdStaysWholeAndCopiesAsItIs();
    void keyDialogErrorIsReadableAndWraps_data() { addPaletteRows(); }
    void keyDialogErrorIsReadableAndWraps();

private:
    static void addPaletteRows();
    // Rows "palette/state" for every palette and each state.
    static void addStateRows(const QList<State> &states);
    // An active escalation of the demo case whose cell in column has role set.
    QString pick(int column, int role, const QStringList &besides = {}) const;
    Reading readBanner() const;
    Reading readBadge() const;

    std::unique_ptr<ConsoleDriver> m_console;
    QPalette m_originalPalette;
    QMap<State, QPair<QString, int>> m_cells; // state → escalation ID, column
};

void TestPalette::initTestCase()
{
    ConsoleDriver::prepareApplication(QStringLiteral("tst_palette"));
    CARE360_REQUIRE_SESSION_BUS();
    // One style, so that a pixel means the same on every machine.
    QApplication::setStyle(QStringLiteral("Fusion"));
    m_originalPalette = QApplication::palette();
    // "Now" stands still from here: the sandbox dates its demo follow-ups a moment later, so one
    // is overdue and one due within 24 hours for the whole run, whatever the wall clock does.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Clock::setSource([now] { return now; });
    QSettings().clear();
    m_console = std::make_unique<ConsoleDriver>();
    ConsoleDriver &c = *m_console;
    c.typeCaseId(Demo::acmeCaseId);
    QTRY_COMPARE(c.model()->rowCount(), 6);

    const QString overdue = pick(Model::FollowUpDue, Model::OverdueRole);
    const QString dueSoon = pick(Model::FollowUpDue, Model::DueSoonRole);
    QVERIFY2(!overdue.isEmpty() && !dueSoon.isEmpty(), "the demo has overdue and due-soon rows");
    const QString failing = pick(Model::Assignee, -1, { overdue, dueSoon });
    const QString edited = pick(Model::Note, -1, { overdue, dueSoon, failing });
    QVERIFY(!failing.isEmpty() && !edited.isEmpty());
    m_cells = { { State::Overdue, { overdue, Model::FollowUpDue } },
                { State::DueSoon, { dueSoon, Model::FollowUpDue } },
                { State::Error, { failing, Model::Assignee } },
                { State::Edited, { edited, Model::Note } } };

    // An error cell: an address Care360 does not know, refused on send.
    STEP(c.editAssignee(failing, QStringLiteral("nobody@acme.example")));
    QTRY_COMPARE(c.model()->pendingCount(), 1);
    c.triggerAction("sendAction");
    QTRY_VERIFY(!c.cell(failing, Model::Assignee).data(Model::ErrorRole).toString().isEmpty());
    // An edited cell, drafted after that send so that it stays a draft.
    STEP(c.editNote(edited, QStringLiteral("Edited in every theme")));
    QTRY_VERIFY(c.cell(edited, Model::Note).data(Model::DirtyRole).toBool());
}

void TestPalette::cleanupTestCase()
{
    m_console.reset();
    QApplication::setPalette(m_originalPalette);
    Clock::setSource({});
}

void TestPalette::addPaletteRows()
{
    QTest::addColumn<QPalette>("palette");
    for (const auto &[name, palette] : palettes())
        QTest::newRow(name) << palette;
}

QString TestPalette::pick(int column, int role, const QStringList &besides) const
{
    for (const Escalation &e : m_console->sandbox()->store().activeEscalations(Demo::acmeCaseId)) {
        const QModelIndex index = m_console->cell(e.id, column);
        if (!besides.contains(e.id) && (role < 0 || index.data(role).toBool()))
            return e.id;
    }
    return QString();
}

void TestPalette::everyStateMeetsAa_data()
{
    addPaletteRows();
    // A theme that gives its text too little contrast already: the states must still be read.
    QTest::newRow("grey-on-grey") << makePalette(QColor(0x77, 0x77, 0x77), QColor(0x90, 0x90, 0x90),
                                                 QColor(0x77, 0x77, 0x77), QColor(0x90, 0x90, 0x90),
                                                 Qt::darkBlue, Qt::white);
}

void TestPalette::everyStateMeetsAa()
{
    QFETCH(QPalette, palette);
    for (const State state : { State::Overdue, State::DueSoon, State::Edited, State::Error,
                               State::Warning, State::Info, State::Sandbox }) {
        for (const auto surface : { QPalette::Base, QPalette::Window }) {
            const double ratio = contrastRatio(StatePalette::foreground(palette, state, surface),
                                               StatePalette::background(palette, state, surface));
            QVERIFY2(ratio >= StatePalette::kMinimumContrast,
                     qPrintable(QStringLiteral("%1: %2").arg(nameOf(state)).arg(ratio)));
        }
        const double onWindow =
            contrastRatio(StatePalette::text(palette, state), palette.color(QPalette::Window));
        QVERIFY2(onWindow >= StatePalette::kMinimumContrast, qPrintable(nameOf(state)));
    }
}

void TestPalette::addStateRows(const QList<State> &states)
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<State>("state");
    for (const auto &[name, palette] : palettes()) {
        for (const State state : states)
            QTest::newRow(qPrintable(name + QLatin1Char('/') + nameOf(state))) << palette << state;
    }
}

void TestPalette::tableCellsAreReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(State, state);
    ConsoleDriver &c = *m_console;
    applyPalette(palette);
    QTableView *table = c.table();
    // Nothing selected or current: those cells are painted in Highlight, not in a state colour.
    table->clearSelection();
    table->setCurrentIndex(QModelIndex());
    const auto [id, column] = m_cells.value(state);
    const QModelIndex index = c.cell(id, column);
    table->scrollTo(index);
    QRect area = table->visualRect(index).adjusted(1, 1, -2, -2);
    if (state == State::Error) // the warning icon is not text
        area.setLeft(area.left() + table->style()->pixelMetric(QStyle::PM_SmallIconSize) + 8);
    const Reading reading = read(table->viewport()->grab().toImage(), area);

    // The cell really wears its state's colour, and its text reads on it.
    check("table", state, reading, StatePalette::background(table->palette(), state),
          StatePalette::foreground(table->palette(), state));
}

Reading TestPalette::readBanner() const
{
    return read(m_console->find<ErrorBanner>("errorBanner")->grab().toImage(),
                m_console->find<QLabel>("bannerText")->geometry());
}

Reading TestPalette::readBadge() const
{
    auto *badge = m_console->find<QLabel>("profileMarker");
    // Inside the 1 px border and its rounded corners.
    return read(badge->grab().toImage(), badge->rect().adjusted(3, 3, -4, -4));
}

void TestPalette::bannerIsReadableAndCalm()
{
    QFETCH(QPalette, palette);
    QFETCH(State, state);
    const auto kind = state == State::Error ? ErrorBanner::Kind::Error
        : state == State::Warning           ? ErrorBanner::Kind::Warning
                                            : ErrorBanner::Kind::Info;
    applyPalette(palette);
    auto *banner = m_console->find<ErrorBanner>("errorBanner");
    banner->showMessage(kind, QStringLiteral("Care360 did not answer in time."), kRequestId,
                        ErrorBanner::Action::Retry);
    if (kind == ErrorBanner::Kind::Error) // the whole window in this theme, for a human eye
        m_console->screenshot(QStringLiteral("tst_palette-")
                              + QString::fromLatin1(QTest::currentDataTag()).section('/', 0, 0));
    const QPalette surface = banner->parentWidget()->palette();
    const QColor background = StatePalette::background(surface, state, QPalette::Window);
    check("banner", state, readBanner(), background,
          StatePalette::foreground(surface, state, QPalette::Window));
    // Calm: a variation of the window, never a bright block in a dark theme.
    QVERIFY(contrastRatio(background, surface.color(QPalette::Window))
            < contrastRatio(background, surface.color(QPalette::WindowText)));
}

void TestPalette::sandboxBadgeIsReadable()
{
    QFETCH(QPalette, palette);
    applyPalette(palette);
    auto *badge = m_console->find<QLabel>("profileMarker");
    QVERIFY(badge->isVisible());
    const QPalette surface = badge->parentWidget()->palette();
    check("badge", State::Sandbox, readBadge(),
          StatePalette::background(surface, State::Sandbox, QPalette::Window),
          StatePalette::foreground(surface, State::Sandbox, QPalette::Window));
}

void TestPalette::themeSwitchRecoloursWhatIsShown()
{
    applyPalette(paletteNamed("light"));
    auto *banner = m_console->find<ErrorBanner>("errorBanner");
    banner->showMessage(ErrorBanner::Kind::Error, QStringLiteral("Care360 refused the change."));
    // The theme turns dark while both are on screen.
    QApplication::setPalette(paletteNamed("dark"));
    const QPalette surface = banner->parentWidget()->palette();
    const QColor expected = StatePalette::background(surface, State::Error, QPalette::Window);
    QTRY_COMPARE(readBanner().background.name(), expected.name());
    QVERIFY(readBanner().ratio >= StatePalette::kMinimumContrast);
    QTRY_COMPARE(readBadge().background.name(),
                 StatePalette::background(surface, State::Sandbox, QPalette::Window).name());
}

void TestPalette::requestIdStaysWholeAndCopiesAsItIs()
{
    applyPalette(paletteNamed("light"));
    auto *banner = m_console->find<ErrorBanner>("errorBanner");
    auto *label = m_console->find<QLabel>("bannerText");
    const QString message = QStringLiteral("Care360 did not answer in time. <b>Not bold</b> & co.");
    banner->showMessage(ErrorBanner::Kind::Error, message, kRequestId);
    // Plain text, markup shown as typed, the ID with its real hyphens.
    QCOMPARE(banner->message(), message + QStringLiteral(" (Request ID %1)").arg(kRequestId));
    QVERIFY(label->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    label->setSelection(0, banner->message().size());
    QVERIFY2(label->selectedText().contains(kRequestId), qPrintable(label->selectedText()));
    QVERIFY2(label->selectedText().contains(QStringLiteral("<b>Not bold</b> & co.")),
             qPrintable(label->selectedText()));

    // The label's text laid out at every width from the ID's own up: its ID sits on one line.
    QTextDocument document;
    document.setDefaultFont(label->font());
    document.setHtml(label->text());
    const int start = document.toPlainText().indexOf(kRequestId);
    const QTextBlock block = document.findBlock(start);
    const auto lineOf = [&block](int position) {
        return block.layout()->lineForTextPosition(position - block.position()).lineNumber();
    };
    const int idWidth =
        label->fontMetrics().horizontalAdvance(QStringLiteral("(Request ID %1)").arg(kRequestId));
    for (int width = idWidth + 12; width < 3 * idWidth; width += 5) {
        document.setTextWidth(width);
        (void)document.size(); // lays it out
        QVERIFY2(lineOf(start) == lineOf(start + kRequestId.size() - 1),
                 qPrintable(QStringLiteral("split at width %1").arg(width)));
    }
}

void TestPalette::keyDialogErrorIsReadableAndWraps()
{
    QFETCH(QPalette, palette);
    applyPalette(palette);
    ApiKeyDialog dialog(m_console->core(), m_console->window());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Save with nothing typed: the dialog explains in its error colour.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveKeyButton")),
                      Qt::LeftButton);
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("keyStatusLabel"));
    QTRY_VERIFY(status->isVisible());
    QVERIFY(status->property("error").toBool());
    QCoreApplication::processEvents();
    const QRect area(status->mapTo(&dialog, QPoint(0, 0)), status->size());
    check("key-dialog", State::Error, read(dialog.grab().toImage(), area),
          dialog.palette().color(QPalette::Window),
          StatePalette::text(dialog.palette(), State::Error));

    // As opened and squeezed to its smallest, the messages wrap and every line of them shows.
    for (const bool squeezed : { false, true }) {
        if (squeezed)
            dialog.resize(1, 1);
        QCoreApplication::processEvents();
        for (const char *name : { "keyStatusLabel", "keychainStateLabel" }) {
            auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
            QVERIFY2(label->wordWrap(), name);
            QVERIFY2(label->height() >= label->heightForWidth(label->width()), name);
        }
    }
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
