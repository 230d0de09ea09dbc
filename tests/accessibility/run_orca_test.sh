#!/usr/bin/env bash
# Runs the real Orca screen reader against the real console and checks what it says
# (orca_check.py). Everything is private to this run: an Xvfb of its own with openbox (windows
# get the focus), speech-dispatcher with its silent "dummy" module and a null ALSA device (no
# sound card needed, nothing heard), and Orca with a settings file of its own and --debug-file,
# which logs every utterance as "SPEECH OUTPUT: '...'". The AT-SPI bus is the session's
# (at-spi2-core, activated on demand by the test session's D-Bus daemon). Every process started
# here is stopped in the trap, whatever ends the run. Without the tools or a session bus it skips
# (77) when run by hand and fails under scripts/test (CARE360_TEST_SESSION), like
# run_atspi_test.sh.
# Usage: run_orca_test.sh CONSOLE OUTPUT_DIR
#   OUTPUT_DIR gets orca-transcript.txt (one utterance per line, keyed by step) and orca-debug.log.
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 CONSOLE OUTPUT_DIR" >&2
    exit 2
fi
console="$1"
out_dir="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/session-tools.sh"

[ -x "$console" ] || { echo "FAIL: $console is not an executable (build it first)" >&2; exit 1; }
# Orca and pyatspi are Debian's: ask Debian's interpreter, not one earlier on PATH.
python=/usr/bin/python3
[ -x "$python" ] || unavailable "/usr/bin/python3 is missing"
orca_bin="$(command -v orca || true)"
[ -n "$orca_bin" ] || unavailable "orca is missing: install orca (TEST_PACKAGES)"
command -v speech-dispatcher >/dev/null \
    || unavailable "speech-dispatcher is missing: install speech-dispatcher (TEST_PACKAGES)"
[ -x /usr/lib/speech-dispatcher-modules/sd_dummy ] \
    || unavailable "speech-dispatcher's dummy module is missing (package speech-dispatcher)"
"$python" -c 'import pyatspi, speechd' 2>/dev/null \
    || unavailable "pyatspi or speechd is missing: install python3-pyatspi and orca"
for tool in Xvfb openbox xdotool; do
    command -v "$tool" >/dev/null \
        || unavailable "$tool is missing: install xvfb, openbox and xdotool (TEST_PACKAGES)"
done
require_accessibility_bus

work="$(mktemp -d "${TMPDIR:-/tmp}/care360-orca.XXXXXX")"
pids=() # started here, stopped last-started first
check_pid=""
cleanup() {
    local status=$?
    local i pid
    # The checker first: it stops Orca and the console it started (it leads their process
    # group, so none outlives it even if it has to be killed); then speech, WM and X.
    for pid in $check_pid; do
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 125); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        pid="${pids[$i]}"
        kill "$pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        for log in "$work"/logs/*.log; do
            [ -s "$log" ] || continue
            echo "--- $(basename "$log") (last lines)"
            tail -n 15 "$log"
        done
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$work/logs" "$work/run" "$out_dir"
chmod 700 "$work/run"

start_xvfb 1366x768x24 "$work" "$work/logs/xvfb.log"
pids+=("$xvfb_pid")
DISPLAY="$display"
export DISPLAY

# Orca's own home: its settings, speech-dispatcher's configuration and the null sound device.
orca_home="$work/orca-home"
mkdir -p "$orca_home/.config/speech-dispatcher" "$orca_home/.local/share/orca"
cat >"$orca_home/.config/speech-dispatcher/speechd.conf" <<'EOF'
# Silent: the dummy module "speaks" to a null ALSA device; Orca logs every utterance anyway.
AddModule "dummy" "sd_dummy" ""
DefaultModule dummy
AudioOutputMethod "alsa"
DefaultVolume 100
EOF
printf 'pcm.!default { type null }\n' >"$orca_home/.asoundrc"
cp "$here/orca-settings.conf" "$orca_home/.local/share/orca/user-settings.conf"
speechd_socket="$work/run/speech-dispatcher/speechd.sock"
mkdir -p "$(dirname "$speechd_socket")"

private_env=(HOME="$orca_home" XDG_CONFIG_HOME="$orca_home/.config"
    XDG_DATA_HOME="$orca_home/.local/share" XDG_CACHE_HOME="$orca_home/.cache"
    XDG_RUNTIME_DIR="$work/run" GSETTINGS_BACKEND=memory)

# Speech first: Orca connects to it at start and says nothing at all without it.
env "${private_env[@]}" speech-dispatcher --run-single --timeout 0 \
    --config-dir "$orca_home/.config/speech-dispatcher" \
    --communication-method unix_socket --socket-path "$speechd_socket" \
    --log-dir "$work/logs" --pid-file "$work/run/speechd.pid" \
    >"$work/logs/speech-dispatcher.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    [ -S "$speechd_socket" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
done
[ -S "$speechd_socket" ] || { echo "FAIL: speech-dispatcher did not start" >&2; exit 1; }

# A window manager, so that the console's windows (and its dialogs) take the focus.
env "${private_env[@]}" openbox --sm-disable >"$work/logs/openbox.log" 2>&1 &
pids+=($!)

# In the background, so that a TERM from ctest reaches the trap (and the checker) at once; in a
# process group of its own with everything it starts.
env "${private_env[@]}" SPEECHD_ADDRESS="unix_socket:$speechd_socket" \
    setsid "$python" "$here/orca_check.py" --console "$console" --orca "$orca_bin" \
    --launcher "$here/orca_launch.py" --out "$out_dir" --work "$work" &
check_pid=$!
status=0
wait "$check_pid" || status=$?
check_pid=""
exit "$status"
