"""The participant list in the layouts LSPs really send, the row checks, and the files refused before parsing."""

import io
import re
import zlib
from datetime import date

import pytest
from intake_builders import (
    STANDARD_HEADER,
    STANDARD_ROWS,
    cfb_bytes,
    crc_of_zeros,
    docx_bytes,
    forge_member,
    standard_list_bytes,
    xlsm_bytes,
    xlsx_bytes,
    zeros_member_zip,
    zip_bomb_300mb,
)
from openpyxl import load_workbook

from blanko_desktop.core.intake.participants import (
    HEADER_WANTED,
    normalise_funding,
    normalise_verdict,
    parse_participant_list,
    split_scheme,
)

HADI = "3635362911760125"
INDAH = "3260046802025858"
RINA = "3347124404801187"
GEDE = "3644262511926324"


def messages(result) -> list[str]:
    return [f.message for f in result.findings]


def test_standard_template_with_title_rows_and_merged_cells() -> None:
    result = parse_participant_list(standard_list_bytes(), "Daftar Peserta.xlsx")
    assert result.findings == []
    assert (result.competent, result.not_yet) == (3, 1)
    assert result.per_scheme == {"SKM.41.00012": {"K": 2, "BK": 0}, "SKM.78.00104": {"K": 1, "BK": 1}}
    assert result.per_funding == {"Kementerian": {"K": 2, "BK": 1}, "Mandiri": {"K": 1, "BK": 0}}
    first = result.participants[0]
    assert (first.name, first.nik, first.scheme_code, first.scheme_name) == (
        "Hadi Nugroho",
        HADI,
        "SKM.41.00012",
        "Pelaksana Lapangan",
    )
    assert (first.verdict, first.sheet, first.row) == ("K", "Peserta", 5)
    assert result.headers[:3] == ["NO", "NAMA ASESI", "NIK"]


def test_header_far_down_and_columns_not_starting_at_a() -> None:
    rows = [
        [],
        [],
        [],
        [],
        [],
        [None, None, "NAMA", "NIK", "SKEMA", "HASIL"],
        [None, None, "Budi", HADI, "SKM.41.00012", "K"],
    ]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert result.findings == []
    assert result.participants[0].row == 7
    assert result.per_scheme == {"SKM.41.00012": {"K": 1, "BK": 0}}


@pytest.mark.parametrize(
    "header",
    [
        ["No.", "Nama Peserta", "No. KTP", "Skema", "Hasil"],
        ["NO", "NAMA", "NIK / NO. KTP", "NAMA SKEMA SERTIFIKASI", "KEPUTUSAN (K/BK)"],
        ["Nomor Urut", "Nama Lengkap", "Nomor Induk Kependudukan", "Judul Skema", "Rekomendasi"],
        ["NO", "NAMA ASESI\n(sesuai KTP)", "NIK", "SKEMA SERTIFIKASI", "K/BK"],
    ],
)
def test_header_wording_varies(header: list[str]) -> None:
    rows = [
        header,
        [1, "Budi Santoso", HADI, "Operator Forklift", "K"],
        [2, "Siti Aminah", INDAH, "Operator Forklift", "BK"],
    ]
    result = parse_participant_list(xlsx_bytes({"Data": rows}), "d.xlsx")
    assert result.findings == []
    assert result.per_scheme == {"Operator Forklift": {"K": 1, "BK": 1}}


@pytest.mark.parametrize(
    "written, verdict",
    [
        ("K", "K"),
        ("k", "K"),
        (" Kompeten ", "K"),
        ("KOMPETEN", "K"),
        ("K (Kompeten)", "K"),
        ("BK", "BK"),
        ("bk", "BK"),
        ("B K", "BK"),
        ("B.K.", "BK"),
        ("Belum  Kompeten", "BK"),
        ("belum kompeten", "BK"),
        ("Tidak Kompeten", "BK"),
        ("L", None),
        ("Lulus", None),
        ("", None),
    ],
)
def test_verdict_any_case_and_spacing(written: str, verdict: str | None) -> None:
    assert normalise_verdict(written) == verdict


@pytest.mark.parametrize(
    "written, funding",
    [
        ("APBN BNSP", "BNSP"),
        ("bnsp", "BNSP"),
        ("Kementerian", "Kementerian"),
        ("APBN Kemnaker", "Kementerian"),
        ("Mandiri", "Mandiri"),
        ("RCC", "RCC"),
        ("APBD Provinsi", "APBD Provinsi"),
        ("", ""),
    ],
)
def test_funding_categories(written: str, funding: str) -> None:
    assert normalise_funding(written) == funding


@pytest.mark.parametrize(
    "text, code, name",
    [
        ("SKM.78.00104 - Operator Forklift", "SKM.78.00104", "Operator Forklift"),
        ("Operator Forklift (SKM.78.00104)", "SKM.78.00104", "Operator Forklift"),
        ("SKM/LSP-TKN/01/2020", "SKM/LSP-TKN/01/2020", ""),
        ("Operator Forklift", "", "Operator Forklift"),
    ],
)
def test_split_scheme(text: str, code: str, name: str) -> None:
    assert split_scheme(text) == (code, name)


def test_one_sheet_per_scheme_takes_the_scheme_from_the_sheet_name() -> None:
    header = ["NO", "NAMA ASESI", "NIK", "REKOMENDASI"]
    sheets = {
        "Operator Forklift": [["DAFTAR PESERTA"], header, [1, "Budi", HADI, "K"], [2, "Siti", INDAH, "BK"]],
        "SKM.41.00012": [header, [1, "Rina", RINA, "K"]],
    }
    result = parse_participant_list(xlsx_bytes(sheets), "d.xlsx")
    assert result.findings == []
    assert result.per_scheme == {"Operator Forklift": {"K": 1, "BK": 1}, "SKM.41.00012": {"K": 1, "BK": 0}}
    assert [p.sheet for p in result.participants] == ["Operator Forklift", "Operator Forklift", "SKM.41.00012"]


def test_scheme_from_a_title_row_above_the_header() -> None:
    rows = [
        ["DAFTAR PESERTA UJI KOMPETENSI"],
        ["SKEMA : Operator Forklift (SKM.78.00104)"],
        [],
        ["NO", "NAMA", "NIK", "REKOMENDASI"],
        [1, "Budi", HADI, "K"],
    ]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}, merges={"Sheet1": ["A1:D1", "A2:D2"]}), "d.xlsx")
    assert result.findings == []
    participant = result.participants[0]
    assert (participant.scheme_code, participant.scheme_name) == ("SKM.78.00104", "Operator Forklift")


def test_section_rows_split_one_sheet_into_schemes() -> None:
    rows = [
        ["NO", "NAMA", "NIK", "REKOMENDASI"],
        ["Skema: SKM.41.00012 Pelaksana Lapangan"],
        [1, "Budi", HADI, "K"],
        [2, "Siti", INDAH, "K"],
        ["Skema: SKM.78.00104 Operator Forklift"],
        [1, "Rina", RINA, "BK"],
    ]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}, merges={"Sheet1": ["A2:D2", "A5:D5"]}), "d.xlsx")
    assert result.findings == []
    assert result.per_scheme == {"SKM.41.00012": {"K": 2, "BK": 0}, "SKM.78.00104": {"K": 0, "BK": 1}}


def test_two_row_header_with_tick_columns_and_vertical_merges() -> None:
    rows = [
        ["DAFTAR NOMINATIF"],
        ["NO", "NAMA ASESI", "NIK", "SKEMA", None, "REKOMENDASI", None],
        [None, None, None, "KODE", "NAMA", "K", "BK"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "Budi", HADI, "SKM.78.00104", "Operator Forklift", "✓", None],
        [2, "Siti", INDAH, None, None, None, "v"],
        [3, "Rina", RINA, None, None, "✓", "✓"],
    ]
    merges = {"Sheet1": ["A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "D5:D7", "E5:E7"]}
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}, merges=merges), "d.xlsx")
    assert messages(result) == ["Baris 7: kolom K dan BK sama-sama diisi"]
    assert result.per_scheme == {"SKM.78.00104": {"K": 1, "BK": 1}}
    assert [(p.name, p.verdict, p.scheme_name, p.row) for p in result.participants] == [
        ("Budi", "K", "Operator Forklift", 5),
        ("Siti", "BK", "Operator Forklift", 6),
    ]


def test_footer_signature_blank_template_rows_and_repeated_header_are_not_participants() -> None:
    header = ["NO", "NAMA ASESI", "NIK", "KODE SKEMA", "REKOMENDASI"]
    rows = [
        header,
        [1, "Budi", HADI, "SKM.41.00012", "K"],
        header,
        [2, "Siti", INDAH, "SKM.41.00012", "K"],
        [3, None, None, None, None],
        [4, None, None, None, None],
        ["", "Jumlah Kompeten", None, None, 2],
        [],
        [None, "Surabaya, 14 November 2026", None, None, None],
        [None, "Ketua LSP", None, None, None],
        [None, "Ir. Hadi Prasetyo, M.T.", None, None, None],
    ]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert result.findings == []
    assert (result.competent, result.not_yet) == (2, 0)


def test_nik_typed_as_number_is_reported_but_counted() -> None:
    rows = [["NAMA", "NIK", "SKEMA", "REKOMENDASI"], ["Budi", 3201152911760125, "Operator", "K"]]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert result.competent == 1
    assert [(f.row, f.severity) for f in result.findings] == [(2, "warning")]
    assert "tersimpan sebagai angka" in result.findings[0].message


ROW_HEADER = ["NO", "NAMA ASESI", "NIK", "TANGGAL LAHIR", "JENIS KELAMIN", "KODE SKEMA", "REKOMENDASI"]


@pytest.mark.parametrize(
    "row, message, severity",
    [
        (
            [1, "Budi", "32011503890012", None, None, "SKM.1.01", "K"],
            'Baris 2: NIK "32011503890012" bukan 16 digit (14 digit)',
            "error",
        ),
        (
            [1, "Budi", "3201153213760125", None, None, "SKM.1.01", "K"],
            'Baris 2: NIK "3201153213760125" tidak wajar: bagian tanggal lahir 321376 bukan tanggal (DDMMYY)',
            "error",
        ),
        (
            [1, "Budi", "3.2011503890012E+15", None, None, "SKM.1.01", "K"],
            'Baris 2: NIK "3.2011503890012E+15" tertulis dalam notasi ilmiah; '
            "digit NIK sudah hilang, ketik ulang sebagai teks",
            "error",
        ),
        ([1, "Budi", None, None, None, "SKM.1.01", "K"], "Baris 2: NIK kosong", "error"),
        ([1, None, HADI, None, None, "SKM.1.01", "K"], "Baris 2: nama kosong", "error"),
        ([1, "Budi", HADI, None, None, None, "K"], "Baris 2: skema kosong", "error"),
        ([1, "Budi", HADI, None, None, "SKM.1.01", None], "Baris 2: rekomendasi (K/BK) kosong", "error"),
        (
            [1, "Budi", HADI, None, None, "SKM.1.01", "L"],
            'Baris 2: rekomendasi "L" tidak dikenal (harus K atau BK)',
            "error",
        ),
        (
            [1, "Budi", HADI, date(1976, 11, 28), None, "SKM.1.01", "K"],
            "Baris 2: tanggal lahir 28-11-1976 tidak sesuai NIK (291176)",
            "warning",
        ),
        (
            [1, "Budi", HADI, None, "P", "SKM.1.01", "K"],
            "Baris 2: jenis kelamin P tidak sesuai NIK (NIK laki-laki)",
            "warning",
        ),
    ],
)
def test_row_findings(row: list, message: str, severity: str) -> None:
    result = parse_participant_list(xlsx_bytes({"Peserta": [ROW_HEADER, row]}), "Daftar.xlsx")
    assert [(f.document, f.sheet, f.row, f.message, f.severity) for f in result.findings] == [
        ("Daftar.xlsx", "Peserta", 2, message, severity)
    ]


@pytest.mark.parametrize(
    "born",
    [
        date(1976, 11, 29),
        "29-11-1976",
        "29/11/76",
        "29 November 1976",
        "29 Nop 1976",
        "1976-11-29",
        28093.0,
        "Surabaya, 29-11-1976",
    ],
)
def test_birth_dates_as_dates_serials_or_text(born: object) -> None:
    rows = [["NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "SKEMA", "HASIL"], ["Hadi", HADI, born, "Operator", "K"]]
    assert parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx").findings == []


def test_duplicate_nik_names_both_rows() -> None:
    rows = [["NAMA", "NIK", "KODE SKEMA", "HASIL"], ["Budi", HADI, "SKM.1.01", "K"], ["Budi S.", HADI, "SKM.1.01", "K"]]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert messages(result) == [f"Baris 3: NIK {HADI} ganda, sama dengan baris 2 (Budi / Budi S.)"]


def test_duplicate_nik_across_sheets_names_the_sheet() -> None:
    header = ["NAMA", "NIK", "HASIL"]
    sheets = {"Forklift": [header, ["Budi", HADI, "K"]], "Gedung": [header, ["Siti", HADI, "K"]]}
    result = parse_participant_list(xlsx_bytes(sheets), "d.xlsx")
    assert [(f.sheet, f.row, f.message) for f in result.findings] == [
        ("Gedung", 2, f'Baris 2: NIK {HADI} ganda, sama dengan lembar "Forklift" baris 2 (Budi / Siti)')
    ]


def test_same_person_in_two_schemes_is_a_warning() -> None:
    rows = [["NAMA", "NIK", "KODE SKEMA", "HASIL"], ["Budi", HADI, "SKM.1.01", "K"], ["budi", HADI, "SKM.2.02", "K"]]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert [(f.severity, f.message) for f in result.findings] == [
        ("warning", f"Baris 3: NIK {HADI} (budi) juga tercatat di baris 2 untuk skema lain")
    ]
    assert result.competent == 2


def test_hidden_sheet_is_not_counted() -> None:
    header = ["NAMA", "NIK", "SKEMA", "HASIL"]
    sheets = {"Peserta": [header, ["Budi", HADI, "Operator", "K"]], "Lama": [header, ["Siti", INDAH, "Operator", "K"]]}
    result = parse_participant_list(xlsx_bytes(sheets, hidden=["Lama"]), "d.xlsx")
    assert result.competent == 1
    assert messages(result) == ['Lembar tersembunyi "Lama" berisi daftar peserta dan tidak dihitung']


def test_sheet_without_scheme_or_verdict_column_says_so_once() -> None:
    rows = [["NAMA", "NIK", "TEMPAT LAHIR"], ["Budi", HADI, "Surabaya"]]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert messages(result)[:2] == [
        'Lembar "Sheet1": kolom skema tidak ada dan nama skema tidak tertulis di judul',
        'Lembar "Sheet1": kolom rekomendasi (K/BK) tidak ada',
    ]


def test_no_recognisable_header_says_what_was_looked_for() -> None:
    rows = [["Kolom A", "Kolom B"], ["Budi", HADI]]
    result = parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx")
    assert [(f.sheet, f.row, f.message) for f in result.findings] == [
        (None, None, f"Judul kolom daftar peserta tidak ditemukan; dicari kolom {HEADER_WANTED}")
    ]
    assert "NAMA" in HEADER_WANTED and "NIK" in HEADER_WANTED and "REKOMENDASI" in HEADER_WANTED


def test_a_stray_far_away_cell_does_not_make_the_sheet_unbounded() -> None:
    workbook_rows = [["NAMA", "NIK", "SKEMA", "HASIL"], ["Budi", HADI, "Operator", "K"]]
    data = xlsx_bytes({"Sheet1": workbook_rows, "Sheet2": [["NAMA", "NIK", "SKEMA", "HASIL"]]})
    # One value in the last row of Sheet2, as a careless edit leaves behind.
    workbook = load_workbook(io.BytesIO(data))
    workbook["Sheet2"].cell(row=1_048_576, column=16).value = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = parse_participant_list(buffer.getvalue(), "d.xlsx")
    assert result.competent == 1
    assert messages(result) == [
        'Lembar "Sheet2" terlalu besar (1.048.576 baris x 16 kolom = 16.777.216 sel; batas 5.000.000 sel per '
        "lembar); hapus isi di luar tabel peserta"
    ]


def test_header_without_rows() -> None:
    result = parse_participant_list(xlsx_bytes({"Sheet1": [STANDARD_HEADER]}), "d.xlsx")
    assert messages(result) == ["Tidak ada baris peserta di bawah judul kolom"]


def _ratio_bomb() -> bytes:
    return zeros_member_zip("xl/worksheets/sheet1.xml", 20 * 1024 * 1024, {"xl/workbook.xml": b"<workbook/>"})


def _lying_sizes() -> bytes:
    """The header says 1,000 bytes (with the matching CRC), the stream inflates to 1 MB."""
    bomb = zeros_member_zip("xl/worksheets/sheet1.xml", 1024 * 1024, {"xl/workbook.xml": b"<workbook/>"})
    return forge_member(bomb, "xl/worksheets/sheet1.xml", size=1000, crc=crc_of_zeros(1000))


def _declared_huge() -> bytes:
    data = standard_list_bytes()
    return forge_member(data, "xl/worksheets/sheet1.xml", size=250 * 1024 * 1024)


def _bad_crc() -> bytes:
    data = standard_list_bytes()
    return forge_member(data, "xl/worksheets/sheet1.xml", crc=zlib.crc32(b"other"))


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: b"", "berkas kosong (0 byte)"),
        (
            xlsm_bytes,
            "berkas Excel berisi makro; demi keamanan tidak dibuka. Simpan ulang sebagai Excel Workbook (.xlsx)",
        ),
        (
            lambda: cfb_bytes({"Workbook": b"x" * 5000, "_VBA_PROJECT_CUR": {"VBA": {"dir": b"x"}}}),
            "berkas Excel berisi makro; demi keamanan tidak dibuka. Simpan ulang sebagai Excel Workbook (.xlsx)",
        ),
        (
            lambda: b"NAMA;NIK;REKOMENDASI\nBudi;3201152911760125;K\nSiti;3201152911760126;BK\n",
            "bukan berkas Excel (isi berkas: teks CSV)",
        ),
        (docx_bytes, "bukan berkas Excel (isi berkas: dokumen Word (.docx))"),
        (
            lambda: b"<html><table><tr><td>NAMA</td></tr></table></html>",
            "bukan berkas Excel (isi berkas: halaman web (HTML))",
        ),
        (lambda: b"MZ" + bytes(100), "bukan berkas Excel (isi berkas: program (.exe))"),
        (
            lambda: cfb_bytes({"EncryptionInfo": b"x" * 10, "EncryptedPackage": b"y" * 5000}),
            "berkas Excel dikunci kata sandi; kirim tanpa kata sandi",
        ),
        (zip_bomb_300mb, "berkas ditolak: isi berkas terlalu besar setelah dibuka (300 MB; batas 200 MB)"),
        (_declared_huge, "berkas ditolak: isi berkas terlalu besar setelah dibuka (250 MB; batas 200 MB)"),
        # deflate tops out near 1032:1; the exact figure depends on the zlib build
        (_ratio_bomb, re.compile(r"berkas ditolak: rasio kompresi tidak wajar \(10\d\d:1\), kemungkinan zip bomb")),
        (
            _lying_sizes,
            "berkas ditolak: ukuran isi tidak sesuai dengan yang tertulis di arsip (kemungkinan dipalsukan)",
        ),
        (_bad_crc, "berkas ditolak: arsip rusak (checksum tidak cocok)"),
        (lambda: standard_list_bytes()[:3000], "berkas ditolak: arsip rusak (struktur zip tidak utuh)"),
        (lambda: zeros_member_zip("foto.jpg", 1024), "bukan berkas Excel (isi berkas: arsip ZIP)"),
    ],
)
def test_refused_before_parsing(make, message: str | re.Pattern[str]) -> None:
    result = parse_participant_list(make(), "Daftar Peserta.xlsx")
    [finding] = result.findings
    assert (finding.document, finding.sheet, finding.row, finding.severity) == (
        "Daftar Peserta.xlsx",
        None,
        None,
        "error",
    )
    if isinstance(message, re.Pattern):
        assert message.fullmatch(finding.message), finding.message
    else:
        assert finding.message == message
    assert result.participants == [] and result.headers == []


def test_standard_rows_have_no_findings() -> None:
    """Guard for the fixtures: the standard rows are consistent (NIK dates, sexes) so other tests stay focused."""
    rows = [STANDARD_HEADER, *STANDARD_ROWS]
    assert parse_participant_list(xlsx_bytes({"Sheet1": rows}), "d.xlsx").findings == []


def test_row_with_a_verdict_but_no_name_or_nik_is_reported_not_dropped():
    from intake_builders import STANDARD_HEADER, STANDARD_ROWS, xlsx_bytes

    from blanko_desktop.core.intake import parse_participant_list

    rows = [STANDARD_HEADER, *STANDARD_ROWS, [5, None, None, None, None, "SKM.41.00012", "Pelaksana", "Mandiri", "K"]]
    result = parse_participant_list(xlsx_bytes({"Peserta": rows}), "daftar.xlsx")
    assert result.competent == 4
    row6 = [f.message for f in result.findings if f.row == 6]
    assert any("nama" in m.lower() for m in row6) and any("nik" in m.lower() for m in row6)


@pytest.mark.parametrize("header, field", [("N I K", "nik"), ("N.I.K", "nik"), ("L/P", "sex"), ("K / BK", "verdict")])
def test_spaced_out_header_letters(header, field):
    from blanko_desktop.core.intake.participants import header_field

    assert header_field(header) == field
