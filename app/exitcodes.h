#pragma once

// The CLI's exit codes: one table for every subcommand (its --help and man page list them).
namespace Care360::Exit {

enum Code : int {
    Success = 0,
    Usage = 2,
    ValidationFailed = 3,
    NotFound = 4,
    Denied = 5,
    AssigneeNotFound = 6,
    Network = 7,
    Unexpected = 8,
};
// `key` commands: a keychain that cannot be used denies access as a refused key does.
inline constexpr Code KeychainError = Denied;

} // namespace Care360::Exit
