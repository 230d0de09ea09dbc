#pragma once

#include "clioptions.h"
#include "models/apioutcome.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>

namespace Care360 {

class ApiClient;

// Runs one list or update command: finds the key, sends the request, prints the outcome and
// reports the exit code through done().
class CliRunner : public QObject {
    Q_OBJECT

public:
    CliRunner(const CliOptions &options, QTextStream &out, QTextStream &err,
              QObject *parent = nullptr);

    void start();

signals:
    void done(int exitCode);

private:
    std::optional<QString> apiKey();
    void onFinished(const ApiOutcome &outcome, const QByteArray &rawBody);

    CliOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    QNetworkAccessManager m_network;
    ApiClient *m_client = nullptr;
};

} // namespace Care360
