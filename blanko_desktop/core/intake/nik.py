"""NIK (Indonesian national ID number) reading and plausibility: 16 digits, province code, birth date DDMMYY."""

import re
from dataclasses import dataclass
from datetime import date

from blanko_desktop.core.intake.findings import Severity

NIK_LENGTH = 16
# Excel keeps 15 significant digits and a float 53 bits: beyond 2**53 a number cannot hold every 16-digit NIK.
_FLOAT_EXACT_LIMIT = 2**53
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_TRAILING_ZERO_DECIMALS = re.compile(r"^(\d+)\.0+$")
# Separators people type inside a NIK; an apostrophe is Excel's "this is text" prefix surviving a CSV export.
_NIK_SEPARATORS = re.compile("[\\s\u00a0'\u2019`\\-]")
# The century is unknown, so 29 February is allowed in any year.
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class NikCheck:
    """Outcome of check_nik: the digits kept (for duplicate checks) and what is wrong, if anything."""

    nik: str | None
    problem: str | None
    severity: Severity = "error"


@dataclass(frozen=True)
class NikBirth:
    """Birth day, month, two-digit year and sex encoded in a NIK."""

    day: int
    month: int
    year2: int
    female: bool


def check_nik(value: object) -> NikCheck:
    """Read a NIK cell (text or number) and say what, if anything, keeps it from being a NIK."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NikCheck(None, "NIK kosong")
    if isinstance(value, bool):
        return NikCheck(None, f'NIK "{value}" bukan angka')
    if isinstance(value, (int, float)):
        return _check_number(value)
    text = str(value).strip()
    if text.isdigit() and text.isascii():  # as most lists write it: none of the repairs below applies
        return _check_digits(text)
    if _SCIENTIFIC.match(text):
        return NikCheck(
            None, f'NIK "{text}" tertulis dalam notasi ilmiah; digit NIK sudah hilang, ketik ulang sebagai teks'
        )
    decimals = _TRAILING_ZERO_DECIMALS.match(text)
    digits = decimals.group(1) if decimals else _NIK_SEPARATORS.sub("", text)
    if not digits.isdecimal() or not digits.isascii():
        return NikCheck(None, f'NIK "{text}" mengandung karakter selain angka')
    return _check_digits(digits)


def _check_number(value: int | float) -> NikCheck:
    if isinstance(value, float) and not value.is_integer():
        return NikCheck(None, f"NIK {value!r} bukan bilangan bulat")
    digits = str(int(value))
    if abs(value) >= _FLOAT_EXACT_LIMIT:
        return NikCheck(
            digits, f"NIK {digits} tersimpan sebagai angka sehingga digit terakhirnya hilang; ketik NIK sebagai teks"
        )
    check = _check_digits(digits)
    if check.problem:
        return NikCheck(digits, f"{check.problem}; NIK tersimpan sebagai angka, ketik sebagai teks")
    return NikCheck(
        digits,
        f"NIK {digits} tersimpan sebagai angka, bukan teks; "
        "Excel membulatkan angka ke 15 digit, pastikan digit terakhir benar",
        "warning",
    )


def _check_digits(digits: str) -> NikCheck:
    if len(digits) != NIK_LENGTH:
        return NikCheck(digits, f'NIK "{digits}" bukan {NIK_LENGTH} digit ({len(digits)} digit)')
    if int(digits[:2]) < 11:
        return NikCheck(digits, f'NIK "{digits}" tidak wajar: kode provinsi {digits[:2]} tidak ada')
    if nik_birth(digits) is None:
        return NikCheck(
            digits, f'NIK "{digits}" tidak wajar: bagian tanggal lahir {digits[6:12]} bukan tanggal (DDMMYY)'
        )
    return NikCheck(digits, None)


def nik_birth(nik: str) -> NikBirth | None:
    """Decode DDMMYY (day + 40 for women) from a 16-digit NIK; None when it is not a possible date."""
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > 40
    if female:
        day -= 40
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month]:
        return None
    return NikBirth(day, month, year2, female)


def birth_date_matches(birth: NikBirth, born: date) -> bool:
    """True when the birth date decoded from a NIK is the given date (two-digit year compared)."""
    return (birth.day, birth.month, birth.year2) == (born.day, born.month, born.year % 100)
