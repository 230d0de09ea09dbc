#include "clirunner.h"

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/credentials/keycommand.h"
#include "app/network/networksetup.h"
#include "app/network/proxylogins.h"
#include "app/session/preferences.h"
#include "bulkchanges.h"
#include "clidirectory.h"
#include "clifiles.h"
#include "clioutput.h"
#include "models/assigneedirectory.h"

namespace Care360 {

CliRunner::CliRunner(const CliOptions &options, const Profile &profile, QTextStream &out,
                     QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_profile(profile)
    , m_out(out)
    , m_err(err)
    , m_client(new ApiClient(&m_network, this))
    , m_proxyLogins(new ProxyLogins(&m_network))
    , m_seen(profile.place)
{
    m_options.environment = profile.environment;
}

bool CliRunner::prepareNetwork()
{
    const QUrl target = m_options.environment.baseUrl;
    NetworkSetup::applyProxy(&m_network, NetworkSetup::cliProxy(target));
    // user:password in the proxy URL, as curl takes it; otherwise the console's saved login.
    if (const auto login = ProxyLogins::fromProxyUrl(NetworkSetup::environmentProxy(target)))
        m_proxyLogins->useForThisRun(login->first, login->second);
    // Plain http:// (loopback only) verifies nothing: reading the sources would only cost time.
    if (target.scheme() != QLatin1String("https"))
        return true;
    // Every source adds to the system's roots: --ca-file, SSL_CERT_FILE and SSL_CERT_DIR (as
    // OpenSSL names them, which Qt ignores) for this run, and the console's Preferences.
    const std::pair<QString, bool> sources[] = {
        { m_options.caFile, true },
        { qEnvironmentVariable("SSL_CERT_FILE"), true },
        { Preferences().caBundleFile(), false },
    };
    QList<QSslCertificate> trusted;
    for (const auto &[file, namedForThisRun] : sources) {
        if (file.isEmpty())
            continue;
        QString problem;
        const QList<QSslCertificate> certificates = NetworkSetup::readCaBundle(file, &problem);
        if (certificates.isEmpty()) {
            m_err << problem << Qt::endl;
            // A file named for this run is a usage error; one from Preferences only a warning.
            if (namedForThisRun)
                return false;
        }
        trusted += certificates;
    }
    // OpenSSL's directory form, which Qt ignores as it ignores SSL_CERT_FILE.
    if (const QString directories = qEnvironmentVariable("SSL_CERT_DIR"); !directories.isEmpty()) {
        QString problem;
        const QList<QSslCertificate> certificates =
            NetworkSetup::readCaDirectories(directories, &problem);
        if (certificates.isEmpty()) {
            m_err << problem << Qt::endl;
            return false;
        }
        trusted += certificates;
    }
    NetworkSetup::trustAlso(trusted);
    return true;
}

std::optional<QString> CliRunner::apiKey()
{
    // For automation; a command-line argument would leak into shell history and `ps`.
    const QString fromEnvironment = qEnvironmentVariable("CARE360_API_KEY").trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QString problem;
    std::optional<QString> key = loadKeyBlocking(m_profile, &problem);
    if (!key) {
        m_err << tr("No API key for %1: %2 Store one with \"key set\" or set CARE360_API_KEY.")
                     .arg(m_profile.label(), problem)
              << Qt::endl;
    }
    return key;
}

bool CliRunner::loadBulkFile(int *exitCode)
{
    QByteArray bytes;
    QString error;
    if (!CliFiles::read(m_options.fromPath, QStringLiteral("--from"), BulkUpdateFile::maxBytes,
                        &bytes, &error)) {
        m_err << error << Qt::endl;
        *exitCode = Exit::Usage;
        return false;
    }
    const BulkUpdateFile::Parsed parsed = BulkUpdateFile::parse(bytes, m_options.caseId);
    if (!parsed.error.isEmpty()) {
        m_err << tr("%1 Nothing was sent.").arg(parsed.error) << Qt::endl;
        *exitCode = parsed.needsCase ? Exit::Usage : Exit::ValidationFailed;
        return false;
    }
    if (!parsed.ignoredColumns.isEmpty()) {
        m_err << tr("Ignored the columns %1: update does not change them.")
                     .arg(parsed.ignoredColumns.join(QLatin1String(", ")))
              << Qt::endl;
    }
    m_requests = parsed.cases;
    return m_options.basePath.isEmpty() || loadBaseFile(exitCode);
}

bool CliRunner::loadBaseFile(int *exitCode)
{
    QByteArray bytes;
    QString error;
    if (!CliFiles::read(m_options.basePath, QStringLiteral("--base"), BulkUpdateFile::maxBytes,
                        &bytes, &error)) {
        m_err << error << Qt::endl;
        *exitCode = Exit::Usage;
        return false;
    }
    m_base = BulkUpdateFile::parseBase(bytes);
    QStringList missing;
    for (const CaseUpdates &request : std::as_const(m_requests))
        missing << BulkChanges::missingFromBase(request, m_base);
    if (!m_base.error.isEmpty() || !missing.isEmpty()) {
        refuse(m_base.error.isEmpty() ? missing : QStringList { m_base.error },
               tr("Nothing was sent."));
        *exitCode = Exit::ValidationFailed;
        return false;
    }
    return true;
}

void CliRunner::refuse(const QStringList &lines, const QString &closing)
{
    for (const QString &line : lines)
        m_err << line << Qt::endl;
    m_err << closing << Qt::endl;
}

void CliRunner::start()
{
    const bool isList = m_options.command == CliOptions::Command::List;
    if (!isList && !m_options.fromPath.isEmpty()) {
        int exitCode = Exit::Success;
        if (!loadBulkFile(&exitCode)) {
            emit done(exitCode);
            return;
        }
    } else if (!isList) {
        m_requests = { { m_options.caseId, m_options.updates, {} } };
    }
    if (!prepareNetwork()) {
        emit done(Exit::Usage);
        return;
    }
    const std::optional<QString> key = apiKey();
    if (!key) {
        emit done(Exit::Denied);
        return;
    }
    m_client->setBaseUrl(m_options.environment.baseUrl);
    m_client->setApiKey(*key);
    if (m_options.deadline)
        m_client->setDeadline(*m_options.deadline);
    if (!isList && !m_options.fromPath.isEmpty()) {
        listNextCase();
        return;
    }
    if (!isList) {
        sendNextUpdate();
        return;
    }
    FetchEscalationsJob *job = m_client->fetchActiveEscalations(m_options.caseId);
    connect(job, &ApiJob::finished, this,
            [this, job](const ApiOutcome &outcome) { onListed(outcome, job->rawBody()); });
}

void CliRunner::onListed(const ApiOutcome &outcome, const QByteArray &rawBody)
{
    const int code = CliOutput::exitCode(outcome);
    // CSV and JSON are asked for with their notes; the table only with --show-notes.
    if (m_options.format == CliOptions::Format::Json) {
        if (const QByteArray json = CliOutput::json(rawBody, CliOutput::Notes::Shown);
            !json.isEmpty())
            m_out << QString::fromUtf8(json) << Qt::endl;
    } else if (outcome.isSuccess()) {
        // The console's team directory and learnt e-mails turn user IDs into people.
        AssigneeDirectory people;
        CliDirectory::loadPeople(&people, m_profile.id);
        if (m_options.format == CliOptions::Format::Csv)
            m_out << QString::fromUtf8(CliOutput::csv(outcome.escalations, people));
        else
            m_out << CliOutput::table(outcome.escalations, people,
                                      m_options.showNotes ? CliOutput::Notes::Shown
                                                          : CliOutput::Notes::LeftOut);
        m_out.flush();
    }
    if (code != Exit::Success)
        m_err << CliOutput::errorLine(outcome, false) << Qt::endl;
    if (outcome.isSuccess())
        m_seen.add(m_options.caseId, outcome.escalations);
    finish(code);
}

// update --from: every case is listed before anything is sent, so that only what differs from
// the server goes, and a case that cannot be listed stops the run before it changes anything.
void CliRunner::listNextCase()
{
    FetchEscalationsJob *job = m_client->fetchActiveEscalations(m_requests.at(m_listed).caseId);
    connect(job, &ApiJob::finished, this, &CliRunner::onCaseListed);
}

void CliRunner::onCaseListed(const ApiOutcome &outcome)
{
    CaseUpdates &request = m_requests[m_listed++];
    if (!outcome.isSuccess()) {
        m_err << tr("Case %1: %2").arg(request.caseId, CliOutput::errorLine(outcome, false))
              << Qt::endl
              << tr("Nothing was sent: update --from lists every case before it sends any.")
              << Qt::endl;
        finish(CliOutput::exitCode(outcome));
        return;
    }
    m_seen.add(request.caseId, outcome.escalations);
    AssigneeDirectory people;
    CliDirectory::loadPeople(&people, m_profile.id);
    const bool hasBase = !m_options.basePath.isEmpty();
    if (hasBase) // what the agent left as exported is not theirs to send
        BulkChanges::dropUnedited(&request, m_base, people);
    const QString problem = BulkChanges::keepChanged(&request, outcome.escalations, people,
                                                     m_options.acceptDisplayMarks);
    if (!problem.isEmpty()) {
        m_err << tr("%1 Nothing was sent.").arg(problem) << Qt::endl;
        finish(Exit::ValidationFailed);
        return;
    }
    if (hasBase)
        m_conflicts << BulkChanges::conflicts(request, outcome.escalations, m_base);
    if (m_listed < m_requests.size()) {
        listNextCase();
        return;
    }
    if (!m_conflicts.isEmpty()) {
        refuse(m_conflicts,
               tr("Nothing was sent: these fields were changed on Care360 after the --base file "
                  "was exported. Export the case again with list --format csv and redo the edits "
                  "there, or leave out --base to overwrite those changes."));
        finish(Exit::ValidationFailed);
        return;
    }
    // With --json, standard output holds only the server's envelopes.
    QTextStream &said = m_options.format == CliOptions::Format::Json ? m_err : m_out;
    for (const CaseUpdates &unchanged : std::as_const(m_requests)) {
        if (unchanged.updates.isEmpty())
            said << tr("Case %1: nothing to change; not sent.").arg(unchanged.caseId) << Qt::endl;
    }
    m_requests.removeIf([](const CaseUpdates &r) { return r.updates.isEmpty(); });
    if (m_requests.isEmpty())
        finish(Exit::Success);
    else
        sendNextUpdate();
}

void CliRunner::sendNextUpdate()
{
    const CaseUpdates &request = m_requests.at(m_sent);
    UpdateEscalationsJob *job = m_client->updateEscalations(request.caseId, request.updates);
    connect(job, &ApiJob::finished, this,
            [this, job](const ApiOutcome &outcome) { onUpdated(outcome, job->rawBody()); });
}

void CliRunner::onUpdated(const ApiOutcome &outcome, const QByteArray &rawBody)
{
    const int index = m_sent++;
    // --from reports every case on a line of its own; --escalation prints as it always has.
    const bool perCase = !m_options.fromPath.isEmpty();
    const auto forCase = [&](const QString &line) {
        return perCase ? tr("Case %1: %2").arg(m_requests.at(index).caseId, line) : line;
    };
    const int code = CliOutput::exitCode(outcome);
    // Note text is never printed after an update, in any format: list shows it when asked.
    if (m_options.format == CliOptions::Format::Json) {
        if (const QByteArray json = CliOutput::json(rawBody, CliOutput::Notes::LeftOut);
            !json.isEmpty())
            m_out << QString::fromUtf8(json) << Qt::endl;
    } else if (outcome.isSuccess()) {
        m_out << forCase(outcome.userMessage()) << Qt::endl;
        // A file's run ends in one line per case; --escalation shows the case as it is now.
        if (!perCase) {
            AssigneeDirectory people;
            CliDirectory::loadPeople(&people, m_profile.id);
            m_out << CliOutput::table(outcome.escalations, people, CliOutput::Notes::LeftOut);
        }
        m_out.flush();
    }
    if (code != Exit::Success) {
        m_err << forCase(CliOutput::errorLine(outcome, true)) << Qt::endl;
        reportUnsent(index);
        finish(code);
        return;
    }
    m_seen.add(m_requests.at(index).caseId, outcome.escalations);
    if (m_sent < m_requests.size())
        sendNextUpdate();
    else
        finish(Exit::Success);
}

void CliRunner::finish(int exitCode)
{
    m_seen.record(m_err);
    emit done(exitCode);
}

void CliRunner::reportUnsent(int failedIndex)
{
    if (m_requests.size() < 2)
        return;
    for (int i = failedIndex + 1; i < m_requests.size(); ++i)
        m_err << tr("Case %1: not sent.").arg(m_requests.at(i).caseId) << Qt::endl;
    QString summary = tr("Stopped at case %1 of %2.").arg(failedIndex + 1).arg(m_requests.size());
    if (failedIndex > 0)
        summary += QLatin1Char(' ') + tr("The cases before it were updated.");
    if (failedIndex + 1 < m_requests.size())
        summary += QLatin1Char(' ') + tr("The cases after it were not sent.");
    m_err << summary << Qt::endl;
}

} // namespace Care360

#include "moc_clirunner.cpp"
