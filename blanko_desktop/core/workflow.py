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
    # the approval taken back (a reversing step of the approval operation, never a bare move)
    State.APPROVED: frozenset({State.PACKED, State.VERIFIED, State.CANCELLED}),
    State.PACKED: frozenset({State.SHIPPED, State.CANCELLED}),
    # a parcel returned or lost on the way: sent again with the same serials (a new parcel, packed), or the
    # issue reversed and the request back to approved to be issued and packed anew
    State.SHIPPED: frozenset({State.DELIVERED, State.PACKED, State.APPROVED}),
    State.DELIVERED: frozenset({State.CLOSED}),
    State.CLOSED: frozenset(),
    State.CANCELLED: frozenset(),
}

# States that stand for records: each is entered only by the operation that creates them, never by a bare
# move, so that no request looks approved, packed or shipped while nothing was approved, issued or sent.
OPERATION_FOR: dict[State, str] = {
    State.VERIFIED: "verifikasi: daftar periksa lengkap (blanko verify / 'Lengkap — lanjut ke persetujuan')",
    State.APPROVED: "persetujuan pejabat eselon IV (lembar persetujuan)",
    State.PACKED: "pengemasan: blanko dikeluarkan dari stok dan tanda terima dicetak",
    State.SHIPPED: "serah terima paket ke kurir",
    State.DELIVERED: "pencatatan paket diterima LSP",
    State.CLOSED: "kedua tanda terima kembali (kurir dan LSP)",
}

# States in which the secretariat's 1-working-day clock runs.
CLOCK_RUNNING = frozenset({State.RECEIVED, State.VERIFIED, State.APPROVED})
# States in which a request is still open on the officer's desk.
OPEN_STATES = frozenset(set(State) - {State.CLOSED, State.CANCELLED})
# Ended requests: nothing about them changes any more (details, documents, findings, state).
FROZEN_STATES = frozenset({State.CLOSED, State.CANCELLED})
# States in which a completion e-mail may be written: the request is still being checked.
COMPLETION_ALLOWED = frozenset({State.RECEIVED, State.VERIFIED, State.WAITING_LSP})


def frozen_text(state: str) -> str:
    """How an ended request's state reads in a refusal ('selesai', 'dibatalkan')."""
    return "selesai" if State(state) is State.CLOSED else "dibatalkan"


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


def generic_targets(current: str) -> frozenset[State]:
    """The moves that need no record (wait for the LSP, back to the queue, cancel): what a bare
    transition may do; the other next states belong to their operations."""
    return frozenset(s for s in TRANSITIONS[State(current)] if s not in OPERATION_FOR)


def check_generic(current: str, target: str, reason: str = "") -> None:
    """Refuse a bare move into a state that needs records, naming the operation to use instead."""
    check_transition(current, target, reason)
    tgt = State(target)
    if tgt in OPERATION_FOR:
        raise RuleError(f"Status '{LABELS_ID[tgt]}' hanya dapat dicapai lewat {OPERATION_FOR[tgt]}, "
                        "bukan dengan mengubah status saja.")


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
