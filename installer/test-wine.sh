#!/usr/bin/env bash
# Smoke-test the Windows installer under Wine, in a fresh prefix:
#   build (or reuse) -> fresh win10 prefix + test-only icuuc stub -> setup.exe /S -> installed self-test ->
#   shortcuts + "Apps" entry -> officer's data created with the installed `blanko` -> upgrade (setup.exe /S over
#   it) keeps the data -> uninstall.exe /S -> program folder, shortcuts and entry gone, data still there ->
#   all-users install (/S /ALLUSERS) into Program Files + HKLM, and its uninstall.
#
# How:   bash installer/test-wine.sh            (builds with build.sh first; reuses its caches)
#        bash installer/test-wine.sh --no-build (test installer/build/BlankoDesktop-<version>-setup.exe as is)
#        SETUP_EXE=/path/to/setup.exe bash installer/test-wine.sh
# Needs: root on Debian 12 (installs nsis, wine, wine64, gcc-mingw-w64-x86-64-posix if missing). Headless.
# The icuuc.dll stub (wine-shims/) stands in for Windows 10's system ICU; it goes into the Wine prefix only,
# never into the installer. Exit status is non-zero, with a FAILED line, when any step fails.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
T0=$(date +%s)
STEP_T0=$T0
STEP_NAME=""
TIMINGS=()

BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0

step() {   # step NAME: close the previous step (print its time) and start NAME
    local now; now=$(date +%s)
    if [ -n "$STEP_NAME" ]; then
        echo "    ($STEP_NAME: $((now - STEP_T0))s)"
        TIMINGS+=("$STEP_NAME $((now - STEP_T0))s")
    fi
    STEP_NAME="$1"; STEP_T0=$now
    [ -n "$1" ] && echo "==> $1"
    return 0
}
fail() { echo "FAILED: $*" >&2; exit 1; }
trap 'rc=$?; if [ $rc -ne 0 ]; then echo "FAILED in step \"$STEP_NAME\" (exit $rc)" >&2; fi' EXIT

# --- tools ---------------------------------------------------------------------------------------------
step "apt packages"
missing=()
for p in nsis wine wine64 gcc-mingw-w64-x86-64-posix python3-venv; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "    installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

SETUP_EXE_GIVEN="${SETUP_EXE:+1}"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/blanko_desktop/__init__.py")
SETUP_EXE="${SETUP_EXE:-$HERE/build/BlankoDesktop-$VERSION-setup.exe}"
if [ "$BUILD" = 1 ] && [ -z "${SETUP_EXE_GIVEN:-}" ]; then
    step "build installer"
    bash "$HERE/build.sh"
fi
[ -f "$SETUP_EXE" ] || fail "no installer at $SETUP_EXE (run installer/build.sh)"
echo "    installer: $SETUP_EXE ($(du -m "$SETUP_EXE" | cut -f1) MB)"

step "file properties of setup.exe (name and version)"
python3 - "$SETUP_EXE" "$VERSION" <<'PY' || fail "setup.exe lacks its name/version properties"
import re, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-16-le", "ignore") + data[1:].decode("utf-16-le", "ignore")
for key, want in (("ProductName", "Blanko Desktop"), ("ProductVersion", sys.argv[2]), ("FileVersion", sys.argv[2])):
    m = re.search(key + "\0+([^\0]+)", text)
    print(f"    {key:15} {m.group(1) if m else '-'}")
    if not m or m.group(1) != want:
        sys.exit(1)
PY

# --- fresh prefix ----------------------------------------------------------------------------------------
step "fresh Wine prefix (win10)"
WORK="$HERE/build/wine-test"
if [ -d "$WORK/prefix" ]; then
    WINEPREFIX="$WORK/prefix" wineserver -k 2>/dev/null || true
fi
rm -rf "$WORK"
mkdir -p "$WORK/home"
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all HOME="$WORK/home"
# No Mono/Gecko download prompts, no host menu entries or file associations.
# wbemprox disabled: Wine 8's WMI aborts Python's platform module (wine-shims/README.md); it falls back to `ver`.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;wbemprox=d"
unset DISPLAY WAYLAND_DISPLAY XDG_CONFIG_HOME XDG_DATA_HOME XDG_DESKTOP_DIR 2>/dev/null || true
# Wine's programs need their std streams to be pipes, not files (Python cannot initialise them otherwise).
# Every Windows program gets at most WINE_STEP_TIMEOUT seconds (a hung GUI must not hang CI).
w() { timeout --kill-after=10 "${WINE_STEP_TIMEOUT:-300}" wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
wine wineboot -i </dev/null >"$WORK/wineboot.log" 2>&1 || { cat "$WORK/wineboot.log"; fail "wineboot"; }
wineserver -w
w reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null || fail "setting Windows 10"
wineserver -w
w cmd /c ver | tr -d '\r' | grep -v '^$' | sed 's/^/    /'

step "test-only shims into the prefix (icuuc.dll, bcryptprimitives.dll; see wine-shims/README.md)"
SYS32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -shared -O2 -s -static -Wall -Werror -o "$SYS32/icuuc.dll" "$HERE/wine-shims/icuuc.c"
x86_64-w64-mingw32-gcc -shared -O2 -s -static -Wall -Werror -o "$SYS32/bcryptprimitives.dll" \
    "$HERE/wine-shims/bcryptprimitives.c" -lbcrypt

reg_value() {  # reg_value KEY NAME: the value's data, or nothing (one `reg query` per key until reg_forget)
    local cache; cache="$WORK/reg-$(printf '%s' "$1" | md5sum | cut -c1-12).txt"
    [ -f "$cache" ] || { w reg query "$1" || true; } | tr -d '\r' > "$cache"
    sed -n "s/^ *$2 *REG_[A-Z_]* *//p" "$cache" | head -1
}
reg_forget() { rm -f "$WORK"/reg-*.txt; }
UKEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\BlankoDesktop'
USERPROFILE_U="$(winepath -u "$(w cmd /c echo %USERPROFILE% | tr -d '\r' | tail -1)")"
LOCALAPPDATA_W="$(w cmd /c echo %LOCALAPPDATA% | tr -d '\r' | tail -1)"
APPDATA_W="$(w cmd /c echo %APPDATA% | tr -d '\r' | tail -1)"
DATA_U="$(winepath -u "$LOCALAPPDATA_W\\BlankoDesktop")"     # platformdirs user_data_dir on Windows
START_MENU_U="$(winepath -u "$APPDATA_W\\Microsoft\\Windows\\Start Menu\\Programs")"

# --- per-user install ----------------------------------------------------------------------------------
step "install: setup.exe /S (per user)"
w "$SETUP_EXE" /S || fail "setup.exe /S exited $?"
wineserver -w
reg_forget
INSTDIR_W="$(reg_value "HKCU\\$UKEY" InstallLocation)"
[ -n "$INSTDIR_W" ] || fail "no uninstall entry in HKCU\\$UKEY"
INSTDIR_U="$(winepath -u "$INSTDIR_W")"
echo "    installed in $INSTDIR_W"
[ "$INSTDIR_W" = "$LOCALAPPDATA_W\\Programs\\Blanko Desktop" ] || fail "unexpected install folder $INSTDIR_W"
for f in Python/python.exe Python/pythonw.exe pkgs/blanko_desktop/__init__.py pkgs/blanko_desktop/resources/icons/blanko.ico \
         pkgs/PySide6/QtCore.pyd bin/blanko.exe bin/blanko-desktop.exe uninstall.exe blanko.ico; do
    [ -f "$INSTDIR_U/$f" ] || fail "installed program lacks $f"
done
! find "$INSTDIR_U" -iname 'icuuc*' -o -iname 'bcryptprimitives*' | grep -q . \
    || fail "a test-only Wine shim is inside the installed program"
echo "    program folder: $(du -sm "$INSTDIR_U" | cut -f1) MB"

step "shortcuts and Apps entry"
[ -f "$START_MENU_U/Blanko Desktop.lnk" ] || fail "no Start-menu shortcut in $START_MENU_U"
DESKTOP_U="$USERPROFILE_U/Desktop"
[ -f "$DESKTOP_U/Blanko Desktop.lnk" ] || fail "no desktop shortcut in $DESKTOP_U"
lnk_text() {  # the strings of a .lnk file (ASCII and UTF-16)
    python3 -c '
import sys
b = open(sys.argv[1], "rb").read()
for text in (b.decode("latin-1"), b.decode("utf-16-le", "ignore"), b[1:].decode("utf-16-le", "ignore")):
    print(text.replace("\0", ""))' "$1"
}
LNK="$(lnk_text "$START_MENU_U/Blanko Desktop.lnk")"
grep -q 'Python\\pythonw.exe' <<<"$LNK" || fail "Start-menu shortcut does not start pythonw.exe"
grep -q 'Blanko_Desktop.launch.pyw' <<<"$LNK" || fail "Start-menu shortcut does not run the launcher script"
grep -q 'Blanko Desktop\\blanko.ico' <<<"$LNK" || fail "Start-menu shortcut has no app icon"
grep -q 'Blanko Desktop\\blanko.ico' <<<"$(lnk_text "$DESKTOP_U/Blanko Desktop.lnk")" || fail "desktop shortcut has no app icon"
for v in DisplayName DisplayVersion Publisher DisplayIcon UninstallString QuietUninstallString InstallLocation; do
    val="$(reg_value "HKCU\\$UKEY" "$v")"
    [ -n "$val" ] || fail "uninstall entry lacks $v"
    printf '    %-20s %s\n' "$v" "$val"
done
[ "$(reg_value "HKCU\\$UKEY" DisplayVersion)" = "$VERSION" ] || fail "DisplayVersion is not $VERSION"
reg_value 'HKCU\Environment' PATH | grep -q -F "$INSTDIR_W\bin" || fail "bin folder not on the user's PATH"
[ "$(reg_value "HKCU\\$UKEY" DisplayName)" = "Blanko Desktop" ] || fail "DisplayName is not Blanko Desktop"

step "installed self-test: blanko-desktop --self-test -platform offscreen"
w "$INSTDIR_W\\bin\\blanko-desktop.exe" --self-test -platform offscreen | tee "$WORK/selftest.log" | sed 's/^/    /' \
    || fail "the installed program's self-test failed (exit ${PIPESTATUS[0]}); see above"
grep -q "^Self-test OK" "$WORK/selftest.log" || fail "self-test did not report success"

step "installed python.exe imports the app (the interpreter the shortcuts use)"
w "$INSTDIR_W\\Python\\python.exe" -c "import blanko_desktop.app, PySide6.QtWidgets, sys; print('    python', sys.version.split()[0], 'imports OK')" \
    || fail "python.exe -c 'import blanko_desktop.app' failed"

step "officer's data: blanko init + demo (default database in the user data folder)"
w "$INSTDIR_W\\bin\\blanko.exe" init | sed 's/^/    /' || fail "blanko init failed"
w "$INSTDIR_W\\bin\\blanko.exe" demo --requests 20 | tail -3 | sed 's/^/    /' || fail "blanko demo failed"
DB_U="$(find "$DATA_U" -maxdepth 1 -name '*.sqlite' | head -1)"
[ -n "$DB_U" ] && [ -s "$DB_U" ] || fail "no database in the user data folder $DATA_U"
requests_digest() {  # what the officer's database holds, independent of the clock
    w "$INSTDIR_W\\bin\\blanko.exe" list --json --limit 0 | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["total"], sorted((r["id"], r["state"], r["letter_number"]) for r in d["requests"]))' | md5sum | cut -d' ' -f1
}
DB_SUM_BEFORE="$(requests_digest)"
echo "    database: $DB_U ($(du -k "$DB_U" | cut -f1) KB)"

step "upgrade: setup.exe /S over the installed version"
touch "$INSTDIR_U/pkgs/stale_module_from_old_version.py"
w "$SETUP_EXE" /S || fail "upgrade install exited $?"
wineserver -w
reg_forget
[ ! -e "$INSTDIR_U/pkgs/stale_module_from_old_version.py" ] || fail "upgrade left the old version's files"
[ "$(reg_value "HKCU\\$UKEY" InstallLocation)" = "$INSTDIR_W" ] || fail "upgrade moved the program"
[ -s "$DB_U" ] || fail "upgrade removed the database"
DB_SUM_AFTER="$(requests_digest)"
[ "$DB_SUM_BEFORE" = "$DB_SUM_AFTER" ] || fail "the officer's requests read differently after the upgrade"
w "$INSTDIR_W\\bin\\blanko.exe" check | tail -2 | sed 's/^/    /' || fail "blanko check after the upgrade failed"

step "uninstall: QuietUninstallString (uninstall.exe /S)"
QUIET="$(reg_value "HKCU\\$UKEY" QuietUninstallString)"
[ "$QUIET" = "\"$INSTDIR_W\\uninstall.exe\" /S" ] || fail "unexpected QuietUninstallString $QUIET"
w "$INSTDIR_W\\uninstall.exe" /S || fail "uninstall.exe /S exited $?"
wineserver -w    # the uninstaller re-runs itself from %TEMP%; wait for that copy too
reg_forget
if [ -e "$INSTDIR_U" ]; then
    find "$INSTDIR_U" | head -20
    fail "program folder still there after uninstall"
fi
[ ! -e "$START_MENU_U/Blanko Desktop.lnk" ] || fail "Start-menu shortcut left behind"
[ ! -e "$DESKTOP_U/Blanko Desktop.lnk" ] || fail "desktop shortcut left behind"
[ -z "$(reg_value "HKCU\\$UKEY" DisplayName)" ] || fail "uninstall entry left behind"
! reg_value 'HKCU\Environment' PATH | grep -q -F "$INSTDIR_W\bin" || fail "bin folder left on the user's PATH"
[ -s "$DB_U" ] || fail "the uninstaller removed the officer's database"
echo "    program folder gone; data kept: $(ls "$DATA_U" | tr '\n' ' ')"

# --- all users -------------------------------------------------------------------------------------------
step "all users: setup.exe /S /ALLUSERS, then uninstall"
w "$SETUP_EXE" /S /ALLUSERS /NODESKTOP || fail "setup.exe /S /ALLUSERS exited $?"
wineserver -w
reg_forget
AU_W="$(reg_value "HKLM\\$UKEY" InstallLocation)"
[ -n "$AU_W" ] || fail "no uninstall entry in HKLM"
PF_W="$(w cmd /c echo %ProgramW6432% | tr -d '\r' | tail -1)"
[ "$AU_W" = "$PF_W\\Blanko Desktop" ] || fail "all-users install went to $AU_W, not $PF_W\\Blanko Desktop"
AU_U="$(winepath -u "$AU_W")"
[ -f "$AU_U/Python/python.exe" ] || fail "all-users program folder incomplete"
COMMON_START_U="$(winepath -u "$(w cmd /c echo %ProgramData% | tr -d '\r' | tail -1)\\Microsoft\\Windows\\Start Menu\\Programs")"
[ -f "$COMMON_START_U/Blanko Desktop.lnk" ] || fail "no all-users Start-menu shortcut"
[ -z "$(reg_value "HKCU\\$UKEY" DisplayName)" ] || fail "all-users install wrote an HKCU entry"
w "$AU_W\\Python\\python.exe" -c "import blanko_desktop.paths as p; print('    data folder:', p.data_dir())" \
    || fail "all-users python does not start"
w "$AU_W\\uninstall.exe" /S || fail "all-users uninstall exited $?"
wineserver -w
reg_forget
[ ! -e "$AU_U" ] || fail "all-users program folder still there after uninstall"
[ ! -e "$COMMON_START_U/Blanko Desktop.lnk" ] || fail "all-users shortcut left behind"
[ -z "$(reg_value "HKLM\\$UKEY" DisplayName)" ] || fail "HKLM uninstall entry left behind"

step ""
wineserver -k 2>/dev/null || true
echo
echo "Wine installer test PASSED in $(( $(date +%s) - T0 ))s: ${TIMINGS[*]/%/;}"
