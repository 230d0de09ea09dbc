# Sourced by run_atspi_test.sh and run_orca_test.sh: what both need from the test session.
# shellcheck shell=bash

# Without a tool: skip (77) when run by hand, fail under scripts/test (CARE360_TEST_SESSION is
# set), so CI cannot pass by skipping.
unavailable() {
    if [ -n "${CARE360_TEST_SESSION:-}" ]; then
        echo "FAIL: $1" >&2
        exit 1
    fi
    echo "SKIP: $1; run through scripts/test" >&2
    exit 77
}

# The session bus, and the AT-SPI bus its daemon activates on demand (it ends with it).
require_accessibility_bus() {
    [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] \
        || unavailable "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS)"
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.a11y.Bus.GetAddress >/dev/null 2>&1 \
        || unavailable "org.a11y.Bus does not start: install at-spi2-core (TEST_PACKAGES)"
}

# start_xvfb GEOMETRY WORK LOG: an X server of its own; -displayfd picks a free display and
# says which, so there is no race with other X servers. Sets xvfb_pid and display.
start_xvfb() {
    Xvfb -displayfd 5 -screen 0 "$1" -nolisten tcp -noreset 5>"$2/display" >"$3" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 100); do
        [ -s "$2/display" ] && break
        kill -0 "$xvfb_pid" 2>/dev/null || break
        sleep 0.1
    done
    [ -s "$2/display" ] || { cat "$3" >&2; echo "FAIL: Xvfb did not start" >&2; exit 1; }
    display=":$(tr -d '[:space:]' <"$2/display")"
}
