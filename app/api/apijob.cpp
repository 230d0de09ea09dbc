#include "apijob.h"

#include "app/logging.h"
#include "app/network/networksetup.h"
#include "app/network/proxylogins.h"
#include "care360/version.h"
#include "models/clock.h"
#include "models/contractcodec.h"
#include "models/wirenames.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <QUuid>

namespace Care360 {

namespace {

ApiOutcome transportOutcome(ApiOutcome::Kind kind, const QString &detail, int httpStatus = 0)
{
    ApiOutcome outcome;
    outcome.kind = kind;
    outcome.detail = detail;
    outcome.httpStatus = httpStatus;
    return outcome;
}

// A local refusal goes through the codec as the server's own envelope would, so that path, item
// index and field are filled exactly as for a server-side VALIDATION_ERROR.
ApiOutcome localValidationFailure(const RequestSchema::SchemaError &error)
{
    const QJsonObject envelope { { QStringLiteral("status"), 400 },
                                 { QStringLiteral("code"), QStringLiteral("VALIDATION_ERROR") },
                                 { QStringLiteral("error"), error.errorText() } };
    ApiOutcome outcome = Codec::decodeResponse(400, QJsonDocument(envelope).toJson());
    outcome.httpStatus = 0; // nothing was sent
    return outcome;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Header values must stay on one line: a key with control characters could inject headers.
bool isSendableHeaderValue(const QString &value)
{
    for (QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool isConnectionError(QNetworkReply::NetworkError error)
{
    // 1-99: network layer, 101-199: proxy (Qt's documented ranges).
    return (error > QNetworkReply::NoError && error < 100) || (error > 100 && error < 200);
}

// "127.0.0.1:8931: Connection refused": the agent learns which address did not answer (a typo
// in a custom URL, a sandbox that stopped), unless Qt's text already names it.
QString addressedDetail(const QUrl &url, const QString &errorString)
{
    const QString host = url.host();
    if (host.isEmpty() || errorString.contains(host))
        return errorString;
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return ApiJob::tr("%1:%2: %3").arg(host).arg(port).arg(errorString);
}

// Says the cap in the unit it is defined in, so the sentence follows the constant.
QString tooLargeDetail()
{
    return ApiJob::tr("the answer exceeded %1 MiB").arg(ApiJob::maxResponseBytes / (1024 * 1024));
}

// A request body Qt can read once only (see ApiJob::send). Not a QBuffer: Qt rewinds those.
class OneShotBody : public QIODevice {
public:
    explicit OneShotBody(const QByteArray &data)
        : m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 size = qMin(maxSize, qint64(m_data.size()) - m_position);
        memcpy(data, m_data.constData() + m_position, size_t(size));
        m_position += size;
        return size;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_data;
    qint64 m_position = 0;
};

QByteArray userAgent()
{
    return QByteArrayLiteral("care360-escalations/" CARE360_VERSION " (Qt ") + qVersion()
        + QByteArrayLiteral(")");
}

} // namespace

ApiJob::ApiJob(const ApiJobSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_requestId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ApiJob::~ApiJob()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    if (m_reply) {
        abortReply(AbortReason::Cancelled);
        return;
    }
    finish(transportOutcome(ApiOutcome::Kind::Cancelled, QString()));
}

ApiOutcome ApiJob::interpretResponse(int httpStatus, const QByteArray &body) const
{
    return Codec::decodeResponse(httpStatus, body);
}

void ApiJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    m_request = prepare();
    if (m_request.refusal) {
        finishLater(localValidationFailure(*m_request.refusal));
        return;
    }
    if (const std::optional<QString> reason = refusalBeforeSending()) {
        finishLater(transportOutcome(ApiOutcome::Kind::Refused, *reason));
        return;
    }
    send();
}

std::optional<QString> ApiJob::refusalBeforeSending() const
{
    const QUrl &url = m_settings.baseUrl;
    if (!m_settings.networkAccessManager)
        return tr("no network access is configured.");
    if (!url.isValid() || url.host().isEmpty())
        return tr("no valid Care360 address is configured for this environment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return tr("plain http:// is only allowed for this computer; use https:// for %1.")
            .arg(url.host());
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("only https:// addresses are supported.");
    if (m_settings.apiKey.isEmpty())
        return tr("no API key is set for this environment.");
    if (!isSendableHeaderValue(m_settings.apiKey))
        return tr("the API key contains spaces or characters that cannot be sent.");
    return std::nullopt;
}

QUrl ApiJob::requestUrl() const
{
    QUrl url = m_settings.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + m_request.path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

void ApiJob::send()
{
    QNetworkRequest request(requestUrl());
    request.setRawHeader(Wire::bytes(Wire::apiKeyHeader), m_settings.apiKey.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader(QByteArrayLiteral("X-Request-ID"), m_requestId.toLatin1());
    // A redirect would carry the key to another origin: it ends the job instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_settings.timeout.count()));

    qCDebug(lcApi).noquote() << m_request.verb << request.url().host() << request.url().path()
                             << "request" << m_requestId << "fields"
                             << m_request.logFields.join(u',');
    // Qt silently sends a request again when a kept-alive connection dies before the answer; a
    // body that can be read only once turns that into ContentReSendError, so a call reaches the
    // server at most once and the agent hears that it may have arrived.
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
    if (const ProxyLogins *logins = ProxyLogins::logins(m_settings.networkAccessManager))
        m_loginsGivenAtSend = logins->loginsGiven();
    auto *body = new OneShotBody(m_request.body);
    m_reply = m_settings.networkAccessManager->sendCustomRequest(request, m_request.verb, body);
    body->setParent(m_reply);
    connect(m_reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        // Qt reports 0 of 0 when the connection failed before any byte went out: every request
        // has a body, so only a non-empty total that was reached means "sent".
        m_requestSent = m_requestSent || (total > 0 && sent == total);
    });
    // The reply stays a child of its manager: should the manager go first, the reply goes with
    // it and m_reply becomes null, so ~ApiJob never aborts a reply whose manager is gone.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiJob::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiJob::onDownloadProgress);
    connect(m_reply, &QNetworkReply::sslErrors, this, &ApiJob::onSslErrors);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    QTimer::singleShot(m_settings.deadline, this, [this] { abortReply(AbortReason::Deadline); });
}

void ApiJob::onMetaDataChanged()
{
    bool ok = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    if (ok && length > maxResponseBytes)
        abortReply(AbortReason::TooLarge);
}

void ApiJob::onDownloadProgress(qint64 bytesReceived)
{
    if (bytesReceived > maxResponseBytes)
        abortReply(AbortReason::TooLarge);
}

void ApiJob::onSslErrors(const QList<QSslError> &errors)
{
    // Deliberately never ignored: the handshake then fails and the job reports TlsFailed.
    for (const QSslError &error : errors)
        m_sslErrors.append(error.errorString());
}

void ApiJob::abortReply(AbortReason reason)
{
    if (!m_reply || m_finished)
        return;
    if (m_abortReason == AbortReason::None)
        m_abortReason = reason;
    m_reply->abort();
}

void ApiJob::onReplyFinished()
{
    if (!m_reply)
        return;
    ApiOutcome outcome = outcomeFromReply();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    finish(std::move(outcome));
}

ApiOutcome ApiJob::outcomeFromReply()
{
    ApiOutcome outcome = classifyReply();
    outcome.requestSent = m_requestSent || outcome.httpStatus != 0;
    outcome.mayHaveArrived = changesState() && outcome.requestSent;
    return outcome;
}

ApiOutcome ApiJob::classifyReply()
{
    const QNetworkReply::NetworkError error = m_reply->error();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    using Kind = ApiOutcome::Kind;
    if (m_abortReason == AbortReason::Cancelled)
        return transportOutcome(Kind::Cancelled, QString(), status);
    if (m_abortReason == AbortReason::Deadline)
        return transportOutcome(
            Kind::TimedOut,
            tr("no complete answer within %Ln second(s)", nullptr,
               int(std::chrono::duration_cast<std::chrono::seconds>(m_settings.deadline).count())),
            status);
    if (m_abortReason == AbortReason::TooLarge)
        return transportOutcome(Kind::TooLarge, tooLargeDetail(), status);
    if (!m_sslErrors.isEmpty())
        return transportOutcome(Kind::TlsFailed, m_sslErrors.join(QLatin1String("; ")));
    if (error == QNetworkReply::SslHandshakeFailedError)
        return transportOutcome(Kind::TlsFailed, m_reply->errorString());
    if (isProxyLoginFailure(error, status))
        return transportOutcome(
            Kind::ProxyLoginNeeded,
            NetworkSetup::proxyFor(m_settings.networkAccessManager, m_reply->url()));
    // The transfer timeout aborts the reply like cancel() would, but we did not cancel.
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError
        || error == QNetworkReply::ProxyTimeoutError)
        return transportOutcome(Kind::TimedOut, m_reply->errorString(), status);
    // Qt says "Unknown error" when the server closes the connection after taking the request.
    if (error == QNetworkReply::RemoteHostClosedError
        || (m_requestSent && status == 0
            && (error == QNetworkReply::UnknownNetworkError
                || error == QNetworkReply::ContentReSendError)))
        return transportOutcome(Kind::ConnectionFailed, tr("the server closed the connection"),
                                status);
    if (isConnectionError(error) || error == QNetworkReply::ContentReSendError) {
        // Proxy errors (100-199) name the proxy in Qt's text; the others name no address.
        const QString detail = error < 100 ? addressedDetail(m_reply->url(), m_reply->errorString())
                                           : m_reply->errorString();
        return transportOutcome(Kind::ConnectionFailed, detail, status);
    }
    if (status == 0)
        return transportOutcome(Kind::UnexpectedResponse, m_reply->errorString());
    if (status >= 300 && status < 400) {
        const QUrl target = m_reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        return transportOutcome(
            Kind::Refused,
            tr("Care360 redirected it to another address (%1); the key was not sent there.")
                .arg(target.isEmpty() ? tr("unknown") : target.host()),
            status);
    }
    m_rawBody = m_reply->readAll();
    if (m_rawBody.size() > maxResponseBytes) {
        m_rawBody.clear();
        return transportOutcome(Kind::TooLarge, tooLargeDetail(), status);
    }
    ApiOutcome outcome = interpretResponse(status, m_rawBody);
    outcome.retryAfterSeconds = retryAfterSeconds(m_reply->rawHeader("Retry-After"));
    return outcome;
}

bool ApiJob::isProxyLoginFailure(QNetworkReply::NetworkError error, int status)
{
    if (error == QNetworkReply::ProxyAuthenticationRequiredError)
        return true;
    // A login the proxy turns down ends a tunnel with a bare error rather than a second 407:
    // when a login was handed over during this request, that is what happened.
    ProxyLogins *logins = ProxyLogins::logins(m_settings.networkAccessManager);
    const bool proxyEnded = error == QNetworkReply::UnknownNetworkError
        || error == QNetworkReply::ProxyConnectionClosedError
        || error == QNetworkReply::UnknownProxyError;
    if (!logins || !proxyEnded || status != 0 || logins->loginsGiven() == m_loginsGivenAtSend)
        return false;
    logins->refused(NetworkSetup::proxyFor(m_settings.networkAccessManager, m_reply->url()));
    return true;
}

int ApiJob::retryAfterSeconds(const QByteArray &header)
{
    // Delay-seconds or an HTTP-date (RFC 9110 10.2.3); anything else counts as absent.
    bool isNumber = false;
    const int seconds = header.trimmed().toInt(&isNumber);
    if (isNumber)
        return seconds >= 0 ? seconds : -1;
    // HTTP-dates always say "GMT", which Qt's RFC 2822 parser wants as a numeric offset.
    QString date = QString::fromLatin1(header.trimmed());
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QLatin1String(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(qMax<qint64>(0, Clock::currentDateTimeUtc().secsTo(when)));
}

void ApiJob::finishLater(const ApiOutcome &outcome)
{
    QMetaObject::invokeMethod(
        this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
}

void ApiJob::finish(ApiOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    outcome.requestId = m_requestId;
    const QUrl url = requestUrl();
    qCInfo(lcApi).noquote() << m_request.verb << url.host() << url.path() << "status"
                            << outcome.httpStatus << "in" << m_elapsed.elapsed() << "ms"
                            << "request" << m_requestId << "fields"
                            << m_request.logFields.join(u',') << "->"
                            << ApiOutcome::kindName(outcome.kind);
    emit finished(outcome);
    deleteLater();
}

} // namespace Care360

#include "moc_apijob.cpp"
