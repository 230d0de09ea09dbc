#include "datafile.h"
#include "models/wirenames.h"

#include "models/caseid.h"
#include "models/contractcodec.h"
#include "models/requestschema.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Care360::Sandbox {

namespace {

const QStringList kRoles { QStringLiteral("USER"),       QStringLiteral("CASEMANAGER"),
                           QStringLiteral("CASEWORKER"), QStringLiteral("ADMIN"),
                           QStringLiteral("CVADMIN"),    QStringLiteral("CVTPA") };
const QStringList kTypes { QStringLiteral("support"), QStringLiteral("clinical"),
                           QStringLiteral("external") };

// Walks one JSON object; the first failure is kept with its field path, later checks no-op.
class Reader {
public:
    Reader(QString *error)
        : m_error(error)
    {
    }

    bool failed() const { return m_failed; }
    bool fail(const QString &path, const QString &message)
    {
        if (!m_failed && m_error)
            *m_error = path + QStringLiteral(": ") + message;
        m_failed = true;
        return false;
    }

    bool onlyKeys(const QJsonObject &object, const QString &path, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                return fail(join(path, it.key()), QStringLiteral("unknown field"));
        }
        return !m_failed;
    }

    QString string(const QJsonObject &o, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && !required)
            return QString();
        if (!v.isString() || v.toString().isEmpty())
            fail(join(path, key),
                 v.isUndefined() ? QStringLiteral("required")
                                 : QStringLiteral("not a non-empty string"));
        return v.toString();
    }

    std::optional<QString> nullableString(const QJsonObject &o, const QString &path,
                                          const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString())
            fail(join(path, key), QStringLiteral("not a string or null"));
        return v.toString();
    }

    std::optional<QDateTime> timestamp(const QJsonObject &o, const QString &path,
                                       const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if ((v.isUndefined() || v.isNull()) && !required)
            return std::nullopt;
        const QDateTime parsed = Codec::parseTimestamp(v.toString());
        if (!parsed.isValid()) {
            fail(join(path, key),
                 v.isUndefined() ? QStringLiteral("required")
                                 : QStringLiteral("not an ISO 8601 date-time"));
            return std::nullopt;
        }
        return parsed;
    }

    QJsonArray array(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            fail(join(path, key), QStringLiteral("not an array"));
        return v.toArray();
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString at(const QString &path, qsizetype index)
    {
        return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    }

private:
    QString *m_error;
    bool m_failed = false;
};

std::optional<Escalation> readEscalation(Reader &r, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        r.fail(path, QStringLiteral("not an object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    r.onlyKeys(o, path,
               { QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("title"), Wire::note,
                 Wire::followUpDueAt, QStringLiteral("assignedToUserId"),
                 QStringLiteral("isCompleted"), QStringLiteral("createdAt"),
                 QStringLiteral("updatedAt") });
    Escalation e;
    e.id = r.string(o, path, QStringLiteral("id"), true);
    if (!r.failed() && !CaseId::isUuid(e.id))
        r.fail(Reader::join(path, QStringLiteral("id")), QStringLiteral("not a valid UUID"));
    e.type = r.string(o, path, QStringLiteral("type"), true);
    if (!r.failed() && !kTypes.contains(e.type))
        r.fail(Reader::join(path, QStringLiteral("type")),
               QStringLiteral("not one of ") + kTypes.join(QStringLiteral(", ")));
    e.title = r.string(o, path, QStringLiteral("title"), true);
    e.note = r.nullableString(o, path, Wire::note);
    e.followUpDueAt = r.timestamp(o, path, Wire::followUpDueAt, false);
    e.assignedToUserId = r.nullableString(o, path, QStringLiteral("assignedToUserId"));
    const QJsonValue completed = o.value(QLatin1String("isCompleted"));
    if (!completed.isUndefined() && !completed.isBool())
        r.fail(Reader::join(path, QStringLiteral("isCompleted")), QStringLiteral("not a boolean"));
    e.isCompleted = completed.toBool(false);
    e.createdAt = r.timestamp(o, path, QStringLiteral("createdAt"), true).value_or(QDateTime());
    // The 200 answer always carries updatedAt; an escalation never updated was updated at creation.
    e.updatedAt = r.timestamp(o, path, QStringLiteral("updatedAt"), false).value_or(e.createdAt);
    if (r.failed())
        return std::nullopt;
    return e;
}

std::optional<SandboxOrganization> readOrganization(Reader &r, const QJsonValue &value,
                                                    const QString &path, QSet<QString> &keys,
                                                    QSet<QString> &caseIds)
{
    if (!value.isObject()) {
        r.fail(path, QStringLiteral("not an object"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    r.onlyKeys(o, path,
               { QStringLiteral("name"), QStringLiteral("apiKeys"), QStringLiteral("users"),
                 QStringLiteral("cases") });
    SandboxOrganization org;
    org.name = r.string(o, path, QStringLiteral("name"), true);
    const QString keysPath = Reader::join(path, QStringLiteral("apiKeys"));
    const QJsonArray apiKeys = r.array(o, path, QStringLiteral("apiKeys"));
    if (!r.failed() && apiKeys.isEmpty())
        r.fail(keysPath, QStringLiteral("at least one API key is required"));
    for (qsizetype i = 0; i < apiKeys.size() && !r.failed(); ++i) {
        const QString key = apiKeys.at(i).toString();
        if (key.isEmpty())
            r.fail(Reader::at(keysPath, i), QStringLiteral("not a non-empty string"));
        else if (keys.contains(key))
            r.fail(Reader::at(keysPath, i), QStringLiteral("API key used twice"));
        keys.insert(key);
        org.apiKeys << key;
    }
    const QString usersPath = Reader::join(path, QStringLiteral("users"));
    const QJsonArray users = r.array(o, path, QStringLiteral("users"));
    QSet<QString> userIds;
    for (qsizetype i = 0; i < users.size() && !r.failed(); ++i) {
        const QString userPath = Reader::at(usersPath, i);
        const QJsonObject u = users.at(i).toObject();
        if (!users.at(i).isObject()) {
            r.fail(userPath, QStringLiteral("not an object"));
            break;
        }
        r.onlyKeys(u, userPath,
                   { QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("role") });
        SandboxUser user { r.string(u, userPath, QStringLiteral("id"), true),
                           r.string(u, userPath, QStringLiteral("email"), true),
                           r.string(u, userPath, QStringLiteral("role"), true) };
        if (r.failed())
            break;
        if (userIds.contains(user.id))
            r.fail(Reader::join(userPath, QStringLiteral("id")), QStringLiteral("used twice"));
        else if (!RequestSchema::isEmail(user.email))
            r.fail(Reader::join(userPath, QStringLiteral("email")),
                   QStringLiteral("not a valid e-mail address"));
        else if (!kRoles.contains(user.role))
            r.fail(Reader::join(userPath, QStringLiteral("role")),
                   QStringLiteral("not one of ") + kRoles.join(QStringLiteral(", ")));
        userIds.insert(user.id);
        org.users << user;
    }
    const QString casesPath = Reader::join(path, QStringLiteral("cases"));
    const QJsonArray cases = r.array(o, path, QStringLiteral("cases"));
    for (qsizetype i = 0; i < cases.size() && !r.failed(); ++i) {
        const QString casePath = Reader::at(casesPath, i);
        if (!cases.at(i).isObject()) {
            r.fail(casePath, QStringLiteral("not an object"));
            break;
        }
        const QJsonObject c = cases.at(i).toObject();
        r.onlyKeys(c, casePath, { QStringLiteral("id"), Wire::escalations });
        SandboxCase sandboxCase { r.string(c, casePath, QStringLiteral("id"), true), {} };
        if (!r.failed() && caseIds.contains(sandboxCase.id))
            r.fail(Reader::join(casePath, QStringLiteral("id")), QStringLiteral("used twice"));
        caseIds.insert(sandboxCase.id);
        const QString escalationsPath = Reader::join(casePath, Wire::escalations);
        const QJsonArray escalations = r.array(c, casePath, Wire::escalations);
        QSet<QString> escalationIds;
        for (qsizetype j = 0; j < escalations.size() && !r.failed(); ++j) {
            const QString escalationPath = Reader::at(escalationsPath, j);
            std::optional<Escalation> e = readEscalation(r, escalations.at(j), escalationPath);
            if (!e)
                break;
            if (escalationIds.contains(e->id.toLower()))
                r.fail(Reader::join(escalationPath, QStringLiteral("id")),
                       QStringLiteral("used twice in this case"));
            escalationIds.insert(e->id.toLower());
            sandboxCase.escalations << *e;
        }
        org.cases << sandboxCase;
    }
    if (r.failed())
        return std::nullopt;
    return org;
}

} // namespace

std::optional<QList<SandboxOrganization>> DataFile::parse(const QJsonObject &root, QString *error)
{
    Reader r(error);
    r.onlyKeys(root, QString(), { QStringLiteral("organizations") });
    const QJsonValue orgs = root.value(QLatin1String("organizations"));
    if (!r.failed() && !orgs.isArray())
        r.fail(QStringLiteral("organizations"),
               orgs.isUndefined() ? QStringLiteral("required") : QStringLiteral("not an array"));
    QList<SandboxOrganization> result;
    QSet<QString> keys;
    QSet<QString> caseIds;
    const QJsonArray array = orgs.toArray();
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        std::optional<SandboxOrganization> org = readOrganization(
            r, array.at(i), Reader::at(QStringLiteral("organizations"), i), keys, caseIds);
        if (org)
            result << *org;
    }
    if (r.failed())
        return std::nullopt;
    return result;
}

std::optional<QJsonObject> DataFile::readJson(const QString &path, QString *error)
{
    // A FIFO would block, /dev/zero would never end: only regular files, and only so large.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = path + QStringLiteral(": not a regular file");
        return std::nullopt;
    }
    if (info.size() > maxBytes) {
        *error = path + QStringLiteral(": larger than %1 MiB").arg(maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return std::nullopt;
    }
    const QByteArray bytes = file.read(maxBytes + 1); // it may have grown since
    if (bytes.size() > maxBytes) {
        *error = path + QStringLiteral(": larger than %1 MiB").arg(maxBytes / (1024 * 1024));
        return std::nullopt;
    }
    return parseJson(bytes, path, error);
}

std::optional<QJsonObject> DataFile::parseJson(const QByteArray &bytes, const QString &name,
                                               QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = name + QStringLiteral(": not valid JSON at offset ")
            + QString::number(parseError.offset) + QStringLiteral(": ") + parseError.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = name + QStringLiteral(": the top level is not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace Care360::Sandbox
