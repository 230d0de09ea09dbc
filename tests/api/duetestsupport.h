#pragma once
// What the CLI's follow-ups tests share (tst_clidue, tst_clifollowups): the real CLI against the
// in-process sandbox with a private XDG_DATA_HOME, and the due command's outputs read back.
#include "clitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/credentials/credentialstore.h"
#include "app/followups/followupdatabase.h"
#include "app/session/preferences.h"
#include "app/session/settings.h"
#include "models/contractcodec.h"
#include "models/csv.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace Care360::TestSupport {

namespace Demo = Care360::Sandbox::Demo;

namespace DueTest {
// Command lines written as one string, split at spaces.
inline QStringList words(const QString &line)
{
    return line.split(u' ', Qt::SkipEmptyParts);
}

inline QString field(const QJsonValue &item, const char *key)
{
    return item.toObject().value(QLatin1String(key)).toString();
}

inline QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids << field(item, "escalationId");
    return ids;
}

inline QDateTime nowToTheSecond()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec());
}
} // namespace DueTest

class DueTestCase : public QObject {
    Q_OBJECT

protected:
    // Once per test case: the sandbox listens, and this process writes the settings the CLI
    // reads (the console's names, the CLI's XDG_CONFIG_HOME, set before the first QSettings).
    void setUpCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(CARE360_BIN_DIR "/care360-escalations-cli")));
        QVERIFY(m_cli.listen());
        // This process writes the settings the CLI reads (the console's names, the CLI's
        // XDG_CONFIG_HOME, set before the first QSettings, which reads it once).
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_cli.configHome()));
        QCoreApplication::setOrganizationName(QStringLiteral("Care360"));
        QCoreApplication::setApplicationName(QStringLiteral("care360-escalations"));
    }

    QList<Escalation> active(const QString &caseId = Demo::acmeCaseId)
    {
        return m_cli.server.store().activeEscalations(caseId);
    }
    // The active escalations with a follow-up, soonest first: what due should answer.
    QList<Escalation> withFollowUps(const QString &caseId = Demo::acmeCaseId)
    {
        QList<Escalation> kept = active(caseId);
        kept.removeIf([](const Escalation &e) { return !e.followUpDueAt; });
        std::stable_sort(kept.begin(), kept.end(), [](const Escalation &a, const Escalation &b) {
            return *a.followUpDueAt < *b.followUpDueAt;
        });
        return kept;
    }
    // A command against the sandbox, with Acme's key.
    CliRun sandbox(const QString &line)
    {
        return m_cli.run(m_cli.sandboxArgs() + DueTest::words(line));
    }
    CliRun list() { return sandbox(QStringLiteral("list --case ") + Demo::acmeCaseId); }
    // Without an API key: due needs none.
    CliRun due(const QString &options = {})
    {
        return m_cli.run(DueTest::words(QStringLiteral("due ") + options), QString());
    }
    // due --format json parsed; *ok: exit code 0, nothing on stderr, a JSON array.
    QJsonArray dueJson(const QString &options, bool *ok)
    {
        const CliRun run = due(options + QStringLiteral(" --format json"));
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        *ok = run.exitCode == 0 && run.err.isEmpty() && error.error == QJsonParseError::NoError
            && document.isArray();
        if (!*ok)
            qWarning() << run.exitCode << run.out << run.err;
        return document.array();
    }
    bool setFollowUp(const QString &escalationId, const QDateTime &due)
    {
        return m_cli.setOnServer(
            Demo::acmeCaseId, escalationId,
            { { QStringLiteral("followUpDueAt"), Codec::formatTimestamp(due) } });
    }
    QString userIdOf(const QString &email) { return m_cli.assigneeUserId(Demo::acmeCaseId, email); }

    CliFixture m_cli;
};

} // namespace Care360::TestSupport
