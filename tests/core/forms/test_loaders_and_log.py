"""Form data from the database (a request received, verified and approved), and the printed-forms log."""

from __future__ import annotations

import pytest

from blanko_desktop.core import approval, forms
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import SerialRange, loaders, printlog
from blanko_desktop.core.models import AuditEvent, PrintedForm
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist
from tests.core.forms.pdftools import pdf_text
from tests.core.test_reception import four_files


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"], address="Jl. Ahmad Yani No. 45",
                            city="Surabaya", postal_code="60234", contact_person="Ani", phone="031-5551234")


@pytest.fixture
def official(services):
    return services.save_signatory("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian Sertifikasi")


@pytest.fixture
def verified(services, lsp, tmp_path) -> int:
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths(four_files(tmp_path)), lsp_id=lsp.id).request
    checklist.mark_verified(services, req.id)
    return req.id


def test_approval_sheet_before_and_after_approval(services, verified, official):
    proposed = loaders.approval_sheet_data(services, verified)
    assert (proposed.quantity, proposed.competent, proposed.signatory.nip) == (3, 3, "197001011995032001")
    assert sum(s.competent for s in proposed.schemes) == 3 and proposed.schemes
    assert proposed.lsp_address == "Jl. Ahmad Yani No. 45\nSurabaya 60234"
    approval.approve(services, verified, official.id, quantity=2, reason="1 peserta sudah dilayani")
    recorded = loaders.approval_sheet_data(services, verified)
    assert (recorded.quantity, recorded.reason) == (2, "1 peserta sudah dilayani")
    text = pdf_text(forms.render_approval_sheet(recorded))[0]
    assert "2 (dua) lembar" in text and "LSP Kelistrikan Tenaga Raya" in text
    assert all(s.scheme in text for s in recorded.schemes)


def test_receipt_and_label_of_an_approved_request(services, verified, official):
    approval.approve(services, verified, official.id)
    data = loaders.receipt_data(services, verified, [SerialRange("B", 10, 12)])
    year = approval.active_approval(verified).approved_at.year
    assert data.number == f"TT-{year}-{verified:06d}" and data.quantity == 3
    label = loaders.label_data(services, verified)
    assert (label.reference, label.contact_person) == (data.number, "Ani")
    assert "Jl. Ahmad Yani No. 45" in pdf_text(forms.render_label(label))[0]


@pytest.mark.parametrize("setup, call, message", [
    ("verified", lambda s, r: loaders.receipt_data(s, r),
     "Permohonan #{id} berstatus 'Terverifikasi': tanda terima dibuat setelah persetujuan pejabat dicatat."),
    ("approved", lambda s, r: loaders.receipt_data(s, r, [SerialRange("B", 1, 5)]),
     "Rentang nomor seri berisi 5 lembar, sedangkan yang disetujui 3 lembar (permohonan #{id})."),
    ("cancelled", lambda s, r: loaders.approval_sheet_data(s, r),
     "Permohonan #{id} berstatus 'Dibatalkan': lembar persetujuan dicetak untuk permohonan yang terverifikasi "
     "atau disetujui."),
    ("verified", lambda s, r: loaders.completion_letter_data(s, r),
     "Permohonan #{id} sudah lengkap; tidak ada yang perlu dimintakan ke LSP."),
])
def test_loader_refusals(services, verified, official, setup, call, message):
    if setup == "approved":
        approval.approve(services, verified, official.id)
    if setup == "cancelled":
        services.transition(verified, "cancelled", reason="Permohonan ganda")
    with pytest.raises(RuleError) as info:
        call(services, verified)
    assert str(info.value) == message.format(id=verified)


def test_print_log_keeps_the_pdf_and_a_reprint_is_a_new_row(services, verified, official):
    approval.approve(services, verified, official.id)
    pdf = forms.render_approval_sheet(loaders.approval_sheet_data(services, verified))
    first = printlog.log_printed(services, "approval", pdf, verified, printer="PDF", copies=2)
    again = printlog.log_printed(services, "approval", pdf, verified, printer="PDF")
    assert [r.id for r in printlog.printed_forms(verified)] == [again.id, first.id]
    assert (first.copies, first.printer, first.printed_by) == (2, "PDF", "Budi Santoso (officer1)")
    assert services.storage.files.read(first.sha256) == pdf
    events = list(AuditEvent.select().where(AuditEvent.action == "form.print"))
    assert [e.after["copies"] for e in events] == [2, 1]
    assert services.storage.check().ok


@pytest.mark.parametrize("form, pdf, copies, message", [
    ("kwitansi", b"%PDF-1.4", 1, "Formulir 'kwitansi' tidak dikenal"),
    ("receipt", b"%PDF-1.4", 0, "Jumlah salinan harus lebih dari 0 (diisi: 0)."),
    ("receipt", b"<html>", 1, "Formulir 'receipt' yang akan dicatat bukan PDF."),
])
def test_print_log_refusals_write_nothing(services, verified, form, pdf, copies, message):
    before = (PrintedForm.select().count(), AuditEvent.select().count(), set(services.storage.files.all_hashes()))
    with pytest.raises(RuleError) as info:
        printlog.log_printed(services, form, pdf, verified, copies=copies)
    assert str(info.value).startswith(message)
    assert (PrintedForm.select().count(), AuditEvent.select().count(),
            set(services.storage.files.all_hashes())) == before
