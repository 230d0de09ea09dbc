#include "models/assigneedirectory.h"

#include <QSignalSpy>
#include <QTest>

using namespace Care360;

class TestAssigneeDirectory : public QObject {
    Q_OBJECT
private slots:
    void learnsAndForgetsNothing();
    void roundTripsThroughVariantMap();
    void skipsImplausibleStoredEntries();
    void shortensUserIds();
};

void TestAssigneeDirectory::learnsAndForgetsNothing()
{
    AssigneeDirectory directory;
    QSignalSpy changed(&directory, &AssigneeDirectory::changed);
    QVERIFY(directory.learn(QStringLiteral("u1"), QStringLiteral(" b@example.com ")));
    QVERIFY(!directory.learn(QStringLiteral("u1"), QStringLiteral("b@example.com")));
    QVERIFY(directory.learn(QStringLiteral("u2"), QStringLiteral("a@example.com")));
    QVERIFY(directory.learn(QStringLiteral("u3"), QStringLiteral("A@example.com")));
    QVERIFY(!directory.learn(QString(), QStringLiteral("x@example.com")));
    QVERIFY(!directory.learn(QStringLiteral("u4"), QString()));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(directory.emailFor(QStringLiteral("u1")), QStringLiteral("b@example.com"));
    QCOMPARE(directory.emailFor(QStringLiteral("nobody")), QString());
    QCOMPARE(directory.size(), 3);
    const QStringList emails = directory.knownEmails();
    QCOMPARE(emails.size(), 2); // the same address in two cases counts once
    QCOMPARE(emails.at(1), QStringLiteral("b@example.com"));
    QVERIFY(emails.at(0).compare(QStringLiteral("a@example.com"), Qt::CaseInsensitive) == 0);
}

void TestAssigneeDirectory::roundTripsThroughVariantMap()
{
    AssigneeDirectory a;
    a.learn(QStringLiteral("u1"), QStringLiteral("one@example.com"));
    a.learn(QStringLiteral("u2"), QStringLiteral("two@example.com"));
    const QVariantMap map = a.toVariantMap();
    QCOMPARE(map.value(QStringLiteral("u2")).toString(), QStringLiteral("two@example.com"));
    AssigneeDirectory b;
    QSignalSpy changed(&b, &AssigneeDirectory::changed);
    b.fromVariantMap(map);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(b.toVariantMap(), map);
    b.fromVariantMap(map);
    QCOMPARE(changed.size(), 1); // unchanged content, no signal
}

void TestAssigneeDirectory::skipsImplausibleStoredEntries()
{
    AssigneeDirectory directory;
    directory.fromVariantMap({ { QStringLiteral("u1"), QStringLiteral("ok@example.com") },
                               { QStringLiteral("u2"), QStringLiteral("not an e-mail") },
                               { QStringLiteral("u3"), 42 },
                               { QString(), QStringLiteral("x@example.com") } });
    QCOMPARE(directory.size(), 1);
    QCOMPARE(directory.emailFor(QStringLiteral("u1")), QStringLiteral("ok@example.com"));
}

void TestAssigneeDirectory::shortensUserIds()
{
    QCOMPARE(AssigneeDirectory::shortUserId(QStringLiteral("u1v2w3x4-y5z6-7890-abcd-ef12")),
             QStringLiteral("u1v2w3x4…"));
    QCOMPARE(AssigneeDirectory::shortUserId(QStringLiteral("short")), QStringLiteral("short"));
}

QTEST_GUILESS_MAIN(TestAssigneeDirectory)
#include "tst_assigneedirectory.moc"
