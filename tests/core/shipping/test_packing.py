"""Packing: the check (approved, serials issued, receipt produced with the same serials, address of record) and
marking the parcel packed, which stops the SLA clock; every refusal says why and writes nothing."""

from __future__ import annotations

import re

import pytest

from blanko_desktop.core import shipping
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms import printlog
from blanko_desktop.core.models import AuditEvent, Parcel, Request
from blanko_desktop.core.workflow import State


def snapshot():
    return (list(Request.select().dicts()), list(Parcel.select().dicts()), AuditEvent.select().count())


def test_pack_after_the_check_holds(services, desk):
    rid = desk.ready(7)
    check = shipping.packing_check(services, rid)
    assert check.ok and check.quantity == 7 and check.ranges == ("KB 0000001 – KB 0000007",)
    assert [i.key for i in check.items if i.ok] == ["approved", "issued", "receipt", "receipt_content", "address"]
    parcel = shipping.pack(services, rid)
    req = services.request(rid)
    assert (req.state, bool(req.clock_running)) == (State.PACKED, False)
    assert (parcel.status, parcel.receipt_number) == ("packed", f"TT-{parcel.packed_at.year}-{rid:06d}")
    assert parcel.address == "Jl. Ahmad Yani No. 45\nSurabaya 60234"
    assert [e.action for e in services.history(rid)][-2:] == ["shipping.pack", "request.packed"]
    assert services.storage.check().ok


def _not_approved(services, desk):
    return desk.verified()


def _not_issued(services, desk):
    return desk.approved()


def _no_receipt(services, desk):
    return desk.issued()


def _receipt_of_other_serials(services, desk):
    rid = desk.issued(5)
    desk.receipt(rid)  # printed for KB 1-5, then the issue was corrected to other serials
    desk.ledger.cancel_issue(rid, "salah ambil bundel")
    desk.ledger.issue(rid, "KB 0000101 - KB 0000105")
    return rid


def _no_address(services, desk):
    """An LSP registered before address and city were required (the registry refuses to empty them now)."""
    rid = desk.ready()
    services.storage.db.execute_sql("UPDATE lsp SET address = '' WHERE id = ?", (desk.lsp_id,))
    return rid


def _address_changed(services, desk):
    rid = desk.ready()
    lsp = services.lsp(desk.lsp_id)
    services.update_lsp(lsp.id, lsp.version, address="Jl. Diponegoro No. 8")
    return rid


def _packed_already(services, desk):
    return desk.packed()


@pytest.mark.parametrize("make, message", [
    (_not_approved, "berstatus 'Terverifikasi': hanya permohonan yang sudah disetujui pejabat yang dapat dikemas"),
    (_not_issued, "belum dikeluarkan dari stok (disetujui 5 lembar)"),
    (_no_receipt, "belum dicetak (atau disimpan sebagai PDF)"),
    (_receipt_of_other_serials, "berisi 5 lembar (KB 0000001 – KB 0000005), sedangkan blanko yang dikeluarkan 5 "
                                "lembar (KB 0000101 – KB 0000105): cetak ulang"),
    (_no_address, "Alamat LSP Kelistrikan Tenaga Raya belum tercatat; lengkapi di Daftar LSP"),
    (_address_changed, "perlu dikonfirmasi petugas: alamat LSP Kelistrikan Tenaga Raya di Daftar LSP diubah pada"),
    (_packed_already, "sudah dikemas (paket #1)"),
])
def test_packing_refused_with_its_reason(services, desk, make, message):
    rid = make(services, desk)
    before = snapshot()
    with pytest.raises(RuleError, match=re.escape(message)):
        shipping.pack(services, rid)
    assert snapshot() == before


def test_an_edited_label_needs_the_officers_confirmation(services, desk):
    rid = desk.ready()
    moved = "Gedung Graha Listrik Lt. 3\nJl. Basuki Rahmat 12, Surabaya 60271"
    check = shipping.packing_check(services, rid, moved)
    assert not check.ok and check.confirm_reasons == (
        "alamat pada label berbeda dari alamat yang tercatat di Daftar LSP",)
    with pytest.raises(RuleError, match="alamat pada label berbeda"):
        shipping.pack(services, rid, moved)
    parcel = shipping.pack(services, rid, moved, confirm_address=True)
    assert parcel.address == moved
    event = [e for e in services.history(rid) if e.action == "shipping.pack"][-1]
    assert event.after["address_confirmed"] == list(check.confirm_reasons)


def test_a_reprinted_receipt_passes(services, desk):
    rid = _receipt_of_other_serials(services, desk)
    assert not shipping.packing_check(services, rid).ok
    desk.receipt(rid)
    assert shipping.packing_check(services, rid).ok
    assert shipping.pack(services, rid).status == "packed"


def test_a_receipt_with_an_unreadable_count_is_refused(services, desk):
    from tests.core.shipping.scans import text_pdf

    rid = desk.issued()
    printlog.log_printed(services, "receipt", text_pdf("Tanda terima tanpa jumlah"), rid, number="TT-X")
    with pytest.raises(RuleError, match="Jumlah blanko pada tanda terima TT-X tidak terbaca"):
        shipping.pack(services, rid)


def test_the_label_and_receipt_pdfs(services, desk):
    from tests.core.forms.pdftools import pdf_text

    rid = desk.issued(3)
    pdf, number = shipping.receipt_pdf(services, rid)
    text = pdf_text(pdf)[0]
    assert number in text and "KB 0000001 – KB 0000003" in text and "3 (tiga) lembar" in text
    label = pdf_text(shipping.label_pdf(services, rid, "Jl. Lain 1\nKota"))[0]
    assert "Jl. Lain 1" in label and number in label
