"""Requests: their record, their details, and their moves along the procedure."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from blanko_desktop.core import workflow
from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import AuditEvent, Document, Request, utcnow
from blanko_desktop.core.services.base import ServiceBase
from blanko_desktop.core.workflow import State

REQUEST_EDITABLE = ("lsp_id", "kind", "letter_number", "letter_date", "sender", "subject", "received_at",
                    "requested_qty", "competent_qty", "not_yet_qty", "note")

REQUEST_KINDS = ("new", "replacement")


def request_dict(req: Request) -> dict[str, Any]:
    """A request as plain data (audit snapshots, CLI JSON)."""
    return {
        "id": req.id, "lsp_id": req.lsp_id, "kind": req.kind, "state": req.state,
        "letter_number": req.letter_number,
        "letter_date": req.letter_date.isoformat() if req.letter_date else None,
        "sender": req.sender, "subject": req.subject,
        "received_at": req.received_at.isoformat() if req.received_at else None,
        "due_at": req.due_at.isoformat() if req.due_at else None,
        "clock_running": bool(req.clock_running),
        "clock_started_at": req.clock_started_at.isoformat() if req.clock_started_at else None,
        "requested_qty": req.requested_qty, "competent_qty": req.competent_qty,
        "not_yet_qty": req.not_yet_qty, "approved_qty": req.approved_qty,
        "cancel_reason": req.cancel_reason, "note": req.note, "version": req.version,
    }


_REQUEST_BY_ID = "SELECT * FROM request WHERE id = {}"

#: The most sheets one request may count (asked for, competent, not yet competent): far above any real
#: request, and within what both engines store (the server's INTEGER is 32-bit).
MAX_SHEETS = 1_000_000
COUNT_LABELS = {"requested_qty": "Jumlah blanko yang diminta", "competent_qty": "Jumlah peserta kompeten",
                "not_yet_qty": "Jumlah peserta belum kompeten"}


def _check_counts(changes: dict[str, Any]) -> None:
    """A count is a whole number from 0 to MAX_SHEETS (or empty): refused before anything is written, instead of a
    negative count reaching the checklist or a huge one the server's column."""
    for key, label in COUNT_LABELS.items():
        value = changes.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SHEETS:
            raise RuleError(f"{label} harus bilangan bulat 0 sampai {MAX_SHEETS:,} (diisi: {value}).".replace(",", "."))

# A submission cannot arrive in the future; a little slack covers clocks that disagree.
FUTURE_SLACK = timedelta(hours=1)


def _check_received(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise RuleError("Waktu diterima harus menyertakan zona waktu.")
    if moment > utcnow() + FUTURE_SLACK:
        raise RuleError(f"Waktu diterima {moment.isoformat(timespec='minutes')} ada di masa depan; "
                        "periksa tanggal dan jamnya.")


class RequestsService(ServiceBase):
    """One request at a time: create, edit, move along the procedure, its documents and history."""

    def request(self, request_id: int) -> Request:
        # the most read row (several times per operation): SQL written once instead of peewee building its
        # 22 columns anew each call (~0.3 ms -> 0.07 ms); raw rows are converted by the same fields
        sql = _REQUEST_BY_ID.format(Request._meta.database.param)  # raw SQL goes to the server untranslated
        row = next(iter(Request.raw(sql, request_id)), None)
        if row is None:
            raise NotFoundError(f"Permohonan #{request_id} tidak ditemukan.")
        return row

    def open_request(self, request_id: int, doing: str) -> Request:
        """The request, unless it has ended (closed or cancelled): then `doing` is refused by name."""
        return self._open_request(self.request(request_id), doing)

    @staticmethod
    def _open_request(row: Request, doing: str) -> Request:
        if row.state in workflow.FROZEN_STATES:
            raise RuleError(f"Permohonan #{row.id} sudah {workflow.frozen_text(row.state)}; {doing}.")
        return row

    def waiting_request(self, lsp_id: int | None) -> Request | None:
        """The latest request of an LSP that waits on it for completion (new files from it belong there)."""
        if lsp_id is None:
            return None
        return (Request.select().where((Request.lsp == lsp_id) & (Request.state == State.WAITING_LSP))
                .order_by(Request.received_at.desc(), Request.id.desc()).first())

    def create_request(self, received_at: datetime, lsp_id: int | None = None, kind: str = "new",
                       sender: str = "", subject: str = "", **fields: Any) -> Request:
        """Record a new submission; its 1-working-day clock starts at `received_at`."""
        _check_received(received_at)
        _check_counts(fields)
        if kind not in REQUEST_KINDS:
            raise RuleError(f"Jenis permohonan '{kind}' tidak dikenal ({', '.join(REQUEST_KINDS)}).")
        due = self.calendar().due_time(received_at, float(self.setting("sla_hours")))

        def op():
            if lsp_id is not None:
                self.lsp(lsp_id)
            row = Request.create(lsp=lsp_id, kind=kind, sender=sender, subject=subject,
                                 received_at=received_at, due_at=due, clock_running=True,
                                 clock_started_at=received_at,
                                 updated_by=self.actor.label, **fields)
            self._audit("request.create", "request", row.id, None, request_dict(row))
            return row

        return self._write(op)

    def update_request(self, request_id: int, expected_version: int | None = None, **changes: Any) -> Request:
        """Edit a request's details (LSP, letter, counts, received time); audited, version-checked."""
        unknown = set(changes) - set(REQUEST_EDITABLE)
        if unknown:
            raise RuleError("Kolom tidak dapat diubah: " + ", ".join(sorted(unknown)))
        if "kind" in changes and changes["kind"] not in REQUEST_KINDS:
            raise RuleError(f"Jenis permohonan '{changes['kind']}' tidak dikenal.")
        if "received_at" in changes:
            _check_received(changes["received_at"])
        _check_counts(changes)

        def op():
            row = self._open_request(self.request(request_id), "datanya tidak dapat diubah lagi")
            before = request_dict(row)
            update = dict(changes)
            if "lsp_id" in update:
                if update["lsp_id"] is not None:
                    self.lsp(update["lsp_id"])
                update["lsp"] = update.pop("lsp_id")
            if "received_at" in update and row.clock_started_at in (None, row.received_at):
                # the clock still counts from the arrival being corrected (not from a later restart)
                update["clock_started_at"] = update["received_at"]
                if row.clock_running:
                    update["due_at"] = self.calendar().due_time(update["received_at"],
                                                                float(self.setting("sla_hours")))
            self._bump(row, expected_version, f"Permohonan #{request_id}", update)
            self._audit("request.edit", "request", row.id, before, request_dict(row))
            return row

        return self._write(op)

    def transition(self, request_id: int, target: str | State, reason: str = "",
                   expected_version: int | None = None, at: datetime | None = None) -> Request:
        """A move that needs no record: wait for the LSP, back to the queue, or cancel (with a reason).

        The states that stand for records (verified, approved, packed, ...) are refused here with the
        operation that enters them (`workflow.OPERATION_FOR`)."""
        target = workflow.State(target)

        def op():
            row = self._open_request(self.request(request_id), "statusnya tidak dapat diubah lagi")
            workflow.check_generic(row.state, target, reason)
            return self._move(row, target, reason, expected_version, at)

        return self._write(op)

    def _enter(self, row: Request, target: str | State, reason: str = "", expected_version: int | None = None,
               at: datetime | None = None, **extra: Any) -> Request:
        """Move `row` into `target` on behalf of the operation that has just written its records (call
        inside that operation's write transaction)."""
        target = workflow.State(target)
        self._open_request(row, "statusnya tidak dapat diubah lagi")
        workflow.check_transition(row.state, target, reason)
        return self._move(row, target, reason, expected_version, at, **extra)

    def _move(self, row: Request, target: State, reason: str, expected_version: int | None,
              at: datetime | None, **extra: Any) -> Request:
        before = request_dict(row)
        changes: dict[str, Any] = {"state": target.value, "clock_running": target in workflow.CLOCK_RUNNING,
                                   **extra}
        if target is State.RECEIVED and row.state == State.WAITING_LSP:
            # new documents from the LSP: a new clock from their arrival
            arrival = at or utcnow()
            changes["clock_started_at"] = arrival
            changes["due_at"] = self.calendar().due_time(arrival, float(self.setting("sla_hours")))
        if target is State.CANCELLED:
            changes["cancel_reason"] = reason.strip()
        self._bump(row, expected_version, f"Permohonan #{row.id}", changes)
        self._audit(f"request.{target.value}", "request", row.id, before,
                    {**request_dict(row), **({"reason": reason} if reason else {})})
        return row

    def documents(self, request_id: int) -> list[Document]:
        # read by the checklist, intake and the detail pane: SQL written once, as for request()
        sql = f"SELECT * FROM document WHERE request_id = {Document._meta.database.param} ORDER BY id"
        return list(Document.raw(sql, request_id))

    def history(self, request_id: int) -> list[AuditEvent]:
        return list(AuditEvent.select()
                    .where((AuditEvent.entity == "request") & (AuditEvent.entity_id == str(request_id)))
                    .order_by(AuditEvent.id))
