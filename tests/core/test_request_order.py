"""The officer's queue order of the requests table (running clocks by due time first) and 'waiting since'."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from blanko_desktop.core import demo
from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.services.request_table import ORDER_DUE, RequestTableService
from blanko_desktop.core.workflow import OPEN_STATES, State

NOW = datetime(2026, 11, 25, 6, 0, tzinfo=timezone.utc)
OPEN = tuple(s.value for s in OPEN_STATES)


def queue_reference(services, flt: RequestFilter) -> list[int]:
    """Every matching row sorted in Python: running clocks by due time, then stopped ones newest first."""
    everything = services.request_page(RequestFilter(text=flt.text, lsp_id=flt.lsp_id, states=flt.states,
                                                     overdue=flt.overdue), 0, 10 ** 6, now=NOW)
    running = sorted((r for r in everything if r.clock_running), key=lambda r: (r.due_at, r.id))
    stopped = [r for r in everything if not r.clock_running]  # already newest first
    return [r.id for r in running + stopped]


def paged(services, flt: RequestFilter, limit: int) -> list[int]:
    rows = services.request_page(flt, 0, limit, now=NOW)
    ids = [r.id for r in rows]
    while len(rows) == limit:
        rows = services.request_page(flt, len(ids), limit, now=NOW, after=rows[-1])
        ids += [r.id for r in rows]
    return ids


@pytest.fixture
def filled(services):
    demo.fill_bulk(services, 300, now=NOW)
    return services


@pytest.mark.parametrize("page_hint", [0, RequestTableService.PAGE_HINT, 10 ** 9])
@pytest.mark.parametrize("limit", [1, 7, 200])
def test_the_queue_order_pages_like_a_full_sort(filled, monkeypatch, page_hint, limit):
    monkeypatch.setattr(RequestTableService, "PAGE_HINT", page_hint)
    lsp_id = filled.lsps()[2].id
    checked = 0
    for flt in (RequestFilter(states=OPEN), RequestFilter(), RequestFilter(states=OPEN, text="LSP"),
                RequestFilter(states=OPEN, lsp_id=lsp_id), RequestFilter(overdue=True),
                RequestFilter(states=OPEN, text="pariwisata"), RequestFilter(text="12")):
        flt.order = ORDER_DUE
        expected = queue_reference(filled, flt)
        assert paged(filled, flt, limit) == expected, flt
        # an offset without `after` (the CLI's --offset) lands on the same rows, across the two parts
        for offset in (0, 3, len(expected) // 2, len(expected) - 1):
            assert [r.id for r in filled.request_page(flt, offset, 5, now=NOW)] == expected[offset:offset + 5]
        checked += bool(expected)
    assert checked >= 5


def test_the_queue_puts_the_most_urgent_first_and_stopped_clocks_last(services):
    lsp = services.add_lsp("LSP Uji", [])
    later = services.create_request(NOW - timedelta(hours=1), lsp.id)
    sooner = services.create_request(NOW - timedelta(days=2), lsp.id)
    waiting = services.create_request(NOW - timedelta(days=3), lsp.id)
    services.transition(waiting.id, State.WAITING_LSP)
    rows = services.request_page(RequestFilter(states=OPEN, order=ORDER_DUE), 0, 10, now=NOW)
    assert [r.id for r in rows] == [sooner.id, later.id, waiting.id]
    # newest first is still there for the whole archive
    rows = services.request_page(RequestFilter(), 0, 10, now=NOW)
    assert [r.id for r in rows] == [later.id, sooner.id, waiting.id]


def test_waiting_since_is_the_latest_move_into_waiting(services, monkeypatch):
    from blanko_desktop.core import audit

    lsp = services.add_lsp("LSP Uji", [])
    req = services.create_request(NOW - timedelta(days=3), lsp.id)
    moments = iter([datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc), datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc),
                    datetime(2026, 11, 24, 4, 30, tzinfo=timezone.utc), NOW])
    monkeypatch.setattr(audit, "utcnow", lambda: next(moments))
    services.transition(req.id, State.WAITING_LSP)
    services.transition(req.id, State.RECEIVED)
    services.transition(req.id, State.WAITING_LSP)
    (row,) = services.request_page(RequestFilter(), 0, 10, now=NOW)
    assert row.state == State.WAITING_LSP
    assert row.waiting_since == datetime(2026, 11, 24, 4, 30, tzinfo=timezone.utc)
    services.transition(req.id, State.RECEIVED, at=NOW)
    (row,) = services.request_page(RequestFilter(), 0, 10, now=NOW)
    assert row.waiting_since is None
