#pragma once

#include "app/exitcodes.h"
#include "models/apioutcome.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

namespace Care360 {

class AssigneeDirectory;

// What the CLI prints: tables for people, exit codes for scripts, one-line errors for both.
class CliOutput {
    Q_DECLARE_TR_FUNCTIONS(CliOutput)

public:
    static int exitCode(const ApiOutcome &outcome);
    // One sentence plus the request ID, for stderr; for an update also whether anything may
    // have been saved (the CLI keeps nothing, so it must not promise to).
    static QString errorLine(const ApiOutcome &outcome, bool isUpdate);
    // Note text is printed only where it is asked for (list --show-notes, list's CSV and JSON),
    // never after an update.
    enum class Notes { LeftOut, Shown };
    // Fixed-width table of escalations; assignees by name or e-mail where people knows them,
    // else by user ID; with Notes::Shown a NOTE column, notes shortened to one line.
    static QString table(const QList<Escalation> &escalations, const AssigneeDirectory &people,
                         Notes notes);
    // RFC 4180 with a header row: every value exactly as stored, but for the leading ' that
    // Csv::neutralised puts before a cell a spreadsheet would run as a formula.
    static QByteArray csv(const QList<Escalation> &escalations, const AssigneeDirectory &people);
    // The server's JSON envelope written again, one line: valid JSON with every control, format
    // and line-separator character as \uXXXX; with Notes::LeftOut no "note" in its
    // data.escalations. Empty when the body is not JSON.
    static QByteArray json(const QByteArray &body, Notes notes);
    // A document written as json() writes the envelope: one line, controls as \uXXXX.
    static QByteArray escapedJson(const QJsonDocument &document);
    // Rows (the first is the header) in columns two spaces apart; cells must already be safe.
    static QString columns(const QList<QStringList> &rows);

    // How much of the server's text a table cell keeps; CSV and JSON keep all of it.
    static constexpr int idChars = 64;
    static constexpr int typeChars = 40;
    static constexpr int titleChars = 80;
    // A table cell of server text: at most maxChars, no control character as itself.
    static QString cell(QStringView text, int maxChars);
    // A date and time in a table: local time, to the minute.
    static QString tableTime(const QDateTime &dateTime);
};

} // namespace Care360
