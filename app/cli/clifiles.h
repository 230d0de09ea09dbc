#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Care360 {

class CliFiles {
    Q_DECLARE_TR_FUNCTIONS(CliFiles)

public:
    // Reads FILE ("-" for standard input), at most maxBytes + 1 bytes: enough for the caller's
    // parser to say "too large" without reading a wrong file (a log, an image) whole. The error
    // names the file by the option that gave it (e.g. "--from"), not by its name.
    static bool read(const QString &path, const QString &option, qint64 maxBytes, QByteArray *bytes,
                     QString *error);
};

} // namespace Care360
