"""`blanko stock`: the stock register from the command line, checked through the core; refusals exit 1 with
the core's reason and change nothing."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from pypdf import PdfReader

from blanko_desktop.core.stock import SerialRange

from .conftest import opened, raw_sql


def R(first, last):  # noqa: N802
    return SerialRange("KB", first, last)


@contextmanager
def core(db):
    """The stock ledger on the database, opened in this process for setting up and checking."""
    from blanko_desktop.core.stock import StockLedger

    with opened(db) as services:
        yield services, StockLedger(services)


def approved(db: Path, qty: int, kind: str = "new", lsp: str = "LSP Uji Stok") -> int:
    """A request approved for `qty` blanks by the echelon-4 official (core/approval)."""
    from tests.core.stock.conftest import make_approved, make_replacement

    with core(db) as (services, _):
        found = [v for v in services.lsp_views() if v.name == lsp]
        lsp_id = found[0].id if found else services.add_lsp(lsp, [], address="Jl. Uji 1", city="Jakarta").id
        if kind == "replacement":
            return make_replacement(services, lsp_id)
        return make_approved(services, qty, lsp_id)


@pytest.fixture
def stocked(cli, db) -> Path:
    cli("stock", "receive", "--first", "KB 0000001", "--last", "KB 0001000", "--doc", "SJ-001/PERURI/2026",
        "--date", "2026-08-03", db=db)
    return db


def test_receive_then_allocate_the_suggestion(cli, stocked):
    req = approved(stocked, 40)
    data = cli("stock", "allocate", req, "--json", db=stocked).json()
    assert data["quantity"] == 40 and data["ranges"][0]["text"] == "KB 0000001 – KB 0000040"
    assert data["available"] == 960
    with core(stocked) as (_, ledger):
        assert ledger.request_ranges(req) == [R(1, 40)]
        assert ledger.balance().available == 960
        assert ledger.ledger(kind="receive").lines[0].doc_number == "SJ-001/PERURI/2026"


def test_allocate_bundles_typed_or_scanned(cli, stocked):
    req = approved(stocked, 30)
    out = cli("stock", "allocate", f"#{req}", "--range", "KB0000101-KB0000110", "--range", "kb 201 s/d kb 220",
              db=stocked).out
    assert "KB 0000101 – KB 0000110 (10 lembar)" in out and "KB 0000201 – KB 0000220 (20 lembar)" in out
    with core(stocked) as (_, ledger):
        assert ledger.request_ranges(req) == [R(101, 110), R(201, 220)]


def test_spoil_return_and_reverse(cli, stocked):
    lsp_req = approved(stocked, 10)
    cli("stock", "allocate", lsp_req, db=stocked)
    replacement = approved(stocked, 0, kind="replacement")
    cli("stock", "spoil", "KB 0000500", "KB 0000600-KB 0000601", "--reason", "uji cetak printer", db=stocked)
    cli("stock", "return", "KB 0000003-KB 0000004", "--request", replacement, "--reason", "BA kerusakan: basah",
        db=stocked)
    with core(stocked) as (_, ledger):
        b = ledger.balance()
        assert (b.available, b.issued, b.spoiled, b.returned) == (987, 8, 3, 2)
        spoil = ledger.ledger(kind="spoil").lines[0]
    data = cli("stock", "reverse", spoil.id, "--reason", "salah catat", "--json", db=stocked).json()
    assert data["reversed"]["reversed_by"] == data["line"]["id"] and data["line"]["reverses"] == spoil.id
    with core(stocked) as (_, ledger):
        assert ledger.balance().spoiled == 1
        assert ledger.where("KB 0000601").place == "available"
        assert ledger.verify() == []


def test_cancel_issue_brings_the_serials_back(cli, stocked):
    req = approved(stocked, 25)
    cli("stock", "allocate", req, db=stocked)
    data = cli("stock", "cancel-issue", req, "--reason", "LSP salah alamat", "--json", db=stocked).json()
    assert data["available"] == 1000 and data["ranges"][0]["text"] == "KB 0000001 – KB 0000025"
    with core(stocked) as (_, ledger):
        assert ledger.request_ranges(req) == []


def test_count_settle_and_report(cli, stocked, tmp_path):
    data = cli("stock", "count", "--range", "KB 0000001 - KB 0000990", "--json", db=stocked).json()
    assert (data["book"], data["counted"], data["difference"]) == (1000, 990, -10)
    assert [r["text"] for r in data["missing"]] == ["KB 0000991 – KB 0001000"]
    settled = cli("stock", "settle", data["id"], "--explanation", "sepuluh lembar terbakar, ada laporannya",
                  "--json", db=stocked).json()
    assert settled["settled_by"] and settled["available"] == 990
    out = tmp_path / "ba" / "stock-opname-1.pdf"
    cli("stock", "report", data["id"], "--out", out, db=stocked)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "BERITA ACARA STOCK OPNAME" in text and "KB 0000991 – KB 0001000" in text
    with core(stocked) as (_, ledger):
        assert ledger.balance().missing == 10 and ledger.where("KB 0000995").place == "missing"


def test_count_output_says_what_is_left_to_do(cli, stocked):
    out = cli("stock", "count", "--range", "KB 0000001 - KB 0000995", db=stocked).out
    assert "kurang (tidak ditemukan): KB 0000996 – KB 0001000 (5 lembar)" in out
    assert 'Selisih belum diselesaikan: blanko stock settle 1 --explanation "..."' in out


def test_count_by_total_only(cli, stocked):
    data = cli("stock", "count", "--counted", "1000", "--json", db=stocked).json()
    assert data["difference"] == 0 and data["by_ranges"] is False
    assert "Sesuai buku." in cli("stock", "count", "--counted", "1000", db=stocked).out


def test_balance_where_ledger_and_issued(cli, stocked):
    req = approved(stocked, 40)
    cli("stock", "allocate", req, db=stocked)
    balance = cli("stock", "balance", "--json", db=stocked).json()
    assert (balance["available"], balance["issued"], balance["received"]) == (960, 40, 1000)
    assert [r["text"] for r in balance["available_ranges"]] == ["KB 0000041 – KB 0001000"]
    assert balance["low_stock"]["issued_90_days"] == 40
    past = cli("stock", "balance", "--at", "2020-01-01", "--json", db=stocked).json()
    assert past["available"] == 0 and "available_ranges" not in past
    where = cli("stock", "where", "kb0000017", "--json", db=stocked).json()
    assert (where["place"], where["request"], where["lsp"]) == ("issued", req, "LSP Uji Stok")
    assert [m["kind"] for m in where["lines"]] == ["receive", "issue"]
    assert "dikeluarkan — permohonan" in cli("stock", "where", "17", db=stocked).out
    page = cli("stock", "ledger", "--lsp", "uji stok", "--json", db=stocked).json()
    assert page["total"] == 1 and page["lines"][0]["kind"] == "issue"
    assert cli("stock", "ledger", "--kind", "receive", "--limit", "1", "--json", db=stocked).json()["total"] == 1
    assert cli("stock", "ledger", "--serial", "KB 0000999", "--json", db=stocked).json()["total"] == 1
    issued = cli("stock", "issued", "--json", db=stocked).json()
    assert issued["per_lsp"] == [{"lsp": "LSP Uji Stok", "lsp_id": issued["per_lsp"][0]["lsp_id"], "quantity": 40}]
    assert issued["total"] == 40 and len(issued["per_month"]) == 1


REFUSALS = [
    (("receive", "--first", "KB 0000900", "--last", "KB 0001100", "--doc", "SJ-2"),
     "Penerimaan ditolak: nomor seri sudah tercatat — KB 0000900 – KB 0001000 (tersedia di gudang)."),
    (("receive", "--first", "KB 0002000", "--last", "KB 0001001", "--doc", "SJ-2"),
     "Rentang terbalik: KB 0002000 – KB 0001001; nomor awal harus lebih kecil dari nomor akhir."),
    (("receive", "--first", "SN 0002000", "--last", "SN 0002100", "--doc", "SJ-2"),
     "Nomor seri 'SN 0002000' berawalan 'SN', bukan 'KB' (format: KB 0000001)."),
    (("receive", "--first", "KB 0002000", "--last", "KB 0002100"),
     "Nomor dokumen pengiriman dari percetakan wajib diisi."),
    (("spoil", "KB 0000010", "--reason", "sobek"),
     "Pencatatan rusak KB 0000010 ditolak: tidak semua lembar tersedia di gudang — "
     "KB 0000010 (dikeluarkan untuk permohonan #{req})."),
    (("spoil", "KB 0000500", "--reason", "lagi"),
     "Pencatatan rusak KB 0000500 ditolak: tidak semua lembar tersedia di gudang — KB 0000500 (rusak di kantor)."),
    (("spoil", "KB 0005000", "--reason", "x"),
     "Pencatatan rusak KB 0005000 ditolak: tidak semua lembar tersedia di gudang — KB 0005000 "
     "(belum pernah diterima)."),
    (("allocate", "{other}", "--range", "KB 0000101-KB 0000120"),
     "Permohonan #{other} disetujui 15 lembar, tetapi rentang yang diisi berjumlah 20 lembar "
     "(KB 0000101 – KB 0000120)."),
    (("allocate", "{other}", "--range", "KB 0000101-KB 0000110"),
     "Permohonan #{other} disetujui 15 lembar, tetapi rentang yang diisi berjumlah 10 lembar "
     "(KB 0000101 – KB 0000110)."),
    (("allocate", "{other}", "--range", "KB 0000001-KB 0000015"),
     "Pengeluaran KB 0000001 – KB 0000015 ditolak: tidak semua lembar tersedia di gudang — "
     "KB 0000001 – KB 0000010 (dikeluarkan untuk permohonan #{req})."),
    (("allocate", "{req}"),
     "Blanko untuk permohonan #{req} sudah dikeluarkan: KB 0000001 – KB 0000010. Batalkan pengeluaran itu dulu "
     "bila ingin menggantinya."),
    (("reverse", "{reversal}", "--reason", "batal lagi"),
     "Catatan #{reversal} (KB 0000500) sendiri adalah pembatalan; pembatalan tidak dapat dibatalkan lagi — "
     "catat gerakan baru."),
    (("reverse", "999", "--reason", "x"), "Catatan stok #999 tidak ditemukan."),
    (("settle", "7", "--explanation", "tidak ada opname ini"), "Stock opname #7 tidak ditemukan."),
    (("count", "--range", "KB 0000001-KB 0000010", "--range", "KB 0000005-KB 0000020"),
     "Rentang KB 0000001 – KB 0000010 dan KB 0000005 – KB 0000020 tumpang tindih (KB 0000005 – KB 0000010 "
     "disebut dua kali)."),
    (("return", "KB 0000001", "--request", "{req}", "--reason", "rusak"),
     "Permohonan #{req} bukan permohonan penggantian blanko rusak; blanko rusak dari LSP dicatat pada "
     "permohonan penggantiannya."),
    (("where", "KB 12345678"), "Nomor seri 'KB 12345678' lebih dari 7 digit (format: KB 0000001)."),
]


@pytest.mark.parametrize("args, message", REFUSALS, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _) in
                                                         enumerate(REFUSALS)])
def test_refusals_exit_1_with_the_reason_and_change_nothing(cli, stocked, args, message):
    req = approved(stocked, 10)
    cli("stock", "allocate", req, db=stocked)
    other = approved(stocked, 15)
    cli("stock", "spoil", "KB 0000500", "--reason", "uji cetak", db=stocked)
    spoil_line = cli("stock", "ledger", "--kind", "spoil", "--json", db=stocked).json()["lines"][0]["id"]
    reversal = cli("stock", "reverse", spoil_line, "--reason", "salah catat", "--json", db=stocked).json()["line"]["id"]
    cli("stock", "spoil", "KB 0000500", "--reason", "uji cetak ulang", db=stocked)
    names = {"req": req, "other": other, "reversal": reversal}
    with core(stocked) as (_, ledger):
        before = (ledger.ledger(page_size=1000), ledger.available_ranges())
    result = cli("stock", *[a.format(**names) for a in args], "--json", db=stocked, expect=1)
    assert result.err.strip() == f"blanko: {message.format(**names)}"
    assert result.json()["error"] == message.format(**names)
    with core(stocked) as (_, ledger):
        assert (ledger.ledger(page_size=1000), ledger.available_ranges()) == before


def test_usage_errors_exit_2(cli, db):
    assert "--counted" in cli("stock", "count", db=db, expect=2).err
    assert "invalid choice" in cli("stock", "ledger", "--kind", "lost", db=db, expect=2).err


def test_report_refuses_to_overwrite(cli, stocked, tmp_path):
    cli("stock", "count", "--counted", "1000", db=stocked)
    out = tmp_path / "ba.pdf"
    out.write_bytes(b"lama")
    result = cli("stock", "report", "1", "--out", out, db=stocked, expect=1)
    assert "sudah ada; pilih nama lain" in result.err and out.read_bytes() == b"lama"


def test_check_replays_the_ledger(cli, stocked):
    req = approved(stocked, 10)
    cli("stock", "allocate", req, db=stocked)
    assert cli("check", "--json", db=stocked).json()["ok"] is True
    # a hand edit behind the application's back
    raw_sql(stocked, "UPDATE stock_range SET place = 'available' WHERE place = 'issued'")
    data = cli("check", "--json", db=stocked, expect=1).json()
    assert any(p.startswith("Buku stok: tabel stock_range berbeda dari buku stok") for p in data["problems"])


def test_stock_as_a_separate_process(cli_process, new_db):
    db = new_db()
    cli_process("init", db=db)
    out = cli_process("stock", "receive", "--first", "1", "--last", "250", "--doc", "SJ-9", db=db).out
    assert "KB 0000001 – KB 0000250 (250 lembar)" in out
    refused = cli_process("stock", "spoil", "KB 0000300", "--reason", "x", db=db, expect=1)
    assert "belum pernah diterima" in refused.err
    assert cli_process("stock", "balance", "--json", db=db).json()["available"] == 250
