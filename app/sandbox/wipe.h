#pragma once

#include <QByteArray>

class QIODevice;

// Overwriting request bytes (the API key, note text) once the sandbox is done with them, so that
// nothing of a request is left in its memory after the answer (issue 23, docs/sandbox.md).
namespace Care360::Sandbox::Wipe {

// Our own copy: overwritten when this QByteArray alone holds it (a shared buffer belongs to
// someone else too, e.g. a test's recorded request), then released.
void owned(QByteArray &bytes);
// A buffer QtHttpServer keeps and shares with us after it is done with it: overwritten in place
// although shared. Static data (literals, fromRawData) is left alone.
void shared(const QByteArray &bytes);
// The block a socket keeps for its next reads (QIODevice keeps its last 16 KiB block), which
// holds the raw request (headers with the key, the body) while the connection stays open.
// Only when nothing else is buffered or half-read there.
void readBuffer(QIODevice *device);
// The stack below the caller, where parsing left copies of the request in dead frames.
void stackBelow();

} // namespace Care360::Sandbox::Wipe
