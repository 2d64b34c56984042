"""app.py: the real start in a process of its own, and what happens when the database cannot be opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from blanko_desktop import app as app_module
from blanko_desktop.core import config
from blanko_desktop.core.config import LocalConfig
from blanko_desktop.core.storage import Storage
from blanko_desktop.ui.dialogs import database_files

ROOT = Path(__file__).resolve().parents[2]


def test_python_m_blanko_desktop_shows_the_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BLANKO_BENCH_EXIT_ON_SHOWN="1",
               BLANKO_DATA_DIR=str(tmp_path / "data"), BLANKO_CONFIG_DIR=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "shown_ms=" in proc.stdout
    # first start: the default database was created and remembered
    assert (tmp_path / "data" / "blanko.sqlite").is_file()
    saved = json.loads((tmp_path / "config" / "config.json").read_text())
    assert saved["database"] == str(tmp_path / "data" / "blanko.sqlite")


def test_missing_database_offers_choices_and_quit_gives_up(monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(database_files, "ask_after_open_failure",
                        lambda parent, message: asked.append(message) or database_files.QUIT)
    cfg = LocalConfig(database=str(tmp_path / "hilang" / "blanko.sqlite"))
    assert app_module.open_storage(cfg) is None
    assert "tidak ditemukan" in asked[0]
    assert not (tmp_path / "hilang").exists()  # a configured file is never created behind the officer's back


def test_create_a_new_one_after_a_failure(monkeypatch, tmp_path):
    new = tmp_path / "baru" / "blanko.sqlite"
    monkeypatch.setattr(database_files, "ask_after_open_failure", lambda parent, message: database_files.CREATE_NEW)
    monkeypatch.setattr(database_files, "choose_new", lambda parent, start=None: new)
    cfg = LocalConfig(database=str(tmp_path / "hilang.sqlite"))
    storage = app_module.open_storage(cfg)
    try:
        assert isinstance(storage, Storage) and storage.path == new
        assert config.load().database == str(new)
    finally:
        storage.close()


def test_self_test_is_handed_over(monkeypatch):
    import types

    fake = types.ModuleType("blanko_desktop.selftest")
    fake.run = lambda argv: 7
    monkeypatch.setitem(sys.modules, "blanko_desktop.selftest", fake)
    assert app_module.main(["blanko-desktop", "--self-test"]) == 7


def test_first_start_asks_the_officer_name_once(window, monkeypatch):
    from blanko_desktop.ui.dialogs.first_start import OfficerNameDialog

    asked = []

    def answer(self):
        asked.append(self)
        self.name_edit.setText("  Sari Wulandari ")
        return 1

    monkeypatch.setattr(OfficerNameDialog, "exec", answer)
    app_module.ask_officer_name(window)
    assert config.load().officer == "Sari Wulandari"
    assert "Sari Wulandari" in window.officer_label.text()
    app_module.ask_officer_name(window)
    assert len(asked) == 1
