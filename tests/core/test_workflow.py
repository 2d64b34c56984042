"""The request lifecycle: legal moves follow the SOP, illegal ones are refused, the SLA clock follows."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from blanko_desktop.core import workflow
from blanko_desktop.core.errors import ConflictError, RuleError
from blanko_desktop.core.workflow import State

JKT = ZoneInfo("Asia/Jakarta")
HAPPY_PATH = ["verified", "approved", "packed", "shipped", "delivered", "closed"]


def test_every_state_has_a_row_and_a_label():
    assert set(workflow.TRANSITIONS) == set(State)
    assert set(workflow.LABELS_ID) == set(State)
    assert all(target in State for targets in workflow.TRANSITIONS.values() for target in targets)


@pytest.mark.parametrize("current, target, allowed", [
    ("received", "verified", True),
    ("received", "waiting_lsp", True),
    ("waiting_lsp", "received", True),
    ("verified", "approved", True),
    ("approved", "packed", True),
    ("packed", "shipped", True),
    ("shipped", "delivered", True),
    ("delivered", "closed", True),
    ("received", "approved", False),   # approval needs a verified request
    ("received", "packed", False),
    ("waiting_lsp", "verified", False),  # new documents must come in first
    ("shipped", "cancelled", False),   # a parcel on the road is not cancelled
    ("closed", "received", False),
    ("cancelled", "received", False),
])
def test_transition_table(current, target, allowed):
    if allowed:
        workflow.check_transition(current, target)
    else:
        with pytest.raises(RuleError, match="tidak dapat diubah menjadi"):
            workflow.check_transition(current, target)


def test_cancel_needs_a_reason():
    with pytest.raises(RuleError, match="wajib disertai alasan"):
        workflow.check_transition("received", "cancelled", "  ")
    workflow.check_transition("received", "cancelled", "Permohonan ganda")


@pytest.mark.parametrize("text, state", [("Menunggu LSP", State.WAITING_LSP), ("closed", State.CLOSED),
                                         (" selesai ", State.CLOSED)])
def test_parse_state(text, state):
    assert workflow.parse_state(text) is state


def test_full_procedure_and_clock(services):
    """The table and the clock along the whole path, entered the way each operation enters its state
    (`_enter` inside its own write transaction, after writing its records)."""
    req = services.create_request(datetime(2026, 11, 19, 10, 0, tzinfo=JKT))  # Thursday
    assert req.due_at == datetime(2026, 11, 20, 10, 0, tzinfo=JKT)
    assert req.clock_running
    for state in HAPPY_PATH:
        req = services.storage.write(lambda: services._enter(services.request(req.id), state))
        assert req.state == state
        assert req.clock_running == (state in {"verified", "approved"})
    assert [e.action for e in services.history(req.id)] == (
        ["request.create"] + [f"request.{s}" for s in HAPPY_PATH])


def _reach(services, state: State):
    """A request in `state` (for the refusal tests: entered as its operation would enter it)."""
    req = services.create_request(datetime(2026, 11, 19, 10, 0, tzinfo=JKT))
    path = {State.RECEIVED: [], State.WAITING_LSP: [State.WAITING_LSP]}.get(
        state, HAPPY_PATH[:HAPPY_PATH.index(state.value) + 1] if state.value in HAPPY_PATH else [])
    for step in path:
        req = services.storage.write(lambda: services._enter(services.request(req.id), step))
    return req


@pytest.mark.parametrize("target", sorted(workflow.OPERATION_FOR, key=list(State).index))
def test_bare_transition_refuses_every_state_that_stands_for_records(services, target):
    source = next(s for s in State if target in workflow.TRANSITIONS[s] and s not in (State.CLOSED,))
    req = _reach(services, source)
    events = len(services.history(req.id))
    with pytest.raises(RuleError) as refused:
        services.transition(req.id, target)
    assert str(refused.value) == (f"Status '{workflow.LABELS_ID[target]}' hanya dapat dicapai lewat "
                                  f"{workflow.OPERATION_FOR[target]}, bukan dengan mengubah status saja.")
    assert services.request(req.id).state == source and len(services.history(req.id)) == events


@pytest.mark.parametrize("current, targets", [
    (State.RECEIVED, {State.WAITING_LSP, State.CANCELLED}),
    (State.WAITING_LSP, {State.RECEIVED, State.CANCELLED}),
    (State.VERIFIED, {State.WAITING_LSP, State.CANCELLED}),
    (State.APPROVED, {State.CANCELLED}),
    (State.SHIPPED, set()),
])
def test_generic_targets_are_the_record_free_moves(current, targets):
    assert workflow.generic_targets(current) == targets


def test_waiting_on_lsp_stops_clock_and_new_documents_restart_it(services):
    req = services.create_request(datetime(2026, 11, 19, 10, 0, tzinfo=JKT))
    req = services.transition(req.id, "waiting_lsp")
    assert not req.clock_running
    req = services.transition(req.id, "received", at=datetime(2026, 11, 23, 14, 0, tzinfo=JKT))
    assert req.clock_running
    assert req.due_at == datetime(2026, 11, 24, 14, 0, tzinfo=JKT)


def test_stale_save_refused_with_who_and_when(services):
    req = services.create_request(datetime(2026, 11, 19, 10, 0, tzinfo=JKT))
    opened_version = req.version
    services.update_request(req.id, opened_version, note="dicek Budi")
    with pytest.raises(ConflictError, match=r"sudah diubah oleh Budi Santoso \(officer1\) pada"):
        services.update_request(req.id, opened_version, note="dicek Sari")
    assert services.request(req.id).note == "dicek Budi"


def test_closure_moves_due_time_of_open_requests(services):
    from datetime import date

    req = services.create_request(datetime(2026, 11, 18, 10, 0, tzinfo=JKT))  # Wednesday
    assert req.due_at == datetime(2026, 11, 19, 10, 0, tzinfo=JKT)
    services.add_closure(date(2026, 11, 19), "closure", "Kantor tutup: pemadaman listrik")
    assert services.request(req.id).due_at == datetime(2026, 11, 20, 10, 0, tzinfo=JKT)
    with pytest.raises(RuleError, match="sudah tercatat"):
        services.add_closure(date(2026, 11, 19), "closure")


def test_calendar_change_keeps_a_restarted_clock(services):
    from datetime import date

    req = services.create_request(datetime(2026, 11, 16, 9, 0, tzinfo=JKT))
    services.transition(req.id, "waiting_lsp")
    req = services.transition(req.id, "received", at=datetime(2026, 11, 19, 9, 0, tzinfo=JKT))
    assert req.due_at == datetime(2026, 11, 20, 9, 0, tzinfo=JKT)
    services.add_closure(date(2026, 11, 20), "closure", "Kantor tutup")
    assert services.request(req.id).due_at == datetime(2026, 11, 23, 9, 0, tzinfo=JKT)
    moved = [e for e in services.history(req.id) if e.action == "request.due_recomputed"]
    assert moved[-1].before["due_at"].startswith("2026-11-20T02:00")
