#include "clirunner.h"

#include "app/api/apiclient.h"
#include "app/api/fetchescalationsjob.h"
#include "app/api/updateescalationsjob.h"
#include "app/credentials/keycommand.h"
#include "clioutput.h"

namespace Care360 {

CliRunner::CliRunner(const CliOptions &options, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
    , m_client(new ApiClient(&m_network, this))
{
}

std::optional<QString> CliRunner::apiKey()
{
    // For automation; a command-line argument would leak into shell history and `ps`.
    const QString fromEnvironment = qEnvironmentVariable("CARE360_API_KEY").trimmed();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    QString problem;
    std::optional<QString> key = loadKeyBlocking(m_options.environment.baseUrl, &problem);
    if (!key) {
        m_err << tr("No API key for %1: %2 Store one with \"key set\" or set CARE360_API_KEY.")
                     .arg(m_options.environment.displayName(), problem)
              << Qt::endl;
    }
    return key;
}

void CliRunner::start()
{
    const std::optional<QString> key = apiKey();
    if (!key) {
        emit done(Exit::Denied);
        return;
    }
    m_client->setBaseUrl(m_options.environment.baseUrl);
    m_client->setApiKey(*key);
    if (m_options.deadline)
        m_client->setDeadline(*m_options.deadline);
    ApiJob *job = m_options.command == CliOptions::Command::List
        ? static_cast<ApiJob *>(m_client->fetchActiveEscalations(m_options.caseId))
        : m_client->updateEscalations(m_options.caseId, m_options.updates);
    connect(job, &ApiJob::finished, this,
            [this, job](const ApiOutcome &outcome) { onFinished(outcome, job->rawBody()); });
}

void CliRunner::onFinished(const ApiOutcome &outcome, const QByteArray &rawBody)
{
    const int code = CliOutput::exitCode(outcome);
    if (m_options.json && !rawBody.isEmpty()) {
        m_out << QString::fromUtf8(rawBody.trimmed()) << Qt::endl;
    } else if (outcome.isSuccess()) {
        if (outcome.kind == ApiOutcome::Kind::Updated)
            m_out << outcome.userMessage() << Qt::endl;
        m_out << CliOutput::table(outcome.escalations);
        m_out.flush();
    }
    if (code != Exit::Success)
        m_err << CliOutput::errorLine(outcome, m_options.command == CliOptions::Command::Update)
              << Qt::endl;
    emit done(code);
}

} // namespace Care360
