"""Stock fixtures: a ledger on a fresh database, LSPs, and approved requests.

`approved_request` is the one place that makes a request approved; it writes it the way approval will
(`_enter` through received -> verified -> approved, with `approved_qty`) until `core/approval.approve()`
lands — then swap the body for that call.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State

RECEIVED = datetime(2026, 8, 3, 2, 0, tzinfo=timezone.utc)
DELIVERY_DATE = date(2026, 8, 3)


def make_approved(services, qty: int, lsp_id: int | None = None, kind: str = "new") -> int:
    """A request of `kind` in state approved for `qty` blanks (the stand-in for approval.approve)."""
    req = services.create_request(RECEIVED, lsp_id=lsp_id, kind=kind, sender="a@lsp.id")

    def op():
        row = services.request(req.id)
        services._enter(row, State.VERIFIED)
        services._enter(row, State.APPROVED, approved_qty=qty)

    services._write(op)
    return req.id


def make_replacement(services, lsp_id: int) -> int:
    """A replacement request (received): damaged sheets are recorded on it before approval."""
    return services.create_request(RECEIVED, lsp_id=lsp_id, kind="replacement", sender="a@lsp.id").id


def approve_replacement(services, request_id: int, qty: int) -> None:
    def op():
        row = services.request(request_id)
        services._enter(row, State.VERIFIED)
        services._enter(row, State.APPROVED, approved_qty=qty)

    services._write(op)


@pytest.fixture
def ledger(services) -> StockLedger:
    return StockLedger(services)


@pytest.fixture
def lsps(services) -> list[int]:
    return [services.add_lsp(name=f"LSP Uji {i}", address=f"Jl. Uji {i}", city="Jakarta").id for i in (1, 2)]
