"""Persetujuan & Cetak: the officer approves a verified request with a signatory, previews and prints its paperwork
to the office printer, keeps the signed sheet with it, and takes an approval back; every rule is the core's."""

from __future__ import annotations

import io
import json
import shutil
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pypdf import PdfReader

from blanko_desktop import paths
from blanko_desktop.core import approval, config
from blanko_desktop.core.approval import paperwork
from blanko_desktop.core.models import Approval, AuditEvent, Document, PrintedForm, Request
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.stock import SerialRange, StockLedger
from blanko_desktop.core.verification import checklist
from blanko_desktop.core.workflow import State
from blanko_desktop.ui.dialogs import print_dialog
from blanko_desktop.ui.dialogs.approval_dialog import ApprovalDialog, CancelApprovalDialog
from blanko_desktop.ui.dialogs.print_dialog import PrintDialog
from blanko_desktop.ui.tabs.approval.models import OVERDUE
from blanko_desktop.ui.tabs.stock.issue_dialog import IssueDialog
from tests.core.forms.pdftools import page_images, qr_texts
from tests.core.intake.intake_builders import pdf_bytes
from tests.core.test_reception import four_files
from tests.core.shipping.conftest import Desk
from tests.ui.drops import drop_on, file_mime
from tests.ui.fit import LONG_LSP, SMALLEST_SCREEN, WINDOW_FRAME, at_smallest_screen, lsp_column_readable

QUEUE = "PDF"
CUPS_OUT = Path.home() / "PDF"
OFFICIAL = "Dra. Sri Wahyuni, M.Si."


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"], address="Jl. Ahmad Yani No. 45",
                            city="Surabaya", postal_code="60234", contact_person="Ani", phone="031-5551234")


@pytest.fixture
def official(services):
    return services.save_signatory(OFFICIAL, "197001011995032001", "Kepala Subbagian Sertifikasi")


@pytest.fixture
def verified(services, lsp, tmp_path) -> int:
    """A request received and verified the real way: four documents, three competent participants."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths(four_files(folder)), lsp_id=lsp.id).request
    checklist.mark_verified(services, req.id)
    return req.id


def overdue_request(services, lsp_id: int, competent: int = 12) -> int:
    """A verified request received long ago (its working day has passed)."""
    req = services.create_request(datetime(2026, 1, 5, 2, 0, tzinfo=timezone.utc), lsp_id=lsp_id,
                                  letter_number="001/LSP/I/2026", requested_qty=competent)
    services._write(lambda: services._enter(services.request(req.id), State.VERIFIED, competent_qty=competent,
                                            not_yet_qty=0))
    return req.id


@pytest.fixture
def tab(window, qtbot):
    tab = window.approval_tab
    window.tabs.setCurrentWidget(tab)
    tab.wait_idle()
    return tab


@pytest.fixture
def driver(tab, monkeypatch):
    """Stands in for the officer in the tab's dialogs: `driver.on[DialogClass] = fn(dialog) -> result`."""

    class Driver:
        on: dict = {}
        seen: list = []

    d = Driver()
    d.on, d.seen = {}, []

    def run(dialog):
        d.seen.append(dialog)
        handler = d.on.get(type(dialog))
        assert handler is not None, f"unexpected dialog {type(dialog).__name__}"
        return handler(dialog)

    monkeypatch.setattr(tab, "exec_dialog", run)
    return d


@pytest.fixture
def unique_jobs(monkeypatch):
    """Print jobs named apart from any other test run on this machine (cups-pdf names its files by job title)."""
    tag = uuid.uuid4().hex[:8]
    monkeypatch.setattr(paperwork.Paper, "job_title", property(lambda self: f"u{tag}-{self.form}"))
    return tag


def queue_or_skip() -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.printerInfo(QUEUE).isNull():
        pytest.skip("no CUPS queue 'PDF' on this machine (.ci/run installs cups + printer-driver-cups-pdf)")


def cups_output(title: str, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = sorted(CUPS_OUT.glob(f"{title}*.pdf"))
        if hits and hits[0].read_bytes().rstrip().endswith(b"%%EOF"):
            data = hits[0].read_bytes()
            hits[0].unlink()
            return data
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote no file for job {title} within {timeout} s")


def select(tab, qtbot, table, request_id: int) -> None:
    """Click the request's row in a queue, as the officer does (after F5: the tests' data came from the core)."""
    tab.refresh()
    tab.wait_idle()
    row = table.model().row_of(request_id)
    assert row >= 0, f"request #{request_id} is not in the queue"
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tab.wait_idle()
    assert tab.detail is not None and tab.detail.request.id == request_id


def print_on(printer: str, copies: int = 1):
    """The officer's hand in the print dialog: choose the printer and the copies, press Print, wait."""

    def handle(dialog: PrintDialog) -> int:
        dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData(printer))
        dialog.copies.setValue(copies)
        dialog.print_button.click()
        dialog.wait_idle()
        return dialog.result()

    return handle


# ----------------------------------------------------------------------------------------- the queues


def test_verified_requests_wait_by_due_time_and_overdue_ones_are_red(tab, services, lsp, verified, official):
    late = overdue_request(services, lsp.id)
    tab.refresh()
    tab.wait_idle()
    model = tab.waiting_model
    assert [model.request_id(r) for r in range(model.rowCount())] == [late, verified]
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole) is None
    assert tab.waiting_box.title() == "Menunggu persetujuan (2)"
    assert tab.approved_box.title() == "Disetujui — formulir dicetak (0)"


def test_queues_are_limited_and_say_how_many_wait(tab, services, lsp, official, monkeypatch):
    from blanko_desktop.core.approval import views

    monkeypatch.setattr(views, "QUEUE_LIMIT", 3)
    for _ in range(5):
        overdue_request(services, lsp.id)
    tab.refresh()
    tab.wait_idle()
    assert tab.waiting_model.rowCount() == 3
    assert tab.waiting_box.title() == "Menunggu persetujuan (3 dari 5 ditampilkan)"


# ----------------------------------------------------------------------------------------- done when


def test_officer_approves_previews_and_prints_the_sheet_and_both_receipt_copies(
        tab, qtbot, services, verified, official, driver, unique_jobs, tmp_path):
    queue_or_skip()
    select(tab, qtbot, tab.waiting_table, verified)
    assert tab.preview.page_count() == 1 and tab.paper.proposed  # the sheet as it will be signed

    def approve(dialog: ApprovalDialog) -> int:
        dialog.wait_idle()
        assert dialog.signatory.currentText() == f"{OFFICIAL} — Kepala Subbagian Sertifikasi"
        assert dialog.quantity.value() == 3 and dialog.preview.page_count() == 1
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    driver.on[ApprovalDialog] = approve
    driver.on[PrintDialog] = print_on(QUEUE)
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    assert Request.get_by_id(verified).state == "approved"
    assert Approval.get(Approval.request == verified).signatory_id == official.id
    # "print the approval sheet afterwards": the dialog came up with the recorded sheet
    assert [type(d).__name__ for d in driver.seen] == ["ApprovalDialog", "PrintDialog"]
    sheet = cups_output(f"u{unique_jobs}-approval")
    assert len(PdfReader(io.BytesIO(sheet)).pages) == 1

    tab.choose_form("receipt")
    tab.wait_idle()
    assert tab.preview.page_count() == 2
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    receipt = cups_output(f"u{unique_jobs}-receipt")
    number = f"TT-{Approval.get(Approval.request == verified).approved_at.astimezone().year}-{verified:06d}"
    # the print path rasterises pages: the text is read back through the QR code each copy carries
    assert [qr_texts(image) for image in page_images(receipt, 150, tmp_path)] == [[number]] * 2

    rows = list(PrintedForm.select().where(PrintedForm.request == verified).order_by(PrintedForm.id))
    assert [(r.form, r.printer, r.copies, r.number) for r in rows] == [
        ("approval", QUEUE, 1, ""), ("receipt", QUEUE, 1, number)]
    assert {r.printed_by for r in rows} == {tab.session.services.actor.label}
    assert services.storage.files.read(rows[1].sha256) == tab.paper.pdf
    assert config.load().printers == {"approval": QUEUE, "receipt": QUEUE}
    # the tab shows what was printed, and the queue row says so
    assert tab.printed.count() == 2
    assert tab.approved_model.rows[0].printed == frozenset({"approval", "receipt"})


# ----------------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("case, message", [
    ("above", "Jumlah yang disetujui (4) melebihi jumlah peserta kompeten (3) permohonan #{id}: satu blanko untuk "
              "satu peserta kompeten."),
    ("no_reason", "Jumlah yang disetujui (2) berbeda dari jumlah peserta kompeten (3) permohonan #{id}: alasan "
                  "wajib diisi."),
    ("inactive", f"Pejabat {OFFICIAL} sudah tidak aktif; pilih pejabat yang aktif atau aktifkan kembali di "
                 "Pengaturan › Pejabat penandatangan."),
    ("cancelled", "Permohonan #{id} berstatus 'Dibatalkan' (sudah final): tidak dapat disetujui."),
    ("waiting", "Permohonan #{id} berstatus 'Menunggu LSP': hanya permohonan yang sudah terverifikasi (dokumen "
                "lengkap) yang dapat disetujui."),
])
def test_the_dialog_shows_the_cores_refusal_and_nothing_is_written(
        tab, qtbot, services, verified, official, officer, case, message):
    from blanko_desktop.core.approval import views

    dialog = ApprovalDialog(tab.session, views.request_paperwork(services, verified), tab)
    qtbot.addWidget(dialog)
    dialog.wait_idle()
    if case == "above":
        dialog.quantity.setValue(4)
        assert "satu blanko untuk satu peserta kompeten" in dialog.quantity_hint.text()
    if case == "no_reason":
        dialog.quantity.setValue(2)
    if case == "inactive":  # a colleague retired the official meanwhile
        services.save_signatory(OFFICIAL, "197001011995032001", active=False, signatory_id=official.id)
    if case == "cancelled":
        services.transition(verified, "cancelled", reason="Permohonan ganda")
    if case == "waiting":
        services.transition(verified, "waiting_lsp")
    dialog.wait_idle()
    before = (Request.get_by_id(verified).state, Approval.select().count(), AuditEvent.select().count())
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert officer.error_texts == [message.format(id=verified)]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.approved is None
    assert (Request.get_by_id(verified).state, Approval.select().count(), AuditEvent.select().count()) == before


def test_a_dialog_opened_before_a_colleagues_edit_is_refused(tab, qtbot, services, verified, official, officer):
    from blanko_desktop.core.approval import views

    dialog = ApprovalDialog(tab.session, views.request_paperwork(services, verified), tab)
    qtbot.addWidget(dialog)
    services.update_request(verified, None, letter_number="046/LSP-TKN/XI/2026")  # a colleague corrects it
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert officer.error_texts == [f"Permohonan #{verified} sudah diubah oleh Budi Santoso (officer1) pada "
                                   f"{officer.errors[0].changed_at} setelah Anda membukanya. Muat ulang data lalu "
                                   "ulangi perubahan Anda."]
    assert Request.get_by_id(verified).state == "verified" and Approval.select().count() == 0


def test_the_preview_shows_why_no_sheet_can_be_made(tab, qtbot, services, verified, official):
    from blanko_desktop.core.approval import views

    services.save_signatory("Ahmad Fauzi, S.E.", "198203172009121001", "Plh. Kepala Subbagian")
    dialog = ApprovalDialog(tab.session, views.request_paperwork(services, verified), tab)
    qtbot.addWidget(dialog)
    dialog.quantity.setValue(9)
    dialog.wait_idle()
    assert dialog.preview.mode == "message"
    assert dialog.preview.message.text() == ("Jumlah yang disetujui (9) melebihi jumlah peserta kompeten (3) "
                                             f"permohonan #{verified}: satu blanko untuk satu peserta kompeten.")
    assert not dialog.print_proposal_button.isEnabled()


def test_no_signatory_leads_to_settings(tab, qtbot, services, verified, monkeypatch):
    from blanko_desktop.core.approval import views

    dialog = ApprovalDialog(tab.session, views.request_paperwork(services, verified), tab)
    qtbot.addWidget(dialog)
    dialog.wait_idle()
    assert dialog.none_box.isVisibleTo(dialog) and not dialog.signatory.isVisibleTo(dialog)
    assert "Pengaturan › Pejabat penandatangan" in dialog.no_signatory.text()
    assert dialog.preview.message.text().startswith("Belum ada pejabat penandatangan.")
    shown = []

    def settings(settings_dialog):
        page = settings_dialog.pages.currentWidget()
        shown.append(page.isAncestorOf(settings_dialog.signatories))
        services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001")  # as the officer adds one there
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialog, "exec_settings", settings)
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    dialog.wait_idle()
    assert shown == [True]
    assert dialog.signatory.isVisibleTo(dialog) and not dialog.none_box.isVisibleTo(dialog)
    assert dialog.signatory.count() == 1
    assert dialog.preview.page_count() == 1


@pytest.fixture
def forms_copy(tmp_path, monkeypatch):
    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    monkeypatch.setattr(paths, "forms_dir", lambda: folder)
    return folder


def test_a_template_with_an_error_is_shown_and_cannot_be_printed(tab, qtbot, services, verified, official,
                                                                 forms_copy):
    approval.approve(services, verified, official.id)
    (forms_copy / "tanda-terima.xml").write_text("<form>\n  <p>{{ nomor }}\n</form>\n", encoding="utf-8")
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    tab.choose_form("receipt")
    tab.wait_idle()
    assert tab.preview.mode == "message"
    assert tab.preview.message.text().startswith("Templat formulir tanda-terima.xml, baris 3: susunan XML salah")
    assert not tab.print_button.isEnabled() and not tab.save_button.isEnabled()
    assert PrintedForm.select().count() == 0


# ----------------------------------------------------------------------------------------- printing


def test_a_printer_that_no_longer_exists_is_reported_never_replaced(tab, qtbot, services, verified, official,
                                                                    driver):
    queue_or_skip()
    approval.approve(services, verified, official.id)
    tab.session.cfg.printers["receipt"] = "Printer Lantai 3"
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    tab.choose_form("receipt")
    tab.wait_idle()
    seen = {}

    def look(dialog: PrintDialog) -> int:
        seen["warning"] = dialog.printer_warning.text()
        seen["chosen"] = dialog.printer()
        seen["can_print"] = dialog.print_button.isEnabled()
        dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData(QUEUE))
        seen["after_choice"] = dialog.print_button.isEnabled()
        return QDialog.DialogCode.Rejected

    driver.on[PrintDialog] = look
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert seen == {"warning": "Printer yang biasa dipakai untuk formulir ini, “Printer Lantai 3”, tidak ada lagi di "
                               "komputer ini. Pilih printer lain; pilihan itu akan diingat.",
                    "chosen": "", "can_print": False, "after_choice": True}
    assert tab.session.cfg.printers["receipt"] == "Printer Lantai 3" and PrintedForm.select().count() == 0


def test_a_print_that_fails_is_said_and_not_logged(tab, qtbot, services, verified, official, driver, officer,
                                                   monkeypatch):
    queue_or_skip()
    from blanko_desktop.core.errors import RuleError
    from blanko_desktop.ui import printing

    def offline(*_args, **_kwargs):
        raise RuleError(f"Printer '{QUEUE}' tidak dapat dibuka (mati, offline, atau tidak ada izin); tidak ada yang "
                        "dicetak.")

    monkeypatch.setattr(printing, "print_pdf", offline)
    approval.approve(services, verified, official.id)
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    kept = {}

    def attempt(dialog: PrintDialog) -> int:
        print_on(QUEUE)(dialog)
        kept["open"] = dialog.result() != QDialog.DialogCode.Accepted
        kept["label"] = dialog.progress_label.text()
        return dialog.result()

    driver.on[PrintDialog] = attempt
    tab.print_form()
    assert officer.error_texts == [f"Printer '{QUEUE}' tidak dapat dibuka (mati, offline, atau tidak ada izin); "
                                   "tidak ada yang dicetak."]
    assert kept == {"open": True, "label": "Tidak ada yang dicetak."}
    assert PrintedForm.select().count() == 0 and config.load().printers == {}


def test_save_as_pdf_is_logged_and_a_reprint_gives_the_very_same_pdf(tab, qtbot, services, verified, official,
                                                                     driver, tmp_path, monkeypatch):
    approval.approve(services, verified, official.id)
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    tab.choose_form("label")
    tab.wait_idle()
    target = tmp_path / "keluar" / "label.pdf"
    monkeypatch.setattr(print_dialog, "ask_save_path", lambda parent, paper: target)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    row = PrintedForm.get()
    assert (row.form, row.printer, row.copies) == ("label", f"PDF: {target}", 1)
    assert target.read_bytes() == services.storage.files.read(row.sha256)
    assert tab.status.text() == f"Label alamat permohonan #{verified} disimpan sebagai {target}."
    assert tab.approved_model.rows[0].printed == frozenset({"label"})

    tab.printed.setCurrentRow(0)
    papers = []
    driver.on[PrintDialog] = lambda dialog: papers.append(dialog.paper) or QDialog.DialogCode.Rejected
    qtbot.mouseClick(tab.reprint_button, Qt.MouseButton.LeftButton)
    assert [p.pdf for p in papers] == [target.read_bytes()]


def test_open_in_pdf_viewer_hands_over_a_named_copy(tab, qtbot, services, verified, official, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())
                                                                  or True))
    select(tab, qtbot, tab.waiting_table, verified)
    qtbot.mouseClick(tab.viewer_button, Qt.MouseButton.LeftButton)
    assert [Path(p).name for p in opened] == [f"lembar-persetujuan-{verified:06d}.pdf"]
    assert Path(opened[0]).read_bytes() == tab.paper.pdf and PrintedForm.select().count() == 0


# ----------------------------------------------------------------------------------------- the signed sheet


def test_a_dropped_scan_is_kept_with_the_request(tab, qtbot, services, verified, official, tmp_path, officer):
    select(tab, qtbot, tab.waiting_table, verified)
    assert not tab.scan_zone.isEnabled()  # nothing to attach to before the approval
    approval.approve(services, verified, official.id)
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    scan = tmp_path / "scan-ttd.pdf"
    scan.write_bytes(pdf_bytes("Lembar persetujuan, ditandatangani"))
    drop_on(tab.scan_zone, file_mime([scan]))
    qtbot.waitUntil(lambda: Document.select().where(Document.kind == "approval_scan").count() == 1)
    tab.wait_idle()
    doc = Document.get(Document.kind == "approval_scan")
    assert (doc.request_id, doc.original_name) == (verified, "scan-ttd.pdf")
    assert tab.scans.topLevelItemCount() == 1 and tab.approved_model.rows[0].scan_attached
    note = tmp_path / "catatan.txt"
    note.write_text("bukan pindaian")
    drop_on(tab.scan_zone, file_mime([note]))
    qtbot.waitUntil(lambda: bool(officer.errors))
    assert len(officer.errors) == 1 and officer.error_texts[0].startswith(
        "Pindaian lembar persetujuan 'catatan.txt' harus berupa PDF atau gambar (isi berkas: ")
    assert Document.select().where(Document.kind == "approval_scan").count() == 1


def test_a_scan_chosen_with_the_file_dialog(tab, qtbot, services, verified, official, tmp_path, monkeypatch):
    approval.approve(services, verified, official.id)
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    scan = tmp_path / "lembar.pdf"
    scan.write_bytes(pdf_bytes("Lembar persetujuan"))
    monkeypatch.setattr(tab, "ask_scan_files", lambda: [scan])
    qtbot.mouseClick(tab.attach_button, Qt.MouseButton.LeftButton)
    assert Document.select().where((Document.kind == "approval_scan") & (Document.request == verified)).count() == 1


# ----------------------------------------------------------------------------------------- the blanks


ISSUED = 7  # the approved queue's "Blanks issued" column


def test_approved_request_gets_its_blanks_issued_from_the_tab(tab, qtbot, services, verified, official, driver):
    ledger = StockLedger(services)
    ledger.receive("KB 0000001 - KB 0000100", "PERURI/2026/118", datetime(2026, 1, 2).date())
    select(tab, qtbot, tab.waiting_table, verified)
    assert not tab.issue_button.isEnabled()  # not approved yet: nothing to issue
    approval.approve(services, verified, official.id)
    select(tab, qtbot, tab.approved_table, verified)
    model, row = tab.approved_model, tab.approved_model.row_of(verified)
    assert model.headerData(ISSUED, Qt.Orientation.Horizontal) == "Blanko\nkeluar"
    assert model.index(row, ISSUED).data() == "–"
    assert "Blanko belum dikeluarkan: Keluarkan blanko… mengambilnya dari stok." in tab.summary.text()

    def issue(dialog: IssueDialog) -> int:
        dialog.show()  # as exec() would: Enter reaches the default button only on a shown dialog
        assert dialog.request_id == verified and not dialog.picker.isEnabled()
        assert dialog.entry.plain_text() == "KB 0000001 – KB 0000003"  # the suggestion, for the 3 approved
        qtbot.keyClick(dialog.entry.scan, Qt.Key.Key_Return)  # nothing scanned: Enter issues what is shown
        return dialog.result()

    driver.on[IssueDialog] = issue
    assert tab.issue_button.text() == "&Keluarkan blanko…"
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    assert ledger.request_ranges(verified) == [SerialRange("KB", 1, 3)]
    # the window leads on to the parcel; back in this tab, it says what was issued
    window = tab.window()
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.shipping_tab)
    window.tabs.setCurrentWidget(tab)
    tab.wait_idle()
    assert ledger.balance().available == 97
    # the queue and the detail say so, and the button is spent
    assert model.index(model.row_of(verified), ISSUED).data() == "✓"
    assert "Blanko dikeluarkan: KB 0000001 – KB 0000003." in tab.summary.text()
    assert not tab.issue_button.isEnabled()
    assert tab.status.text() == f"3 lembar blanko dikeluarkan untuk permohonan #{verified}: KB 0000001 – KB 0000003."


def test_short_stock_is_refused_in_the_cores_words_and_nothing_is_issued(tab, qtbot, services, verified, official,
                                                                         driver, officer):
    ledger = StockLedger(services)
    ledger.receive("KB 0000001 - KB 0000002", "PERURI/2026/118", datetime(2026, 1, 2).date())
    approval.approve(services, verified, official.id)
    select(tab, qtbot, tab.approved_table, verified)

    def issue(dialog: IssueDialog) -> int:
        assert "Stok blanko tidak cukup: diperlukan 3 lembar, tersedia 2 lembar." in dialog.info.text()
        dialog.entry.text.setPlainText("KB 0000001 - KB 0000003")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    driver.on[IssueDialog] = issue
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    assert len(officer.errors) == 1 and ledger.request_ranges(verified) == []
    assert tab.issue_button.isEnabled()


def test_the_most_urgent_request_is_shown_when_the_tab_opens(window, qtbot, services, lsp, verified):
    late = overdue_request(services, lsp.id)
    tab = window.approval_tab
    window.tabs.setCurrentWidget(tab)
    tab.wait_idle()
    assert tab.detail is not None and tab.detail.request.id == late
    assert tab.waiting_table.currentIndex().row() == 0


def test_without_a_printer_print_saves_the_form_as_pdf(tab, qtbot, services, verified, official, monkeypatch,
                                                       tmp_path, driver):
    from PySide6.QtWidgets import QFileDialog

    from blanko_desktop.ui import printing

    monkeypatch.setattr(printing, "printer_names", lambda: [])
    target = tmp_path / "lembar.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF (*.pdf)"))
    select(tab, qtbot, tab.waiting_table, verified)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)  # no print dialog: straight to saving
    tab.wait_idle()
    assert driver.seen == [] and target.read_bytes() == tab.paper.pdf
    assert PrintedForm.get(PrintedForm.request == verified).printer == f"PDF: {target}"


# ----------------------------------------------------------------------------------------- taking it back


@pytest.mark.parametrize("reason, confirm, state", [
    ("Pejabat meminta jumlah direvisi", True, "verified"),
    ("Pejabat meminta jumlah direvisi", False, "approved"),
    (None, True, "approved"),
])
def test_cancelling_an_approval_asks_a_reason_and_confirmation(tab, qtbot, services, verified, official, driver,
                                                               officer, reason, confirm, state):
    approval.approve(services, verified, official.id)
    tab.refresh()
    select(tab, qtbot, tab.approved_table, verified)
    officer.confirm_answer = confirm

    def answer(dialog: CancelApprovalDialog) -> int:
        assert not dialog.ok_button.isEnabled()  # no reason, no cancelling
        if reason is None:
            return QDialog.DialogCode.Rejected
        qtbot.keyClicks(dialog.reason, reason)
        assert dialog.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted

    driver.on[CancelApprovalDialog] = answer
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    tab.wait_idle()
    assert Request.get_by_id(verified).state == state
    cancelled = Approval.get(Approval.request == verified)
    assert cancelled.cancel_reason == (reason if state == "verified" else "")
    assert len(officer.questions) == (0 if reason is None else 1)
    if state == "verified":
        assert tab.waiting_model.row_of(verified) >= 0 and tab.approved_model.row_of(verified) < 0


def test_the_remembered_printer_is_written_to_the_workstation_file(tab, services):
    from blanko_desktop.ui import printing

    assert printing.remember_printer(tab.session.cfg, "label", "Zebra GK420") is True
    assert printing.remember_printer(tab.session.cfg, "label", "Zebra GK420") is False
    assert json.loads(config.config_file().read_text(encoding="utf-8"))["printers"] == {"label": "Zebra GK420"}


def test_the_tab_fits_the_smallest_screen(window, tab, services, official, qtbot):
    """At 1024×768 the queues' LSP column shrank to "L…" and the form tabs read "Tan…"/"La…"."""
    lsp = services.add_lsp(LONG_LSP, ["a@informatika.id"], address="Jl. Veteran 8", city="Malang")
    desk = Desk(services, lsp.id, official.id)
    desk.verified(5)
    approved = desk.approved(5)
    at_smallest_screen(window, qtbot)
    tab.refresh()
    tab.wait_idle()
    tab.show_request(approved)
    tab.wait_idle()
    qtbot.waitUntil(lambda: tab.detail is not None and tab.detail.request.id == approved)
    qtbot.wait(50)
    assert tab.minimumSizeHint().width() <= tab.width() <= SMALLEST_SCREEN - WINDOW_FRAME
    for table in (tab.waiting_table, tab.approved_table):
        assert table.model().rowCount() == 1
        assert lsp_column_readable(table, 1), table.columnWidth(1)
        assert not table.horizontalScrollBar().isVisible()
    bar = tab.form_tabs
    for i in range(bar.count()):  # each form's tab shows its title whole
        assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i)), bar.tabText(i)
    for button in (tab.cancel_button, tab.issue_button, tab.print_button, tab.attach_button):
        right = button.mapTo(tab, button.rect().topRight()).x()
        assert button.isVisible() and 0 < right <= tab.width(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()  # whole, not cut
