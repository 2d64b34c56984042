"""Stock fixtures: a ledger on a fresh database, LSPs, and requests approved the way the officer does it
(`core/approval.approve` by the echelon-4 official, after the request was verified)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from blanko_desktop.core.approval import approve
from blanko_desktop.core.stock import StockLedger
from blanko_desktop.core.workflow import State

RECEIVED = datetime(2026, 8, 3, 2, 0, tzinfo=timezone.utc)
DELIVERY_DATE = date(2026, 8, 3)
OFFICIAL = ("Dra. Sri Wahyuni, M.Si.", "197001011995032001", "Kepala Subbagian Sertifikasi")


def official(services) -> int:
    """The echelon-4 official who signs approvals (added on first use)."""
    active = services.signatory_views(active_only=True)
    return active[0].id if active else services.save_signatory(*OFFICIAL).id


def verify_and_approve(services, request_id: int, qty: int) -> None:
    """The verify step reached the quick way (it is tested elsewhere), then the real approval of `qty`."""
    services._write(lambda: services._enter(services.request(request_id), State.VERIFIED, competent_qty=qty))
    approve(services, request_id, official(services))


def make_approved(services, qty: int, lsp_id: int | None = None, kind: str = "new") -> int:
    """A request of `kind` approved for `qty` blanks."""
    req = services.create_request(RECEIVED, lsp_id=lsp_id, kind=kind, sender="a@lsp.id")
    verify_and_approve(services, req.id, qty)
    return req.id


def make_replacement(services, lsp_id: int) -> int:
    """A replacement request (received): damaged sheets are recorded on it before approval."""
    return services.create_request(RECEIVED, lsp_id=lsp_id, kind="replacement", sender="a@lsp.id").id


def approve_replacement(services, request_id: int, qty: int) -> None:
    verify_and_approve(services, request_id, qty)


@pytest.fixture
def ledger(services) -> StockLedger:
    return StockLedger(services)


@pytest.fixture
def lsps(services) -> list[int]:
    return [services.add_lsp(name=f"LSP Uji {i}", address=f"Jl. Uji {i}", city="Jakarta").id for i in (1, 2)]
