#pragma once

#include <functional>

class QObject;

namespace Care360 {

// libsecret reports a lookup in a locked collection as "not found" when nobody can answer the
// unlock prompt; this asks the Secret Service whether its default collection is locked.
// done(locked) runs from the event loop, never synchronously, and only while context lives.
void checkDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done);

} // namespace Care360
