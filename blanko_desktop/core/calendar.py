"""Working-time calendar: office hours minus holidays and closures, SLA due times, courier pickup days."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from blanko_desktop.core import holiday_cache

__all__ = [
    "CLOSURE_KINDS",
    "Closure",
    "OfficeHours",
    "WorkCalendar",
    "WEEKDAY_NAMES",
]

#: Indonesian weekday names, Monday first (``date.weekday()`` order).
WEEKDAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

#: The closure kinds an officer can enter: a decreed collective leave day, or the office being shut.
CLOSURE_KINDS: tuple[str, ...] = ("cuti_bersama", "closure")

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)
_US_PER_HOUR = 3_600_000_000
# A calendar with office weekdays can only lack working time for a whole year if closures cover it;
# give up after this many such years rather than searching forever.
_MAX_EMPTY_YEARS = 50
_MAX_SEARCH_DAYS = 3660


def _parse_time(value: time | str) -> time:
    if isinstance(value, time):
        return value
    return time.fromisoformat(str(value))


def _format_time(value: time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _weekday_tuple(values: Iterable[int], what: str) -> tuple[int, ...]:
    days = tuple(sorted({int(v) for v in values}))
    if not days:
        raise ValueError(f"{what}: at least one weekday is needed")
    if days[0] < 0 or days[-1] > 6:
        raise ValueError(f"{what}: weekdays are 0 (Monday) to 6 (Sunday), got {list(days)}")
    return days


def _strip_joint_prefix(name: str) -> str:
    # The library names them "Cuti Bersama Hari Raya Natal"; the reason already says "Cuti bersama: ".
    for prefix in ("Cuti Bersama ", "Cuti bersama "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@dataclass(frozen=True)
class OfficeHours:
    """When the office works: weekdays (0 = Monday), daily opening and closing time, and the time zone."""

    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(8, 0)
    end: time = time(16, 0)
    tz: str = "Asia/Jakarta"

    def __post_init__(self) -> None:
        # Normalise what settings files hand in (lists, "08:00") so equal hours compare equal.
        object.__setattr__(self, "weekdays", _weekday_tuple(self.weekdays, "office hours"))
        object.__setattr__(self, "start", _parse_time(self.start))
        object.__setattr__(self, "end", _parse_time(self.end))
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("office hours: give start and end as local times, without a time zone")
        if self.end <= self.start:
            raise ValueError(
                f"office hours: closing time {_format_time(self.end)} must be after "
                f"opening time {_format_time(self.start)}"
            )
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"office hours: unknown time zone {self.tz!r}") from exc

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)  # ZoneInfo caches instances per key

    def to_dict(self) -> dict[str, Any]:
        return {
            "weekdays": list(self.weekdays),
            "start": _format_time(self.start),
            "end": _format_time(self.end),
            "tz": self.tz,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OfficeHours:
        defaults = cls()
        return cls(
            weekdays=tuple(data.get("weekdays", defaults.weekdays)),
            start=_parse_time(data.get("start", defaults.start)),
            end=_parse_time(data.get("end", defaults.end)),
            tz=str(data.get("tz", defaults.tz)),
        )


@dataclass(frozen=True)
class Closure:
    """A day the officer marks as non-working: a *cuti bersama* day or an office closure."""

    day: date
    kind: str  # 'cuti_bersama' | 'closure'
    note: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.day, datetime):
            object.__setattr__(self, "day", self.day.date())
        elif isinstance(self.day, str):
            object.__setattr__(self, "day", date.fromisoformat(self.day))
        if self.kind not in CLOSURE_KINDS:
            raise ValueError(f"closure kind must be one of {', '.join(CLOSURE_KINDS)}, got {self.kind!r}")

    @property
    def reason(self) -> str:
        label = "Cuti bersama" if self.kind == "cuti_bersama" else "Kantor tutup"
        return f"{label}: {self.note}" if self.note else label

    def to_dict(self) -> dict[str, str]:
        return {"day": self.day.isoformat(), "kind": self.kind, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Closure:
        return cls(day=date.fromisoformat(str(data["day"])), kind=str(data["kind"]), note=str(data.get("note", "")))


@dataclass(frozen=True)
class _Year:
    """One year's working windows as epoch microseconds, with running totals for bisecting."""

    ordinals: list[int]  # working days, ascending
    opens: list[int]
    closes: list[int]
    cum_before: list[int]  # working time before each window, within the year
    cum_after: list[int]  # working time up to each window's close
    total: int = 0

    def worked_until(self, t: int) -> int:
        """Working microseconds of this year before instant ``t``."""
        i = bisect_right(self.opens, t) - 1
        if i < 0:
            return 0
        return self.cum_before[i] + min(t - self.opens[i], self.closes[i] - self.opens[i])

    def instant_at(self, worked: int) -> int:
        """The earliest instant by which ``worked`` (> 0, <= total) microseconds have elapsed."""
        j = bisect_left(self.cum_after, worked)
        return self.opens[j] + (worked - self.cum_before[j])


@lru_cache(maxsize=None)
def _language_for(country: str, kept_in: Path | None = None) -> str | None:
    # Indonesian names when the library has them, whatever the machine's locale.
    def ask() -> str | None:
        import holidays as _holidays  # imported on first use: it loads every country (0.05-0.1 s per CLI command)

        probe = _holidays.country_holidays(country)
        return "id" if "id" in getattr(probe, "supported_languages", ()) else None

    return holiday_cache.kept(kept_in, f"language|{country}", ask)


@lru_cache(maxsize=256)
def _library_days(country: str, year: int, category: str, language: str | None,
                  kept_in: Path | None = None) -> tuple[tuple[date, str], ...]:
    # Building a year's holidays costs tens of milliseconds; the calendar is rebuilt after every
    # settings change, the library's answer for a year never changes within a run.
    def ask() -> tuple[tuple[date, str], ...]:
        import holidays as _holidays

        lib = _holidays.country_holidays(country, years=year, categories=(category,), language=language)
        return tuple(sorted((d, name) for d, name in lib.items() if d.year == year))

    if language is None:  # names in the machine's locale: not kept, another process may have another locale
        return ask()
    return holiday_cache.kept(kept_in, f"days|{country}|{year}|{category}|{language}", ask,
                              encode=lambda days: [[d.isoformat(), name] for d, name in days],
                              decode=lambda rows: tuple((date.fromisoformat(d), str(name)) for d, name in rows))


class WorkCalendar:
    """Office working time: office hours minus national holidays, *cuti bersama* and office closures.

    Pure and immutable: callers pass the configuration in and build a new calendar when it changes.
    National holidays come from the ``holidays`` package ('public' category only); the library's
    'government' category (joint leave) is offered through :meth:`suggested_joint_holidays` but never
    applied on its own, because the decree may differ and the officer enters what applies.
    """

    def __init__(
        self,
        hours: OfficeHours = OfficeHours(),
        closures: Iterable[Closure] = (),
        pickup_weekdays: tuple[int, ...] = (0, 2, 4),
        country: str = "ID",
        kept_in: Path | None = None,
    ) -> None:
        """`kept_in`: a folder where the holidays library's answers are kept between processes (see
        core/holiday_cache.py); None asks the library in each process."""
        self.hours = hours
        self.country = country
        self.pickup_weekdays = _weekday_tuple(pickup_weekdays, "pickup days")
        if not set(self.pickup_weekdays) & set(hours.weekdays):
            raise ValueError("pickup days: at least one pickup day must be an office day")
        self._zone = hours.zone
        self._weekdays = frozenset(hours.weekdays)
        self._pickup_set = frozenset(self.pickup_weekdays)
        by_day: dict[date, Closure] = {}
        for closure in closures:
            by_day.setdefault(closure.day, closure)  # the first entry for a day wins
        self._closures = by_day
        self._holiday_cache: dict[int, dict[date, str]] = {}
        self._year_cache: dict[int, _Year] = {}
        self._kept_in = kept_in
        self._language = _language_for(country, kept_in)  # raises NotImplementedError for an unknown country

    def __repr__(self) -> str:
        return (
            f"WorkCalendar(hours={self.hours!r}, closures={len(self._closures)}, "
            f"pickup_weekdays={self.pickup_weekdays!r}, country={self.country!r})"
        )

    # ----------------------------------------------------------------- days

    @property
    def closures(self) -> tuple[Closure, ...]:
        return tuple(sorted(self._closures.values(), key=lambda c: c.day))

    def national_holidays(self, year: int) -> dict[date, str]:
        """The national (public) holidays of ``year``, by date, named in Indonesian. Cached per year."""
        cached = self._holiday_cache.get(year)
        if cached is None:
            cached = dict(_library_days(self.country, year, "public", self._language, self._kept_in))
            self._holiday_cache[year] = cached
        return cached

    def suggested_joint_holidays(self, year: int) -> list[Closure]:
        """The library's *cuti bersama* days for ``year`` as closures the officer may accept."""
        try:
            days = _library_days(self.country, year, "government", self._language, self._kept_in)
        except (ValueError, NotImplementedError):  # the country has no 'government' category
            return []
        return [Closure(day=d, kind="cuti_bersama", note=_strip_joint_prefix(name)) for d, name in days]

    def non_working_reason(self, d: date) -> str | None:
        """Why ``d`` is not a working day ("Sabtu", a holiday's name, "Cuti bersama: ..."), or None."""
        if isinstance(d, datetime):
            d = self._local(d).date()
        if d.weekday() not in self._weekdays:
            return WEEKDAY_NAMES[d.weekday()]
        name = self.national_holidays(d.year).get(d)
        if name is not None:
            return name
        closure = self._closures.get(d)
        if closure is not None:
            return closure.reason
        return None

    def is_working_day(self, d: date) -> bool:
        if isinstance(d, datetime):
            d = self._local(d).date()
        return (
            d.weekday() in self._weekdays
            and d not in self.national_holidays(d.year)
            and d not in self._closures
        )

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in ``[a, b)``; negative (the days in ``[b, a)``) when ``b < a`` (numpy's busday_count)."""
        if isinstance(a, datetime):
            a = self._local(a).date()
        if isinstance(b, datetime):
            b = self._local(b).date()
        if b < a:
            return -self.working_days_between(b, a)
        lo, hi = a.toordinal(), b.toordinal()
        count = 0
        for year in range(a.year, b.year + 1):
            ords = self._year(year).ordinals
            count += bisect_left(ords, hi) - bisect_left(ords, lo)
        return count

    def pickups(self, from_day: date, count: int) -> list[date]:
        """The next ``count`` courier pickup days (pickup weekdays that are working days), from ``from_day`` on."""
        if isinstance(from_day, datetime):
            from_day = self._local(from_day).date()
        found: list[date] = []
        day = from_day
        misses = 0
        while len(found) < count:
            if day.weekday() in self._pickup_set and self.is_working_day(day):
                found.append(day)
                misses = 0
            else:
                misses += 1
                if misses > _MAX_SEARCH_DAYS:
                    raise ValueError(f"no courier pickup day within {_MAX_SEARCH_DAYS} days of {day}")
            day += timedelta(days=1)
        return found

    def next_pickup(self, after: datetime) -> date:
        """The pickup a parcel packed at ``after`` goes with: the first pickup day on or after its date,
        or after the next day when it is packed after the office's closing time."""
        if isinstance(after, datetime):
            local = self._local(after)
            day = local.date()
            if local.time() >= self.hours.end:
                day += timedelta(days=1)
        else:
            day = after
        return self.pickups(day, 1)[0]

    # ---------------------------------------------------------------- clock

    def is_open(self, dt: datetime) -> bool:
        """Whether the office is open at ``dt`` (opening time included, closing time excluded)."""
        t = self._to_us(dt)
        yr = self._year(self._local(dt).year)
        i = bisect_right(yr.opens, t) - 1
        return i >= 0 and t < yr.closes[i]

    def next_opening(self, dt: datetime) -> datetime:
        """When the clock runs from ``dt`` on: ``dt`` itself while the office is open, else the next opening.

        Aware, in the office time zone; naive input is taken as office time.
        """
        t = self._to_us(dt)
        year = self._local(dt).year
        yr = self._year(year)
        i = bisect_right(yr.opens, t) - 1
        if i >= 0 and t < yr.closes[i]:
            return self._from_us(t)
        if i + 1 < len(yr.opens):
            return self._from_us(yr.opens[i + 1])
        for _ in range(_MAX_EMPTY_YEARS):
            year += 1
            yr = self._year(year)
            if yr.opens:
                return self._from_us(yr.opens[0])
        raise ValueError(f"no working time within {_MAX_EMPTY_YEARS} years after {dt}")

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The instant ``hours`` working hours after ``start`` (Zammad/Znuny-style SLA clock).

        Time outside office hours does not count, so a start after hours or on a holiday counts from the
        next opening, and a span that ends exactly at closing time ends then (Thursday 08:00 + 8 h is
        Thursday 16:00, not Friday 08:00). Naive ``start`` is taken as office time; any other zone is
        converted. The result is aware, in the office time zone. Whole days and years are skipped by
        bisecting per-year running totals, so long spans cost no more than short ones.
        """
        if hours < 0:
            raise ValueError(f"working hours to add must not be negative, got {hours}")
        amount = round(hours * _US_PER_HOUR)
        if amount == 0:
            return self.next_opening(start)
        t = self._to_us(start)
        year = self._local(start).year
        yr = self._year(year)
        target = yr.worked_until(t) + amount
        empty = 0
        while target > yr.total:
            target -= yr.total
            empty = empty + 1 if yr.total == 0 else 0
            if empty > _MAX_EMPTY_YEARS:
                raise ValueError(f"no working time within {_MAX_EMPTY_YEARS} years after {start}")
            year += 1
            yr = self._year(year)
        return self._from_us(yr.instant_at(target))

    def due_time(self, received: datetime, limit_hours: float = 8) -> datetime:
        """When a submission received at ``received`` is due: ``limit_hours`` working hours later."""
        return self.add_working_hours(received, limit_hours)

    def working_seconds_between(self, a: datetime, b: datetime) -> float:
        """Working seconds from ``a`` to ``b`` on the office clock; negative when ``b`` is before ``a``."""
        ta, tb = self._to_us(a), self._to_us(b)
        if tb < ta:
            return -self.working_seconds_between(b, a)
        ya, yb = self._local(a).year, self._local(b).year
        if ya == yb:
            yr = self._year(ya)
            worked = yr.worked_until(tb) - yr.worked_until(ta)
        else:
            first = self._year(ya)
            worked = first.total - first.worked_until(ta)
            worked += sum(self._year(y).total for y in range(ya + 1, yb))
            worked += self._year(yb).worked_until(tb)
        return worked / 1_000_000

    # ------------------------------------------------------------- internals

    def _local(self, dt: datetime) -> datetime:
        if dt.tzinfo is None:
            return dt.replace(tzinfo=self._zone)
        return dt.astimezone(self._zone)

    def _to_us(self, dt: datetime) -> int:
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=self._zone)
        return (dt - _EPOCH) // _US

    def _from_us(self, us: int) -> datetime:
        return (_EPOCH + timedelta(microseconds=us)).astimezone(self._zone)

    def _year(self, year: int) -> _Year:
        cached = self._year_cache.get(year)
        if cached is not None:
            return cached
        zone, start, end = self._zone, self.hours.start, self.hours.end
        ordinals: list[int] = []
        opens: list[int] = []
        closes: list[int] = []
        cum_before: list[int] = []
        cum_after: list[int] = []
        total = 0
        day = date(year, 1, 1)
        one = timedelta(days=1)
        while day.year == year:
            if self.is_working_day(day):
                # Through UTC, so a daylight-saving change inside office hours (custom zones) counts right.
                o = (datetime.combine(day, start, tzinfo=zone) - _EPOCH) // _US
                c = (datetime.combine(day, end, tzinfo=zone) - _EPOCH) // _US
                if c > o:
                    ordinals.append(day.toordinal())
                    opens.append(o)
                    closes.append(c)
                    cum_before.append(total)
                    total += c - o
                    cum_after.append(total)
            if day == date.max:
                break
            day += one
        built = _Year(ordinals, opens, closes, cum_before, cum_after, total)
        self._year_cache[year] = built
        return built
