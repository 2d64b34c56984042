"""The analysis stored with a document gives the checklist what the file gave; findings summarised; rows counted."""

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from intake_builders import STANDARD_HEADER, STANDARD_ROWS, fast_list_bytes, xlsx_bytes
from openpyxl import load_workbook
from openpyxl.styles import Font

from blanko_desktop.core.intake import analyse_path, cross_check, stored
from blanko_desktop.core.intake.findings import Finding, summarise
from blanko_desktop.core.intake.participants import xlsx_value_rows


def through_storage(analysis):
    """What the checklist gets back: the JSON as the database returns it, the rows as core/roster.py keeps them."""
    data = json.loads(json.dumps(stored.to_json(analysis), ensure_ascii=False, sort_keys=True, default=str))
    back = stored.from_json(data, analysis.filename)
    if back.participants is not None:
        back.participants.participants = analysis.participants.participants
    return back


def test_a_stored_analysis_gives_what_the_file_gave(request_files: dict[str, Path]) -> None:
    fresh = [analyse_path(path) for path in request_files.values()]
    back = [through_storage(a) for a in fresh]
    for before, after in zip(fresh, back):
        expected = replace(before, pdf=None if before.pdf is None else replace(before.pdf, text=""))
        if before.participants is not None:
            assert after.participants.headers == before.participants.headers
            assert (after.participants.competent, after.participants.not_yet) == (3, 1)
            expected = replace(expected, participants=after.participants)
        assert after == expected
    assert cross_check(back, "LSP Kelistrikan Tenaga Raya") == cross_check(fresh, "LSP Kelistrikan Tenaga Raya")


def test_a_text_pdf_is_kept_read_as_a_letter_too(request_files: dict[str, Path]) -> None:
    """The officer may say the minutes are the letter: what the text says as a letter is stored already."""
    minutes = stored.to_json(analyse_path(request_files["minutes"]))
    assert minutes["kind"] == "minutes" and stored.stored_letter(minutes).requested is None
    letter = stored.to_json(analyse_path(request_files["letter"]))
    assert stored.stored_letter(letter).number == "045/LSP-TKN/XI/2026"


@pytest.mark.parametrize("data", [None, {}, {"detected_type": "pdf", "kind": "letter", "findings": 0}])
def test_an_analysis_stored_before_version_2_is_not_taken(data) -> None:
    assert stored.from_json(data, "surat.pdf") is None


def row_finding(row: int, message: str, sheet: str = "Peserta", severity="error") -> Finding:
    return Finding("d.xlsx", sheet, row, f"Baris {row}: {message}", severity)


def test_findings_under_the_cap_are_left_as_they_are() -> None:
    findings = [row_finding(r, f'NIK "{r}" bukan 16 digit ({len(str(r))} digit)') for r in range(2, 5)]
    assert summarise(findings, 3) == findings


def test_findings_of_one_kind_over_the_cap_become_one_line_each_kind_apart() -> None:
    nik = [row_finding(r, f'NIK "{r}" bukan 16 digit ({len(str(r))} digit)', sheet=f"S{r % 2}")
           for r in range(2, 12)]
    names = [row_finding(r, "nama kosong") for r in range(20, 25)]
    warnings = [row_finding(r, "nama kosong", severity="warning") for r in range(30, 32)]
    out = summarise([*nik, *names, *warnings], 3)
    assert out == [*nik[:3], *names[:3], *warnings,
                   Finding("d.xlsx", None, None, 'dan 7 baris lain dengan masalah yang sama seperti baris 4 '
                                                 '(NIK "4" bukan 16 digit (1 digit))'),
                   Finding("d.xlsx", "Peserta", None, "dan 2 baris lain dengan masalah yang sama seperti baris 22 "
                                                      "(nama kosong)")]


def test_rows_are_counted_in_the_xml_without_formatting_only_rows() -> None:
    data = xlsx_bytes({"Peserta": [STANDARD_HEADER, *STANDARD_ROWS], "Catatan": [["dibuat oleh"], ["LSP"]]})
    workbook = load_workbook(io.BytesIO(data))
    for row in range(10, 5_000):  # a border or font applied far below the table leaves empty <row> elements
        workbook["Peserta"].cell(row=row, column=1).font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert xlsx_value_rows(buffer.getvalue()) == 1 + len(STANDARD_ROWS) + 2
    assert xlsx_value_rows(fast_list_bytes([["NAMA", "NIK"], *([f"P{i}", ""] for i in range(1000))])) == 1001
    assert xlsx_value_rows(b"PK\x03\x04 not a zip") is None
