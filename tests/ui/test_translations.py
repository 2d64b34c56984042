"""The Indonesian catalogue: complete, compiled, and in step with the source and the core's words."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
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


@pytest.mark.skipif(not shutil.which("pyside6-lupdate"), reason="pyside6-lupdate not installed")
def test_catalogue_is_up_to_date_with_the_source(tmp_path):
    """A string added to the UI without a translation fails here, not in front of the officer."""
    import subprocess

    tool = _tool()
    copy = tmp_path / "blanko_id.ts"
    shutil.copy(TS, copy)
    files = [str(p) for p in tool.sources()]
    subprocess.run(["pyside6-lupdate", *files, "-ts", str(copy), "-no-obsolete", "-locations", "none",
                    "-target-language", "id_ID"], check=True, capture_output=True)
    assert tool.unfinished(copy) == []


def test_state_names_match_the_core():
    for state in workflow.State:
        assert i18n.state_label(state) == workflow.label(state)
