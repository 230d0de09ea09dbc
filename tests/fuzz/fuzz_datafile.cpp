// Fuzz target: the sandbox data-file parser, DataFile::parseJson (the bytes of a file given
// with care360-sandbox --data) then DataFile::parse, then SandboxStore::load. Checks:
// - never a crash, leak or undefined behaviour;
// - a refusal always says what is wrong;
// - what parse accepts holds to docs/sandbox.md (checked here without the parser's code):
//   every organisation has an API key, keys and case IDs are unique, every escalation has an
//   ID, a known type, a title and a valid creation time;
// - the store loads exactly what parse accepts, and then answers the contract's request.
// Input: the file's bytes. Seeds: tests/fuzz/corpus/datafile/.
#include "fuzzsupport.h"

#include "app/sandbox/datafile.h"
#include "app/sandbox/sandboxstore.h"
#include "models/caseid.h"

#include <QSet>

using namespace Care360;
using namespace Care360::Sandbox;

namespace {

void checkAccepted(const QList<SandboxOrganization> &organizations)
{
    QSet<QString> keys;
    QSet<QString> caseIds;
    for (const SandboxOrganization &org : organizations) {
        Fuzz::check(!org.name.isEmpty(), "accepted an organisation without a name");
        Fuzz::check(!org.apiKeys.isEmpty(), "accepted an organisation without an API key");
        for (const QString &key : org.apiKeys) {
            Fuzz::check(!key.isEmpty() && !keys.contains(key), "accepted an empty or repeated key");
            keys.insert(key);
        }
        for (const SandboxCase &sandboxCase : org.cases) {
            Fuzz::check(!sandboxCase.id.isEmpty() && !caseIds.contains(sandboxCase.id),
                        "accepted an empty or repeated case ID", sandboxCase.id);
            caseIds.insert(sandboxCase.id);
            for (const Escalation &e : sandboxCase.escalations) {
                Fuzz::check(e.id.size() == 36 && CaseId::extract(e.id) == e.id.toLower(),
                            "accepted an escalation ID that is not an ID", e.id);
                Fuzz::check(e.type == QLatin1String("support")
                                || e.type == QLatin1String("clinical")
                                || e.type == QLatin1String("external"),
                            "accepted an unknown escalation type", e.type);
                Fuzz::check(!e.title.isEmpty(), "accepted an escalation without a title", e.id);
                Fuzz::check(e.createdAt.isValid() && e.updatedAt && e.updatedAt->isValid(),
                            "accepted an escalation without valid times", e.id);
            }
        }
    }
}

// The contract's request on the first case of the first organisation that has one, with that
// organisation's key, naming the case's first escalation (or an unknown one).
void request(SandboxStore &store, const QList<SandboxOrganization> &organizations)
{
    for (const SandboxOrganization &org : organizations) {
        if (org.cases.isEmpty())
            continue;
        const SandboxCase &sandboxCase = org.cases.first();
        const QString id = sandboxCase.escalations.isEmpty()
            ? QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
            : sandboxCase.escalations.first().id;
        const QByteArray body = R"({"action":"UPDATE_ESCALATION","escalations":[{"escalationId":")"
            + id.toUtf8()
            + R"(","note":"Patient confirmed new address.","followUpDueAt":"2025-06-15T09:00:00.000Z"}]})";
        const Reply reply = store.handle(sandboxCase.id, org.apiKeys.first().toUtf8(), body);
        Fuzz::check(reply.status == 200 || reply.status == 400,
                    "the store answered a known case and key with neither 200 nor 400",
                    QString::number(reply.status));
        return;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = Fuzz::bytes(data, size);
    QString error;
    const std::optional<QJsonObject> root =
        DataFile::parseJson(bytes, QStringLiteral("fuzz.json"), &error);
    if (!root) {
        Fuzz::check(error.startsWith(QLatin1String("fuzz.json: ")) && error.size() > 11,
                    "a JSON refusal that does not name the file", error);
        return 0;
    }
    QString fieldError;
    const std::optional<QList<SandboxOrganization>> organizations =
        DataFile::parse(*root, &fieldError);
    SandboxStore store;
    QString storeError;
    const bool loaded = store.load(*root, &storeError);
    Fuzz::check(loaded == organizations.has_value(), "the store and the parser disagree",
                fieldError + QStringLiteral(" / ") + storeError);
    if (!organizations) {
        Fuzz::check(!fieldError.isEmpty(), "a refusal without a message");
        return 0;
    }
    checkAccepted(*organizations);
    request(store, *organizations);
    return 0;
}
