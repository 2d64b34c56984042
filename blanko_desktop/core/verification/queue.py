"""The officer's queue in Verifikasi: which request waits for the completeness check next."""

from __future__ import annotations

from blanko_desktop.core.models import Request
from blanko_desktop.core.services import Services
from blanko_desktop.core.workflow import State


def next_waiting(services: Services, after: int | None = None) -> int | None:
    """The request waiting for the check that is due soonest (then the oldest), other than `after`; None when
    no other request waits."""
    query = Request.select(Request.id).where(Request.state == State.RECEIVED)
    if after is not None:
        query = query.where(Request.id != after)
    row = query.order_by(Request.due_at.is_null(), Request.due_at, Request.received_at, Request.id).first()
    return row.id if row is not None else None
