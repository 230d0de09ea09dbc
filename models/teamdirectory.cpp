#include "teamdirectory.h"

#include "caseid.h"
#include "exportedcsv.h"
#include "requestschema.h"
#include "untrustedtext.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace Care360::TeamDirectoryFile {

namespace {
struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::TeamDirectoryFile)
};

enum Field { UserId, Email, Name, Role, FieldCount };
using Columns = std::array<int, FieldCount>; // each field's column in a CSV row, or -1

// The one list of the names a first row may give each column (teamdirectory.h and README.md
// repeat it for people). The first is the canonical name, also the JSON key.
const std::array<QStringList, FieldCount> &columnNames()
{
    static const std::array<QStringList, FieldCount> names {
        QStringList { QStringLiteral("userId"), QStringLiteral("user id"),
                      QStringLiteral("id de usuario"), QStringLiteral("usuario") },
        QStringList { QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("correo"),
                      QStringLiteral("correo electrónico") },
        QStringList { QStringLiteral("name"), QStringLiteral("nombre") },
        QStringList { QStringLiteral("role"), QStringLiteral("rol") },
    };
    return names;
}

// Composed first: macOS may hand over "ó" as "o" and a combining accent.
QString comparable(const QString &header)
{
    return header.trimmed().normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString jsonKey(Field field)
{
    return columnNames()[field].first();
}

QString fieldLabel(Field field)
{
    switch (field) {
    case UserId:
        return Translate::tr("user ID");
    case Email:
        return Translate::tr("e-mail");
    case Name:
        return Translate::tr("name");
    case Role:
    case FieldCount:
        break;
    }
    return Translate::tr("role");
}

// A header as a sentence shows it: capped, control characters visible, in quotes.
QString quotedHeader(const QString &header)
{
    constexpr int kShownChars = 40;
    return Translate::tr("“%1”").arg(
        UntrustedText::shown(UntrustedText::capped(header.trimmed(), kShownChars)));
}

// What the first row has, for a sentence: the first few headers.
QString shownHeaders(const QStringList &header)
{
    constexpr int kShownHeaders = 8;
    QStringList shown;
    for (qsizetype i = 0; i < std::min<qsizetype>(header.size(), kShownHeaders); ++i)
        shown << quotedHeader(header.at(i));
    if (header.size() > kShownHeaders)
        shown << QString(QChar(0x2026));
    return shown.join(QLatin1String(", "));
}

bool isBlank(const QStringList &row)
{
    return std::all_of(row.cbegin(), row.cend(),
                       [](const QString &cell) { return cell.trimmed().isEmpty(); });
}

// Fills columns from the first row; the sentence says what is wrong with it, if anything.
QString findColumns(const QStringList &header, Columns *columns)
{
    columns->fill(-1);
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = comparable(header.at(i));
        for (int f = 0; f < FieldCount; ++f) {
            const bool matches =
                std::any_of(columnNames()[f].cbegin(), columnNames()[f].cend(),
                            [&name](const QString &known) { return comparable(known) == name; });
            if (!matches)
                continue;
            if ((*columns)[f] >= 0)
                return Translate::tr("The first row names the %1 column twice: %2 and %3.")
                    .arg(fieldLabel(Field(f)), quotedHeader(header.at((*columns)[f])),
                         quotedHeader(header.at(i)));
            (*columns)[f] = int(i);
        }
    }
    const bool noUserId = (*columns)[UserId] < 0;
    const bool noEmail = (*columns)[Email] < 0;
    if (!noUserId && !noEmail)
        return {};
    // A first row of data is not quoted: it is a person, and the file might be a patient list.
    if (std::any_of(header.cbegin(), header.cend(), [](const QString &cell) {
            return CaseId::isUuid(cell.trimmed()) || RequestSchema::isEmail(cell.trimmed());
        }))
        return Translate::tr("The first row holds a user ID or an e-mail address where the column "
                             "names belong: add a first row that names the columns, such as "
                             "userId, email, name and role.");
    const auto names = [](Field f) {
        return columnNames()[f].join(QLatin1String(" / "));
    };
    if (noUserId && noEmail)
        return Translate::tr("The first row has neither a user ID column (%1) nor an e-mail "
                             "column (%2); it has %3.")
            .arg(names(UserId), names(Email), shownHeaders(header));
    const Field missing = noUserId ? UserId : Email;
    return Translate::tr("The first row has no %1 column (%2); it has %3.")
        .arg(fieldLabel(missing), names(missing), shownHeaders(header));
}

// How sentences name a place in the file: rows and their cells for CSV, entries and keys for JSON.
struct Places {
    bool csv = true;
    QStringList headers; // CSV: the first row's own word for each field

    QString at(int n) const
    {
        return csv ? Translate::tr("Row %1").arg(n) : Translate::tr("Entry %1").arg(n);
    }
    QString field(Field f) const
    {
        return csv ? Translate::tr("the %1 cell").arg(quotedHeader(headers.value(f)))
                   : Translate::tr("the \"%1\" value").arg(jsonKey(f));
    }
    QString again(int n, int first) const
    {
        return (csv ? Translate::tr("Row %1: the same user ID as row %2.")
                    : Translate::tr("Entry %1: the same user ID as entry %2."))
            .arg(n)
            .arg(first);
    }
};

// The first problem with the person at place n. Never quotes a cell: a wrong file (a patient
// list exported by mistake) would put patient data into the sentence.
QString problemWith(const TeamMember &member, int n, const Places &places,
                    QHash<QString, int> *seen)
{
    const QString at = places.at(n);
    if (member.userId.isEmpty())
        return Translate::tr("%1: %2 is empty.").arg(at, places.field(UserId));
    if (!CaseId::isUuid(member.userId))
        return Translate::tr("%1: %2 is not a Care360 user ID (a UUID).")
            .arg(at, places.field(UserId));
    if (member.email.isEmpty())
        return Translate::tr("%1: %2 is empty.").arg(at, places.field(Email));
    if (!RequestSchema::isEmail(member.email))
        return Translate::tr("%1: %2 is not an e-mail address.").arg(at, places.field(Email));
    if (!member.role.isEmpty() && !roles().contains(member.role))
        return Translate::tr("%1: %2 is not a Care360 role (%3).")
            .arg(at, places.field(Role), roles().join(QLatin1String(", ")));
    const QString id = member.userId.toLower();
    if (const auto first = seen->constFind(id); first != seen->cend())
        return places.again(n, *first);
    seen->insert(id, n);
    return {};
}

TeamMember member(const QString &userId, const QString &email, const QString &name,
                  const QString &role)
{
    // Names come from a file anyone could have edited: short and without control characters.
    return { userId.trimmed(), email.trimmed(),
             UntrustedText::visible(UntrustedText::capped(name.trimmed(), maxNameChars)),
             role.trimmed().toUpper() };
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
    QHash<QString, int> seen;
    const Places places { false, {} };
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int n = int(i + 1);
        const QJsonObject object = array.at(i).toObject();
        if (!object.value(jsonKey(UserId)).isString() || !object.value(jsonKey(Email)).isString())
            return fail(
                Translate::tr("%1 needs \"userId\" and \"email\" as text.").arg(places.at(n)));
        const QJsonValue role = object.value(jsonKey(Role));
        if (!role.isString() && !role.isNull() && !role.isUndefined())
            return fail(
                Translate::tr("%1: %2 is not a Care360 role (%3).")
                    .arg(places.at(n), places.field(Role), roles().join(QLatin1String(", "))));
        const TeamMember m = member(object.value(jsonKey(UserId)).toString(),
                                    object.value(jsonKey(Email)).toString(),
                                    object.value(jsonKey(Name)).toString(), role.toString());
        if (const QString problem = problemWith(m, n, places, &seen); !problem.isEmpty())
            return fail(problem);
        parsed.members << m;
    }
    return parsed;
}

Parsed parseCsv(const QByteArray &bytes)
{
    const Csv::Table table = ExportedCsv::read(bytes);
    if (!table.error.isEmpty())
        return fail(table.error);
    // Rows with nothing in them are skipped wherever they are: Excel writes ";;" for cleared ones.
    qsizetype first = 0;
    while (first < table.rows.size() && isBlank(table.rows.at(first)))
        ++first;
    if (first == table.rows.size())
        return fail(Translate::tr("The file is empty."));
    const QStringList &header = table.rows.at(first);
    Columns columns;
    if (const QString problem = findColumns(header, &columns); !problem.isEmpty())
        return fail(problem);
    Places places;
    for (int f = 0; f < FieldCount; ++f)
        places.headers << header.value(columns[f]);
    Parsed parsed;
    QHash<QString, int> seen;
    for (qsizetype r = first + 1; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        if (isBlank(row))
            continue;
        const auto cell = [&](Field f) {
            return columns[f] >= 0 ? row.value(columns[f]) : QString();
        };
        const TeamMember m = member(cell(UserId), cell(Email), cell(Name), cell(Role));
        if (const QString problem = problemWith(m, int(r + 1), places, &seen); !problem.isEmpty())
            return fail(problem);
        parsed.members << m;
    }
    return parsed;
}
} // namespace

QStringList roles()
{
    static const QStringList all { QStringLiteral("USER"),       QStringLiteral("CASEMANAGER"),
                                   QStringLiteral("CASEWORKER"), QStringLiteral("ADMIN"),
                                   QStringLiteral("CVADMIN"),    TeamMember::assignableRole };
    return all;
}

Parsed parse(const QByteArray &bytes)
{
    if (bytes.size() > maxBytes)
        return fail(Translate::tr("The file is larger than %1 MiB; a team directory is far "
                                  "smaller.")
                        .arg(maxBytes / (1024 * 1024)));
    // A byte-order mark may come before JSON too.
    const QByteArray trimmed = (bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes).trimmed();
    Parsed parsed = trimmed.startsWith('[') ? parseJson(trimmed) : parseCsv(bytes);
    if (parsed.error.isEmpty() && parsed.members.size() > maxMembers)
        return fail(Translate::tr("The file lists more than %1 people.").arg(maxMembers));
    if (parsed.error.isEmpty() && parsed.members.isEmpty())
        return fail(Translate::tr("The file lists nobody."));
    return parsed;
}

} // namespace Care360::TeamDirectoryFile
