"""Read models: what the window and the CLI are given to show — plain frozen dataclasses, never peewee rows.

A peewee row carries lazy relations (`req.lsp.name` runs a query wherever it is touched, on the GUI thread
too) and can be saved by accident; these are read in one go by the service and are inert afterwards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from blanko_desktop.core.models import AuditEvent, Closure, Document, Finding, Lsp, LspAddress, Request, Signatory
from blanko_desktop.core.services.base import ServiceBase


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class LspView:
    id: int
    name: str
    licence_no: str
    address: str
    city: str
    postal_code: str
    phone: str
    contact_person: str
    active: bool
    version: int
    emails: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    @property
    def senders(self) -> tuple[str, ...]:
        """Addresses and domains together, as the registry lists them."""
        return self.emails + self.domains

    def as_dict(self) -> dict[str, Any]:
        """The keys of `lsp_dict` (audit snapshots, CLI JSON)."""
        data = asdict(self)
        data["emails"], data["domains"] = list(self.emails), list(self.domains)
        return data


@dataclass(frozen=True)
class RequestView:
    id: int
    lsp_id: int | None
    kind: str
    state: str
    letter_number: str
    letter_date: date | None
    sender: str
    subject: str
    received_at: datetime
    due_at: datetime | None
    clock_running: bool
    clock_started_at: datetime | None
    requested_qty: int | None
    competent_qty: int | None
    not_yet_qty: int | None
    approved_qty: int | None
    cancel_reason: str
    note: str
    version: int
    updated_at: datetime | None
    updated_by: str
    lsp: LspView | None = None

    @property
    def lsp_name(self) -> str:
        return self.lsp.name if self.lsp is not None else ""

    def as_dict(self) -> dict[str, Any]:
        """The keys of `request_dict` (CLI JSON), times as ISO text."""
        return {
            "id": self.id, "lsp_id": self.lsp_id, "kind": self.kind, "state": self.state,
            "letter_number": self.letter_number, "letter_date": _iso(self.letter_date),
            "sender": self.sender, "subject": self.subject, "received_at": _iso(self.received_at),
            "due_at": _iso(self.due_at), "clock_running": self.clock_running,
            "clock_started_at": _iso(self.clock_started_at), "requested_qty": self.requested_qty,
            "competent_qty": self.competent_qty, "not_yet_qty": self.not_yet_qty,
            "approved_qty": self.approved_qty, "cancel_reason": self.cancel_reason, "note": self.note,
            "version": self.version,
        }


@dataclass(frozen=True)
class DocumentView:
    id: int
    request_id: int
    kind: str
    original_name: str
    sha256: str
    size: int
    media_type: str
    source: str
    parent_id: int | None
    received_at: datetime
    added_at: datetime
    added_by: str
    analysis: Any = None  # what intake read in the file (counts, kind), as stored; None when not analysed


@dataclass(frozen=True)
class FindingView:
    id: int
    request_id: int
    document_id: int | None
    document_name: str
    item: str
    sheet: str | None
    row: int | None
    severity: str
    message: str
    accepted: bool
    accepted_note: str
    accepted_by: str
    accepted_at: datetime | None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    os_user: str
    officer: str
    action: str
    entity: str
    entity_id: str
    before: Any
    after: Any

    @property
    def who(self) -> str:
        return f"{self.officer} ({self.os_user})" if self.officer else self.os_user


@dataclass(frozen=True)
class SignatoryView:
    id: int
    name: str
    nip: str
    title: str
    active: bool
    version: int


@dataclass(frozen=True)
class ClosureView:
    day: date
    kind: str
    note: str
    created_by: str

    def as_dict(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "kind": self.kind, "note": self.note, "created_by": self.created_by}


def _fields(view: type, row: Any, **extra: Any) -> Any:
    names = view.__dataclass_fields__
    values = {name: getattr(row, name) for name in names if name not in extra and hasattr(row, name)}
    return view(**values, **extra)


def lsp_view(row: Lsp, addresses: list[LspAddress] | None = None) -> LspView:
    rows = list(row.addresses) if addresses is None else addresses
    return _fields(LspView, row, active=bool(row.active),
                   emails=tuple(sorted(a.value for a in rows if not a.is_domain)),
                   domains=tuple(sorted(a.value for a in rows if a.is_domain)))


def request_view(row: Request, lsp: LspView | None = None) -> RequestView:
    return _fields(RequestView, row, lsp_id=row.lsp_id, clock_running=bool(row.clock_running), lsp=lsp)


class ViewsService(ServiceBase):
    """The read models, each read in a fixed number of queries whatever the number of rows."""

    def lsp_views(self, active_only: bool = False) -> list[LspView]:
        query = Lsp.select().order_by(Lsp.name)
        if active_only:
            query = query.where(Lsp.active == True)  # noqa: E712
        rows = list(query)
        by_lsp: dict[int, list[LspAddress]] = {row.id: [] for row in rows}
        for address in LspAddress.select().where(LspAddress.lsp.in_(list(by_lsp))):
            by_lsp[address.lsp_id].append(address)
        return [lsp_view(row, by_lsp[row.id]) for row in rows]

    def lsp_view(self, lsp_id: int) -> LspView:
        return lsp_view(self.lsp(lsp_id))

    def find_lsp_view(self, name: str) -> LspView:
        """The LSP an officer named (`find_lsp`: exact or distinctive part of the name), as a view."""
        return lsp_view(self.find_lsp(name))

    def request_view(self, request_id: int) -> RequestView:
        row = self.request(request_id)
        return request_view(row, lsp_view(row.lsp) if row.lsp_id is not None else None)

    def document_views(self, request_id: int) -> list[DocumentView]:
        return [_fields(DocumentView, d, request_id=d.request_id, parent_id=d.parent_id)
                for d in Document.select().where(Document.request == request_id).order_by(Document.id)]

    def document_view(self, document_id: int) -> DocumentView | None:
        d = Document.get_or_none(Document.id == document_id)
        return None if d is None else _fields(DocumentView, d, request_id=d.request_id, parent_id=d.parent_id)

    def finding_views(self, request_id: int) -> list[FindingView]:
        return [_fields(FindingView, f, request_id=f.request_id, document_id=f.document_id,
                        accepted=bool(f.accepted))
                for f in Finding.select().where(Finding.request == request_id).order_by(Finding.id)]

    def history_entries(self, request_id: int) -> list[HistoryEntry]:
        return [_fields(HistoryEntry, e) for e in AuditEvent.select()
                .where((AuditEvent.entity == "request") & (AuditEvent.entity_id == str(request_id)))
                .order_by(AuditEvent.id)]

    def signatory_views(self, active_only: bool = False) -> list[SignatoryView]:
        query = Signatory.select().order_by(Signatory.name, Signatory.id)
        if active_only:
            query = query.where(Signatory.active == True)  # noqa: E712
        return [_fields(SignatoryView, s, active=bool(s.active)) for s in query]

    def closure_views(self) -> list[ClosureView]:
        return [_fields(ClosureView, c) for c in Closure.select().order_by(Closure.day)]
