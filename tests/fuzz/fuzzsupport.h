#pragma once

// Shared by the libFuzzer targets of tests/fuzz: the input as a QByteArray and a failed check
// that stops the fuzzer. A check's failure traps, so libFuzzer saves the input as a crash-*
// artifact and exits non-zero, like for an ASan or UBSan report.
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace Care360::Fuzz {

// A copy of the input: NUL-terminated like every QByteArray a reply gives the client, and
// still exactly as long as the input, so ASan sees any read past it.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char *check, const QString &detail = QString())
{
    std::fprintf(stderr, "care360 fuzz check failed: %s\n", check);
    if (!detail.isEmpty())
        std::fprintf(stderr, "  %s\n", qUtf8Printable(detail.left(4000)));
    std::fflush(stderr);
    __builtin_trap();
}

inline void check(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition)
        fail(what, detail);
}

} // namespace Care360::Fuzz
