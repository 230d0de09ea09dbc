#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Care360::Csv {

// RFC 4180 through libcsv (Debian libcsv-dev): quoted fields may hold commas, quotes and line
// breaks, as spreadsheets write them. UTF-8 in and out; a UTF-8 byte-order mark is skipped.
struct Table {
    QList<QStringList> rows; // the header too, as row 0
    QString error; // a sentence when the file is not CSV; rows then holds what came before
};

// separator: what stands between cells (',' by RFC 4180; spreadsheets also use ';' and tab).
Table read(const QByteArray &utf8, char separator = ',');
// One record: fields quoted only where they need to be, ended by CRLF as RFC 4180 says.
QByteArray record(const QStringList &fields);

// OWASP's CSV-injection rule, kept here only: a cell a spreadsheet would run as a formula (it
// starts with = + - @, tab or CR) is written with a leading '. So that reading can undo exactly
// that, the ' also goes before a cell whose first character after its own leading 's is one of
// those ("'=x" becomes "''=x"); "'x" stays as it is.
QString neutralised(const QString &cell);
// The inverse, for a cell read back: one leading ' goes when neutralised() would have added it.
QString unneutralised(const QString &cell);

} // namespace Care360::Csv
