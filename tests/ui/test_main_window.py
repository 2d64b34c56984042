"""The main window: title, tabs, status bar, language, database switching, saved geometry."""

from __future__ import annotations

import pytest

from blanko_desktop.core import config
from blanko_desktop.core.config import LocalConfig
from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.storage import Storage
from tests.ui.conftest import ago


def test_title_tabs_and_status_bar_in_indonesian(window, storage):
    assert window.windowTitle() == "Blanko Desktop"
    assert window.tab_titles() == ["Hari ini", "Permohonan Masuk", "Verifikasi", "Persetujuan && Cetak", "Stok Blanko", "Pengiriman"]
    assert window.mode_label.text() == "Lokal"
    assert str(storage.path) in window.db_label.text()
    assert "Budi Santoso" in window.officer_label.text()
    assert [a.text() for a in window.menuBar().actions()] == ["&Berkas", "&Data", "Ba&ntuan"]


def test_status_bar_shows_shared_mode(qtbot, tmp_path):
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    storage = Storage.open(tmp_path / "share" / "blanko.sqlite", shared=True)
    try:
        win = MainWindow(Session(LocalConfig(database=str(storage.path)), storage))
        qtbot.addWidget(win)
        assert win.mode_label.text() == "Mode bersama (jaringan)"
    finally:
        storage.close()


def test_english_when_configured(qapp, qtbot, session):
    from blanko_desktop.ui import i18n
    from blanko_desktop.ui.main_window import MainWindow

    i18n.install(qapp, "en")
    try:
        win = MainWindow(session)
        qtbot.addWidget(win)
        assert win.tab_titles() == ["Today", "Incoming requests", "Verification", "Approval && printing", "Blank stock", "Shipping"]
        assert win.mode_label.text() == "Local"
        assert win.requests_tab.empty_state.message.text() == "Drag an e-mail or request files here"
    finally:
        i18n.install(qapp, "id")


def test_first_start_invites_to_drop_an_email(tab):
    assert not tab.has_requests
    assert tab.stack.currentWidget() is tab.empty_state
    assert tab.empty_state.message.text() == "Seret e-mail atau berkas permohonan ke sini"
    assert tab.empty_state.acceptDrops()  # and takes what is dropped on it (tests/ui/test_intake_drop.py)
    assert tab.empty_state.import_button.text() == "Impor berkas…"


def test_switching_database_rebinds_everything(window, services, lsps, tmp_path):
    services.create_request(ago(hours=1), lsps[0].id, letter_number="001/A")
    window.refresh()
    assert window.requests_tab.model.rowCount() == 1
    first = window.session.storage.path
    other = tmp_path / "other" / "kedua.sqlite"

    assert window.switch_database(other, create=True)

    assert window.session.storage.path == other
    assert str(other) in window.db_label.text()
    assert window.requests_tab.model.rowCount() == 0
    assert window.requests_tab.stack.currentWidget() is window.requests_tab.empty_state
    saved = config.load()
    assert saved.database == str(other)
    assert saved.recent[:2] == [str(other), str(first)]
    assert window.recent_paths() == [str(first)]
    # and back through the recent list
    assert window.switch_database(first)
    assert window.requests_tab.model.rowCount() == 1
    assert window.session.services.request_count(RequestFilter()) == 1


def test_a_file_that_is_no_database_is_refused_and_the_current_stays(window, officer, tmp_path):
    bad = tmp_path / "catatan.sqlite"
    bad.write_text("bukan basis data")
    before = window.session.storage.path

    assert not window.switch_database(bad)

    assert "bukan berkas basis data" in officer.error_texts[0]
    assert window.session.storage.path == before
    assert window.session.services.lsps() == []  # still usable


def test_f5_shows_what_a_colleague_added(window, services, lsps):
    tab = window.requests_tab
    assert tab.model.rowCount() == 0
    services.create_request(ago(minutes=5), lsps[1].id)  # another workstation
    window.action_refresh.trigger()
    assert tab.model.rowCount() == 1
    assert window.action_refresh.shortcut().toString() == "F5"


def test_geometry_is_remembered(window, qtbot, session):
    from blanko_desktop.ui.main_window import MainWindow

    window.resize(780, 520)  # the offscreen screen is 800x600
    window.close()
    again = MainWindow(session)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (780, 520)


def test_profile_change_updates_status_bar(window):
    window.session.set_officer("Siti Rahma")
    assert "Siti Rahma" in window.officer_label.text()
    assert config.load().officer == "Siti Rahma"
    assert window.session.services.actor.officer == "Siti Rahma"


@pytest.mark.parametrize("language, expected", [("id", "Permohonan Masuk"), ("en", "Incoming requests")])
def test_app_installs_the_configured_language(qapp, language, expected):
    from blanko_desktop.ui import i18n

    try:
        i18n.install(qapp, language)
        assert qapp.translate("MainWindow", "Incoming requests") == expected
    finally:
        i18n.install(qapp, "id")


def test_menus_and_empty_state_open_registry_and_settings(window, monkeypatch):
    from blanko_desktop.ui.dialogs.lsp_registry import LspRegistryDialog
    from blanko_desktop.ui.dialogs.settings import SettingsDialog

    opened = []
    monkeypatch.setattr(LspRegistryDialog, "exec", lambda self: opened.append("lsp") or 0)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append("settings") or 0)
    window.requests_tab.empty_state.lsp_button.click()
    window.action_lsp.trigger()
    window.action_settings.trigger()
    assert opened == ["lsp", "lsp", "settings"]
    assert window.action_lsp.text() == "Daftar &LSP…"
    assert window.action_settings.text() == "&Pengaturan…"
    assert window.action_about.text() == "&Tentang Blanko Desktop"


def test_busy_database_is_reported_while_the_core_retries(window):
    window.session.storage.on_busy(2)  # what Storage.write calls between its retries
    assert window.statusBar().currentMessage() == (
        "Basis data sedang sibuk: petugas lain sedang menyimpan. Mencoba lagi (2)…")
