// The sandbox data-file format: what loads, and errors that name the wrong field.
#include "app/sandbox/datafile.h"
#include "app/sandbox/sandboxstore.h"
#include "contractfixture.h"
#include "models/contractcodec.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <sys/stat.h>

using namespace Care360;
using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

namespace {

QJsonObject fixture()
{
    QString error;
    const std::optional<QJsonObject> json = DataFile::readJson(Contract::dataFile, &error);
    if (!json)
        qFatal("%s", qPrintable(error));
    return *json;
}

// Sets a value at a path of keys and array indexes, e.g. {"organizations", 0, "name"}.
QJsonValue withValue(const QJsonValue &node, const QVariantList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariantList rest = path.mid(1);
    if (path.first().userType() == QMetaType::Int) {
        QJsonArray array = node.toArray();
        const int index = path.first().toInt();
        array[index] = withValue(array.at(index), rest, value);
        return array;
    }
    QJsonObject object = node.toObject();
    const QString key = path.first().toString();
    if (value.isUndefined() && rest.isEmpty())
        object.remove(key);
    else
        object.insert(key, withValue(object.value(key), rest, value));
    return object;
}

const QVariantList kEsc0 { QStringLiteral("organizations"), 0, QStringLiteral("cases"), 0,
                           QStringLiteral("escalations"),   0 };

} // namespace

class TestSandboxDataFile : public QObject {
    Q_OBJECT
private slots:
    void init();
    void loadsTheFixture();
    void rejectsBadDataNamingTheField_data();
    void rejectsBadDataNamingTheField();
    void aFailedLoadKeepsTheOldData();
    void loadFileNamesFileAndSyntaxErrors();
    void refusesDevicesFifosAndHugeFiles();

private:
    SandboxStore m_store;
};

void TestSandboxDataFile::init()
{
    QString error;
    QVERIFY2(m_store.load(fixture(), &error), qPrintable(error));
}

void TestSandboxDataFile::loadsTheFixture()
{
    const QList<Escalation> active = m_store.activeEscalations(Contract::caseId);
    QCOMPARE(active.size(), 1);
    QCOMPARE(active.at(0).id, Contract::escalationId);
    QCOMPARE(active.at(0).title, QStringLiteral("Address verification"));
    QCOMPARE(Codec::formatTimestamp(active.at(0).createdAt),
             QStringLiteral("2025-05-10T08:00:00.000Z"));
    QVERIFY(!active.at(0).note.has_value());
    QVERIFY(m_store.escalation(Contract::caseId, Contract::completedId)->isCompleted);
    QCOMPARE(m_store.userEmail(QStringLiteral("u1v2w3x4-y5z6-7890-abcd-ef1234567890")),
             QStringLiteral("newagent@example.com"));
    QCOMPARE(m_store.userEmail(QStringLiteral("nobody")), QString());
    // Without updatedAt in the file, the escalation counts as updated at creation.
    const std::optional<Escalation> other = m_store.escalation(
        Contract::otherCaseId, QStringLiteral("d0d0d0d0-0000-4000-8000-000000000001"));
    QVERIFY(other);
    QCOMPARE(other->updatedAt, std::optional<QDateTime>(other->createdAt));
}

void TestSandboxDataFile::rejectsBadDataNamingTheField_data()
{
    QTest::addColumn<QVariantList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    const QString esc = QStringLiteral("organizations[0].cases[0].escalations[0].");
    QTest::newRow("follow-up not a date")
        << (kEsc0 + QVariantList { QStringLiteral("followUpDueAt") })
        << QJsonValue(QStringLiteral("next week"))
        << esc + QStringLiteral("followUpDueAt: not an ISO 8601 date-time");
    QTest::newRow("follow-up without zone")
        << (kEsc0 + QVariantList { QStringLiteral("followUpDueAt") })
        << QJsonValue(QStringLiteral("2025-06-15T09:00:00"))
        << esc + QStringLiteral("followUpDueAt: not an ISO 8601 date-time");
    QTest::newRow("createdAt missing")
        << (kEsc0 + QVariantList { QStringLiteral("createdAt") })
        << QJsonValue(QJsonValue::Undefined) << esc + QStringLiteral("createdAt: required");
    QTest::newRow("id not a UUID")
        << (kEsc0 + QVariantList { QStringLiteral("id") }) << QJsonValue(QStringLiteral("esc-1"))
        << esc + QStringLiteral("id: not a valid UUID");
    QTest::newRow("unknown type") << (kEsc0 + QVariantList { QStringLiteral("type") })
                                  << QJsonValue(QStringLiteral("billing"))
                                  << esc
            + QStringLiteral("type: not one of support, clinical, external");
    QTest::newRow("isCompleted a string")
        << (kEsc0 + QVariantList { QStringLiteral("isCompleted") })
        << QJsonValue(QStringLiteral("no")) << esc + QStringLiteral("isCompleted: not a boolean");
    QTest::newRow("note a number")
        << (kEsc0 + QVariantList { QStringLiteral("note") }) << QJsonValue(3)
        << esc + QStringLiteral("note: not a string or null");
    QTest::newRow("typo in a key")
        << (kEsc0 + QVariantList { QStringLiteral("assignedTo") }) << QJsonValue(QJsonValue::Null)
        << esc + QStringLiteral("assignedTo: unknown field");
    QTest::newRow("duplicate escalation id")
        << QVariantList { QStringLiteral("organizations"), 0, QStringLiteral("cases"), 0,
                          QStringLiteral("escalations"),   1, QStringLiteral("id") }
        << QJsonValue(Contract::escalationId)
        << QStringLiteral("organizations[0].cases[0].escalations[1].id: used twice in this case");
    QTest::newRow("bad role")
        << QVariantList { QStringLiteral("organizations"), 0, QStringLiteral("users"), 1,
                          QStringLiteral("role") }
        << QJsonValue(QStringLiteral("cvtpa"))
        << QStringLiteral("organizations[0].users[1].role: not one of USER, CASEMANAGER, "
                          "CASEWORKER, ADMIN, CVADMIN, CVTPA");
    QTest::newRow("bad email")
        << QVariantList { QStringLiteral("organizations"), 0, QStringLiteral("users"), 0,
                          QStringLiteral("email") }
        << QJsonValue(QStringLiteral("newagent"))
        << QStringLiteral("organizations[0].users[0].email: not a valid e-mail address");
    QTest::newRow("key shared by two organisations")
        << QVariantList { QStringLiteral("organizations"), 1, QStringLiteral("apiKeys"), 0 }
        << QJsonValue(QStringLiteral("contract-key"))
        << QStringLiteral("organizations[1].apiKeys[0]: API key used twice");
    QTest::newRow("no keys") << QVariantList { QStringLiteral("organizations"), 0,
                                               QStringLiteral("apiKeys") }
                             << QJsonValue(QJsonArray())
                             << QStringLiteral(
                                    "organizations[0].apiKeys: at least one API key is required");
    QTest::newRow("case id used twice") << QVariantList {
        QStringLiteral("organizations"), 1, QStringLiteral("cases"), 0, QStringLiteral("id")
    } << QJsonValue(Contract::caseId) << QStringLiteral("organizations[1].cases[0].id: used twice");
    QTest::newRow("cases not an array")
        << QVariantList { QStringLiteral("organizations"), 1, QStringLiteral("cases") }
        << QJsonValue(QStringLiteral("none"))
        << QStringLiteral("organizations[1].cases: not an array");
    QTest::newRow("no organizations")
        << QVariantList { QStringLiteral("organizations") } << QJsonValue(QJsonValue::Undefined)
        << QStringLiteral("organizations: required");
}

void TestSandboxDataFile::rejectsBadDataNamingTheField()
{
    QFETCH(QVariantList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QJsonObject data = withValue(fixture(), path, value).toObject();
    QString error;
    SandboxStore store;
    QVERIFY(!store.load(data, &error));
    QCOMPARE(error, expected);
}

void TestSandboxDataFile::aFailedLoadKeepsTheOldData()
{
    QString error;
    QVERIFY(!m_store.load(QJsonObject { { QStringLiteral("organizations"), 1 } }, &error));
    QCOMPARE(m_store.activeEscalations(Contract::caseId).size(), 1);
}

void TestSandboxDataFile::loadFileNamesFileAndSyntaxErrors()
{
    QString error;
    QVERIFY(!m_store.loadFile(QStringLiteral("/nonexistent/sandbox.json"), &error));
    QVERIFY2(error.startsWith(QLatin1String("/nonexistent/sandbox.json: ")), qPrintable(error));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("{ \"organizations\": [ }");
    file.flush();
    QVERIFY(!m_store.loadFile(file.fileName(), &error));
    QVERIFY2(error.contains(QLatin1String("not valid JSON at offset")), qPrintable(error));

    QVERIFY(file.resize(0));
    file.write(
        R"({"organizations":[{"name":"X","apiKeys":["k"],"cases":[{"id":"c","escalations":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","type":"support","title":"T","createdAt":"yesterday"}]}]}]})");
    file.flush();
    QVERIFY(!m_store.loadFile(file.fileName(), &error));
    QCOMPARE(
        error,
        file.fileName()
            + QStringLiteral(
                ": organizations[0].cases[0].escalations[0].createdAt: not an ISO 8601 date-time"));
}

void TestSandboxDataFile::refusesDevicesFifosAndHugeFiles()
{
    QString error;
    // /dev/zero once grew the process to 5 GB; a FIFO hung it silently.
    QVERIFY(!m_store.loadFile(QStringLiteral("/dev/zero"), &error));
    QCOMPARE(error, QStringLiteral("/dev/zero: not a regular file"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("data.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!m_store.loadFile(fifo, &error));
    QCOMPARE(error, fifo + QStringLiteral(": not a regular file"));

    QFile huge(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(DataFile::maxBytes + 1)); // sparse: nothing is really written
    huge.close();
    QVERIFY(!m_store.loadFile(huge.fileName(), &error));
    QCOMPARE(error, huge.fileName() + QStringLiteral(": larger than 32 MiB"));
    QCOMPARE(m_store.organizations().size(), 2); // the loaded data is untouched
}

QTEST_MAIN(TestSandboxDataFile)
#include "tst_sandbox_datafile.moc"
