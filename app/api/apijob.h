#pragma once

#include "models/apioutcome.h"
#include "models/requestschema.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace Care360 {

// What a job needs from its ApiClient to send one request.
struct ApiJobSettings {
    QNetworkAccessManager *networkAccessManager = nullptr;
    QUrl baseUrl;
    QString apiKey;
    // Silence this long ends a transfer (QNetworkRequest's transfer timeout)...
    std::chrono::milliseconds timeout { 30000 };
    // ...and so does this much time in all, however steadily a server trickles.
    std::chrono::milliseconds deadline { defaultDeadline };
    static constexpr std::chrono::seconds defaultDeadline { 60 };
};

// One HTTP request a job sends: the base adds everything that is transport.
struct ApiRequest {
    QByteArray verb = QByteArrayLiteral("POST");
    QString path; // appended to the base URL's own path, e.g. "/api/v1/cases/<id>"
    QByteArray body;
    QStringList logFields; // wire names for the log, never values
    // A problem found before sending, in the server's "<path>, <message>" form.
    std::optional<RequestSchema::SchemaError> refusal;
};

// The base of every Care360 call (like Nextcloud's AbstractNetworkJob): it owns the transport
// rules — headers, request ID, redirects refused, plain http only to this computer, the size cap,
// the timeout, TLS errors never ignored — and turns every reply or failure into one ApiOutcome.
// A subclass says what to send (prepare) and what the answer means (interpretResponse).
// finished() is emitted exactly once, never from inside the call that created the job; the job
// then deletes itself.
class ApiJob : public QObject {
    Q_OBJECT

public:
    // Bodies above this abort the transfer: no genuine escalation list comes near it.
    static constexpr qint64 maxResponseBytes = 16 * 1024 * 1024;
    // A Retry-After header in seconds from now (delay-seconds or HTTP-date), -1 when absent.
    static int retryAfterSeconds(const QByteArray &header);

    ~ApiJob() override;

    QString requestId() const { return m_requestId; }
    // The response body as received, empty when none arrived (for --json style output).
    QByteArray rawBody() const { return m_rawBody; }
    bool isFinished() const { return m_finished; }

    // Aborts the request; finished() then reports Cancelled (possibly before cancel() returns).
    void cancel();

signals:
    void finished(const Care360::ApiOutcome &outcome);

protected:
    ApiJob(const ApiJobSettings &settings, QObject *parent);

    virtual ApiRequest prepare() const = 0;
    // Whether the call may change data on the server (a listing does not): only then can an
    // unanswered request "have been applied".
    virtual bool changesState() const { return true; }
    // Turns an HTTP answer into an outcome; the default is Codec::decodeResponse.
    virtual ApiOutcome interpretResponse(int httpStatus, const QByteArray &body) const;

private:
    friend class ApiClient;

    enum class AbortReason { None, Cancelled, TooLarge, Deadline };

    void start();
    std::optional<QString> refusalBeforeSending() const;
    QUrl requestUrl() const;
    void send();
    void onMetaDataChanged();
    void onDownloadProgress(qint64 bytesReceived);
    void onSslErrors(const QList<QSslError> &errors);
    void onReplyFinished();
    ApiOutcome outcomeFromReply();
    ApiOutcome classifyReply();
    // The proxy asked for a login that was not given, or turned down the one given.
    bool isProxyLoginFailure(QNetworkReply::NetworkError error, int status);
    void abortReply(AbortReason reason);
    void finishLater(const ApiOutcome &outcome);
    void finish(ApiOutcome outcome);

    ApiJobSettings m_settings;
    ApiRequest m_request;
    QString m_requestId;
    QByteArray m_rawBody;
    QPointer<QNetworkReply> m_reply;
    QStringList m_sslErrors;
    int m_loginsGivenAtSend = 0; // ProxyLogins::loginsGiven() when the request went out
    AbortReason m_abortReason = AbortReason::None;
    QElapsedTimer m_elapsed;
    bool m_started = false;
    bool m_requestSent = false; // every byte of the request went out
    bool m_finished = false;
};

} // namespace Care360
