#include "followupdatabase.h"

#include "app/logging.h"
#include "models/escalation.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace Care360 {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Care360::FollowUpDatabase", text);
}

// Milliseconds since the epoch, or null: what SQLite keeps of a moment.
QVariant moment(const QDateTime &utc)
{
    return utc.isValid() ? QVariant(utc.toMSecsSinceEpoch())
                         : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime momentFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong()).toUTC();
}

const char *const kSchema[] = {
    // A record of what Care360 holds, which the next listing rewrites: a power cut may cost its
    // last write, never its consistency, so commits need not wait for the disk (17 → 1 ms).
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "CREATE TABLE IF NOT EXISTS cases (profile TEXT NOT NULL, case_id TEXT NOT NULL, "
    "refreshed_at INTEGER NOT NULL, PRIMARY KEY (profile, case_id))",
    "CREATE TABLE IF NOT EXISTS escalations (profile TEXT NOT NULL, case_id TEXT NOT NULL, "
    "escalation_id TEXT NOT NULL, type TEXT, title TEXT, follow_up_due_at INTEGER, "
    "assigned_to TEXT, updated_at INTEGER, reminded_for INTEGER, snoozed_until INTEGER, "
    "PRIMARY KEY (profile, case_id, escalation_id))",
};
} // namespace

FollowUpDatabase::FollowUpDatabase(const QString &file)
{
    static QAtomicInteger<int> connections;
    m_connection = QStringLiteral("care360-followups-%1").arg(connections.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!db.isValid()) {
        m_problem = tr("Follow-ups cannot be kept: this computer lacks Qt's SQLite driver "
                       "(Debian: libqt6sql6-sqlite).");
        return;
    }
    const QFileInfo info(file);
    QDir().mkpath(info.absolutePath());
    db.setDatabaseName(file);
    // Another process (the CLI, a second console) may be writing: wait for it a moment.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        fail(tr("open"));
        return;
    }
    // Only this user reads what cases they work on.
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_open = true;
    for (const char *statement : kSchema) {
        if (!exec(QLatin1String(statement))) {
            m_open = false;
            return;
        }
    }
}

FollowUpDatabase::~FollowUpDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString FollowUpDatabase::defaultFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/followups.sqlite");
}

bool FollowUpDatabase::fail(const QString &what, QString error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (error.isEmpty())
        error = db.lastError().text();
    m_problem = tr("The follow-ups kept on this computer could not be read or written (%1: %2).")
                    .arg(what, error);
    qCWarning(lcApp) << "follow-ups store:" << what << error;
    return false;
}

bool FollowUpDatabase::exec(const QString &statement)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(statement))
        return fail(tr("set-up"), query.lastError().text());
    return true;
}

bool FollowUpDatabase::record(const QString &profile, const QString &caseId,
                              const QList<Escalation> &active, const QDateTime &refreshedAt)
{
    if (!m_open)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(tr("record"));
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO cases (profile, case_id, refreshed_at) VALUES (?, ?, ?) "
        "ON CONFLICT (profile, case_id) DO UPDATE SET refreshed_at = excluded.refreshed_at"));
    query.addBindValue(profile);
    query.addBindValue(caseId);
    query.addBindValue(refreshedAt.toMSecsSinceEpoch());
    bool ok = query.exec();
    // What the case no longer lists (completed elsewhere) leaves; the rest is replaced, keeping
    // a reminder already shown while the follow-up is the same.
    QStringList ids;
    for (const Escalation &escalation : active)
        ids.append(escalation.id);
    QSqlQuery existing(db);
    existing.prepare(
        QStringLiteral("SELECT escalation_id FROM escalations WHERE profile = ? AND case_id = ?"));
    existing.addBindValue(profile);
    existing.addBindValue(caseId);
    ok = ok && existing.exec();
    QStringList gone;
    while (ok && existing.next()) {
        const QString id = existing.value(0).toString();
        if (!ids.contains(id))
            gone.append(id);
    }
    for (const QString &id : std::as_const(gone)) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral(
            "DELETE FROM escalations WHERE profile = ? AND case_id = ? AND escalation_id = ?"));
        remove.addBindValue(profile);
        remove.addBindValue(caseId);
        remove.addBindValue(id);
        ok = ok && remove.exec();
    }
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO escalations (profile, case_id, escalation_id, type, title, "
        "follow_up_due_at, assigned_to, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (profile, case_id, escalation_id) DO UPDATE SET type = excluded.type, "
        "title = excluded.title, assigned_to = excluded.assigned_to, "
        "updated_at = excluded.updated_at, "
        // A snooze belongs to one date; a reminder shown stays shown while the date is the
        // same (needsReminder() compares reminded_for with the date).
        "snoozed_until = CASE WHEN follow_up_due_at IS excluded.follow_up_due_at "
        "THEN snoozed_until END, "
        "follow_up_due_at = excluded.follow_up_due_at"));
    for (const Escalation &escalation : active) {
        if (!ok)
            break;
        upsert.addBindValue(profile);
        upsert.addBindValue(caseId);
        upsert.addBindValue(escalation.id);
        upsert.addBindValue(escalation.type);
        upsert.addBindValue(escalation.title);
        upsert.addBindValue(moment(escalation.followUpDueAt.value_or(QDateTime())));
        upsert.addBindValue(escalation.assignedToUserId.value_or(QString()));
        upsert.addBindValue(moment(escalation.updatedAt.value_or(QDateTime())));
        ok = upsert.exec();
    }
    if (!ok) {
        const QString error = upsert.lastError().text() + query.lastError().text();
        db.rollback();
        m_problem =
            tr("The follow-ups kept on this computer could not be written (%1).").arg(error);
        return false;
    }
    return db.commit() || fail(tr("record"));
}

QList<FollowUp> FollowUpDatabase::all()
{
    QList<FollowUp> followUps;
    if (!m_open)
        return followUps;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT e.profile, e.case_id, e.escalation_id, e.type, e.title, e.follow_up_due_at, "
            "e.assigned_to, e.updated_at, c.refreshed_at, e.reminded_for, e.snoozed_until "
            "FROM escalations e JOIN cases c ON c.profile = e.profile AND c.case_id = e.case_id "
            "ORDER BY e.follow_up_due_at"))) {
        fail(tr("query"), query.lastError().text());
        return followUps;
    }
    while (query.next()) {
        FollowUp followUp;
        followUp.profile = query.value(0).toString();
        followUp.caseId = query.value(1).toString();
        followUp.escalationId = query.value(2).toString();
        followUp.type = query.value(3).toString();
        followUp.title = query.value(4).toString();
        followUp.followUpDueAt = momentFrom(query.value(5));
        followUp.assignedToUserId = query.value(6).toString();
        followUp.updatedAt = momentFrom(query.value(7));
        followUp.refreshedAt = momentFrom(query.value(8));
        followUp.remindedFor = momentFrom(query.value(9));
        followUp.snoozedUntil = momentFrom(query.value(10));
        followUps.append(followUp);
    }
    return followUps;
}

bool FollowUpDatabase::markReminded(const FollowUp &followUp)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE escalations SET reminded_for = ?, snoozed_until = NULL "
                                 "WHERE profile = ? AND case_id = ? AND escalation_id = ?"));
    query.addBindValue(moment(followUp.followUpDueAt));
    query.addBindValue(followUp.profile);
    query.addBindValue(followUp.caseId);
    query.addBindValue(followUp.escalationId);
    return m_open && (query.exec() || fail(tr("query"), query.lastError().text()));
}

bool FollowUpDatabase::snooze(const FollowUp &followUp, const QDateTime &untilUtc)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE escalations SET snoozed_until = ? "
                                 "WHERE profile = ? AND case_id = ? AND escalation_id = ?"));
    query.addBindValue(moment(untilUtc));
    query.addBindValue(followUp.profile);
    query.addBindValue(followUp.caseId);
    query.addBindValue(followUp.escalationId);
    return m_open && (query.exec() || fail(tr("query"), query.lastError().text()));
}

int FollowUpDatabase::dropCasesListedBefore(const QDateTime &cutoffUtc)
{
    if (!m_open)
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM escalations WHERE (profile, case_id) IN "
                                 "(SELECT profile, case_id FROM cases WHERE refreshed_at < ?)"));
    query.addBindValue(cutoffUtc.toMSecsSinceEpoch());
    if (!query.exec()) {
        fail(tr("query"), query.lastError().text());
        return -1;
    }
    QSqlQuery cases(db);
    cases.prepare(QStringLiteral("DELETE FROM cases WHERE refreshed_at < ?"));
    cases.addBindValue(cutoffUtc.toMSecsSinceEpoch());
    if (!cases.exec()) {
        fail(tr("query"), cases.lastError().text());
        return -1;
    }
    return cases.numRowsAffected();
}

} // namespace Care360
