"""Intake into the database: files and e-mails in, stored once, recognised, attached to a request.

Two phases so the window can ask the officer before anything is written: `prepare` reads and analyses
(no writes), `commit` stores the documents and creates or updates the request in one transaction.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from peewee import IntegrityError

from blanko_desktop.core import audit, roster
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.intake import (
    MAX_FILE_BYTES,
    FileAnalysis,
    Finding,
    analyse_file,
    detect_type,
    safe_filename,
    stored,
)
from blanko_desktop.core.intake.limits import MAX_EMAIL_AGE
from blanko_desktop.core.intake.sniff import EMAIL_TYPES, media_type
from blanko_desktop.core.models import Document, Lsp, Request, utcnow
from blanko_desktop.core.services import FUTURE_SLACK, Services
from blanko_desktop.core.services.requests import MAX_SHEETS
from blanko_desktop.core.storage import sha256_bytes
from blanko_desktop.core.workflow import State

Progress = Callable[[int, int, str], None]
ADD_REFUSED = "berkas baru tidak dapat ditambahkan"
_ANALYSES: OrderedDict[tuple[str, str], FileAnalysis] = OrderedDict()
_ANALYSES_KEPT = 64
_ANALYSES_LOCK = threading.Lock()
READ_PIECE = 1 << 20  # files are read in pieces of this size


def cached_analysis(sha256: str, name: str, load: Callable[[], bytes]) -> FileAnalysis:
    """The analysis of a file's content under a name; stored files never change, so it is kept.

    Intake analyses each file once; the checklist shown right after reuses that work. Workers of the
    window call this from several threads: the cache is locked, the analysis itself is not.
    """
    key = (sha256, name)
    with _ANALYSES_LOCK:
        if key in _ANALYSES:
            _ANALYSES.move_to_end(key)
            return _ANALYSES[key]
    analysis = analyse_file(load(), name)
    with _ANALYSES_LOCK:
        _ANALYSES[key] = analysis
        while len(_ANALYSES) > _ANALYSES_KEPT:
            _ANALYSES.popitem(last=False)
    return analysis


@dataclass
class PlannedFile:
    """One file to store: a dropped file, an e-mail, or an attachment of one."""

    name: str
    data: bytes
    sha256: str
    analysis: FileAnalysis | None  # None for an e-mail container
    parent: int | None = None      # index of the e-mail it came from
    duplicate_of: tuple[int, int, datetime] | None = None  # (document id, request id, received at)
    notes: list[str] = field(default_factory=list)  # an e-mail's: what was left aside or found wrong

    @property
    def kind(self) -> str:
        return "email" if self.analysis is None else self.analysis.kind


@dataclass
class IntakePlan:
    """What a drop contains, before anything is written."""

    files: list[PlannedFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # files refused outright, with why
    sender: str = ""
    sender_name: str = ""
    subject: str = ""
    received_at: datetime | None = None   # the e-mail's date; None for loose files
    lsp: Lsp | None = None
    waiting_request: Request | None = None  # a request of that LSP that waits on it

    @property
    def new_files(self) -> list[PlannedFile]:
        return [f for f in self.files if f.duplicate_of is None]


@dataclass
class IntakeOutcome:
    request: Request | None
    added: list[Document]
    duplicates: list[PlannedFile]
    problems: list[str]


def _read_inputs(paths: Iterable[Path], problems: list[str]) -> list[tuple[str, bytes]]:
    """Files from paths; a folder gives the files inside it (not hidden ones).

    Only regular files are read (a FIFO would block for ever, /dev/zero never ends), each in bounded pieces
    up to MAX_FILE_BYTES: a file that grows while it is read is refused like one that was too big.
    """
    out: list[tuple[str, bytes]] = []
    for path in paths:
        path = Path(path)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            problems.append(f"{path.name}: tidak dapat dibaca ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(mode):
            try:
                children = sorted(p for p in path.rglob("*") if not p.name.startswith(".")
                                  and not p.is_dir() and not any(part.startswith(".") for part in
                                                                 p.relative_to(path).parts))
            except OSError as exc:
                problems.append(f"{path.name}: folder tidak dapat dibaca ({exc.strerror or exc})")
                continue
            out += _read_inputs(children, problems)
            continue
        if not stat.S_ISREG(mode):
            problems.append(f"{path.name}: bukan berkas biasa (perangkat, pipa atau soket), tidak dibaca")
            continue
        data = _read_bounded(path, problems)
        if data is not None:
            out.append((path.name, data))
    return out


def _too_big(name: str, size: int) -> str:
    return (f"{name}: berkas terlalu besar ({size / (1 << 20):.0f} MB; batas "
            f"{MAX_FILE_BYTES // (1 << 20)} MB), tidak disimpan")


def _read_bounded(path: Path, problems: list[str]) -> bytes | None:
    """The bytes of one regular file, read in pieces and never more than MAX_FILE_BYTES (None: refused)."""
    try:
        # O_NONBLOCK: should the path turn into a FIFO between stat and open, open does not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        problems.append(f"{path.name}: tidak dapat dibaca ({exc.strerror or exc})")
        return None
    with os.fdopen(fd, "rb", buffering=0) as stream:
        try:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode):
                problems.append(f"{path.name}: bukan berkas biasa (perangkat, pipa atau soket), tidak dibaca")
                return None
            if info.st_size > MAX_FILE_BYTES:
                problems.append(_too_big(path.name, info.st_size))
                return None
            pieces, total = [], 0
            while True:
                piece = stream.read(min(READ_PIECE, MAX_FILE_BYTES + 1 - total))
                if not piece:
                    break
                pieces.append(piece)
                total += len(piece)
                if total > MAX_FILE_BYTES:
                    problems.append(_too_big(path.name, total))
                    return None
            return b"".join(pieces)
        except OSError as exc:
            problems.append(f"{path.name}: tidak dapat dibaca ({exc.strerror or exc})")
            return None


def _first_received(shas: list[str]) -> dict[str, Document]:
    """For each content hash stored before, its first document (id, request, received at): one query for all."""
    first: dict[str, Document] = {}
    if not shas:
        return first
    # written by hand: asked twice per intake (planning, then under the write lock), peewee's building of the
    # select cost several times SQLite's index lookups; raw SQL carries the engine's own placeholder
    wanted = sorted(set(shas))
    marks = ", ".join([Document._meta.database.param] * len(wanted))
    sql = f"SELECT id, sha256, request_id, received_at FROM document WHERE sha256 IN ({marks}) ORDER BY id"
    for row in Document.raw(sql, *wanted):
        first.setdefault(row.sha256, row)
    return first


class Reception:
    """The intake use cases over one open database."""

    def __init__(self, services: Services):
        self.services = services
        self.storage = services.storage

    # -- phase 1: read, no writes -------------------------------------------------------------------

    def prepare_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IntakePlan:
        problems: list[str] = []
        items = _read_inputs(paths, problems)
        plan = self.prepare(items, progress)
        plan.problems[:0] = problems
        return plan

    def prepare(self, items: Iterable[tuple[str, bytes]], progress: Progress | None = None) -> IntakePlan:
        """Read e-mails, analyse every file, find duplicates and the sender's LSP; writes nothing."""
        plan = IntakePlan()
        items = list(items)
        for index, (raw_name, data) in enumerate(items):
            name = safe_filename(raw_name)
            if progress:
                progress(index, len(items), name)
            if len(data) > MAX_FILE_BYTES:
                plan.problems.append(f"{name}: berkas terlalu besar, tidak disimpan")
                continue
            if detect_type(data, name) in EMAIL_TYPES:
                self._plan_email(plan, name, data)
            else:
                self._add(plan, self._planned(name, data, None))
        if progress:
            progress(len(items), len(items), "")
        self._mark_received(plan)
        if plan.sender:
            plan.lsp = self.services.lsp_for_sender(plan.sender)
        self._check_age(plan)
        plan.waiting_request = self.waiting_request_for(plan.lsp)
        return plan

    @staticmethod
    def _check_age(plan: IntakePlan) -> None:
        """An e-mail date long before the drop (a sender's clock at 1900, a stale draft) is not its arrival:
        the clock would show it overdue at once. Like a future date, the time of the drop is taken instead."""
        sent = plan.received_at
        if sent is None:
            return
        now = utcnow()
        if sent < now - MAX_EMAIL_AGE:
            plan.problems.append(f"tanggal e-mail {sent:%d-%m-%Y %H:%M} lebih dari {MAX_EMAIL_AGE.days} hari "
                                 "sebelum diterima; dipakai waktu penerimaan sekarang")
            plan.received_at = None

    def waiting_request_for(self, lsp: Lsp | None) -> Request | None:
        """The latest request of `lsp` that waits on it for completion, if any (`Services.waiting_request`)."""
        return self.services.waiting_request(lsp.id if lsp is not None else None)

    def _plan_email(self, plan: IntakePlan, name: str, data: bytes) -> None:
        from blanko_desktop.core.intake.email_parse import parse_email  # loose files need no e-mail package

        mail = parse_email(data, name)
        if not plan.sender and mail.sender:
            plan.sender, plan.sender_name, plan.subject = mail.sender, mail.sender_name, mail.subject
            plan.received_at = mail.date
            if mail.date is not None and mail.date > utcnow() + FUTURE_SLACK:
                # the sender's clock is wrong: the time of the drop is the honest arrival
                plan.problems.append(f"{name}: tanggal e-mail {mail.date:%d-%m-%Y %H:%M} ada di masa depan; "
                                     "dipakai waktu penerimaan sekarang")
                plan.received_at = None
        planned = self._planned(name, data, None, email=True)
        planned.notes = [f"{f.document}: {f.message}" for f in mail.findings] + mail.skipped
        if not self._add(plan, planned):
            return
        parent = len(plan.files) - 1
        plan.problems += planned.notes
        for attachment in mail.attachments:
            if detect_type(attachment.data, attachment.filename) in EMAIL_TYPES:
                continue  # parse_email already extracted the attachments of attached e-mails
            self._add(plan, self._planned(attachment.filename, attachment.data, parent))

    @staticmethod
    def _add(plan: IntakePlan, planned: PlannedFile) -> bool:
        """Add a file unless the same content is already in this drop (a folder and a file from it)."""
        twin = next((f for f in plan.files if f.sha256 == planned.sha256), None)
        if twin is not None:
            plan.problems.append(f"{planned.name}: isinya sama dengan {twin.name} dalam kiriman ini; disimpan sekali")
            return False
        plan.files.append(planned)
        return True

    def _planned(self, name: str, data: bytes, parent: int | None, email: bool = False) -> PlannedFile:
        sha = sha256_bytes(data)
        name = safe_filename(name)
        return PlannedFile(name=name, data=data, sha256=sha,
                           analysis=None if email else cached_analysis(sha, name, lambda: data), parent=parent)

    @staticmethod
    def _mark_received(plan: IntakePlan) -> None:
        """The files received before (the first document with the same content), in one query for the drop."""
        seen = _first_received([f.sha256 for f in plan.files])
        for f in plan.files:
            row = seen.get(f.sha256)
            if row is not None:
                f.duplicate_of = (row.id, row.request_id, row.received_at)

    # -- phase 2: write ------------------------------------------------------------------------------

    def commit(self, plan: IntakePlan, request_id: int | None = None, lsp_id: int | None = None,
               received_at: datetime | None = None, source: str = "drop",
               remember_sender: bool = False) -> IntakeOutcome:
        """Store the new files and attach them to `request_id`, or to a new request.

        A request that waited on the LSP goes back to the queue with a new clock from the arrival. An
        existing request without an LSP or a sender takes them from this intake; `remember_sender` adds the
        sender's address to that LSP, in the same transaction.
        """
        new = plan.new_files
        duplicates = [f for f in plan.files if f.duplicate_of is not None]
        if not new:
            return IntakeOutcome(None, [], duplicates, plan.problems)
        documents = [f for f in new if f.analysis is not None]
        if request_id is None and not documents and duplicates:
            # only the e-mail is new, its attachments were received before: it belongs with them
            request_id = duplicates[0].duplicate_of[1]
        if request_id is not None:
            self.services.open_request(request_id, ADD_REFUSED)  # refuse before anything is written
        arrival = received_at or plan.received_at or utcnow()
        if arrival.tzinfo is None:
            raise RuleError("Waktu diterima harus menyertakan zona waktu.")
        if lsp_id is None and plan.lsp is not None:
            lsp_id = plan.lsp.id
        # A database that cannot take the write would leave the stored documents orphaned: refuse first.
        self.storage.assert_writable()
        # Documents reach the disk (fsync, rename) before the rows that refer to them commit.
        self._store_files([f.data for f in new])
        services = self.services
        # what the checklist reads later, made before the write transaction so as not to lengthen it
        stored_as = {id(f): summary(f.analysis) if f.analysis else {"notes": f.notes} for f in new}

        def op():
            for f in new:  # under the write lock: still there, whatever a repair did meanwhile
                self.storage.files.ensure(f.data, f.sha256)
            self._refuse_received_meanwhile(new)
            if request_id is not None:
                req = services.open_request(request_id, ADD_REFUSED)
                fix: dict[str, object] = {}
                if lsp_id is not None and req.lsp_id is None:
                    fix["lsp_id"] = lsp_id
                if plan.sender and not req.sender:  # loose files first, their e-mail later
                    fix.update(sender=plan.sender, subject=req.subject or plan.subject)
                if fix:
                    req = services.update_request(req.id, None, **fix)
            else:
                req = services.create_request(arrival, lsp_id, sender=plan.sender, subject=plan.subject)
            ids: dict[int, Document] = {}
            added = []
            for index, f in enumerate(plan.files):
                if f.duplicate_of is not None:
                    continue
                try:
                    # a savepoint: a refused row aborts the whole transaction on the server, and the check
                    # below must still read
                    with self.storage.db.atomic():
                        doc = Document.create(
                            request=req, kind=f.kind, original_name=f.name, sha256=f.sha256, size=len(f.data),
                            media_type=media_type(f.data, f.analysis.detected_type if f.analysis else "eml"),
                            source=source, parent=ids.get(f.parent) if f.parent is not None else None,
                            received_at=arrival, added_by=services.actor.label,
                            analysis=stored_as[id(f)])
                except IntegrityError:
                    # the unique key saw what the check above could not (a writer outside this program)
                    self._refuse_received_meanwhile([f])
                    raise
                ids[index] = doc
                added.append(doc)
                audit.record(services.actor, "document.add", "request", req.id, None,
                             {"document": doc.id, "name": f.name, "kind": f.kind, "sha256": f.sha256})
                if f.analysis is not None and f.analysis.participants is not None:
                    roster.record(doc, f.analysis.participants.participants)
            roster.refresh_current(req.id)  # a new list replaces the one that counted
            if req.state == State.WAITING_LSP and documents:
                # new documents (not a bare e-mail) put the request back in the queue with a new clock
                req = services.transition(req.id, State.RECEIVED, at=arrival)
            req = self._fill_from_documents(req, new)
            if remember_sender and plan.sender and lsp_id is not None \
                    and services.lsp_for_sender(plan.sender) is None:
                services.add_lsp_address(lsp_id, plan.sender)
            return req, added

        req, added = self.storage.write(op)
        return IntakeOutcome(req, added, duplicates, plan.problems)

    def _store_files(self, datas: list[bytes]) -> None:
        """Put each file in the document store, before the write transaction.

        In a folder each file waits for its sync to the disk, and its folder's: the store's own batch writes them
        side by side and returns once all are durable (inside a write transaction, as the demo's intakes are,
        they join that transaction's batch and are written at its commit). The server keeps them for the
        transaction, in memory: nothing to wait for there.
        """
        files = self.storage.files
        if self.storage.engine != "sqlite":
            for data in datas:
                files.put(data)
            return
        with files.transaction():
            for data in datas:
                files.put(data)

    @staticmethod
    def _refuse_received_meanwhile(files: list[PlannedFile]) -> None:
        """Inside the write transaction: refuse when a file of this intake was stored since it was prepared
        (the same e-mail taken in by two officers or processes at once). Writers are serialised, so this
        sees every committed copy; the unique key on the hash stands behind it."""
        received = _first_received([f.sha256 for f in files])
        for f in files:
            seen = received.get(f.sha256)
            if seen is not None:
                raise RuleError(f"{f.name}: sudah diterima pada {seen.received_at:%d-%m-%Y %H:%M} UTC untuk "
                                f"permohonan #{seen.request_id}; tidak disimpan lagi.")

    def _fill_from_documents(self, req: Request, files: list[PlannedFile]) -> Request:
        """Letter number, requested and counted quantities from what the documents say; the request as saved."""
        changes: dict[str, object] = {}
        for f in files:
            a = f.analysis
            if a is None:
                continue
            if a.kind == "letter" and a.letter is not None:
                if a.letter.number:
                    changes["letter_number"] = a.letter.number
                if a.letter.date:
                    changes["letter_date"] = a.letter.date
                if a.letter.requested is not None and 0 <= a.letter.requested <= MAX_SHEETS:
                    # a figure past any real request is a misreading: left for the officer to type
                    changes["requested_qty"] = a.letter.requested
            if a.kind == "list" and a.counts:
                changes["competent_qty"] = a.counts.get("competent")
                changes["not_yet_qty"] = a.counts.get("not_yet")
        if changes:
            return self.services.update_request(req.id, None, **changes)
        return req

    # -- officer's corrections -------------------------------------------------------------------------

    def set_kind(self, document_id: int, kind: str) -> Document:
        """The officer says what a document is (menu, or drag onto a checklist slot)."""
        from blanko_desktop.core.intake import KINDS

        if kind not in KINDS:
            raise RuleError(f"Jenis dokumen '{kind}' tidak dikenal ({', '.join(KINDS)}).")
        services = self.services

        def op():
            doc = Document.get_or_none(Document.id == document_id)
            if doc is None:
                raise RuleError(f"Dokumen #{document_id} tidak ditemukan.")
            if doc.kind in ("email", "completion"):
                raise RuleError(f"{doc.original_name} adalah e-mail; jenisnya tidak dapat diubah.")
            services.open_request(doc.request_id, "jenis dokumennya tidak dapat diubah lagi")
            before = doc.kind
            Document.update(kind=kind).where(Document.id == document_id).execute()
            audit.record(services.actor, "document.kind", "request", doc.request_id,
                         {"document": doc.id, "kind": before}, {"document": doc.id, "kind": kind})
            roster.refresh_current(doc.request_id)  # a list called something else no longer counts, and back
            doc.kind = kind
            return doc

        return self.storage.write(op)


LETTER_LABEL = "Surat permohonan blanko sertifikat"


def repeated_letter(req: Request) -> list[Finding]:
    """The letter number of `req` already used by its LSP in another request that is not cancelled: the same
    request sent again, or a numbering mistake. A warning the officer checks (and may accept with a note)."""
    if not req.letter_number or req.lsp_id is None:
        return []
    others = (Request.select(Request.id).where((Request.lsp == req.lsp_id) & (Request.id != req.id)
                                               & (Request.letter_number == req.letter_number)
                                               & (Request.state != State.CANCELLED)).order_by(Request.id))
    ids = [r.id for r in others]
    if not ids:
        return []
    named = ", ".join(f"#{i}" for i in ids)
    return [Finding(LETTER_LABEL, None, None, f"nomor surat {req.letter_number} sudah dipakai LSP ini pada "
                                              f"permohonan {named}", "warning")]


def summary(analysis: FileAnalysis) -> dict:
    """What the window, `blanko show` and the checklist need of a file's analysis, as JSON (intake/stored.py)."""
    return stored.to_json(analysis)


def stored_analysis(services: Services, doc: Document) -> FileAnalysis:
    """A stored document's analysis as intake stored it; the file is not read again.

    A document stored before the analysis held what the checklist needs (schema step 12) is read once: its
    analysis and list rows are written then (derived from the stored file, so not an audited change), and
    another request can meet its NIKs from then on. On a read-only database the reading is used this time only.
    """
    analysis = stored.from_json(doc.analysis, doc.original_name)
    if analysis is not None:
        return analysis
    fresh = cached_analysis(doc.sha256, doc.original_name, lambda: services.storage.files.read(doc.sha256))
    data = summary(fresh)
    if services.storage.read_only:
        return fresh

    def op():
        Document.update(analysis=data).where(Document.id == doc.id).execute()
        if fresh.participants is not None and not roster.has_rows(doc.id):
            roster.record(doc, fresh.participants.participants)
        roster.refresh_current(doc.request_id)

    services.storage.write(op)
    doc.analysis = data
    return stored.from_json(data, doc.original_name)


def file_name_for(doc: Document) -> str:
    """A safe name for exporting or opening a stored document with its original extension."""
    stem, ext = os.path.splitext(doc.original_name)
    return f"{doc.id}-{safe_filename(stem)[:60]}{ext.lower()}"
