#pragma once

class QCoreApplication;

namespace Care360 {

// Installs the compiled-in translations: English plural forms always, then the system
// language's when the project ships one. Call once after the application object exists.
void installTranslations(QCoreApplication &application);

} // namespace Care360
