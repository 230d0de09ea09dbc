#include "lockedkeyringcheck.h"

#include <QMetaObject>
#include <QObject>

namespace Care360 {

// Without Qt D-Bus (Windows, macOS) the keychain reports locks itself.
void checkDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(false); }, Qt::QueuedConnection);
}

} // namespace Care360
