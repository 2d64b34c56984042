"""E-mails dropped by the officer (.eml, Outlook .msg): sender, subject, date and every attachment, nested ones too."""

import email
import io
import mimetypes
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.utils import getaddresses, parseaddr

import extract_msg
from extract_msg.enums import AttachmentType, ErrorBehavior

from blanko_desktop.core.intake.findings import Finding
from blanko_desktop.core.intake.limits import MAX_EMAIL_DEPTH
from blanko_desktop.core.intake.sniff import EMAIL_TYPES, detect_type, media_type, safe_filename, type_label


@dataclass(frozen=True)
class Attachment:
    """One file taken from an e-mail; from_email names the attached e-mail it came out of (None: the e-mail itself)."""

    filename: str
    data: bytes
    media_type: str
    from_email: str | None = None


@dataclass
class ParsedEmail:
    """What parse_email read; findings hold what the officer (or the LSP) should know, e.g. no attachments."""

    sender: str = ""
    sender_name: str = ""
    subject: str = ""
    date: datetime | None = None
    message_id: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    body: str = ""


def parse_email(data: bytes, filename: str) -> ParsedEmail:
    """Read an .eml or .msg; never raises: unreadable input gives a ParsedEmail whose findings say why."""
    result = ParsedEmail()
    detected = detect_type(data, filename)
    if detected not in EMAIL_TYPES:
        result.findings.append(Finding(filename, None, None, f"bukan berkas e-mail (isi berkas: {type_label(detected)})"))
        return result
    collector = _Collector(filename, result)
    try:
        if detected == "eml":
            collector.read_eml(data)
        else:
            collector.read_msg(data)
    except Exception:  # a malformed MIME structure beyond what the email package tolerates
        result.findings.append(Finding(filename, None, None, "e-mail rusak, tidak dapat dibaca seluruhnya"))
    if not result.attachments and not any(f.severity == "error" for f in result.findings):
        result.findings.append(Finding(filename, None, None, "E-mail tidak berisi lampiran"))
    return result


def _aware(moment: datetime | None) -> datetime | None:
    # RFC 5322 "-0000" and MAPI times come without a zone but are UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _is_inline_image(media: str, disposition: str | None, has_content_id: bool, in_related: bool) -> bool:
    """Signature logos and pictures in the message body: images shown inline rather than attached."""
    if not media.startswith("image/"):
        return False
    return disposition == "inline" or (disposition is None and (has_content_id or in_related))


class _Collector:
    """Gathers attachments from one e-mail and the e-mails attached to it."""

    def __init__(self, document: str, result: ParsedEmail) -> None:
        self.document = document
        self.result = result
        self.unnamed = 0

    def add(self, raw_name: str | None, data: bytes, declared_media: str, from_email: str | None, depth: int) -> None:
        """Keep one attachment; an attached e-mail is opened and its own attachments kept instead."""
        if not raw_name:
            self.unnamed += 1
            extension = mimetypes.guess_extension(declared_media) or ".bin"
            raw_name = f"lampiran-{self.unnamed}{extension}"
        name = safe_filename(raw_name)
        if name != raw_name.strip():
            self.result.findings.append(
                Finding(self.document, None, None, f'Nama lampiran "{raw_name}" diganti menjadi "{name}"', "warning")
            )
        detected = detect_type(data, name)
        if detected in EMAIL_TYPES:
            self.nested(data, detected, name, depth)
            return
        self.result.attachments.append(Attachment(name, data, media_type(data, detected), from_email))

    def nested(self, data: bytes, detected: str, name: str, depth: int) -> None:
        if depth >= MAX_EMAIL_DEPTH:
            self.result.skipped.append(f"{name}: e-mail terlampir terlalu dalam (lebih dari {MAX_EMAIL_DEPTH} tingkat)")
            return
        if detected == "eml":
            self.read_eml(data, depth + 1, name)
        else:
            self.read_msg(data, depth + 1, name)

    # --- .eml ---------------------------------------------------------------------------------------------------

    def read_eml(self, data: bytes, depth: int = 0, from_email: str | None = None) -> None:
        message = email.message_from_bytes(data, policy=policy.default)
        self.read_message(message, depth, from_email)

    def read_message(self, message: Message, depth: int, from_email: str | None) -> None:
        if depth == 0:
            self.headers(message)
        self.walk(message, depth, from_email, in_related=False)

    def headers(self, message: Message) -> None:
        result = self.result
        try:
            header = message.get("From")
            addresses = [(a.display_name, a.addr_spec) for a in getattr(header, "addresses", ())]
        except Exception:  # policy.default parses headers lazily and raises on some malformed ones
            addresses = []
        if not addresses and message.get("From") is not None:
            addresses = getaddresses([str(message.get("From"))])
        if addresses:
            result.sender_name, result.sender = addresses[0][0].strip(), addresses[0][1].strip().lower()
        result.subject = " ".join(str(message.get("Subject", "")).split())
        result.message_id = str(message.get("Message-ID", "")).strip()
        try:
            date_header = message.get("Date")
            result.date = _aware(getattr(date_header, "datetime", None))
        except Exception:  # an unparsable Date header leaves the date unknown (the officer enters it)
            result.date = None

    def walk(self, part: Message, depth: int, from_email: str | None, in_related: bool) -> None:
        media = part.get_content_type()
        if media == "message/rfc822":
            inner = part.get_payload()[0] if isinstance(part.get_payload(), list) else None
            if inner is None:
                return
            name = safe_filename(part.get_filename() or str(inner.get("Subject", "")) or "e-mail terlampir")
            if depth >= MAX_EMAIL_DEPTH:
                self.result.skipped.append(f"{name}: e-mail terlampir terlalu dalam (lebih dari {MAX_EMAIL_DEPTH} tingkat)")
                return
            self.read_message(inner, depth + 1, name)
            return
        if part.is_multipart():
            for sub in part.get_payload():
                self.walk(sub, depth, from_email, in_related or media == "multipart/related")
            return
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if _is_inline_image(media, disposition, part.get("Content-ID") is not None, in_related):
            self.result.skipped.append(f"{filename or media}: gambar di badan e-mail (logo/tanda tangan), tidak diambil")
            return
        if not filename and disposition != "attachment":
            if media == "text/plain" and not self.result.body and depth == 0:
                self.result.body = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
            return
        self.add(filename, part.get_payload(decode=True) or b"", media, from_email, depth)

    # --- .msg ---------------------------------------------------------------------------------------------------

    def read_msg(self, data: bytes, depth: int = 0, from_email: str | None = None) -> None:
        try:
            message = extract_msg.openMsg(
                io.BytesIO(data),
                errorBehavior=ErrorBehavior.ATTACH_NOT_IMPLEMENTED | ErrorBehavior.ATTACH_BROKEN,
            )
        except Exception:  # extract-msg raises many types on damaged files; the officer needs one message
            self.result.findings.append(Finding(from_email or self.document, None, None, "berkas e-mail Outlook (.msg) rusak, tidak dapat dibaca"))
            return
        try:
            self.read_msg_object(message, depth, from_email)
        finally:
            message.close()

    def read_msg_object(self, message: extract_msg.MSGFile, depth: int, from_email: str | None) -> None:
        if depth == 0:
            self.msg_headers(message)
        for attachment in message.attachments:
            name = attachment.longFilename or attachment.shortFilename or attachment.displayName or ""
            media = attachment.mimetype or mimetypes.guess_type(name)[0] or "application/octet-stream"
            if attachment.type == AttachmentType.MSG:
                nested_name = safe_filename(name or attachment.data.subject or "e-mail terlampir")
                if depth >= MAX_EMAIL_DEPTH:
                    self.result.skipped.append(f"{nested_name}: e-mail terlampir terlalu dalam (lebih dari {MAX_EMAIL_DEPTH} tingkat)")
                    continue
                self.read_msg_object(attachment.data, depth + 1, nested_name)
                continue
            if attachment.type != AttachmentType.DATA or not isinstance(attachment.data, bytes):
                self.result.skipped.append(f"{name or 'lampiran'}: jenis lampiran Outlook yang tidak dapat diambil")
                continue
            guessed = media if media.startswith("image/") else (mimetypes.guess_type(name)[0] or media)
            if guessed.startswith("image/") and (attachment.hidden or attachment.contentId):
                self.result.skipped.append(f"{name or guessed}: gambar di badan e-mail (logo/tanda tangan), tidak diambil")
                continue
            self.add(name, attachment.data, media, from_email, depth)

    def msg_headers(self, message: extract_msg.MSGFile) -> None:
        result = self.result
        smtp = message.getStringStream("__substg1.0_5D01") or message.getStringStream("__substg1.0_5D02")
        address = message.getStringStream("__substg1.0_0C1F") or ""
        # Exchange senders carry an X.500 address (/O=ORG/OU=...); the SMTP one is in PR_SENDER_SMTP_ADDRESS.
        if not smtp and "@" in address and not address.upper().startswith("/O="):
            smtp = address
        header_name, header_address = parseaddr(message.sender or "")
        result.sender = (smtp or header_address).strip().lower()
        result.sender_name = (message.getStringStream("__substg1.0_0C1A") or header_name or "").strip()
        result.subject = " ".join((message.subject or "").split())
        result.message_id = (message.messageId or "").strip()
        result.date = _aware(message.getPropertyVal("00390040") or message.getPropertyVal("0E060040"))
        result.body = message.body or ""
