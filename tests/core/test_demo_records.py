"""Every request of the demo database stands in a state whose records exist: no state without its records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import pytest

from blanko_desktop.core import demo, workflow
from blanko_desktop.core.models import Approval, Document, Parcel, PrintedForm, Request, StockRange
from blanko_desktop.core.verification import checklist
from blanko_desktop.core.workflow import State

# The order in which the states that stand for records are reached along the procedure.
ORDER = [State.VERIFIED, State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED]


def _checked(services, req: Request) -> str | None:
    docs = {d.kind for d in Document.select().where(Document.request == req.id)}
    if not set(checklist.REQUIRED) <= docs:
        return f"documents {sorted(set(checklist.REQUIRED) - docs)} missing"
    if req.competent_qty is None:
        return "no competent count"
    if not checklist.build(services, req.id).complete:
        return "checklist not complete"
    entered = [e for e in services.history(req.id) if e.action == "request.verified"]
    if not entered or entered[-1].after.get("competent_qty") != req.competent_qty:
        return "no history entry of the verification with its count"
    return None


def _approved(services, req: Request) -> str | None:
    row = Approval.select().where(Approval.request == req.id).order_by(Approval.id.desc()).first()
    return None if row is not None and row.approved_qty == req.approved_qty else "no approval with its quantity"


def _parcel(req: Request) -> Parcel | None:
    return Parcel.select().where(Parcel.request == req.id).order_by(Parcel.id.desc()).first()


def _packed(services, req: Request) -> str | None:
    parcel = _parcel(req)
    issued = StockRange.select().where((StockRange.request == req.id) & (StockRange.place == "issued"))
    receipt = PrintedForm.select().where((PrintedForm.request == req.id) & (PrintedForm.form == "receipt"))
    if parcel is None or not issued.count() or not receipt.count():
        return "no parcel, no issued stock or no receipt produced"
    issued_qty = sum(r.last_no - r.first_no + 1 for r in issued)
    return None if issued_qty == req.approved_qty else f"{issued_qty} issued for {req.approved_qty} approved"


def _shipped(services, req: Request) -> str | None:
    parcel = _parcel(req)
    handed = parcel is not None and parcel.pickup_id is not None and parcel.pickup.handed_at is not None
    return None if handed and parcel.pickup.courier else "no hand-over to a courier"


def _delivered(services, req: Request) -> str | None:
    parcel = _parcel(req)
    back = parcel is not None and (parcel.courier_receipt_at or parcel.lsp_receipt_at)
    return None if parcel is not None and parcel.delivered_on and (back or req.state == State.DELIVERED) \
        else "no delivery recorded"


def _closed(services, req: Request) -> str | None:
    parcel = _parcel(req)
    if parcel is None or not (parcel.courier_receipt_doc_id and parcel.lsp_receipt_doc_id):
        return "receipts missing"
    kinds = {d.kind for d in Document.select().where(Document.id.in_([parcel.courier_receipt_doc_id,
                                                                      parcel.lsp_receipt_doc_id]))}
    return None if kinds == {"receipt_courier", "receipt_lsp"} else f"receipt documents are {sorted(kinds)}"


# One rule per state that stands for records; a state later on the path must also meet the earlier rules.
RULES: dict[State, Callable] = {
    State.VERIFIED: _checked, State.APPROVED: _approved, State.PACKED: _packed, State.SHIPPED: _shipped,
    State.DELIVERED: _delivered, State.CLOSED: _closed,
}


def test_every_state_that_stands_for_records_has_its_rule():
    # a new state in workflow.OPERATION_FOR must get its rule here (and its place on the path)
    assert set(RULES) == set(workflow.OPERATION_FOR) == set(ORDER)


def required(state: State) -> list[State]:
    """The states whose records a request in `state` must have: its own and those before it on the path."""
    return ORDER[:ORDER.index(state) + 1] if state in ORDER else []


@pytest.fixture(scope="module")
def demo_services(tmp_path_factory):
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage

    storage = Storage.open(tmp_path_factory.mktemp("demo-records") / "demo.sqlite")
    services = Services(storage, Actor("demo", "Demo"))
    demo.fill(services, 40, seed=11, now=datetime.now(timezone.utc))
    yield services
    storage.close()


def test_every_demo_request_has_the_records_of_its_state(demo_services):
    broken = []
    checked: dict[str, int] = {}
    for req in Request.select().order_by(Request.id):
        for state in required(State(req.state)):
            problem = RULES[state](demo_services, req)
            if problem:
                broken.append(f"#{req.id} {req.state}: {problem}")
        checked[req.state] = checked.get(req.state, 0) + 1
    assert not broken, broken
    assert sum(checked.values()) == 40
    # every rule was really applied, not vacuously true: requests stand in each state along the path
    assert all(checked.get(state.value, 0) >= 1 for state in ORDER), checked
    assert checked.get(State.CLOSED.value, 0) >= 5
    assert demo_services.storage.check().ok


def test_a_state_without_its_records_is_caught(demo_services):
    """The check itself: a verified request whose count is lost fails its rule."""
    req = Request.select().where(Request.state == State.VERIFIED).first()
    req.competent_qty = None
    assert _checked(demo_services, req) == "no competent count"
    assert _approved(demo_services, Request(id=req.id, approved_qty=5)) == "no approval with its quantity"
