#include "teamdirectory.h"

#include "caseid.h"
#include "csv.h"
#include "requestschema.h"
#include "untrustedtext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Care360::TeamDirectoryFile {

namespace {
struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::TeamDirectoryFile)
};

const QString kUserId = QStringLiteral("userId");
const QString kEmail = QStringLiteral("email");
const QString kName = QStringLiteral("name");

// Checks one member; where names the row ("Row 4", "Entry 3") in the sentence.
QString problemWith(const TeamMember &member, const QString &where, QSet<QString> *seen)
{
    if (!CaseId::isUuid(member.userId))
        return Translate::tr("%1: “%2” is not a Care360 user ID (a UUID).")
            .arg(where, UntrustedText::shown(member.userId));
    if (!RequestSchema::isEmail(member.email))
        return Translate::tr("%1: “%2” is not an e-mail address.")
            .arg(where, UntrustedText::shown(member.email));
    if (seen->contains(member.userId.toLower()))
        return Translate::tr("%1: user %2 is listed twice.").arg(where, member.userId);
    seen->insert(member.userId.toLower());
    return {};
}

TeamMember member(const QString &userId, const QString &email, const QString &name)
{
    // Names come from a file anyone could have edited: short and without control characters.
    return { userId.trimmed(), email.trimmed(),
             UntrustedText::visible(UntrustedText::capped(name.trimmed(), maxNameChars)) };
}

Parsed fail(const QString &error)
{
    return { {}, error };
}

Parsed parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return fail(Translate::tr("The file is neither CSV with a userId,email header nor a "
                                  "JSON array of people."));
    Parsed parsed;
    QSet<QString> seen;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = Translate::tr("Entry %1").arg(i + 1);
        const QJsonObject object = array.at(i).toObject();
        if (!object.value(kUserId).isString() || !object.value(kEmail).isString())
            return fail(Translate::tr("%1 needs \"userId\" and \"email\" as text.").arg(where));
        const TeamMember m =
            member(object.value(kUserId).toString(), object.value(kEmail).toString(),
                   object.value(kName).toString());
        if (const QString problem = problemWith(m, where, &seen); !problem.isEmpty())
            return fail(problem);
        parsed.members << m;
    }
    return parsed;
}

Parsed parseCsv(const QByteArray &bytes)
{
    const Csv::Table table = Csv::read(bytes);
    if (!table.error.isEmpty())
        return fail(table.error);
    if (table.rows.isEmpty())
        return fail(Translate::tr("The file is empty."));
    const QStringList header = table.rows.first();
    const auto column = [&header](const QString &name) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return int(i);
        }
        return -1;
    };
    const int userId = column(kUserId);
    const int email = column(kEmail);
    const int name = column(kName);
    if (userId < 0 || email < 0)
        return fail(Translate::tr("The first row must name the columns userId and email (and "
                                  "optionally name)."));
    Parsed parsed;
    QSet<QString> seen;
    for (qsizetype r = 1; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        if (row.size() == 1 && row.first().trimmed().isEmpty())
            continue; // a blank line
        const QString where = Translate::tr("Row %1").arg(r + 1);
        const TeamMember m =
            member(row.value(userId), row.value(email), name >= 0 ? row.value(name) : QString());
        if (const QString problem = problemWith(m, where, &seen); !problem.isEmpty())
            return fail(problem);
        parsed.members << m;
    }
    return parsed;
}
} // namespace

Parsed parse(const QByteArray &bytes)
{
    if (bytes.size() > maxBytes)
        return fail(Translate::tr("The file is larger than %1 MiB; a team directory is far "
                                  "smaller.")
                        .arg(maxBytes / (1024 * 1024)));
    const QByteArray trimmed = bytes.trimmed();
    Parsed parsed = trimmed.startsWith('[') ? parseJson(trimmed) : parseCsv(bytes);
    if (parsed.error.isEmpty() && parsed.members.size() > maxMembers)
        return fail(Translate::tr("The file lists more than %1 people.").arg(maxMembers));
    if (parsed.error.isEmpty() && parsed.members.isEmpty())
        return fail(Translate::tr("The file lists nobody."));
    return parsed;
}

} // namespace Care360::TeamDirectoryFile
