"""The approval step: who may approve what, the record it leaves, taking it back, the signed sheet."""

from __future__ import annotations

import pytest

from blanko_desktop.core import approval
from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import Approval, AuditEvent, Document, Request
from blanko_desktop.core.workflow import State
from tests.core.approval.conftest import RECEIVED, make_verified
from tests.core.intake.intake_builders import pdf_bytes


def snapshot(services):
    """Everything an approval could write: a refusal must leave all of it as it was."""
    return (list(Request.select().dicts()), list(Approval.select().dicts()), AuditEvent.select().count(),
            Document.select().count(), set(services.storage.files.all_hashes()))


def test_approve_records_who_what_and_moves_to_approved(services, verified, official):
    req = approval.approve(services, verified, official.id)
    assert (req.state, req.approved_qty) == ("approved", 37)
    row = approval.active_approval(verified)
    assert (row.signatory_id, row.approved_qty, row.note, row.recorded_by) == (
        official.id, 37, "", "Budi Santoso (officer1)")
    view = approval.approval_view(row)
    assert (view.signatory_name, view.signatory_nip) == ("Dra. Sri Wahyuni, M.Si.", "197001011995032001")
    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)][-2:]
    assert actions == ["approval.add", "request.approved"]


def test_fewer_blanks_with_a_reason(services, verified, official):
    req = approval.approve(services, verified, official.id, quantity=35,
                           reason="2 peserta sudah menerima blanko pada permohonan 031")
    assert req.approved_qty == 35
    assert approval.active_approval(verified).note == "2 peserta sudah menerima blanko pada permohonan 031"


def test_the_only_active_official_is_taken_when_none_is_named(services, verified, official):
    services.save_signatory("Drs. Lama", active=False)
    approval.approve(services, verified, None)
    assert approval.active_approval(verified).signatory_id == official.id


@pytest.mark.parametrize("setup, kwargs, error, message", [
    ("received", {}, RuleError,
     "Permohonan #{id} berstatus 'Diterima': hanya permohonan yang sudah terverifikasi (dokumen lengkap) "
     "yang dapat disetujui."),
    ("cancelled", {}, RuleError,
     "Permohonan #{id} berstatus 'Dibatalkan' (sudah final): tidak dapat disetujui."),
    ("approved", {}, RuleError,
     "Permohonan #{id} sudah disetujui (37 lembar). Batalkan persetujuannya dulu untuk mengubah jumlah atau "
     "pejabatnya."),
    ("verified", {"quantity": 38}, RuleError,
     "Jumlah yang disetujui (38) melebihi jumlah peserta kompeten (37) permohonan #{id}: satu blanko untuk "
     "satu peserta kompeten."),
    ("verified", {"quantity": 30}, RuleError,
     "Jumlah yang disetujui (30) berbeda dari jumlah peserta kompeten (37) permohonan #{id}: alasan wajib "
     "diisi."),
    ("verified", {"quantity": 30, "reason": "   "}, RuleError,
     "Jumlah yang disetujui (30) berbeda dari jumlah peserta kompeten (37) permohonan #{id}: alasan wajib "
     "diisi."),
    ("verified", {"quantity": 0, "reason": "x"}, RuleError,
     "Jumlah blanko yang disetujui harus bilangan bulat lebih dari 0 (diisi: 0)."),
    ("verified", {"signatory": 999}, NotFoundError, "Pejabat #999 tidak ditemukan."),
    ("verified", {"signatory": "inactive"}, RuleError,
     "Pejabat Drs. Lama sudah tidak aktif; pilih pejabat yang aktif atau aktifkan kembali di Pengaturan › "
     "Pejabat penandatangan."),
    ("verified", {"signatory": None}, RuleError,
     "Ada 2 pejabat penandatangan aktif; pilih salah satu: #1 Dra. Sri Wahyuni, M.Si., #3 Ir. Budi."),
])
def test_refusals_write_nothing(services, lsp, official, setup, kwargs, error, message):
    old = services.save_signatory("Drs. Lama", active=False)
    services.save_signatory("Ir. Budi")
    if setup == "received":
        request_id = services.create_request(RECEIVED, lsp_id=lsp.id).id
    else:
        request_id = make_verified(services, lsp.id)
        if setup == "cancelled":
            services.transition(request_id, "cancelled", reason="Permohonan ganda")
        if setup == "approved":
            approval.approve(services, request_id, official.id)
    kwargs = dict(kwargs)  # the table's dict serves the other engine's run too
    signatory = kwargs.pop("signatory", official.id)
    signatory = old.id if signatory == "inactive" else signatory
    before = snapshot(services)
    with pytest.raises(error) as info:
        approval.approve(services, request_id, signatory, **kwargs)
    assert str(info.value) == message.format(id=request_id)
    assert snapshot(services) == before


@pytest.mark.parametrize("existing, message", [
    ([], "Belum ada pejabat penandatangan. Tambahkan pejabat eselon IV di Pengaturan › Pejabat penandatangan."),
    (["inactive"], "Tidak ada pejabat penandatangan yang aktif. Tambahkan pejabat eselon IV di Pengaturan › "
                   "Pejabat penandatangan."),
])
def test_no_official_points_to_settings(services, verified, existing, message):
    for _ in existing:
        services.save_signatory("Drs. Lama", active=False)
    with pytest.raises(RuleError) as info:
        approval.approve(services, verified, None)
    assert str(info.value) == message
    assert services.request(verified).state == "verified"


def test_unknown_official_with_none_configured_points_to_settings(services, verified):
    with pytest.raises(NotFoundError, match="Pengaturan › Pejabat penandatangan"):
        approval.approve(services, verified, 1)


def test_cancel_goes_back_to_verified_and_keeps_the_row(services, verified, official):
    approval.approve(services, verified, official.id)
    req = approval.cancel_approval(services, verified, "Salah pilih pejabat")
    assert (req.state, req.approved_qty) == ("verified", None)
    row = Approval.get(Approval.request == verified)
    assert (row.cancel_reason, row.cancelled_by) == ("Salah pilih pejabat", "Budi Santoso (officer1)")
    assert row.cancelled_at is not None and approval.active_approval(verified) is None
    actions = [e.action for e in AuditEvent.select().order_by(AuditEvent.id)][-2:]
    assert actions == ["approval.cancel", "request.verified"]
    # approved again, by another figure: the new row stands, the old stays cancelled
    approval.approve(services, verified, official.id, quantity=36, reason="1 peserta ganda")
    assert approval.active_approval(verified).approved_qty == 36
    assert Approval.select().where(Approval.request == verified).count() == 2


def test_bare_transition_cannot_take_an_approval_back(services, verified, official):
    from blanko_desktop.core import workflow

    approval.approve(services, verified, official.id)
    assert State.VERIFIED not in workflow.generic_targets("approved")


@pytest.mark.parametrize("setup, reason, message", [
    ("approved", "  ", "Pembatalan persetujuan wajib disertai alasan."),
    ("verified", "Salah", "Permohonan #{id} berstatus 'Terverifikasi': belum ada persetujuan yang dapat "
                          "dibatalkan."),
    ("packed", "Salah", "Permohonan #{id} berstatus 'Dikemas': persetujuan hanya dapat dibatalkan sebelum "
                        "blanko dikemas."),
    ("cancelled", "Salah", "Permohonan #{id} berstatus 'Dibatalkan' (sudah final): tidak dapat dibatalkan "
                           "persetujuannya."),
])
def test_cancel_refusals(services, verified, official, setup, reason, message):
    if setup in ("approved", "packed"):
        approval.approve(services, verified, official.id)
    if setup == "packed":
        services._write(lambda: services._enter(services.request(verified), State.PACKED))
    if setup == "cancelled":
        services.transition(verified, "cancelled", reason="Permohonan ganda")
    before = snapshot(services)
    with pytest.raises(RuleError) as info:
        approval.cancel_approval(services, verified, reason)
    assert str(info.value) == message.format(id=verified)
    assert snapshot(services) == before


def test_signed_sheet_scan_is_kept_with_the_request(services, verified, official, tmp_path):
    approval.approve(services, verified, official.id)
    path = tmp_path / "persetujuan ttd.pdf"
    path.write_bytes(pdf_bytes("Lembar persetujuan ditandatangani"))
    doc = approval.attach_approval_scan(services, verified, path)
    assert (doc.kind, doc.original_name, doc.media_type) == ("approval_scan", "persetujuan ttd.pdf",
                                                             "application/pdf")
    assert services.storage.files.read(doc.sha256) == path.read_bytes()
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert (last.action, last.after["document"]) == ("approval.scan", doc.id)
    assert services.storage.check().ok


@pytest.mark.parametrize("approve_first, data, message", [
    (True, b"PK\x03\x04 not a scan", "Pindaian lembar persetujuan 'scan.pdf' harus berupa PDF atau gambar"),
    (False, None, "Permohonan #{id} berstatus 'Terverifikasi': pindaian lembar persetujuan hanya dapat "
                  "dilampirkan setelah persetujuan dicatat."),
])
def test_scan_refusals(services, verified, official, approve_first, data, message):
    if approve_first:
        approval.approve(services, verified, official.id)
    before = snapshot(services)
    with pytest.raises(RuleError) as info:
        approval.attach_approval_scan(services, verified, data or pdf_bytes("x"), "scan.pdf")
    assert str(info.value).startswith(message.format(id=verified))
    assert snapshot(services) == before
