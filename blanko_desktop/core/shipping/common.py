"""What the shipping modules share: a request's parcel, parcel statuses and their names, office dates, views."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from blanko_desktop.core.calendar import OfficeHours
from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import CourierPickup, Lsp, Parcel, Request, utcnow
from blanko_desktop.core.services import Services
# the receipt reminder is one of the shared rules an office may change: its key and default live with them
from blanko_desktop.core.shared_settings import RECEIPT_DAYS_DEFAULT, RECEIPT_DAYS_KEY
from blanko_desktop.core.workflow import label

PACKED, SHIPPED, DELIVERED, RETURNED, LOST = "packed", "shipped", "delivered", "returned", "lost"
STATUSES = (PACKED, SHIPPED, DELIVERED, RETURNED, LOST)
STATUS_LABELS = {
    PACKED: "Dikemas, menunggu kurir",
    SHIPPED: "Diserahkan ke kurir",
    DELIVERED: "Diterima LSP",
    RETURNED: "Kembali ke pengirim",
    LOST: "Hilang dalam pengiriman",
}
RESENT, REVERSED = "resent", "reversed"
RESOLUTION_LABELS = {RESENT: "dikirim ulang", REVERSED: "pengeluaran blanko dibatalkan"}



def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def office_hours(services: Services) -> OfficeHours:
    return OfficeHours.from_dict(services.setting("office_hours"))


def office_date(services: Services, moment: datetime | None = None) -> date:
    """The office calendar's date of `moment` (now when None)."""
    return (moment or utcnow()).astimezone(office_hours(services).zone).date()


def receipt_days(services: Services) -> int:
    value = services.setting(RECEIPT_DAYS_KEY)
    return int(value) if value not in (None, "") else RECEIPT_DAYS_DEFAULT


_TRACKING_RE = re.compile(r"^[A-Z0-9][A-Z0-9\-/.]{3,39}$")


def normalise_tracking(text: str) -> str:
    """A tracking number as couriers print it: upper case, no spaces ('jp 1234 5678' -> 'JP12345678')."""
    value = re.sub(r"\s+", "", str(text or "")).upper()
    if not value:
        raise RuleError("Nomor resi kosong; ketik atau pindai nomor resi dari kurir.")
    if not _TRACKING_RE.match(value):
        raise RuleError(f"Nomor resi '{text.strip()}' tidak valid: 4–40 huruf/angka (boleh '-', '/', '.').")
    return value


def current_parcel(request_id: int) -> Parcel | None:
    """The request's parcel in force: the latest one (a re-sent parcel replaces the returned one)."""
    # read by most shipping steps: SQL written once (peewee built its select anew each call); raw SQL goes to the
    # server untranslated, so it carries the engine's own placeholder
    sql = f"SELECT * FROM parcel WHERE request_id = {Parcel._meta.database.param} ORDER BY id DESC LIMIT 1"
    return next(iter(Parcel.raw(sql, request_id)), None)


def parcel_of(services: Services, request_id: int, doing: str) -> tuple[Request, Parcel]:
    """The request and its current parcel, refused by name when it has none."""
    req = services.request(request_id)
    parcel = current_parcel(req.id)
    if parcel is None:
        raise RuleError(f"Permohonan #{req.id} ({label(req.state)}) belum dikemas: belum ada paket; {doing}.")
    return req, parcel


def parcel_by_id(parcel_id: int) -> Parcel:
    # read for every returned receipt: SQL written once, as current_parcel
    sql = f"SELECT * FROM parcel WHERE id = {Parcel._meta.database.param}"
    row = next(iter(Parcel.raw(sql, parcel_id)), None)
    if row is None:
        raise NotFoundError(f"Paket #{parcel_id} tidak ditemukan.")
    return row


def parcel_dict(p: Parcel) -> dict[str, Any]:
    """A parcel as plain data (audit snapshots)."""
    return {
        "parcel": p.id, "request": p.request_id, "status": p.status, "tracking_no": p.tracking_no,
        "address": p.address, "receipt_number": p.receipt_number,
        "pickup": p.pickup_id, "delivered_on": p.delivered_on.isoformat() if p.delivered_on else None,
        "courier_receipt_at": p.courier_receipt_at.isoformat() if p.courier_receipt_at else None,
        "lsp_receipt_at": p.lsp_receipt_at.isoformat() if p.lsp_receipt_at else None,
        "problem_note": p.problem_note, "resolution": p.resolution, "replaces": p.replaces_id,
    }


@dataclass(frozen=True)
class ParcelView:
    """One parcel as the window and the CLI show it."""

    id: int
    request_id: int
    request_state: str
    lsp_id: int | None
    lsp_name: str
    city: str
    status: str
    status_label: str
    tracking_no: str
    address: str
    receipt_number: str
    quantity: int
    ranges: tuple[str, ...]
    packed_at: datetime | None
    pickup_day: date | None
    courier: str
    handed_at: datetime | None
    delivered_on: date | None
    courier_receipt_at: datetime | None
    lsp_receipt_at: datetime | None
    problem_at: datetime | None
    problem_note: str
    resolution: str
    replaces_id: int | None
    version: int

    @property
    def receipts_back(self) -> int:
        return (self.courier_receipt_at is not None) + (self.lsp_receipt_at is not None)

    def as_dict(self) -> dict[str, Any]:
        def iso(v):
            return v.isoformat() if v is not None else None
        return {
            "id": self.id, "request": self.request_id, "request_state": self.request_state,
            "lsp": self.lsp_name, "city": self.city, "status": self.status, "status_label": self.status_label,
            "tracking_no": self.tracking_no, "address": self.address, "receipt_number": self.receipt_number,
            "quantity": self.quantity, "ranges": list(self.ranges), "packed_at": iso(self.packed_at),
            "pickup_day": iso(self.pickup_day), "courier": self.courier, "handed_at": iso(self.handed_at),
            "delivered_on": iso(self.delivered_on), "courier_receipt_at": iso(self.courier_receipt_at),
            "lsp_receipt_at": iso(self.lsp_receipt_at), "problem_at": iso(self.problem_at),
            "problem_note": self.problem_note, "resolution": self.resolution, "replaces": self.replaces_id,
            "version": self.version,
        }


def parcel_views(services: Services, where=None, order=None) -> list[ParcelView]:
    """Parcels as views, read in a fixed number of queries (requests, LSPs, pickups, issued ranges)."""
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.stock.serials import SerialFormat

    query = Parcel.select()
    if where is not None:
        query = query.where(where)
    rows = list(query.order_by(*(order or (Parcel.id,))))
    if not rows:
        return []
    request_ids = {p.request_id for p in rows}
    requests = {r.id: r for r in Request.select().where(Request.id.in_(request_ids))}
    lsp_ids = {r.lsp_id for r in requests.values() if r.lsp_id is not None}
    lsps = {l.id: l for l in Lsp.select().where(Lsp.id.in_(lsp_ids))} if lsp_ids else {}
    pickup_ids = {p.pickup_id for p in rows if p.pickup_id is not None}
    pickups = {c.id: c for c in CourierPickup.select().where(CourierPickup.id.in_(pickup_ids))} if pickup_ids else {}
    ledger = StockLedger(services)
    fmt: SerialFormat = ledger.serial_format()
    ranges = issued_ranges(request_ids)
    out = []
    for p in rows:
        req = requests[p.request_id]
        lsp = lsps.get(req.lsp_id)
        pickup = pickups.get(p.pickup_id)
        mine = ranges.get(p.request_id, [])
        out.append(ParcelView(
            p.id, p.request_id, req.state, req.lsp_id, lsp.name if lsp else "", lsp.city if lsp else "", p.status,
            status_label(p.status), p.tracking_no, p.address, p.receipt_number,
            sum(r.count for r in mine) or (req.approved_qty or 0), tuple(r.text(fmt) for r in mine), p.packed_at,
            pickup.day if pickup else None, pickup.courier if pickup else "", pickup.handed_at if pickup else None,
            p.delivered_on, p.courier_receipt_at, p.lsp_receipt_at, p.problem_at, p.problem_note, p.resolution,
            p.replaces_id, p.version))
    return out


def parcel_view(services: Services, parcel_id: int) -> ParcelView:
    parcel_by_id(parcel_id)
    return parcel_views(services, Parcel.id == parcel_id)[0]


def issued_ranges(request_ids) -> dict[int, list]:
    """The serial ranges now issued to each request (where the stock register says they are)."""
    from blanko_desktop.core.models import StockRange
    from blanko_desktop.core.stock import places
    from blanko_desktop.core.stock.serials import SerialRange

    out: dict[int, list] = {}
    ids = list(request_ids)
    for start in range(0, len(ids), 500):
        for rid, prefix, first, last in (StockRange.select(StockRange.request, StockRange.prefix,
                                                           StockRange.first_no, StockRange.last_no)
                                         .where(StockRange.request.in_(ids[start:start + 500])
                                                & (StockRange.place == places.ISSUED))
                                         .order_by(StockRange.prefix, StockRange.first_no).tuples()):
            out.setdefault(rid, []).append(SerialRange(prefix, first, last))
    return out
