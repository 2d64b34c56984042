"""Stok Blanko: the officer receives, issues, spoils, takes back damaged sheets, reverses and counts from the tab;
every result is checked through the core's ledger, every refusal is the core's own words."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from blanko_desktop.core import clock
from blanko_desktop.core.stock import SerialRange, StockLedger
from blanko_desktop.ui.tabs.stock import IssueDialog, issue_blanks
from blanko_desktop.ui.tabs.stock.count_dialog import CountDialog
from blanko_desktop.ui.tabs.stock.dialogs import ReceiveDialog, ReturnDialog, ReverseDialog, SpoilDialog
from blanko_desktop.ui.tabs.stock.ledger_model import COL_KIND, COL_QTY, COL_RANGE, LedgerModel
from tests.core.stock.conftest import DELIVERY_DATE, make_approved, make_replacement, verify_and_approve
from tests.ui.fit import LONG_LSP, at_smallest_screen

ENTER = Qt.Key.Key_Return


def R(first, last):  # noqa: N802
    return SerialRange("KB", first, last)


@pytest.fixture
def ledger(services) -> StockLedger:
    return StockLedger(services)


@pytest.fixture
def stocked(ledger) -> StockLedger:
    ledger.receive("KB 0000001 - KB 0001000", "SJ-001/PERURI/2026", DELIVERY_DATE)
    return ledger


@pytest.fixture
def stock_tab(window, qtbot):
    tab = window.stock_tab
    window.tabs.setCurrentWidget(tab)
    tab.wait_idle()
    return tab


@pytest.fixture
def acting(monkeypatch):
    """The officer at a dialog: `acting(DialogClass, fn)` makes the dialog's exec() run fn(dialog) (typing,
    clicking) instead of waiting for a person; what the dialog then is, the tab gets."""
    seen: list[QDialog] = []

    def act(cls, fn):
        def exec_(self):
            seen.append(self)
            self.show()  # as exec() would: Enter reaches the default button only on a shown dialog
            fn(self)
            self.hide()
            return self.result()
        monkeypatch.setattr(cls, "exec", exec_)
    act.seen = seen
    return act


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def figure(tab, place: str) -> str:
    return tab.figures[place].value.text()


# -- the tab in the window ---------------------------------------------------------------------------------

def test_the_tab_is_in_the_window_and_shows_the_store(window, stocked, stock_tab):
    assert "Stok Blanko" in window.tab_titles()
    assert figure(stock_tab, "available") == "1.000"
    assert stock_tab.ranges_list.item(0).text().startswith("KB 0000001 – KB 0001000")
    assert stock_tab.model.total == 1
    assert stock_tab.model.data(stock_tab.model.index(0, COL_KIND)) == "Diterima dari percetakan"
    assert stock_tab.model.data(stock_tab.model.index(0, COL_QTY)) == "+1.000"


# -- receive -------------------------------------------------------------------------------------------------

def test_receive_typed_or_scanned_with_the_delivery_document(stock_tab, ledger, acting, qtbot):
    def officer(dialog: ReceiveDialog):
        assert dialog.first.hasFocus() or dialog.focusWidget() is dialog.first
        qtbot.keyClicks(dialog.first, "KB 0000001")
        qtbot.keyClick(dialog.first, ENTER)  # a scanner ends with Enter: on to the last serial
        assert dialog.result() != QDialog.DialogCode.Accepted
        qtbot.keyClicks(dialog.last, "kb0001000")
        qtbot.keyClick(dialog.last, ENTER)
        assert dialog.tally.text() == "1.000 lembar"
        qtbot.keyClicks(dialog.doc_number, "SJ-014/PERURI/XI/2026")
        qtbot.keyClick(dialog.doc_number, ENTER)  # Enter confirms

    acting(ReceiveDialog, officer)
    click(qtbot, stock_tab.receive_button)
    assert ledger.balance().available == 1000
    line = ledger.ledger().lines[0]
    assert (line.doc_number, line.range) == ("SJ-014/PERURI/XI/2026", R(1, 1000))
    stock_tab.wait_idle()
    assert figure(stock_tab, "available") == "1.000"


@pytest.mark.parametrize("first, last, doc, message", [
    ("KB 0000900", "KB 0001100", "SJ-2",
     "Penerimaan ditolak: nomor seri sudah tercatat — KB 0000900 – KB 0001000 (tersedia di gudang)."),
    ("KB 0002000", "KB 0001001", "SJ-2",
     "Rentang terbalik: KB 0002000 – KB 0001001; nomor awal harus lebih kecil dari nomor akhir."),
    ("SN 0002000", "SN 0002100", "SJ-2", "Nomor seri 'SN 0002000' berawalan 'SN', bukan 'KB' (format: KB 0000001)."),
    ("KB 0002000", "KB 0002100", "", "Nomor dokumen pengiriman dari percetakan wajib diisi."),
])
def test_receive_refusals_are_the_cores_and_the_dialog_stays(stocked, session, officer, qtbot, first, last, doc,
                                                            message):
    dialog = ReceiveDialog(session)
    qtbot.addWidget(dialog)
    dialog.first.setText(first)
    dialog.last.setText(last)
    dialog.doc_number.setText(doc)
    click(qtbot, dialog.ok_button)
    assert officer.error_texts == [message]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert stocked.balance().received == 1000


# -- issue ---------------------------------------------------------------------------------------------------

def test_issue_the_suggestion_with_enter(stock_tab, stocked, services, lsps, acting, qtbot):
    req = make_approved(services, 40, lsps[0].id)

    def officer(dialog: IssueDialog):
        assert dialog.picker.currentData() == req
        assert dialog.entry.plain_text() == "KB 0000001 – KB 0000040"
        assert dialog.verdict.text() == "✓ 40 dari 40 yang disetujui"
        qtbot.keyClick(dialog.entry.scan, ENTER)  # nothing scanned: Enter issues what is shown

    acting(IssueDialog, officer)
    click(qtbot, stock_tab.issue_button)
    assert stocked.request_ranges(req) == [R(1, 40)]
    assert stocked.balance().available == 960
    stock_tab.wait_idle()
    assert figure(stock_tab, "issued") == "40"
    assert stock_tab.per_lsp.item(0, 0).text() == "LSP Teknologi Digital"


def test_issue_bundles_scanned_first_and_last_sheet(stocked, services, lsps, session, qtbot):
    req = make_approved(services, 30, lsps[1].id)
    dialog = IssueDialog(session, req)
    qtbot.addWidget(dialog)
    dialog.entry.text.clear()
    for serial in ("KB 0000101", "KB 0000110", "kb0000201", "KB-0000220"):
        qtbot.keyClicks(dialog.entry.scan, serial)
        qtbot.keyClick(dialog.entry.scan, ENTER)
        assert dialog.result() != QDialog.DialogCode.Accepted  # a scan never confirms
    assert dialog.entry.plain_text() == "KB 0000101 - KB 0000110\nKB 0000201 - KB 0000220"
    assert dialog.verdict.text().startswith("✓ 30 dari 30")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stocked.request_ranges(req) == [R(101, 110), R(201, 220)]


@pytest.mark.parametrize("typed, message", [
    ("KB 0000101 - KB 0000120",
     "Permohonan #{req} disetujui 15 lembar, tetapi rentang yang diisi berjumlah 20 lembar (KB 0000101 – KB 0000120)."),
    ("KB 0000101 - KB 0000110",
     "Permohonan #{req} disetujui 15 lembar, tetapi rentang yang diisi berjumlah 10 lembar (KB 0000101 – KB 0000110)."),
    ("KB 0000001 - KB 0000015",
     "Pengeluaran KB 0000001 – KB 0000015 ditolak: tidak semua lembar tersedia di gudang — "
     "KB 0000001 – KB 0000010 (dikeluarkan untuk permohonan #{first})."),
    ("KB 0000496 - KB 0000510",
     "Pengeluaran KB 0000496 – KB 0000510 ditolak: tidak semua lembar tersedia di gudang — KB 0000500 "
     "(rusak di kantor)."),
    ("KB 0000001 - KB 0000010\nKB 0000005 - KB 0000009",
     "Rentang KB 0000001 – KB 0000010 dan KB 0000005 – KB 0000009 tumpang tindih (KB 0000005 – KB 0000009 disebut "
     "dua kali)."),
    ("", "Tidak ada rentang nomor seri yang diisi."),
])
def test_issue_refusals_are_the_cores_and_nothing_is_issued(stocked, services, lsps, session, officer, qtbot,
                                                            typed, message):
    first = make_approved(services, 10, lsps[0].id)
    stocked.issue(first)
    stocked.spoil("KB 0000500", "uji cetak")
    req = make_approved(services, 15, lsps[1].id)
    dialog = IssueDialog(session, req)
    qtbot.addWidget(dialog)
    dialog.entry.text.setPlainText(typed)
    click(qtbot, dialog.ok_button)
    assert officer.error_texts == [message.format(req=req, first=first)]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert stocked.request_ranges(req) == []


def test_issue_dialog_opened_by_another_tab_for_one_request(stocked, services, lsps, session, acting, officer, qtbot):
    """The approval tab's "Keluarkan blanko…" opens the same dialog with the request's id."""
    req = make_approved(services, 25, lsps[2].id)
    acting(IssueDialog, lambda dialog: click(qtbot, dialog.ok_button))
    assert issue_blanks(session, req) == [R(1, 25)]
    assert not acting.seen[0].picker.isEnabled()
    # issued already: the dialog shows what it has, and Issue gives the core's refusal
    acting(IssueDialog, lambda dialog: click(qtbot, dialog.ok_button))
    assert issue_blanks(session, req) is None
    assert acting.seen[1].entry.plain_text() == "KB 0000001 – KB 0000025"
    assert officer.error_texts == [f"Blanko untuk permohonan #{req} sudah dikeluarkan: KB 0000001 – KB 0000025. "
                                   "Batalkan pengeluaran itu dulu bila ingin menggantinya."]


def test_a_request_not_approved_is_refused_in_the_cores_words(stocked, services, lsps, session, officer, qtbot):
    req = services.create_request(datetime(2026, 8, 3, 2, tzinfo=timezone.utc), lsp_id=lsps[0].id).id
    dialog = IssueDialog(session, req)
    qtbot.addWidget(dialog)
    assert dialog.info.text() == f"Permohonan #{req} (LSP Teknologi Digital) berstatus diterima."
    dialog.entry.text.setPlainText("KB 0000001 - KB 0000010")
    click(qtbot, dialog.ok_button)
    assert officer.error_texts == [f"Permohonan #{req} belum disetujui (status 'Diterima'); blanko hanya "
                                   "dikeluarkan untuk permohonan yang disetujui."]


def test_short_stock_is_said_before_anything_is_tried(stocked, services, lsps, session, qtbot):
    req = make_approved(services, 1500, lsps[0].id)
    dialog = IssueDialog(session, req)
    qtbot.addWidget(dialog)
    assert "Stok blanko tidak cukup: diperlukan 1500 lembar, tersedia 1000 lembar." in dialog.info.text()
    assert dialog.entry.plain_text() == "" and not dialog.suggest_button.isEnabled()


def test_the_picker_offers_approved_requests_without_blanks(stocked, services, lsps, session, qtbot):
    served = make_approved(services, 5, lsps[0].id)
    stocked.issue(served)
    waiting = make_approved(services, 7, lsps[1].id)
    dialog = IssueDialog(session)
    qtbot.addWidget(dialog)
    assert [dialog.picker.itemData(i) for i in range(dialog.picker.count())] == [waiting]
    assert dialog.picker.isEnabled() and dialog.entry.plain_text() == "KB 0000006 – KB 0000012"


# -- spoil, return, reverse ----------------------------------------------------------------------------------

def test_spoil_scanned_sheets_with_a_reason(stock_tab, stocked, acting, qtbot):
    def officer(dialog: SpoilDialog):
        for serial in ("KB 0000005", "KB 0000007"):
            qtbot.keyClicks(dialog.entry.scan, serial)
            qtbot.keyClick(dialog.entry.scan, ENTER)
        qtbot.keyClicks(dialog.reason, "kertas macet di printer")
        qtbot.keyClick(dialog.reason, ENTER)

    acting(SpoilDialog, officer)
    click(qtbot, stock_tab.spoil_button)
    assert stocked.balance().spoiled == 3 and stocked.where("KB 0000006").place == "spoiled"
    assert stocked.ledger(kind="spoil").lines[0].note == "kertas macet di printer"
    stock_tab.wait_idle()
    assert figure(stock_tab, "spoiled") == "3"


@pytest.mark.parametrize("typed, reason, message", [
    ("KB 0000010", "sobek",
     "Pencatatan rusak KB 0000010 ditolak: tidak semua lembar tersedia di gudang — KB 0000010 (rusak di kantor)."),
    ("KB 0005000", "sobek",
     "Pencatatan rusak KB 0005000 ditolak: tidak semua lembar tersedia di gudang — KB 0005000 (belum pernah "
     "diterima)."),
    ("KB 0000020", "", "Pencatatan rusak wajib disertai alasan."),
])
def test_spoil_refusals(stocked, session, officer, qtbot, typed, reason, message):
    stocked.spoil("KB 0000010", "uji cetak")
    dialog = SpoilDialog(session)
    qtbot.addWidget(dialog)
    dialog.entry.text.setPlainText(typed)
    dialog.reason.setText(reason)
    click(qtbot, dialog.ok_button)
    assert officer.error_texts == [message]
    assert stocked.balance().spoiled == 1


def test_damaged_sheets_returned_on_the_replacement_request_then_replaced(stock_tab, stocked, services, lsps,
                                                                         acting, qtbot):
    lsp = lsps[0].id
    first = make_approved(services, 10, lsp)
    stocked.issue(first)
    replacement = make_replacement(services, lsp)

    def officer(dialog: ReturnDialog):
        assert dialog.request.currentData() == replacement
        qtbot.keyClicks(dialog.entry.scan, "KB 0000003 - KB 0000004")
        qtbot.keyClick(dialog.entry.scan, ENTER)
        qtbot.keyClicks(dialog.reason, "BA kerusakan 12/LSP-TDN/XI/2026: basah")
        click(qtbot, dialog.ok_button)

    acting(ReturnDialog, officer)
    click(qtbot, stock_tab.return_button)
    assert stocked.balance().returned == 2
    verify_and_approve(services, replacement, 2)
    acting(IssueDialog, lambda dialog: click(qtbot, dialog.ok_button))
    assert issue_blanks(session=stock_tab.session, request_id=replacement) == [R(11, 12)]
    assert stocked.where("KB 0000003").replaced_by == "KB 0000011"
    stock_tab.wait_idle()
    assert figure(stock_tab, "returned") == "2"


def test_a_return_needs_a_replacement_request(stocked, services, lsps, session, officer, qtbot):
    dialog = ReturnDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.no_request.isVisibleTo(dialog) and dialog.request.count() == 0
    click(qtbot, dialog.ok_button)
    assert "Belum ada permohonan penggantian" in officer.error_texts[0]


def test_reverse_a_line_after_confirming(stock_tab, stocked, acting, officer, qtbot):
    stocked.spoil("KB 0000010 - KB 0000011", "uji cetak")
    stock_tab.reload()
    stock_tab.wait_idle()
    assert stock_tab.select_line(stocked.ledger(kind="spoil").lines[0].id)
    assert stock_tab.reverse_button.isEnabled()

    def officer_types(dialog: ReverseDialog):
        assert not dialog.ok_button.isEnabled()  # no reason, no reversal
        assert not dialog.whole_issue.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.reason, "salah catat, lembar masih utuh")
        qtbot.keyClick(dialog.reason, ENTER)

    officer.confirm_answer = False
    acting(ReverseDialog, officer_types)
    click(qtbot, stock_tab.reverse_button)
    assert stocked.balance().spoiled == 2  # the officer said no
    officer.confirm_answer = True
    click(qtbot, stock_tab.reverse_button)
    assert stocked.balance().spoiled == 0
    assert officer.questions[-1] == "Batalkan catatan #2 (KB 0000010 – KB 0000011)?"
    stock_tab.wait_idle()
    reversal = stocked.ledger().lines[0]
    assert reversal.kind == "reversal" and reversal.reverses_id == 2
    assert stock_tab.select_line(reversal.id) and not stock_tab.reverse_button.isEnabled()  # never twice
    assert stock_tab.select_line(2) and not stock_tab.reverse_button.isEnabled()


def test_cancel_an_issue_from_its_line(stock_tab, stocked, services, lsps, acting, qtbot):
    req = make_approved(services, 20, lsps[0].id)
    stocked.issue(req, ["KB 0000001 - KB 0000010", "KB 0000021 - KB 0000030"])
    stock_tab.reload()
    stock_tab.wait_idle()
    assert stock_tab.select_line(stocked.ledger(kind="issue").lines[0].id)

    def officer(dialog: ReverseDialog):
        assert dialog.whole_issue.isChecked()
        qtbot.keyClicks(dialog.reason, "LSP salah alamat")
        click(qtbot, dialog.ok_button)

    acting(ReverseDialog, officer)
    click(qtbot, stock_tab.reverse_button)
    assert stocked.request_ranges(req) == [] and stocked.balance().available == 1000


# -- stock count -----------------------------------------------------------------------------------------------

def test_count_by_ranges_settle_and_save_the_report(stocked, session, monkeypatch, qtbot, tmp_path):
    dialog = CountDialog(session)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.entry.scan, "KB 0000001 - KB 0000990")
    qtbot.keyClick(dialog.entry.scan, ENTER)
    click(qtbot, dialog.record_button)
    assert dialog.pages.currentIndex() == 1
    assert dialog.differences.toPlainText() == "kurang (tidak ditemukan): KB 0000991 – KB 0001000 (10 lembar)"
    assert "buku 1.000 lembar, dihitung 990 lembar, selisih −10" in dialog.summary.text()
    qtbot.keyClicks(dialog.explanation, "terbakar saat korsleting gudang, ada laporannya")
    click(qtbot, dialog.settle_button)
    assert stocked.balance().missing == 10 and stocked.where("KB 0000995").place == "missing"
    assert not dialog.settle_box.isVisibleTo(dialog)
    out = tmp_path / "ba.pdf"
    monkeypatch.setattr(dialog, "ask_save_path", lambda: out)
    assert dialog.save_report() == out
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "BERITA ACARA STOCK OPNAME" in text and "KB 0000991 – KB 0001000" in text


def test_a_count_by_total_that_differs_cannot_be_settled_serial_by_serial(stocked, session, qtbot):
    dialog = CountDialog(session)
    qtbot.addWidget(dialog)
    dialog.by_total.setChecked(True)
    dialog.total.setValue(995)
    click(qtbot, dialog.record_button)
    assert "Hanya jumlah yang dihitung" in dialog.summary.text()
    assert not dialog.settle_box.isVisibleTo(dialog)


def _printed(title: str, timeout: float = 60) -> bytes:
    """The PDF that cups-pdf wrote for the job titled `title` (in ~/PDF)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = sorted((Path.home() / "PDF").glob(f"{title}*.pdf"))
        if hits and hits[0].read_bytes().rstrip().endswith(b"%%EOF"):
            data = hits[0].read_bytes()
            hits[0].unlink()
            return data
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote no file for {title}")


def test_the_count_report_prints_on_the_office_printer(stocked, session, qtbot):
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.printerInfo("PDF").isNull():
        pytest.skip("no CUPS queue 'PDF' on this machine (.ci/run installs cups + printer-driver-cups-pdf)")
    count_id = stocked.count(counted_total=1000)
    dialog = CountDialog(session, count_id)
    qtbot.addWidget(dialog)
    dialog.printer.setCurrentIndex(dialog.printer.findData("PDF"))
    title = f"stock-opname-uji-{time.time_ns()}"
    task = dialog.print_report(title=title)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert dialog.print_status.text() == "Dikirim ke PDF (1 halaman)."
    assert _printed(title).startswith(b"%PDF")


# -- where is serial X, the ledger, the figures ---------------------------------------------------------------

def test_where_is_a_scanned_serial(stock_tab, stocked, services, lsps, qtbot):
    req = make_approved(services, 40, lsps[1].id)
    stocked.issue(req)
    qtbot.keyClicks(stock_tab.where_edit, "kb0000017")
    qtbot.keyClick(stock_tab.where_edit, ENTER)
    stock_tab.wait_idle()
    assert stock_tab.where_answer.text() == (
        f"KB 0000017: dikeluarkan — permohonan #{req} (LSP Pariwisata Nusantara); dalam rentang "
        "KB 0000001 – KB 0000040. 2 catatan di buku stok.")
    assert stock_tab.serial_filter.text() == "KB 0000017" and stock_tab.model.total == 2
    qtbot.keyClicks(stock_tab.where_edit, "XY 12")
    qtbot.keyClick(stock_tab.where_edit, ENTER)
    stock_tab.wait_idle()
    assert "tidak dapat dibaca" in stock_tab.where_answer.text() or "berawalan 'XY'" in stock_tab.where_answer.text()


def test_the_tab_fits_the_smallest_screen(stock_tab, stocked, services, lsps, window, qtbot):
    """At 1024×768 the tab was 1,140 px wide: the serial field hid behind a horizontal scroll bar."""
    req = make_approved(services, 40, services.add_lsp(LONG_LSP, ["a@b.id"]).id)
    stocked.issue(req)
    at_smallest_screen(window, qtbot)
    stock_tab.wait_idle()
    qtbot.keyClicks(stock_tab.where_edit, "KB 0000017")
    qtbot.keyClick(stock_tab.where_edit, ENTER)
    stock_tab.wait_idle()
    qtbot.waitUntil(lambda: stock_tab.where_answer.isVisible())
    content = stock_tab.scroll.widget()
    assert content.minimumSizeHint().width() <= stock_tab.scroll.viewport().width()
    assert not stock_tab.scroll.horizontalScrollBar().isVisible()
    # the answer wraps beside the field; the field and the last ledger filter lie wholly in view
    assert LONG_LSP in stock_tab.where_answer.text()
    for widget in (stock_tab.where_edit, stock_tab.where_answer, stock_tab.to_filter, stock_tab.serial_filter,
                   stock_tab.clear_filters_button):
        right = widget.mapTo(content, widget.rect().topRight()).x()
        assert widget.isVisible() and 0 < right <= stock_tab.scroll.viewport().width(), widget


def test_the_ledger_pages_lazily_and_filters(stock_tab, stocked, services, lsps, qtbot):
    stocked.receive([R(n, n) for n in range(2001, 2451)], "SJ-450", DELIVERY_DATE)  # 450 lines
    req = make_approved(services, 5, lsps[0].id)
    stocked.issue(req)
    stocked.spoil("KB 0000900", "uji cetak")
    stock_tab.reload()
    stock_tab.wait_idle()
    model = stock_tab.model
    assert model.total == 453 and model.rowCount() == LedgerModel.PAGE
    assert model.line(0).kind == "spoil"  # newest first
    stock_tab.table.scrollToBottom()
    stock_tab.wait_idle()
    model.fetchMore()
    stock_tab.wait_idle()
    assert model.rowCount() >= 2 * LedgerModel.PAGE
    while model.canFetchMore():
        model.fetchMore()
        stock_tab.wait_idle()
    assert model.rowCount() == 453 and len({line.id for line in model.lines}) == 453

    stock_tab.kind_filter.setCurrentIndex(stock_tab.kind_filter.findData("issue"))
    stock_tab.wait_idle()
    assert [line.request_id for line in model.lines] == [req]
    stock_tab.clear_filters()
    stock_tab.lsp_filter.setCurrentIndex(stock_tab.lsp_filter.findData(lsps[0].id))
    stock_tab.wait_idle()
    assert model.total == 1 and model.data(model.index(0, COL_RANGE)) == "KB 0000001 – KB 0000005"
    stock_tab.clear_filters()
    qtbot.keyClicks(stock_tab.request_filter, f"#{req}")
    stock_tab.wait_idle()
    assert model.total == 1
    stock_tab.clear_filters()
    qtbot.keyClicks(stock_tab.serial_filter, "KB 99999999")
    stock_tab.wait_idle()
    assert stock_tab.ledger_count.text() == "Nomor seri 'KB 99999999' lebih dari 7 digit (format: KB 0000001)."
    stock_tab.clear_filters()
    tomorrow = date.today() + timedelta(days=2)
    stock_tab.from_filter.setDate(tomorrow)
    stock_tab.wait_idle()
    assert model.total == 0


def test_balance_at_a_past_date(stock_tab, ledger, qtbot):
    moments = [datetime(2026, 8, 3, 3, 0, tzinfo=timezone.utc)]
    clock.set_source(lambda: moments[0])
    try:
        ledger.receive("KB 0000001 - KB 0000500", "SJ-1", date(2026, 8, 3))
        moments[0] = datetime(2026, 9, 10, 3, 0, tzinfo=timezone.utc)
        ledger.receive("KB 0000501 - KB 0001000", "SJ-2", date(2026, 9, 10))
        ledger.spoil("KB 0000001", "uji cetak")
    finally:
        clock.set_source(None)
    stock_tab.reload()
    stock_tab.wait_idle()
    assert figure(stock_tab, "available") == "999"
    stock_tab.at_date.setDate(date(2026, 8, 31))
    stock_tab.at_check.setChecked(True)
    stock_tab.wait_idle()
    assert (figure(stock_tab, "available"), figure(stock_tab, "spoiled")) == ("500", "0")
    assert stock_tab.at_caption.text() == "(angka pada akhir 31 Agu 2026)"
    stock_tab.at_check.setChecked(False)
    stock_tab.wait_idle()
    assert figure(stock_tab, "available") == "999"


def test_low_stock_warning_from_the_pace_of_the_last_90_days(stock_tab, services, ledger, lsps):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY_DATE)
    ledger.issue(make_approved(services, 90, lsps[0].id))
    stock_tab.reload()
    stock_tab.wait_idle()
    # 90 issued in 90 days: 7 a week; 10 sheets last 1.4 weeks, under the 8-week threshold
    assert stock_tab.low_banner.text().startswith("Stok menipis: 10 lembar cukup untuk sekitar 1,4 minggu")
    assert stock_tab.per_month.rowCount() == 1 and stock_tab.per_month.item(0, 1).text() == "90"


def test_a_write_elsewhere_reloads_the_shown_tab(stock_tab, stocked, services, lsps, session):
    req = make_approved(services, 12, lsps[0].id)
    session.perform(None, lambda: stocked.issue(req), None)  # e.g. from the approval tab
    stock_tab.wait_idle()
    assert figure(stock_tab, "issued") == "12"
