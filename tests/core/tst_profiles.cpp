// Organisation profiles with the real keychain and a sandbox holding two organisations (the demo
// data's Acme and Globex) on one address: each profile's key in its own entry, switching with
// the selector alone, the wrong-organisation hint, removal, and the migration of the single-key
// settings kept before profiles.
#include "tests/testsession.h"

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/credentials/profilekeys.h"
#include "app/sandbox/demodata.h"
#include "app/sandbox/sandboxserver.h"
#include "app/session/profilestore.h"
#include "app/session/settings.h"
#include "app/translations.h"
#include "models/escalationtablemodel.h"
#include "tests/credentials/keychaintesthelpers.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Care360;
namespace Demo = Care360::Sandbox::Demo;
using Step = CaseWorkspace::Step;
using Status = CredentialResult::Status;

class TestProfiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void namesAreUniqueComparedCaseInsensitively();
    void twoOrganisationsOnOneAddressKeepTheirOwnKeys();
    void removingAProfileDeletesOnlyItsOwnEntry();
    void singleKeySettingsMigrateOnFirstStart();

private:
    void makeCore();
    // The raw keychain entry, as any other program reads it.
    CredentialResult entry(const QString &name);
    ApiOutcome load(const QString &caseId);
    Profile addOnServer(const QString &name);

    Sandbox::SandboxServer m_server;
    CredentialStore m_store;
    std::unique_ptr<ConsoleServices> m_services;
    CaseWorkspace *m_core = nullptr;
};

void TestProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // QSettings writes nothing without an organisation name, and profiles are saved settings.
    QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
    installTranslations(*QCoreApplication::instance());
    CARE360_REQUIRE_SESSION_BUS();
    QVERIFY(m_server.listen() != 0);
}

void TestProfiles::init()
{
    QSettings().clear();
    m_server.store().loadDemo();
}

void TestProfiles::cleanup()
{
    m_services.reset();
    for (const Profile &profile : ProfileStore().profiles()) {
        QSignalSpy removed(&m_store, &CredentialStore::removeFinished);
        m_store.remove(ProfileKeys::entryName(profile.id));
        QVERIFY(removed.wait(10000));
    }
}

void TestProfiles::makeCore()
{
    m_services = std::make_unique<ConsoleServices>();
    m_core = m_services->createWorkspace();
}

CredentialResult TestProfiles::entry(const QString &name)
{
    QSignalSpy spy(&m_store, &CredentialStore::readFinished);
    m_store.read(name);
    if (!spy.wait(10000))
        return {};
    return spy.at(0).at(1).value<CredentialResult>();
}

ApiOutcome TestProfiles::load(const QString &caseId)
{
    QSignalSpy finished(m_core, &CaseWorkspace::finished);
    if (m_core->loadCase(caseId, CaseWorkspace::Confirmation::Given) != Step::Started
        || !finished.wait(10000))
        return {};
    return finished.at(0).at(1).value<ApiOutcome>();
}

Profile TestProfiles::addOnServer(const QString &name)
{
    QString problem;
    const auto added = ProfileStore().add(name, Environment::custom(m_server.baseUrl()), &problem);
    if (!added)
        qWarning("%s", qPrintable(problem));
    return added.value_or(Profile());
}

void TestProfiles::namesAreUniqueComparedCaseInsensitively()
{
    ProfileStore store;
    QString problem;
    QVERIFY(store.add(QStringLiteral("Acme Pharmacy"), Environment::production(), &problem));
    QVERIFY(!store.add(QStringLiteral("  ACME pharmacy "), Environment::staging(), &problem));
    QCOMPARE(problem,
             QStringLiteral("There is already an organisation called \"Acme Pharmacy\". "
                            "Choose another name."));
    const auto globex = store.add(QStringLiteral("Globex"), Environment::production(), &problem);
    QVERIFY(globex);
    QVERIFY(!store.rename(globex->id, QStringLiteral("acme PHARMACY"), &problem));
    QVERIFY(!store.add(QStringLiteral("Two\nlines"), Environment::production(), &problem));
    QVERIFY(!store.add(QStringLiteral("   "), Environment::production(), &problem));
    QVERIFY(store.rename(globex->id, QStringLiteral("Globex Health"), &problem));
    // By name in any case, or by id; the id never changes.
    QCOMPARE(store.find(QStringLiteral("globex health"))->id, globex->id);
    QCOMPARE(store.find(globex->id)->name, QStringLiteral("Globex Health"));
}

void TestProfiles::twoOrganisationsOnOneAddressKeepTheirOwnKeys()
{
    const Profile acme = addOnServer(QStringLiteral("Acme Pharmacy"));
    const Profile globex = addOnServer(QStringLiteral("Globex Health"));
    makeCore();
    QSignalSpy saved(m_core, &CaseWorkspace::keySaveFinished);

    // Each key is entered once, in its own profile.
    QCOMPARE(m_core->selectProfile(acme), Step::Started);
    QTRY_COMPARE(m_core->keyStateText(), QStringLiteral("No API key"));
    m_core->saveKey(Demo::acmeApiKey);
    QVERIFY(saved.wait(10000));
    QCOMPARE(load(Demo::acmeCaseId).kind, ApiOutcome::Kind::Listed);
    QCOMPARE(m_core->selectProfile(globex), Step::Started);
    QTRY_COMPARE(m_core->keyStateText(), QStringLiteral("No API key"));
    m_core->saveKey(Demo::globexApiKey);
    QVERIFY(saved.wait(10000));
    QCOMPARE(load(Demo::globexCaseId).kind, ApiOutcome::Kind::Listed);

    // The keychain holds one entry per profile id, each with its own organisation's key.
    QCOMPARE(entry(ProfileKeys::entryName(acme.id)).key, Demo::acmeApiKey);
    QCOMPARE(entry(ProfileKeys::entryName(globex.id)).key, Demo::globexApiKey);
    QCOMPARE(entry(CredentialStore::keyName(m_server.baseUrl())).status, Status::NotFound);

    // Acme's case under Globex: refused, and the profile that opened it is offered (the
    // console never tries another key by itself).
    const ApiOutcome refused = load(Demo::acmeCaseId);
    QVERIFY2(refused.kind == ApiOutcome::Kind::PermissionDenied
                 || refused.kind == ApiOutcome::Kind::InvalidApiKey,
             qPrintable(refused.userMessage()));
    QCOMPARE(m_server.store().activeEscalations(Demo::acmeCaseId).size(), 6);
    const QList<Profile> others = m_core->otherProfilesThatOpened(Demo::acmeCaseId);
    QCOMPARE(others.size(), 1);
    QCOMPARE(others.constFirst().id, acme.id);
    QCOMPARE(m_core->profileLastUsedFor(Demo::acmeCaseId)->id, acme.id);
    QVERIFY(!m_core->profileLastUsedFor(Demo::globexCaseId));

    // Back to Acme with the selector alone: its key is read, not asked for.
    QCOMPARE(m_core->selectProfile(acme), Step::Started);
    QTRY_VERIFY(m_core->hasKey());
    QCOMPARE(saved.size(), 2);
    QCOMPARE(load(Demo::acmeCaseId).kind, ApiOutcome::Kind::Listed);
    QCOMPARE(m_core->recentCases(), QStringList { Demo::acmeCaseId });
}

void TestProfiles::removingAProfileDeletesOnlyItsOwnEntry()
{
    const Profile acme = addOnServer(QStringLiteral("Acme Pharmacy"));
    const Profile globex = addOnServer(QStringLiteral("Globex Health"));
    makeCore();
    ProfileKeys *keys = m_services->profileKeys();
    QSignalSpy written(keys, &ProfileKeys::writeFinished);
    keys->write(acme, Demo::acmeApiKey);
    keys->write(globex, Demo::globexApiKey);
    QTRY_COMPARE(written.size(), 2);
    QSignalSpy removed(keys, &ProfileKeys::removeFinished);
    keys->remove(acme);
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.at(0).at(0).toString(), acme.id);
    QVERIFY(ProfileStore().remove(acme.id));
    QCOMPARE(entry(ProfileKeys::entryName(acme.id)).status, Status::NotFound);
    QCOMPARE(entry(ProfileKeys::entryName(globex.id)).key, Demo::globexApiKey);
    QCOMPARE(ProfileStore().profiles().size(), 1);
}

void TestProfiles::singleKeySettingsMigrateOnFirstStart()
{
    // What the console kept before profiles: the custom address used last, its recent case,
    // a team directory, and one key per address (Staging's too, never opened since).
    {
        QSettings old;
        old.setValue(QStringLiteral("connection/environment"), QStringLiteral("custom"));
        old.setValue(QStringLiteral("connection/customBaseUrl"), m_server.baseUrl());
        old.setValue(QStringLiteral("cases/recent"), QStringList { Demo::acmeCaseId });
        old.setValue(QStringLiteral("assignees/teamDirectory"),
                     QVariantList {
                         QVariantMap { { QStringLiteral("userId"),
                                         QStringLiteral("7b0c1d2e-0000-4000-8000-000000000001") },
                                       { QStringLiteral("email"), QStringLiteral("a@example.org") },
                                       { QStringLiteral("name"), QStringLiteral("Ana") } } });
    }
    const QString customEntry = CredentialStore::keyName(m_server.baseUrl());
    const QString stagingEntry = CredentialStore::keyName(Environment::staging().baseUrl);
    QVERIFY(KeychainTest::writeKey(m_store, m_server.baseUrl(), Demo::acmeApiKey).isSuccess());
    QVERIFY(KeychainTest::writeKey(m_store, Environment::staging().baseUrl,
                                   QStringLiteral("staging-key"))
                .isSuccess());

    makeCore();
    m_core->start({});
    QTRY_VERIFY(m_core->hasKey()); // not asked for again
    const Profile migrated = m_core->profile();
    QVERIFY(migrated.fromAddress);
    QCOMPARE(migrated.place, customEntry); // its drafts and follow-ups stay where they were
    QCOMPARE(m_core->recentCases(), QStringList { Demo::acmeCaseId });
    QCOMPARE(m_core->assigneeCompletions(), QStringList { QStringLiteral("Ana <a@example.org>") });
    QCOMPARE(load(Demo::acmeCaseId).kind, ApiOutcome::Kind::Listed);

    // The key moved to the profile's own entry, and Staging's to a profile made for it.
    QTRY_COMPARE(ProfileStore().profiles().size(), 2);
    QCOMPARE(entry(ProfileKeys::entryName(migrated.id)).key, Demo::acmeApiKey);
    QCOMPARE(entry(customEntry).status, Status::NotFound);
    const auto staging = ProfileStore().find(QStringLiteral("Staging"));
    QVERIFY(staging);
    QTRY_COMPARE(entry(ProfileKeys::entryName(staging->id)).key, QStringLiteral("staging-key"));
    QCOMPARE(entry(stagingEntry).status, Status::NotFound);
    // No key for Production: no profile was made for it.
    QVERIFY(!ProfileStore().find(QStringLiteral("Production")));
}

QTEST_MAIN(TestProfiles)
#include "tst_profiles.moc"
