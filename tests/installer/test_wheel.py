"""A plain (non-editable) install ships resources/ and forms/ inside the package, where paths.py finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_carries_translations_fonts_icons_and_forms(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("blanko_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("blanko_desktop/resources/translations/blanko_id.qm", "blanko_desktop/resources/icons/blanko.ico",
                   "blanko_desktop/resources/fonts/DejaVuSans.ttf", "blanko_desktop/forms/permintaan-kelengkapan.txt",
                   "blanko_desktop/forms/lembar-persetujuan.xml", "blanko_desktop/forms/logo.png",
                   "blanko_desktop/core/services/__init__.py", "blanko_desktop/ui/main_window.py"):
        assert needed in names, needed
