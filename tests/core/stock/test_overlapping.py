"""The ranges overlapping a run of serials, which every issue, return and reversal asks three times: the right
rows in serial order, from one statement on either engine."""

from __future__ import annotations

from blanko_desktop.core.stock.ledger import _overlapping
from tests.core.approval.test_paperwork import statements
from tests.core.stock.conftest import DELIVERY_DATE, make_approved


def test_the_overlapping_rows_come_in_serial_order_from_one_statement(ledger, services, lsps):
    ledger.receive("KB 0000001 - KB 0001000", "SJ-001/PERURI/2026", DELIVERY_DATE, "kiriman pertama")
    ledger.issue(make_approved(services, 37, lsps[0]))  # rows 1-37 issued, 38-1000 available

    def spans(first, last):
        rows, count = statements(services, lambda: _overlapping("KB", first, last))
        assert count == 1
        return [(r.first_no, r.last_no, r.place) for r in rows]

    assert spans(30, 40) == [(1, 37, "issued"), (38, 1000, "available")]  # the row before, reaching in
    assert spans(37, 37) == [(1, 37, "issued")]
    assert spans(38, 50) == [(38, 1000, "available")]  # the row before ends short of 38: left out
    assert spans(1, 1000) == [(1, 37, "issued"), (38, 1000, "available")]
    assert spans(999, 2000) == [(38, 1000, "available")]
    assert spans(1001, 1005) == []
    assert _overlapping("XX", 1, 1000) == []  # another prefix's serials are not these
