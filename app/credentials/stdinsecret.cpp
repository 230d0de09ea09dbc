#include "stdinsecret.h"

#include <algorithm>
#include <cstdio>
#include <string>

#if defined(Q_OS_UNIX)
#include <termios.h>
#include <unistd.h>
#endif

namespace Care360 {

namespace {
#if defined(Q_OS_UNIX)
// Restores the terminal's echo however the read ends.
class EchoOff {
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios silent = m_saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};
#endif
} // namespace

bool stdinIsTerminal()
{
#if defined(Q_OS_UNIX)
    return isatty(STDIN_FILENO) == 1;
#else
    return false;
#endif
}

std::optional<QString> readSecretLineFromStdin()
{
#if defined(Q_OS_UNIX)
    std::optional<EchoOff> echoOff;
    if (stdinIsTerminal())
        echoOff.emplace();
#endif
    std::string line;
    bool any = false;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(static_cast<char>(c));
    }
    if (!any)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const QString text = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0'); // don't leave the key in freed memory
    return text;
}

} // namespace Care360
