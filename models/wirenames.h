#pragma once

#include <QByteArray>
#include <QLatin1String>

// The names Care360 uses on the wire, spelled once. Values (note text, keys) never go here.
namespace Care360::Wire {

inline constexpr QLatin1String action("action");
inline constexpr QLatin1String updateEscalation("UPDATE_ESCALATION");
inline constexpr QLatin1String escalations("escalations");
inline constexpr QLatin1String escalationId("escalationId");
inline constexpr QLatin1String note("note");
inline constexpr QLatin1String followUpDueAt("followUpDueAt");
inline constexpr QLatin1String assignedToEmail("assignedToEmail");
inline constexpr QLatin1String apiKeyHeader("cv-api-key");
inline constexpr QLatin1String casesPath("/api/v1/cases/");

// For header names, which Qt takes as bytes.
inline QByteArray bytes(QLatin1String name)
{
    return QByteArray(name.data(), name.size());
}

} // namespace Care360::Wire
