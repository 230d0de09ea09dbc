#pragma once

#include "csv.h"

#include <QByteArray>

// A table as spreadsheets export it: Excel in any locale, Google Sheets, LibreOffice.
namespace Care360::ExportedCsv {

// UTF-8 with or without a byte-order mark (Excel's "CSV UTF-8", Google Sheets); bytes that are
// not UTF-8 are Windows-1252 (Excel's legacy "CSV" on Western-European Windows). The separator
// is whichever of comma, semicolon and tab the first row uses most outside quotes (a comma when
// it uses none: a single column). CRLF or LF line ends.
Csv::Table read(const QByteArray &bytes);

} // namespace Care360::ExportedCsv
