// The organisation selector: each profile is named with its environment, carries a marker in its
// own colour that a screen reader names, and is chosen by keyboard; its last entry opens the
// Organisations dialog.
#include "ui/environmentbar.h"
#include "ui/statepalette.h"

#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace Care360;

class TestEnvironmentBar : public QObject {
    Q_OBJECT
private slots:
    void profilesAreNamedWithTheirEnvironment();
    void eachOrganisationHasItsOwnMarker();
    void keyboardChoosesAProfileOrTheDialog();

private:
    static QList<Profile> twoOnProduction();
};

QList<Profile> TestEnvironmentBar::twoOnProduction()
{
    Profile practice;
    practice.id = Profile::practiceId(0);
    practice.name = QStringLiteral("Acme Pharmacy (practice)");
    practice.environment = Environment::sandbox(QUrl(QStringLiteral("http://127.0.0.1:1")));
    practice.practiceIndex = 0;
    Profile acme { QStringLiteral("id-acme"), QStringLiteral("Acme Pharmacy"),
                   Environment::production(), QStringLiteral("profile:id-acme") };
    Profile beta { QStringLiteral("id-beta"), QStringLiteral("Beta Health"),
                   Environment::production(), QStringLiteral("profile:id-beta") };
    beta.order = 1;
    return { practice, acme, beta };
}

void TestEnvironmentBar::profilesAreNamedWithTheirEnvironment()
{
    EnvironmentBar bar;
    const QList<Profile> profiles = twoOnProduction();
    bar.setProfiles(profiles, profiles.at(1));
    auto *combo = bar.findChild<QComboBox *>(QStringLiteral("environmentCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), QStringLiteral("Acme Pharmacy — Production"));
    QCOMPARE(combo->itemText(0), QStringLiteral("Acme Pharmacy (practice) — Sandbox"));
    QCOMPARE(combo->itemText(2), QStringLiteral("Beta Health — Production"));
    QCOMPARE(combo->itemText(combo->count() - 1), QStringLiteral("Organisations…"));
    // Orca 43 reads a closed combo's description: the organisation leads it.
    QVERIFY2(combo->toolTip().startsWith(QStringLiteral("Acme Pharmacy — Production (https://")),
             qPrintable(combo->toolTip()));
    auto *marker = bar.findChild<QLabel *>(QStringLiteral("profileMarker"));
    QCOMPARE(marker->text(), QStringLiteral("Acme Pharmacy"));
    QCOMPARE(marker->accessibleName(), QStringLiteral("Organisation: Acme Pharmacy — Production"));
    bar.setProfiles(profiles, profiles.at(0));
    QCOMPARE(marker->text(), QStringLiteral("Practice data"));
}

void TestEnvironmentBar::eachOrganisationHasItsOwnMarker()
{
    const QPalette light = QPalette(QColor(0xef, 0xef, 0xef));
    const QPalette dark = QPalette(QColor(0x30, 0x30, 0x30));
    for (const QPalette &palette : { light, dark }) {
        QSet<QRgb> seen;
        for (int index = 0; index < 6; ++index) {
            const QColor background =
                StatePalette::markerBackground(palette, index, QPalette::Window);
            const QColor text = StatePalette::markerForeground(palette, index, QPalette::Window);
            QVERIFY2(!seen.contains(background.rgb()), qPrintable(background.name()));
            seen.insert(background.rgb());
            QVERIFY2(StatePalette::contrastRatio(text, background)
                         >= StatePalette::kMinimumContrast,
                     qPrintable(text.name() + QLatin1Char('/') + background.name()));
        }
    }
    // Two organisations on one address look different in the bar.
    EnvironmentBar bar;
    const QList<Profile> profiles = twoOnProduction();
    auto *marker = bar.findChild<QLabel *>(QStringLiteral("profileMarker"));
    bar.setProfiles(profiles, profiles.at(1));
    const QColor acme = marker->palette().color(QPalette::Window);
    bar.setProfiles(profiles, profiles.at(2));
    QVERIFY(marker->palette().color(QPalette::Window) != acme);
}

void TestEnvironmentBar::keyboardChoosesAProfileOrTheDialog()
{
    EnvironmentBar bar;
    const QList<Profile> profiles = twoOnProduction();
    bar.setProfiles(profiles, profiles.at(1));
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto *combo = bar.findChild<QComboBox *>(QStringLiteral("environmentCombo"));
    combo->setFocus();
    QSignalSpy requested(&bar, &EnvironmentBar::profileRequested);
    QSignalSpy manage(&bar, &EnvironmentBar::manageRequested);
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).value<Profile>().id, QStringLiteral("id-beta"));
    QTest::keyClick(combo, Qt::Key_End);
    QCOMPARE(manage.size(), 1);
    // The dialog decides; meanwhile the box shows the open profile again.
    QCOMPARE(combo->currentText(), QStringLiteral("Acme Pharmacy — Production"));
}

QTEST_MAIN(TestEnvironmentBar)
#include "tst_environmentbar.moc"
