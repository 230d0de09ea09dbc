#include "clifiles.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace Care360 {

bool CliFiles::read(const QString &path, qint64 maxBytes, QByteArray *bytes, QString *error)
{
    QFile file(path);
    const bool standardInput = path == QLatin1String("-");
    const auto failed = [&] {
        *error = tr("Cannot read %1: %2.")
                     .arg(standardInput ? tr("standard input") : QDir::toNativeSeparators(path),
                          file.errorString());
        return false;
    };
    if (!(standardInput ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly)))
        return failed();
    *bytes = file.read(maxBytes + 1);
    return file.error() == QFileDevice::NoError || failed();
}

} // namespace Care360
