// The console writes a moment one way everywhere: four-digit years, no seconds.
#include "models/datetext.h"

#include <QTest>

using namespace Care360;

class TestDateText : public QObject {
    Q_OBJECT
private slots:
    void writesFourDigitYearsAndNoSeconds_data();
    void writesFourDigitYearsAndNoSeconds();
    void invalidMomentIsEmpty();
    void usEnglishKeepsItsOrderAndAmPm();
};

void TestDateText::writesFourDigitYearsAndNoSeconds_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    // The C locale's short time has seconds ("HH:mm:ss"), Spanish and German dates two-digit
    // years ("d/M/yy", "dd.MM.yy"): both were shown as such in the table before.
    QTest::newRow("C") << "C"
                       << "14 Dec 2026 09:05";
    QTest::newRow("es_ES") << "es_ES"
                           << "14/12/2026 9:05";
    QTest::newRow("de_DE") << "de_DE"
                           << "14.12.2026 09:05";
    QTest::newRow("en_GB") << "en_GB"
                           << "14/12/2026 09:05";
}

void TestDateText::writesFourDigitYearsAndNoSeconds()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    const QDateTime local(QDate(2026, 12, 14), QTime(9, 5, 47));
    QCOMPARE(DateText::dateTime(local.toUTC(), QLocale(locale)), expected);
}

void TestDateText::invalidMomentIsEmpty()
{
    QCOMPARE(DateText::dateTime(QDateTime(), QLocale::c()), QString());
}

void TestDateText::usEnglishKeepsItsOrderAndAmPm()
{
    // US English keeps its order and its AM/PM (whose space differs between CLDR versions).
    const QString us = DateText::dateTime(QDateTime(QDate(2026, 12, 14), QTime(9, 5, 47)).toUTC(),
                                          QLocale(QStringLiteral("en_US")));
    QVERIFY2(us.startsWith(QStringLiteral("12/14/2026 9:05")) && us.endsWith(QStringLiteral("AM")),
             qPrintable(us));
}

QTEST_GUILESS_MAIN(TestDateText)
#include "tst_datetext.moc"
