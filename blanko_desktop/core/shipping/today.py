"""The officer's day (Hari ini): due today, overdue, waiting on an LSP and since when, the parcels for the next
pickup, receipts still missing; and SLA compliance per month, from each request's audited clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from peewee import fn

from blanko_desktop.core.models import AuditEvent, Lsp, Parcel, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import (
    DELIVERED,
    SHIPPED,
    ParcelView,
    office_date,
    office_hours,
    parcel_views,
    receipt_days,
)
from blanko_desktop.core.shipping.pickups import next_pickup_day, waiting_parcels
from blanko_desktop.core.workflow import State, label

LIST_LIMIT = 200  # a list on the day's page shows its first rows; the count is always the whole
HANDLED_BY = frozenset({State.WAITING_LSP.value, State.PACKED.value})


@dataclass(frozen=True)
class TodayItem:
    request_id: int
    lsp_name: str
    state: str
    state_label: str
    received_at: datetime
    due_at: datetime | None
    since: datetime | None = None  # waiting on the LSP since

    def as_dict(self) -> dict[str, Any]:
        return {"request": self.request_id, "lsp": self.lsp_name, "state": self.state,
                "state_label": self.state_label, "received_at": self.received_at.isoformat(),
                "due_at": self.due_at.isoformat() if self.due_at else None,
                "since": self.since.isoformat() if self.since else None}


@dataclass(frozen=True)
class MissingReceipt:
    parcel: ParcelView
    missing: tuple[str, ...]  # 'courier', 'lsp'
    working_days: int  # since delivery (or since the hand-over, when no delivery is known)
    delivered: bool

    def as_dict(self) -> dict[str, Any]:
        return {"parcel": self.parcel.id, "request": self.parcel.request_id, "lsp": self.parcel.lsp_name,
                "tracking_no": self.parcel.tracking_no, "missing": list(self.missing),
                "working_days": self.working_days, "delivered": self.delivered}


@dataclass(frozen=True)
class SlaMonth:
    """Submissions of a month (by arrival) handled within their working-day limit."""

    month: str  # 'YYYY-MM'
    in_time: int
    late: int
    pending: int  # clock still running, not yet due

    @property
    def counted(self) -> int:
        return self.in_time + self.late

    @property
    def share(self) -> float | None:
        return self.in_time / self.counted if self.counted else None

    def as_dict(self) -> dict[str, Any]:
        return {"month": self.month, "in_time": self.in_time, "late": self.late, "pending": self.pending,
                "share": None if self.share is None else round(self.share, 4)}


@dataclass(frozen=True)
class SlaRun:
    """One run of a request's clock: from an arrival (or the LSP's completion) to the officer's answer."""

    request_id: int
    started: datetime
    due: datetime | None
    ended: datetime | None
    ended_by: str  # waiting_lsp | packed | cancelled | '' (still running)

    def late(self, now: datetime) -> bool | None:
        """True late, False in time, None not counted (cancelled, or running and not yet due)."""
        if self.ended_by == State.CANCELLED.value or self.due is None:
            return None
        if self.ended is None:
            return True if now > self.due else None
        return self.ended > self.due


@dataclass(frozen=True)
class Today:
    now: datetime
    day: date
    due_today: list[TodayItem]
    overdue: list[TodayItem]
    waiting_lsp: list[TodayItem]
    counts: dict[str, int]
    next_pickup: date
    pickup_parcels: list[ParcelView]
    receipts_missing: list[MissingReceipt]
    receipt_days: int
    sla: list[SlaMonth] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"now": self.now.isoformat(), "day": self.day.isoformat(), "counts": self.counts,
                "due_today": [i.as_dict() for i in self.due_today], "overdue": [i.as_dict() for i in self.overdue],
                "waiting_lsp": [i.as_dict() for i in self.waiting_lsp], "next_pickup": self.next_pickup.isoformat(),
                "pickup_parcels": [p.as_dict() for p in self.pickup_parcels],
                "receipts_missing": [m.as_dict() for m in self.receipts_missing],
                "receipt_days": self.receipt_days, "sla": [m.as_dict() for m in self.sla]}


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _items(rows, since: dict[int, datetime] | None = None) -> list[TodayItem]:
    rows = list(rows)
    ids = {r.lsp_id for r in rows if r.lsp_id is not None}
    names = dict(Lsp.select(Lsp.id, Lsp.name).where(Lsp.id.in_(ids)).tuples()) if ids else {}
    return [TodayItem(r.id, names.get(r.lsp_id, ""), r.state, label(r.state), r.received_at, r.due_at,
                      (since or {}).get(r.id)) for r in rows]


def today(services: Services, now: datetime | None = None, sla_months: int = 6) -> Today:
    """The day's page, read in a fixed number of queries (lists capped at LIST_LIMIT, counts whole)."""
    now = now or utcnow()
    zone = office_hours(services).zone
    day = office_date(services, now)
    end_of_day = datetime.combine(day + timedelta(days=1), time(0), zone)
    running = Request.clock_running == True  # noqa: E712
    overdue_q = Request.select().where(running & (Request.due_at < _stamp(now)))
    today_q = Request.select().where(running & (Request.due_at >= _stamp(now)) & (Request.due_at < _stamp(end_of_day)))
    waiting_q = Request.select().where(Request.state == State.WAITING_LSP)
    waiting_rows = list(waiting_q.order_by(Request.updated_at, Request.id).limit(LIST_LIMIT))
    since = _waiting_since([r.id for r in waiting_rows])
    waiting = sorted(_items(waiting_rows, since), key=lambda i: i.since or i.received_at)
    cal = services.calendar()
    n = receipt_days(services)
    missing = receipts_missing(services, day, n)
    pickup = next_pickup_day(services, now)
    return Today(
        now=now, day=day,
        due_today=_items(today_q.order_by(Request.due_at, Request.id).limit(LIST_LIMIT)),
        overdue=_items(overdue_q.order_by(Request.due_at, Request.id).limit(LIST_LIMIT)),
        waiting_lsp=waiting,
        counts={"due_today": today_q.count(), "overdue": overdue_q.count(), "waiting_lsp": waiting_q.count(),
                "pickup_parcels": Parcel.select().where((Parcel.status == "packed") & Parcel.pickup.is_null()).count(),
                "receipts_missing": len(missing)},
        next_pickup=pickup, pickup_parcels=waiting_parcels(services)[:LIST_LIMIT],
        receipts_missing=missing[:LIST_LIMIT], receipt_days=n,
        sla=sla_by_month(services, _months_back(day, sla_months), now, cal))


def _waiting_since(ids: list[int]) -> dict[int, datetime]:
    """When each request last began to wait on its LSP (its latest move to waiting_lsp)."""
    if not ids:
        return {}
    rows = (AuditEvent.select(AuditEvent.entity_id, fn.MAX(AuditEvent.at))
            .where((AuditEvent.entity == "request") & (AuditEvent.entity_id.in_([str(i) for i in ids]))
                   & (AuditEvent.action == "request.waiting_lsp"))
            .group_by(AuditEvent.entity_id).tuples())
    return {int(eid): datetime.fromisoformat(at) if isinstance(at, str) else at for eid, at in rows}


def receipts_missing(services: Services, day: date | None = None, days: int | None = None) -> list[MissingReceipt]:
    """Parcels whose receipts have not all come back `days` working days after delivery (or after the
    hand-over, when no delivery has been recorded yet), longest first."""
    cal = services.calendar()
    day = day or office_date(services)
    days = receipt_days(services) if days is None else days
    out = []
    views = parcel_views(services, (Parcel.status.in_([SHIPPED, DELIVERED]))
                         & (Parcel.courier_receipt_at.is_null() | Parcel.lsp_receipt_at.is_null()))
    for p in views:
        start = p.delivered_on or (office_date(services, p.handed_at) if p.handed_at else None)
        if start is None:
            continue
        elapsed = cal.working_days_between(start, day)
        if elapsed >= days:
            missing = tuple(k for k, at in (("courier", p.courier_receipt_at), ("lsp", p.lsp_receipt_at)) if at is None)
            out.append(MissingReceipt(p, missing, elapsed, p.delivered_on is not None))
    return sorted(out, key=lambda m: (-m.working_days, m.parcel.id))


# -- SLA compliance --------------------------------------------------------------------------------------

def _parse(value) -> datetime | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def sla_runs(services: Services, start: datetime, end: datetime) -> list[SlaRun]:
    """Every clock run that started in [start, end), rebuilt from the requests' audited snapshots: a run starts
    with the arrival (or the LSP's completion) and ends when the officer asked for completion, packed, or
    cancelled; the due time is the last one computed for it."""
    candidates = list(Request.select(Request.id, Request.received_at, Request.clock_started_at, Request.due_at,
                                     Request.clock_running, Request.state, Request.updated_at)
                      .where((Request.received_at < _stamp(end)) & (Request.updated_at >= _stamp(start))))
    by_id = {r.id: r for r in candidates}
    runs: dict[int, list[list]] = {}  # id -> [[started, due, ended, ended_by], ...]
    ids = list(by_id)
    for chunk in range(0, len(ids), 500):
        part = [str(i) for i in ids[chunk:chunk + 500]]
        for eid, at, action, after in (AuditEvent.select(AuditEvent.entity_id, AuditEvent.at, AuditEvent.action,
                                                         AuditEvent.after)
                                       .where((AuditEvent.entity == "request") & AuditEvent.entity_id.in_(part)
                                              & AuditEvent.action.startswith("request."))
                                       .order_by(AuditEvent.id).tuples()):
            if not isinstance(after, dict):
                import json
                after = json.loads(after) if after else {}
            mine = runs.setdefault(int(eid), [])
            current = mine[-1] if mine and mine[-1][2] is None else None
            if action == "request.due_recomputed":
                if current is not None:
                    current[1] = _parse(after.get("due_at"))
                continue
            if "clock_running" not in after:
                continue
            started = _parse(after.get("clock_started_at") or after.get("received_at"))
            due = _parse(after.get("due_at"))
            if after["clock_running"]:
                if current is None:
                    mine.append([started, due, None, ""])
                else:
                    current[0], current[1] = started, due  # an arrival corrected, or the due time moved
            elif current is not None:
                current[2] = _parse(at) if not isinstance(at, datetime) else at
                current[3] = after.get("state", "")
    out = []
    for rid, row in by_id.items():
        found = runs.get(rid)
        if not found:  # written without a history (the benchmark's bulk demo): the row's own clock
            found = [[row.clock_started_at or row.received_at, row.due_at,
                      None if row.clock_running else row.updated_at, "" if row.clock_running else row.state]]
        for started, due, ended, ended_by in found:
            if started is not None and start <= started < end:
                out.append(SlaRun(rid, started, due, ended, ended_by if ended is not None else ""))
    return sorted(out, key=lambda r: (r.started, r.request_id))


def _month_bounds(month: str, zone) -> tuple[datetime, datetime]:
    year, mon = (int(x) for x in month.split("-"))
    first = datetime(year, mon, 1, tzinfo=zone)
    nxt = datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=zone)
    return first, nxt


def _months_back(day: date, count: int) -> list[str]:
    months = []
    y, m = day.year, day.month
    for _ in range(count):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return list(reversed(months))


def sla_by_month(services: Services, months: list[str], now: datetime | None = None, cal=None) -> list[SlaMonth]:
    """Per month (by the submission's arrival, office calendar): handled within the limit, late, pending."""
    if not months:
        return []
    now = now or utcnow()
    zone = office_hours(services).zone
    start, _ = _month_bounds(months[0], zone)
    _, end = _month_bounds(months[-1], zone)
    counts = {m: [0, 0, 0] for m in months}
    for run in sla_runs(services, start, end):
        key = run.started.astimezone(zone).strftime("%Y-%m")
        if key not in counts:
            continue
        late = run.late(now)
        if late is None:
            if run.ended is None:
                counts[key][2] += 1
            continue
        counts[key][1 if late else 0] += 1
    return [SlaMonth(m, *counts[m]) for m in months]
