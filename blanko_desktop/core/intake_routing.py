"""Where a prepared intake goes — which LSP, which request — decided once, for the window and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.reception import ADD_REFUSED, IntakePlan, Reception
from blanko_desktop.core.services import Services
from blanko_desktop.core import workflow



@dataclass
class IntakeDecision:
    """The answer of `decide()`: what `Reception.commit` is to do with a plan.

    `lsp_source` says where the LSP came from: 'option' (the officer chose it), 'request' (the request it is
    added to has one), 'sender' (the e-mail's sender is registered for it) or None (unknown).
    """

    request_id: int | None            # None: a new request
    lsp_id: int | None
    lsp_name: str = ""
    lsp_source: str | None = None
    received_at: datetime | None = None  # None: the e-mail's date, or the time of the drop
    attached_to_waiting: bool = False   # the LSP's request that waited for completion takes these files
    nothing_new: bool = False           # every file was received before: nothing to store
    remember_sender: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def creates_request(self) -> bool:
        return self.request_id is None and not self.nothing_new


def decide(services: Services, plan: IntakePlan, *, request_id: int | None = None, lsp_id: int | None = None,
           force_new: bool = False, received_at: datetime | None = None,
           remember_sender: bool = False) -> IntakeDecision:
    """Decide where `plan` goes: the request the officer named, else the LSP's request waiting for completion,
    else (for an e-mail whose attachments came before) the request that holds them, else a new request.

    Refuses, before anything is written, a closed or cancelled request and a request of another LSP.
    """
    notes: list[str] = []
    chosen = services.lsp(lsp_id) if lsp_id is not None else None
    source = "option" if chosen is not None else None
    target = None
    if request_id is not None:
        target = services.request(request_id)
        services.open_request(target.id, ADD_REFUSED)
        if chosen is not None and target.lsp_id not in (None, chosen.id):
            raise RuleError(f"Permohonan #{target.id} milik {target.lsp.name}, bukan {chosen.name}.")
        if chosen is None and target.lsp_id is not None:
            chosen, source = target.lsp, "request"
    if plan.lsp is not None:
        if chosen is None:
            chosen, source = plan.lsp, "sender"
        elif plan.lsp.id != chosen.id:
            notes.append(f"Pengirim {plan.sender} terdaftar untuk {plan.lsp.name}; dipakai {chosen.name}.")
    attached = False
    if target is None and not force_new and chosen is not None:
        waiting = (plan.waiting_request if plan.lsp is not None and plan.lsp.id == chosen.id
                   else services.waiting_request(chosen.id))
        if waiting is not None:
            target, attached = waiting, True
    new = plan.new_files
    duplicates = [f for f in plan.files if f.duplicate_of is not None]
    nothing_new = not new
    if target is None and not force_new and new and duplicates and all(f.kind == "email" for f in new):
        # the e-mail whose attachments were dropped before: it belongs with them, not in a request of its own
        owners = {f.duplicate_of[1] for f in duplicates}
        owner = services.request(owners.pop()) if len(owners) == 1 else None
        if owner is not None and owner.state not in workflow.FROZEN_STATES:
            target = owner
            notes.append(f"Lampiran e-mail ini sudah ada di permohonan #{owner.id}; e-mailnya ditambahkan ke sana.")
        else:
            nothing_new = True
    return IntakeDecision(
        request_id=target.id if target is not None else None,
        lsp_id=chosen.id if chosen is not None else None,
        lsp_name=chosen.name if chosen is not None else "",
        lsp_source=source if chosen is not None else None,
        received_at=received_at, attached_to_waiting=attached and target is not None,
        nothing_new=nothing_new, remember_sender=remember_sender, notes=notes)


def needs_officer(plan: IntakePlan, decision: IntakeDecision, asked_request: int | None = None) -> bool:
    """Whether the window should show the intake dialog before storing: the officer has something to
    decide or to see (unknown LSP, a waiting request, files received before, problems, nothing new)."""
    if plan.problems or not plan.new_files or len(plan.new_files) != len(plan.files):
        return True
    if asked_request is not None:
        # the request named decides where; only an LSP still unknown (to it and to the sender) needs asking
        return decision.lsp_id is None
    return decision.lsp_id is None or decision.attached_to_waiting


def commit(services: Services, plan: IntakePlan, decision: IntakeDecision, source: str = "drop"):
    """Store `plan` as `decision` says (one transaction); returns the reception's outcome."""
    if decision.nothing_new:
        from blanko_desktop.core.reception import IntakeOutcome

        return IntakeOutcome(None, [], [f for f in plan.files if f.duplicate_of is not None], plan.problems)
    return Reception(services).commit(plan, request_id=decision.request_id, lsp_id=decision.lsp_id,
                                      received_at=decision.received_at, source=source,
                                      remember_sender=decision.remember_sender)
