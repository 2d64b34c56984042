"""Read models of the Persetujuan & Cetak tab: the two queues and a request's printed forms, in fixed SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from blanko_desktop.core.models import utcnow
from blanko_desktop.core.services.views import DocumentView, RequestView, SignatoryView
from blanko_desktop.core.workflow import State

if TYPE_CHECKING:
    from blanko_desktop.core.approval import ApprovalView

#: The most rows a queue gives; the total is counted apart (the tab says "N of M"), so 10,000 requests
#: waiting never make one slow load.
QUEUE_LIMIT = 500


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class WaitingApproval:
    """A verified request waiting for the echelon-4 official."""

    request_id: int
    lsp_name: str
    kind: str
    letter_number: str
    received_at: datetime
    due_at: datetime | None
    clock_running: bool
    requested_qty: int | None
    competent_qty: int | None

    def overdue(self, now: datetime) -> bool:
        return self.clock_running and self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class WaitingForms:
    """An approved request whose paperwork (approval sheet, receipt, label) is being printed."""

    request_id: int
    lsp_name: str
    letter_number: str
    due_at: datetime | None
    clock_running: bool
    approved_qty: int | None
    approved_at: datetime | None
    signatory_name: str
    printed: frozenset[str] = field(default_factory=frozenset)  # form codes printed or saved at least once
    scan_attached: bool = False

    def overdue(self, now: datetime) -> bool:
        return self.clock_running and self.due_at is not None and self.due_at < now


@dataclass(frozen=True)
class Queues:
    waiting: list[WaitingApproval]
    waiting_total: int
    approved: list[WaitingForms]
    approved_total: int
    now: datetime


@dataclass(frozen=True)
class PrintedFormView:
    """One line of the printed-forms log: what went where, by whom, and the very PDF (by hash)."""

    id: int
    request_id: int | None
    form: str
    sha256: str
    printer: str
    copies: int
    number: str
    printed_at: datetime
    printed_by: str

    @property
    def title(self) -> str:
        from blanko_desktop.core.forms import FORMS  # reportlab and Jinja load with the first form, not the lists

        spec = FORMS.get(self.form)
        return spec.title if spec else self.form

    @property
    def saved_path(self) -> str | None:
        """The file a 'Simpan sebagai PDF' wrote (printer 'PDF: <path>'), else None."""
        return self.printer[len(SAVED_PREFIX):] if self.printer.startswith(SAVED_PREFIX) else None

    def as_dict(self) -> dict:
        return {"id": self.id, "request": self.request_id, "form": self.form, "title": self.title,
                "sha256": self.sha256, "printer": self.printer, "copies": self.copies, "number": self.number,
                "printed_at": self.printed_at.isoformat(), "printed_by": self.printed_by}


#: How a saved PDF appears in the printed-forms log's printer column.
SAVED_PREFIX = "PDF: "


def queues(services, limit: int = QUEUE_LIMIT, now: datetime | None = None) -> Queues:
    """Both queues in four statements whatever their length: verified requests by due time, and approved
    requests with the forms already produced for them and whether the signed sheet is attached."""
    db = services.storage.db
    waiting = [WaitingApproval(r[0], r[1], r[2], r[3], _time(r[4]), _time(r[5]), bool(r[6]), r[7], r[8])
               for r in db.execute_sql(
                   "SELECT r.id, COALESCE(l.name, ''), r.kind, r.letter_number, r.received_at, r.due_at, "
                   "r.clock_running, r.requested_qty, r.competent_qty "
                   "FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id WHERE r.state = ? "
                   # the most urgent first; a request with no due time (clock stopped) after the rest
                   "ORDER BY r.due_at IS NULL, r.due_at, r.id LIMIT ?", (State.VERIFIED.value, limit))]
    approved = []
    # the forms produced, joined by commas: SQLite's group_concat is the server's string_agg
    forms = ("string_agg(DISTINCT p.form, ',')" if services.storage.engine == "postgresql"
             else "group_concat(DISTINCT p.form)")
    for r in db.execute_sql(
            "SELECT r.id, COALESCE(l.name, ''), r.letter_number, r.due_at, r.clock_running, r.approved_qty, "
            "a.approved_at, COALESCE(s.name, ''), "
            f"(SELECT {forms} FROM printed_form p WHERE p.request_id = r.id), "
            "EXISTS (SELECT 1 FROM document d WHERE d.request_id = r.id AND d.kind = 'approval_scan') "
            "FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id "
            "LEFT JOIN approval a ON a.id = (SELECT MAX(x.id) FROM approval x "
            "                                WHERE x.request_id = r.id AND x.cancelled_at IS NULL) "
            "LEFT JOIN signatory s ON s.id = a.signatory_id "
            "WHERE r.state = ? ORDER BY r.due_at IS NULL, r.due_at, r.id LIMIT ?", (State.APPROVED.value, limit)):
        approved.append(WaitingForms(r[0], r[1], r[2], _time(r[3]), bool(r[4]), r[5], _time(r[6]), r[7],
                                     frozenset((r[8] or "").split(",")) - {""}, bool(r[9])))
    counts = dict(db.execute_sql("SELECT state, COUNT(*) FROM request WHERE state IN (?, ?) GROUP BY state",
                                 (State.VERIFIED.value, State.APPROVED.value)).fetchall())
    return Queues(waiting, counts.get(State.VERIFIED.value, 0), approved, counts.get(State.APPROVED.value, 0),
                  now or utcnow())


def printed_form_views(services, request_id: int | None = None, limit: int | None = None) -> list[PrintedFormView]:
    """The printed-forms log, newest first; of one request when given (one statement)."""
    sql = ("SELECT id, request_id, form, sha256, printer, copies, number, printed_at, printed_by "
           "FROM printed_form")
    params: list = []
    if request_id is not None:
        sql += " WHERE request_id = ?"
        params.append(request_id)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [PrintedFormView(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _time(r[7]), r[8])
            for r in services.storage.db.execute_sql(sql, params)]


def printed_form_view(services, printed_id: int) -> PrintedFormView | None:
    row = services.storage.db.execute_sql(
        "SELECT id, request_id, form, sha256, printer, copies, number, printed_at, printed_by "
        "FROM printed_form WHERE id = ?", (printed_id,)).fetchone()
    return None if row is None else PrintedFormView(*row[:7], _time(row[7]), row[8])


@dataclass(frozen=True)
class Paperwork:
    """One request in the tab: its record, the approval in force, the signed sheets attached, the forms printed."""

    request: RequestView
    approval: ApprovalView | None
    scans: list[DocumentView]
    printed: list[PrintedFormView]
    active_signatories: list[SignatoryView]


def request_paperwork(services, request_id: int) -> Paperwork:
    from blanko_desktop.core.approval import approval_of

    return Paperwork(services.request_view(request_id), approval_of(request_id),
                     [d for d in services.document_views(request_id) if d.kind == "approval_scan"],
                     printed_form_views(services, request_id), services.signatory_views(active_only=True))
