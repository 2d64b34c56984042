"""The core imports no Qt: importing every core module in a fresh interpreter loads no PySide6 or shiboken."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

from blanko_desktop import core

QT_PACKAGES = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt5", "PyQt6")


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(core.__path__, "blanko_desktop.core."))


def test_every_core_module_is_found():
    modules = core_modules()
    # walk_packages finds nothing silently when the package moves: name a few that must be there.
    assert {"blanko_desktop.core.models", "blanko_desktop.core.storage", "blanko_desktop.core.intake.analyse"} <= set(
        modules)
    assert any(m.startswith("blanko_desktop.core.services") for m in modules)


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"importing the core loaded Qt: {out.stdout.strip()}"
