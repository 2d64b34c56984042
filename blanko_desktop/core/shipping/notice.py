"""Telling the LSP its parcel has left: the e-mail draft (.eml) with the count, serial ranges, courier and
tracking number, asking for the signed receipt's scan back; kept with the request like the completion e-mail."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Document, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import (
    DELIVERED,
    SHIPPED,
    issued_ranges,
    office_date,
    parcel_of,
)
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.textid import format_date_id, terbilang
from blanko_desktop.core.verification.completion import draft_message, render_template


def compose(services: Services, request_id: int, sender_address: str = "") -> EmailMessage:
    """The shipping notice as an unsent draft (X-Unsent: mail programs open it ready to send)."""
    req, parcel = parcel_of(services, request_id, "pemberitahuan dikirim setelah paket diserahkan ke kurir")
    if parcel.status not in (SHIPPED, DELIVERED) or parcel.pickup_id is None:
        raise RuleError(f"Paket permohonan #{req.id} belum diserahkan ke kurir; pemberitahuan pengiriman ditulis "
                        "saat paket berangkat.")
    if not parcel.tracking_no:
        raise RuleError(f"Nomor resi paket permohonan #{req.id} belum dicatat; catat nomor resinya dulu "
                        "(blanko ship track).")
    fmt = StockLedger(services).serial_format()
    ranges = issued_ranges([req.id]).get(req.id, [])
    count = sum(r.count for r in ranges) or (req.approved_qty or 0)
    recipients = [req.sender] if req.sender else []
    if req.lsp is not None:
        recipients += [a.value for a in req.lsp.addresses if not a.is_domain and a.value not in recipients]
    pickup = parcel.pickup
    body = render_template("pemberitahuan-pengiriman.txt", {
        "salam_lsp": req.lsp.name if req.lsp else "Bapak/Ibu",
        "nomor_surat": f"nomor {req.letter_number} " if req.letter_number else "",
        "jumlah": f"{count} ({terbilang(count)})",
        "rentang": "\n".join(f"  {r.text(fmt)} ({r.count} lembar)" for r in ranges) or "  -",
        "kurir": pickup.courier,
        "tanggal_kirim": format_date_id(office_date(services, pickup.handed_at)),
        "resi": parcel.tracking_no,
        "nomor_tt": parcel.receipt_number or f"permohonan #{req.id}",
        "alamat": parcel.address,
        "petugas": services.signing_officer("pemberitahuan pengiriman"),
    })
    ref = f" {req.letter_number}" if req.letter_number else f" #{req.id}"
    return draft_message(recipients, sender_address,
                         f"Pengiriman blanko sertifikat{ref} - resi {parcel.tracking_no} ({parcel.receipt_number})",
                         body)


def write_notice(services: Services, request_id: int, out: Path, sender_address: str = "") -> Path:
    """Write the draft to `out` and keep a copy with the request (document kind 'notice'), audited."""
    services.open_request(request_id, "pemberitahuan pengiriman tidak dapat ditulis lagi")
    msg = compose(services, request_id, sender_address)
    data = bytes(msg)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    sha = services.storage.files.put(data)

    def op():
        req = services.open_request(request_id, "pemberitahuan pengiriman tidak dapat ditulis lagi")
        services.storage.files.ensure(data, sha)  # under the write lock (see DocumentStore.ensure)
        doc = Document.create(request=req, kind="notice", original_name=f"pemberitahuan-pengiriman-{req.id}.eml",
                              sha256=sha, size=len(data), media_type="message/rfc822", source="notice",
                              received_at=utcnow(), added_by=services.actor.label)
        services._audit("shipping.notice", "request", req.id, None,
                        {"document": doc.id, "to": msg["To"], "subject": msg["Subject"], "name": doc.original_name,
                         "sha256": sha})
        return doc

    services._write(op)
    return out
