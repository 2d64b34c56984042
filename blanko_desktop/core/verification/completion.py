"""The completion request: the e-mail (in Indonesian) that tells an LSP exactly what is missing or wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

from blanko_desktop import paths
from blanko_desktop.core import audit, workflow
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import AuditEvent, Document, Lsp, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.textid import format_date_id
from blanko_desktop.core.verification import recount
from blanko_desktop.core.verification.checklist import ITEM_LABELS, Checklist, build
from blanko_desktop.core.verification.wording import finding_line, sentence
from blanko_desktop.core.workflow import State

MAX_ROWS_LISTED = 50


def render_template(name: str, values: dict[str, str]) -> str:
    """A text form from forms/ (editable wording; '#' lines are notes), its $fields filled in."""
    text = (paths.forms_dir() / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return Template("\n".join(lines).strip() + "\n").substitute(values)


def draft_message(to: list[str], sender_address: str, subject: str, body: str) -> EmailMessage:
    """An e-mail to an LSP as a draft: dated, with its own Message-ID and marked unsent (Outlook opens an .eml
    with X-Unsent as a draft ready to send)."""
    msg = EmailMessage()
    msg["To"] = ", ".join(to)
    if sender_address:
        msg["From"] = sender_address
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="blanko.bnsp.local")
    msg["X-Unsent"] = "1"
    msg.set_content(body)
    return msg


DOCUMENT_WORDS = {"letter": "surat permohonan", "minutes": "berita acara", "decision": "keputusan sertifikasi"}


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " dan " + words[-1]


def problem_lines(checklist: Checklist) -> list[str]:
    """What the LSP is asked to complete or correct, one line each with file/sheet/row: every missing or
    invalid document and every open error that is the LSP's.

    The officer's own tasks (the LSP to assign, the count of a scanned letter) are not the LSP's to fix and are
    left out; so are the mismatches that follow from a duplicate row, which is named instead with what it
    causes.
    """
    lines = []
    for kind, item in checklist.items.items():
        if item.status == "missing":
            lines.append(f"{ITEM_LABELS[kind]}: belum kami terima.")
        elif item.status == "invalid" and not any(
                f.item == kind and f.message in item.reason for f in checklist.lsp_errors):
            lines.append(f"{ITEM_LABELS[kind]} ({', '.join(item.files)}): {sentence(item.reason)}")
    errors = checklist.lsp_errors
    consequences = [f for f in checklist.open_errors if f.cause]
    kind_of = {name: kind for kind, item in checklist.items.items() for name in item.files}
    affected = []
    for f in consequences:
        kind = kind_of.get(f.document) or next((k for k, label in ITEM_LABELS.items() if label == f.document), "")
        word = DOCUMENT_WORDS.get(kind)
        if word and word not in affected:
            affected.append(word)
    explained = False
    for f in errors[:MAX_ROWS_LISTED]:
        line = finding_line(f)
        if consequences and not explained and recount.is_duplicate(f.document, f.sheet, f.row, f.message,
                                                                   f.severity):
            what = _joined(affected) if affected else "dokumen lain"
            line += (f" Karena baris ganda ini, jumlah peserta kompeten di daftar tidak sama dengan {what}; "
                     "mohon hapus baris gandanya.")
            explained = True
        lines.append(line)
    if len(errors) > MAX_ROWS_LISTED:
        lines.append(f"... dan {len(errors) - MAX_ROWS_LISTED} temuan lain pada berkas yang sama.")
    return lines


def greeting(lsp: Lsp | None) -> str:
    """'Yth. Pimpinan LSP X,' — with its head's name first when the registry knows it."""
    if lsp is None:
        return "Yth. Bapak/Ibu,"
    head = (lsp.contact_person or "").strip()
    if head:
        polite = head if re.match(r"(bapak|ibu|bpk|sdr|dr)\b", head, re.I) else f"Bapak/Ibu {head}"
        return f"Yth. {polite}\nPimpinan {lsp.name},"
    return f"Yth. Pimpinan {lsp.name},"


def recipients(req: Request) -> list[str]:
    """Who the e-mail goes to: the request's sender, then the LSP's registered addresses (never a domain)."""
    out = [req.sender.strip().lower()] if req.sender and "@" in req.sender else []
    if req.lsp is not None:
        out += [a.value for a in req.lsp.addresses if not a.is_domain and a.value not in out]
    return out


def compose(services: Services, request_id: int, sender_address: str = "") -> EmailMessage:
    """The completion e-mail as an unsent draft (.eml with X-Unsent so mail programs open it for editing).

    Refused, with what to do, when nothing is to be asked, when the LSP is not yet known (its reply is matched
    to the waiting request through the LSP), when no recipient address is known, and when no officer name
    signs it (letters went out signed with the computer login)."""
    req = services.request(request_id)
    checklist = build(services, request_id)
    lines = problem_lines(checklist)
    if not lines:
        if checklist.officer_tasks:
            raise RuleError(f"Tidak ada yang perlu dimintakan ke LSP untuk permohonan #{req.id}; yang tersisa "
                            "tugas petugas: " + " ".join(t.text for t in checklist.officer_tasks))
        raise RuleError(f"Permohonan #{req.id} sudah lengkap; tidak ada yang perlu dimintakan ke LSP.")
    if req.lsp is None:
        raise RuleError(f"LSP permohonan #{req.id} belum ditetapkan: tetapkan LSP-nya dulu (balasan LSP "
                        "dicocokkan ke permohonan yang menunggu lewat LSP-nya).")
    to = recipients(req)
    if not to:
        raise RuleError(f"Permintaan kelengkapan permohonan #{req.id} tidak dapat dibuat: tidak ada alamat "
                        f"e-mail tujuan (pengirim tidak tercatat dan {req.lsp.name} tidak mempunyai alamat e-mail "
                        "terdaftar). Tambahkan alamat e-mail LSP di Data ▸ Daftar LSP.")
    officer = services.signing_officer("permintaan kelengkapan")
    received = req.received_at.astimezone(ZoneInfo("Asia/Jakarta"))
    letter = f"nomor {req.letter_number} " if req.letter_number else ""
    body = render_template("permintaan-kelengkapan.txt", {
        "salam": greeting(req.lsp),
        "nomor_surat": letter,
        "tanggal": format_date_id(received),
        "daftar": "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1)),
        "petugas": officer,
        "batas": "1 (satu) hari kerja",
    })
    subject_ref = f" {req.letter_number}" if req.letter_number else f" #{req.id}"
    return draft_message(to, sender_address, f"Kelengkapan dokumen permohonan blanko sertifikat{subject_ref}", body)


HANDED = {"mail_program": "diserahkan ke program e-mail", "officer": "dikonfirmasi terkirim oleh petugas",
          "cli": "dikonfirmasi terkirim (baris perintah)"}


def write_completion_request(services: Services, request_id: int, out: Path, sender_address: str = "", *,
                             handed_over: str | None = "mail_program") -> tuple[Path, Request]:
    """Write the draft to `out` and keep a copy with the request.

    `handed_over` says how the e-mail leaves in the same step (see HANDED): the request then waits on the LSP
    and the SLA clock stops — from now on the delay is the LSP's. None: a draft only (the text copied for web
    mail, or a file written by the CLI); the request stays where it is until `confirm_sent`.
    """
    req = services.request(request_id)
    # refuse before anything is written
    if req.state not in workflow.COMPLETION_ALLOWED:
        raise RuleError(f"Permohonan #{req.id} berstatus '{workflow.label(req.state)}': "
                        "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa.")
    if handed_over is not None and handed_over not in HANDED:
        raise RuleError(f"Cara pengiriman '{handed_over}' tidak dikenal.")
    msg = compose(services, request_id, sender_address)
    data = bytes(msg)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    sha = services.storage.files.put(data)

    def op():
        services.storage.files.ensure(data, sha)  # under the write lock (see DocumentStore.ensure)
        services.open_request(req.id, "permintaan kelengkapan tidak dapat dibuat lagi")
        doc = Document.create(request=req, kind="completion", original_name=f"permintaan-kelengkapan-{req.id}.eml",
                              sha256=sha, size=len(data), media_type="message/rfc822", source="completion",
                              received_at=utcnow(), added_by=services.actor.label)
        audit.record(services.actor, "completion.write", "request", req.id, None,
                     {"document": doc.id, "to": msg["To"], "subject": msg["Subject"],
                      "name": doc.original_name, "sha256": sha,  # replay matches the row by these
                      "handed_over": handed_over})
        if handed_over is None:
            return services.request(req.id)
        return _wait_for_lsp(services, services.request(req.id))

    return out, services.storage.write(op)


def _wait_for_lsp(services: Services, row: Request) -> Request:
    if row.state == State.WAITING_LSP:
        return row
    return services._enter(row, State.WAITING_LSP)


@dataclass(frozen=True)
class CompletionStatus:
    """The latest completion e-mail of a request: written when, to whom, and whether it left."""

    document_id: int
    written_at: datetime
    to: str
    handed_over: str | None   # how it left (HANDED), None while only a draft
    sent_at: datetime | None  # when it left (or was confirmed)
    sent_by: str = ""

    @property
    def pending(self) -> bool:
        return self.handed_over is None


def status(services: Services, request_id: int) -> CompletionStatus | None:
    """What became of the latest completion e-mail of a request, from the audit log; None if none was written."""
    events = list(AuditEvent.select().where((AuditEvent.entity == "request")
                                            & (AuditEvent.entity_id == str(request_id))
                                            & AuditEvent.action.in_(("completion.write", "completion.sent")))
                  .order_by(AuditEvent.id))
    current: CompletionStatus | None = None
    for e in events:
        after = e.after or {}
        who = f"{e.officer} ({e.os_user})" if e.officer else e.os_user
        if e.action == "completion.write":
            handed = after.get("handed_over", "mail_program")  # entries written before the choice existed
            current = CompletionStatus(after.get("document"), e.at, after.get("to") or "", handed,
                                       e.at if handed else None, who if handed else "")
        elif current is not None and after.get("document") == current.document_id:
            current = CompletionStatus(current.document_id, current.written_at, current.to,
                                       after.get("how") or "officer", e.at, who)
    return current


def confirm_sent(services: Services, request_id: int, how: str = "officer") -> Request:
    """The officer says the drafted completion e-mail has left (sent from web mail, or handed to the mail
    program): recorded (audited), and the request waits on the LSP with its clock stopped."""
    if how not in HANDED:
        raise RuleError(f"Cara pengiriman '{how}' tidak dikenal.")

    def op():
        row = services.open_request(request_id, "permintaan kelengkapannya tidak dapat dicatat lagi")
        current = status(services, request_id)
        if current is None:
            raise RuleError(f"Permohonan #{request_id} belum mempunyai draf permintaan kelengkapan: buat drafnya "
                            "dulu.")
        if not current.pending:
            raise RuleError(f"Permintaan kelengkapan permohonan #{request_id} sudah tercatat "
                            f"{HANDED.get(current.handed_over, 'terkirim')}.")
        if row.state not in workflow.COMPLETION_ALLOWED:
            raise RuleError(f"Permohonan #{request_id} berstatus '{workflow.label(row.state)}': permintaan "
                            "kelengkapannya tidak dapat dicatat terkirim lagi.")
        audit.record(services.actor, "completion.sent", "request", request_id, None,
                     {"document": current.document_id, "to": current.to, "how": how})
        return _wait_for_lsp(services, row)

    return services.storage.write(op)
