#pragma once

#include <QString>

#include <optional>

namespace Care360 {

bool stdinIsTerminal();
// One line from standard input without its line break, echo switched off while a terminal
// is reading; nullopt at end of input.
std::optional<QString> readSecretLineFromStdin();

} // namespace Care360
