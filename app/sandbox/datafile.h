#pragma once

#include "sandboxdata.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Care360::Sandbox {

// Reads the sandbox data-file format (docs/sandbox.md). Strict: the first problem is reported
// with the path of the wrong field, e.g.
// "organizations[0].cases[1].escalations[2].followUpDueAt: not an ISO 8601 date-time".
class DataFile {
public:
    // The 1,000-escalation demo case is about 0.5 MB; nothing genuine comes near this.
    static constexpr qint64 maxBytes = 32 * 1024 * 1024;
    static std::optional<QList<SandboxOrganization>> parse(const QJsonObject &root, QString *error);
    // Reads and JSON-parses a file; the error names the file and the JSON syntax problem.
    static std::optional<QJsonObject> readJson(const QString &path, QString *error);
    // JSON-parses a data file's bytes (readJson's second half); the error starts with `name`.
    static std::optional<QJsonObject> parseJson(const QByteArray &bytes, const QString &name,
                                                QString *error);
};

} // namespace Care360::Sandbox
