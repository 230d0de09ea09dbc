#include "durablefile.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Care360::DurableFile {

namespace {
Result failed(int error, const QString &directory, qint64 needed, const QString &detail)
{
    if (error == ENOSPC || error == EDQUOT)
        return { Failure::DiskFull, detail };
    if (error == EROFS || error == EACCES || error == EPERM)
        return { Failure::NotWritable, detail };
    // errno may have been overwritten on the way out of Qt: ask the file system itself.
    const QStorageInfo storage(directory);
    if (storage.isValid() && storage.isReadOnly())
        return { Failure::NotWritable, detail };
    if (storage.isValid() && storage.bytesAvailable() < needed)
        return { Failure::DiskFull, detail };
    return { Failure::Other, detail };
}

// The rename is in the folder's entries: without this a power cut can bring the old file back.
int syncDirectory(const QString &directory)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int result = ::fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
    ::close(fd);
    return result;
#else
    Q_UNUSED(directory)
    return 0; // MoveFileEx with MOVEFILE_WRITE_THROUGH, which QSaveFile uses, covers it
#endif
}
} // namespace

Result replace(const QString &path, const QByteArray &bytes)
{
    const QString directory = QFileInfo(path).absolutePath();
    // Room for the new file beside the old one until the rename.
    const qint64 needed = bytes.size() + 4096;
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return failed(errno, directory, needed, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    errno = 0;
    if (file.write(bytes) != bytes.size() || !file.flush()
        || file.error() != QFileDevice::NoError) {
        const int error = errno;
        const QString detail = file.errorString();
        file.cancelWriting();
        return failed(error, directory, needed, detail);
    }
    errno = 0;
    if (!file.commit())
        return failed(errno, directory, needed, file.errorString());
    if (const int error = syncDirectory(directory))
        return failed(error, directory, 0, QString::fromLocal8Bit(strerror(error)));
    return {};
}

} // namespace Care360::DurableFile
