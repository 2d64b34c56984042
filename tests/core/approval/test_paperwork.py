"""The paperwork of the approval step: the tab's read models, forms rendered and saved, reprints, the manifest."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

import pytest

from blanko_desktop.core import approval
from blanko_desktop.core.approval import paperwork, views
from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.forms import loaders
from blanko_desktop.core.models import AuditEvent, PrintedForm
from blanko_desktop.core.stock import StockLedger
from tests.core.approval.conftest import make_verified
from tests.core.forms.pdftools import pdf_text


def statements(services, fn):
    """fn's result and the number of SQL statements it ran (SQLite's own trace of what it ran; on the server,
    every statement the database object sends, as psycopg has no trace hook)."""
    seen = []
    db = services.storage.db
    if services.storage.engine == "sqlite":
        conn = db.connection()
        conn.set_trace_callback(seen.append)
        try:
            result = fn()
        finally:
            conn.set_trace_callback(None)
        return result, len(seen)
    send = db._send
    db._send = lambda sql, params: (seen.append(sql), send(sql, params))[1]
    try:
        result = fn()
    finally:
        del db._send
    return result, len(seen)


def tamper_stored(storage, sha256: str, data: bytes) -> None:
    """Change a kept document behind the app's back: the file in the documents folder, or the server's row."""
    if storage.engine == "sqlite":
        storage.files.path_for(sha256).write_bytes(data)
    else:
        storage.db.execute_sql("UPDATE stored_file SET data = %s WHERE sha256 = %s", (data, sha256))


# ------------------------------------------------------------------------------------------ read models


def test_queues_by_due_time_with_the_forms_produced(services, lsp, official, tmp_path):
    first, second, third = (make_verified(services, lsp.id, competent=n) for n in (5, 6, 7))
    services.update_request(second, None, received_at=datetime(2026, 11, 13, 2, 0, tzinfo=timezone.utc))
    approval.approve(services, third, official.id)
    paper = paperwork.render_form(services, "receipt", third)
    paperwork.save_pdf(services, paper, tmp_path / "tt.pdf")
    q = views.queues(services)
    assert [w.request_id for w in q.waiting] == [second, first]  # the earlier due time first
    assert (q.waiting_total, q.approved_total) == (2, 1)
    assert q.waiting[0].lsp_name == "LSP Kelistrikan Tenaga Raya" and q.waiting[0].competent_qty == 6
    [row] = q.approved
    assert (row.request_id, row.approved_qty, row.signatory_name, row.printed, row.scan_attached) == (
        third, 7, "Dra. Sri Wahyuni, M.Si.", frozenset({"receipt"}), False)
    assert q.waiting[0].overdue(q.now)  # received in 2026-11, the tests run later


def test_queues_are_limited_and_read_in_a_fixed_number_of_statements(services, lsp, official):
    for _ in range(3):
        approval.approve(services, make_verified(services, lsp.id), official.id)
        make_verified(services, lsp.id)
    small, few = statements(services, lambda: views.queues(services, limit=2))
    for _ in range(12):
        approval.approve(services, make_verified(services, lsp.id), official.id)
        make_verified(services, lsp.id)
    large, many = statements(services, lambda: views.queues(services, limit=2))
    assert few == many == 3
    assert (len(large.waiting), large.waiting_total, len(large.approved), large.approved_total) == (2, 15, 2, 15)
    _, per_request = statements(services, lambda: views.request_paperwork(services, large.approved[0].request_id))
    assert per_request <= 10


def test_request_paperwork_has_the_approval_scans_and_log(services, verified, official, tmp_path):
    from tests.core.intake.intake_builders import pdf_bytes

    approval.approve(services, verified, official.id, quantity=30, reason="7 peserta sudah dilayani")
    approval.attach_approval_scan(services, verified, pdf_bytes("Lembar persetujuan"), "ttd.pdf")
    paperwork.save_pdf(services, paperwork.render_form(services, "approval", verified),
                       tmp_path / "lp.pdf")
    detail = views.request_paperwork(services, verified)
    assert (detail.request.state, detail.approval.quantity, detail.approval.reason) == (
        "approved", 30, "7 peserta sudah dilayani")
    assert [d.original_name for d in detail.scans] == ["ttd.pdf"]
    [printed] = detail.printed
    assert printed.form == "approval" and printed.saved_path == str(tmp_path / "lp.pdf")
    assert [s.name for s in detail.active_signatories] == ["Dra. Sri Wahyuni, M.Si."]
    assert views.queues(services).approved[0].scan_attached


# ------------------------------------------------------------------------------------------ forms


def test_the_receipt_lists_the_serials_issued_to_the_request(services, verified, official):
    approval.approve(services, verified, official.id)
    empty = loaders.receipt_data(services, verified)
    assert empty.ranges == []  # nothing issued yet: lines to fill in by hand
    ledger = StockLedger(services)
    ledger.receive("KB 0001000 - KB 0001099", "SJ-7", date(2026, 8, 1))
    ledger.issue(verified, ["KB 0001010 - KB 0001029", "KB 0001050 - KB 0001066"])
    data = loaders.receipt_data(services, verified)
    assert [r.text for r in data.ranges] == ["KB 0001010 – KB 0001029", "KB 0001050 – KB 0001066"]
    paper = paperwork.render_form(services, "receipt", verified)
    text = " ".join(pdf_text(paper.pdf))
    assert "KB 0001010" in text and "KB 0001066" in text and paper.number == data.number


def test_the_proposed_sheet_and_the_recorded_one(services, verified, official):
    proposed = paperwork.render_form(services, "approval", verified, quantity=35, reason="2 sudah dilayani")
    assert proposed.proposed and proposed.file_name == f"lembar-persetujuan-{verified:06d}.pdf"
    assert "35 (tiga puluh lima) lembar" in pdf_text(proposed.pdf)[0]
    approval.approve(services, verified, official.id)
    recorded = paperwork.render_form(services, "approval", verified)
    assert not recorded.proposed and "37 (tiga puluh tujuh) lembar" in pdf_text(recorded.pdf)[0]


def test_a_saved_pdf_is_logged_as_produced(services, verified, official, tmp_path):
    approval.approve(services, verified, official.id)
    paper = paperwork.render_form(services, "label", verified)
    view = paperwork.save_pdf(services, paper, tmp_path / "keluar" / "label.pdf")
    assert (tmp_path / "keluar" / "label.pdf").read_bytes() == paper.pdf
    assert (view.printer, view.copies, view.number, view.form) == (
        f"PDF: {tmp_path / 'keluar' / 'label.pdf'}", 1, paper.number, "label")
    assert view.sha256 == hashlib.sha256(paper.pdf).hexdigest()
    event = AuditEvent.select().where(AuditEvent.action == "form.print").get()
    assert event.after["printer"] == view.printer


def test_a_reprint_is_the_very_pdf_kept(services, verified, official, tmp_path):
    approval.approve(services, verified, official.id)
    view = paperwork.save_pdf(services, paperwork.render_form(services, "receipt", verified), tmp_path / "a.pdf")
    again = paperwork.stored_paper(services, view)
    assert again.pdf == (tmp_path / "a.pdf").read_bytes() and again.number == view.number
    tamper_stored(services.storage, view.sha256, b"%PDF-1.4 diubah")
    with pytest.raises(RuleError, match="hilang atau berubah di penyimpanan dokumen"):
        paperwork.stored_paper(services, view)


@pytest.mark.parametrize("form, setup, message", [
    ("receipt", "verified", "Permohonan #{id} berstatus 'Terverifikasi': tanda terima dibuat setelah persetujuan "
                            "pejabat dicatat."),
    ("label", "verified", "Permohonan #{id} berstatus 'Terverifikasi': tanda terima dibuat setelah persetujuan "
                          "pejabat dicatat."),
    ("approval", "cancelled", "Permohonan #{id} berstatus 'Dibatalkan': lembar persetujuan dicetak untuk "
                              "permohonan yang terverifikasi atau disetujui."),
    ("kwitansi", "verified", "Formulir 'kwitansi' tidak dikenal (pilihan: approval, receipt, label, manifest, "
                             "completion)."),
    ("manifest", "verified", "Daftar serah terima kurir dibuat per hari penjemputan: sebutkan tanggalnya."),
])
def test_forms_refused_write_nothing(services, verified, official, tmp_path, form, setup, message):
    if setup == "cancelled":
        services.transition(verified, "cancelled", reason="Permohonan ganda")
    before = (PrintedForm.select().count(), AuditEvent.select().count())
    with pytest.raises(RuleError) as info:
        paperwork.render_form(services, form, verified)
    assert str(info.value) == message.format(id=verified)
    assert (PrintedForm.select().count(), AuditEvent.select().count()) == before


def test_a_file_that_cannot_be_written_is_refused_and_not_logged(services, verified, official, tmp_path):
    approval.approve(services, verified, official.id)
    paper = paperwork.render_form(services, "approval", verified)
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    with pytest.raises(RuleError, match=r"tidak dapat ditulis"):
        paperwork.save_pdf(services, paper, blocker / "lp.pdf")
    assert PrintedForm.select().count() == 0


# ------------------------------------------------------------------------------------------ who signs


def test_find_signatory_by_number_name_or_distinctive_part(services, official):
    other = services.save_signatory("Ahmad Fauzi, S.E.", "198203172009121001", "Plh. Kepala Subbagian")
    assert approval.find_signatory("wahyuni") == official.id
    assert approval.find_signatory(f"#{other.id}") == other.id
    assert approval.find_signatory("AHMAD FAUZI, S.E.") == other.id
    retired = services.save_signatory("Ahmad Fauzi, S.E.", active=False)
    assert approval.find_signatory("fauzi") == other.id  # the serving one of two namesakes
    assert retired.id != other.id


@pytest.mark.parametrize("text, error, message", [
    ("Budi", NotFoundError, "Pejabat 'Budi' tidak ada di daftar pejabat penandatangan (yang ada: Ahmad Fauzi, "
                            "Dra. Sri Wahyuni, M.Si.)."),
    ("#99", NotFoundError, "Pejabat #99 tidak ditemukan. Tambahkan pejabat eselon IV di Pengaturan › Pejabat "
                           "penandatangan."),
    ("a", RuleError, "'a' cocok dengan beberapa pejabat: "),
])
def test_find_signatory_refusals(services, official, text, error, message):
    services.save_signatory("Ahmad Fauzi")
    with pytest.raises(error) as info:
        approval.find_signatory(text)
    assert str(info.value).startswith(message)


def test_find_signatory_with_none_registered_leads_to_settings(services):
    with pytest.raises(NotFoundError) as info:
        approval.find_signatory("Sri")
    assert str(info.value) == ("Pejabat 'Sri' tidak ditemukan: belum ada pejabat penandatangan. Tambahkan pejabat "
                               "eselon IV di Pengaturan › Pejabat penandatangan.")

