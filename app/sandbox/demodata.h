#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The built-in demo data: two organisations with keys, users and cases. The console, the CLI
// and the tests use these names; docs/sandbox.md lists them for newcomers.
namespace Care360::Sandbox::Demo {

inline const QString acmeName = QStringLiteral("Acme Health");
inline const QString acmeApiKey = QStringLiteral("acme-demo-key");
inline const QString globexName = QStringLiteral("Globex Care");
inline const QString globexApiKey = QStringLiteral("globex-demo-key");

// Acme: 6 active + 2 completed, mixed (notes, assigned, overdue, due soon, no follow-up).
inline const QString acmeCaseId = QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01");
// Acme: 3 active.
inline const QString acmeSecondCaseId = QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e02");
// Acme: 1,000 active, for scale.
inline const QString acmeLargeCaseId = QStringLiteral("3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e99");
// Globex: 4 active.
inline const QString globexCaseId = QStringLiteral("7a9e5d3c-2b1f-4e8d-a6c4-0f9e8d7c6b01");

inline const QString acmeAgentEmail = QStringLiteral("agent@acme.example"); // CVTPA
inline const QString acmeNurseEmail = QStringLiteral("nurse@acme.example"); // CVTPA
inline const QString acmeManagerEmail = QStringLiteral("manager@acme.example"); // not assignable
inline const QString globexAgentEmail = QStringLiteral("agent@globex.example"); // CVTPA

// The demo in the data-file format; overdue and due-soon dates are relative to now.
QJsonObject data(const QDateTime &now);

} // namespace Care360::Sandbox::Demo
