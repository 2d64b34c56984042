"""The core imports no Qt: importing every core module in a fresh interpreter loads no PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import blanko_desktop.core as core


def test_core_imports_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(core.__path__, "blanko_desktop.core.")]
    assert "blanko_desktop.core.services" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
