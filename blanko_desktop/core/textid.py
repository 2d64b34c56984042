"""Indonesian wording of dates and numbers ("Senin, 28 Desember 2026", "tiga puluh tujuh"), locale-free."""

from __future__ import annotations

from datetime import date, datetime

#: Month names, January first.
MONTHS_ID: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
#: Day names, Monday first (``date.weekday()`` order).
DAYS_ID: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
#: Roman month numerals, as in letter numbers ("045/LSP-TKN/XI/2026").
ROMAN_MONTHS: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def format_date_id(d: date, weekday: bool = False) -> str:
    """'20 Maret 2018'; with ``weekday``: 'Selasa, 20 Maret 2018'. Not affected by the machine's locale."""
    if isinstance(d, datetime):
        d = d.date()
    text = f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"
    return f"{DAYS_ID[d.weekday()]}, {text}" if weekday else text


def format_datetime_id(dt: datetime, weekday: bool = True) -> str:
    """'Senin, 28 Desember 2026 10:00' in the datetime's own zone (convert it to office time first)."""
    return f"{format_date_id(dt.date(), weekday)} {dt:%H:%M}"


def terbilang(n: int) -> str:
    """A whole number in Indonesian words: 37 -> 'tiga puluh tujuh'."""
    if isinstance(n, bool) or int(n) != n:
        raise ValueError(f"terbilang needs a whole number, got {n!r}")
    from num2words import num2words  # on first use: its import costs ~20 ms of every `blanko` command

    return num2words(int(n), lang="id")


def roman_month(month: int) -> str:
    """The Roman numeral of a month (1-12), as used in Indonesian letter numbers."""
    return ROMAN_MONTHS[month - 1]
