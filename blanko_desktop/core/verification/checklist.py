"""The completeness check of one request: the four required documents, counts, findings, acceptances."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from blanko_desktop.core import audit, roster
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.intake import (
    FileAnalysis,
    Finding,
    cross_check,
    parse_letter,
    type_label,
)
from blanko_desktop.core.intake.findings import summarise
from blanko_desktop.core.intake.limits import MAX_FINDINGS_PER_KIND
from blanko_desktop.core.intake.stored import stored_letter
from blanko_desktop.core.models import Document, Request, utcnow
from blanko_desktop.core.models import Finding as FindingRow
from blanko_desktop.core.reception import repeated_letter, stored_analysis
from blanko_desktop.core.services import Services
from blanko_desktop.core.verification import recount
from blanko_desktop.core.workflow import State

REQUIRED = ("letter", "minutes", "decision", "list")
ITEM_LABELS = {
    "letter": "Surat permohonan blanko sertifikat",
    "minutes": "Berita acara asesmen kompetensi",
    "decision": "Keputusan sertifikasi",
    "list": "Daftar nama peserta kompeten dan belum kompeten",
}


@dataclass
class Item:
    status: str  # ok | missing | invalid
    files: list[str] = field(default_factory=list)
    reason: str = ""
    document_ids: list[int] = field(default_factory=list)


@dataclass
class CheckedFinding:
    document: str
    sheet: str | None
    row: int | None
    message: str
    severity: str
    item: str
    accepted: bool = False
    note: str = ""
    accepted_by: str = ""
    accepted_at: datetime | None = None
    # set when the mismatch follows from open duplicate rows of the list ("baris 27 (NIK ganda)"): the LSP is
    # asked about those rows, not about this
    cause: str = ""

    @property
    def key(self) -> tuple:
        return (self.document, self.sheet or "", self.row or 0, self.message)


@dataclass
class OfficerTask:
    """Something the officer does before the request can go on; never asked of the LSP."""

    code: str  # lsp | requested
    text: str


@dataclass
class Checklist:
    request: int
    lsp: str | None
    sender: str
    complete: bool
    items: dict[str, Item]
    competent: int | None
    not_yet: int | None
    requested: int | None
    per_scheme: dict[str, dict[str, int]]
    per_funding: dict[str, dict[str, int]]
    findings: list[CheckedFinding]
    officer_tasks: list[OfficerTask] = field(default_factory=list)
    letterhead: str | None = None  # the LSP named in the letter's letterhead, when it is readable
    not_counted: list[tuple[str, str | None, int]] = field(default_factory=list)  # accepted duplicate rows

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["items"] = {k: {"status": v.status, "files": v.files, "reason": v.reason}
                         for k, v in self.items.items()}
        data["findings"] = [{"document": f.document, "sheet": f.sheet, "row": f.row, "message": f.message,
                             "severity": f.severity, "item": f.item, "accepted": f.accepted, "note": f.note,
                             "accepted_by": f.accepted_by,
                             "accepted_at": f.accepted_at.isoformat() if f.accepted_at else None,
                             "cause": f.cause}
                            for f in self.findings]
        data["officer_tasks"] = [{"code": t.code, "text": t.text} for t in self.officer_tasks]
        data["not_counted"] = [{"document": d, "sheet": s, "row": r} for d, s, r in self.not_counted]
        return data

    @property
    def open_errors(self) -> list[CheckedFinding]:
        return [f for f in self.findings if f.severity == "error" and not f.accepted]

    @property
    def lsp_errors(self) -> list[CheckedFinding]:
        """The open errors the LSP is asked about: those that follow from another finding are left out."""
        return [f for f in self.open_errors if not f.cause]


def _analysed(services: Services, doc: Document) -> FileAnalysis:
    # what intake stored of the file (a document from before schema step 12 is read once, then stored)
    base = stored_analysis(services, doc)
    if base.kind == doc.kind:
        return base
    # The officer said what this document is: take it as that kind.
    from dataclasses import replace

    analysis = replace(base, kind=doc.kind, findings=list(base.findings))
    if doc.kind == "list" and base.participants is None:
        analysis.add(f"bukan berkas Excel (isi berkas: {type_label(base.detected_type)})")
    if doc.kind in ("letter", "minutes", "decision") and base.pdf is None:
        analysis.add(f"bukan berkas PDF (isi berkas: {type_label(base.detected_type)})")
    if doc.kind == "letter" and base.pdf is not None and base.pdf.has_text and base.kind != "letter":
        # intake read every text PDF as a letter too, and stored it
        letter = stored_letter(doc.analysis) or parse_letter(base.pdf.text)
        analysis.letter = letter
        analysis.counts = {"requested": letter.requested}
    return analysis


def _is_read_list(analysis: FileAnalysis) -> bool:
    """A spreadsheet read as a participant list (its header found): the rule of roster.roster_document."""
    return analysis.participants is not None and bool(analysis.participants.headers)


def build(services: Services, request_id: int,
          progress: Callable[[int, int, str], None] | None = None) -> Checklist:
    """The checklist of a request from its stored documents, the officer's entries and acceptances.

    `progress(done, total, file name)` is called per document (reading a big list takes a while).
    """
    req = services.request(request_id)
    stored = services.documents(request_id)  # read once: the checks below and the e-mails' notes use them
    docs = [d for d in stored if d.kind not in ("email", "completion", "approval_scan")]
    analyses = {}
    for index, d in enumerate(docs):
        if progress:
            progress(index, len(docs), d.original_name)
        analyses[d.id] = _analysed(services, d)
    if progress:
        progress(len(docs), len(docs), "")
    # the participant list that counts: the latest one read as a list (the same rule as roster.roster_document)
    roster_doc = next((d for d in reversed(docs) if d.kind == "list" and _is_read_list(analyses[d.id])), None)
    roster_list = analyses[roster_doc.id] if roster_doc is not None else None
    if roster_list is not None and not roster_list.participants.participants and (any(
            a.kind == "decision" and a.counts.get("niks") for a in analyses.values()) or any(
            recount.is_duplicate(f.document, f.sheet, f.row, f.message, f.severity) for f in roster_list.findings)):
        # the decision is compared with the list's rows, and a duplicate row the officer accepts is left out of
        # them (see recount): the rows are kept in the database since intake
        roster_list.participants.participants = roster.participants_of(roster_doc.id)
    # a competent NIK + scheme another request counted first: one blank each (not for a replacement request)
    counted = [] if roster_doc is None or req.kind == "replacement" else summarise(
        roster.counted_elsewhere(req.id, roster_doc), MAX_FINDINGS_PER_KIND)
    accepted = {(r.document_name, r.sheet or "", r.row or 0, r.message): r
                for r in FindingRow.select().where((FindingRow.request == request_id)
                                                   & (FindingRow.accepted == True))}  # noqa: E712
    findings: list[CheckedFinding] = []

    def add(f: Finding, item: str) -> CheckedFinding:
        checked = CheckedFinding(f.document, f.sheet, f.row, f.message, f.severity, item)
        hit = accepted.get(checked.key)
        if hit:
            checked.accepted, checked.note = True, hit.accepted_note
            checked.accepted_by, checked.accepted_at = hit.accepted_by, hit.accepted_at
        findings.append(checked)
        return checked

    items: dict[str, Item] = {}
    for kind in REQUIRED:
        of_kind = [d for d in docs if d.kind == kind]
        if not of_kind:
            items[kind] = Item("missing", reason=f"{ITEM_LABELS[kind]} belum diterima")
            continue
        latest = of_kind[-1]  # a resent document replaces the earlier one
        item = Item("ok", [d.original_name for d in of_kind], document_ids=[d.id for d in of_kind])
        for f in [*analyses[latest.id].findings, *(counted if kind == "list" else ())]:
            checked = add(f, kind)
            if checked.severity == "error" and not checked.accepted and item.status == "ok":
                item.status, item.reason = "invalid", f.message
        if item.status == "invalid" and kind == "list":
            bad_rows = sum(1 for f in findings if f.item == "list" and f.row and not f.accepted
                           and f.severity == "error")
            if bad_rows:
                item.reason = f"{bad_rows} baris bermasalah; pertama: {item.reason}"
        items[kind] = item
    for d in stored:
        if d.kind == "email":
            # what the e-mail itself said: attachments left aside, no attachment, a renamed file
            for note in (d.analysis or {}).get("notes", []):
                add(Finding(d.original_name, None, None, note, "warning"), "")
    for d in docs:
        if d.kind not in REQUIRED:
            # a file that is none of the four does not block the request, but the officer sees its problems
            for f in analyses[d.id].findings:
                add(Finding(f.document, f.sheet, f.row, f.message, "warning"), "")
    latest_files = [analyses[d.id] for d in docs]
    lsp_name = services.lsp(req.lsp_id).name if req.lsp_id is not None else None
    # a duplicate row the officer accepted is one participant counted once: the counts and every comparison
    # with them follow; an open one is named as the cause of the mismatches it brings (see recount)
    duplicates = [f for f in findings if f.item == "list"
                  and recount.is_duplicate(f.document, f.sheet, f.row, f.message, f.severity)]
    not_counted = [(f.document, f.sheet, f.row) for f in duplicates if f.accepted]
    open_rows = [(f.document, f.sheet, f.row) for f in duplicates if not f.accepted]
    counted_files = recount.without_rows(latest_files, not_counted)
    cross = cross_check(counted_files, lsp_name)
    explained: set[Finding] = set()
    if open_rows:
        explained = set(cross) - set(cross_check(recount.without_rows(counted_files, open_rows), lsp_name))
    for f in cross:
        checked = add(f, "")
        if f in explained:
            checked.cause = recount.cause_text(open_rows)
    for f in repeated_letter(req):  # the same request sent again (intake's check; see reception)
        add(f, "")
    # the list that counts, with the duplicate rows the officer accepted left out (parallel to latest_files)
    counted_roster = counted_files[docs.index(roster_doc)] if roster_doc is not None else None
    competent = counted_roster.counts.get("competent") if counted_roster else req.competent_qty
    requested = req.requested_qty
    letter_says = any(a.kind == "letter" and a.counts.get("requested") is not None for a in latest_files)
    if requested is not None and competent is not None and not letter_says and requested != competent:
        # the officer typed the number from a scanned letter: the same rule applies
        checked = add(Finding(ITEM_LABELS["letter"], None, None,
                              f"jumlah blanko diminta ({requested}) tidak sama dengan jumlah peserta kompeten "
                              f"({competent})"), "")
        if open_rows and counted_roster is not None:
            without = next((a for a in reversed(recount.without_rows(counted_files, open_rows))
                            if a.kind == "list" and a.counts), None)
            if without is not None and without.counts.get("competent") == requested:
                checked.cause = recount.cause_text(open_rows)
    # the officer's own tasks: never asked of the LSP, shown apart, and they hold the request like a problem
    tasks: list[OfficerTask] = []
    if req.lsp_id is None:
        tasks.append(OfficerTask("lsp", f"Tetapkan LSP pengirim: {req.sender} belum terdaftar untuk LSP mana pun."
                                 if req.sender else "Tetapkan LSP permohonan ini: berkasnya diterima tanpa alamat "
                                                    "pengirim."))
    if requested is None and items["letter"].status == "ok":
        tasks.append(OfficerTask("requested", "Isi jumlah blanko yang diminta: surat permohonan hasil pindaian, "
                                              "angkanya tidak terbaca otomatis."))
    letter = next((a.letter for a in reversed(latest_files) if a.kind == "letter" and a.letter is not None), None)
    complete = not tasks and all(i.status == "ok" for i in items.values()) and not any(
        f.severity == "error" and not f.accepted for f in findings)
    return Checklist(
        request=req.id, lsp=lsp_name, sender=req.sender, complete=complete, items=items,
        competent=competent, not_yet=counted_roster.counts.get("not_yet") if counted_roster else req.not_yet_qty,
        requested=requested,
        per_scheme=counted_roster.counts.get("per_scheme", {}) if counted_roster else {},
        per_funding=counted_roster.counts.get("per_funding", {}) if counted_roster else {},
        findings=findings, officer_tasks=tasks, letterhead=letter.lsp_name if letter else None,
        not_counted=not_counted,
    )


def _accepted_row(request_id: int, key: tuple) -> FindingRow | None:
    """The acceptance in force of the finding with `key` on a request, if any."""
    rows = FindingRow.select().where((FindingRow.request == request_id)
                                     & (FindingRow.accepted == True))  # noqa: E712
    return next((r for r in rows if (r.document_name, r.sheet or "", r.row or 0, r.message) == key), None)


def accept_finding(services: Services, request_id: int, finding: CheckedFinding, note: str) -> None:
    """The officer accepts a finding with a note (e.g. 'NIK dikonfirmasi LSP lewat telepon'); audited.

    Refused when it is already accepted, checked inside the write transaction: of two officers accepting
    the same finding at once, one succeeds and the other is told who did."""
    if not note.strip():
        raise RuleError("Menerima temuan wajib disertai catatan alasan.")
    services.open_request(request_id, "temuannya tidak dapat diubah lagi")
    if finding.key not in {f.key for f in build(services, request_id).findings}:
        raise RuleError("Temuan itu sudah tidak ada pada daftar periksa permohonan ini; muat ulang daftarnya.")
    doc = (Document.select().where((Document.request == request_id)
                                   & (Document.original_name == finding.document))
           .order_by(Document.id.desc()).first())

    def op():
        services.open_request(request_id, "temuannya tidak dapat diubah lagi")
        already = _accepted_row(request_id, finding.key)
        if already is not None:
            raise RuleError(f"Temuan itu sudah diterima sebelumnya oleh {already.accepted_by} "
                            f"({already.accepted_note}).")
        row = FindingRow.create(request=request_id, document=doc, document_name=finding.document,
                                item=finding.item, sheet=finding.sheet,
                                row=finding.row, severity=finding.severity, message=finding.message,
                                accepted=True, accepted_note=note.strip(), accepted_by=services.actor.label,
                                accepted_at=utcnow())
        audit.record(services.actor, "finding.accept", "request", request_id, None,
                     {"finding": row.id, "document": finding.document, "sheet": finding.sheet,
                      "row": finding.row, "message": finding.message, "note": note.strip()})

    services.storage.write(op)


def reopen_finding(services: Services, request_id: int, finding: CheckedFinding, note: str) -> None:
    """Withdraw the acceptance of a finding (accepted by mistake), with a note; audited. The finding
    counts against the checklist again; its acceptance stays on record in the history."""
    if not note.strip():
        raise RuleError("Membuka kembali temuan wajib disertai catatan alasan.")

    def op():
        services.open_request(request_id, "temuannya tidak dapat diubah lagi")
        row = _accepted_row(request_id, finding.key)
        if row is None:
            raise RuleError(f"Temuan itu belum diterima pada permohonan #{request_id}; tidak ada yang dibuka kembali.")
        FindingRow.update(accepted=False).where((FindingRow.id == row.id)
                                                & (FindingRow.accepted == True)).execute()  # noqa: E712
        audit.record(services.actor, "finding.reopen", "request", request_id,
                     {"finding": row.id, "accepted_by": row.accepted_by, "accepted_note": row.accepted_note},
                     {"finding": row.id, "document": finding.document, "sheet": finding.sheet,
                      "row": finding.row, "message": finding.message, "note": note.strip()})

    services.storage.write(op)


def mark_verified(services: Services, request_id: int) -> Request:
    """Complete → on to approval; refused while the checklist has open problems."""
    checklist = build(services, request_id)
    if not checklist.complete:
        problems = [f"{ITEM_LABELS[k]}: {i.reason}" for k, i in checklist.items.items() if i.status != "ok"]
        problems += [f.message for f in checklist.lsp_errors if not f.item]
        if checklist.lsp is None:
            problems.insert(0, "LSP pengirim belum ditentukan")
        if any(t.code == "requested" for t in checklist.officer_tasks):
            problems.append("jumlah blanko yang diminta belum diisi (surat hasil pindaian)")
        raise RuleError("Dokumen belum lengkap/benar: " + "; ".join(problems[:5]))
    def op():
        # one transaction and one history entry: the counts are saved with the move, or not at all
        return services._enter(services.request(request_id), State.VERIFIED,
                               competent_qty=checklist.competent, not_yet_qty=checklist.not_yet)

    return services.storage.write(op)
