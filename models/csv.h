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

Table read(const QByteArray &utf8);
// One record: fields quoted only where they need to be, ended by CRLF as RFC 4180 says.
QByteArray record(const QStringList &fields);

} // namespace Care360::Csv
