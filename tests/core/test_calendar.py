"""Tests for the working-time calendar: SLA due times, reasons, pickups, and clock invariants."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blanko_desktop.core.calendar import Closure, OfficeHours, WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")
CAL = WorkCalendar()

# 2026-11-09 is a Monday; November 2026 has no Indonesian national holiday.
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 11, 9) + timedelta(days=i) for i in range(7))


def wib(d: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(d, time(hh, mm), tzinfo=WIB)


def iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


# ------------------------------------------------------------------ due times

MON_THU_0730 = OfficeHours(weekdays=(0, 1, 2, 3), start=time(7, 30), end=time(15, 30))


@pytest.mark.parametrize(
    "calendar, received, due",
    [
        pytest.param(
            CAL, iso("2026-12-24T10:00+07:00"), iso("2026-12-28T10:00+07:00"), id="christmas-friday-and-weekend"
        ),
        pytest.param(CAL, wib(THU, 10), wib(FRI, 10), id="thursday-to-friday"),
        pytest.param(CAL, wib(THU, 8), wib(THU, 16), id="at-opening-ends-at-closing"),
        pytest.param(CAL, wib(THU, 17, 30), wib(FRI, 16), id="after-hours"),
        pytest.param(CAL, wib(THU, 16), wib(FRI, 16), id="exactly-at-closing"),
        pytest.param(CAL, wib(WED, 6), wib(WED, 16), id="before-opening"),
        pytest.param(CAL, wib(SAT, 11), wib(MON + timedelta(days=7), 16), id="saturday"),
        pytest.param(CAL, wib(SUN, 23, 59), wib(MON + timedelta(days=7), 16), id="sunday-night"),
        pytest.param(CAL, iso("2026-12-25T09:00+07:00"), iso("2026-12-28T16:00+07:00"), id="on-a-holiday"),
        pytest.param(CAL, iso("2026-12-31T12:00+07:00"), iso("2027-01-04T12:00+07:00"), id="over-new-year"),
        pytest.param(
            WorkCalendar(closures=[Closure(FRI, "cuti_bersama", "Cuti contoh")]),
            wib(THU, 10),
            wib(MON + timedelta(days=7), 10),
            id="cuti-bersama-shifts",
        ),
        pytest.param(
            WorkCalendar(closures=[Closure(FRI, "closure", "Pindahan kantor")]),
            wib(THU, 10),
            wib(MON + timedelta(days=7), 10),
            id="office-closure-shifts",
        ),
        pytest.param(CAL, datetime(2026, 11, 12, 3, 0, tzinfo=timezone.utc), wib(FRI, 10), id="utc-input"),
        pytest.param(CAL, datetime(2026, 11, 12, 10, 0), wib(FRI, 10), id="naive-input-is-office-time"),
        pytest.param(
            CAL,
            datetime(2026, 11, 12, 4, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),  # 10:00 WIB
            wib(FRI, 10),
            id="other-zone-input",
        ),
        # Thursday 10:00-15:30 is 5.5 h; Friday is off; Monday 07:30 + 2.5 h.
        pytest.param(WorkCalendar(MON_THU_0730), wib(THU, 10), wib(MON + timedelta(days=7), 10), id="custom-hours"),
    ],
)
def test_due_time(calendar: WorkCalendar, received: datetime, due: datetime) -> None:
    result = calendar.due_time(received)
    assert result == due
    assert result.tzinfo == ZoneInfo(calendar.hours.tz)
    assert result.utcoffset() == due.utcoffset()


@pytest.mark.parametrize(
    "start, hours, expected",
    [
        (wib(THU, 10), 0.5, wib(THU, 10, 30)),
        (wib(THU, 10), 6, wib(THU, 16)),
        (wib(THU, 10), 6.25, wib(FRI, 8, 15)),
        (wib(MON, 8), 40, wib(FRI, 16)),
        (wib(MON, 8), 40.5, wib(MON + timedelta(days=7), 8, 30)),
        (wib(THU, 10), 0, wib(THU, 10)),
        (wib(THU, 18), 0, wib(FRI, 8)),
    ],
)
def test_add_working_hours(start: datetime, hours: float, expected: datetime) -> None:
    assert CAL.add_working_hours(start, hours) == expected


def test_due_time_default_limit_is_eight_working_hours() -> None:
    assert CAL.due_time(wib(THU, 10)) == CAL.add_working_hours(wib(THU, 10), 8)
    assert CAL.due_time(wib(THU, 10), limit_hours=16) == wib(MON + timedelta(days=7), 10)


def test_large_span_skips_years() -> None:
    # 2026 has 248 working days of 8 h in this calendar; ten years of hours land where the clock says.
    start = wib(MON, 9)
    hours = 8 * 2500.25
    end = CAL.add_working_hours(start, hours)
    assert end.year >= 2036
    assert CAL.working_seconds_between(start, end) == pytest.approx(hours * 3600)


def test_negative_hours_are_refused() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        CAL.add_working_hours(wib(THU, 10), -1)


def test_daylight_saving_change_inside_office_hours() -> None:
    # Europe/Berlin skips 02:00-03:00 on 2026-03-29 (a Sunday): that day's 01:00-04:00 window is 2 real hours.
    every_day = tuple(range(7))
    night = WorkCalendar(OfficeHours(every_day, start=time(1), end=time(4), tz="Europe/Berlin"), country="DE")
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 29, 1, 0, tzinfo=berlin)
    assert night.add_working_hours(start, 2) == datetime(2026, 3, 29, 4, 0, tzinfo=berlin)
    assert night.working_seconds_between(start, datetime(2026, 3, 30, 1, tzinfo=berlin)) == 2 * 3600


# ---------------------------------------------------------------- next opening


@pytest.mark.parametrize(
    "when, opening",
    [
        (wib(THU, 10), wib(THU, 10)),
        (wib(THU, 8), wib(THU, 8)),
        (wib(THU, 16), wib(FRI, 8)),
        (wib(THU, 17, 30), wib(FRI, 8)),
        (wib(WED, 6), wib(WED, 8)),
        (wib(SAT, 12), wib(MON + timedelta(days=7), 8)),
        (iso("2026-12-24T17:00+07:00"), iso("2026-12-28T08:00+07:00")),
        (iso("2026-12-31T16:30+07:00"), iso("2027-01-04T08:00+07:00")),
        (datetime(2026, 11, 12, 12, 0, tzinfo=timezone.utc), wib(FRI, 8)),  # 19:00 WIB
    ],
)
def test_next_opening(when: datetime, opening: datetime) -> None:
    result = CAL.next_opening(when)
    assert result == opening
    assert result.tzinfo == WIB


@pytest.mark.parametrize(
    "when, is_open",
    [(wib(THU, 8), True), (wib(THU, 15, 59), True), (wib(THU, 16), False), (wib(SAT, 10), False)],
)
def test_is_open(when: datetime, is_open: bool) -> None:
    assert CAL.is_open(when) is is_open


# ------------------------------------------------------------ days and reasons

CLOSED = WorkCalendar(
    closures=[
        Closure(date(2026, 12, 24), "cuti_bersama", "Hari Raya Natal"),
        Closure(date(2026, 11, 11), "closure", "Pindahan kantor"),
        Closure(date(2026, 11, 10), "closure"),
    ]
)


@pytest.mark.parametrize(
    "calendar, day, reason",
    [
        (CAL, THU, None),
        (CAL, SAT, "Sabtu"),
        (CAL, SUN, "Minggu"),
        (CAL, date(2026, 12, 25), "Hari Raya Natal"),
        (CAL, date(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia"),
        (CAL, date(2026, 12, 24), None),  # library's joint holiday is only a suggestion
        (CLOSED, date(2026, 12, 24), "Cuti bersama: Hari Raya Natal"),
        (CLOSED, WED, "Kantor tutup: Pindahan kantor"),
        (CLOSED, TUE, "Kantor tutup"),
        (WorkCalendar(MON_THU_0730), FRI, "Jumat"),
    ],
)
def test_non_working_reason(calendar: WorkCalendar, day: date, reason: str | None) -> None:
    assert calendar.non_working_reason(day) == reason
    assert calendar.is_working_day(day) is (reason is None)


@pytest.mark.parametrize(
    "a, b, count",
    [
        (date(2026, 12, 21), date(2026, 12, 28), 4),  # 21-24; 25 is Christmas
        (date(2026, 12, 28), date(2026, 12, 21), -4),
        (THU, THU, 0),
        (THU, FRI, 1),
        (SAT, MON + timedelta(days=7), 0),
        (date(2026, 12, 28), date(2027, 1, 5), 5),  # 28-31 Dec, 4 Jan; 1 Jan is a holiday
    ],
)
def test_working_days_between(a: date, b: date, count: int) -> None:
    assert CAL.working_days_between(a, b) == count


@pytest.mark.parametrize(
    "a, b, seconds",
    [
        (wib(THU, 10), wib(FRI, 10), 8 * 3600),
        (wib(FRI, 10), wib(THU, 10), -8 * 3600),
        (wib(THU, 17), wib(FRI, 7), 0),
        (iso("2026-12-24T10:00+07:00"), iso("2026-12-28T10:00+07:00"), 8 * 3600),
        (iso("2026-12-31T15:00+07:00"), iso("2027-01-04T09:00+07:00"), 2 * 3600),
        (datetime(2026, 11, 12, 10, 0), datetime(2026, 11, 12, 3, 30, tzinfo=timezone.utc), 30 * 60),
    ],
)
def test_working_seconds_between(a: datetime, b: datetime, seconds: float) -> None:
    assert CAL.working_seconds_between(a, b) == seconds


# --------------------------------------------------------------------- pickups


@pytest.mark.parametrize(
    "calendar, from_day, count, expected",
    [
        (
            CAL,
            date(2026, 12, 21),
            4,
            [date(2026, 12, 21), date(2026, 12, 23), date(2026, 12, 28), date(2026, 12, 30)],
        ),
        (CAL, TUE, 2, [WED, FRI]),
        (CAL, SAT, 1, [MON + timedelta(days=7)]),
        (CAL, MON, 0, []),
        (
            WorkCalendar(pickup_weekdays=(1, 3)),
            date(2026, 12, 21),
            3,
            [date(2026, 12, 22), date(2026, 12, 24), date(2026, 12, 29)],
        ),
        (CLOSED, date(2026, 11, 9), 2, [MON, FRI]),  # Wednesday the office is closed
    ],
)
def test_pickups(calendar: WorkCalendar, from_day: date, count: int, expected: list[date]) -> None:
    assert calendar.pickups(from_day, count) == expected


@pytest.mark.parametrize(
    "packed, pickup",
    [
        (wib(MON, 10), MON),
        (wib(MON, 15, 59), MON),
        (wib(MON, 16, 30), WED),
        (wib(TUE, 9), WED),
        (wib(SAT, 9), MON + timedelta(days=7)),
        (iso("2026-12-24T10:00+07:00"), date(2026, 12, 28)),  # Friday 25th is Christmas
        (datetime(2026, 11, 9, 10, 0), MON),  # naive: office time
        (datetime(2026, 11, 9, 10, 0, tzinfo=timezone.utc), WED),  # 17:00 WIB, after closing
    ],
)
def test_next_pickup(packed: datetime, pickup: date) -> None:
    assert CAL.next_pickup(packed) == pickup


# -------------------------------------------------------- holidays and settings


def test_joint_holidays_are_suggestions_only() -> None:
    suggestions = CAL.suggested_joint_holidays(2026)
    assert Closure(date(2026, 12, 24), "cuti_bersama", "Hari Raya Natal") in suggestions
    assert all(s.kind == "cuti_bersama" and s.day.year == 2026 for s in suggestions)
    assert CAL.is_working_day(date(2026, 12, 24))
    accepted = WorkCalendar(closures=suggestions)
    assert not accepted.is_working_day(date(2026, 12, 24))
    assert accepted.due_time(iso("2026-12-23T10:00+07:00")) == iso("2026-12-28T10:00+07:00")


def test_no_joint_holidays_for_a_country_without_them() -> None:
    assert WorkCalendar(country="DE").suggested_joint_holidays(2026) == []


def test_national_holidays_are_public_only_and_cached() -> None:
    days = CAL.national_holidays(2026)
    assert days[date(2026, 12, 25)] == "Hari Raya Natal"
    assert date(2026, 12, 24) not in days
    assert CAL.national_holidays(2026) is days


def test_office_hours_round_trip_through_json() -> None:
    hours = OfficeHours(weekdays=(3, 0, 1, 2), start=time(7, 30), end=time(15, 30), tz="Asia/Makassar")
    data = json.loads(json.dumps(hours.to_dict()))
    assert data == {"weekdays": [0, 1, 2, 3], "start": "07:30", "end": "15:30", "tz": "Asia/Makassar"}
    assert OfficeHours.from_dict(data) == hours
    assert OfficeHours.to_dict(OfficeHours()) == {
        "weekdays": [0, 1, 2, 3, 4],
        "start": "08:00",
        "end": "16:00",
        "tz": "Asia/Jakarta",
    }
    assert OfficeHours.from_dict({}) == OfficeHours()


def test_closure_round_trip() -> None:
    closure = Closure(date(2026, 12, 24), "cuti_bersama", "Hari Raya Natal")
    assert Closure.from_dict(json.loads(json.dumps(closure.to_dict()))) == closure


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: OfficeHours(start=time(16), end=time(8)), "closing time 08:00 must be after opening time 16:00"),
        (lambda: OfficeHours(weekdays=()), "at least one weekday"),
        (lambda: OfficeHours(weekdays=(0, 7)), "weekdays are 0"),
        (lambda: OfficeHours(tz="Asia/Nowhere"), "unknown time zone"),
        (lambda: Closure(date(2026, 1, 2), "libur"), "closure kind must be one of"),
        (lambda: WorkCalendar(pickup_weekdays=(5, 6)), "at least one pickup day must be an office day"),
        (lambda: WorkCalendar(pickup_weekdays=()), "at least one weekday"),
    ],
)
def test_invalid_configuration_is_refused(build, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()


def test_module_imports_no_qt_and_no_database() -> None:
    code = (
        "import sys, blanko_desktop.core.calendar; "
        "bad = [m for m in ('PySide6', 'PyQt5', 'PyQt6', 'peewee', 'sqlite3') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# ----------------------------------------------------------------- properties

CALENDARS = [
    CAL,
    WorkCalendar(MON_THU_0730, closures=[Closure(date(2027, 3, 1), "closure", "Audit")]),
    # Daylight saving inside office hours on the change days.
    WorkCalendar(OfficeHours(tuple(range(7)), start=time(1, 30), end=time(4), tz="Europe/Berlin"), country="DE"),
]
ZONES = [WIB, timezone.utc, ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), None]

instants = st.builds(
    lambda naive, zone: naive if zone is None else naive.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31)),
    st.sampled_from(ZONES),
)
# Whole seconds, so x + y in float hours rounds to the same microsecond as x and y apart.
spans = st.integers(min_value=1, max_value=3000 * 3600).map(lambda s: s / 3600)
calendars = st.sampled_from(CALENDARS)


@settings(deadline=None, max_examples=300)
@given(calendars, instants, spans)
def test_due_is_after_received_and_inside_office_hours(
    calendar: WorkCalendar, start: datetime, hours: float
) -> None:
    due = calendar.add_working_hours(start, hours)
    received = start if start.tzinfo else start.replace(tzinfo=ZoneInfo(calendar.hours.tz))
    assert due > received
    assert due.tzinfo == ZoneInfo(calendar.hours.tz)
    assert calendar.is_working_day(due.date())
    assert calendar.hours.start <= due.time() <= calendar.hours.end


@settings(deadline=None, max_examples=300)
@given(calendars, instants, spans, spans)
def test_adding_hours_is_additive(calendar: WorkCalendar, start: datetime, x: float, y: float) -> None:
    stepwise = calendar.add_working_hours(calendar.add_working_hours(start, x), y)
    assert calendar.add_working_hours(start, x + y) == stepwise


@settings(deadline=None, max_examples=300)
@given(calendars, instants, spans)
def test_elapsed_working_time_matches_added_hours(calendar: WorkCalendar, start: datetime, hours: float) -> None:
    inside = calendar.next_opening(start)  # a moment inside office hours
    assert calendar.is_open(inside)
    assert calendar.working_seconds_between(inside, calendar.add_working_hours(inside, hours)) == pytest.approx(
        hours * 3600, abs=1e-6
    )
    assert calendar.working_seconds_between(start, calendar.add_working_hours(start, hours)) == pytest.approx(
        hours * 3600, abs=1e-6
    )


@settings(deadline=None, max_examples=200)
@given(calendars, instants, instants)
def test_working_seconds_are_antisymmetric(calendar: WorkCalendar, a: datetime, b: datetime) -> None:
    assert calendar.working_seconds_between(a, b) == -calendar.working_seconds_between(b, a)


@settings(deadline=None, max_examples=200)
@given(calendars, st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)), st.integers(1, 12))
def test_pickups_are_working_pickup_days_in_order(calendar: WorkCalendar, day: date, count: int) -> None:
    found = calendar.pickups(day, count)
    assert len(found) == count
    assert found == sorted(set(found))
    assert found[0] >= day
    assert all(calendar.is_working_day(d) and d.weekday() in calendar.pickup_weekdays for d in found)


# ------------------------------------------------------------ many years at once


def test_hundred_thousand_due_times_over_seven_years_are_consistent() -> None:
    """Every arrival over ~7 years (each year's tables built on the way) is due exactly 8 working hours
    later, and a later arrival is never due earlier. How fast: benchmarks/bench_calendar.py."""
    calendar = WorkCalendar()
    base = datetime(2026, 1, 1, tzinfo=WIB)
    received = [base + timedelta(minutes=37 * i) for i in range(100_000)]
    due = [calendar.due_time(r) for r in received]
    assert all(a <= b for a, b in zip(due, due[1:]))
    assert {calendar.working_seconds_between(r, d) for r, d in zip(received, due)} == {8 * 3600.0}
