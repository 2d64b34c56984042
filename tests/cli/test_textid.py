"""Indonesian dates and numbers in words (core.textid), as the CLI and the printed forms show them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from blanko_desktop.core.textid import format_date_id, format_datetime_id, roman_month, terbilang


@pytest.mark.parametrize("day, text", [
    (date(2018, 3, 20), "20 Maret 2018"),
    (date(2026, 1, 1), "1 Januari 2026"),
    (date(2026, 2, 16), "16 Februari 2026"),
    (date(2026, 5, 14), "14 Mei 2026"),
    (date(2026, 8, 17), "17 Agustus 2026"),
    (date(2026, 12, 28), "28 Desember 2026"),
])
def test_format_date_id(day, text):
    assert format_date_id(day) == text


@pytest.mark.parametrize("day, name", [
    (date(2026, 12, 28), "Senin"), (date(2026, 12, 29), "Selasa"), (date(2026, 12, 30), "Rabu"),
    (date(2026, 12, 31), "Kamis"), (date(2027, 1, 1), "Jumat"), (date(2027, 1, 2), "Sabtu"),
    (date(2027, 1, 3), "Minggu"),
])
def test_weekday_names(day, name):
    assert format_date_id(day, weekday=True).startswith(f"{name}, ")


def test_format_datetime_id_in_its_own_zone():
    moment = datetime(2026, 12, 28, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert format_datetime_id(moment) == "Senin, 28 Desember 2026 10:00"
    assert format_datetime_id(moment, weekday=False) == "28 Desember 2026 10:00"


@pytest.mark.parametrize("n, words", [
    (0, "nol"), (1, "satu"), (11, "sebelas"), (37, "tiga puluh tujuh"), (100, "seratus"),
    (1250, "seribu dua ratus lima puluh"),
])
def test_terbilang(n, words):
    assert terbilang(n) == words


def test_terbilang_says_what_num2words_says():
    """Our own words (num2words' import was a cost of every intake) are num2words' words, whatever the number."""
    import random

    from num2words import num2words

    rng = random.Random(2026)
    numbers = [*range(0, 25_000), *range(99_000, 102_000), *range(999_000, 1_002_100), 1_001_001_001,
               1_000_000_001_000, 10**15 - 1, 10**15, 10**18, -1, -1250]
    numbers += [rng.randrange(10**digits) for digits in range(1, 16) for _ in range(2_000)]
    assert [n for n in numbers if terbilang(n) != num2words(n, lang="id")] == []


def test_terbilang_refuses_fractions():
    with pytest.raises(ValueError):
        terbilang(2.5)


def test_roman_month():
    assert [roman_month(m) for m in (1, 4, 9, 11, 12)] == ["I", "IV", "IX", "XI", "XII"]
