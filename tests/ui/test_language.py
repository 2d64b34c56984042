"""One language at a time: no internal name on the screen, plurals in English, Qt's own dialogs in Indonesian,
one date format."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from blanko_desktop.core import labels
from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.workflow import State
from blanko_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
ACTION_KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")
# codes and field names of the core that must never reach the window as they are
RAW = ({s.value for s in State} - {"received", "verified", "approved", "packed", "shipped", "delivered", "closed",
                                   "cancelled"}) | set(labels.DOCUMENT_KINDS) - {"email"} | {
    "cuti_bersama", "approval_scan", "requested_qty", "competent_qty", "not_yet_qty", "clock_started_at",
    "clock_running", "lsp_id", "due_at", "received_at", "letter_number"}


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "id")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A small demo database (every state the demo builds, documents, a completion e-mail, findings)."""
    from blanko_desktop.core import demo
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    storage = Storage.open(path)
    try:
        demo.fill(Services(storage, Actor("demo", "Demo")), requests=14)
    finally:
        storage.close()
    return path


def _walk(window) -> list[tuple[int, str, str]]:
    """Every request of the open database through the detail pane: (request, where, text) of all it shows."""
    detail = window.requests_tab.detail
    shown = []
    for row in window.session.services.request_page(RequestFilter(), 0, 1000):
        detail.show_request(row.id)
        for key, label in detail.fields.items():
            shown.append((row.id, f"field {key}", label.text()))
        for i in range(detail.documents.topLevelItemCount()):
            shown.append((row.id, "document kind", detail.documents.topLevelItem(i).text(1)))
        for when, who, action, change in detail.history_rows:
            shown.append((row.id, "history action", action))
            shown.append((row.id, "history change", change))
        for button in list(detail.action_buttons.values()) + ([detail.check_button] if detail.check_button else []):
            shown.append((row.id, "button", button.text()))
    return shown


def _raw_keys(shown: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    bad = []
    for request_id, where, text in shown:
        words = set(re.findall(r"[a-z_]+", text))
        if (where == "history action" and (ACTION_KEY.match(text) or text in RAW)) \
                or (where == "document kind" and text in labels.DOCUMENT_KINDS) \
                or words & {w for w in RAW if "_" in w}:
            bad.append((request_id, where, text))
    return bad


@pytest.fixture
def demo_window(demo_db, qtbot, tmp_path):
    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.core.storage import Storage
    from blanko_desktop.ui.main_window import MainWindow
    from blanko_desktop.ui.session import Session

    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_db, copy)
    shutil.copytree(demo_db.parent / "demo-dokumen", tmp_path / "demo-dokumen")
    storage = Storage.open(copy)
    win = MainWindow(Session(LocalConfig(database=str(copy), officer="Budi"), storage))
    qtbot.addWidget(win)
    yield win
    storage.close()


def test_no_internal_name_reaches_the_detail_pane(demo_window):
    shown = _walk(demo_window)
    kinds = {text for _id, where, text in shown if where == "document kind"}
    actions = {text for _id, where, text in shown if where == "history action"}
    # the walk saw what matters: the completion e-mail, added files, state changes
    assert {"Permintaan kelengkapan", "Surat permohonan", "Daftar peserta"} <= kinds
    assert {"Dicatat", "Dokumen ditambahkan", "Status diubah", "Permintaan kelengkapan ditulis"} <= actions
    assert _raw_keys(shown) == []
    # "Dokumen ditambahkan" names the file
    added = [text for (_id, where, text), (_i, _w, action) in zip(shown[1:], shown)
             if where == "history change" and action == "Dokumen ditambahkan"]
    assert added and all(re.search(r"\.(pdf|xlsx|eml)\b", text) for text in added)


def test_no_internal_name_in_english_either(demo_window, english):
    demo_window.requests_tab.rebind()
    shown = _walk(demo_window)
    assert _raw_keys(shown) == []
    kinds = {text for _id, where, text in shown if where == "document kind"}
    assert "Completion request" in kinds and "Permintaan kelengkapan" not in kinds


def test_every_audit_action_and_kind_has_the_core_words_in_the_window():
    for action, words in labels.AUDIT_ACTIONS.items():
        assert i18n.audit_action_label(action) == words, action
    for kind, words in labels.DOCUMENT_KINDS.items():
        assert i18n.document_kind_label(kind) == words, kind
    for kind, words in labels.REQUEST_KINDS.items():
        assert i18n.kind_label(kind) != kind
    assert i18n.audit_action_label("request.cancelled") == "Status diubah"
    # an action added in the core later shows its core label, never the key
    assert i18n.audit_action_label("stock.count") == labels.audit_action("stock.count")


def test_english_has_its_plural_forms(window, services, english, qtbot):
    from blanko_desktop.ui.main_window import MainWindow
    from tests.ui.conftest import ago

    lsp = services.add_lsp("LSP Teknologi Digital", [])
    services.create_request(ago(minutes=5), lsp.id)
    win = MainWindow(window.session)
    qtbot.addWidget(win)
    win.refresh()
    assert win.requests_tab.count_label.text() == "1 request"
    services.create_request(ago(minutes=9), lsp.id)
    win.refresh()
    assert win.requests_tab.count_label.text() == "2 requests"
    assert QCoreApplication.translate("DocumentInfo", "%n participant(s)", "", 7) == "7 participants"
    assert QCoreApplication.translate("VerificationTab", "Incomplete: %n point(s) to settle with the LSP.", "",
                                      1) == "Incomplete: 1 point to settle with the LSP."


def test_the_english_plural_catalogue_is_up_to_date_with_the_source(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    copy = tmp_path / "blanko_en.ts"
    shutil.copy(tool.TS_EN, copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, tool.sources()), "-ts", str(copy), "-no-obsolete", "-pluralonly",
                    "-locations", "none", "-target-language", "en_GB"], check=True, capture_output=True)
    assert tool.unfinished(copy) == []  # a new "%n thing(s)" without its English forms fails here
    assert tool.english_forms("%n row(s) could not be imported") == ["%n row could not be imported",
                                                                    "%n rows could not be imported"]


def test_qt_draws_its_own_file_dialog_in_indonesian(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    dialog = QFileDialog(None, "Buka basis data")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what a platform without a native one shows
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == "&Lihat di:"
    assert texts["fileNameLabel"] == "&Nama berkas:"
    assert texts["fileTypeLabel"] == "&Jenis berkas:"
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert {b.text() for b in buttons} == {"&Buka", "Batal"}


def test_the_window_uses_the_native_file_dialogs():
    """Windows has native file dialogs (in the officer's language): nothing here asks Qt for its own."""
    sources = [p for p in (ROOT / "blanko_desktop").rglob("*.py")]
    assert not [p for p in sources if "DontUseNativeDialog" in p.read_text(encoding="utf-8")]


def test_dates_in_one_format(settings_dialog):
    assert i18n.fmt_date(date(2026, 11, 29)) == "29 Nov 2026"
    assert i18n.fmt_date(date(2026, 8, 17), long=True) == "17 Agu 2026"
    assert i18n.fmt_datetime(datetime(2026, 11, 29, 2, 5, tzinfo=timezone.utc)) == "29 Nov 2026 09:05"
    assert settings_dialog.closure_date.displayFormat() == "d MMM yyyy"


@pytest.fixture
def settings_dialog(session, window, qtbot):
    from blanko_desktop.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(session, window)
    qtbot.addWidget(dialog)
    return dialog
