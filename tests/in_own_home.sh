#!/bin/sh
# Runs one test with a home of its own inside the test session (scripts/in-test-session), so no
# test reads, changes or removes another's files: settings, drafts journals, follow-up records,
# Qt's test-mode folders, the desktop's autostart entry. With one home for the suite, CI failed
# tst_autostart when a test beside it pressed OK in Preferences and removed its entry.
# The D-Bus session, its keyring and XDG_RUNTIME_DIR stay shared: see scripts/in-test-session.
# Outside a test session (a test run by hand) the test runs in the caller's environment.
# Usage: in_own_home.sh NAME TEST [ARGS...]
set -eu
name="$1"
shift
if [ -z "${CARE360_TEST_SESSION:-}" ]; then
    exec "$@"
fi
home="$CARE360_TEST_SESSION/homes/$name"
rm -rf "$home" # a repeated run (ctest --repeat) starts as new as the first
mkdir -p "$home/config" "$home/data" "$home/cache"
HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    XDG_CACHE_HOME="$home/cache" exec "$@"
