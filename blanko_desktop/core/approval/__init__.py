"""The echelon-4 official's approval of the number of blanks to send: give it, take it back, attach the signed sheet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import Approval, Document, Request, Signatory, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import State, label

#: States from which nothing moves any more (the guard in core refuses every change to them).
FROZEN = frozenset({State.CLOSED, State.CANCELLED})
#: States in which the approval has been given and blanks may be on their way: a signed sheet can be attached.
APPROVED_OR_LATER = frozenset({State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED})
#: What a scan of the signed sheet may be.
SCAN_TYPES = frozenset({"pdf", "image"})

PENGATURAN_HINT = "Tambahkan pejabat eselon IV di Pengaturan › Pejabat penandatangan."


@dataclass(frozen=True)
class ApprovalView:
    """The approval in force for a request, as plain data for forms, the CLI and the window."""

    id: int
    request_id: int
    quantity: int
    reason: str
    signatory_id: int | None
    signatory_name: str
    signatory_nip: str
    signatory_title: str
    approved_at: object
    recorded_by: str


def active_approval(request_id: int) -> Approval | None:
    """The approval that stands for a request (the latest one not cancelled), or None."""
    return (Approval.select().where((Approval.request == request_id) & Approval.cancelled_at.is_null())
            .order_by(Approval.id.desc()).first())


def approval_view(row: Approval) -> ApprovalView:
    sig = row.signatory
    return ApprovalView(row.id, row.request_id, row.approved_qty, row.note, row.signatory_id,
                        sig.name if sig else "", sig.nip if sig else "", sig.title if sig else "",
                        row.approved_at, row.recorded_by)


def approval_of(request_id: int) -> ApprovalView | None:
    """The approval in force for a request as plain data, or None."""
    row = active_approval(request_id)
    return approval_view(row) if row is not None else None


def find_signatory(text: str) -> int:
    """The id of the official an officer named: '#3' or '3', the full name (any case), or a part of the name
    that fits only one. Whether that official may sign is decided by `approve` (inactive ones are refused)."""
    wanted = text.strip()
    if wanted.lstrip("#").isdigit():
        number = int(wanted.lstrip("#"))
        if Signatory.get_or_none(Signatory.id == number) is None:
            raise NotFoundError(f"Pejabat #{number} tidak ditemukan. " + PENGATURAN_HINT)
        return number
    rows = list(Signatory.select().order_by(Signatory.name, Signatory.id))
    if not rows:
        raise NotFoundError(f"Pejabat '{wanted}' tidak ditemukan: belum ada pejabat penandatangan. "
                            + PENGATURAN_HINT)
    exact = [s for s in rows if s.name.lower() == wanted.lower()]
    partial = exact or [s for s in rows if wanted and wanted.lower() in s.name.lower()]
    if len(partial) == 1:
        return partial[0].id
    active = [s for s in partial if s.active]
    if len(active) == 1:  # the same name once retired, once serving: the serving one signs
        return active[0].id
    if not partial:
        names = ", ".join(f"{s.name}{'' if s.active else ' (tidak aktif)'}" for s in rows)
        raise NotFoundError(f"Pejabat '{wanted}' tidak ada di daftar pejabat penandatangan (yang ada: {names}).")
    raise RuleError(f"'{wanted}' cocok dengan beberapa pejabat: "
                    + ", ".join(f"#{s.id} {s.name}" for s in partial) + ". Sebutkan nomornya (#id).")


def _refuse_frozen(req: Request, doing: str) -> None:
    if State(req.state) in FROZEN:
        raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}' (sudah final): "
                        f"tidak dapat {doing}.")


def choose_signatory(signatory_id: int | None) -> Signatory:
    """The official who signs: the one asked for, or the only active one; refused when none can sign."""
    if signatory_id is None:
        active = list(Signatory.select().where(Signatory.active == True)  # noqa: E712
                      .order_by(Signatory.name, Signatory.id))
        if not active:
            if Signatory.select().exists():
                raise RuleError("Tidak ada pejabat penandatangan yang aktif. " + PENGATURAN_HINT)
            raise RuleError("Belum ada pejabat penandatangan. " + PENGATURAN_HINT)
        if len(active) > 1:
            names = ", ".join(f"#{s.id} {s.name}" for s in active)
            raise RuleError(f"Ada {len(active)} pejabat penandatangan aktif; pilih salah satu: {names}.")
        return active[0]
    row = Signatory.get_or_none(Signatory.id == signatory_id)
    if row is None:
        if not Signatory.select().exists():
            raise NotFoundError(f"Pejabat #{signatory_id} tidak ditemukan: belum ada pejabat penandatangan. "
                                + PENGATURAN_HINT)
        raise NotFoundError(f"Pejabat #{signatory_id} tidak ditemukan.")
    if not row.active:
        raise RuleError(f"Pejabat {row.name} sudah tidak aktif; pilih pejabat yang aktif atau aktifkan kembali "
                        "di Pengaturan › Pejabat penandatangan.")
    return row


def check_quantity(competent: int | None, quantity: int | None, reason: str, request_id: int) -> int:
    """The number of blanks to approve: the competent count unless another figure is given with a reason."""
    if competent is None:
        raise RuleError(f"Jumlah peserta kompeten permohonan #{request_id} belum diketahui; periksa daftar "
                        "peserta pada verifikasi.")
    if quantity is None:
        return competent
    if isinstance(quantity, bool) or int(quantity) != quantity or quantity < 1:
        raise RuleError(f"Jumlah blanko yang disetujui harus bilangan bulat lebih dari 0 (diisi: {quantity}).")
    if quantity > competent:
        raise RuleError(f"Jumlah yang disetujui ({quantity}) melebihi jumlah peserta kompeten ({competent}) "
                        f"permohonan #{request_id}: satu blanko untuk satu peserta kompeten.")
    if quantity != competent and not reason.strip():
        raise RuleError(f"Jumlah yang disetujui ({quantity}) berbeda dari jumlah peserta kompeten ({competent}) "
                        f"permohonan #{request_id}: alasan wajib diisi.")
    return int(quantity)


def approve(services: Services, request_id: int, signatory_id: int | None, quantity: int | None = None,
            reason: str = "", expected_version: int | None = None) -> Request:
    """Record the official's approval and move the request to approved, in one audited transaction.

    `signatory_id` None takes the only active official; `quantity` None takes the competent count.
    """
    reason = reason.strip()

    def op():
        # every check inside the transaction: two officers approving at once cannot both pass them
        req = services.request(request_id)
        _refuse_frozen(req, "disetujui")
        if req.state == State.APPROVED:
            current = active_approval(req.id)
            qty = current.approved_qty if current else req.approved_qty
            raise RuleError(f"Permohonan #{req.id} sudah disetujui ({qty} lembar). Batalkan persetujuannya "
                            "dulu untuk mengubah jumlah atau pejabatnya.")
        if req.state != State.VERIFIED:
            raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': hanya permohonan yang "
                            "sudah terverifikasi (dokumen lengkap) yang dapat disetujui.")
        signer = choose_signatory(signatory_id)
        qty = check_quantity(req.competent_qty, quantity, reason, req.id)
        row = Approval.create(request=req, signatory=signer, approved_qty=qty, approved_at=utcnow(),
                              recorded_by=services.actor.label, note=reason)
        services._audit("approval.add", "approval", row.id, None,
                        {"request": req.id, "signatory": signer.id, "signatory_name": signer.name,
                         "nip": signer.nip, "quantity": qty, "competent": req.competent_qty, "reason": reason})
        return services._enter(req, State.APPROVED, expected_version=expected_version, approved_qty=qty)

    return services._write(op)


def cancel_approval(services: Services, request_id: int, reason: str,
                    expected_version: int | None = None) -> Request:
    """Take the approval back (a reversing step: the row stays, marked cancelled); the request is verified again."""
    reason = reason.strip()
    if not reason:
        raise RuleError("Pembatalan persetujuan wajib disertai alasan.")

    def op():
        req = services.request(request_id)
        _refuse_frozen(req, "dibatalkan persetujuannya")
        if req.state != State.APPROVED:
            if State(req.state) in APPROVED_OR_LATER:
                raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': persetujuan hanya dapat "
                                "dibatalkan sebelum blanko dikemas.")
            raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': belum ada persetujuan "
                            "yang dapat dibatalkan.")
        row = active_approval(req.id)
        if row is not None:
            before = {"quantity": row.approved_qty, "signatory": row.signatory_id, "reason": row.note}
            Approval.update(cancelled_at=utcnow(), cancelled_by=services.actor.label,
                            cancel_reason=reason).where(Approval.id == row.id).execute()
            services._audit("approval.cancel", "approval", row.id, before,
                            {"request": req.id, "cancelled": True, "reason": reason})
        return services._enter(req, State.VERIFIED, reason, expected_version=expected_version,
                               approved_qty=None)

    return services._write(op)


def attach_approval_scan(services: Services, request_id: int, data: bytes | Path, name: str = "") -> Document:
    """Keep the scan of the signed approval sheet with the request (document kind `approval_scan`), audited."""
    # the intake stack (pypdf, parsers: ~0.5 s) loads here, not with the approval queue
    from blanko_desktop.core.intake.sniff import detect_type, media_type, safe_filename, type_label

    if isinstance(data, Path):
        name = name or data.name
        data = data.read_bytes()
    name = safe_filename(name or "lembar-persetujuan.pdf")
    kind = detect_type(data, name)
    if kind not in SCAN_TYPES:
        raise RuleError(f"Pindaian lembar persetujuan '{name}' harus berupa PDF atau gambar "
                        f"(isi berkas: {type_label(kind)}).")
    req = services.request(request_id)
    if State(req.state) not in APPROVED_OR_LATER:
        raise RuleError(f"Permohonan #{req.id} berstatus '{label(req.state)}': pindaian lembar persetujuan "
                        "hanya dapat dilampirkan setelah persetujuan dicatat.")
    sha = services.storage.files.put(data)  # content-addressed: a refused save leaves an orphan for repair

    def op():
        services.storage.files.ensure(data, sha)  # under the write lock (see DocumentStore.ensure)
        fresh = services.request(request_id)
        if State(fresh.state) not in APPROVED_OR_LATER:
            raise RuleError(f"Permohonan #{fresh.id} berstatus '{label(fresh.state)}': pindaian lembar "
                            "persetujuan hanya dapat dilampirkan setelah persetujuan dicatat.")
        doc = Document.create(request=fresh, kind="approval_scan", original_name=name, sha256=sha,
                              size=len(data), media_type=media_type(data, kind), source="approval",
                              received_at=utcnow(), added_by=services.actor.label)
        current = active_approval(fresh.id)
        services._audit("approval.scan", "request", fresh.id, None,
                        {"document": doc.id, "name": name, "sha256": sha,
                         "approval": current.id if current else None})
        return doc

    return services._write(op)
