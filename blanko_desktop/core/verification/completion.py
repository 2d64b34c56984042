"""The completion request: the e-mail (in Indonesian) that tells an LSP exactly what is missing or wrong."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

from blanko_desktop import paths
from blanko_desktop.core import audit, workflow
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import Document, Request, utcnow
from blanko_desktop.core.services import Services
from blanko_desktop.core.textid import format_date_id
from blanko_desktop.core.verification.checklist import ITEM_LABELS, Checklist, build
from blanko_desktop.core.workflow import State

MAX_ROWS_LISTED = 50


def render_template(name: str, values: dict[str, str]) -> str:
    """A text form from forms/ (editable wording; '#' lines are notes), its $fields filled in."""
    text = (paths.forms_dir() / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return Template("\n".join(lines).strip() + "\n").substitute(values)


def problem_lines(checklist: Checklist) -> list[str]:
    """Every missing document, invalid document and open error, one line each, with file/sheet/row."""
    lines = []
    for kind, item in checklist.items.items():
        if item.status == "missing":
            lines.append(f"{ITEM_LABELS[kind]}: belum kami terima.")
        elif item.status == "invalid" and not any(
                f.item == kind and f.message in item.reason for f in checklist.open_errors):
            lines.append(f"{ITEM_LABELS[kind]} ({', '.join(item.files)}): {item.reason}.")
    errors = checklist.open_errors
    for f in errors[:MAX_ROWS_LISTED]:
        where = f.document
        if f.sheet:
            where += f", lembar '{f.sheet}'"
        if f.row and not f.message.lower().startswith(f"baris {f.row}"):
            where += f", baris {f.row}"
        message = f.message[0].upper() + f.message[1:] if f.message else f.message
        lines.append(f"{where}: {message.rstrip('.')}.")
    if len(errors) > MAX_ROWS_LISTED:
        lines.append(f"... dan {len(errors) - MAX_ROWS_LISTED} temuan lain pada berkas yang sama.")
    return lines


def compose(services: Services, request_id: int, sender_address: str = "") -> EmailMessage:
    """The completion e-mail as an unsent draft (.eml with X-Unsent so mail programs open it for editing)."""
    req = services.request(request_id)
    checklist = build(services, request_id)
    lines = problem_lines(checklist)
    if not lines:
        raise RuleError(f"Permohonan #{req.id} sudah lengkap; tidak ada yang perlu dimintakan ke LSP.")
    recipients = [req.sender] if req.sender else []
    if req.lsp is not None:
        recipients += [a.value for a in req.lsp.addresses if not a.is_domain and a.value not in recipients]
    received = req.received_at.astimezone(ZoneInfo("Asia/Jakarta"))
    letter = f"nomor {req.letter_number} " if req.letter_number else ""
    lsp_name = req.lsp.name if req.lsp else "Bapak/Ibu"
    body = render_template("permintaan-kelengkapan.txt", {
        "salam_lsp": lsp_name,
        "nomor_surat": letter,
        "tanggal": format_date_id(received),
        "daftar": "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1)),
        "petugas": services.actor.officer or services.actor.os_user,
        "batas": "1 (satu) hari kerja",
    })
    msg = EmailMessage()
    msg["To"] = ", ".join(recipients)
    if sender_address:
        msg["From"] = sender_address
    subject_ref = f" {req.letter_number}" if req.letter_number else f" #{req.id}"
    msg["Subject"] = f"Kelengkapan dokumen permohonan blanko sertifikat{subject_ref}"
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="blanko.bnsp.local")
    msg["X-Unsent"] = "1"  # Outlook opens an .eml with this header as a draft ready to send
    msg.set_content(body)
    return msg


def write_completion_request(services: Services, request_id: int, out: Path,
                             sender_address: str = "") -> tuple[Path, Request]:
    """Write the draft to `out`, keep a copy with the request, and let the request wait on the LSP.

    The SLA clock stops here: from now on the delay is the LSP's, not the secretariat's.
    """
    req = services.request(request_id)
    # refuse before anything is written
    if req.state not in workflow.COMPLETION_ALLOWED:
        raise RuleError(f"Permohonan #{req.id} berstatus '{workflow.label(req.state)}': "
                        "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa.")
    msg = compose(services, request_id, sender_address)
    data = bytes(msg)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    sha = services.storage.files.put(data)

    def op():
        services.storage.files.ensure(data, sha)  # under the write lock (see DocumentStore.ensure)
        doc = Document.create(request=req, kind="completion", original_name=f"permintaan-kelengkapan-{req.id}.eml",
                              sha256=sha, size=len(data), media_type="message/rfc822", source="completion",
                              received_at=utcnow(), added_by=services.actor.label)
        audit.record(services.actor, "completion.write", "request", req.id, None,
                     {"document": doc.id, "to": msg["To"], "subject": msg["Subject"],
                      "name": doc.original_name, "sha256": sha})  # replay matches the row by these
        if req.state != State.WAITING_LSP:
            return services.transition(req.id, State.WAITING_LSP)
        return req

    return out, services.storage.write(op)
