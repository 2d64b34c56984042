"""`blanko settings`: every shared rule an office may change with its value, default and allowed values; `settings
set` changes one through the core rule (checked through the core), a refusal exits 1 with its Indonesian reason
and changes nothing."""

from __future__ import annotations

import pytest

from .conftest import opened

KEYS = ["stock_serial_format", "stock_low_weeks", "receipt_reminder_days", "courier"]


def shown(cli, db) -> dict:
    return {s["key"]: s for s in cli("settings", "--json", db=db).json()["settings"]}


def test_settings_lists_each_with_value_default_and_allowed_values(cli, db):
    lines = cli("settings", db=db).out.splitlines()
    assert lines[:10] == [
        "stock_serial_format  Format nomor seri blanko",
        "  nilai   KB, 7 digit (KB 0000001)  (bawaan)",
        "  bawaan  KB, 7 digit (KB 0000001)",
        "  boleh   awalan 1–8 huruf dan 3–12 digit, ditulis seperti nomor seri (KB 0000001) atau AWALAN:DIGIT (KB:7); "
        "awalan tetap selama buku stok mencatat nomor seri, digit cukup untuk nomor terbesar yang tercatat",
        "",
        "stock_low_weeks  Batas peringatan stok menipis",
        "  nilai   8 minggu  (bawaan)",
        "  bawaan  8 minggu",
        "  boleh   1–52 minggu persediaan pada laju pengeluaran 90 hari terakhir",
        "",
    ]
    assert "receipt_reminder_days  Pengingat tanda terima belum kembali" in lines
    assert "  nilai   (tidak ada)  (bawaan)" in lines
    data = shown(cli, db)
    assert list(data) == KEYS
    assert data["receipt_reminder_days"] == {
        "key": "receipt_reminder_days", "label": "Pengingat tanda terima belum kembali", "value": 5,
        "text": "5 hari kerja", "default": 5, "default_text": "5 hari kerja",
        "allowed": "1–60 hari kerja setelah paket diterima LSP", "stored": False, "version": 0, "updated_by": "",
        "updated_at": None}


def test_set_changes_it_for_everyone_and_says_what_it_was(cli, db):
    out = cli("settings", "set", "stock_low_weeks", "12", "--officer", "Budi Santoso", db=db).out
    assert out == ("Disimpan: Batas peringatan stok menipis = 12 minggu (sebelumnya 8 minggu). Berlaku untuk semua "
                   "petugas.\n")
    data = cli("settings", "set", "stock_serial_format", "SN 00001", "--json", db=db).json()
    assert (data["value"], data["text"], data["changed"], data["before"]) == (
        {"prefix": "SN", "digits": 5}, "SN, 5 digit (SN 00001)", True, {"prefix": "KB", "digits": 7})
    assert cli("settings", "set", "courier", "JNE Kantor Pusat", db=db).out.startswith("Disimpan: Kurir bawaan = JNE")
    again = cli("settings", "set", "stock_low_weeks", "12", db=db)
    assert again.out == "Tidak berubah: Batas peringatan stok menipis sudah 12 minggu.\n"
    with opened(db) as services:  # through the core, as every capability reads them
        from blanko_desktop.core.stock import StockLedger

        assert StockLedger(services).low_stock().threshold_weeks == 12
        assert StockLedger(services).serial_format().text(7) == "SN 00007"
        assert services.setting("courier") == "JNE Kantor Pusat"
    weeks = shown(cli, db)["stock_low_weeks"]
    assert (weeks["stored"], weeks["version"], weeks["updated_by"].startswith("Budi Santoso (")) == (True, 1, True)
    assert "  nilai   12 minggu  (diubah oleh Budi Santoso (" in cli("settings", db=db).out
    cli("settings", "set", "courier", "", db=db)  # emptied: typed at each hand-over again
    assert shown(cli, db)["courier"]["text"] == "(tidak ada)"


@pytest.mark.parametrize("key, value, message", [
    ("stock_low_weeks", "0", "Batas peringatan stok menipis: 0 minggu tidak dapat dipakai; isi 1 sampai 52 minggu."),
    ("stock_low_weeks", "-1", "Batas peringatan stok menipis: -1 minggu tidak dapat dipakai; isi 1 sampai 52 minggu."),
    ("receipt_reminder_days", "lima", "Pengingat tanda terima belum kembali: 'lima' bukan bilangan bulat; isi 1 "
                                      "sampai 60 hari kerja."),
    ("courier", "x" * 81, "Kurir bawaan: 81 huruf terlalu panjang; paling banyak 80 huruf."),
    ("stock_serial_format", "KB:2", "Jumlah digit nomor seri 2 tidak valid: gunakan 3 sampai 12 digit."),
    ("stock_serial_format", "nomor", "Format nomor seri blanko: 'nomor' tidak dapat dibaca; tulis nomor seri seperti "
                                     "KB 0000001 (awalan dan digitnya) atau AWALAN:DIGIT seperti KB:7."),
    ("sla_hours", "4", "Pengaturan 'sla_hours' tidak dikenal; yang dapat diubah: stock_serial_format, "
                       "stock_low_weeks, receipt_reminder_days, courier."),
])
def test_a_refused_value_exits_1_with_the_rule_and_changes_nothing(cli, db, key, value, message):
    before = shown(cli, db)
    result = cli("settings", "set", key, value, db=db, expect=1)
    assert (result.out, result.err) == ("", f"blanko: {message}\n")
    assert cli("settings", "set", key, value, "--json", db=db, expect=1).json() == {"error": message}
    assert shown(cli, db) == before


def test_a_format_that_would_strand_the_blanks_on_record_is_refused(cli, db):
    cli("stock", "receive", "--first", "KB 0000001", "--last", "KB 0012000", "--doc", "SJ-1", "--date", "2026-08-03",
        db=db)
    prefix = cli("settings", "set", "stock_serial_format", "SN 0000001", db=db, expect=1).err
    assert prefix.startswith("blanko: Awalan nomor seri tidak dapat diubah dari 'KB' ke 'SN': buku stok sudah "
                             "mencatat nomor seri KB 0000001 sampai KB 0012000. ")
    digits = cli("settings", "set", "stock_serial_format", "KB:4", db=db, expect=1).err
    assert digits == ("blanko: Jumlah digit nomor seri 4 terlalu sedikit: nomor seri terbesar yang tercatat, "
                      "KB 0012000, memerlukan 5 digit dan tidak dapat lagi diketik atau dicetak utuh. Gunakan 5 "
                      "sampai 12 digit.\n")
    assert shown(cli, db)["stock_serial_format"]["stored"] is False
    cli("settings", "set", "stock_serial_format", "KB:5", db=db)  # still wide enough
    assert cli("stock", "where", "KB 0000042", "--json", db=db).json()["serial"] == "KB 00042"


def test_if_version_refuses_a_colleagues_change_in_between(cli, db):
    version = shown(cli, db)["receipt_reminder_days"]["version"]
    cli("settings", "set", "receipt_reminder_days", "7", "--officer", "Sari Dewi", db=db)  # a colleague, meanwhile
    err = cli("settings", "set", "receipt_reminder_days", "10", "--if-version", version, db=db, expect=1).err
    assert err.startswith("blanko: Pengaturan 'Pengingat tanda terima belum kembali' sudah diubah oleh Sari Dewi (")
    assert err.endswith(" setelah Anda membukanya. Muat ulang data lalu ulangi perubahan Anda.\n")
    assert shown(cli, db)["receipt_reminder_days"]["value"] == 7
    cli("settings", "set", "receipt_reminder_days", "10", "--if-version", "1", db=db)
    assert shown(cli, db)["receipt_reminder_days"]["value"] == 10


@pytest.mark.parametrize("args, usage", [
    (("settings", "set", "courier"), "the following arguments are required: NILAI"),
    (("settings", "set", "stock_low_weeks", "3", "--if-version", "dua"), "argument --if-version: invalid int value"),
    (("settings", "ubah"), "invalid choice: 'ubah'"),
])
def test_usage_errors_exit_2(cli, db, args, usage):
    assert usage in cli(*args, db=db, expect=2).err


def test_settings_in_a_process_of_its_own(cli_process, db):
    """The console script's path: the command is registered, the value reaches the database."""
    cli_process("settings", "set", "courier", "TIKI — Pak Darto", db=db)
    assert "  nilai   TIKI — Pak Darto  (diubah oleh " in cli_process("settings", db=db).out
