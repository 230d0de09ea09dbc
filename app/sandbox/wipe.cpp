#include "wipe.h"

#include <QIODevice>

#include <sodium.h>

namespace Care360::Sandbox::Wipe {

void owned(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

void shared(const QByteArray &bytes)
{
    // data() would detach and wipe a fresh copy; the heap buffer itself is written instead.
    // Literals and fromRawData() have no capacity: they are not ours to write.
    if (!bytes.isEmpty() && bytes.capacity() > 0)
        sodium_memzero(const_cast<char *>(bytes.constData()), size_t(bytes.size()));
}

void readBuffer(QIODevice *device)
{
    if (!device || !device->isOpen() || device->bytesAvailable() > 0
        || device->isTransactionStarted())
        return;
    // No public call empties that block: ungetChar() fills it from its end with zeros (QRingBuffer
    // reuses the kept block when it is empty), and skip() takes them out again.
    constexpr qint64 kKeptBlock = 16 * 1024; // QIODEVICE_BUFFERSIZE
    for (qint64 i = 0; i < kKeptBlock; ++i)
        device->ungetChar('\0');
    device->skip(kKeptBlock);
}

// Deeper than QtHttpServer's and Qt's JSON parsing go below the event loop.
constexpr size_t kStackBytes = 64 * 1024;

Q_NEVER_INLINE void stackBelow()
{
    char frame[kStackBytes];
    sodium_memzero(frame, sizeof frame);
}

} // namespace Care360::Sandbox::Wipe
