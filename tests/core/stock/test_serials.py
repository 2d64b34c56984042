"""Serial numbers: the configured format, what officers type and scanners send, and range arithmetic."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.stock.serials import SerialFormat, SerialRange, merge, subtract, total

FMT = SerialFormat("KB", 7)


@pytest.mark.parametrize("typed, number", [
    ("KB 0012345", 12345), ("kb0012345", 12345), ("KB-0012345", 12345), ("  kb - 0012345 ", 12345),
    ("12345", 12345), ("0000001", 1), ("KB 12345", 12345),
])
def test_one_serial_is_read_however_it_is_typed_or_scanned(typed, number):
    assert FMT.parse(typed) == number


@pytest.mark.parametrize("typed, first, last", [
    ("KB 0000001 - KB 0000100", 1, 100), ("KB0000001-KB0000100", 1, 100), ("kb-0000001-kb-0000100", 1, 100),
    ("KB 0000001 s/d KB 0000100", 1, 100), ("KB 0000001 s.d. 0000100", 1, 100), ("1 sampai 100", 1, 100),
    ("KB 0000001 – KB 0000100", 1, 100), ("1..100", 1, 100), ("KB 0000042", 42, 42),
])
def test_a_range_is_read_with_any_separator(typed, first, last):
    assert FMT.parse_range(typed) == SerialRange("KB", first, last)


@pytest.mark.parametrize("typed, message", [
    ("XY 0000001", "berawalan 'XY', bukan 'KB'"),
    ("KB 0000100 - KB 0000001", "Rentang terbalik: KB 0000100 – KB 0000001"),
    ("KB 123456789", "lebih dari 7 digit"),
    ("KB 0000000", "nomor dimulai dari 1"),
    ("", "Nomor seri kosong"),
    ("KB ???", "tidak dapat dibaca"),
    ("1 - 5 - 9", "lebih dari dua nomor seri"),
])
def test_bad_serials_are_refused_naming_them(typed, message):
    with pytest.raises(RuleError, match=message.replace("(", r"\(").replace("?", r"\?")):
        FMT.parse_range(typed)


def test_overlapping_ranges_in_one_entry_are_refused():
    with pytest.raises(RuleError, match="KB 0000050 – KB 0000060 disebut dua kali"):
        FMT.parse_ranges("1-60\n50-100")


@pytest.mark.parametrize("prefix, digits, message", [
    ("K1", 7, "Awalan nomor seri 'K1' tidak valid"), ("", 7, "Awalan nomor seri '' tidak valid"),
    ("KB", 2, "Jumlah digit nomor seri 2 tidak valid"),
])
def test_a_bad_format_setting_is_refused(prefix, digits, message):
    with pytest.raises(RuleError, match=message):
        SerialFormat.checked(prefix, digits)


def test_printed_the_same_way_everywhere():
    assert FMT.text(12345) == "KB 0012345"
    assert FMT.range_text(1, 100) == "KB 0000001 – KB 0000100"
    assert SerialFormat("SN", 5).text(7) == "SN 00007"


@given(st.integers(1, 10 ** 7 - 1), st.sampled_from(["{p} {n}", "{p}{n}", "{p}-{n}", "{n}", "{pl} {n}"]))
def test_what_is_printed_reads_back(number, shape):
    text = FMT.text(number)
    typed = shape.format(p="KB", pl="kb", n=text.split()[1])
    assert FMT.parse(typed) == number


ranges = st.lists(st.tuples(st.integers(1, 200), st.integers(0, 30)).map(
    lambda t: SerialRange("KB", t[0], t[0] + t[1])), max_size=6)


@given(ranges, ranges)
def test_subtract_and_merge_are_set_difference_and_union(a, b):
    def serials(rs):
        return {n for r in rs for n in range(r.first, r.last + 1)}

    assert serials(subtract(a, b)) == serials(a) - serials(b)
    assert serials(merge(a + b)) == serials(a) | serials(b)
    assert total(merge(a)) == len(serials(a))
