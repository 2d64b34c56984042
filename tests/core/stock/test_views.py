"""The stock read models the tab and the CLI show: requests to issue to or return on, counts, reversed lines,
issued totals per LSP and per office month (summed in SQL)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from blanko_desktop.core import clock
from blanko_desktop.core.stock import SerialRange
from tests.core.stock.conftest import DELIVERY_DATE, approve_replacement, make_approved, make_replacement


def R(first, last):  # noqa: N802
    return SerialRange("KB", first, last)


def at(moment: datetime, fn):
    clock.set_source(lambda: moment)
    try:
        return fn()
    finally:
        clock.set_source(None)


def test_issuable_requests_are_approved_ones_without_blanks(ledger, services, lsps):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY_DATE)
    served = make_approved(services, 5, lsps[0])
    ledger.issue(served)
    waiting = make_approved(services, 7, lsps[1])
    cancelled = make_approved(services, 3, lsps[1])
    ledger.issue(cancelled)
    ledger.cancel_issue(cancelled, "salah bundel")
    found = ledger.issuable_requests()
    assert [r.id for r in found] == [waiting, cancelled]
    assert (found[0].lsp_name, found[0].approved_qty, found[0].state) == ("LSP Uji 2", 7, "approved")


def test_replacement_requests_with_what_was_returned_on_them(ledger, services, lsps):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY_DATE)
    ledger.issue(make_approved(services, 10, lsps[0]))
    open_one = make_replacement(services, lsps[0])
    ledger.return_damaged(open_one, "KB 0000002 - KB 0000004", "BA kerusakan: basah")
    served = make_replacement(services, lsps[0])
    ledger.return_damaged(served, "KB 0000005", "BA kerusakan: sobek")
    approve_replacement(services, served, 1)
    ledger.issue(served)
    found = ledger.replacement_requests()
    assert [(r.id, r.returned) for r in found] == [(open_one, 3)]


def test_lines_say_which_line_reversed_them(ledger):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY_DATE)
    spoil = ledger.spoil("KB 0000009", "uji cetak")[0]
    reversal = ledger.reverse(spoil, "salah catat")
    lines = {line.id: line for line in ledger.lines_by_id([spoil, reversal])}
    assert lines[spoil].reversed_by == reversal and not lines[spoil].reversible
    assert lines[reversal].reversed_by is None and not lines[reversal].reversible  # never a reversal's reversal
    assert ledger.ledger(kind="receive").lines[0].reversible


def test_count_results_newest_first(ledger):
    ledger.receive("KB 0000001 - KB 0000100", "SJ-1", DELIVERY_DATE)
    first = ledger.count(counted_total=100)
    second = ledger.count(counted_ranges="KB 0000001 - KB 0000090")
    results = ledger.count_results()
    assert [c.id for c in results] == [second, first]
    assert results[0].missing == [R(91, 100)] and results[1].difference == 0


def test_issued_per_office_month_at_the_month_boundary(ledger, services, lsps):
    """31 Aug 2026 18:30 UTC is 1 Sep 01:30 in Jakarta: the office month is September."""
    at(datetime(2026, 8, 3, 3, tzinfo=timezone.utc),
       lambda: ledger.receive("KB 0000001 - KB 0000100", "SJ-1", date(2026, 8, 3)))
    august = make_approved(services, 10, lsps[0])
    at(datetime(2026, 8, 31, 16, 59, tzinfo=timezone.utc), lambda: ledger.issue(august))  # 23:59 WIB
    september = make_approved(services, 4, lsps[1])
    at(datetime(2026, 8, 31, 18, 30, tzinfo=timezone.utc), lambda: ledger.issue(september))  # 01:30 WIB
    back = make_approved(services, 6, lsps[0])
    at(datetime(2026, 10, 2, 3, tzinfo=timezone.utc), lambda: ledger.issue(back))
    at(datetime(2026, 10, 3, 3, tzinfo=timezone.utc), lambda: ledger.cancel_issue(back, "LSP salah alamat"))
    assert [(t.key, t.quantity) for t in ledger.issued_per_month()] == [("2026-08", 10), ("2026-09", 4)]
    assert [(t.key, t.quantity) for t in ledger.issued_per_lsp()] == [("LSP Uji 1", 10), ("LSP Uji 2", 4)]
    assert [(t.key, t.quantity) for t in ledger.issued_per_month(date_from=date(2026, 9, 1))] == [("2026-09", 4)]
    assert ledger.issued_per_lsp(date_to=date(2026, 8, 31)) == ledger.issued_per_lsp()[:1]


def test_lsp_names_for_the_filter(ledger, lsps):
    assert ledger.lsp_names() == [(lsps[0], "LSP Uji 1"), (lsps[1], "LSP Uji 2")]
