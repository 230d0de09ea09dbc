#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Care360 {

// One person of the organisation: the ID Care360 reports as assignedToUserId, the e-mail the
// API assigns by, and a name for people. Not patient data; kept in the settings.
struct TeamMember {
    QString userId;
    QString email;
    QString name; // may be empty

    friend bool operator==(const TeamMember &a, const TeamMember &b)
    {
        return a.userId == b.userId && a.email == b.email && a.name == b.name;
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

// CSV with the header userId,email[,name] (any order, any case) or a JSON array of
// {"userId":…,"email":…,"name":…}. Validated whole: one bad row and nothing is imported.
Parsed parse(const QByteArray &bytes);

} // namespace TeamDirectoryFile
} // namespace Care360
