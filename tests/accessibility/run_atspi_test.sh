#!/usr/bin/env bash
# Starts an Xvfb of its own and runs atspi_check.py, which starts the real console with Qt's
# AT-SPI bridge on and reads its tree as Orca would. The AT-SPI bus (org.a11y.Bus) is activated
# on demand by the test session's D-Bus daemon and ends with it; settings and the drafts journal
# go to a temporary directory. Without pyatspi, Xvfb or a session bus it skips (77) when run by
# hand and fails under scripts/test (CARE360_TEST_SESSION is set), so CI cannot pass by skipping.
# Usage: run_atspi_test.sh CONSOLE DRAFTPROBE OUTPUT_DIR
set -euo pipefail

if [ "$#" -ne 3 ]; then
    echo "usage: $0 CONSOLE DRAFTPROBE OUTPUT_DIR" >&2
    exit 2
fi
console="$1"
draftprobe="$2"
out_dir="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/session-tools.sh"

# pyatspi is Debian's python3-pyatspi: ask Debian's interpreter, not one earlier on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3 || true)"
[ -n "$python" ] || unavailable "python3 is not installed"
"$python" -c 'import pyatspi' 2>/dev/null \
    || unavailable "pyatspi is missing: install python3-pyatspi (TEST_PACKAGES)"
command -v Xvfb >/dev/null || unavailable "Xvfb is missing: install xvfb (TEST_PACKAGES)"
require_accessibility_bus

work="$(mktemp -d "${TMPDIR:-/tmp}/care360-a11y.XXXXXX")"
xvfb_pid=""
check_pid=""
cleanup() {
    local status=$?
    local pid
    # The checker first: it stops the consoles it started, then the X server goes.
    for pid in $check_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_xvfb 1280x800x24 "$work" "$work/xvfb.log"

mkdir -p "$work/config" "$work/data" "$work/cache" "$work/logs" "$out_dir"
# In the background, so that a TERM from ctest reaches the trap (and the checker) at once.
env DISPLAY="$display" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    XDG_CACHE_HOME="$work/cache" \
    "$python" "$here/atspi_check.py" --console "$console" --draftprobe "$draftprobe" \
    --out "$out_dir" --log-dir "$work/logs" &
check_pid=$!
status=0
wait "$check_pid" || status=$?
check_pid=""
if [ "$status" -ne 0 ]; then
    for log in "$work"/logs/*.log; do
        [ -s "$log" ] || continue
        echo "--- $(basename "$log") (last lines)"
        tail -n 20 "$log"
    done
fi
exit "$status"
