#include "models/assigneedirectory.h"
#include "models/teamdirectory.h"

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
    void completionsOfferOnlyAssignablePeople();
    void rolesSurviveTheSettings();
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

void TestAssigneeDirectory::completionsOfferOnlyAssignablePeople()
{
    // Only CVTPA users can be assigned escalations (api-notes.md); a person without a role might
    // be one. Imported the way the agent does, through a file with a role column.
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(
        "userId,email,name,role\r\n"
        "a5e20000-0000-4000-8000-000000000001,agent@acme.example,Abe Agent,CVTPA\r\n"
        "a5e20000-0000-4000-8000-000000000002,nurse@acme.example,Nora Nurse,\r\n"
        "a5e20000-0000-4000-8000-000000000003,manager@acme.example,Mia Manager,CASEMANAGER\r\n");
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    AssigneeDirectory directory;
    directory.setTeam(parsed.members);
    // The same address learnt from another case is still the manager's.
    directory.learn(QStringLiteral("u9"), QStringLiteral("Manager@acme.example"));
    directory.learn(QStringLiteral("u8"), QStringLiteral("billing@acme.example"));
    QCOMPARE(directory.completions(),
             (QStringList { QStringLiteral("Abe Agent <agent@acme.example>"),
                            QStringLiteral("billing@acme.example"),
                            QStringLiteral("Nora Nurse <nurse@acme.example>") }));
    // The manager is still known by name in the table: only the offer leaves them out.
    QCOMPARE(directory.personFor(QStringLiteral("a5e20000-0000-4000-8000-000000000003")),
             QStringLiteral("Mia Manager"));
}

void TestAssigneeDirectory::rolesSurviveTheSettings()
{
    const QString manager = QStringLiteral("a5e20000-0000-4000-8000-000000000003");
    const QString agent = QStringLiteral("a5e20000-0000-4000-8000-000000000001");
    AssigneeDirectory original;
    original.setTeam({ { manager, QStringLiteral("manager@acme.example"), QString(),
                         QStringLiteral("CASEMANAGER") },
                       { agent, QStringLiteral("agent@acme.example"), QString(), QString() } });
    QVariantList stored = original.teamToVariantList();
    // A hand-edited settings file with a role Care360 does not have: that entry is skipped.
    stored << QVariantMap { { QStringLiteral("userId"),
                              QStringLiteral("a5e20000-0000-4000-8000-000000000004") },
                            { QStringLiteral("email"), QStringLiteral("x@acme.example") },
                            { QStringLiteral("role"), QStringLiteral("SUPERUSER") } };
    AssigneeDirectory loaded;
    loaded.teamFromVariantList(stored);
    QCOMPARE(loaded.team(), original.team());
    QCOMPARE(loaded.completions(), QStringList { QStringLiteral("agent@acme.example") });
}

QTEST_GUILESS_MAIN(TestAssigneeDirectory)
#include "tst_assigneedirectory.moc"
