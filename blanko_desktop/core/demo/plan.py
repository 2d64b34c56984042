"""What the demo plans before it writes: arrival times, letter numbers, quantities, where each request got to."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from typing import Any

from blanko_desktop.core import workflow
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Request
from blanko_desktop.core.services import Services
from blanko_desktop.core.textid import roman_month
from blanko_desktop.core.workflow import State

WINDOW_DAYS = 21

COMPLETION_REASONS = (
    "Berita acara asesmen belum ditandatangani ketua TUK.",
    "Keputusan sertifikasi belum dilampirkan.",
    "Daftar peserta kompeten belum dilampirkan (berkas Excel).",
    "Jumlah blanko yang diminta tidak sama dengan jumlah peserta kompeten.",
    "NIK beberapa peserta tidak valid (kurang dari 16 digit).",
    "Surat permohonan belum bernomor dan belum ditandatangani.",
)
CANCEL_REASONS = (
    "Permohonan ganda: sudah diajukan dengan surat sebelumnya.",
    "LSP menarik permohonan melalui e-mail.",
    "Lisensi LSP sedang dibekukan.",
    "Dokumen tidak dilengkapi lebih dari 30 hari.",
)
# The path a request takes to each state (from 'received'); cancelled is handled apart.
PATHS: dict[State, tuple[State, ...]] = {
    State.RECEIVED: (),
    State.WAITING_LSP: (State.WAITING_LSP,),
    State.VERIFIED: (State.VERIFIED,),
    State.APPROVED: (State.VERIFIED, State.APPROVED),
    State.PACKED: (State.VERIFIED, State.APPROVED, State.PACKED),
    State.SHIPPED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED),
    State.DELIVERED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED),
    State.CLOSED: (State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED),
}

# Where a request of a given age (working hours since it arrived) has most likely got to.
BY_AGE: tuple[tuple[float, tuple[tuple[State, int], ...]], ...] = (
    (8, ((State.RECEIVED, 45), (State.VERIFIED, 20), (State.WAITING_LSP, 15), (State.APPROVED, 12),
         (State.PACKED, 8))),
    (24, ((State.RECEIVED, 6), (State.VERIFIED, 8), (State.APPROVED, 8), (State.WAITING_LSP, 15),
          (State.PACKED, 35), (State.SHIPPED, 23), (State.CANCELLED, 5))),
    (56, ((State.WAITING_LSP, 10), (State.PACKED, 8), (State.SHIPPED, 40), (State.DELIVERED, 25),
          (State.CLOSED, 12), (State.CANCELLED, 5))),
    (120, ((State.WAITING_LSP, 4), (State.SHIPPED, 4), (State.DELIVERED, 18), (State.CLOSED, 66),
           (State.CANCELLED, 8))),
    # weeks old: all but a few are done (an LSP that never sent its receipt back keeps one 'delivered')
    (float("inf"), ((State.DELIVERED, 2), (State.CLOSED, 91), (State.CANCELLED, 7))),
)


def state_for_age(rng: random.Random, hours: float) -> State:
    for limit, table in BY_AGE:
        if hours < limit:
            states, weights = zip(*table)
            return rng.choices(states, weights)[0]
    raise AssertionError("unreachable")


# The operations that enter a state that stands for records, as the demo performs them (checklist, approval,
# stock issue and packing, the courier's hand-over, the receipts coming back); a state whose operation the
# demo cannot perform is not made (never a state without its records).
BUILT_OPERATIONS = frozenset(workflow.OPERATION_FOR)
REACHABLE = frozenset(s for s in State if s not in workflow.OPERATION_FOR or s in BUILT_OPERATIONS)
# States a request reaches only after its documents were checked: it must carry them.
CHECKED_STATES = frozenset(workflow.OPERATION_FOR)


def reachable(state: State) -> State:
    """The furthest state the demo can build through real operations (all of them, now that approval, stock
    and shipping exist); kept so that a future state without its operation stops at verified."""
    return state if state in REACHABLE else State.VERIFIED


def request_count() -> int:
    return Request.select().count()


def refuse_if_filled(services: Services, force: bool) -> None:
    count = request_count()
    if count and not force:
        raise RuleError(
            f"Basis data {services.storage.location} sudah berisi {count} permohonan; data demo hanya diisikan "
            "ke basis data kosong. "
            "Gunakan basis data baru (--db) atau --force untuk tetap menambahkannya."
        )


def received_times(rng: random.Random, count: int, now: datetime, days: int, zone) -> list[datetime]:
    """Arrival times of e-mails over the last `days`: mostly office hours on weekdays, some evenings."""
    local_now = now.astimezone(zone)
    times = []
    while len(times) < count:
        day = (local_now - timedelta(days=rng.uniform(0, days))).date()
        if day.weekday() >= 5 and rng.random() > 0.12:
            continue
        if rng.random() < 0.85:
            minute = rng.randint(7 * 60 + 30, 16 * 60 + 30)
        else:
            minute = rng.randint(16 * 60 + 30, 22 * 60)
        moment = datetime(day.year, day.month, day.day, minute // 60, minute % 60,
                          rng.randint(0, 59), tzinfo=zone)
        if moment < local_now - timedelta(minutes=10):
            times.append(moment)
    return sorted(times)


class Letters:
    """Letter numbers per LSP: 045/LSP-TDN/XI/2026, in sequence."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.seq: dict[tuple[str, int], int] = {}

    def next(self, code: str, day: date) -> str:
        # an LSP numbers its outgoing letters per year; other letters come between two requests
        key = (code, day.year)
        n = self.seq.get(key) or self.rng.randint(3, 140)
        self.seq[key] = n + self.rng.randint(1, 3)
        return f"{n:03d}/LSP-{code}/{roman_month(day.month)}/{day.year}"


def quantities(rng: random.Random, replacement: bool) -> dict[str, int | None]:
    if replacement:
        return {"requested_qty": rng.randint(1, 6), "competent_qty": None, "not_yet_qty": None}
    competent = max(5, min(150, int(rng.lognormvariate(3.3, 0.55))))
    return {"requested_qty": competent, "competent_qty": competent,
            "not_yet_qty": rng.randint(0, max(1, competent // 6))}


def summary(services: Services, now: datetime, states: Counter[str] | None = None) -> dict[str, Any]:
    zone = services.calendar().hours.zone
    now_utc = now.astimezone(timezone.utc).isoformat(timespec="microseconds")
    db = services.storage.db
    if states is None:
        states = Counter(dict(db.execute_sql("SELECT state, COUNT(*) FROM request GROUP BY state").fetchall()))
    overdue = db.execute_sql("SELECT COUNT(*) FROM request WHERE clock_running = 1 AND due_at < ?",
                             (now_utc,)).fetchone()[0]
    local_now = now.astimezone(zone)
    end_of_day = datetime(local_now.year, local_now.month, local_now.day, tzinfo=zone) + timedelta(days=1)
    due_today = db.execute_sql(
        "SELECT COUNT(*) FROM request WHERE clock_running = 1 AND due_at >= ? AND due_at < ?",
        (now_utc, end_of_day.astimezone(timezone.utc).isoformat(timespec="microseconds"))).fetchone()[0]
    return {"states": dict(sorted(states.items())), "overdue": overdue, "due_today": due_today}
