"""The request lifecycle as an explicit transition table that follows the SOP."""

from __future__ import annotations

from enum import StrEnum

from blanko_desktop.core.errors import RuleError


class State(StrEnum):
    RECEIVED = "received"          # submission arrived; the 1-working-day clock runs
    WAITING_LSP = "waiting_lsp"    # incomplete: completion requested, clock stopped
    VERIFIED = "verified"          # documents complete
    APPROVED = "approved"          # echelon-4 official approved the number of blanks
    PACKED = "packed"              # blanks and receipt packed: the clock stops
    SHIPPED = "shipped"            # handed to the courier at a pickup
    DELIVERED = "delivered"        # one receipt back (courier's or LSP's)
    CLOSED = "closed"              # both receipts back
    CANCELLED = "cancelled"


LABELS_ID = {
    State.RECEIVED: "Diterima",
    State.WAITING_LSP: "Menunggu LSP",
    State.VERIFIED: "Terverifikasi",
    State.APPROVED: "Disetujui",
    State.PACKED: "Dikemas",
    State.SHIPPED: "Diserahkan ke kurir",
    State.DELIVERED: "Terkirim",
    State.CLOSED: "Selesai",
    State.CANCELLED: "Dibatalkan",
}

# from-state -> the states it may move to
TRANSITIONS: dict[State, frozenset[State]] = {
    State.RECEIVED: frozenset({State.WAITING_LSP, State.VERIFIED, State.CANCELLED}),
    # new documents from the LSP put the request back in the queue (and start a new clock)
    State.WAITING_LSP: frozenset({State.RECEIVED, State.CANCELLED}),
    State.VERIFIED: frozenset({State.APPROVED, State.WAITING_LSP, State.CANCELLED}),
    State.APPROVED: frozenset({State.PACKED, State.CANCELLED}),
    State.PACKED: frozenset({State.SHIPPED, State.CANCELLED}),
    State.SHIPPED: frozenset({State.DELIVERED}),
    State.DELIVERED: frozenset({State.CLOSED}),
    State.CLOSED: frozenset(),
    State.CANCELLED: frozenset(),
}

# States in which the secretariat's 1-working-day clock runs.
CLOCK_RUNNING = frozenset({State.RECEIVED, State.VERIFIED, State.APPROVED})
# States in which a request is still open on the officer's desk.
OPEN_STATES = frozenset(set(State) - {State.CLOSED, State.CANCELLED})


def label(state: str) -> str:
    """The Indonesian name of a state."""
    return LABELS_ID.get(State(state), state)


def parse_state(text: str) -> State:
    """A state from its code or Indonesian label, case-insensitive."""
    wanted = text.strip().lower()
    for state in State:
        if wanted in (state.value, LABELS_ID[state].lower()):
            return state
    names = ", ".join(s.value for s in State)
    raise RuleError(f"Status '{text}' tidak dikenal. Pilihan: {names}.")


def allowed(current: str) -> frozenset[State]:
    return TRANSITIONS[State(current)]


def check_transition(current: str, target: str, reason: str = "") -> None:
    """Refuse an illegal move with a message that says what is allowed instead."""
    cur, tgt = State(current), State(target)
    if tgt not in TRANSITIONS[cur]:
        options = ", ".join(LABELS_ID[s] for s in sorted(TRANSITIONS[cur], key=list(State).index))
        raise RuleError(
            f"Permohonan berstatus '{LABELS_ID[cur]}' tidak dapat diubah menjadi '{LABELS_ID[tgt]}'."
            + (f" Yang dapat dilakukan: {options}." if options else " Status ini sudah final.")
        )
    if tgt is State.CANCELLED and not reason.strip():
        raise RuleError("Pembatalan permohonan wajib disertai alasan.")
