"""The ledger's operations: what they record, what they refuse (before writing anything), and the audit."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from peewee import DatabaseError

from blanko_desktop.core import audit, clock
from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import AuditEvent, StockMovement, StockRange
from blanko_desktop.core.stock import SerialRange
from blanko_desktop.core.stock.verify import verify
from tests.core.stock.conftest import DELIVERY_DATE, approve_replacement, make_approved, make_replacement

KB = "KB"


def R(first, last):  # noqa: N802
    return SerialRange(KB, first, last)


@pytest.fixture
def stocked(ledger):
    ledger.receive("KB 0000001 - KB 0001000", "SJ-001/PERURI/2026", DELIVERY_DATE, "kiriman pertama")
    return ledger


def snapshot():
    return (list(StockMovement.select().tuples()), list(StockRange.select().tuples()), AuditEvent.select().count())


def test_receive_records_the_delivery_document_and_makes_the_range_available(stocked):
    line = StockMovement.get()
    assert (line.kind, line.first_no, line.last_no, line.quantity, line.doc_number, line.doc_date) == (
        "receive", 1, 1000, 1000, "SJ-001/PERURI/2026", DELIVERY_DATE)
    assert line.by == "Budi Santoso (officer1)"
    assert stocked.available_ranges() == [R(1, 1000)]
    assert stocked.balance().available == 1000
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert event.action == "stock.receive" and event.after["ranges"] == ["KB 0000001 – KB 0001000"]


def test_issue_takes_exactly_the_approved_quantity_from_the_lowest_serials(stocked, services, lsps):
    req = make_approved(services, 37, lsps[0])
    assert stocked.issue(req) == [R(1, 37)]
    assert stocked.request_ranges(req) == [R(1, 37)]
    assert stocked.balance().available == 963 and stocked.balance().issued == 37
    where = stocked.where("kb 0000037")
    assert (where.place, where.request_id, where.lsp_name) == ("issued", req, "LSP Uji 1")
    assert [e.action for e in services.history(req)][-1] == "stock.issue"
    assert verify() == []


def test_the_suggestion_prefers_one_range_then_the_lowest_serials(stocked, services):
    stocked.spoil("KB 0000004", "uji cetak printer")
    assert stocked.suggest(3) == [R(1, 3)]
    assert stocked.suggest(10) == [R(5, 14)]  # 1-3 cannot hold them: one bundle beats two
    stocked.spoil("KB 0000500", "sobek")
    assert stocked.suggest(600) == [R(1, 3), R(5, 499), R(501, 602)]


def test_the_officer_may_issue_other_bundles_typed_or_scanned(stocked, services, lsps):
    req = make_approved(services, 20, lsps[0])
    assert stocked.issue(req, ["KB 0000101 - KB 0000110", "kb0000201-kb0000210"]) == [R(101, 110), R(201, 210)]
    assert stocked.available_ranges() == [R(1, 100), R(111, 200), R(211, 1000)]


def test_spoiled_sheets_leave_the_stock_with_their_reason(stocked):
    stocked.spoil("KB 0000010 s/d KB 0000012", "kertas macet di printer")
    assert stocked.balance().spoiled == 3
    assert stocked.where(11).place == "spoiled"
    assert StockMovement.get(StockMovement.kind == "spoil").note == "kertas macet di printer"


def test_cancel_issue_is_a_reversing_line_and_the_serials_come_back(stocked, services, lsps):
    req = make_approved(services, 37, lsps[0])
    stocked.issue(req)
    before = list(StockMovement.select().tuples())
    stocked.cancel_issue(req, "paket salah alamat, dikemas ulang")
    assert list(StockMovement.select().tuples())[:len(before)] == before  # nothing edited
    rev = StockMovement.select().order_by(StockMovement.id.desc()).first()
    assert (rev.kind, rev.reverses_id, rev.from_place, rev.to_place) == ("reversal", before[-1][0], "issued",
                                                                         "available")
    assert stocked.available_ranges() == [R(1, 1000)] and stocked.request_ranges(req) == []
    assert stocked.issue(req) == [R(1, 37)]  # and may be issued again
    assert verify() == []


def test_replacement_links_each_new_serial_to_the_damaged_one(stocked, services, lsps):
    first = make_approved(services, 10, lsps[0])
    stocked.issue(first)  # 1-10
    rep = make_replacement(services, lsps[0])
    stocked.return_damaged(rep, ["KB 0000003", "KB 0000007 - KB 0000008"], "rusak terkena air (BA kerusakan)")
    approve_replacement(services, rep, 3)
    assert stocked.issue(rep) == [R(11, 13)]
    assert stocked.where(3).place == "returned" and stocked.where(3).replaced_by == "KB 0000011"
    assert stocked.where(12).replaces == "KB 0000007" and stocked.where(13).replaces == "KB 0000008"
    assert stocked.where(8).replaced_by == "KB 0000013"
    # damaged sheets are never issued again
    assert all(r.first > 10 or r.last < 3 for r in stocked.available_ranges())
    other = make_approved(services, 2, lsps[0])
    with pytest.raises(RuleError, match=r"KB 0000003 \(dikembalikan rusak oleh LSP untuk permohonan #1\)"):
        stocked.issue(other, "KB 0000003 - KB 0000004")
    assert verify() == []


def test_stock_count_gives_differences_as_ranges_and_settles_only_with_an_explanation(stocked, services):
    count = stocked.count(counted_ranges="KB 0000001 - KB 0000990\nKB 0001001 - KB 0001002")
    result = stocked.count_result(count)
    assert (result.book, result.counted, result.difference) == (1000, 992, -8)
    assert result.missing == [R(991, 1000)] and result.surplus == [R(1001, 1002)]
    with pytest.raises(RuleError, match="hanya dapat diselesaikan dengan penjelasan"):
        stocked.settle_count(count, "hilang")
    stocked.settle_count(count, "10 lembar hilang saat pindah gudang; 2 lembar lebih dari percetakan")
    assert stocked.balance().available == 992 and stocked.balance().missing == 10
    assert stocked.where(995).place == "missing" and stocked.where(1001).place == "available"
    assert {m.kind for m in StockMovement.select().where(StockMovement.count == count)} == {"adjust"}
    with pytest.raises(RuleError, match=f"Stock opname #{count} sudah diselesaikan"):
        stocked.settle_count(count, "sekali lagi diselesaikan")
    assert verify() == []


def test_a_total_only_count_with_a_difference_asks_for_the_ranges(stocked):
    count = stocked.count(counted_total=990)
    assert stocked.count_result(count).difference == -10
    with pytest.raises(RuleError, match="isi rentang nomor seri yang ditemukan"):
        stocked.settle_count(count, "selisih sepuluh lembar belum jelas")


# -- refusals: each names the serials, and nothing is written ----------------------------------------------

def _refusals(ledger, services, lsps):
    issued = make_approved(services, 5, lsps[0])
    ledger.issue(issued)  # 1-5
    ledger.spoil("KB 0000006", "uji cetak printer")
    approved = make_approved(services, 4, lsps[0])
    done = StockMovement.select().order_by(StockMovement.id.desc()).first().id
    ledger.reverse(done, "salah catat rusak")
    reversal = StockMovement.select().order_by(StockMovement.id.desc()).first().id
    ledger.spoil("KB 0000006", "uji cetak printer")
    rep = make_replacement(services, lsps[1])
    return {"issued": issued, "approved": approved, "reversal": reversal, "rep": rep, "new": lsps}


REFUSALS = [
    ("overlapping receipt", lambda L, x: L.receive("KB 0000900 - KB 0001100", "SJ-2", DELIVERY_DATE),
     r"nomor seri sudah tercatat — KB 0000900 – KB 0001000 \(tersedia di gudang\)"),
    ("backwards range", lambda L, x: L.receive("KB 0002000 - KB 0001500", "SJ-2", DELIVERY_DATE),
     r"Rentang terbalik: KB 0002000 – KB 0001500"),
    ("another prefix", lambda L, x: L.spoil("AB 0000010", "sobek"), r"berawalan 'AB', bukan 'KB'"),
    ("no delivery document", lambda L, x: L.receive("KB 0002000 - KB 0002100", " ", DELIVERY_DATE),
     "Nomor dokumen pengiriman"),
    ("issue already issued", lambda L, x: L.issue(x["approved"], "KB 0000003 - KB 0000006"),
     r"KB 0000003 – KB 0000005 \(dikeluarkan untuk permohonan #1\); KB 0000006 \(rusak di kantor\)"),
    ("spoil already spoiled", lambda L, x: L.spoil("KB 0000006 - KB 0000007", "sobek"),
     r"Pencatatan rusak KB 0000006 – KB 0000007 ditolak: .*KB 0000006 \(rusak di kantor\)"),
    ("never received", lambda L, x: L.spoil("KB 0000999 - KB 0001005", "sobek"),
     r"KB 0001001 – KB 0001005 \(belum pernah diterima\)"),
    ("issue more than approved", lambda L, x: L.issue(x["approved"], "KB 0000010 - KB 0000014"),
     r"disetujui 4 lembar, tetapi rentang yang diisi berjumlah 5 lembar \(KB 0000010 – KB 0000014\)"),
    ("issue fewer than approved", lambda L, x: L.issue(x["approved"], "KB 0000010 - KB 0000012"),
     r"disetujui 4 lembar, tetapi rentang yang diisi berjumlah 3 lembar"),
    ("issue twice", lambda L, x: L.issue(x["issued"]), r"sudah dikeluarkan: KB 0000001 – KB 0000005"),
    ("issue to a request not approved", lambda L, x: L.issue(x["rep"]), r"belum disetujui \(status 'Diterima'\)"),
    ("reversal of a reversal", lambda L, x: L.reverse(x["reversal"], "batal lagi"),
     r"sendiri adalah pembatalan; pembatalan tidak dapat dibatalkan lagi"),
    ("reverse twice", lambda L, x: L.reverse(x["reversal"] - 1, "batal lagi"), r"sudah dibatalkan oleh catatan"),
    ("reverse without reason", lambda L, x: L.cancel_issue(x["issued"], "  "), "wajib disertai alasan"),
    ("return to another LSP", lambda L, x: L.return_damaged(x["rep"], "KB 0000001", "rusak"),
     r"Pengembalian KB 0000001 ditolak: tidak semua lembar dikeluarkan ke LSP pemohon"),
    ("return available sheets", lambda L, x: L.return_damaged(x["rep"], "KB 0000100", "rusak"),
     r"KB 0000100 \(tersedia di gudang\)"),
    ("return on a new request", lambda L, x: L.return_damaged(x["issued"], "KB 0000001", "rusak"),
     "bukan permohonan penggantian"),
    ("spoil without reason", lambda L, x: L.spoil("KB 0000100", ""), "wajib disertai alasan"),
    ("short stock", lambda L, x: L.suggest(5000), r"diperlukan 5000 lembar, tersedia 994 lembar"),
    ("unknown line", lambda L, x: L.reverse(999, "x"), r"Catatan stok #999 tidak ditemukan"),
]


@pytest.mark.parametrize("action, message", [(a, m) for _n, a, m in REFUSALS], ids=[n for n, _a, _m in REFUSALS])
def test_refused_with_a_message_naming_the_serials_and_nothing_written(stocked, services, lsps, action, message):
    ctx = _refusals(stocked, services, lsps)
    before = snapshot()
    with pytest.raises(RuleError, match=message):
        action(stocked, ctx)
    assert snapshot() == before
    assert verify() == []


def test_replacement_quantity_must_equal_the_damaged_sheets_returned(stocked, services, lsps):
    first = make_approved(services, 10, lsps[0])
    stocked.issue(first)
    rep = make_replacement(services, lsps[0])
    stocked.return_damaged(rep, "KB 0000001 - KB 0000002", "rusak terkena tinta")
    approve_replacement(services, rep, 3)
    with pytest.raises(RuleError, match=r"jumlah disetujui 3 lembar harus sama dengan blanko rusak yang "
                                        r"dikembalikan LSP \(2 lembar\)"):
        stocked.issue(rep)


def test_the_database_refuses_editing_or_deleting_a_ledger_line(stocked, storage):
    # SQL sent by hand, past the app's code: the database's own triggers refuse it on either engine
    for sql in ("UPDATE stock_movement SET quantity = 1", "DELETE FROM stock_movement",
                "UPDATE stock_movement SET note = 'x' WHERE id = 1"):
        with pytest.raises(DatabaseError, match="append-only"):
            storage.db.execute_sql(sql)
    assert StockMovement.get().quantity == 1000


def test_every_operation_is_in_the_audit_chain(stocked, services, lsps):
    req = make_approved(services, 3, lsps[0])
    stocked.issue(req)
    stocked.spoil("KB 0000500", "uji cetak printer")
    stocked.cancel_issue(req, "dikemas ulang")
    stocked.count(counted_total=1000 - 1)
    events = list(AuditEvent.select().where(AuditEvent.action.startswith("stock.")))
    actions = [e.action for e in events if e.action != "stock.line"]
    assert actions == ["stock.receive", "stock.issue", "stock.spoil", "stock.cancel_issue", "stock.count"]
    # and each ledger line has its own entry, which `check` replays against the table
    lines = {int(e.entity_id) for e in events if e.action == "stock.line"}
    assert lines == {m.id for m in StockMovement.select()}
    assert audit.verify_chain().problems == []
    assert stocked.services.storage.check().ok


# -- queries ---------------------------------------------------------------------------------------------

@pytest.fixture
def moments():
    now = [datetime(2026, 9, 1, 3, 0, tzinfo=timezone.utc)]
    clock.set_source(lambda: now[0])
    yield now
    clock.set_source(None)


def test_balance_at_a_past_date_and_issued_per_lsp_and_month(ledger, services, lsps, moments):
    ledger.receive("1-1000", "SJ-1", date(2026, 8, 30))
    a = make_approved(services, 100, lsps[0])
    ledger.issue(a)
    moments[0] = datetime(2026, 10, 5, 3, 0, tzinfo=timezone.utc)
    b = make_approved(services, 50, lsps[1])
    ledger.issue(b)
    ledger.spoil("KB 0000999 - KB 0001000", "sobek waktu dibuka")
    moments[0] = datetime(2026, 10, 31, 20, 0, tzinfo=timezone.utc)  # 1 Nov 03:00 in Jakarta
    c = make_approved(services, 10, lsps[0])
    ledger.issue(c)
    assert ledger.balance(datetime(2026, 9, 2, tzinfo=timezone.utc)).available == 900
    past = ledger.balance(datetime(2026, 10, 6, tzinfo=timezone.utc))
    # a date is the end of that office day: 1 Nov in Jakarta includes the issue at 03:00 local time
    assert ledger.balance(date(2026, 10, 31)).issued == 150 and ledger.balance(date(2026, 11, 1)).issued == 160
    assert (past.available, past.issued, past.spoiled) == (848, 150, 2)
    now = ledger.balance()
    assert (now.available, now.issued, now.spoiled) == (838, 160, 2)
    assert ledger._sums(None) == {"available": 838, "issued": 160, "spoiled": 2, "returned": 0, "missing": 0}
    assert [(t.key, t.quantity) for t in ledger.issued_per_lsp()] == [("LSP Uji 1", 110), ("LSP Uji 2", 50)]
    assert [(t.key, t.quantity) for t in ledger.issued_per_month()] == [("2026-09", 100), ("2026-10", 50),
                                                                         ("2026-11", 10)]
    ledger.cancel_issue(b, "LSP membatalkan permohonan")
    # a reversal counts in the month it is entered: October's figure, once reported, stays as it was
    assert [(t.key, t.quantity) for t in ledger.issued_per_month()] == [("2026-09", 100), ("2026-10", 50),
                                                                         ("2026-11", -40)]
    assert [(t.key, t.quantity) for t in ledger.issued_per_lsp()] == [("LSP Uji 1", 110)]


def test_ledger_pages_and_filters(stocked, services, lsps):
    reqs = [make_approved(services, 5, lsps[i % 2]) for i in range(4)]
    for r in reqs:
        stocked.issue(r)
    stocked.spoil("KB 0000100", "uji cetak printer")
    page = stocked.ledger(page=0, page_size=2)
    assert page.total == 6 and [line.kind for line in page.lines] == ["spoil", "issue"]
    assert stocked.ledger(page=2, page_size=2).lines[-1].kind == "receive"
    assert stocked.ledger(kind="issue").total == 4
    assert {line.request_id for line in stocked.ledger(lsp_id=lsps[1]).lines} == {reqs[1], reqs[3]}
    assert [line.range_text for line in stocked.ledger(request_id=reqs[2]).lines] == ["KB 0000011 – KB 0000015"]
    assert [line.kind for line in stocked.ledger(serial="KB 0000012").lines] == ["issue", "receive"]
    today = datetime.now(timezone.utc).date()
    assert stocked.ledger(date_from=today - timedelta(days=1), date_to=today + timedelta(days=1)).total == 6
    assert stocked.ledger(date_to=today - timedelta(days=2)).total == 0


def test_low_stock_warns_from_weeks_of_cover_at_the_recent_pace(ledger, services, lsps):
    ledger.receive("1-1000", "SJ-1", DELIVERY_DATE)
    assert ledger.low_stock().weeks_of_cover is None and not ledger.low_stock().low
    req = make_approved(services, 900, lsps[0])
    ledger.issue(req)  # 900 in 90 days = 70/week; 100 left = 1.4 weeks
    low = ledger.low_stock()
    assert (low.available, low.per_week, low.weeks_of_cover, low.threshold_weeks, low.low) == (100, 70.0, 1.4, 8,
                                                                                               True)
    services.set_setting("stock_low_weeks", 1)
    assert not ledger.low_stock().low


def test_where_a_serial_never_received_is(stocked):
    where = stocked.where("KB 0005000")
    assert (where.serial, where.place, where.place_label, where.lines) == (
        "KB 0005000", "", "belum pernah diterima", [])


def test_serial_format_is_a_shared_setting(ledger, services):
    assert ledger.serial_format().text(1) == "KB 0000001"
    ledger.set_serial_format("sn", 5)
    assert ledger.where("SN 00042").serial == "SN 00042"
    with pytest.raises(RuleError, match="berawalan 'KB', bukan 'SN'"):
        ledger.parse_ranges("KB 0000001")


def test_count_not_found(ledger):
    with pytest.raises(NotFoundError, match="Stock opname #5 tidak ditemukan"):
        ledger.count_result(5)


@pytest.mark.parametrize("tamper, problem", [
    ("UPDATE stock_range SET place = 'available' WHERE place = 'issued'", "stock_range berbeda dari buku stok"),
    ("DELETE FROM stock_range WHERE place = 'spoiled'", "stock_range berbeda dari buku stok"),
    ("UPDATE stock_range SET request_id = NULL WHERE place = 'issued'", "stock_range berbeda dari buku stok"),
    ("INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, from_place, to_place, at, by, note, "
     "doc_number) VALUES ('spoil', 'KB', 1, 1, 1, 'available', 'spoiled', '2026-08-04T00:00:00.000000+00:00', "
     "'x', '', '')", "berada di 'issued', bukan di 'available'"),
])
def test_verify_finds_current_ranges_the_ledger_does_not_explain(stocked, services, lsps, storage, tamper, problem):
    req = make_approved(services, 5, lsps[0])
    stocked.issue(req)
    stocked.spoil("KB 0000100", "uji cetak printer")
    assert stocked.verify() == []
    storage.db.execute_sql(tamper)
    assert any(problem in p for p in stocked.verify()), stocked.verify()
