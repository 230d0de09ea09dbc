#include "clifiles.h"

#include <QFile>

#include <cstdio>

namespace Care360 {

bool CliFiles::read(const QString &path, const QString &option, qint64 maxBytes, QByteArray *bytes,
                    QString *error)
{
    QFile file(path);
    const bool standardInput = path == QLatin1String("-");
    const auto failed = [&] {
        // A file name can say whose case it is: it stays out of terminals and logs.
        *error = standardInput
            ? tr("Cannot read standard input: %1.").arg(file.errorString())
            : tr("Cannot read the file given to %1: %2.").arg(option, file.errorString());
        return false;
    };
    if (!(standardInput ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly)))
        return failed();
    *bytes = file.read(maxBytes + 1);
    return file.error() == QFileDevice::NoError || failed();
}

} // namespace Care360
