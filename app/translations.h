#pragma once

class QCoreApplication;

namespace Care360 {

// Installs the compiled-in translations: English plural forms always, then the system
// language's when the project ships one, with Qt's own (standard buttons, editing menus) for
// that language when the system has them. Call after the application object exists; calling it
// again replaces what an earlier call (or installPseudoTranslation) installed.
void installTranslations(QCoreApplication &application);

// For tests only: replaces the installed translations with the pseudo-translation made at build
// time, where every translated text reads "⟦...⟧" and is about 40% longer. Returns false when
// it is missing from the resources.
bool installPseudoTranslation(QCoreApplication &application);

} // namespace Care360
