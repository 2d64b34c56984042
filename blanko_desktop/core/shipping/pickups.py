"""Courier pickups: the schedule (three weekdays, non-working days skipped), the parcels waiting for the next
one, its hand-over manifest, and the hand-over itself (courier and time recorded, requests shipped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from blanko_desktop.core import forms
from blanko_desktop.core.calendar import WEEKDAY_NAMES
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import CourierPickup, Parcel, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import (
    PACKED,
    SHIPPED,
    ParcelView,
    office_date,
    parcel_dict,
    parcel_views,
)
from blanko_desktop.core.textid import format_date_id
from blanko_desktop.core.workflow import State


@dataclass(frozen=True)
class PickupView:
    """A pickup day: handed over (courier, time, its parcels) or still to come (the parcels waiting for it)."""

    day: date
    weekday: str
    handed: bool
    courier: str
    handed_at: datetime | None
    parcels: tuple[ParcelView, ...]
    id: int | None = None

    def as_dict(self) -> dict:
        return {"day": self.day.isoformat(), "weekday": self.weekday, "handed": self.handed, "courier": self.courier,
                "handed_at": self.handed_at.isoformat() if self.handed_at else None, "id": self.id,
                "parcels": [p.as_dict() for p in self.parcels]}


def handed_pickup(day: date) -> CourierPickup | None:
    return (CourierPickup.select().where((CourierPickup.day == day) & CourierPickup.handed_at.is_null(False))
            .order_by(CourierPickup.id.desc()).first())


def next_pickup_day(services: Services, after: datetime | None = None) -> date:
    """The pickup the parcels packed now go with: the first pickup day from today on (or tomorrow after closing
    time) whose hand-over has not been recorded yet."""
    cal = services.calendar()
    day = cal.next_pickup(after or utcnow())
    while handed_pickup(day) is not None:
        day = cal.pickups(day + timedelta(days=1), 1)[0]
    return day


def waiting_parcels(services: Services) -> list[ParcelView]:
    """Packed parcels no courier has taken yet, oldest first."""
    return parcel_views(services, (Parcel.status == PACKED) & Parcel.pickup.is_null(), (Parcel.packed_at, Parcel.id))


def schedule(services: Services, from_day: date | None = None, count: int = 6) -> list[PickupView]:
    """The next `count` pickup days from `from_day` (today) with what is known of each; waiting parcels are shown
    with the first pickup still to come."""
    cal = services.calendar()
    start = from_day or office_date(services)
    days = cal.pickups(start, count)
    first_open = next_pickup_day(services)
    waiting = tuple(waiting_parcels(services))
    handed = {p.day: p for p in CourierPickup.select().where(CourierPickup.day.in_(days)
                                                              & CourierPickup.handed_at.is_null(False))}
    out = []
    for day in days:
        row = handed.get(day)
        if row is not None:
            parcels = tuple(parcel_views(services, Parcel.pickup == row.id))
            out.append(PickupView(day, WEEKDAY_NAMES[day.weekday()], True, row.courier, row.handed_at, parcels,
                                  row.id))
        else:
            out.append(PickupView(day, WEEKDAY_NAMES[day.weekday()], False, "", None,
                                  waiting if day == first_open else ()))
    return out


def pickup_parcels(services: Services, pickup_id: int) -> list[ParcelView]:
    """The parcels a hand-over took."""
    return parcel_views(services, Parcel.pickup == pickup_id)


def manifest_data(services: Services, day: date, courier: str = "",
                  parcel_ids: list[int] | None = None) -> forms.ManifestData:
    """The hand-over list of a pickup: the parcels waiting for the courier (or those named)."""
    return _manifest(services, day, courier, _parcels_for(services, parcel_ids))


def day_manifest_data(services: Services, day: date) -> forms.ManifestData:
    """The manifest of one pickup day as the schedule shows that day: the parcels the courier took (with its
    courier), or, for the first pickup still to come, the parcels packed and waiting. Refused for a day that is
    no pickup day, or with nothing to hand over (a request approved but not packed cannot go with the courier)."""
    handed = list(CourierPickup.select().where((CourierPickup.day == day) & CourierPickup.handed_at.is_null(False))
                  .order_by(CourierPickup.id))
    if handed:  # every trip of that day (the courier may come twice, or on an extra day)
        parcels = parcel_views(services, Parcel.pickup.in_([p.id for p in handed]))
        courier = ", ".join(dict.fromkeys(p.courier for p in handed if p.courier))
    else:
        first = services.calendar().pickups(day, 1)[0]
        if first != day:
            raise RuleError(f"{format_date_id(day, weekday=True)} bukan hari penjemputan kurir; penjemputan "
                            f"berikutnya {format_date_id(first, weekday=True)}.")
        parcels = waiting_parcels(services) if day == next_pickup_day(services) else []
        courier = str(services.setting("courier") or "")
    if not parcels:
        raise RuleError(f"Tidak ada paket untuk penjemputan kurir {format_date_id(day, weekday=True)}: belum ada "
                        "permohonan yang dikemas untuk hari itu.")
    return _manifest(services, day, courier, parcels)


def _manifest(services: Services, day: date, courier: str, parcels: list[ParcelView]) -> forms.ManifestData:
    return forms.ManifestData(
        pickup_date=day, courier=courier.strip(),
        parcels=[forms.ManifestParcel(p.lsp_name, p.city, p.tracking_no, p.receipt_number or f"#{p.request_id}",
                                      p.quantity) for p in parcels],
        officer=services.signing_officer("daftar serah terima kurir"))


def manifest_pdf(services: Services, day: date, courier: str = "", parcel_ids: list[int] | None = None) -> bytes:
    return forms.render("manifest", manifest_data(services, day, courier, parcel_ids))


def _parcels_for(services: Services, parcel_ids: list[int] | None) -> list[ParcelView]:
    waiting = waiting_parcels(services)
    if parcel_ids is None:
        if not waiting:
            raise RuleError("Tidak ada paket yang menunggu kurir (semua paket yang dikemas sudah diserahkan).")
        return waiting
    by_id = {p.id: p for p in waiting}
    missing = [i for i in parcel_ids if i not in by_id]
    if missing:
        others = {p.id: p for p in parcel_views(services, Parcel.id.in_(missing))}
        texts = [f"paket #{i} tidak ditemukan" if i not in others else
                 f"paket #{i} (permohonan #{others[i].request_id}) berstatus '{others[i].status_label}'"
                 for i in missing]
        raise RuleError("Paket berikut tidak sedang menunggu kurir: " + "; ".join(texts) + ".")
    return [by_id[i] for i in parcel_ids]


def handover(services: Services, day: date, courier: str, at: datetime | None = None, pdf: bytes | None = None,
             parcel_ids: list[int] | None = None) -> CourierPickup:
    """The courier took the parcels: the pickup with courier, time and manifest, each parcel and request shipped.

    `pdf` is the manifest as printed (the window prints it first); without it the manifest is rendered here.
    """
    courier = courier.strip()
    if not courier:
        raise RuleError("Nama kurir wajib diisi (siapa yang menjemput paket).")
    at = at or utcnow()
    if at.tzinfo is None:
        raise RuleError("Waktu serah terima harus menyertakan zona waktu.")
    if at > utcnow() + timedelta(minutes=5):
        raise RuleError(f"Waktu serah terima {at.astimezone():%d-%m-%Y %H:%M} ada di masa depan.")
    if office_date(services, at) != day:
        raise RuleError(f"Waktu serah terima ({format_date_id(office_date(services, at))}) tidak pada tanggal "
                        f"penjemputan {format_date_id(day)}.")
    if pdf is None:
        pdf = manifest_pdf(services, day, courier, parcel_ids)
    sha = services.storage.files.put(pdf)

    def op():
        # a second pickup on one day (an extra trip) is its own hand-over; a parcel is only ever handed once
        services.storage.files.ensure(pdf, sha)  # under the write lock (see DocumentStore.ensure)
        parcels = [p for p in _parcels_for(services, parcel_ids) if p.packed_at is None or p.packed_at <= at]
        if not parcels:
            raise RuleError(f"Tidak ada paket yang dikemas sebelum {at.astimezone(_zone(services)):%d-%m-%Y %H:%M}.")
        pickup = CourierPickup.create(day=day, courier=courier, handed_at=at, manifest_sha256=sha,
                                      updated_by=services.actor.label)
        services._audit("shipping.pickup", "courier_pickup", pickup.id, None,
                        {"day": day.isoformat(), "courier": courier, "handed_at": at.isoformat(),
                         "manifest_sha256": sha, "parcels": [p.id for p in parcels]})
        # the parcels and their requests in two queries, not two per parcel
        rows = {p.id: p for p in Parcel.select().where(Parcel.id.in_([view.id for view in parcels]))}
        requests = {r.id: r for r in Request.select().where(Request.id.in_([p.request_id for p in rows.values()]))}
        for view in parcels:
            row = rows[view.id]
            services._bump(row, view.version, f"Paket #{row.id}", {"pickup": pickup.id, "status": SHIPPED})
            services._audit("shipping.handover", "request", row.request_id, None,
                            {**parcel_dict(row), "courier": courier, "handed_at": at.isoformat()})
            services._enter(requests[row.request_id], State.SHIPPED)
        return pickup

    return services._write(op)


def _zone(services: Services):
    from blanko_desktop.core.shipping.common import office_hours
    return office_hours(services).zone
