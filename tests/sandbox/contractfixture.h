#pragma once

#include <QByteArray>
#include <QString>

// The names in tests/sandbox/data/contract.json: the contract page's own IDs (its escalation
// a1b2c3d4-…, its missing b9c8d7e6-…) in a case and organisation of the sandbox's.
namespace Care360::Sandbox::Testing::Contract {

inline const QString caseId = QStringLiteral("c0a5e000-0000-4000-8000-000000000001");
inline const QString otherCaseId = QStringLiteral("c0a5e000-0000-4000-8000-000000000002");
inline const QString escalationId = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
inline const QString completedId = QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210");
inline const QByteArray apiKey = QByteArrayLiteral("contract-key");
inline const QString dataFile = QStringLiteral(CARE360_SANDBOX_DATA_DIR "/contract.json");

} // namespace Care360::Sandbox::Testing::Contract
