"""E-mails dropped by the officer (.eml, Outlook .msg): sender, subject, date and every attachment, nested ones too."""

import email
import io
import logging
import mimetypes
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import getaddresses, parseaddr
from typing import Any


from blanko_desktop.core.intake.findings import Finding
from blanko_desktop.core.intake.limits import MAX_EMAIL_DEPTH
from blanko_desktop.core.intake.sniff import EMAIL_TYPES, detect_type, media_type, safe_filename, type_label

log = logging.getLogger(__name__)

# Signature logos are a few KB; a photographed or scanned document is far bigger.
SIGNATURE_IMAGE_MAX_BYTES = 100 * 1024


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
        result.findings.append(
            Finding(filename, None, None, f"bukan berkas e-mail (isi berkas: {type_label(detected)})")
        )
        return result
    collector = _Collector(filename, result)
    try:
        if detected == "eml":
            collector.read_eml(data)
        else:
            collector.read_msg(data)
    except Exception:  # a malformed MIME structure beyond what the email package tolerates
        log.debug("reading e-mail %s failed", filename, exc_info=True)
        result.findings.append(Finding(filename, None, None, "e-mail rusak, tidak dapat dibaca seluruhnya"))
    if not result.attachments and not any(f.severity == "error" for f in result.findings):
        result.findings.append(Finding(filename, None, None, "E-mail tidak berisi lampiran"))
    return result


def _first_text(obj: object, *attributes: str) -> str:
    """The first non-empty string among obj's attributes."""
    for attribute in attributes:
        value = getattr(obj, attribute, None)
        if isinstance(value, str) and value:
            return value
    return ""


# What e-mail clients really write in unlabelled 8-bit headers besides UTF-8: Outlook on Windows writes the
# ANSI code page (windows-1252 in Indonesia), older clients iso-8859-1. windows-1252 leaves five bytes undefined,
# so iso-8859-1 (which defines all 256) is the last resort and nothing is ever replaced.
HEADER_CHARSETS = ("utf-8", "windows-1252", "iso-8859-1")


def decode_8bit(raw: bytes) -> str:
    """Bytes of unknown charset as text: the first of HEADER_CHARSETS that decodes them without error."""
    for charset in HEADER_CHARSETS:
        try:
            return raw.decode(charset)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")  # unreachable: iso-8859-1 decodes any byte


def _raw_8bit(message: EmailMessage, name: str) -> str | None:
    """A header sent as raw 8-bit bytes without a charset (the email package keeps them as surrogates),
    decoded with the charsets clients use; None when the header is plain ASCII or RFC 2047 encoded."""
    raw = next((str(value) for key, value in message.raw_items() if key.lower() == name.lower()), None)
    if raw is None or not any("\udc80" <= ch <= "\udcff" for ch in raw):
        return None
    text = decode_8bit(raw.encode("utf-8", "surrogateescape"))
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def _header_text(message: EmailMessage, name: str) -> str:
    """A header's decoded value, or its raw text when policy.default cannot parse it."""
    eight_bit = _raw_8bit(message, name)
    if eight_bit is not None:
        return eight_bit
    try:
        value = message.get(name)
        return "" if value is None else str(value)
    except Exception:  # a malformed header: the raw text is still better than nothing
        return next((str(raw) for key, raw in message.raw_items() if key.lower() == name.lower()), "")


def _decode(payload: bytes, charset: str | None) -> str:
    """Text of a body part; an unknown or wrong charset falls back to the charsets clients really use."""
    try:
        return payload.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return decode_8bit(payload)


def _aware(moment: datetime | None) -> datetime | None:
    # RFC 5322 "-0000" and MAPI times come without a zone but are UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _is_inline_image(media: str, size: int, disposition: str | None, has_content_id: bool, in_related: bool) -> bool:
    """Signature logos and pictures in the message body, as opposed to an image attached as a document."""
    if not media.startswith("image/"):
        return False
    if in_related:
        # referenced by the HTML body (cid:), whatever its disposition says; a big one may be a scanned
        # document pasted into the message, so it is kept
        return size <= SIGNATURE_IMAGE_MAX_BYTES
    # Apple Mail marks attached photos "inline" too: only a small inline image is taken for a logo.
    return (disposition == "inline" or has_content_id) and size <= SIGNATURE_IMAGE_MAX_BYTES


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
        mime = media_type(data, detected)
        # Only when the content says nothing is the sender's declared type kept.
        if mime == "application/octet-stream":
            mime = declared_media
        self.result.attachments.append(Attachment(name, data, mime, from_email))

    def too_deep(self, name: str, depth: int) -> bool:
        """True (and noted) when an attached e-mail sits deeper than MAX_EMAIL_DEPTH: a loop or a crafted file."""
        if depth < MAX_EMAIL_DEPTH:
            return False
        self.result.skipped.append(f"{name}: e-mail terlampir terlalu dalam (lebih dari {MAX_EMAIL_DEPTH} tingkat)")
        return True

    def nested(self, data: bytes, detected: str, name: str, depth: int) -> None:
        if self.too_deep(name, depth):
            return
        if detected == "eml":
            self.read_eml(data, depth + 1, name)
        else:
            self.read_msg(data, depth + 1, name)

    # --- .eml ---------------------------------------------------------------------------------------------------

    def read_eml(self, data: bytes, depth: int = 0, from_email: str | None = None) -> None:
        message = email.message_from_bytes(data, policy=policy.default)
        self.read_message(message, depth, from_email)

    def read_message(self, message: EmailMessage, depth: int, from_email: str | None) -> None:
        if depth == 0:
            self.headers(message)
        self.walk(message, depth, from_email, in_related=False)

    def headers(self, message: EmailMessage) -> None:
        result = self.result
        try:
            header = message.get("From")
            addresses = [(a.display_name, a.addr_spec) for a in getattr(header, "addresses", ())]
        except Exception:  # policy.default parses headers lazily and raises on some malformed ones
            addresses = []
        if not addresses and _header_text(message, "From"):
            addresses = getaddresses([_header_text(message, "From")])
        if addresses:
            result.sender_name, result.sender = addresses[0][0].strip(), addresses[0][1].strip().lower()
        result.subject = " ".join(_header_text(message, "Subject").split())
        result.message_id = _header_text(message, "Message-ID").strip()
        try:
            date_header = message.get("Date")
            result.date = _aware(getattr(date_header, "datetime", None))
        except Exception:  # an unparsable Date header leaves the date unknown (the officer enters it)
            result.date = None

    def walk(self, part: MIMEPart, depth: int, from_email: str | None, in_related: bool) -> None:
        media = part.get_content_type()
        if media == "message/rfc822":
            payload = part.get_payload()
            if not isinstance(payload, list) or not payload or not isinstance(payload[0], EmailMessage):
                return
            inner = payload[0]
            name = safe_filename(part.get_filename() or _header_text(inner, "Subject") or "e-mail terlampir")
            if not self.too_deep(name, depth):
                self.read_message(inner, depth + 1, name)
            return
        if part.is_multipart():
            for sub in part.iter_parts():
                try:
                    self.walk(sub, depth, from_email, in_related or media == "multipart/related")
                except Exception:  # one damaged part (bad headers, bad encoding) must not cost the other attachments
                    log.debug("e-mail part unreadable", exc_info=True)
                    message = "satu bagian e-mail rusak dan tidak dapat dibaca"
                    self.result.findings.append(Finding(self.document, None, None, message, "warning"))
            return
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        decoded = part.get_payload(decode=True)
        payload = decoded if isinstance(decoded, bytes) else b""
        if _is_inline_image(media, len(payload), disposition, part.get("Content-ID") is not None, in_related):
            self.result.skipped.append(
                f"{filename or media}: gambar di badan e-mail (logo/tanda tangan), tidak diambil"
            )
            return
        if not filename and disposition != "attachment":
            if media == "text/plain" and not self.result.body and depth == 0:
                self.result.body = _decode(payload, part.get_content_charset())
            return
        self.add(filename, payload, media, from_email, depth)

    # --- .msg ---------------------------------------------------------------------------------------------------

    def read_msg(self, data: bytes, depth: int = 0, from_email: str | None = None) -> None:
        import extract_msg  # 0.25 s to import: only when a .msg arrives
        from extract_msg.enums import ErrorBehavior

        try:
            message = extract_msg.openMsg(
                io.BytesIO(data),
                errorBehavior=ErrorBehavior.ATTACH_NOT_IMPLEMENTED | ErrorBehavior.ATTACH_BROKEN,
            )
        except Exception:  # extract-msg raises many types on damaged files; the officer needs one message
            self.result.findings.append(
                Finding(
                    from_email or self.document, None, None, "berkas e-mail Outlook (.msg) rusak, tidak dapat dibaca"
                )
            )
            return
        try:
            self.read_msg_object(message, depth, from_email)
        finally:
            message.close()

    # extract-msg returns several message and attachment classes (signed ones lack some attributes): read with getattr.
    def read_msg_object(self, message: Any, depth: int, from_email: str | None) -> None:
        from extract_msg.enums import AttachmentType

        if depth == 0:
            self.msg_headers(message)
        for attachment in getattr(message, "attachments", ()):
            name = _first_text(attachment, "longFilename", "shortFilename", "displayName", "name")
            media = getattr(attachment, "mimetype", None) or mimetypes.guess_type(name)[0] or "application/octet-stream"
            data = attachment.data
            if getattr(attachment, "type", None) == AttachmentType.MSG:
                nested_name = safe_filename(name or getattr(data, "subject", None) or "e-mail terlampir")
                if not self.too_deep(nested_name, depth):
                    self.read_msg_object(data, depth + 1, nested_name)
                continue
            if not isinstance(data, bytes):
                self.result.skipped.append(f"{name or 'lampiran'}: jenis lampiran Outlook yang tidak dapat diambil")
                continue
            is_image = (mimetypes.guess_type(name)[0] or media).startswith("image/") or media.startswith("image/")
            small = len(data) <= SIGNATURE_IMAGE_MAX_BYTES
            # Outlook hides the pictures of the HTML body; it also gives some real attachments a content id.
            if is_image and (
                getattr(attachment, "hidden", False) or (getattr(attachment, "contentId", None) and small)
            ):
                self.result.skipped.append(
                    f"{name or media}: gambar di badan e-mail (logo/tanda tangan), tidak diambil"
                )
                continue
            self.add(name, data, media, from_email, depth)

    def msg_headers(self, message: Any) -> None:
        result = self.result
        smtp = message.getStringStream("__substg1.0_5D01") or message.getStringStream("__substg1.0_5D02")
        address = message.getStringStream("__substg1.0_0C1F") or ""
        # Exchange senders carry an X.500 address (/O=ORG/OU=...); the SMTP one is in PR_SENDER_SMTP_ADDRESS.
        if not smtp and "@" in address and not address.upper().startswith("/O="):
            smtp = address
        header_name, header_address = parseaddr(getattr(message, "sender", None) or "")
        result.sender = (smtp or header_address).strip().lower()
        result.sender_name = (message.getStringStream("__substg1.0_0C1A") or header_name or "").strip()
        result.subject = " ".join((getattr(message, "subject", None) or "").split())
        result.message_id = (getattr(message, "messageId", None) or "").strip()
        # PR_CLIENT_SUBMIT_TIME (sent), else PR_MESSAGE_DELIVERY_TIME (received)
        result.date = _aware(message.getPropertyVal("00390040") or message.getPropertyVal("0E060040"))
        result.body = getattr(message, "body", None) or ""
