# Shared by scripts/run, scripts/test and scripts/package. Sourced, not executed.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CARE360_BUILD_DIR:-$ROOT/build}"

# What building and running the console needs (Debian 12 package names).
BUILD_PACKAGES=(cmake g++ make pkg-config qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev help2man
    qt6-image-formats-plugins libsodium-dev libcsv-dev qt6-translations-l10n python3
    libqt6sql6-sqlite)
# What the test suite adds: a real Secret Service, D-Bus, X tools, the AT-SPI bus with pyatspi
# (tests/accessibility), and the packaging checks.
TEST_PACKAGES=(gnome-keyring libsecret-tools dbus dbus-x11 xvfb xauth at-spi2-core python3-pyatspi
    orca speech-dispatcher openbox xdotool appstream desktop-file-utils dpkg-dev file curl
    tinyproxy socat openssl)

log() { printf '==> %s\n' "$*" >&2; }

# Installs the packages that are missing; does nothing (and needs no network) when all are there.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    log "installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# Configures (once) and builds the tree; extra arguments go to the configure step.
build_tree() {
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}
