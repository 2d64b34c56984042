"""The window on a PostgreSQL server: opening it (File → Open database server…), what it shows, and a
colleague's work (another process, `blanko ... --db <address>`) appearing without F5."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from blanko_desktop.core import config, migrations, server
from blanko_desktop.core.config import LocalConfig
from blanko_desktop.core.storage import open_storage
from blanko_desktop.ui.dialogs import database_files, server_dialog
from blanko_desktop.ui.dialogs.server_dialog import ServerDialog


SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "example-request" / "files"


def colleague(address: str, *args: str) -> dict:
    """Another workstation: `blanko ... --json --db <address>` as a process of its own."""
    proc = subprocess.run([sys.executable, "-m", "blanko_desktop.cli", *args, "--json", "--db", address],
                          env=dict(os.environ), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def server_window(server_db, qtbot, qapp):
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    storage = open_storage(server_db)
    win = MainWindow(Session(LocalConfig(database=server_db, recent=[server_db], officer="Budi Santoso"), storage))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.session.start_watching(200)  # the window polls every 2 s; the test need not wait that long
    yield win
    win.session.close()


def fill(qtbot, dialog: ServerDialog, address: str, password: str = "") -> None:
    """The officer types the server's details as the administrator gave them."""
    parts = server.split_address(address)[0]
    from urllib.parse import urlsplit

    url = urlsplit(parts)
    for edit in (dialog.host, dialog.database, dialog.user):
        edit.clear()
    qtbot.keyClicks(dialog.host, url.hostname)
    dialog.port.setValue(url.port)
    qtbot.keyClicks(dialog.database, url.path.lstrip("/"))
    qtbot.keyClicks(dialog.user, url.username or "")
    if password:
        qtbot.keyClicks(dialog.password, password)


def typed_in_dialog(qtbot, address: str, password: str = "", remember: bool = False, test_first: bool = False):
    """server_dialog.ask as the officer answers it: the details typed, (tested,) Buka clicked."""
    def ask(parent, initial=None, note=""):
        dialog = ServerDialog(parent, initial, note)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(qtbot, dialog, address, password)
        dialog.remember.setChecked(remember)
        if test_first:
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.last_probe is not None, timeout=15000)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog._op is None and not dialog._open_after_test, timeout=15000)
        ask.dialogs.append(dialog)
        return dialog.choice

    ask.dialogs = []
    return ask


# -- the dialog ------------------------------------------------------------------------------------------

def _foreign(pg_cluster) -> str:
    import psycopg

    url = pg_cluster.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE pelanggan (id INTEGER)")
    return url


@pytest.mark.parametrize("case, answer", [
    ("ready", f"Basis data Blanko Desktop, skema {migrations.LATEST}."),
    ("empty", "masih kosong: skema Blanko Desktop dapat dibuat di sana"),
    ("foreign", "berisi tabel lain (pelanggan) dan bukan basis data Blanko Desktop"),
    ("no database", "tidak ada di server itu"),
    ("unreachable", "tidak terjangkau"),
    ("unknown host", "tidak terjangkau"),
])
def test_test_connection_says_what_the_server_answers(case, answer, qtbot, qapp, pg_cluster, server_db):
    address = {
        "ready": lambda: server_db,
        "empty": lambda: pg_cluster.new_database(),
        "foreign": lambda: _foreign(pg_cluster),
        "no database": lambda: pg_cluster.url_for("tidak_ada"),
        "unreachable": lambda: "postgresql://postgres@127.0.0.1:1/blanko",
        "unknown host": lambda: "postgresql://postgres@server-kantor.invalid:5432/blanko",
    }[case]()
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, address)
    assert dialog.address_label.text().endswith("?sslmode=prefer")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert not dialog.test_button.isEnabled()  # asked off the GUI thread; one question at a time
    qtbot.waitUntil(lambda: dialog.last_probe is not None, timeout=15000)
    assert answer in dialog.result.text()
    assert dialog.test_button.isEnabled() and dialog.choice is None


def test_the_address_is_built_from_the_fields_and_read_back():
    address = server_dialog.address_of("db.bnsp.local", 5433, "blanko", "petugas@kantor", "verify-full")
    assert address == "postgresql://petugas%40kantor@db.bnsp.local:5433/blanko?sslmode=verify-full"
    opened = server_dialog.with_password(address, "r@hasia:1")
    assert server.split_address(opened) == (address, "r@hasia:1")
    dialog = ServerDialog(initial=address)
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text(), dialog.user.text(),
            dialog.sslmode.currentData()) == ("db.bnsp.local", 5433, "blanko", "petugas@kantor", "verify-full")
    assert dialog.address() == address


# -- opening it from the window ----------------------------------------------------------------------------

def test_open_a_server_from_the_file_menu_and_back_to_the_file(window, qtbot, server_db, monkeypatch):
    kept = {}
    monkeypatch.setattr(server, "remember_password", lambda address, password: kept.update({address: password})
                        or True)
    ask = typed_in_dialog(qtbot, server_db, password="rahasia", remember=True, test_first=True)
    monkeypatch.setattr(server_dialog, "ask", ask)
    file_path = window.session.storage.location
    window.action_open_server.trigger()
    address = ask.dialogs[0].address()
    assert address == server_db + "?sslmode=prefer"
    storage = window.session.storage
    assert storage.engine == "postgresql" and storage.location == address
    assert kept == {address: "rahasia"}  # in the credential store, never in the config file
    assert window.db_label.text() == f"Basis data: {address}"
    assert window.mode_label.text() == "Server (PostgreSQL)"
    saved = config.load()
    assert saved.database == address and saved.recent[:2] == [address, file_path]
    assert "rahasia" not in (Path(os.environ["BLANKO_CONFIG_DIR"]) / "config.json").read_text()
    assert window.recent_paths() == [file_path]
    assert window._start_dir() == Path.home()  # no folder of a file to start the file dialogs in
    from blanko_desktop.ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(window.session, window)
    qtbot.addWidget(settings)
    assert (settings.db_path.text(), settings.db_mode.text()) == (address, "Server (PostgreSQL)")
    assert [settings.recent_list.item(i).text() for i in range(settings.recent_list.count())] == [file_path]
    # the server's data is what the window shows now
    window.session.services.add_lsp("LSP Server Uji", [], city="Jakarta")
    assert [lsp.name for lsp in window.session.services.lsp_views()] == ["LSP Server Uji"]
    # and back to the file through the recent menu
    window.recent_menu.actions()[0].trigger()
    assert window.session.storage.location == file_path and window.session.storage.engine == "sqlite"
    assert window.recent_paths() == [address]
    assert window.session.services.lsp_views() == []


def test_an_empty_database_is_given_the_schema_when_the_officer_agrees(window, qtbot, pg_cluster, officer,
                                                                         monkeypatch):
    empty = pg_cluster.new_database()
    ask = typed_in_dialog(qtbot, empty)
    monkeypatch.setattr(server_dialog, "ask", ask)
    officer.confirm_answer = False
    assert not window.open_server()
    assert window.session.storage.engine == "sqlite"
    assert "masih kosong" in ask.dialogs[0].result.text() and ask.dialogs[0].choice is None
    officer.confirm_answer = True
    assert window.open_server()
    assert officer.questions[-1].startswith(f"Basis data {ask.dialogs[-1].address()} masih kosong.")
    assert window.session.storage.schema_version() == migrations.LATEST


def test_a_server_that_refuses_leaves_the_open_database_working(server_window, qtbot, monkeypatch, tmp_path):
    session = server_window.session
    before = session.storage
    offered = []
    monkeypatch.setattr(server_dialog, "ask", lambda parent, initial=None, note="": offered.append((initial, note)))
    assert not server_window.switch_database("postgresql://postgres@127.0.0.1:1/blanko", create=False)
    # the dialog comes back with the address and the server's answer, to correct them
    assert offered == [("postgresql://postgres@127.0.0.1:1/blanko", offered[0][1])]
    assert "tidak terjangkau" in offered[0][1]
    assert not server_window.switch_database(tmp_path / "hilang.sqlite", create=False)
    assert session.storage is before
    session.services.add_lsp("LSP Masih Jalan", [], city="Bandung")  # the server still takes writes
    assert [lsp.name for lsp in session.services.lsp_views()] == ["LSP Masih Jalan"]


def test_start_up_on_an_unreachable_server_offers_another_server(monkeypatch, server_db):
    asked = []
    monkeypatch.setattr(database_files, "ask_after_open_failure",
                        lambda parent, message: asked.append(message) or database_files.OPEN_SERVER)
    offered = []

    def ask(parent, initial=None, note=""):
        offered.append(initial)
        return server_dialog.ServerChoice(server_db, server_db)

    monkeypatch.setattr(server_dialog, "ask", ask)
    from blanko_desktop import app as app_module

    cfg = LocalConfig(database="postgresql://postgres@127.0.0.1:1/blanko", recent=["/data/lama.sqlite"])
    storage = app_module.open_storage(cfg)
    try:
        assert storage.location == server_db
        assert "tidak terjangkau" in asked[0]
        assert offered == ["postgresql://postgres@127.0.0.1:1/blanko"]  # its details, to correct them
        assert config.load().recent[0] == server_db
    finally:
        storage.close()


# -- live: a colleague's work without F5 ------------------------------------------------------------------

def test_a_colleagues_request_move_and_stock_appear_without_f5(server_window, server_db, qtbot, tmp_path):
    session = server_window.session
    lsp = session.services.add_lsp("LSP Teknologi Digital", ["admin@lsp-tekdig.or.id"], city="Jakarta")
    tab = server_window.requests_tab
    assert tab.model.rowCount() == 0
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(b"%PDF-1.4\n% surat permohonan\n")
    made = colleague(server_db, "intake", str(letter), "--new", "--lsp", lsp.name)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    row = tab.model.request_row(0)
    assert row.id == made["request"] and row.lsp == lsp.name and row.state == "received"

    colleague(server_db, "transition", str(made["request"]), "waiting_lsp")
    qtbot.waitUntil(lambda: tab.model.request_row(0) is not None
                    and tab.model.request_row(0).state == "waiting_lsp", timeout=10000)

    server_window.tabs.setCurrentWidget(server_window.stock_tab)
    stock = server_window.stock_tab
    stock.wait_idle()
    assert stock.figures["available"].value.text() == "0"
    colleague(server_db, "stock", "receive", "--first", "KB 0000001", "--last", "KB 0000250", "--doc", "SJ-77")
    qtbot.waitUntil(lambda: stock.figures["available"].value.text() == "250", timeout=10000)


def test_a_stored_document_opens_and_previews_from_the_server(server_window, server_db, tmp_path, monkeypatch,
                                                              qtbot):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtPdf import QPdfDocument

    from blanko_desktop.ui.widgets import stored_file

    session = server_window.session
    lsp = session.services.add_lsp("LSP Pariwisata Nusantara", [], city="Denpasar")
    decision = SAMPLES / "SK Penetapan Kompeten.pdf"
    made = colleague(server_db, "intake", str(decision), "--new", "--lsp", lsp.name)
    (doc,) = session.services.document_views(made["request"])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    copy, ok = stored_file.open_copy(server_window, session.storage, doc)
    assert ok and copy.name.endswith("SK Penetapan Kompeten.pdf") and copy.read_bytes() == decision.read_bytes()
    assert opened == [str(copy)]
    # the Verifikasi tab's preview reads the same local copy
    tab = server_window.verification_tab
    server_window.tabs.setCurrentWidget(tab)
    tab.show_request(made["request"])
    qtbot.waitUntil(lambda: tab.current is not None and not tab.busy, timeout=15000)
    tab.preview_document(doc.id)
    assert tab.preview.pdf_document.status() == QPdfDocument.Status.Ready
    assert tab.preview.pdf_document.pageCount() >= 1


def test_a_standby_server_is_read_only_and_says_why(server_db, qtbot, officer):
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    storage = open_storage(server_db)
    storage.read_only = True  # what ServerStorage.open finds on a server in recovery (a standby)
    win = MainWindow(Session(LocalConfig(database=server_db, officer="Budi"), storage))
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.read_only_banner.isVisible()
        assert win.read_only_banner.text().startswith("Basis data hanya dapat dibaca: server ini salinan cadangan.")
        assert win.mode_label.text().startswith("Server (PostgreSQL) · ")
        assert not win.action_import.isEnabled()
        assert win.session.perform(win, lambda: win.session.services.add_lsp("LSP X", [], city="Y")) is None
        assert "hanya dapat dibaca (server cadangan)" in officer.error_texts[0]
    finally:
        win.session.close()


def test_closing_the_dialog_while_the_server_is_asked_leaves_the_question_to_finish(qtbot, qapp, server_db):
    dialog = ServerDialog(initial=server_db)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    op = dialog._op
    assert op in server_dialog._ASKING
    dialog.reject()
    dialog.deleteLater()
    del dialog
    qtbot.waitUntil(lambda: op not in server_dialog._ASKING, timeout=15000)
    op.wait(5)
    assert not op.running


# -- the password ------------------------------------------------------------------------------------------

class FakeCredentialStore:
    """The system's credential store, in memory (keyring's get/set/delete_password)."""

    def __init__(self):
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, account):
        return self.kept.get((service, account))

    def set_password(self, service, account, password):
        self.kept[(service, account)] = password

    def delete_password(self, service, account):
        import keyring.errors

        if (service, account) not in self.kept:
            raise keyring.errors.PasswordDeleteError("not kept")
        del self.kept[(service, account)]


@pytest.fixture
def password_server(pg_cluster, server_db):
    """server_db reached as a role that must give its password ('benar-123'), with an officer's rights."""
    from urllib.parse import urlsplit, urlunsplit

    role = pg_cluster.password_role("benar-123")
    storage = open_storage(server_db)
    try:
        storage.grant_officer_role(role)
    finally:
        storage.close()
    parts = urlsplit(server_db)
    return urlunsplit((parts.scheme, f"{role}@{parts.hostname}:{parts.port}", parts.path, "", ""))


def test_a_wrong_password_is_refused_in_the_dialog_and_the_window_keeps_its_database(
        window, qtbot, password_server, monkeypatch):
    monkeypatch.setattr(server, "_keyring", lambda: FakeCredentialStore())
    file_path = window.session.storage.location
    ask = typed_in_dialog(qtbot, password_server, password="salah-999", remember=True)
    monkeypatch.setattr(server_dialog, "ask", ask)
    window.action_open_server.trigger()
    dialog = ask.dialogs[0]
    assert dialog.choice is None  # not opened
    assert "menolak masuk: kata sandi salah" in dialog.result.text()
    assert window.session.storage.location == file_path and window.session.storage.engine == "sqlite"
    # the right one opens it
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "benar-123")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.choice is not None, timeout=15000)
    assert server.split_address(dialog.choice.target)[1] == "benar-123"


def test_unticking_remember_forgets_the_kept_password(qtbot, qapp, password_server, monkeypatch):
    ring = FakeCredentialStore()
    monkeypatch.setattr(server, "_keyring", lambda: ring)
    address = password_server + "?sslmode=prefer"
    assert server.remember_password(address, "benar-123")
    dialog = ServerDialog(initial=address)  # a remembered server: its password filled in, the box ticked
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password.text() == "benar-123" and dialog.remember.isChecked()
    dialog.remember.setChecked(False)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.choice is not None, timeout=15000)
    assert server.stored_password(address) is None and ring.kept == {}
    assert server.split_address(dialog.choice.target)[1] == "benar-123"  # this time it still opens
    again = ServerDialog(initial=address)
    qtbot.addWidget(again)
    assert again.password.text() == "" and not again.remember.isChecked()
