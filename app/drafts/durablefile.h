#pragma once

#include <QByteArray>
#include <QString>

namespace Care360::DurableFile {

// Why a write did not reach the disk, in the terms an agent can act on.
enum class Failure { None, DiskFull, NotWritable, Other };

struct Result {
    Failure failure = Failure::None;
    QString detail; // the system's text, for Other

    bool ok() const { return failure == Failure::None; }
};

// Replaces path with bytes, owner-only, so that after a crash or a power cut the file holds
// either the old bytes or the new ones, never less: every write and flush is checked before the
// rename (Qt 6.4's QSaveFile::commit() does not see a write that failed in its buffer, and would
// rename an empty file over a good one), the file is synced by commit() and the folder after
// the rename. On failure the old file is untouched and nothing is left beside it.
Result replace(const QString &path, const QByteArray &bytes);

} // namespace Care360::DurableFile
