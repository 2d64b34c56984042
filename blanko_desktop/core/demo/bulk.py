"""The benchmark mode: many document-free requests in one transaction with a single audit event."""

from __future__ import annotations

import random
import time
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from blanko_desktop.core import audit, workflow
from blanko_desktop.core.demo.plan import (
    CANCEL_REASONS,
    WINDOW_DAYS,
    Letters,
    quantities,
    received_times,
    refuse_if_filled,
    state_for_age,
    summary,
)
from blanko_desktop.core.demo.registry import LSPS, setup_registry
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Lsp, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import CLOCK_RUNNING, State

BULK_BATCH = 1000


def bulk_state(state: State) -> State:
    """A document-free request cannot stand in a state that needs records (not even verified: it has no
    checklist): a fresh one is still in the queue, an older one waits on its LSP (its clock stopped)."""
    if state not in workflow.OPERATION_FOR:
        return state
    return State.RECEIVED if state is State.VERIFIED else State.WAITING_LSP


def fill_bulk(services: Services, requests: int, seed: int = 2026, *, now: datetime | None = None,
              force: bool = False) -> dict[str, Any]:
    """Insert `requests` requests at once (benchmarks): one transaction, one audit event.

    The registry (LSPs, signatories, cuti bersama) still goes through Services. Requests spread back
    from now at about 40 per working day, so most old ones are closed and the recent ones are open.
    """
    if requests < 0:
        raise RuleError("Jumlah permohonan demo tidak boleh negatif.")
    refuse_if_filled(services, force)
    started = time.perf_counter()
    rng = random.Random(seed)
    now = now or utcnow()
    result: dict[str, Any] = {"mode": "bulk", **setup_registry(services, now)}
    cal = services.calendar()
    zone = cal.hours.zone
    limit = float(services.setting("sla_hours"))
    lsps = {l.name: l.id for l in Lsp.select().where(Lsp.active == True)}  # noqa: E712
    specs = [s for s in LSPS if s.name in lsps]
    days = max(WINDOW_DAYS, round(requests / 40 * 7 / 5))
    letters = Letters(rng)
    label = services.actor.label
    stamp = utcnow()
    states: Counter[str] = Counter()

    rows: list[dict[str, Any]] = []
    for received in received_times(rng, requests, now, days, zone):
        spec = rng.choice(specs)
        age = cal.working_seconds_between(received, now) / 3600
        state = bulk_state(state_for_age(rng, age))
        replacement = rng.random() < 0.08
        letter_day = received.date() - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        qty = quantities(rng, replacement)
        number = letters.next(spec.code, letter_day)
        subject = ("Permohonan Penggantian Blanko Sertifikat Rusak" if replacement
                   else "Permohonan Blanko Sertifikat Kompetensi")
        rows.append({
            "lsp": lsps[spec.name], "kind": "replacement" if replacement else "new", "state": state.value,
            "letter_number": number, "letter_date": letter_day, "sender": spec.emails[0],
            "subject": f"{subject} {number}", "received_at": received, "due_at": cal.due_time(received, limit),
            "clock_running": state in CLOCK_RUNNING, "clock_started_at": received, **qty,
            "approved_qty": None,  # no approval exists before its operation does
            "cancel_reason": rng.choice(CANCEL_REASONS) if state is State.CANCELLED else "", "note": "",
            "created_at": stamp, "version": 1, "updated_at": stamp, "updated_by": label,
        })
        states[state.value] += 1

    # peewee renders the INSERT once and each value goes through its field's own conversion;
    # insert_many would render 20 placeholders per row in Python, slower than SQLite's own work here.
    fields = [f for f in Request._meta.sorted_fields if f is not Request.id]
    sql, _ = Request.insert({f: None for f in fields}).sql()
    values = [[f.db_value(row[f.name]) for f in fields] for row in rows]

    def op():
        first = None
        for i in range(0, len(values), BULK_BATCH):
            services.storage.db.executemany(sql, values[i:i + BULK_BATCH])
        if rows:
            first = services.storage.db.execute_sql("SELECT MAX(id) FROM request").fetchone()[0] - len(rows) + 1
        audit.record(services.actor, "demo.bulk_insert", "request", "*", None,
                     {"count": len(rows), "seed": seed, "first_id": first,
                      "last_id": first + len(rows) - 1 if first else None})

    services.storage.write(op)
    result["requests"] = len(rows)
    result["with_documents"] = 0
    result.update(summary(services, now, states))
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result
