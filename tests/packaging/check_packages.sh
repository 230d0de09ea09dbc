#!/usr/bin/env bash
# Packaging checks run by ctest (see CMakeLists.txt here). "build" makes the .deb and .tar.gz with
# CPack into $CARE360_PKG_DIR (the fixture); every other check inspects what it made.
# Exit 77 means skipped, always with the reason on stderr.
set -euo pipefail

check="${1:?usage: check_packages.sh <check> [args]}"
shift
: "${CARE360_PKG_DIR:?}" "${CARE360_VERSION:?}" "${CARE360_APP_ID:?}"

# What the product promises, written down here rather than read back from the build.
EXECUTABLES=(care360-escalations care360-escalations-cli care360-sandbox)
REQUIRED_DEPENDS=(libqt6keychain1 libqt6widgets6 libqt6network6 libqt6httpserver6 libqt6svg6 libqt6sql6-sqlite libsodium23)
PACKAGE=care360-escalations

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
skip() {
    echo "SKIP: $*" >&2
    exit 77
}
need() { command -v "$1" >/dev/null || skip "$1 is not installed (Debian package $2)"; }

# The single file matching a pattern in the package directory.
only_file() {
    local matches=()
    mapfile -t matches < <(find "$CARE360_PKG_DIR" -maxdepth 1 -type f -name "$1" 2>/dev/null)
    if [ "${#matches[@]}" -ne 1 ]; then
        fail "expected exactly one $1 in $CARE360_PKG_DIR, found ${#matches[@]}: ${matches[*]}"
    fi
    printf '%s\n' "${matches[0]}"
}
deb_file() { only_file "*.deb"; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/care360-pkg.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Unpacks the .deb into $scratch/root, as dpkg would on an installed system.
extract() {
    need dpkg-deb dpkg
    dpkg-deb -x "$(deb_file)" "$scratch/root"
}

check_build() {
    need cpack cmake
    need dpkg-shlibdeps dpkg-dev
    : "${CARE360_CPACK_CONFIG:?}"
    rm -rf "$CARE360_PKG_DIR"
    local start end
    start=$(date +%s%N)
    cpack --config "$CARE360_CPACK_CONFIG" -G "DEB;TGZ" -B "$CARE360_PKG_DIR"
    end=$(date +%s%N)
    echo "cpack (DEB + TGZ) took $(((end - start) / 1000000)) ms"
    ls -l "$CARE360_PKG_DIR"
    deb_file >/dev/null
    only_file "*.tar.gz" >/dev/null
}

check_deb_contents() {
    need dpkg-deb dpkg
    local listing
    listing="$(dpkg-deb -c "$(deb_file)" | awk '{print $1, $NF}')"
    echo "$listing"
    local expected=(
        "usr/share/applications/$CARE360_APP_ID.desktop"
        "usr/share/metainfo/$CARE360_APP_ID.metainfo.xml"
        "usr/share/icons/hicolor/scalable/apps/$CARE360_APP_ID.svg"
        "usr/share/doc/$PACKAGE/copyright"
        "usr/share/doc/$PACKAGE/LICENSE")
    local exe
    for exe in "${EXECUTABLES[@]}"; do
        expected+=("usr/share/man/man1/$exe.1.gz")
        grep -qx -- "-rwxr-xr-x ./usr/bin/$exe" <<<"$listing" \
            || fail "usr/bin/$exe is missing or not an executable file"
    done
    local path
    for path in "${expected[@]}"; do
        grep -qx -- "-rw-r--r-- ./$path" <<<"$listing" || fail "$path is missing from the .deb"
    done
    # Everything belongs under /usr: nothing in /usr/local, /etc or /opt.
    if grep -v ' \./usr/' <<<"$listing" | grep -v ' \./$' | grep -q .; then
        fail "files outside /usr: $(grep -v ' \./usr/' <<<"$listing" | grep -v ' \./$')"
    fi
}

check_deb_control() {
    need dpkg-deb dpkg
    local deb fields
    deb="$(deb_file)"
    fields="$(dpkg-deb -f "$deb" Package Version Architecture Depends Recommends)"
    echo "$fields"
    [ "$(dpkg-deb -f "$deb" Package)" = "$PACKAGE" ] || fail "package name is not $PACKAGE"
    [ "$(dpkg-deb -f "$deb" Version)" = "$CARE360_VERSION" ] \
        || fail "Version is not the project version $CARE360_VERSION"
    [ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] \
        || fail "Architecture is not $(dpkg --print-architecture)"
    local depends lib
    depends=", $(dpkg-deb -f "$deb" Depends),"
    for lib in "${REQUIRED_DEPENDS[@]}"; do
        grep -Eq "[,|] *$lib( \\([^)]*\\))? *[,|]" <<<"$depends" || fail "Depends lacks $lib"
    done
    dpkg-deb -f "$deb" Recommends | grep -Eq '(^|[ ,|])gnome-keyring([ ,|]|$)' \
        || fail "Recommends names no Secret Service provider (gnome-keyring)"
}

check_desktop_file() {
    need desktop-file-validate desktop-file-utils
    extract
    local file="$scratch/root/usr/share/applications/$CARE360_APP_ID.desktop"
    desktop-file-validate "$file" || fail "desktop-file-validate rejected $file"
    grep -qx 'Exec=care360-escalations' "$file" || fail "Exec does not start care360-escalations"
    grep -qx "Icon=$CARE360_APP_ID" "$file" || fail "Icon is not $CARE360_APP_ID"
    [ -x "$scratch/root/usr/bin/care360-escalations" ] || fail "the Exec target is not in the package"
    echo "desktop file valid: $(grep -c . "$file") lines"
}

check_metainfo() {
    need appstreamcli appstream
    extract
    local file="$scratch/root/usr/share/metainfo/$CARE360_APP_ID.metainfo.xml"
    appstreamcli validate --no-net "$file" || fail "appstreamcli rejected $file"
    grep -q "<release version=\"$CARE360_VERSION\" date=\"[0-9-]*\"" "$file" \
        || fail "no release entry for $CARE360_VERSION"
    grep -q "<launchable type=\"desktop-id\">$CARE360_APP_ID.desktop</launchable>" "$file" \
        || fail "launchable does not name the installed desktop file"
    grep -q '<screenshot type="default">' "$file" || fail "no default screenshot"
}

check_scratch_run() {
    extract
    local bin="$scratch/root/usr/bin" exe out
    for exe in "${EXECUTABLES[@]}"; do
        [ -x "$bin/$exe" ] || fail "$exe is not in the package"
        if ldd "$bin/$exe" | grep -q 'not found'; then
            fail "$exe has unresolved libraries: $(ldd "$bin/$exe" | grep 'not found')"
        fi
    done
    out="$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
        "$bin/care360-escalations" --version 2>/dev/null)" || fail "care360-escalations --version failed"
    echo "care360-escalations --version: $out"
    grep -qF "$CARE360_VERSION" <<<"$out" || fail "--version does not print $CARE360_VERSION"
    for exe in care360-escalations-cli care360-sandbox; do
        out="$(QT_QPA_PLATFORM=offscreen "$bin/$exe" --version 2>/dev/null)" \
            || fail "$exe --version failed"
        echo "$exe --version: $out"
        grep -qF "$CARE360_VERSION" <<<"$out" || fail "$exe --version does not print $CARE360_VERSION"
    done
}

check_man_pages() {
    extract
    local exe page
    for exe in "${EXECUTABLES[@]}"; do
        page="$scratch/root/usr/share/man/man1/$exe.1.gz"
        gzip -t "$page" || fail "$page is not gzip"
        zcat "$page" | grep -Eq "^\\.TH \"?${exe^^}\"? \"?1\"?" || fail "$page has no .TH for $exe"
        zcat "$page" | grep -qF "$CARE360_VERSION" || fail "$page does not name $CARE360_VERSION"
        if command -v man >/dev/null; then
            LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" >/dev/null \
                || fail "man reports problems in $page"
        fi
    done
    echo "man pages ok: ${EXECUTABLES[*]}"
}

check_tgz_contents() {
    local listing top="$PACKAGE-$CARE360_VERSION-Linux" exe
    listing="$(tar -tzf "$(only_file "*.tar.gz")")"
    for exe in "${EXECUTABLES[@]}"; do
        grep -qx "$top/bin/$exe" <<<"$listing" || fail "$top/bin/$exe is missing from the .tar.gz"
        grep -qx "$top/share/man/man1/$exe.1.gz" <<<"$listing" || fail "man page of $exe missing"
    done
    grep -qx "$top/share/applications/$CARE360_APP_ID.desktop" <<<"$listing" \
        || fail "desktop file missing from the .tar.gz"
    echo "tar.gz holds $(grep -vc '/$' <<<"$listing") files"
}

# Only on a throwaway machine: installs the package for real, runs it, removes it.
check_apt_install() {
    [ "$(id -u)" -eq 0 ] || skip "installing for real needs root"
    [ "${CARE360_CI_INSTALL:-}" = 1 ] || skip "set CARE360_CI_INSTALL=1 to install the .deb for real"
    need apt-get apt
    local deb out
    deb="$(readlink -f "$(deb_file)")"
    if dpkg-query -W -f='${Status}' "$PACKAGE" 2>/dev/null | grep -q 'install ok installed'; then
        echo "removing an earlier $PACKAGE first"
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE"
    fi
    trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
        || fail "apt-get install $deb failed"
    out="$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
        /usr/bin/care360-escalations --version 2>/dev/null)" || fail "installed console --version failed"
    echo "installed care360-escalations --version: $out"
    grep -qF "$CARE360_VERSION" <<<"$out" || fail "installed console does not print $CARE360_VERSION"
    /usr/bin/care360-escalations-cli --help >"$scratch/cli-help" 2>&1 \
        || fail "installed care360-escalations-cli --help failed: $(cat "$scratch/cli-help")"
    head -n 3 "$scratch/cli-help"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$PACKAGE" || fail "apt-get remove failed"
    [ ! -e /usr/bin/care360-escalations ] || fail "/usr/bin/care360-escalations left after removal"
    echo "installed, ran and removed $PACKAGE $CARE360_VERSION"
}

# The build-time icon renderer the macOS (.icns) and Windows (.ico) installers rely on.
check_icons() {
    local tool="${1:?icon tool}" svg="${2:?svg}"
    need file file
    "$tool" "$svg" --iconset "$scratch/app.iconset" || fail "rendering the iconset failed"
    "$tool" "$svg" --ico "$scratch/app.ico" || fail "rendering the .ico failed"
    local size
    for size in 16 32 128 256 512; do
        file "$scratch/app.iconset/icon_${size}x${size}.png" | grep -q "PNG image data, $size x $size," \
            || fail "icon_${size}x${size}.png is not a ${size}px PNG"
        file "$scratch/app.iconset/icon_${size}x${size}@2x.png" \
            | grep -q "PNG image data, $((size * 2)) x $((size * 2))," \
            || fail "icon_${size}x${size}@2x.png is not a $((size * 2))px PNG"
    done
    file "$scratch/app.ico" | grep -q 'MS Windows icon resource - 7 icons' \
        || fail "app.ico is not a 7-image icon: $(file "$scratch/app.ico")"
    if "$tool" /dev/null --ico "$scratch/bad.ico" 2>/dev/null; then
        fail "the renderer accepted an empty SVG"
    fi
    echo "iconset (10 PNGs) and 7-size .ico rendered"
}

case "$check" in
build) check_build ;;
deb-contents) check_deb_contents ;;
deb-control) check_deb_control ;;
desktop-file) check_desktop_file ;;
metainfo) check_metainfo ;;
scratch-run) check_scratch_run ;;
man-pages) check_man_pages ;;
tgz-contents) check_tgz_contents ;;
apt-install) check_apt_install ;;
icons) check_icons "$@" ;;
*) fail "unknown check $check" ;;
esac
