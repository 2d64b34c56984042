"""Numbers read from letter, minutes and decision text."""

from datetime import date

import pytest
from intake_builders import LETTER_TEXT, MINUTES_TEXT

from blanko_desktop.core.intake.letter import extract_counts, parse_letter, words_for


def test_request_letter() -> None:
    letter = parse_letter(LETTER_TEXT)
    assert letter.number == "045/LSP-TKN/XI/2026"
    assert letter.date == date(2026, 11, 14)
    assert (letter.requested, letter.requested_words, letter.words_match) == (3, "tiga", True)
    assert letter.lsp_name == "LSP KELISTRIKAN TENAGA RAYA"
    assert letter.breakdown == {"BNSP": 0, "Kementerian": 2, "Mandiri": 1, "RCC": 0, "BK": 1, "Total": 4}


@pytest.mark.parametrize(
    "sentence, requested, words, match",
    [
        ("kami mohon blanko sebanyak 37 (tiga puluh tujuh) lembar.", 37, "tiga puluh tujuh", True),
        ("sebanyak 37\n(tiga\npuluh tujuh) lembar", 37, "tiga puluh tujuh", True),
        ("sebanyak 37 (tigapuluh tujuh) lembar", 37, "tigapuluh tujuh", True),
        ("sebanyak 37 (tiga puluh delapan) lembar", 37, "tiga puluh delapan", False),
        ("sebanyak 111 (seratus sebelas) lembar", 111, "seratus sebelas", True),
        ("sebanyak 1.250 (seribu dua ratus lima puluh) lembar", 1250, "seribu dua ratus lima puluh", True),
        ("sebanyak 12 lembar", 12, None, None),
        ("blanko 12 (dua belas) lembar", 12, "dua belas", True),
        ("kami mohon blanko sertifikat.", None, None, None),
        ("kompeten sebanyak 12 orang, mohon blanko sebanyak 10 (sepuluh) lembar", 10, "sepuluh", True),
        ("kompeten sebanyak 12 orang. Mohon diberikan blanko sebanyak 10 (sepuluh).", 10, "sepuluh", True),
        ("asesi sebanyak 12 orang", None, None, None),
        ("Mohon diberikan blanko sebanyak 10.", 10, None, None),
    ],
)
def test_requested_in_figures_and_words(
    sentence: str, requested: int | None, words: str | None, match: bool | None
) -> None:
    letter = parse_letter(sentence)
    assert (letter.requested, letter.requested_words, letter.words_match) == (requested, words, match)


def test_words_for_is_indonesian() -> None:
    assert words_for(37) == "tiga puluh tujuh"


@pytest.mark.parametrize(
    "text, name",
    [
        ("LEMBAGA SERTIFIKASI PROFESI\nKELISTRIKAN TENAGA RAYA\nJl. Ahmad Yani", "LSP KELISTRIKAN TENAGA RAYA"),
        ("LSP P1 Politeknik Negeri Jaya\nNomor : 1/LSP/2026", "LSP P1 Politeknik Negeri Jaya"),
        ("Kepada Yth. Kepala Sekretariat BNSP\n\nHormat kami,\nKetua LSP Energi Nusantara", "LSP Energi Nusantara"),
        ("Surat tanpa kop", None),
    ],
)
def test_lsp_name_from_letterhead_or_signature(text: str, name: str | None) -> None:
    assert parse_letter(text).lsp_name == name


def test_phone_numbers_are_not_letter_numbers() -> None:
    letter = parse_letter("No. Telp: (031) 8297744\nNo : 12/LSP-X/2026\nJakarta, 3 Des 2026")
    assert letter.number == "12/LSP-X/2026"
    assert letter.date == date(2026, 12, 3)


def test_minutes_counts_per_scheme_are_added_up() -> None:
    counts = extract_counts(MINUTES_TEXT)
    assert (counts["competent"], counts["not_yet"], counts["participants"]) == (3, 1, 4)
    assert counts["per_scheme"] == {"SKM.41.00012": {"K": 2, "BK": 0}, "SKM.78.00104": {"K": 1, "BK": 1}}


@pytest.mark.parametrize(
    "text, competent, not_yet",
    [
        ("Jumlah asesi kompeten: 10\nJumlah belum kompeten: 2", 10, 2),
        ("sebanyak 10 (sepuluh) orang dinyatakan kompeten dan 2 orang belum kompeten", 10, 2),
        ("Skema A: kompeten 6\nSkema B: kompeten 4\nJumlah kompeten 10", 10, None),
        ("PENETAPAN HASIL SERTIFIKASI KOMPETENSI 2026", None, None),
        ("Menetapkan asesi berikut dinyatakan KOMPETEN:\n1. Budi", None, None),
    ],
)
def test_counts_stated_in_text(text: str, competent: int | None, not_yet: int | None) -> None:
    counts = extract_counts(text)
    assert (counts["competent"], counts["not_yet"]) == (competent, not_yet)


def test_decision_niks_are_listed_once_each() -> None:
    text = "1. Budi NIK 3635362911760125\n2. Siti NIK 3260046802025858\nBudi (3635362911760125)\nNo 12345678901234567"
    assert extract_counts(text)["niks"] == ["3635362911760125", "3260046802025858"]
