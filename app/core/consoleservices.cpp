#include "consoleservices.h"

#include "caseworkspace.h"

#include "app/credentials/credentialstore.h"
#include "app/credentials/profilekeys.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/journalkey.h"
#include "app/followups/followupdatabase.h"
#include "app/followups/followupstore.h"
#include "app/network/networksetup.h"
#include "app/network/proxylogins.h"
#include "app/session/preferences.h"
#include "app/session/profilestore.h"
#include "legacykeysweep.h"
#include "models/environment.h"
#include "models/wirenames.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Care360 {

namespace {
// A workspace's handle on the one running practice server, which the services own.
class SharedPracticeServer : public PracticeServer {
public:
    explicit SharedPracticeServer(const PracticeServer *server)
        : m_server(server)
    {
    }
    QUrl baseUrl() const override { return m_server->baseUrl(); }
    QList<PracticeOrganisation> practiceOrganisations() const override
    {
        return m_server->practiceOrganisations();
    }
    QList<PracticeCase> practiceCases(int organisation) const override
    {
        return m_server->practiceCases(organisation);
    }

private:
    const PracticeServer *m_server;
};
} // namespace

ConsoleServices::ConsoleServices(PracticeServerFactory practiceServer, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_credentials(new CredentialStore(this))
    , m_profileKeys(new ProfileKeys(m_credentials, this))
    , m_legacyKeys(new LegacyKeySweep(m_profileKeys, this))
    , m_proxyLogins(new ProxyLogins(m_network))
    , m_journal(new DraftJournal(DraftJournal::defaultDirectory(), this))
    , m_journalKey(new JournalKey(this))
    , m_practiceFactory(std::move(practiceServer))
{
    setObjectName(QStringLiteral("consoleServices"));
    m_network->setObjectName(QStringLiteral("networkAccessManager"));
    m_credentials->setObjectName(QStringLiteral("credentialStore"));
    m_journal->setObjectName(QStringLiteral("draftJournal"));
    m_journalKey->setObjectName(QStringLiteral("journalKey"));
    applyNetworkPreferences();
    ProfileStore().migrateSettings();
    connect(m_legacyKeys, &LegacyKeySweep::profilesChanged, this,
            &ConsoleServices::profilesChanged);
    // Off the path to the first listing: a keychain round trip per address it knew.
    QTimer::singleShot(1500, m_legacyKeys, &LegacyKeySweep::start);
    connect(m_journalKey, &JournalKey::ready, m_journal, &DraftJournal::setKey);
    connect(m_journalKey, &JournalKey::unavailable, m_journal, &DraftJournal::setUnavailable);
    connect(m_journal, &DraftJournal::stateChanged, this, &ConsoleServices::onJournalReady);
    connect(m_journal, &DraftJournal::unsentWorkChanged, this, &ConsoleServices::unsentWorkChanged);
    // Read before any window claims a case: what is still listed was open when the console
    // ended without closing its windows.
    for (const QString &place : m_settings.openCases())
        m_openAtCrash.append(optionsFor(place.section(QLatin1Char('\n'), 0, 0),
                                        place.section(QLatin1Char('\n'), 1)));
    m_settings.setOpenCases({});
}

void ConsoleServices::applyPreferences()
{
    applyNetworkPreferences();
    emit preferencesChanged();
}

void ConsoleServices::applyNetworkPreferences()
{
    const Preferences preferences;
    NetworkSetup::applyProxy(m_network, preferences.proxy());
    m_caBundleProblem.clear();
    const QString caFile = preferences.caBundleFile();
    NetworkSetup::trustAlso(caFile.isEmpty()
                                ? QList<QSslCertificate>()
                                : NetworkSetup::readCaBundle(caFile, &m_caBundleProblem));
    // Connections kept alive were made with the old proxy and roots.
    m_network->clearConnectionCache();
}

void ConsoleServices::onJournalReady()
{
    if (m_journal->state() != DraftJournal::State::Ready)
        return;
    // Journals written before the index: the cases this computer knows of are looked for.
    QStringList environments { Environment::name(Environment::Kind::Sandbox),
                               Environment::name(Environment::Kind::Staging),
                               Environment::name(Environment::Kind::Production) };
    const QString custom = CredentialStore::keyName(m_settings.customBaseUrl());
    if (!custom.isEmpty())
        environments.append(custom);
    QList<std::pair<QString, QString>> candidates;
    for (const QString &caseId : m_settings.recentCases()) {
        for (const QString &environment : std::as_const(environments))
            candidates.append({ environment, caseId });
    }
    const ProfileStore store;
    for (const QString &id : Settings::profileIds()) {
        const auto profile = store.anyProfile(id);
        Settings mine;
        mine.setProfile(id);
        for (const QString &caseId : mine.recentCases())
            candidates.append({ profile ? profile->place : QString(), caseId });
    }
    for (const StartupOptions &open : std::as_const(m_openAtCrash)) {
        const auto profile = store.anyProfile(open.profile);
        candidates.append({ profile                ? profile->place
                                : open.environment ? Environment::name(*open.environment)
                                                   : QString(),
                            open.caseId });
    }
    m_journal->adopt(candidates);
    emit unsentWorkChanged();
}

QList<JournalIndex::Entry> ConsoleServices::unsentWork() const
{
    return m_journal->state() == DraftJournal::State::Ready ? m_journal->unsentWork()
                                                            : QList<JournalIndex::Entry>();
}

StartupOptions ConsoleServices::optionsFor(const QString &journalEnvironment, const QString &caseId)
{
    StartupOptions options;
    options.caseId = caseId;
    if (const auto profile = ProfileStore().anyProfile(journalEnvironment)) {
        options.profile = profile->id;
        return options;
    }
    options.environment = Environment::kindFromName(journalEnvironment);
    const QString prefix = Wire::apiKeyHeader + QLatin1Char('@');
    if (!options.environment && journalEnvironment.startsWith(prefix)) {
        options.environment = Environment::Kind::Custom;
        options.baseUrl = QUrl(journalEnvironment.mid(prefix.size()));
    }
    return options;
}

std::optional<Profile> ConsoleServices::profileAt(const QString &place)
{
    return CaseWorkspace::profileFor(optionsFor(place, QString()));
}

QString ConsoleServices::environmentLabel(const QString &journalEnvironment)
{
    if (const auto profile = ProfileStore().anyProfile(journalEnvironment))
        return profile->label();
    const StartupOptions options = optionsFor(journalEnvironment, QString());
    if (!options.environment)
        return journalEnvironment;
    return Environment::fromKind(*options.environment, options.baseUrl).displayName();
}

void ConsoleServices::rememberOpenCases()
{
    QStringList places;
    for (auto it = m_claims.cbegin(); it != m_claims.cend(); ++it) {
        if (it.value() && it.value()->caseId() == it.key().section(QLatin1Char('\n'), 1))
            places.append(it.key());
    }
    m_settings.setOpenCases(places);
}

ConsoleServices::~ConsoleServices()
{
    // Workspaces first: their keepers write the last drafts through the journal.
    const QList<QPointer<CaseWorkspace>> workspaces = m_workspaces;
    for (const QPointer<CaseWorkspace> &workspace : workspaces)
        delete workspace.data();
}

PracticeServerFactory ConsoleServices::sharedPracticeServer()
{
    if (!m_practiceFactory)
        return {};
    return [this](const QString &dataFile, QString *problem) -> std::unique_ptr<PracticeServer> {
        if (!m_practiceServer)
            m_practiceServer = m_practiceFactory(dataFile, problem);
        if (!m_practiceServer)
            return nullptr;
        return std::make_unique<SharedPracticeServer>(m_practiceServer.get());
    };
}

void ConsoleServices::startDrafts()
{
    if (m_journal->state() == DraftJournal::State::Waiting)
        m_journalKey->fetch();
}

FollowUpStore *ConsoleServices::followUpStore()
{
    if (!m_followUpStore)
        m_followUpStore = new FollowUpStore(FollowUpDatabase::defaultFile(),
                                            Preferences().followUpKeepDays(), this);
    return m_followUpStore;
}

CaseWorkspace *ConsoleServices::createWorkspace()
{
    auto *workspace = new CaseWorkspace(this, this);
    m_workspaces.append(workspace);
    connect(workspace, &QObject::destroyed, this, [this] {
        m_workspaces.removeIf([](const QPointer<CaseWorkspace> &w) { return w.isNull(); });
        for (auto it = m_claims.begin(); it != m_claims.end();)
            it = it.value().isNull() ? m_claims.erase(it) : std::next(it);
        rememberOpenCases();
    });
    // A load that succeeded or failed: the list of open cases follows.
    connect(workspace, &CaseWorkspace::finished, this, &ConsoleServices::rememberOpenCases);
    emit workspaceCreated(workspace);
    return workspace;
}

QList<CaseWorkspace *> ConsoleServices::workspaces() const
{
    QList<CaseWorkspace *> open;
    for (const QPointer<CaseWorkspace> &workspace : m_workspaces) {
        if (workspace)
            open.append(workspace.data());
    }
    return open;
}

CaseWorkspace *ConsoleServices::claim(const QString &where, CaseWorkspace *owner)
{
    const QPointer<CaseWorkspace> current = m_claims.value(where);
    if (current && current != owner)
        return current.data();
    m_claims.insert(where, owner);
    rememberOpenCases();
    return nullptr;
}

void ConsoleServices::keepOnly(CaseWorkspace *owner, const QString &place)
{
    const auto before = m_claims.size();
    m_claims.removeIf([owner, &place](QHash<QString, QPointer<CaseWorkspace>>::iterator it) {
        return it.value().data() == owner && it.key() != place;
    });
    if (m_claims.size() != before)
        rememberOpenCases();
}

void ConsoleServices::release(const QString &where, CaseWorkspace *owner)
{
    if (m_claims.value(where) == owner)
        m_claims.remove(where);
    rememberOpenCases();
}

} // namespace Care360

#include "moc_consoleservices.cpp"
