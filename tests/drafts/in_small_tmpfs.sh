#!/bin/sh
# Runs a test on a real, tiny file system: a 256 KiB tmpfs mounted in a private mount namespace
# (unshare -m), so the test can fill it to ENOSPC and remount it read-only without touching the
# machine's disks. The test finds it in CARE360_SMALL_DISK. Needs root or user namespaces; when
# neither is there this says so and fails, so a missing real disk is never a silent pass.
# Usage: in_small_tmpfs.sh TEST [ARGS...]
set -eu
mountpoint="$(mktemp -d /tmp/care360-smalldisk.XXXXXX)"
trap 'rmdir "$mountpoint" 2>/dev/null || true' EXIT
if [ "$(id -u)" -eq 0 ]; then
    wrap="unshare -m --propagation private"
else
    wrap="unshare -m -r --propagation private"
fi
$wrap sh -c '
    mountpoint="$1"; shift
    mount -t tmpfs -o size=256k,mode=0700 care360-smalldisk "$mountpoint" || {
        echo "in_small_tmpfs.sh: cannot mount a tmpfs in a private namespace here" >&2
        exit 1
    }
    CARE360_SMALL_DISK="$mountpoint" exec "$@"' sh "$mountpoint" "$@"
