#include "httptesthelper.h"
#include "tests/contract/contractbodies.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

namespace Care360::Sandbox::Testing {

namespace {

HttpResult wait(QNetworkReply *reply, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.finished = reply->isFinished();
    if (!result.finished)
        reply->abort();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    result.contentType = reply->rawHeader("Content-Type");
    result.location = reply->rawHeader("Location");
    bool ok = false;
    result.contentLength = reply->rawHeader("Content-Length").toLongLong(&ok);
    if (!ok)
        result.contentLength = -1;
    reply->deleteLater();
    return result;
}

QNetworkRequest request(const QUrl &url)
{
    QNetworkRequest request(url);
    // The sandbox tests look at the raw answers, redirects included.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

int HttpResult::escalationCount() const
{
    const QJsonValue list =
        json().value(QLatin1String("data")).toObject().value(QLatin1String("escalations"));
    return list.isArray() ? int(list.toArray().size()) : -1;
}

HttpResult post(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &apiKey,
                const QByteArray &body, int timeoutMs)
{
    QNetworkRequest r = request(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!apiKey.isNull())
        r.setRawHeader("cv-api-key", apiKey);
    return wait(manager.post(r, body), timeoutMs);
}

HttpResult get(QNetworkAccessManager &manager, const QUrl &url, int timeoutMs)
{
    return wait(manager.get(request(url)), timeoutMs);
}

QUrl caseUrl(const QUrl &base, const QString &caseId)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/v1/cases/") + caseId);
    return url;
}

QJsonObject contractJson(const QString &name)
{
    return QJsonDocument::fromJson(contractBody(name)).object();
}

} // namespace Care360::Sandbox::Testing
