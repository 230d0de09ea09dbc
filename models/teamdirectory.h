#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

namespace Care360 {

// One person of the organisation: the ID Care360 reports as assignedToUserId, the e-mail the
// API assigns by, a name for people and, when known, their Care360 role. Not patient data; kept
// in the settings.
struct TeamMember {
    // Care360 assigns escalations only to users with this role (shared/contract/api-notes.md).
    static constexpr QLatin1String assignableRole { "CVTPA" };

    QString userId;
    QString email;
    QString name; // may be empty
    QString role = {}; // one of TeamDirectoryFile::roles(); empty when the file did not say

    // Whether the assignee editor may offer this person: CVTPA, or a role nobody gave.
    bool assignable() const { return role.isEmpty() || role == assignableRole; }

    friend bool operator==(const TeamMember &a, const TeamMember &b)
    {
        return a.userId == b.userId && a.email == b.email && a.name == b.name && a.role == b.role;
    }
};

namespace TeamDirectoryFile {

constexpr qint64 maxBytes = 4 * 1024 * 1024;
constexpr int maxMembers = 10000;
constexpr int maxNameChars = 120;

struct Parsed {
    QList<TeamMember> members;
    QString error; // a sentence naming the first bad row; members is empty then
};

// Care360's user roles, upper case, as a role column may give them (in any case).
QStringList roles();

// The file format. Either CSV as spreadsheets export it (see ExportedCsv::read: UTF-8 with or
// without BOM or Windows-1252; comma, semicolon or tab; CRLF or LF) whose first row names the
// columns in any order, in any case, spaces around ignored:
//   user ID (required): userId, user id, id de usuario, usuario
//   e-mail (required):  email, e-mail, correo, correo electrónico
//   name:               name, nombre
//   role:               role, rol (USER, CASEMANAGER, CASEWORKER, ADMIN, CVADMIN or CVTPA)
// Other columns are ignored, and so are rows with nothing in them. Or a JSON array of
// {"userId":…,"email":…,"name":…,"role":…}. Validated whole: one bad row and nothing is
// imported; the sentence names the row and column, never a cell (a wrong file could hold patient
// data). The names themselves live in teamdirectory.cpp's columnNames().
Parsed parse(const QByteArray &bytes);

} // namespace TeamDirectoryFile
} // namespace Care360
