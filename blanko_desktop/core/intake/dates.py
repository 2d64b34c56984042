"""Dates as Indonesian documents and spreadsheets write them: real date cells, Excel serials, or text."""

import re
from datetime import date, datetime, timedelta

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDY = re.compile(rf"\b(\d{{1,2}})[\s\-.]*({_MONTH_WORDS})\.?[\s\-.,]*(\d{{4}}|\d{{2}})\b", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
# Excel's 1900 date system counts from 30 December 1899 (it keeps Lotus's phantom 29 February 1900).
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2958465)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years in these documents are birth or event years: 30..99 -> 19xx, else 20xx.
        year += 1900 if year >= 30 else 2000
    return year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_text(text: str) -> date | None:
    """The first date in text: '14 November 2026', '14 Nop 2026', '29-11-1976', '1976-11-29', '29/11/76'."""
    match = _WORDY.search(text)
    if match:
        return _make(_year(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    match = _YMD.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DMY.search(text)
    if match:
        return _make(_year(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def cell_date(value: object) -> date | None:
    """A spreadsheet cell read as a date: date cell, Excel serial number, or date text; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    if isinstance(value, str):
        return parse_date_text(value)
    return None
