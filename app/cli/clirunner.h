#pragma once

#include "bulkupdatefile.h"
#include "clifollowups.h"
#include "clioptions.h"
#include "models/apioutcome.h"
#include "models/profile.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>

namespace Care360 {

class ApiClient;
class ProxyLogins;

// Runs one list or update command: finds the key, sends the requests (an update: one per case,
// in order, stopping at the first that fails), prints the outcomes and reports the exit code
// through done().
class CliRunner : public QObject {
    Q_OBJECT

public:
    // profile: the organisation the command talks to (CliProfiles::resolve).
    CliRunner(const CliOptions &options, const Profile &profile, QTextStream &out, QTextStream &err,
              QObject *parent = nullptr);

    void start();

signals:
    void done(int exitCode);

private:
    // The --from file, checked whole; false (with the exit code) when nothing may be sent.
    bool loadBulkFile(int *exitCode);
    // --base OLD, read whole and checked against every row of the --from file.
    bool loadBaseFile(int *exitCode);
    void refuse(const QStringList &lines, const QString &closing);
    std::optional<QString> apiKey();
    // The console's proxy and certificate authorities, --ca-file and the proxy variables; false
    // (with the sentence printed) when a certificate file the user named cannot be used.
    bool prepareNetwork();
    void listNextCase();
    void onCaseListed(const ApiOutcome &outcome);
    void sendNextUpdate();
    void onListed(const ApiOutcome &outcome, const QByteArray &rawBody);
    void onUpdated(const ApiOutcome &outcome, const QByteArray &rawBody);
    void reportUnsent(int failedIndex);
    // Keeps what was seen for due, then reports the exit code.
    void finish(int exitCode);

    CliOptions m_options;
    Profile m_profile;
    QTextStream &m_out;
    QTextStream &m_err;
    QNetworkAccessManager m_network;
    ApiClient *m_client = nullptr;
    ProxyLogins *m_proxyLogins = nullptr;
    QList<CaseUpdates> m_requests; // update: one per case
    BulkUpdateFile::Base m_base; // update --from --base: the export the file was edited from
    QStringList m_conflicts; // --base: the fields changed on Care360 since, over every case
    int m_listed = 0; // update --from: the cases compared with the server so far
    int m_sent = 0;
    CliFollowUps m_seen; // what the listings and sends answered, for the follow-ups store
};

} // namespace Care360
