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


_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def terbilang(n: int) -> str:
    """A whole number in Indonesian words: 37 -> 'tiga puluh tujuh'; the words num2words gives (tested)."""
    if isinstance(n, bool) or int(n) != n:
        raise ValueError(f"terbilang needs a whole number, got {n!r}")
    n = int(n)
    if not 0 <= n < 10**15:  # what a letter or a form never says: num2words knows the rest
        from num2words import num2words

        return num2words(n, lang="id")
    if n == 0:
        return "nol"
    # our own words: intake checks every letter's "terbilang", and importing num2words (every language it
    # knows) cost ~20-30 ms of each `blanko intake`
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count == 1 and scale == 1000 and not words:  # "seribu", but "satu juta satu ribu" (as num2words)
            words.append("seribu")
        elif count:
            words += [*_below_thousand(count), name]
    words += _below_thousand(n)
    return " ".join(words)


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [] if not hundreds else ["seratus"] if hundreds == 1 else [_ONES[hundreds], "ratus"]
    tens, ones = divmod(rest, 10)
    if tens == 1:
        words += ["sepuluh"] if ones == 0 else ["sebelas"] if ones == 1 else [_ONES[ones], "belas"]
    else:
        if tens:
            words += [_ONES[tens], "puluh"]
        if ones:
            words.append(_ONES[ones])
    return words


def roman_month(month: int) -> str:
    """The Roman numeral of a month (1-12), as used in Indonesian letter numbers."""
    return ROMAN_MONTHS[month - 1]
