#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// The contract page's verbatim example bodies (tests/contract/*.json), byte for byte.
// CARE360_CONTRACT_DIR is defined for every test by tests/CMakeLists.txt.
inline QByteArray contractBody(const QString &name)
{
    QFile file(QStringLiteral(CARE360_CONTRACT_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing contract file %s", qPrintable(name));
    return file.readAll();
}
