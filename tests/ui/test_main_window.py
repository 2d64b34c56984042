"""The main window: title, tabs, status bar, language, database switching, saved geometry."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

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


# -- a window that fits the office's screens ----------------------------------------------------------

@pytest.mark.parametrize("screen, maximised, size", [
    ((1024, 728), True, (1008, 688)),     # a 1024x768 monitor (less the taskbar): maximised, never off the edge
    ((1366, 728), True, (1350, 688)),     # the 1366x768 laptop: maximised, the status bar stays on screen
    ((1920, 1040), False, (1360, 860)),   # a full-HD screen: a comfortable window, centred
    ((2560, 1400), False, (1360, 860)),
])
def test_first_start_fits_the_screen(screen, maximised, size):
    from PySide6.QtCore import QRect

    from blanko_desktop.ui.main_window import initial_geometry

    available = QRect(0, 0, *screen)
    rect, big_enough_not = initial_geometry(available)
    assert big_enough_not == maximised
    assert (rect.width(), rect.height()) == size
    assert available.contains(rect)
    if not maximised:
        assert abs(rect.center().x() - available.center().x()) <= 1


@pytest.mark.parametrize("saved, expected", [
    ((100, 80, 900, 600), (100, 80, 900, 600)),        # fits: as the officer left it
    ((0, 0, 1900, 1000), (8, 32, 1008, 688)),         # from a bigger screen: shrunk onto this one
    ((2500, 900, 800, 500), (216, 220, 800, 500)),     # from a second screen that is gone: moved back
])
def test_a_saved_size_is_fitted_to_the_screen_it_opens_on(saved, expected):
    from PySide6.QtCore import QRect

    from blanko_desktop.ui.main_window import fit_geometry

    fitted = fit_geometry(QRect(*saved), QRect(0, 0, 1024, 728))
    assert (fitted.x(), fitted.y(), fitted.width(), fitted.height()) == expected


def test_maximised_state_and_normal_size_are_restored(window, qtbot, session):
    from PySide6.QtCore import QRect

    from blanko_desktop.ui.main_window import MainWindow

    window.setGeometry(QRect(10, 40, 780, 520))  # the offscreen screen is 800x600
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    again = MainWindow(session)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.isMaximized)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized())
    assert (again.width(), again.height()) == (780, 520)
    assert abs(again.x() - 10) <= 2 and abs(again.y() - 40) <= 2  # the offscreen frame is 2 px wide


def _start_app(tmp_path, screen: tuple[int, int], config_dir=None) -> dict[str, str]:
    """The real app as a process on an offscreen screen of `screen` pixels; what it reported when shown."""
    import json
    import os
    import subprocess
    import sys

    from tests.ui.test_app import ROOT

    layout = tmp_path / f"screen-{screen[0]}.json"
    layout.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={layout}", BLANKO_BENCH_EXIT_ON_SHOWN="1",
               BLANKO_DATA_DIR=str(tmp_path / "data"), BLANKO_CONFIG_DIR=str(config_dir or tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("shown_ms="))
    return dict(part.split("=", 1) for part in line.split())


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
def test_the_app_started_on_a_small_screen_is_maximised_and_fits_it(tmp_path, screen):
    shown = _start_app(tmp_path, screen)
    assert shown["maximized"] == "1"
    width, height = (int(x) for x in shown["window"].split("x"))
    assert screen[0] - 8 <= width <= screen[0] and screen[1] - 8 <= height <= screen[1]  # less the frame
    width, height = (int(x) for x in shown["minimum"].split("x"))
    assert width <= 1024 and height <= 768 - 40 - 32  # taskbar and title bar


def test_at_1024_the_lsp_column_shows_whole_names(session, desk_lsps, qtbot):
    from PySide6.QtWidgets import QWidget

    from blanko_desktop.ui.tabs.requests_tab import RequestsTab
    from blanko_desktop.ui.widgets.request_model import COL_LSP, COL_RECEIVED

    holder = QWidget()  # the offscreen screen is 800 px wide: a child may be wider than any window there
    qtbot.addWidget(holder)
    tab = RequestsTab(session, holder)
    holder.show()
    tab.setGeometry(0, 0, 1008, 640)  # the client area of a maximised window on a 1024x768 screen
    qtbot.waitUntil(lambda: sum(tab.splitter.sizes()) > 900)
    tab.set_detail_share(None)
    tab.refresh()
    name = max((lsp.name for lsp in desk_lsps), key=tab.table.fontMetrics().horizontalAdvance)
    header = tab.table.horizontalHeader()
    assert header.sectionSize(COL_LSP) >= tab.table.fontMetrics().horizontalAdvance(name) + 8
    assert header.isSectionHidden(COL_RECEIVED)  # gave way; the row's tooltip says when it arrived
    assert "diterima" in tab.model.index(0, COL_LSP).data(Qt.ItemDataRole.ToolTipRole)
    tab.setGeometry(0, 0, 1350, 640)  # a 1366 px laptop: room for both
    qtbot.waitUntil(lambda: not header.isSectionHidden(COL_RECEIVED))
    assert header.sectionSize(COL_LSP) >= tab.table.fontMetrics().horizontalAdvance(name) + 8


@pytest.fixture
def desk_lsps(services):
    """LSPs with the long names real ones have, one request each."""
    names = ["LSP Teknologi Digital Nusantara", "LSP Perhotelan Sumatera Utara", "LSP Konstruksi Jaya Abadi"]
    lsps = [services.add_lsp(name, []) for name in names]
    for i, lsp in enumerate(lsps):
        services.create_request(ago(hours=i + 1), lsp.id, letter_number=f"00{i}/X/2026")
    return lsps


# -- a faster flow -----------------------------------------------------------------------------------

def test_enter_presses_the_focused_button(window, services, lsps, qtbot):
    req = services.create_request(ago(minutes=5), lsps[0].id)
    tab = window.requests_tab
    window.refresh()
    window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.detail.request_id == req.id
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # into the detail pane: "Periksa kelengkapan…"
    qtbot.waitUntil(lambda: tab.detail.check_button.hasFocus(), timeout=1000)
    with qtbot.waitSignal(tab.detail.verify_requested, timeout=2000) as opened:
        qtbot.keyClick(tab.detail.check_button, Qt.Key.Key_Return)
    assert opened.args == [req.id]
    assert window.tabs.currentWidget() is window.verification_tab


def test_escape_clears_the_search_then_goes_back_to_the_table(window, services, lsps, qtbot):
    services.create_request(ago(minutes=5), lsps[0].id)
    services.create_request(ago(minutes=9), lsps[1].id)
    tab = window.requests_tab
    window.refresh()
    window.activateWindow()
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "Pariwisata")
    tab.apply_filter()
    assert tab.model.rowCount() == 1
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == "" and tab.model.rowCount() == 2
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(tab.table.hasFocus, timeout=1000)


def test_ctrl_f_after_opening_a_database_types_into_the_search(window, services, lsps, qtbot, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QApplication

    from blanko_desktop.ui.dialogs import database_files

    other = tmp_path / "lain.sqlite"
    colleague = Storage.open(other)
    colleague.close()
    first = window.session.storage.path
    # the officer opens the other file and back with Berkas → Buka basis data…
    for path in (other, first):
        monkeypatch.setattr(database_files, "choose_existing", lambda parent, start=None, p=path: p)
        window.action_open_db.trigger()
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "Teknologi")
    assert window.requests_tab.search.text() == "Teknologi"


def test_f5_says_what_it_read_again(window, services, lsps):
    services.create_request(ago(minutes=5), lsps[0].id)
    window.tabs.setCurrentIndex(1)  # Permohonan Masuk opened: its count is in the message
    text = window.refresh()
    assert text == ("Dimuat ulang dari basis data: Hari ini, Permohonan Masuk (1 permohonan), Verifikasi, "
                    "Persetujuan & Cetak, Stok Blanko, Pengiriman.")
    assert window.statusBar().currentMessage() == text


# -- start-up: only the first screen is built ------------------------------------------------------------

KEYS = ["today", "requests", "verification", "approval", "stock", "shipping"]


def _click_tab(qtbot, window, title):
    bar = window.tabs.tabBar()
    index = window.tab_titles().index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_only_the_tab_on_screen_is_built_the_others_when_first_opened(window, services, lsps, qtbot):
    services.create_request(ago(minutes=5), lsps[0].id)
    assert [window.is_built(key) for key in KEYS] == [True, False, False, False, False, False]
    assert window.tabs.currentWidget() is window.today_tab

    _click_tab(qtbot, window, "Stok Blanko")

    assert [window.is_built(key) for key in KEYS] == [True, False, False, False, True, False]
    assert window.tabs.currentWidget() is window.stock_tab and window.tabs.currentIndex() == 4
    assert window.stock_tab.isVisible() and window.stock_tab.objectName() == "tab_stock"
    assert window.tab_titles() == ["Hari ini", "Permohonan Masuk", "Verifikasi", "Persetujuan && Cetak",
                                   "Stok Blanko", "Pengiriman"]
    _click_tab(qtbot, window, "Permohonan Masuk")
    assert window.tabs.currentWidget() is window.requests_tab and window.requests_tab.model.rowCount() == 1
    # asked for by the code: built where it belongs, the tab on screen stays
    shipping = window.shipping_tab
    assert window.tabs.widget(5) is shipping and window.tabs.currentWidget() is window.requests_tab


def test_f5_reads_again_what_is_open_and_builds_nothing(window):
    text = window.refresh()
    assert text == ("Dimuat ulang dari basis data: Hari ini, Permohonan Masuk, Verifikasi, Persetujuan & Cetak, "
                    "Stok Blanko, Pengiriman.")
    assert [window.is_built(key) for key in KEYS] == [True, False, False, False, False, False]


@pytest.mark.parametrize("first", ["requests", "verification"])
def test_verification_follows_the_selected_request_whichever_tab_was_built_first(window, services, lsps, qtbot,
                                                                                 first):
    req = services.create_request(ago(minutes=5), lsps[0].id)
    window.tab(first)
    requests = window.requests_tab
    requests.refresh()
    requests.select_request(req.id)
    assert window.verification_tab.request_id == req.id
    # and back: picking a request in Verifikasi selects it in Permohonan Masuk
    other = services.create_request(ago(minutes=9), lsps[1].id)
    requests.refresh()
    window.verification_tab.request_picked.emit(other.id)
    assert requests.detail.request_id == other.id


def test_a_tab_opened_after_the_selection_shows_the_selected_request(window, services, lsps):
    req = services.create_request(ago(minutes=5), lsps[0].id)
    window.requests_tab.refresh()
    window.requests_tab.select_request(req.id)
    assert not window.is_built("verification")
    assert window.verification_tab.request_id == req.id


def test_pane_sizes_of_tabs_not_opened_are_kept(window, qtbot, session):
    from blanko_desktop.ui.main_window import MainWindow

    window.tabs.setCurrentWidget(window.verification_tab)
    splitter = window.verification_tab.splitter
    qtbot.waitUntil(lambda: sum(splitter.sizes()) > 0)
    total = sum(splitter.sizes())
    splitter.setSizes([total - 150, 150] + [0] * (len(splitter.sizes()) - 2))
    saved = splitter.sizes()
    window.close()
    unopened = MainWindow(session)  # the officer works in Hari ini only this time
    qtbot.addWidget(unopened)
    unopened.close()
    assert not unopened.is_built("verification")
    again = MainWindow(session)
    qtbot.addWidget(again)
    again.show()
    again.tabs.setCurrentWidget(again.verification_tab)
    qtbot.waitUntil(lambda: again.verification_tab.splitter.sizes() == saved)


# -- live data: a colleague's commits without F5; a read-only file ----------------------------------------

def _colleague(session, *args) -> None:
    """A colleague at another workstation: `blanko ...` as a process of its own on the same file."""
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", *args, "--db", str(session.storage.path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_a_colleagues_closure_counts_in_the_next_due_time_computed_here(window, services, lsps):
    from datetime import datetime, timezone

    session = window.session
    received = datetime(2026, 12, 23, 3, 0, tzinfo=timezone.utc)  # Wednesday 10:00 in Jakarta
    before = session.services.calendar().due_time(received, 8)  # the window's calendar is built and cached
    assert before.date().isoformat() == "2026-12-24"
    _colleague(session, "calendar", "add-closure", "2026-12-24", "--kind", "cuti_bersama", "--note", "Natal")
    changes = session.poll()
    assert changes is not None and changes.calendar
    after = session.services.calendar().due_time(received, 8)
    assert after.date().isoformat() == "2026-12-28"  # Thursday closed, Friday the 25th a holiday


def test_a_colleagues_new_request_appears_without_f5(window, lsps, tmp_path, qtbot):
    tab = window.requests_tab
    assert tab.model.rowCount() == 0
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(b"%PDF-1.4\n% surat permohonan\n")
    _colleague(window.session, "intake", str(letter), "--new", "--lsp", lsps[0].name)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=6000)  # the window's own poll, every 2 s
    assert tab.model.request_row(0).lsp == lsps[0].name


def test_nothing_new_announces_nothing(window):
    assert window.session.poll() is None


def test_a_read_only_database_says_so_and_offers_no_writes(qtbot, storage, services, lsps, officer, tmp_path):
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session
    from tests.ui.drops import drop_on, file_mime

    req = services.create_request(ago(minutes=5), lsps[0].id)
    storage.read_only = True  # what Storage.open finds for a file or folder without write rights
    win = MainWindow(Session(LocalConfig(database=str(storage.path), officer="Budi"), storage))
    qtbot.addWidget(win)
    win.show()
    assert win.read_only_banner.isVisible()
    assert win.read_only_banner.text().startswith("Basis data hanya dapat dibaca")
    assert not win.action_import.isEnabled() and not win.action_paste.isEnabled()
    assert "hanya baca" in win.mode_label.text()
    tab = win.requests_tab
    tab.select_request(req.id)
    assert tab.detail.action_buttons and not any(b.isEnabled() for b in tab.detail.action_buttons.values())
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(b"%PDF-1.4\n")
    drop_on(win, file_mime([letter]))
    qtbot.waitUntil(lambda: bool(win.notice.text()), timeout=2000)
    assert win.notice.text().startswith("Basis data hanya dapat dibaca")
    assert not win.intake.busy
    # and the core refuses whatever still asks, with the same words
    assert win.session.perform(win, lambda: win.session.services.add_closure(date(2026, 12, 24))) is None
    assert "hanya dapat dibaca" in officer.error_texts[0]


# -- Bantuan -------------------------------------------------------------------------------------------

def test_help_shows_the_officers_guide_and_the_keys(window, monkeypatch):
    from blanko_desktop.ui.dialogs.help import GuideWindow, KeysDialog

    assert [a.text() for a in window.help_menu.actions() if a.text()] == [
        "&Panduan petugas", "Pintasan papan &ketik", "&Tentang Blanko Desktop"]
    assert window.action_guide.shortcut().toString() == "F1"
    window.action_guide.trigger()
    guide = GuideWindow._open
    assert guide is not None and guide.isVisible()
    assert "Permohonan Masuk" in guide.text() and "Pintasan papan ketik" in guide.text()  # the Indonesian guide
    window.action_guide.trigger()
    assert GuideWindow._open is guide  # F1 again: the same window to the front
    shown = []
    monkeypatch.setattr(KeysDialog, "exec", lambda self: shown.append(self) or 0)
    window.action_keys.trigger()
    (keys,) = shown
    rows = [(keys.keys.topLevelItem(i).text(0), keys.keys.topLevelItem(i).text(1))
            for i in range(keys.keys.topLevelItemCount())]
    assert ("Ctrl+F", "Cari permohonan: LSP, nomor surat, pengirim atau #nomor") in rows
    assert ("F5", "Muat ulang") in rows and ("Ctrl+I", "Impor berkas") in rows


def test_the_shipped_guide_is_the_readmes():
    """An installed app has no README: resources/guide/ carries its guide; rebuild it with tools/build_guide.py."""
    import importlib.util

    from tests.ui.test_app import ROOT

    spec = importlib.util.spec_from_file_location("build_guide", ROOT / "tools" / "build_guide.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.stale() == []
    assert "### Permohonan Masuk" in tool.guide_text((ROOT / "README.md").read_text(encoding="utf-8"))
