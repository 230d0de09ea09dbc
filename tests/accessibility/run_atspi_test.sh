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

unavailable() {
    if [ -n "${CARE360_TEST_SESSION:-}" ]; then
        echo "FAIL: $1" >&2
        exit 1
    fi
    echo "SKIP: $1; run through scripts/test" >&2
    exit 77
}

# pyatspi is Debian's python3-pyatspi: ask Debian's interpreter, not one earlier on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3 || true)"
[ -n "$python" ] || unavailable "python3 is not installed"
"$python" -c 'import pyatspi' 2>/dev/null \
    || unavailable "pyatspi is missing: install python3-pyatspi (TEST_PACKAGES)"
command -v Xvfb >/dev/null || unavailable "Xvfb is missing: install xvfb (TEST_PACKAGES)"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] \
    || unavailable "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS)"
# The session's daemon activates org.a11y.Bus (at-spi-bus-launcher) on demand; it ends with it.
dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress \
    >/dev/null 2>&1 \
    || unavailable "org.a11y.Bus does not start: install at-spi2-core (TEST_PACKAGES)"

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

# -displayfd picks a free display and says which: no race with other X servers.
Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp -noreset 5>"$work/display" \
    >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; echo "FAIL: Xvfb did not start" >&2; exit 1; }
display=":$(tr -d '[:space:]' <"$work/display")"

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
