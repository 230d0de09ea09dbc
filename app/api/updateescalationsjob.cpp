#include "updateescalationsjob.h"

#include "models/caseid.h"
#include "models/contractcodec.h"
#include "models/wirenames.h"

#include <QJsonDocument>

namespace Care360 {

UpdateEscalationsJob::UpdateEscalationsJob(const ApiJobSettings &settings, const QString &caseId,
                                           const QList<EscalationUpdate> &updates,
                                           bool itemsMayBeEmpty, QObject *parent)
    : ApiJob(settings, parent)
    , m_caseId(caseId)
    , m_updates(updates)
    , m_itemsMayBeEmpty(itemsMayBeEmpty)
{
}

ApiRequest UpdateEscalationsJob::prepare() const
{
    using RequestSchema::SchemaError;
    ApiRequest request;
    request.logFields = fieldNames();
    if (!CaseId::isUuid(m_caseId)) {
        request.refusal =
            SchemaError { QStringLiteral("caseId"), QStringLiteral("caseId must be a valid UUID") };
        return request;
    }
    request.path = Wire::casesPath + m_caseId;
    // The server would accept an item without changes; the console never means to send one.
    for (int i = 0; i < m_updates.size() && !m_itemsMayBeEmpty; ++i) {
        if (m_updates.at(i).isEmpty()) {
            request.refusal = SchemaError {
                QStringLiteral("escalations.%1").arg(i),
                QStringLiteral(
                    "at least one of note, followUpDueAt or assignedToEmail is required")
            };
            return request;
        }
    }
    // Encoded once: the object the schema checks is the one that is sent.
    const QJsonObject body = Codec::updateRequestObject(m_updates);
    request.refusal = RequestSchema::validateUpdateBody(body);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

} // namespace Care360

#include "moc_updateescalationsjob.cpp"
