"""Returned receipts matched by the software: the QR code on the LSP's signed scan (image, text-less PDF, inside
an e-mail), the receipt number in a text, the tracking number on the courier's receipt; both back closes the
request. Every scan that cannot go with a parcel says why, and nothing is written."""

from __future__ import annotations

import pytest

from blanko_desktop.core import shipping
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import AuditEvent, Document, Parcel, PrintedForm
from blanko_desktop.core.shipping import receipts
from blanko_desktop.core.workflow import State
from tests.core.shipping import scans


def receipt_pdf(services, rid) -> bytes:
    row = PrintedForm.select().where((PrintedForm.request == rid) & (PrintedForm.form == "receipt")).first()
    return services.storage.files.read(row.sha256)


def snapshot():
    return list(Parcel.select().dicts()), Document.select().count(), AuditEvent.select().count()


def test_signed_scan_then_courier_receipt_close_the_request(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP5550001")
    scan = scans.scanned(receipt_pdf(services, rid), tmp_path)
    plan = receipts.prepare(services, [("scan0001.png", scan)])
    [f] = plan.files
    assert (f.parcel_id, f.kind, f.how, f.problem) == (shipping.current_parcel(rid).id, "lsp", "qr", "")
    [done] = receipts.commit(services, plan)
    assert (done.kind, done.state) == ("lsp", State.DELIVERED)
    pod = scans.courier_pod("JP5550001", tmp_path)
    plan = receipts.prepare(services, [("bukti-kurir.png", pod)])
    assert (plan.files[0].kind, plan.files[0].how) == ("courier", "resi")
    [done] = receipts.commit(services, plan)
    assert done.state == State.CLOSED
    parcel = shipping.current_parcel(rid)
    kinds = {d.kind: d.id for d in Document.select().where(Document.request == rid)}
    assert (parcel.lsp_receipt_doc_id, parcel.courier_receipt_doc_id) == (kinds["receipt_lsp"], kinds["receipt_courier"])
    assert parcel.status == "delivered" and parcel.delivered_on is not None
    assert services.storage.check().ok


def test_a_scanners_pdf_inside_the_lsps_email(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP5550002")
    scan_pdf = scans.pdf_of_image(scans.scanned(receipt_pdf(services, rid), tmp_path))
    mail = scans.lsp_email("sertifikasi@ktr-sertifikasi.id", ("TT ttd.pdf", scan_pdf))
    plan = receipts.prepare(services, [("Tanda terima.eml", mail)])
    assert plan.sender_lsp.id == desk.lsp_id and [f.how for f in plan.files] == ["qr"]
    receipts.commit(services, plan)
    docs = list(Document.select().where(Document.request == rid).order_by(Document.id))
    email, scan = docs[-2], docs[-1]
    assert (email.kind, scan.kind, scan.parent_id) == ("email", "receipt_lsp", email.id)
    assert services.storage.check().ok


def test_the_receipt_number_in_the_text_and_the_courier_receipt_by_text(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP5550003")
    number = shipping.current_parcel(rid).receipt_number
    plan = receipts.prepare(services, [("surat.pdf", scans.text_pdf(f"Tanda terima nomor {number} terlampir"))])
    assert (plan.files[0].how, plan.files[0].request_id) == ("teks", rid)
    plan = receipts.prepare(services, [("pod.pdf", scans.courier_pod("JP5550003", tmp_path, with_text=True))])
    assert (plan.files[0].how, plan.files[0].kind) == ("resi", "courier")


def test_the_officer_picks_the_parcel_of_an_unreadable_scan(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP5550004")
    blank = scans.png(__import__("PIL.Image", fromlist=["Image"]).new("L", (600, 800), 255))
    plan = receipts.prepare(services, [("foto.png", blank)])
    assert "tidak ada kode QR atau nomor tanda terima" in plan.files[0].problem
    with pytest.raises(RuleError, match="pilih paketnya"):
        receipts.commit(services, plan)
    chosen = receipts.choose(plan, 0, services, shipping.current_parcel(rid).id, "courier")
    assert (chosen.ok, chosen.how) == (True, "petugas")
    assert receipts.commit(services, plan)[0].state == State.DELIVERED


def _closed(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP6660001")
    receipts.commit(services, receipts.prepare(services, [("a.png", scans.scanned(receipt_pdf(services, rid), tmp_path))]))
    receipts.commit(services, receipts.prepare(services, [("b.png", scans.courier_pod("JP6660001", tmp_path))]))
    return [("lagi.png", scans.scanned(receipt_pdf(services, rid), tmp_path, skew=2.5))], {}


def _matches_nothing(services, desk, tmp_path):
    desk.shipped(tracking="JP6660002")
    return [("surat.pdf", scans.text_pdf("Tanda terima TT-2026-009999 terlampir"))], {}


def _other_lsp(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP6660003")
    scan = scans.scanned(receipt_pdf(services, rid), tmp_path)
    return [("tt.eml", scans.lsp_email("admin@lsppbd.id", ("tt.png", scan)))], {}


def _twice(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP6660004")
    scan = scans.scanned(receipt_pdf(services, rid), tmp_path)
    receipts.commit(services, receipts.prepare(services, [("tt.png", scan)]))
    return [("tt (1).png", scan)], {}


def _wrong_parcel_chosen(services, desk, tmp_path):
    rid = desk.shipped(tracking="JP6660005")
    other = desk.shipped(tracking="JP6660006")
    scan = scans.scanned(receipt_pdf(services, rid), tmp_path)
    return [("tt.png", scan)], {"parcel_id": shipping.current_parcel(other).id}


def _not_handed_over(services, desk, tmp_path):
    rid = desk.packed()
    return [("tt.png", scans.scanned(receipt_pdf(services, rid), tmp_path))], {}


def _not_a_scan(services, desk, tmp_path):
    desk.shipped(tracking="JP6660007")
    return [("daftar.xlsx", b"PK\x03\x04 not really")], {}


@pytest.mark.parametrize("make, message", [
    (_matches_nothing, "tanda terima TT-2026-009999 tidak dikenal (tidak ada paket dengan nomor itu); pilih paketnya"),
    (_closed, "sudah selesai (kedua tanda terima sudah kembali); pindaian tidak disimpan"),
    (_other_lsp, "tanda terima ini milik LSP Kelistrikan Tenaga Raya (permohonan #1, TT-"),
    (_twice, "untuk permohonan #1; tidak disimpan lagi"),
    (_wrong_parcel_chosen, "adalah tanda terima permohonan #1 (paket #1, TT-"),
    (_not_handed_over, "belum diserahkan ke kurir"),
    (_not_a_scan, "bukan pindaian tanda terima (PDF atau gambar)"),
])
def test_a_scan_that_cannot_go_with_a_parcel(services, desk, other_lsp, tmp_path, make, message):
    items, options = make(services, desk, tmp_path)
    before = snapshot()
    plan = receipts.prepare(services, items, **options)
    with pytest.raises(RuleError) as refused:
        receipts.commit(services, plan)
    assert message in str(refused.value)
    assert snapshot() == before
