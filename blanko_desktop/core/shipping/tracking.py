"""A parcel on its way: its tracking number (one number, one parcel), delivered, returned or lost, and the next
step for a parcel that did not arrive (send it again with the same serials, or reverse the issue)."""

from __future__ import annotations

from datetime import date

from peewee import IntegrityError

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Parcel, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import (
    DELIVERED,
    LOST,
    PACKED,
    RESENT,
    RETURNED,
    REVERSED,
    SHIPPED,
    normalise_tracking,
    office_date,
    parcel_dict,
    parcel_of,
    status_label,
)
from blanko_desktop.core.textid import format_date_id
from blanko_desktop.core.workflow import State


def _holder(tracking_no: str, parcel_id: int) -> Parcel | None:
    return Parcel.get_or_none((Parcel.tracking_no == tracking_no) & (Parcel.id != parcel_id))


def _taken(other: Parcel, tracking_no: str) -> RuleError:
    return RuleError(f"Nomor resi {tracking_no} sudah dipakai paket #{other.id} (permohonan #{other.request_id}); "
                     "satu nomor resi hanya untuk satu paket. Periksa kembali nomor yang diketik atau dipindai.")


def set_tracking(services: Services, request_id: int, tracking_no: str, expected_version: int | None = None) -> Parcel:
    """The courier's tracking number (nomor resi) for the request's parcel, typed or scanned."""
    number = normalise_tracking(tracking_no)

    def op():
        req, parcel = parcel_of(services, request_id, "nomor resi dicatat setelah paket dikemas")
        services._open_request(req, "nomor resinya tidak dapat diubah lagi")  # the row just read, not again
        if parcel.status not in (PACKED, SHIPPED):
            raise RuleError(f"Paket #{parcel.id} (permohonan #{req.id}) berstatus '{status_label(parcel.status)}'; "
                            "nomor resinya tidak dapat diubah lagi.")
        if parcel.tracking_no == number:
            return parcel
        other = _holder(number, parcel.id)
        if other is not None:
            raise _taken(other, number)
        before = parcel_dict(parcel)
        try:
            with services.storage.db.atomic():  # a savepoint: on the server a refused row aborts the transaction
                services._bump(parcel, expected_version, f"Paket #{parcel.id}", {"tracking_no": number})
        except IntegrityError:  # the unique key saw a writer outside this program
            raise _taken(Parcel.get(Parcel.tracking_no == number), number) from None
        services._audit("shipping.tracking", "request", req.id, before, parcel_dict(parcel))
        return parcel

    return services._write(op)


def mark_delivered(services: Services, request_id: int, day: date | None = None) -> Parcel:
    """The courier reports the parcel delivered (on `day`, today by default): the request is delivered."""
    day = day or office_date(services)
    if day > office_date(services):
        raise RuleError(f"Tanggal diterima {format_date_id(day)} ada di masa depan.")

    def op():
        req, parcel = parcel_of(services, request_id, "paket harus dikemas dan diserahkan ke kurir dulu")
        services._open_request(req, "status paketnya tidak dapat diubah lagi")  # the row just read, not again
        if parcel.status == PACKED:
            raise RuleError(f"Paket #{parcel.id} (permohonan #{req.id}) belum diserahkan ke kurir.")
        if parcel.resolution:
            raise RuleError(f"Paket #{parcel.id} sudah {status_label(parcel.status).lower()} dan ditindaklanjuti.")
        handed = parcel.pickup.handed_at if parcel.pickup_id else None
        if handed is not None and day < office_date(services, handed):
            raise RuleError(f"Tanggal diterima {format_date_id(day)} sebelum paket diserahkan ke kurir "
                            f"({format_date_id(office_date(services, handed))}).")
        before = parcel_dict(parcel)
        services._bump(parcel, None, f"Paket #{parcel.id}", {"status": DELIVERED, "delivered_on": day})
        services._audit("shipping.delivered", "request", req.id, before, parcel_dict(parcel))
        if req.state == State.SHIPPED:
            services._enter(req, State.DELIVERED)
        return parcel

    return services._write(op)


def report_problem(services: Services, request_id: int, status: str, note: str) -> Parcel:
    """The parcel came back to the office (returned) or the courier lost it; the next step is then chosen
    with `resend` or `reverse`."""
    if status not in (RETURNED, LOST):
        raise RuleError(f"Status paket '{status}' tidak dikenal di sini (pilihan: {RETURNED}, {LOST}).")
    if not note.strip():
        raise RuleError(f"Keterangan wajib diisi: mengapa paket {status_label(status).lower()} (misalnya "
                        "alamat tidak ditemukan, keterangan kurir).")

    def op():
        req, parcel = parcel_of(services, request_id, "paket harus dikemas dan diserahkan ke kurir dulu")
        services._open_request(req, "status paketnya tidak dapat diubah lagi")  # the row just read, not again
        if parcel.status not in (SHIPPED,) or req.state != State.SHIPPED:
            raise RuleError(f"Paket #{parcel.id} (permohonan #{req.id}) berstatus '{status_label(parcel.status)}': "
                            "hanya paket yang sedang dikirim yang dapat dicatat kembali atau hilang.")
        before = parcel_dict(parcel)
        services._bump(parcel, None, f"Paket #{parcel.id}",
                       {"status": status, "problem_at": utcnow(), "problem_note": note.strip()})
        services._audit("shipping.problem", "request", req.id, before, parcel_dict(parcel))
        return parcel

    return services._write(op)


def _problem_parcel(services: Services, request_id: int, doing: str):
    req, parcel = parcel_of(services, request_id, doing)
    services._open_request(req, doing)  # the row just read, not again
    if parcel.status not in (RETURNED, LOST) or parcel.resolution:
        raise RuleError(f"Paket #{parcel.id} (permohonan #{req.id}) berstatus '{status_label(parcel.status)}': "
                        f"{doing} hanya untuk paket yang kembali atau hilang.")
    return req, parcel


def resend(services: Services, request_id: int, note: str = "") -> Parcel:
    """Send a returned parcel again with the same serials and receipt: a new parcel, packed, for the next pickup."""
    def op():
        req, old = _problem_parcel(services, request_id, "kirim ulang")
        if old.status == LOST:
            raise RuleError(f"Paket #{old.id} hilang: blankonya tidak ada di kantor untuk dikirim ulang. Batalkan "
                            "pengeluaran blankonya (blanko dicatat hilang) lalu keluarkan dan kemas blanko baru.")
        before = parcel_dict(old)
        services._bump(old, None, f"Paket #{old.id}", {"resolution": RESENT})
        new = Parcel.create(request=req, address=old.address, packed_at=utcnow(), status=PACKED,
                            receipt_number=old.receipt_number, replaces=old.id, updated_by=services.actor.label)
        services._audit("shipping.resend", "request", req.id, before,
                        {**parcel_dict(new), "old": parcel_dict(old), "note": note.strip()})
        services._enter(req, State.PACKED)
        return new

    return services._write(op)


def reverse(services: Services, request_id: int, reason: str) -> list[int]:
    """Take the issue back for a parcel that did not arrive: the request is approved again (to issue and pack
    anew). Blanks of a returned parcel are back in the office and go back to stock; those of a lost parcel are
    written off as spoiled ('hilang dalam pengiriman') and never issued again. The ledger line ids."""
    from blanko_desktop.core.stock import StockLedger

    if not reason.strip():
        raise RuleError("Alasan pembatalan pengeluaran blanko wajib diisi.")
    ledger = StockLedger(services)

    def op():
        req, parcel = _problem_parcel(services, request_id, "pembatalan pengeluaran")
        ranges = ledger.request_ranges(req.id)
        ids = ledger.cancel_issue(req.id, f"Paket #{parcel.id} {status_label(parcel.status).lower()}: "
                                          f"{reason.strip()}")
        if parcel.status == LOST and ranges:
            ids += ledger.spoil(ranges, f"Hilang dalam pengiriman (paket #{parcel.id}, resi "
                                        f"{parcel.tracking_no or '-'}): {reason.strip()}")
        before = parcel_dict(parcel)
        services._bump(parcel, None, f"Paket #{parcel.id}", {"resolution": REVERSED})
        services._audit("shipping.reverse", "request", req.id, before,
                        {**parcel_dict(parcel), "reason": reason.strip(), "lines": ids})
        services._enter(req, State.APPROVED, reason.strip())
        return ids

    return services._write(op)
