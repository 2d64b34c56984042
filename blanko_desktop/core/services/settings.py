"""Shared settings and the working calendar they make: office hours, pickup days, closures."""

from __future__ import annotations

from datetime import date
from typing import Any

from blanko_desktop.core.calendar import Closure as CalendarClosure
from blanko_desktop.core.calendar import OfficeHours, WorkCalendar
from blanko_desktop.core.errors import ConflictError, NotFoundError, RuleError
from blanko_desktop.core.models import Closure, Request, Setting
from blanko_desktop.core.services.base import ServiceBase

SETTING_DEFAULTS: dict[str, Any] = {
    "office_hours": OfficeHours().to_dict(),
    "pickup_weekdays": [0, 2, 4],
    "sla_hours": 8,
    "courier": "",
}


class SettingsService(ServiceBase):
    """Settings shared by every workstation on this database, and the calendar built from them."""

    def setting(self, key: str) -> Any:
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else SETTING_DEFAULTS.get(key)

    def setting_version(self, key: str) -> int | None:
        row = Setting.get_or_none(Setting.key == key)
        return row.version if row else None

    def set_setting(self, key: str, value: Any, expected_version: int | None = None) -> None:
        """Store a shared setting; refused if a colleague changed it since `expected_version`."""
        try:  # the calendar validates hours and pickup days and says why it refuses
            if key == "office_hours":
                OfficeHours.from_dict(value)
            if key == "pickup_weekdays":
                WorkCalendar(OfficeHours.from_dict(self.setting("office_hours")), (), tuple(value))
        except (ValueError, TypeError) as exc:
            raise RuleError(f"Pengaturan '{key}' tidak valid: {exc}") from exc

        def op():
            row = Setting.get_or_none(Setting.key == key)
            before = row.value if row else SETTING_DEFAULTS.get(key)
            if row is None:
                if expected_version not in (None, 0):
                    raise ConflictError(f"Pengaturan '{key}'", None, None)
                Setting.create(key=key, value=value, updated_by=self.actor.label)
            else:
                self._bump(row, expected_version, f"Pengaturan '{key}'", {"value": value})
            self._audit("setting.change", "setting", key, before, value)

        self._write(op)
        self._calendar = None

    def calendar(self) -> WorkCalendar:
        """The working calendar from the shared settings and closures (cached until they change)."""
        if self._calendar is None:
            closures = [CalendarClosure(c.day, c.kind, c.note) for c in Closure.select()]
            self._calendar = WorkCalendar(
                OfficeHours.from_dict(self.setting("office_hours")), closures,
                tuple(self.setting("pickup_weekdays")))
        return self._calendar

    def closures(self) -> list[Closure]:
        return list(Closure.select().order_by(Closure.day))

    def add_closure(self, day: date, kind: str = "closure", note: str = "") -> Closure:
        """Enter a cuti bersama or office-closure day; due times of open requests are recomputed."""
        CalendarClosure(day, kind, note)  # validates the kind

        def op():
            if Closure.get_or_none(Closure.day == day):
                raise RuleError(f"Tanggal {day.isoformat()} sudah tercatat sebagai hari libur/tutup.")
            row = Closure.create(day=day, kind=kind, note=note, created_by=self.actor.label)
            self._audit("closure.add", "closure", day.isoformat(), None,
                        {"day": day.isoformat(), "kind": kind, "note": note})
            return row

        row = self._write(op)
        self._calendar = None
        self.recompute_due_times()
        return row

    def remove_closure(self, day: date) -> None:
        def op():
            row = Closure.get_or_none(Closure.day == day)
            if row is None:
                raise NotFoundError(f"Tanggal {day.isoformat()} tidak ada dalam daftar libur/tutup.")
            before = {"day": day.isoformat(), "kind": row.kind, "note": row.note}
            row.delete_instance()
            self._audit("closure.remove", "closure", day.isoformat(), before, None)

        self._write(op)
        self._calendar = None
        self.recompute_due_times()

    def recompute_due_times(self) -> int:
        """Due times of requests whose clock runs, after the calendar changed; each change is in the
        request's history."""
        cal, limit = self.calendar(), float(self.setting("sla_hours"))

        def op():
            changed = 0
            for req in Request.select().where(Request.clock_running == True):  # noqa: E712
                due = cal.due_time(req.clock_started_at or req.received_at, limit)
                if due != req.due_at:
                    Request.update(due_at=due).where(Request.id == req.id).execute()
                    self._audit("request.due_recomputed", "request", req.id,
                                {"due_at": req.due_at.isoformat() if req.due_at else None},
                                {"due_at": due.isoformat()})
                    changed += 1
            return changed

        return self._write(op)
