"""Serials of 10 and 12 digits (a format an office may choose, core/stock/serials.py) through the whole stock
register on both engines: above 2,147,483,647 a serial no longer fits a 32-bit integer, which the server's
columns were until schema step 13 (a receipt failed there with "integer out of range")."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from .conftest import opened, raw_sql
from .test_stock import approved


def ranges(data: dict, key: str) -> list[str]:
    return [r["text"] for r in data[key]]


@pytest.fixture
def ten_digit_db(cli, db):
    cli("settings", "set", "stock_serial_format", "KB:10", db=db)
    return db


def test_ten_digit_serials_above_32_bits_go_through_the_register(cli, ten_digit_db, tmp_path):
    db = ten_digit_db
    received = cli("stock", "receive", "--first", "KB 3000000001", "--last", "KB 3000000100", "--doc", "SJ-10/2026",
                   "--date", "2026-08-03", "--json", db=db).json()
    assert ranges(received, "ranges") == ["KB 3000000001 – KB 3000000100"] and received["quantity"] == 100
    assert received["ranges"][0]["first"] == 3_000_000_001

    req = approved(db, 40)
    issued = cli("stock", "allocate", req, "--json", db=db).json()
    assert ranges(issued, "ranges") == ["KB 3000000001 – KB 3000000040"] and issued["available"] == 60
    cli("stock", "spoil", "KB 3000000100", "--reason", "uji cetak printer", db=db)

    # damaged sheets back from the LSP, replaced serial for serial: replaces_first_no holds a big serial too
    replacement = approved(db, 0, kind="replacement")
    cli("stock", "return", "KB 3000000003-KB 3000000004", "--request", replacement, "--reason", "BA: basah", db=db)
    with opened(db) as services:
        from tests.core.stock.conftest import approve_replacement

        approve_replacement(services, replacement, 2)
    again = cli("stock", "allocate", replacement, "--json", db=db).json()
    assert ranges(again, "ranges") == ["KB 3000000041 – KB 3000000042"]
    where = cli("stock", "where", "KB 3000000042", "--json", db=db).json()
    assert where["place"] == "issued" and where["replaces"] == "KB 3000000004"
    assert cli("stock", "where", "KB 3000000003", "--json", db=db).json()["replaced_by"] == "KB 3000000041"
    lines = cli("stock", "ledger", "--serial", "KB 3000000042", "--json", db=db).json()["lines"]
    assert [m["kind"] for m in lines] == ["issue", "receive"] and lines[0]["replaces"] == "KB 3000000003 – KB 3000000004"

    balance = cli("stock", "balance", "--json", db=db).json()
    assert (balance["received"], balance["available"], balance["issued"], balance["spoiled"], balance["returned"]) \
        == (100, 57, 40, 1, 2)
    assert ranges(balance, "available_ranges") == ["KB 3000000043 – KB 3000000099"]

    count = cli("stock", "count", "--range", "KB 3000000043 - KB 3000000090", "--range", "KB 3000000095-KB 3000000099",
                "--json", db=db).json()
    assert (count["book"], count["counted"], count["difference"]) == (57, 53, -4)
    assert ranges(count, "missing") == ["KB 3000000091 – KB 3000000094"]
    cli("stock", "settle", count["id"], "--explanation", "empat lembar hilang, ada laporannya", db=db)
    out = tmp_path / "ba.pdf"
    cli("stock", "report", count["id"], "--out", out, db=db)
    assert "KB 3000000091 – KB 3000000094" in "".join(page.extract_text() for page in PdfReader(out).pages)
    assert cli("stock", "where", "KB 3000000092", "--json", db=db).json()["place"] == "missing"

    # stored as the numbers they are, not wrapped or rounded
    assert raw_sql(db, "SELECT MAX(last_no), MAX(replaces_first_no) FROM stock_movement") == [(3_000_000_100,
                                                                                               3_000_000_003)]
    report = cli("check", "--json", db=db).json()
    assert report["ok"], report["problems"]
    assert report["checked"]["replayed_movements"] == 6  # receive, issue, spoil, return, issue, adjust


def test_twelve_digit_serials_at_the_top_of_the_format(cli, db):
    cli("settings", "set", "stock_serial_format", "KB:12", db=db)
    cli("stock", "receive", "--first", "KB 999999999001", "--last", "KB 999999999999", "--doc", "SJ-12", db=db)
    req = approved(db, 999)
    issued = cli("stock", "allocate", req, "--json", db=db).json()
    assert ranges(issued, "ranges") == ["KB 999999999001 – KB 999999999999"] and issued["available"] == 0
    assert cli("stock", "where", "KB 999999999999", "--json", db=db).json()["request"] == req
    assert cli("check", "--json", db=db).json()["ok"] is True


def test_a_count_of_sheets_above_32_bits(cli, ten_digit_db):
    """A delivery of 3,000,000,000 sheets is not a real one, but the counts the register keeps and sums
    (quantity, book balance, counted) read back as the same whole numbers on both engines."""
    db = ten_digit_db
    cli("stock", "receive", "--first", "KB 0000000001", "--last", "KB 3000000000", "--doc", "SJ-besar", db=db)
    cli("stock", "spoil", "KB 2999999999-KB 3000000000", "--reason", "uji", db=db)
    balance = cli("stock", "balance", "--json", db=db).json()
    assert (balance["received"], balance["available"], balance["spoiled"]) == (3_000_000_000, 2_999_999_998, 2)
    assert all(type(balance[k]) is int for k in ("received", "available", "spoiled"))
    count = cli("stock", "count", "--counted", "2999999998", "--json", db=db).json()
    assert (count["book"], count["counted"], count["difference"]) == (2_999_999_998, 2_999_999_998, 0)
    assert "2.999.999.998" in cli("stock", "balance", db=db).out
    assert cli("check", "--json", db=db).json()["ok"] is True


@pytest.mark.sqlite_only  # names both sides itself: a file, copied to the server and back
def test_big_serials_go_to_the_server_and_back(cli, db, server_db, tmp_path):
    cli("settings", "set", "stock_serial_format", "KB:10", db=db)
    cli("stock", "receive", "--first", "KB 3000000001", "--last", "KB 3000000100", "--doc", "SJ-10", db=db)
    req = approved(db, 40)
    cli("stock", "allocate", req, db=db)
    count = cli("stock", "count", "--range", "KB 3000000041 - KB 3000000098", "--json", db=db).json()
    cli("stock", "settle", count["id"], "--explanation", "dua lembar hilang, ada laporannya", db=db)

    back = tmp_path / "kembali" / "blanko.sqlite"
    cli("copy", "--from", db, "--to", server_db)
    cli("copy", "--from", server_db, "--to", back)
    views = []
    for where in (db, server_db, back):
        report = cli("check", "--json", db=where).json()
        assert report["ok"], (where, report["problems"])
        assert report["checked"]["replayed_movements"] == 3
        views.append((cli("stock", "balance", "--json", db=where).json()["available_ranges"],
                      cli("stock", "ledger", "--json", db=where).json(),
                      cli("stock", "where", "KB 3000000099", "--json", db=where).json()))
    assert views[0] == views[1] == views[2]
    assert [r["text"] for r in views[0][0]] == ["KB 3000000041 – KB 3000000098"]
