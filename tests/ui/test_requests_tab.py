"""Permohonan Masuk: the table straight from the database, filters, colours, detail and moves."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from blanko_desktop.core import workflow
from blanko_desktop.core.demo.documents import participants, request_documents
from blanko_desktop.core.models import Document, Request, utcnow
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.services.request_table import ORDER_DUE, ORDER_RECEIVED
from blanko_desktop.core.workflow import State
from blanko_desktop.ui.widgets import request_model
from blanko_desktop.ui.widgets.request_detail import CancelDialog
from blanko_desktop.ui.widgets.request_model import (
    COL_DUE,
    COL_LSP,
    COL_RECEIVED,
    COL_STATE,
    DUE_TODAY,
    DUE_TODAY_BG,
    NORMAL,
    OVERDUE,
    OVERDUE_BG,
    URGENCY_ROLE,
)
from tests.ui.conftest import ago
from tests.ui.drops import write_files


@pytest.fixture
def desk(services, lsps):
    """Requests in several states: two fresh, one old and overdue, one cancelled long ago, one waiting."""
    tek, par, kon = lsps
    fresh = services.create_request(ago(minutes=10), tek.id, letter_number="045/LSP-TKD/XI/2026",
                                    sender="admin@lsp-tekdig.or.id", requested_qty=37)
    fresh2 = services.create_request(ago(minutes=20), par.id, letter_number="112/LSP-PN/XI/2026",
                                     sender="sekretariat@lsp-parnus.id", requested_qty=12)
    late = services.create_request(ago(days=10), kon.id, letter_number="007/LSPKI/2026", requested_qty=50)
    done = services.create_request(ago(days=30), tek.id, letter_number="031/LSP-TKD/X/2026", requested_qty=20)
    services.transition(done.id, State.CANCELLED, "Permohonan ganda")
    waiting = services.create_request(ago(days=5), par.id, letter_number="099/LSP-PN/X/2026")
    services.transition(waiting.id, State.WAITING_LSP)
    return {"fresh": fresh, "fresh2": fresh2, "late": late, "done": done, "waiting": waiting}


def ids(tab) -> list[int]:
    return [tab.model.request_id(r) for r in range(tab.model.rowCount())]


def row_texts(tab, request_id) -> list[str]:
    row = tab.model.row_of(request_id)
    return [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]


def show_all(tab) -> None:
    """The officer picks "Semua status": the whole archive, newest first."""
    tab.state_combo.setCurrentIndex(tab.state_combo.findData(None))


def test_table_shows_the_desk_most_urgent_first_and_the_archive_newest_first(window, desk, services):
    tab = window.requests_tab
    window.refresh()
    assert tab.stack.currentIndex() == 0  # no empty state any more
    # what the officer sees first: the requests in process, the running clocks by due time, then the
    # stopped ones (the one waiting on its LSP); nothing finished or cancelled
    assert tab.state_combo.currentText() == "Dalam proses (belum selesai)"
    running = sorted((services.request(desk[k].id) for k in ("fresh", "fresh2", "late")),
                     key=lambda r: (r.due_at, r.id))
    assert ids(tab) == [r.id for r in running] + [desk["waiting"].id]
    assert ids(tab)[0] == desk["late"].id  # the overdue one on top
    assert tab.count_label.text() == "4 permohonan"
    header = tab.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (COL_DUE, Qt.SortOrder.AscendingOrder)
    show_all(tab)
    assert ids(tab) == [desk[k].id for k in ("fresh", "fresh2", "waiting", "late", "done")]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_RECEIVED, Qt.SortOrder.DescendingOrder)
    texts = row_texts(tab, desk["fresh"].id)
    assert texts[COL_LSP] == "LSP Teknologi Digital"
    assert texts[COL_STATE] == "Diterima"
    assert texts[-1] == "37"
    assert row_texts(tab, desk["done"].id)[COL_STATE] == "Dibatalkan"
    assert row_texts(tab, desk["done"].id)[COL_DUE] == ""  # the clock stopped
    assert tab.count_label.text() == "5 permohonan"
    header = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert header == ["No.", "LSP", "Diterima", "Status", "Batas waktu", "Blanko"]


def test_a_click_on_the_received_or_due_column_switches_the_order(window, desk, qtbot):
    tab = window.requests_tab
    window.tabs.setCurrentWidget(tab)  # the window opens on Hari ini
    window.refresh()
    header = tab.table.horizontalHeader()
    tab.splitter.setSizes([1000, 0])  # the offscreen screen is 800 px: room for every column without the detail
    qtbot.waitUntil(lambda: not header.isSectionHidden(COL_RECEIVED))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_RECEIVED) + 5, header.height() // 2))
    assert tab.order == ORDER_RECEIVED
    assert ids(tab) == [desk[k].id for k in ("fresh", "fresh2", "waiting", "late")]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_STATE) + 5, header.height() // 2))
    assert tab.order == ORDER_RECEIVED  # not a column that orders: nothing changes
    assert header.sortIndicatorSection() == COL_RECEIVED
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_DUE) + 5, header.height() // 2))
    assert tab.order == ORDER_DUE and ids(tab)[0] == desk["late"].id


def test_a_request_waiting_on_its_lsp_says_since_when(window, desk):
    from blanko_desktop.ui import i18n

    tab = window.requests_tab
    window.refresh()
    since = window.session.services.history_entries(desk["waiting"].id)[-1].at
    row = tab.model.row_of(desk["waiting"].id)
    assert row_texts(tab, desk["waiting"].id)[COL_DUE] == "sejak " + i18n.fmt_date(i18n.local(since).date())
    assert "Menunggu LSP sejak" in tab.model.index(row, COL_DUE).data(Qt.ItemDataRole.ToolTipRole)
    assert row_texts(tab, desk["late"].id)[COL_DUE] == i18n.fmt_datetime(desk["late"].due_at)
    tab.select_request(desk["waiting"].id)
    assert tab.detail.fields["due"].text() == (
        "jam dihentikan: menunggu LSP sejak " + i18n.fmt_datetime(since))


def test_filter_by_state(window, desk):
    tab = window.requests_tab
    window.refresh()
    tab.state_combo.setCurrentIndex(tab.state_combo.findData(State.WAITING_LSP.value))
    assert ids(tab) == [desk["waiting"].id]
    tab.state_combo.setCurrentIndex(tab.state_combo.findText("Dalam proses (belum selesai)"))
    assert desk["done"].id not in ids(tab) and len(ids(tab)) == 4


def test_filter_by_lsp(window, desk, lsps):
    tab = window.requests_tab
    window.refresh()
    tab.lsp_combo.setCurrentIndex(tab.lsp_combo.findData(lsps[1].id))
    assert sorted(ids(tab)) == sorted([desk["fresh2"].id, desk["waiting"].id])


def test_search_text_is_debounced(window, desk, qtbot):
    tab = window.requests_tab
    window.refresh()
    qtbot.keyClicks(tab.search, "Pariwisata")
    assert len(ids(tab)) == 4  # not yet: the search waits for the officer to stop typing
    qtbot.waitUntil(lambda: len(ids(tab)) == 2, timeout=2000)
    tab.search.clear()
    qtbot.keyClicks(tab.search, "045/LSP")
    tab.apply_filter()
    assert ids(tab) == [desk["fresh"].id]
    tab.search.setText(f"#{desk['late'].id}")
    tab.apply_filter()
    assert desk["late"].id in ids(tab)


def test_overdue_only(window, desk, qtbot):
    tab = window.requests_tab
    window.refresh()
    qtbot.mouseClick(tab.overdue_check, Qt.MouseButton.LeftButton)
    assert ids(tab) == [desk["late"].id]


def test_overdue_row_is_red_and_due_today_amber(window, desk):
    tab = window.requests_tab
    window.refresh()
    show_all(tab)
    model = tab.model
    late = model.index(model.row_of(desk["late"].id), COL_LSP)
    assert late.data(URGENCY_ROLE) == OVERDUE
    assert late.data(Qt.ItemDataRole.BackgroundRole).color().name() == OVERDUE_BG
    assert "Terlambat" in late.data(Qt.ItemDataRole.ToolTipRole)
    done = model.index(model.row_of(desk["done"].id), COL_LSP)
    assert done.data(URGENCY_ROLE) == NORMAL
    assert done.data(Qt.ItemDataRole.BackgroundRole) is None

    due = desk["fresh"].due_at
    model.set_clock(lambda: due - timedelta(minutes=1))
    fresh = model.index(model.row_of(desk["fresh"].id), COL_LSP)
    assert fresh.data(URGENCY_ROLE) == DUE_TODAY
    assert fresh.data(Qt.ItemDataRole.BackgroundRole).color().name() == DUE_TODAY_BG
    assert fresh.data(Qt.ItemDataRole.ForegroundRole).color().name() == request_model.DUE_TODAY_FG


def test_rows_are_fetched_lazily(window, services, lsps, monkeypatch):
    monkeypatch.setattr(request_model.RequestTableModel, "PAGE", 5)
    for i in range(12):
        services.create_request(ago(hours=i + 1), lsps[0].id, letter_number=f"{i:03d}/X")
    tab = window.requests_tab
    window.refresh()
    assert tab.model.rowCount() == 5
    assert tab.model.total is None  # counted on a worker thread: the page did not wait
    assert tab.model.wait_for_total() == 12
    assert tab.count_label.text() == "12 permohonan"
    assert tab.model.canFetchMore()
    tab.model.fetchMore()
    tab.model.fetchMore()
    assert tab.model.rowCount() == 12
    assert not tab.model.canFetchMore()
    assert len(set(ids(tab))) == 12


def test_scrolling_continues_after_the_last_row_shown(window, services, lsps, monkeypatch):
    """Keyset paging: the next page starts after the last row's (received, id), never at an OFFSET."""
    monkeypatch.setattr(request_model.RequestTableModel, "PAGE", 4)
    for i in range(10):
        services.create_request(ago(hours=i + 1), lsps[0].id, letter_number=f"{i:03d}/X")
    tab = window.requests_tab
    window.refresh()
    show_all(tab)  # newest first: a request that arrives meanwhile goes above the rows shown
    calls = []
    original = services.request_page
    monkeypatch.setattr(tab.model._services, "request_page",
                        lambda flt, offset, limit, now=None, after=None: calls.append(after) or
                        original(flt, offset, limit, now=now, after=after))
    last = tab.model.request_row(3)
    services.create_request(ago(minutes=1), lsps[1].id)  # arrives meanwhile: newest, so above the rows shown
    tab.model.fetchMore()
    assert calls == [last]
    tab.model.fetchMore()
    assert len(ids(tab)) == len(set(ids(tab))) == 10  # nothing shown twice, nothing skipped


def test_detail_shows_data_documents_and_history(window, desk, storage):
    req = desk["done"]
    sha = storage.files.put(b"%PDF-1.4 surat permohonan")
    Document.create(request=req.id, kind="letter", original_name="surat-permohonan.pdf", sha256=sha, size=25,
                    media_type="application/pdf", source="test", received_at=utcnow())
    tab = window.requests_tab
    window.refresh()
    assert not tab.select_request(req.id)  # cancelled: not on the desk
    show_all(tab)
    assert tab.select_request(req.id)
    detail = tab.detail
    assert detail.request_id == req.id
    assert "LSP Teknologi Digital" in detail.title.text()
    assert detail.fields["letter"].text() == "031/LSP-TKD/X/2026"
    assert detail.documents.topLevelItemCount() == 1
    assert detail.documents.topLevelItem(0).text(0) == "surat-permohonan.pdf"
    assert detail.documents.topLevelItem(0).text(1) == "Surat permohonan"
    history = detail.history_rows  # (when, who, action, change), newest first
    assert len(history) == 2  # recorded + cancelled
    assert history[1][2] == "Dicatat"
    assert "031/LSP-TKD/X/2026" in history[1][3]
    assert history[0][1:3] == ("Budi Santoso (officer1)", "Status diubah")
    assert "Diterima → Dibatalkan" in history[0][3]
    assert detail.fields["due"].text() == "—"  # cancelled: no clock to speak of
    assert "Diterima → Dibatalkan" in detail.history.text()
    assert detail.action_buttons == {}  # cancelled: nothing left to do


def _verified_request(services, folder, lsp):
    """A request verified the way the officer does it: its four documents taken in, the checklist complete."""
    people = participants(8, random.Random(3))
    docs = request_documents(lsp.name, "Jakarta Selatan", people, date(2026, 11, 16), seq=51)
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths(write_files(folder, docs)), lsp_id=lsp.id,
                           received_at=ago(minutes=30)).request
    return checklist.mark_verified(services, req.id)


def test_transition_button_moves_the_request(window, desk, services, lsps, officer, tmp_path, qtbot):
    tab = window.requests_tab
    window.refresh()
    req = desk["fresh"]
    tab.select_request(req.id)
    # complete or not is decided in Verifikasi (tests/ui/test_verification_tab.py); here the moves after it
    assert set(tab.detail.action_buttons) == {State.CANCELLED}
    assert tab.detail.check_button.text() == "Periksa kelengkapan…"
    verified = _verified_request(services, tmp_path / "docs", lsps[0])  # verified at another workstation
    window.refresh()
    tab.select_request(verified.id)
    buttons = tab.detail.action_buttons
    assert {State.WAITING_LSP, State.CANCELLED} <= set(buttons)
    assert tab.detail.check_button is None
    qtbot.mouseClick(buttons[State.WAITING_LSP], Qt.MouseButton.LeftButton)
    assert services.request(verified.id).state == State.WAITING_LSP
    # the table and the detail follow
    assert row_texts(tab, verified.id)[COL_STATE] == "Menunggu LSP"
    assert State.RECEIVED in tab.detail.action_buttons
    assert tab.detail.request_id == verified.id


def test_approval_is_not_a_bare_move(window, services, lsps, officer, tmp_path, qtbot):
    verified = _verified_request(services, tmp_path / "docs", lsps[0])
    tab = window.requests_tab
    window.refresh()
    tab.select_request(verified.id)
    assert State.APPROVED not in tab.detail.action_buttons  # approval has its own step, never a bare button
    with pytest.raises(RuleError, match="hanya dapat dicapai lewat persetujuan pejabat eselon IV"):
        services.transition(verified.id, State.APPROVED)  # and core refuses the bare move whoever asks
    assert services.request(verified.id).state == State.VERIFIED


@pytest.mark.parametrize("state", list(State))
def test_the_detail_offers_no_move_into_a_state_that_stands_for_records(window, desk, state):
    """Approved, packed, shipped, delivered, closed (and verified) are entered by their operations only."""
    req = desk["fresh"]
    Request.update(state=state).where(Request.id == req.id).execute()
    window.refresh()
    window.requests_tab.select_request(req.id)
    detail = window.requests_tab.detail
    assert set(detail.action_buttons) == set(workflow.generic_targets(state)) - (
        {State.WAITING_LSP} if state == State.RECEIVED else set())
    assert not set(detail.action_buttons) & set(workflow.OPERATION_FOR)
    assert (detail.check_button is not None) == (state == State.RECEIVED)


def test_new_documents_restart_a_waiting_request(window, desk, services, qtbot):
    tab = window.requests_tab
    window.refresh()
    req = desk["waiting"]
    tab.select_request(req.id)
    button = tab.detail.action_buttons[State.RECEIVED]
    assert button.text() == "Dokumen baru diterima"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    fresh = services.request(req.id)
    assert fresh.state == State.RECEIVED and fresh.clock_running


def test_cancel_requires_a_reason(qtbot):
    dialog = CancelDialog(12)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Permohonan ganda")
    assert dialog.ok_button.isEnabled()
    assert dialog.text() == "Permohonan ganda"
    assert dialog.buttons.buttonRole(dialog.ok_button) == QDialogButtonBox.ButtonRole.AcceptRole


def test_cancel_with_reason_is_recorded(window, desk, services, monkeypatch, qtbot):
    tab = window.requests_tab
    window.refresh()
    req = desk["fresh2"]
    tab.select_request(req.id)
    monkeypatch.setattr(tab.detail, "ask_cancel_reason", lambda: None)  # the officer keeps it
    qtbot.mouseClick(tab.detail.action_buttons[State.CANCELLED], Qt.MouseButton.LeftButton)
    assert services.request(req.id).state == State.RECEIVED

    monkeypatch.setattr(tab.detail, "ask_cancel_reason", lambda: "Dikirim dua kali oleh LSP")
    qtbot.mouseClick(tab.detail.action_buttons[State.CANCELLED], Qt.MouseButton.LeftButton)
    row = services.request(req.id)
    assert row.state == State.CANCELLED
    assert row.cancel_reason == "Dikirim dua kali oleh LSP"
    assert services.history(req.id)[-1].after["reason"] == "Dikirim dua kali oleh LSP"


def test_a_colleagues_change_is_not_overwritten(window, desk, services, officer, qtbot):
    tab = window.requests_tab
    req = desk["waiting"]
    window.refresh()
    tab.select_request(req.id)
    services.update_request(req.id, letter_number="099-rev/LSP-PN/X/2026")  # another workstation
    qtbot.mouseClick(tab.detail.action_buttons[State.RECEIVED], Qt.MouseButton.LeftButton)
    assert services.request(req.id).state == State.WAITING_LSP
    assert "sudah diubah oleh" in officer.error_texts[0]
    # the detail now shows the colleague's version and acting again works
    assert tab.detail.fields["letter"].text() == "099-rev/LSP-PN/X/2026"
    qtbot.mouseClick(tab.detail.action_buttons[State.RECEIVED], Qt.MouseButton.LeftButton)
    assert services.request(req.id).state == State.RECEIVED


def test_keyboard_ctrl_f_and_enter(window, desk, qtbot):
    tab = window.requests_tab
    window.tabs.setCurrentWidget(tab)  # the window opens on Hari ini
    window.refresh()
    window.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.search.hasFocus, timeout=1000)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.detail.request_id is not None
    tab.splitter.setSizes([1000, 0])  # the officer had collapsed the detail pane
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.splitter.sizes()[1] > 0
    qtbot.waitUntil(lambda: tab.detail.check_button.hasFocus(), timeout=1000)


def test_times_read_on_the_office_clock(window):
    """Due times count office hours in Asia/Jakarta: they are shown on that clock, whatever the PC's zone."""
    from datetime import datetime, timezone

    from blanko_desktop.ui import i18n

    assert i18n.fmt_datetime(datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)).endswith("16:00")


def test_another_request_opens_at_the_top_of_the_detail_pane(window, desk, qtbot):
    tab = window.requests_tab
    window.tabs.setCurrentWidget(tab)  # the window opens on Hari ini
    window.refresh()
    tab.splitter.setSizes([600, 200])  # a short pane: the history is below the fold
    tab.select_request(desk["waiting"].id)
    bar = tab.detail.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the officer scrolled down to the history
    tab.select_request(desk["late"].id)
    assert bar.value() == 0  # the number and "Terlambat" are in view again
    assert tab.detail.urgency.text().startswith("Terlambat")
    bar.setValue(bar.maximum())
    window.refresh()  # the same request read again (F5, a colleague's change): the place is kept
    assert bar.value() == bar.maximum()
