"""Inputs too big for the checklist: lists above the row limit refused, findings summarised, no file re-read."""

from __future__ import annotations

import pytest

from blanko_desktop.core import reception as reception_module
from blanko_desktop.core.intake import participants
from blanko_desktop.core.models import Document
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist
from tests.core.intake.intake_builders import (
    LETTER_TEXT,
    MINUTES_TEXT,
    STANDARD_HEADER,
    fast_list_bytes,
    pdf_bytes,
    standard_list_bytes,
)

DECISION_NAMES = """KEPUTUSAN KETUA LSP KELISTRIKAN TENAGA RAYA
Nomor: KEP.112/KTR/XI/2026
TENTANG PENETAPAN HASIL SERTIFIKASI KOMPETENSI
MEMUTUSKAN:
Menetapkan asesi berikut dinyatakan KOMPETEN:
  1. Hadi Nugroho     NIK 3635362911760125  SKM.41.00012
  2. Rina Harahap     NIK 3347124404801187  SKM.78.00104
  3. Gede Wibowo      NIK 3644262511926324  SKM.78.00104"""
HEADER = ["NAMA ASESI", "NIK", "KODE SKEMA", "REKOMENDASI"]


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")


def take_in(services, lsp, files: dict[str, bytes]) -> int:
    reception = Reception(services)
    plan = reception.prepare(list(files.items()))
    return reception.commit(plan, lsp_id=lsp.id).request.id


def rows(count: int, nik=lambda i: f"320115{(i % 28) + 1:02d}0190{i:04d}") -> list[list[object]]:
    """`count` competent participants with plausible, distinct NIKs (born 1990, day 1 to 28)."""
    return [[f"Peserta {i}", nik(i), "SKM.41.00012", "K"] for i in range(1, count + 1)]


def list_findings(services, request_id) -> list[tuple[str | None, int | None, str]]:
    return [(f.sheet, f.row, f.message) for f in checklist.build(services, request_id).findings if f.item == "list"]


def test_the_checklist_reads_what_intake_stored_not_the_files(services, lsp, monkeypatch):
    request_id = take_in(services, lsp, {"surat.pdf": pdf_bytes(LETTER_TEXT), "ba.pdf": pdf_bytes(MINUTES_TEXT),
                                         "sk.pdf": pdf_bytes(DECISION_NAMES),
                                         "Daftar Peserta.xlsx": standard_list_bytes()})
    fresh = checklist.build(services, request_id)  # right after intake, from the analyses made there
    # the decision compared with the list's rows: Indah is missing, Gede is BK in the list
    assert [f.message for f in fresh.findings if f.document == "sk.pdf"] == [
        "peserta kompeten di daftar tetapi tidak ada di keputusan: Indah Nugroho (3260046802025858)",
        "NIK 3644262511926324 ada di keputusan (Gede Wibowo, BK di daftar peserta)",
    ]
    reception_module._ANALYSES.clear()  # another session: nothing of the intake is in memory
    monkeypatch.setattr(services.storage.files, "read", lambda sha: pytest.fail("a stored file was read"))
    assert checklist.build(services, request_id).as_json() == fresh.as_json()


@pytest.mark.parametrize("where", ["xml", "calamine"])
def test_a_list_above_the_row_limit_is_refused_naming_the_limit(services, lsp, monkeypatch, where):
    monkeypatch.setattr(participants, "MAX_LIST_ROWS", 50_000)
    if where == "calamine":
        # a file whose XML cannot be counted: the limit holds once the sheets are loaded
        monkeypatch.setattr(participants, "xlsx_value_rows", lambda data: None)
    request_id = take_in(services, lsp, {"Daftar Besar.xlsx": fast_list_bytes([HEADER, *rows(60_000)])})
    cl = checklist.build(services, request_id)
    assert cl.items["list"].status == "invalid"
    assert [(f.document, f.row, f.message) for f in cl.findings if f.item == "list"] == [
        ("Daftar Besar.xlsx", None, "daftar peserta terlalu besar: 60.001 baris berisi data (batas 50.000 baris "
                                    "per daftar); berkas tidak dibaca. Kirim daftar peserta saja, satu baris per "
                                    "peserta")]
    assert cl.competent is None


def test_findings_of_one_kind_are_summarised_after_two_hundred(services, lsp):
    listed = rows(2_000, nik=lambda i: f"32011501900{i:04d}")  # 15 digits: one error per row
    listed[9][0] = ""  # and one row without a name: another kind, listed
    request_id = take_in(services, lsp, {"Daftar Peserta.xlsx": fast_list_bytes([HEADER, *listed])})
    found = list_findings(services, request_id)
    assert len(found) == 202
    assert found[:2] == [
        ("Peserta", 2, 'Baris 2: NIK "320115019000001" bukan 16 digit (15 digit)'),
        ("Peserta", 3, 'Baris 3: NIK "320115019000002" bukan 16 digit (15 digit)'),
    ]
    assert ("Peserta", 11, "Baris 11: nama kosong") in found
    assert found[-1] == ("Peserta", None, 'dan 1.800 baris lain dengan masalah yang sama seperti baris 201 '
                                          '(NIK "320115019000200" bukan 16 digit (15 digit))')
    stored = Document.get(Document.request == request_id).analysis
    assert stored["findings"] == 202 and len(stored["finding_list"]) == 202


def test_participants_counted_elsewhere_are_summarised_too(services, lsp):
    listed = rows(300)
    take_in(services, lsp, {"Daftar Peserta.xlsx": fast_list_bytes([["DAFTAR 1"], HEADER, *listed])})
    second = take_in(services, lsp, {"Daftar Peserta.xlsx": fast_list_bytes([["DAFTAR 2"], HEADER, *listed])})
    found = list_findings(services, second)
    assert len(found) == 201
    assert found[0] == ("Peserta", 3, f"Baris 3: NIK {listed[0][1]} skema SKM.41.00012 sudah dihitung kompeten "
                                      "pada permohonan #1")
    assert found[-1] == ("Peserta", None, "dan 100 baris lain dengan masalah yang sama seperti baris 202 (NIK "
                                          f"{listed[199][1]} skema SKM.41.00012 sudah dihitung kompeten pada "
                                          "permohonan #1)")


def test_a_standard_header_list_is_not_affected(services, lsp):
    """The template's list (title rows, merged cells) reads as before: counts and no finding."""
    request_id = take_in(services, lsp, {"Daftar Peserta.xlsx": standard_list_bytes()})
    cl = checklist.build(services, request_id)
    assert (cl.competent, cl.not_yet) == (3, 1) and list_findings(services, request_id) == []
    assert STANDARD_HEADER == Document.get(Document.request == request_id).analysis["list"]["headers"]
