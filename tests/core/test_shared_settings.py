"""The shared rules an office may change (core/shared_settings.py): defaults, what each allows and refuses (the
message is part of the behaviour), the audit, a colleague's change in between, and what a new serial format
may do to the serials on record."""

from __future__ import annotations

from datetime import date

import pytest

from blanko_desktop.core import shared_settings as S
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import ConflictError, RuleError
from blanko_desktop.core.models import AuditEvent, Setting, StockCount, StockMovement
from blanko_desktop.core.services import Services
from blanko_desktop.core.shipping.common import receipt_days
from blanko_desktop.core.stock import StockLedger

DELIVERY = date(2026, 8, 3)


@pytest.fixture
def ledger(services) -> StockLedger:
    return StockLedger(services)


@pytest.fixture
def colleague(services) -> Services:
    """Another officer on the same database."""
    return Services(services.storage, Actor("sari", "Sari Dewi"))


def stored() -> dict:
    return {row.key: (row.value, row.version) for row in Setting.select()}


def setting_events() -> list[tuple]:
    return list(AuditEvent.select(AuditEvent.entity_id, AuditEvent.before, AuditEvent.after)
                .where(AuditEvent.action == "setting.change").order_by(AuditEvent.id).tuples())


def test_every_setting_shows_its_default_until_changed(services):
    assert [(v.key, v.label, v.value, v.text, v.stored, v.version) for v in S.views(services)] == [
        ("stock_serial_format", "Format nomor seri blanko", {"prefix": "KB", "digits": 7}, "KB, 7 digit (KB 0000001)",
         False, 0),
        ("stock_low_weeks", "Batas peringatan stok menipis", 8, "8 minggu", False, 0),
        ("receipt_reminder_days", "Pengingat tanda terima belum kembali", 5, "5 hari kerja", False, 0),
        ("courier", "Kurir bawaan", "", "(tidak ada)", False, 0),
    ]
    assert [v.allowed for v in S.views(services)][1:] == [
        "1–52 minggu persediaan pada laju pengeluaran 90 hari terakhir",
        "1–60 hari kerja setelah paket diterima LSP",
        "nama kurir, satu baris, paling banyak 80 huruf; kosong: diketik saat serah terima",
    ]


@pytest.mark.parametrize("key, value, kept, text", [
    ("stock_low_weeks", 12, 12, "12 minggu"),
    ("stock_low_weeks", " 52 ", 52, "52 minggu"),  # typed at a command line
    ("stock_low_weeks", "1", 1, "1 minggu"),
    ("receipt_reminder_days", 60, 60, "60 hari kerja"),
    ("receipt_reminder_days", "10", 10, "10 hari kerja"),
    ("courier", "  JNE — Pak Agus ", "JNE — Pak Agus", "JNE — Pak Agus"),
    ("courier", "x" * 80, "x" * 80, "x" * 80),
    ("stock_serial_format", "SN 00001", {"prefix": "SN", "digits": 5}, "SN, 5 digit (SN 00001)"),
    ("stock_serial_format", "bl-000000000001", {"prefix": "BL", "digits": 12}, "BL, 12 digit (BL 000000000001)"),
    ("stock_serial_format", "kb:8", {"prefix": "KB", "digits": 8}, "KB, 8 digit (KB 00000001)"),
    ("stock_serial_format", '{"prefix": "SN", "digits": 6}', {"prefix": "SN", "digits": 6}, "SN, 6 digit (SN 000001)"),
    ("stock_serial_format", {"prefix": "sn", "digits": 3}, {"prefix": "SN", "digits": 3}, "SN, 3 digit (SN 001)"),
])
def test_allowed_values_are_stored_as_each_capability_reads_them(services, key, value, kept, text):
    view = S.change(services, key, value)
    assert (view.value, view.text, view.stored, view.version) == (kept, text, True, 1)
    assert services.setting(key) == kept
    assert view.updated_by == "Budi Santoso (officer1)"


@pytest.mark.parametrize("key, value, message", [
    ("stock_low_weeks", 0, "Batas peringatan stok menipis: 0 minggu tidak dapat dipakai; isi 1 sampai 52 minggu."),
    ("stock_low_weeks", 53, "Batas peringatan stok menipis: 53 minggu tidak dapat dipakai; isi 1 sampai 52 minggu."),
    ("stock_low_weeks", "-3", "Batas peringatan stok menipis: -3 minggu tidak dapat dipakai; isi 1 sampai 52 minggu."),
    ("stock_low_weeks", "delapan", "Batas peringatan stok menipis: 'delapan' bukan bilangan bulat; isi 1 sampai 52 "
                                   "minggu."),
    ("stock_low_weeks", "8.5", "Batas peringatan stok menipis: '8.5' bukan bilangan bulat; isi 1 sampai 52 minggu."),
    ("stock_low_weeks", True, "Batas peringatan stok menipis: 'True' bukan bilangan bulat; isi 1 sampai 52 minggu."),
    ("receipt_reminder_days", 0, "Pengingat tanda terima belum kembali: 0 hari kerja tidak dapat dipakai; isi 1 "
                                 "sampai 60 hari kerja."),
    ("receipt_reminder_days", "61", "Pengingat tanda terima belum kembali: 61 hari kerja tidak dapat dipakai; isi 1 "
                                    "sampai 60 hari kerja."),
    ("receipt_reminder_days", "", "Pengingat tanda terima belum kembali: '' bukan bilangan bulat; isi 1 sampai 60 "
                                  "hari kerja."),
    ("courier", "JNE\nPak Agus", "Kurir bawaan: tulis satu baris saja, paling banyak 80 huruf."),
    ("courier", "x" * 81, "Kurir bawaan: 81 huruf terlalu panjang; paling banyak 80 huruf."),
    ("courier", 7, "Kurir bawaan: tulis teks, bukan '7'."),
    ("stock_serial_format", "K1:7", "Awalan nomor seri 'K1' tidak valid: gunakan 1–8 huruf (misalnya KB)."),
    ("stock_serial_format", "ABCDEFGHI 0001", "Awalan nomor seri 'ABCDEFGHI' tidak valid: gunakan 1–8 huruf "
                                              "(misalnya KB)."),
    ("stock_serial_format", "KB 01", "Jumlah digit nomor seri 2 tidak valid: gunakan 3 sampai 12 digit."),
    ("stock_serial_format", "KB:13", "Jumlah digit nomor seri 13 tidak valid: gunakan 3 sampai 12 digit."),
    ("stock_serial_format", "0000001", "Format nomor seri blanko: '0000001' tidak dapat dibaca; tulis nomor seri "
                                       "seperti KB 0000001 (awalan dan digitnya) atau AWALAN:DIGIT seperti KB:7."),
    ("stock_serial_format", "KB 0000001 - 0000009", "Format nomor seri blanko: 'KB 0000001 - 0000009' tidak dapat "
                                                    "dibaca; tulis nomor seri seperti KB 0000001 (awalan dan "
                                                    "digitnya) atau AWALAN:DIGIT seperti KB:7."),
    ("stock_serial_format", {"prefix": "KB", "digits": "7"}, "Format nomor seri blanko: jumlah digit '7' bukan "
                                                             "bilangan bulat."),
    ("printer", "HP", "Pengaturan 'printer' tidak dikenal; yang dapat diubah: stock_serial_format, stock_low_weeks, "
                      "receipt_reminder_days, courier."),
])
def test_a_bad_value_is_refused_naming_the_setting_and_what_it_allows(services, key, value, message):
    with pytest.raises(RuleError) as refused:
        S.change(services, key, value)
    assert str(refused.value) == message
    assert stored() == {} and setting_events() == []


def test_set_setting_itself_keeps_the_rules(services):
    """Any path that stores one of these settings is refused the same way: there is no way around the rule."""
    with pytest.raises(RuleError, match="^Batas peringatan stok menipis: 0 minggu tidak dapat dipakai"):
        services.set_setting("stock_low_weeks", 0)
    with pytest.raises(RuleError, match="^Kurir bawaan: tulis satu baris saja"):
        services.set_setting("courier", "a\nb")
    assert stored() == {}


def test_a_change_is_audited_with_before_and_after_and_read_by_its_capability(services, ledger):
    S.change(services, "receipt_reminder_days", 10)
    S.change(services, "receipt_reminder_days", 12)
    S.change(services, "receipt_reminder_days", "12")  # the value in force again: nothing to record
    S.change(services, "courier", "JNE Kantor Pusat")
    S.change(services, "stock_low_weeks", 2)
    assert setting_events() == [("receipt_reminder_days", 5, 10), ("receipt_reminder_days", 10, 12),
                                ("courier", "", "JNE Kantor Pusat"), ("stock_low_weeks", 8, 2)]
    assert receipt_days(services) == 12
    assert ledger.low_stock().threshold_weeks == 2
    assert S.view(services, "receipt_reminder_days").version == 2


def test_a_colleagues_change_in_between_is_a_conflict(services, colleague):
    shown = S.view(services, "stock_low_weeks")  # the officer's page, as opened
    S.change(colleague, "stock_low_weeks", 6, shown.version)
    with pytest.raises(ConflictError) as conflict:
        S.change(services, "stock_low_weeks", 10, shown.version)
    assert str(conflict.value).startswith("Pengaturan 'Batas peringatan stok menipis' sudah diubah oleh Sari Dewi "
                                          "(sari) pada ")
    assert str(conflict.value).endswith(" setelah Anda membukanya. Muat ulang data lalu ulangi perubahan Anda.")
    assert services.setting("stock_low_weeks") == 6
    again = S.view(services, "stock_low_weeks")
    assert S.change(services, "stock_low_weeks", 10, again.version).value == 10  # reloaded: saved


def test_several_changes_are_saved_all_or_none(services, colleague):
    shown = {v.key: v.version for v in S.views(services)}
    with pytest.raises(RuleError, match="^Kurir bawaan: 81 huruf"):
        S.change_many(services, {"stock_low_weeks": (4, shown["stock_low_weeks"]),
                                 "courier": ("y" * 81, shown["courier"])})
    S.change(colleague, "courier", "TIKI", shown["courier"])
    with pytest.raises(ConflictError):  # the first is fine, the second changed meanwhile: neither is stored
        S.change_many(services, {"stock_low_weeks": (4, shown["stock_low_weeks"]),
                                 "courier": ("JNE", shown["courier"])})
    assert stored() == {"courier": ("TIKI", 1)}
    views = S.change_many(services, {"stock_low_weeks": (4, 0), "receipt_reminder_days": (7, 0)})
    assert [(v.key, v.value) for v in views] == [("stock_low_weeks", 4), ("receipt_reminder_days", 7)]


# -- the serial format and the serials on record ---------------------------------------------------------------

def test_on_an_empty_ledger_the_format_may_change_freely(services, ledger):
    S.change(services, "stock_serial_format", "SN 00001")
    S.change(services, "stock_serial_format", "KB 0000001")
    assert ledger.serial_format().text(42) == "KB 0000042"


@pytest.mark.parametrize("typed, message", [
    ("SN 0000001", "Awalan nomor seri tidak dapat diubah dari 'KB' ke 'SN': buku stok sudah mencatat nomor seri "
                   "KB 0000001 sampai KB 0120000. Nomor seri disimpan bersama awalannya dan hanya awalan yang "
                   "berlaku yang dapat diketik, sehingga lembar-lembar itu tidak dapat lagi dicari, dikeluarkan, "
                   "dikembalikan, atau dihitung."),
    ("KB 00001", "Jumlah digit nomor seri 5 terlalu sedikit: nomor seri terbesar yang tercatat, KB 0120000, "
                 "memerlukan 6 digit dan tidak dapat lagi diketik atau dicetak utuh. Gunakan 6 sampai 12 digit."),
    ("KB:3", "Jumlah digit nomor seri 3 terlalu sedikit: nomor seri terbesar yang tercatat, KB 0120000, "
             "memerlukan 6 digit dan tidak dapat lagi diketik atau dicetak utuh. Gunakan 6 sampai 12 digit."),
])
def test_a_format_that_would_leave_serials_on_record_unreadable_is_refused(services, ledger, typed, message):
    ledger.receive("KB 0000001 - KB 0001000\nKB 0119001 - KB 0120000", "SJ-1", DELIVERY)
    before = (stored(), setting_events())
    with pytest.raises(RuleError) as refused:
        S.change(services, "stock_serial_format", typed)
    assert str(refused.value) == message
    assert (stored(), setting_events()) == before
    assert ledger.where("KB 0120000").place == "available"  # still read as before


def test_a_reversed_receipt_still_holds_its_serials_on_record(services, ledger):
    """The ledger is append-only: a reversed line still names its serials, and the history shows them."""
    (line,) = ledger.receive("KB 0500000", "SJ-1", DELIVERY)
    ledger.reverse(line, "salah ketik nomor")
    with pytest.raises(RuleError, match="^Jumlah digit nomor seri 5 terlalu sedikit: nomor seri terbesar yang "
                                        "tercatat, KB 0500000, memerlukan 6 digit"):
        S.change(services, "stock_serial_format", "KB:5")
    with pytest.raises(RuleError, match="^Awalan nomor seri tidak dapat diubah dari 'KB' ke 'SN'"):
        S.change(services, "stock_serial_format", "SN:7")


def test_the_ranges_of_an_unsettled_count_are_on_record(services, ledger):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY)
    ledger.count(counted_ranges="KB 0000001 - KB 0000100\nKB 0045000")  # a sheet found that was never received
    with pytest.raises(RuleError, match="nomor seri terbesar yang tercatat, KB 0045000, memerlukan 5 digit"):
        S.change(services, "stock_serial_format", "KB:4")


def test_a_wider_or_still_wide_enough_format_reads_every_serial_as_before(services, ledger):
    ledger.receive("KB 0000001 - KB 0001000", "SJ-1", DELIVERY)
    ledger.spoil("KB 0000500", "uji cetak")
    S.change(services, "stock_serial_format", "KB 0001")  # 4 digits: the largest number on record, 1000, fits
    assert ledger.where("KB 0000500").serial == "KB 0500"  # what the old papers print still reads
    assert ledger.where("KB 0500").place == "spoiled"
    assert [r.text(ledger.serial_format()) for r in ledger.available_ranges()] == ["KB 0001 – KB 0499",
                                                                                   "KB 0501 – KB 1000"]
    S.change(services, "stock_serial_format", "KB:9")
    assert ledger.where("KB 0500").serial == "KB 000000500"
    ledger.spoil("KB 0000501", "uji cetak")  # typed as the sheets print it, with 7 digits
    assert ledger.where("KB 000000501").place == "spoiled"
    assert ledger.set_serial_format("KB", 7).digits == 7
    with pytest.raises(RuleError, match="^Awalan nomor seri tidak dapat diubah"):
        ledger.set_serial_format("SN", 7)  # the ledger's own entrance keeps the rule


@pytest.mark.parametrize("entry", [
    lambda ledger: ledger.receive("KB 12345678", "SJ-2", DELIVERY),
    lambda ledger: ledger.count(counted_ranges="KB 12345678"),  # a surplus enters the stock when settled
], ids=["receipt", "count"])
def test_serials_typed_before_a_colleague_changed_the_format_are_refused(services, colleague, ledger, monkeypatch,
                                                                         entry):
    """The officer typed the range in one format; a colleague changed it before it was written: stored, the new
    serials would not read in the format in force. Nothing is recorded; the colleague's change stands."""
    S.change(services, "stock_serial_format", "KB:8")
    real = services._write

    def colleague_first(op):
        monkeypatch.setattr(services, "_write", real)
        S.change(colleague, "stock_serial_format", "KB:7")  # allowed: nothing on record needs 8 digits yet
        return real(op)

    monkeypatch.setattr(services, "_write", colleague_first)
    with pytest.raises(RuleError) as refused:
        entry(ledger)
    assert str(refused.value) == ("Format nomor seri baru saja diubah menjadi KB 0000001 (sebelumnya KB 00000001); "
                                  "tidak ada yang dicatat. Periksa nomor serinya lalu ulangi.")
    assert StockMovement.select().count() == StockCount.select().count() == 0
    assert services.setting("stock_serial_format") == {"prefix": "KB", "digits": 7}



NARROW_OR_RECEIVE = r"""
from datetime import date
from blanko_desktop.core import shared_settings
from blanko_desktop.core.stock import StockLedger
ledger = StockLedger(services)
role = args[0]

def prepare(round_):
    wide = 8 + round_
    if role == "changer":  # wide enough for this round's serial: a wider format is always allowed
        shared_settings.change(services, "stock_serial_format", f"KB:{wide}")
    return wide, f"KB {10 ** (wide - 1) + round_}"  # a serial needing all `wide` digits

def act(state):
    wide, serial = state
    if role == "changer":
        shared_settings.change(services, "stock_serial_format", f"KB:{wide - 1}")
        return "narrowed"
    ledger.receive(serial, f"SJ-{wide}", date(2026, 8, 3))
    return "received"
"""


@pytest.mark.slow
def test_a_receipt_and_a_narrower_format_at_once_never_both_go_through(services, tmp_path):
    """Two officers at once: one receives a serial that needs every digit of the format, the other narrows the
    format by one digit. Whichever writes first, the other is refused: never a serial on the books that the format
    in force cannot read. (Three rounds: the server's integer column holds ten digits.)"""
    from tests.core.test_concurrency import play_rounds

    played = play_rounds(services.storage.location, tmp_path, NARROW_OR_RECEIVE, 3,
                         {"sari": ["changer"], "budi": ["receiver"]})
    for round_, answers in enumerate(played):
        wide = 8 + round_
        if answers[0] == "narrowed":
            assert answers[1].startswith(("refused RuleError: Nomor seri 'KB ", "refused RuleError: Format nomor seri "
                                          "baru saja diubah")), answers
        else:
            assert answers[0] == "received", answers
            assert answers[1].startswith(f"refused RuleError: Jumlah digit nomor seri {wide - 1} terlalu sedikit"), \
                answers
    fmt = StockLedger(services).serial_format()
    for line in StockMovement.select():
        assert len(str(line.last_no)) <= fmt.digits
        assert StockLedger(services).where(fmt.text(line.last_no)).place == "available"
