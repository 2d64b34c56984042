"""`blanko lsp add|list|import`: the LSP registry from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook


def _workbook(path: Path, rows: list[list], title_rows: bool = True, extra_sheet: bool = False) -> Path:
    """An LSP list as offices keep them: merged title rows above the header, numbers typed as numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Daftar LSP"
    if title_rows:
        sheet.append(["DAFTAR LEMBAGA SERTIFIKASI PROFESI"])
        sheet.merge_cells("A1:G1")
        sheet.append(["Keadaan per 1 November 2026"])
        sheet.merge_cells("A2:G2")
        sheet.append([])
    sheet.append(["NO", "NAMA LSP", "NOMOR LISENSI", "ALAMAT", "KOTA", "KODE POS", "TELP", "E-MAIL"])
    for n, row in enumerate(rows, start=1):
        sheet.append([n, *row])
    if extra_sheet:
        notes = book.create_sheet("Catatan")
        notes.append(["Lembar ini hanya catatan"])
    book.save(path)
    return path


GOOD = [
    ["LSP Teknik Mesin Indonesia", "BNSP-LSP-0456-ID", "Jl. Gatot Subroto No. 1", "Jakarta Selatan", 12930,
     "(021) 525 0001", "sertifikasi@lsptmi.or.id; lsptmi.or.id"],
    ["LSP Agribisnis Nusantara", "BNSP-LSP-0789-ID", "Jl. Pajajaran No. 10", "Bogor", 16128,
     "0251-833 0002", "admin@lspagri.id"],
]


def test_import_reports_added_and_bad_rows_by_sheet_and_row(cli, db, tmp_path):
    rows = GOOD + [
        ["", "BNSP-LSP-0001-ID", "Jl. Tanpa Nama", "Depok", 16424, "021", "x@y.id"],  # row 7: no name
        ["LSP Kode Pos Salah", "BNSP-LSP-0002-ID", "Jl. B", "Depok", 1642, "021", "b@kodepos.id"],  # row 8
    ]
    path = _workbook(tmp_path / "daftar-lsp.xlsx", rows, extra_sheet=True)
    result = cli("lsp", "import", path, db=db)
    assert result.out.splitlines()[0] == "Ditambahkan: 2, diperbarui: 0, bermasalah: 3"
    assert "daftar-lsp.xlsx, lembar 'Daftar LSP', baris 7: nama LSP kosong." in result.out
    assert "lembar 'Daftar LSP', baris 8: Kode pos '1642' tidak valid" in result.out
    assert "lembar 'Catatan': judul kolom 'NAMA LSP' tidak ditemukan" in result.out

    lsps = {l["name"]: l for l in cli("lsp", "list", "--json", db=db).json()["lsps"]}
    assert set(lsps) == {"LSP Teknik Mesin Indonesia", "LSP Agribisnis Nusantara"}
    tmi = lsps["LSP Teknik Mesin Indonesia"]
    assert (tmi["postal_code"], tmi["emails"], tmi["domains"]) == ("12930", ["sertifikasi@lsptmi.or.id"],
                                                                   ["lsptmi.or.id"])

    again = cli("lsp", "import", path, "--json", db=db).json()
    assert (again["added"], again["updated"]) == (0, 2)


@pytest.mark.parametrize("content, problem", [
    ("no_header", "judul kolom 'NAMA LSP' tidak ditemukan"),
    ("only_bad_rows", "nama LSP kosong"),
    ("not_excel", "bukan berkas Excel yang dapat dibaca"),
])
def test_import_with_nothing_importable_is_refused(cli, db, tmp_path, content, problem):
    path = tmp_path / "lsp.xlsx"
    if content == "no_header":
        book = Workbook()
        book.active.append(["Tidak ada tabel di sini"])
        book.save(path)
    elif content == "only_bad_rows":
        _workbook(path, [["", "BNSP-LSP-0001-ID", "Jl. A", "Depok", 16424, "021", "a@b.id"]], title_rows=False)
    else:
        path.write_text("NAMA LSP;KOTA\nLSP A;Depok\n")
    text = cli("lsp", "import", path, db=db, expect=1)
    assert "Tidak ada LSP yang dapat diimpor dari lsp.xlsx" in text.err
    assert problem in text.err
    data = cli("lsp", "import", path, "--json", db=db, expect=1).json()
    assert data["added"] == data["updated"] == 0
    assert any(problem in p for p in data["problems"]) and data["error"]


def test_add_then_list(cli, db):
    added = cli("lsp", "add", "--name", "LSP Energi Terbarukan", "--email", "Admin@LSPET.id",
                "--email", "sertifikasi@lspet.id", "--domain", "lspet.id", "--address", "Jl. Surya No. 3",
                "--city", "Bandung", "--postal-code", "40115", "--phone", "(022) 123 456",
                "--licence", "BNSP-LSP-1234-ID", "--contact", "Siti Aminah", "--json", db=db).json()
    assert added["emails"] == ["admin@lspet.id", "sertifikasi@lspet.id"] and added["domains"] == ["lspet.id"]
    assert (added["licence_no"], added["contact_person"], added["active"]) == ("BNSP-LSP-1234-ID", "Siti Aminah",
                                                                              True)
    text = cli("lsp", "list", db=db).out
    assert "LSP Energi Terbarukan" in text and "Bandung" in text and "admin@lspet.id" in text
    assert cli("lsp", "list", "--active", "--json", db=db).json()["count"] == 1


def _statements_of(cli, monkeypatch, *argv, db) -> tuple[list[str], object]:
    """The SQL statements one in-process command runs on its database, once the file is open."""
    from blanko_desktop.core.storage import Storage

    seen: list[str] = []
    original = Storage.open.__func__

    def traced(cls, *args, **kwargs):
        storage = original(cls, *args, **kwargs)
        storage.db.connection().set_trace_callback(seen.append)
        return storage

    monkeypatch.setattr(Storage, "open", classmethod(traced))
    result = cli(*argv, db=db)
    monkeypatch.undo()
    return seen, result


def test_lsp_list_reads_a_fixed_number_of_statements_whatever_the_number_of_lsps(cli, db, monkeypatch):
    """With 13 LSPs `lsp list` ran 27 statements (the addresses read per LSP); now the same as with 3."""
    counts, added = [], 0
    for total in (3, 13):
        while added < total:
            added += 1
            n = added
            cli("lsp", "add", "--name", f"LSP Uji {n:02d}", "--email", f"admin@lsp{n}.or.id", "--domain",
                f"lsp{n}.or.id", "--address", "Jl. Uji 1", "--city", "Bogor", "--phone", "0251-830000", db=db)
        seen, result = _statements_of(cli, monkeypatch, "lsp", "list", "--json", db=db)
        assert result.json()["count"] == total
        assert all(len(lsp["emails"]) == 1 and len(lsp["domains"]) == 1 for lsp in result.json()["lsps"])
        counts.append(sum(1 for s in seen if s.lstrip().upper().startswith("SELECT")))
    assert counts[0] == counts[1], counts
