#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Care360::Sandbox::Testing {

// What one HTTP exchange with the sandbox gave a real client (QNetworkAccessManager).
struct HttpResult {
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray location;
    qint64 contentLength = -1;
    bool finished = false; // false when the wait timed out
    QJsonObject json() const;
    // Size of data.escalations, -1 when the answer has no such list.
    int escalationCount() const;
};

// POSTs body to url with a cv-api-key header (none when apiKey is null) and waits for the end.
HttpResult post(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &apiKey,
                const QByteArray &body, int timeoutMs = 15000);
HttpResult get(QNetworkAccessManager &manager, const QUrl &url, int timeoutMs = 15000);
// The URL of a case route under a base URL.
QUrl caseUrl(const QUrl &base, const QString &caseId);
// A file of tests/contract (the page's verbatim bodies) as JSON.
QJsonObject contractJson(const QString &name);

} // namespace Care360::Sandbox::Testing
