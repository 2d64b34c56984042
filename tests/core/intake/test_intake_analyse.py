"""analyse_file / analyse_path: one call per stored file, every bad input a clear finding, never an exception."""

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from intake_builders import (
    LETTER_TEXT,
    cfb_bytes,
    docx_bytes,
    eml_bytes,
    encrypted_pdf_bytes,
    large_list_bytes,
    pdf_bytes,
    scan_pdf_bytes,
    standard_list_bytes,
    xlsm_bytes,
    xlsx_bytes,
    zip_bomb_300mb,
)

from blanko_desktop.core.intake import (
    MAX_FILE_BYTES,
    analyse_file,
    analyse_path,
    cross_check,
    parse_email,
    parse_participant_list,
)
from blanko_desktop.core.intake.findings import is_failure
from blanko_desktop.core.intake.participants import HEADER_WANTED

BAD_INPUTS = [
    ("Surat Permohonan.pdf", lambda: b"", "letter", "berkas kosong (0 byte)"),
    (
        "Surat Permohonan.pdf",
        lambda: b"MZ\x90\x00" + bytes(4000),
        "letter",
        "bukan berkas PDF (isi berkas: program (.exe))",
    ),
    ("lampiran.exe", lambda: b"MZ\x90\x00" + bytes(4000), "other", "berkas program (.exe) tidak diterima"),
    ("Surat Permohonan.pdf", lambda: pdf_bytes(LETTER_TEXT)[:1200], "letter", "berkas PDF tidak utuh (terpotong)"),
    ("BA Asesmen.pdf", lambda: encrypted_pdf_bytes("rahasia"), "minutes", "dilindungi kata sandi"),
    ("SK Penetapan.pdf", docx_bytes, "decision", "bukan berkas PDF (isi berkas: dokumen Word (.docx))"),
    (
        "SK Penetapan.pdf",
        lambda: cfb_bytes({"WordDocument": b"w" * 5000}),
        "decision",
        "bukan berkas PDF (isi berkas: dokumen Word (.doc))",
    ),
    ("Surat Permohonan.docx", docx_bytes, "letter", "bukan berkas PDF (isi berkas: dokumen Word (.docx))"),
    (
        "Daftar Peserta.xlsx",
        lambda: b"NAMA;NIK;REKOMENDASI\nBudi;3201152911760125;K\nSiti;1;BK\n",
        "list",
        "bukan berkas Excel (isi berkas: teks CSV)",
    ),
    (
        "Daftar Peserta.csv",
        lambda: b"NAMA;NIK;REKOMENDASI\nBudi;3201152911760125;K\nSiti;1;BK\n",
        "list",
        "bukan berkas Excel (isi berkas: teks CSV)",
    ),
    (
        "Daftar Peserta.xlsx",
        zip_bomb_300mb,
        "list",
        "berkas ditolak: isi berkas terlalu besar setelah dibuka (300 MB; batas 200 MB)",
    ),
    (
        "Daftar Peserta.xlsm",
        xlsm_bytes,
        "list",
        "berkas Excel berisi makro; demi keamanan tidak dibuka. Simpan ulang sebagai Excel Workbook (.xlsx)",
    ),
    (
        "Daftar Peserta.xlsx",
        lambda: xlsx_bytes({"Sheet1": [["Kolom A", "Kolom B"], ["x", "y"]]}),
        "list",
        f"Judul kolom daftar peserta tidak ditemukan; dicari kolom {HEADER_WANTED}",
    ),
]


@pytest.mark.parametrize("filename, make, kind, message", BAD_INPUTS, ids=[f"{b[0]}:{b[3][:30]}" for b in BAD_INPUTS])
def test_bad_input_gives_its_finding(filename: str, make, kind: str, message: str) -> None:
    analysis = analyse_file(make(), filename)
    assert analysis.kind == kind
    assert [(f.document, f.sheet, f.row, f.message, f.severity) for f in analysis.findings] == [
        (filename, None, None, message, "error")
    ]


@pytest.mark.parametrize(
    "filename, make, kind, message",
    [
        (
            "Daftar Peserta.pdf",
            lambda: pdf_bytes("Daftar nama peserta"),
            "list",
            "daftar peserta harus berkas Excel, bukan PDF",
        ),
        (
            "Surat Permohonan.xlsx",
            lambda: xlsx_bytes({"S": [["x"]]}),
            "letter",
            "bukan berkas PDF (isi berkas: Excel (.xlsx))",
        ),
    ],
)
def test_document_in_the_wrong_format(filename: str, make, kind: str, message: str) -> None:
    analysis = analyse_file(make(), filename)
    assert (analysis.kind, [f.message for f in analysis.findings]) == (kind, [message])


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "Daftar Peserta.xlsx"
    with path.open("wb") as stream:
        stream.write(b"PK\x03\x04")
        stream.truncate(300 * 1024 * 1024)  # sparse: no 300 MB written or read
    analysis = analyse_path(path)
    assert (analysis.kind, analysis.detected_type) == ("list", "zip")
    assert [f.message for f in analysis.findings] == ["berkas terlalu besar (300 MB; batas 100 MB)"]


def test_file_at_the_cap_in_memory_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("blanko_desktop.core.intake.analyse.MAX_FILE_BYTES", 1024)
    analysis = analyse_file(pdf_bytes("x" * 2000), "Surat.pdf")
    assert [f.message for f in analysis.findings] == ["berkas terlalu besar (0 MB; batas 0 MB)"]
    assert analysis.detected_type == "pdf" and analysis.pdf is None


def test_cap_is_100_mb() -> None:
    assert MAX_FILE_BYTES == 100 * 1024 * 1024


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: tmp, "bukan berkas (mungkin folder)"),
        (lambda tmp: tmp / "tidak-ada.pdf", "berkas tidak dapat dibaca dari disk"),
    ],
)
def test_unreadable_paths(tmp_path: Path, make, message: str) -> None:
    assert [f.message for f in analyse_path(make(tmp_path)).findings] == [message]


def test_email_with_no_attachments_then_nothing_to_analyse() -> None:
    parsed = parse_email(eml_bytes([]), "pesan.eml")
    assert parsed.attachments == []
    assert [f.message for f in parsed.findings] == ["E-mail tidak berisi lampiran"]


def test_email_attachment_named_with_a_path_is_analysed_under_its_safe_name() -> None:
    parsed = parse_email(eml_bytes([("../../x.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")]), "pesan.eml")
    [attachment] = parsed.attachments
    analysis = analyse_file(attachment.data, attachment.filename)
    assert (analysis.filename, analysis.kind) == ("x.pdf", "letter")
    assert parsed.findings[0].message == 'Nama lampiran "../../x.pdf" diganti menjadi "x.pdf"'


def test_email_file_itself_is_left_to_parse_email() -> None:
    analysis = analyse_file(eml_bytes([("a.pdf", b"%PDF-", "application/pdf")]), "pesan.eml")
    assert (analysis.detected_type, analysis.kind, analysis.findings) == ("eml", "other", [])


def test_scanned_letter_asks_the_officer_to_read_it() -> None:
    analysis = analyse_file(scan_pdf_bytes(), "Surat Permohonan Blanko.pdf")
    assert analysis.kind == "letter" and analysis.letter is None
    assert [(f.message, f.severity) for f in analysis.findings] == [
        ("PDF hasil pindaian (tanpa lapisan teks); isinya diperiksa petugas", "warning")
    ]


@pytest.mark.parametrize(
    "sentence, message",
    [
        ("sebanyak 3 (empat) lembar", 'jumlah blanko 3 tidak sesuai terbilang "empat" (seharusnya "tiga")'),
        ("sebanyak 4 (empat) lembar", "rincian kompeten berjumlah 3, tidak sama dengan blanko yang diminta (4)"),
    ],
)
def test_letter_checked_against_itself(sentence: str, message: str) -> None:
    text = LETTER_TEXT.replace("sebanyak 3\n(tiga) lembar", sentence)
    assert [f.message for f in analyse_file(pdf_bytes(text), "scan.pdf").findings] == [message]


def test_letter_breakdown_not_adding_up_to_total() -> None:
    text = LETTER_TEXT.replace("Total                    : 4", "Total                    : 5")
    assert [f.message for f in analyse_file(pdf_bytes(text), "scan.pdf").findings] == [
        "rincian kompeten (3) dan belum kompeten (1) tidak berjumlah total (5)"
    ]


def test_letter_without_a_readable_request() -> None:
    text = LETTER_TEXT.replace("sebanyak 3\n(tiga) lembar", "sesuai lampiran")
    analysis = analyse_file(pdf_bytes(text), "scan.pdf")
    assert [(f.severity, f.message) for f in analysis.findings] == [
        ("warning", 'jumlah blanko yang diminta ("sebanyak ... lembar") tidak terbaca; isi secara manual')
    ]


def test_a_consistent_request(request_files: dict[str, Path]) -> None:
    analyses = {kind: analyse_path(path) for kind, path in request_files.items()}
    assert {kind: a.kind for kind, a in analyses.items()} == {k: k for k in request_files}
    assert all(a.findings == [] for a in analyses.values())
    assert analyses["letter"].counts["requested"] == 3
    assert analyses["list"].counts["competent"] == 3
    assert analyses["minutes"].counts["competent"] == 3
    assert analyses["decision"].counts["competent"] == 3
    assert cross_check(list(analyses.values()), "LSP Kelistrikan Tenaga Raya") == []


def test_a_request_as_one_email(request_eml: Path) -> None:
    parsed = parse_email(request_eml.read_bytes(), request_eml.name)
    kinds = sorted(analyse_file(a.data, a.filename).kind for a in parsed.attachments)
    assert kinds == ["decision", "letter", "list", "minutes"]


def _with_counts(analysis, **counts):
    return dataclasses.replace(analysis, counts={**analysis.counts, **counts})


@pytest.mark.parametrize(
    "kind, change, message",
    [
        ("letter", {"requested": 4}, "surat meminta 4 blanko, daftar peserta berisi 3 peserta kompeten"),
        (
            "letter",
            {"per_funding": {"Kementerian": 1, "Mandiri": 1}},
            "surat menyebut 1 kompeten anggaran Kementerian, daftar peserta berisi 2",
        ),
        ("letter", {"not_yet": 2}, "surat menyebut 2 belum kompeten, daftar peserta berisi 1"),
        ("minutes", {"competent": 4}, "berita acara menyebut 4 peserta kompeten, daftar peserta berisi 3"),
        (
            "minutes",
            {"per_scheme": {"SKM.41.00012": {"K": 1, "BK": 0}}},
            "berita acara: skema SKM.41.00012 kompeten 1, daftar peserta 2",
        ),
        (
            "decision",
            {"competent": 2, "niks": ["3635362911760125", "3260046802025858"]},
            "keputusan menyebut 2 peserta kompeten, daftar peserta berisi 3",
        ),
    ],
)
def test_cross_check_finds_disagreements(request_files: dict[str, Path], kind: str, change: dict, message: str) -> None:
    analyses = {k: analyse_path(p) for k, p in request_files.items()}
    analyses[kind] = _with_counts(analyses[kind], **change)
    messages = [f.message for f in cross_check(list(analyses.values()))]
    assert message in messages
    assert all(f.document == analyses[kind].filename for f in cross_check(list(analyses.values())))


def test_cross_check_decision_names_against_the_list(request_files: dict[str, Path]) -> None:
    analyses = {k: analyse_path(p) for k, p in request_files.items()}
    niks = ["3635362911760125", "3260046802025858", "3644262511926324"]
    analyses["decision"] = _with_counts(analyses["decision"], niks=niks)
    assert [f.message for f in cross_check(list(analyses.values()))] == [
        "peserta kompeten di daftar tetapi tidak ada di keputusan: Rina Harahap (3347124404801187)",
        "NIK 3644262511926324 ada di keputusan (Gede Wibowo, BK di daftar peserta)",
    ]


def test_cross_check_lsp_named_in_the_letter(request_files: dict[str, Path]) -> None:
    findings = cross_check([analyse_path(request_files["letter"])], "LSP Energi Nusantara")
    assert [(f.severity, f.message) for f in findings] == [
        (
            "warning",
            'surat atas nama "LSP KELISTRIKAN TENAGA RAYA", '
            'sedangkan pengirim terdaftar sebagai "LSP Energi Nusantara"',
        )
    ]


def test_shared_example_request_as_files_and_as_email(shared_example: Path) -> None:
    files = sorted((shared_example / "files").iterdir())
    analyses = [analyse_path(path) for path in files]
    assert sorted(a.kind for a in analyses) == ["decision", "letter", "list", "minutes"]
    assert all(a.findings == [] for a in analyses)
    by_kind = {a.kind: a for a in analyses}
    assert by_kind["letter"].counts["requested"] == by_kind["list"].counts["competent"] == 10
    assert cross_check(analyses, by_kind["letter"].letter.lsp_name) == []
    parsed = parse_email((shared_example / "example-request.eml").read_bytes(), "example-request.eml")
    assert parsed.sender == "lsp.ktr@ktr-sertifikasi.id" and parsed.date is not None
    assert sorted(a.filename for a in parsed.attachments) == [p.name for p in files]


VALID_SEEDS = [pdf_bytes(LETTER_TEXT), standard_list_bytes(), eml_bytes([("a.pdf", b"%PDF-1.4", "application/pdf")])]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(VALID_SEEDS),
    cut=st.integers(0, 10_000),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    name=st.sampled_from(["Surat.pdf", "Daftar.xlsx", "x.eml", "x", "../../x.xlsm"]),
)
def test_never_raises_on_damaged_files(seed: bytes, cut: int, flips: list[tuple[int, int]], name: str) -> None:
    data = bytearray(seed[: max(cut, 0) or len(seed)])
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    analysis = analyse_file(bytes(data), name)
    assert analysis.kind in ("letter", "minutes", "decision", "list", "other")
    parse_email(bytes(data), name)


@pytest.mark.slow
def test_twenty_thousand_rows_are_all_counted() -> None:
    """Every row of a large list is read and judged; how fast: benchmarks/bench_participants.py."""
    header = ["NO", "NAMA ASESI", "NIK", "TANGGAL LAHIR", "KODE SKEMA", "SUMBER ANGGARAN", "REKOMENDASI"]
    rows = [header]
    for number in range(20_000):
        nik = f"3201{number % 90 + 10:02d}{number % 28 + 1:02d}{number % 12 + 1:02d}85{number % 9999 + 1:04d}"
        rows.append(
            [
                number + 1,
                f"Peserta {number}",
                nik,
                None,
                f"SKM.{number % 4}.001",
                "Mandiri",
                "K" if number % 7 else "BK",
            ]
        )
    data = large_list_bytes(rows)
    result = parse_participant_list(data, "besar.xlsx")
    assert result.competent + result.not_yet == 20_000
    assert result.not_yet == len(range(0, 20_000, 7))


def test_rust_panics_count_as_failures_but_interrupts_do_not() -> None:
    """calamine surfaces a Rust panic as pyo3's PanicException, a BaseException: damaged input, not a stop."""
    panic = type("PanicException", (BaseException,), {})
    assert is_failure(panic("index out of bounds")) and is_failure(ValueError())
    assert not is_failure(KeyboardInterrupt()) and not is_failure(SystemExit())


def test_a_panic_while_reading_becomes_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    panic = type("PanicException", (BaseException,), {})

    def explode(*args: object) -> None:
        raise panic("index out of bounds: the len is 0 but the index is 0")

    monkeypatch.setattr("blanko_desktop.core.intake.participants.CalamineWorkbook.from_filelike", explode)
    analysis = analyse_file(standard_list_bytes(), "Daftar.xlsx")
    assert [f.message for f in analysis.findings] == ["berkas Excel rusak, tidak dapat dibaca"]



def test_a_malformed_nik_is_one_finding_not_three():
    """A typo in one NIK (in the list and the decision alike) is reported once, by the list check."""
    import random
    from datetime import date

    from blanko_desktop.core.demo.documents import participants, request_documents
    from blanko_desktop.core.intake import analyse_file, cross_check

    people = [p for p in participants(12, random.Random(7)) if p.verdict == "K"][:6]
    people[2].nik = people[2].nik[:12]
    docs = request_documents("LSP Uji Coba", "Bandung", people, date(2026, 11, 16))
    files = [analyse_file(data, name) for name, data in docs.files.items()]
    roster = next(f for f in files if f.kind == "list")
    assert [f.row for f in roster.findings if f.severity == "error"] == [7]  # header in row 4, third person
    assert cross_check(files, "LSP Uji Coba") == []
