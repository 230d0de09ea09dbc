#include "sandboxstore.h"
#include "models/wirenames.h"

#include "datafile.h"
#include "demodata.h"

#include "models/contractcodec.h"
#include "models/requestschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Care360::Sandbox {

namespace {

const QString kStatus = QStringLiteral("status");
const QString kSuccess = QStringLiteral("success");
const QString kMessage = QStringLiteral("message");
const QString kError = QStringLiteral("error");

// The page's business-error envelope.
Reply invalidRequest(int status, const QString &error)
{
    return { status,
             QJsonObject { { kStatus, status },
                           { kSuccess, false },
                           { kMessage, QStringLiteral("Invalid request") },
                           { kError, error } } };
}

QJsonObject escalationsData(const QList<Escalation> &escalations)
{
    QJsonArray array;
    for (const Escalation &e : escalations)
        array.append(Codec::escalationToJson(e));
    return QJsonObject { { Wire::escalations, array } };
}

} // namespace

bool SandboxStore::load(const QJsonObject &data, QString *error)
{
    std::optional<QList<SandboxOrganization>> organizations = DataFile::parse(data, error);
    if (!organizations)
        return false;
    m_organizations = *organizations;
    rebuildIndex();
    return true;
}

bool SandboxStore::loadFile(const QString &path, QString *error)
{
    const std::optional<QJsonObject> json = DataFile::readJson(path, error);
    if (!json)
        return false;
    QString fieldError;
    if (load(*json, &fieldError))
        return true;
    if (error)
        *error = path + QStringLiteral(": ") + fieldError;
    return false;
}

void SandboxStore::loadDemo()
{
    QString error;
    // The demo data is built in code; a failure here is a programming error.
    if (!load(Demo::data(QDateTime::currentDateTimeUtc()), &error))
        qFatal("sandbox demo data is invalid: %s", qPrintable(error));
}

void SandboxStore::rebuildIndex()
{
    m_cases.clear();
    m_organizationByKey.clear();
    for (int o = 0; o < m_organizations.size(); ++o) {
        const SandboxOrganization &org = m_organizations.at(o);
        for (const QString &key : org.apiKeys)
            m_organizationByKey.insert(key.toUtf8(), o);
        for (int c = 0; c < org.cases.size(); ++c)
            m_cases.insert(org.cases.at(c).id, CaseRef { o, c });
    }
}

std::optional<SandboxStore::CaseRef> SandboxStore::findCase(const QString &caseId) const
{
    const auto it = m_cases.constFind(caseId);
    if (it == m_cases.constEnd())
        return std::nullopt;
    return *it;
}

QList<Escalation> SandboxStore::active(const SandboxCase &sandboxCase, bool withUpdatedAt) const
{
    QList<Escalation> result;
    for (const Escalation &e : sandboxCase.escalations) {
        if (e.isCompleted)
            continue;
        result << e;
        // The page's 400 "not found" example lists escalations without updatedAt.
        if (!withUpdatedAt)
            result.last().updatedAt.reset();
    }
    return result;
}

QList<Escalation> SandboxStore::activeEscalations(const QString &caseId) const
{
    const std::optional<CaseRef> ref = findCase(caseId);
    if (!ref)
        return {};
    return active(m_organizations.at(ref->organization).cases.at(ref->caseIndex), true);
}

std::optional<Escalation> SandboxStore::escalation(const QString &caseId, const QString &id) const
{
    const std::optional<CaseRef> ref = findCase(caseId);
    if (!ref)
        return std::nullopt;
    for (const Escalation &e :
         m_organizations.at(ref->organization).cases.at(ref->caseIndex).escalations) {
        if (e.id.compare(id, Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

bool SandboxStore::setCompleted(const QString &caseId, const QString &escalationId, bool completed)
{
    const std::optional<CaseRef> ref = findCase(caseId);
    if (!ref)
        return false;
    for (Escalation &e : m_organizations[ref->organization].cases[ref->caseIndex].escalations) {
        if (e.id.compare(escalationId, Qt::CaseInsensitive) == 0) {
            e.isCompleted = completed;
            e.updatedAt = QDateTime::currentDateTimeUtc();
            return true;
        }
    }
    return false;
}

QString SandboxStore::userEmail(const QString &userId) const
{
    for (const SandboxOrganization &org : m_organizations) {
        for (const SandboxUser &user : org.users) {
            if (user.id == userId)
                return user.email;
        }
    }
    return QString();
}

const SandboxUser *SandboxStore::assignableUser(int organization, const QString &email) const
{
    for (const SandboxUser &user : m_organizations.at(organization).users) {
        if (user.role == QLatin1String("CVTPA")
            && user.email.compare(email, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

Reply SandboxStore::handle(const QString &caseId, const QByteArray &apiKey, const QByteArray &body)
{
    // 1. The key names the organisation the caller acts for.
    const auto keyIt = m_organizationByKey.constFind(apiKey);
    if (apiKey.isEmpty() || keyIt == m_organizationByKey.constEnd())
        return invalidRequest(401, QStringLiteral("Invalid API key"));

    // 2. Strict schema, first problem only; a body that is not JSON is "not an object".
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue json = parseError.error != QJsonParseError::NoError
        ? QJsonValue(QJsonValue::Undefined)
        : document.isObject() ? QJsonValue(document.object())
                              : QJsonValue(document.array());
    if (const auto schemaError = RequestSchema::validateUpdateBody(json)) {
        return { 400,
                 QJsonObject { { kStatus, 400 },
                               { QStringLiteral("code"), QStringLiteral("VALIDATION_ERROR") },
                               { kError, schemaError->errorText() } } };
    }

    // 3. and 4. The case must exist, and belong to the key's organisation.
    const std::optional<CaseRef> ref = findCase(caseId);
    if (!ref)
        return invalidRequest(400, QStringLiteral("Case not found!"));
    if (ref->organization != *keyIt)
        return invalidRequest(401, QStringLiteral("Permission denied!"));
    SandboxCase &sandboxCase = m_organizations[ref->organization].cases[ref->caseIndex];

    // 5. Every ID must be an active escalation of this case; otherwise answer with the list.
    const QJsonArray items = json.toObject().value(Wire::escalations).toArray();
    QHash<QString, int> activeIndex;
    for (int i = 0; i < sandboxCase.escalations.size(); ++i) {
        if (!sandboxCase.escalations.at(i).isCompleted)
            activeIndex.insert(sandboxCase.escalations.at(i).id.toLower(), i);
    }
    QStringList missing;
    for (const QJsonValue &item : items) {
        const QString id = item.toObject().value(Wire::escalationId).toString();
        if (!activeIndex.contains(id.toLower()) && !missing.contains(id))
            missing << id;
    }
    if (!missing.isEmpty()) {
        const QString error =
            QStringLiteral("Escalation not found: ") + missing.join(QStringLiteral(", "));
        return { 400,
                 QJsonObject {
                     { kStatus, 400 },
                     { kSuccess, false },
                     { kError, error },
                     { QStringLiteral("data"), escalationsData(active(sandboxCase, false)) } } };
    }

    // 6. Every assignee must be a CVTPA user of the case's organisation.
    QHash<int, QString> assignees; // item index -> user id
    for (int i = 0; i < items.size(); ++i) {
        const QJsonValue email = items.at(i).toObject().value(Wire::assignedToEmail);
        if (email.isUndefined())
            continue;
        const SandboxUser *user = assignableUser(ref->organization, email.toString());
        if (!user)
            return invalidRequest(400,
                                  QStringLiteral("No assignable user found with email %1 for "
                                                 "this organization")
                                      .arg(email.toString()));
        assignees.insert(i, user->id);
    }

    // 7. Everything checked: apply all items with one timestamp.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        Escalation &e = sandboxCase.escalations[activeIndex.value(
            item.value(Wire::escalationId).toString().toLower())];
        if (item.contains(Wire::note))
            e.note = item.value(Wire::note).toString();
        if (item.contains(Wire::followUpDueAt))
            e.followUpDueAt = Codec::parseTimestamp(item.value(Wire::followUpDueAt).toString());
        if (assignees.contains(i))
            e.assignedToUserId = assignees.value(i);
        e.updatedAt = now;
    }
    return { 200,
             QJsonObject {
                 { kStatus, 200 },
                 { kSuccess, true },
                 { kMessage, QStringLiteral("Escalation(s) updated successfully") },
                 { QStringLiteral("data"), escalationsData(active(sandboxCase, true)) } } };
}

} // namespace Care360::Sandbox
