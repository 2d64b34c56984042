"""Shared settings and the working calendar they make: office hours, pickup days, closures."""

from __future__ import annotations

from datetime import date
from typing import Any

from blanko_desktop.core.calendar import Closure as CalendarClosure
from blanko_desktop.core.calendar import OfficeHours, WorkCalendar
from blanko_desktop.core.due_times import (
    CALENDAR_SETTINGS,
    SETTING_DEFAULTS,
    setting_value,
    shared_calendar,
    stale_due_times,
)
from blanko_desktop.core.errors import ConflictError, NotFoundError, RuleError
from blanko_desktop.core.models import Closure, Request, Setting
from blanko_desktop.core.services.base import ServiceBase

__all__ = ["SETTING_DEFAULTS", "SettingsService"]


class SettingsService(ServiceBase):
    """Settings shared by every workstation on this database, and the calendar built from them."""

    def setting(self, key: str) -> Any:
        return setting_value(key)

    def setting_version(self, key: str) -> int | None:
        row = Setting.get_or_none(Setting.key == key)
        return row.version if row else None

    def set_setting(self, key: str, value: Any, expected_version: int | None = None) -> None:
        """Store a shared setting; refused if a colleague changed it since `expected_version`, or when the value
        breaks its rule (core/shared_settings.py for the serial format, stock warning, receipt reminder, courier)."""
        # lazily: the shared rules read the stock and shipping modules, which import these services
        from blanko_desktop.core import shared_settings

        try:  # the calendar validates hours and pickup days and says why it refuses
            if key == "office_hours":
                OfficeHours.from_dict(value)
            if key == "pickup_weekdays":
                WorkCalendar(OfficeHours.from_dict(self.setting("office_hours")), (), tuple(value))
        except (ValueError, TypeError) as exc:
            raise RuleError(f"Pengaturan '{key}' tidak valid: {exc}") from exc

        def op():
            nonlocal value
            if key in shared_settings.KEYS:
                # inside the write lock: the serials on record a new format is weighed against cannot change
                # between the check and the commit
                value = shared_settings.checked(self, key, value)
            row = Setting.get_or_none(Setting.key == key)
            if row is not None:
                before = row.value
            elif key in shared_settings.KEYS:  # the value in force until now: the default its capability reads
                before = shared_settings.BY_KEY[key].default
            else:
                before = SETTING_DEFAULTS.get(key)
            if row is None:
                if expected_version not in (None, 0):
                    raise ConflictError(f"Pengaturan '{key}'", None, None)
                Setting.create(key=key, value=value, updated_by=self.actor.label)
            else:
                self._bump(row, expected_version, f"Pengaturan '{key}'", {"value": value})
            self._audit("setting.change", "setting", key, before, value)
            if key in CALENDAR_SETTINGS:  # due times follow in the same transaction, never half-applied
                self._recompute_in_transaction()

        self._write_calendar(op)

    def calendar(self) -> WorkCalendar:
        """The working calendar from the shared settings and closures (cached until they change)."""
        if self._calendar is None:
            self._calendar = shared_calendar()
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
            self._recompute_in_transaction()
            return row

        return self._write_calendar(op)

    def remove_closure(self, day: date) -> None:
        def op():
            row = Closure.get_or_none(Closure.day == day)
            if row is None:
                raise NotFoundError(f"Tanggal {day.isoformat()} tidak ada dalam daftar libur/tutup.")
            before = {"day": day.isoformat(), "kind": row.kind, "note": row.note}
            row.delete_instance()
            self._audit("closure.remove", "closure", day.isoformat(), before, None)
            self._recompute_in_transaction()

        self._write_calendar(op)

    def recompute_due_times(self) -> int:
        """Due times of requests whose clock runs, after the calendar changed; each change is in the
        request's history."""
        return self._write_calendar(self._recompute_in_transaction)

    def _write_calendar(self, op):
        """A write that changes the calendar: the cache is dropped whether it commits or rolls back."""
        self._calendar = None
        try:
            return self._write(op)
        finally:
            self._calendar = None

    def _recompute_in_transaction(self) -> int:
        """Bring every running clock's due time in line with the calendar as this transaction sees it
        (a calendar change and its due times commit together: a kill between them cannot leave them stale)."""
        changed = 0
        for req, due in stale_due_times(shared_calendar()):
            Request.update(due_at=due).where(Request.id == req.id).execute()
            self._audit("request.due_recomputed", "request", req.id,
                        {"due_at": req.due_at.isoformat() if req.due_at else None},
                        {"due_at": due.isoformat()})
            changed += 1
        return changed
