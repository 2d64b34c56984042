"""What the commands print: JSON or lines, tables, times on the office clock, Indonesian short dates."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from blanko_desktop.core.services import Services

MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return str(value)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=json_default)


def emit(as_json: bool, data: Any, lines: Sequence[str] | str = ()) -> None:
    """Print `data` as JSON in --json mode, else the human `lines`."""
    if as_json:
        print(dumps(data))
    else:
        print(lines if isinstance(lines, str) else "\n".join(lines))


def office_zone(services: "Services") -> ZoneInfo:
    """The office time zone from the settings, without building the calendar (the holidays library
    loads every country's module: 0.2 s that list/show/transition do not need)."""
    from blanko_desktop.core.calendar import OfficeHours

    return OfficeHours.from_dict(services.setting("office_hours")).zone


def local(zone: ZoneInfo, moment: datetime | None) -> datetime | None:
    return moment.astimezone(zone) if moment else None


def short(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def short_date_id(moment: datetime) -> str:
    """'14 Nov 2026' (Indonesian month abbreviations, locale-free)."""
    return f"{moment.day} {MONTHS_SHORT[moment.month - 1]} {moment.year}"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*headers).rstrip()] + [fmt.format(*r).rstrip() for r in cells]


def deadline_flags(zone: ZoneInfo, due: datetime | None, running: bool, now: datetime) -> tuple[bool, bool]:
    """(overdue, due later today) on the office clock."""
    if not running or due is None:
        return False, False
    if due < now:
        return True, False
    return False, due.astimezone(zone).date() == now.astimezone(zone).date()
