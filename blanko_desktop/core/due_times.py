"""The working calendar as the shared settings and closures make it, and the due times it implies."""

from __future__ import annotations

from typing import Any

from blanko_desktop import paths
from blanko_desktop.core.calendar import Closure as CalendarClosure
from blanko_desktop.core.calendar import OfficeHours, WorkCalendar
from blanko_desktop.core.models import Closure, Request, Setting

SETTING_DEFAULTS: dict[str, Any] = {
    "office_hours": OfficeHours().to_dict(),
    "pickup_weekdays": [0, 2, 4],
    "sla_hours": 8,
    "courier": "",
}
# Settings from which the due times of running clocks are computed: a change recomputes them.
CALENDAR_SETTINGS = frozenset({"office_hours", "pickup_weekdays", "sla_hours"})


def setting_value(key: str) -> Any:
    # read by most operations (serial format, office hours, SLA hours): one hand-written statement, as
    # peewee's building of the query cost ten times SQLite's lookup
    row = Setting._meta.database.execute_sql("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return Setting.value.python_value(row[0]) if row else SETTING_DEFAULTS.get(key)


def shared_calendar() -> WorkCalendar:
    """The calendar every workstation on this database computes due times with (read now, not cached)."""
    closures = [CalendarClosure(c.day, c.kind, c.note) for c in Closure.select()]
    # the holidays library's answers kept on this workstation: importing it is ~0.1 s of each `blanko` process
    return WorkCalendar(OfficeHours.from_dict(setting_value("office_hours")), closures,
                        tuple(setting_value("pickup_weekdays")), kept_in=paths.config_dir())


def stale_due_times(cal: WorkCalendar | None = None) -> list[tuple[Request, object]]:
    """Requests whose clock runs and whose stored due time is not the one the calendar gives now,
    each with the due time it should have."""
    cal = cal or shared_calendar()
    limit = float(setting_value("sla_hours"))
    stale = []
    for req in Request.select().where(Request.clock_running == True).order_by(Request.id):  # noqa: E712
        due = cal.due_time(req.clock_started_at or req.received_at, limit)
        if due != req.due_at:
            stale.append((req, due))
    return stale
