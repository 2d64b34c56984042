"""A calendar change and the due times it moves commit together, and `check` compares stored due times
with the calendar's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from blanko_desktop.core import audit
from tests.core.tamper import raw

JKT = ZoneInfo("Asia/Jakarta")
WEDNESDAY_10 = datetime(2026, 11, 18, 10, 0, tzinfo=JKT)


def _fail_on_recompute(monkeypatch):
    """Stand-in for a kill between the calendar change and the due times: the recompute raises."""
    real = audit.record

    def record(actor, action, *args, **kwargs):
        if action == "request.due_recomputed":
            raise KeyboardInterrupt("killed")
        return real(actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", record)


@pytest.mark.parametrize("change", ["add", "remove", "setting"])
def test_calendar_change_and_due_times_are_one_transaction(services, monkeypatch, change):
    req = services.create_request(WEDNESDAY_10)
    if change == "remove":
        services.add_closure(date(2026, 11, 19), "closure", "tutup")
    before_due = services.request(req.id).due_at
    closures_before = [c.day for c in services.closures()]
    sla_before = services.setting("sla_hours")
    writes = []
    real_write = services.storage.write
    monkeypatch.setattr(services.storage, "write", lambda fn: writes.append(fn) or real_write(fn))
    _fail_on_recompute(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        if change == "add":
            services.add_closure(date(2026, 11, 19), "closure", "tutup")
        elif change == "remove":
            services.remove_closure(date(2026, 11, 19))
        else:
            services.set_setting("sla_hours", 16)
    assert len(writes) == 1  # the change and its recompute ran in one transaction, which rolled back
    assert [c.day for c in services.closures()] == closures_before
    assert services.setting("sla_hours") == sla_before
    assert services.request(req.id).due_at == before_due
    assert services.storage.check().ok


def test_calendar_setting_change_recomputes_due_times(services):
    req = services.create_request(WEDNESDAY_10)
    services.set_setting("sla_hours", 16)
    assert services.request(req.id).due_at == datetime(2026, 11, 20, 10, 0, tzinfo=JKT)
    assert services.storage.check().ok


def test_check_reports_due_times_the_calendar_does_not_give(services, storage):
    from blanko_desktop.core.workflow import State

    running = services.create_request(WEDNESDAY_10)
    stopped = services.create_request(WEDNESDAY_10)
    services.transition(stopped.id, State.WAITING_LSP)  # a stopped clock is not compared
    assert storage.check().ok
    # what a kill between the old two transactions left: the closure stored, the due time not moved
    raw(storage, "INSERT INTO closure (day, kind, note, created_by) VALUES ('2026-11-19', 'closure', '', 'x')",
        guards_off=False)
    problems = storage.check().problems
    assert problems == [f"Tenggat permohonan #{running.id} tersimpan 2026-11-19T03:00:00+00:00, menurut kalender "
                        "2026-11-20T03:00:00+00:00: 'blanko check --repair' menghitungnya ulang"]
    services._calendar = None
    assert services.recompute_due_times() == 1
    assert storage.check().ok
