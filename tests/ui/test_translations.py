"""The Indonesian catalogue: complete, compiled, and in step with the source and the core's words."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from blanko_desktop import paths
from blanko_desktop.core import workflow
from blanko_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = paths.resources_dir() / "translations" / "blanko_id.ts"
QM = paths.resources_dir() / "translations" / "blanko_id.qm"


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated():
    assert _tool().unfinished(TS) == []


def test_qm_is_present_and_loads():
    assert QM.is_file()
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("MainWindow", "Incoming requests") == "Permohonan Masuk"


def _lupdate() -> Path:
    """pyside6-lupdate as PySide6 installs it: beside this interpreter, whether or not the venv is on PATH."""
    script = Path(sys.executable).parent / ("pyside6-lupdate.exe" if sys.platform == "win32" else "pyside6-lupdate")
    assert script.is_file(), f"{script} missing: install PySide6 (pip install -e '.[test]')"
    return script


def test_catalogue_is_up_to_date_with_the_source(tmp_path):
    """A string added to the UI without a translation fails here, not in front of the officer."""
    import subprocess

    tool = _tool()
    copy = tmp_path / "blanko_id.ts"
    shutil.copy(TS, copy)
    files = [str(p) for p in tool.sources()]
    subprocess.run([str(_lupdate()), *files, "-ts", str(copy), "-no-obsolete", "-locations", "none",
                    "-target-language", "id_ID"], check=True, capture_output=True)
    assert tool.unfinished(copy) == []
    # Also catches lupdate reading nothing (every entry dropped as obsolete) and strings left in the
    # catalogue after their source text was changed or removed.
    assert _entries(copy) == _entries(TS)


def _entries(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_state_names_match_the_core():
    for state in workflow.State:
        assert i18n.state_label(state) == workflow.label(state)
