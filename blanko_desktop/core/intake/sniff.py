"""What a file really is, judged by its bytes (never by its name), and a file name made safe to show and store."""

import io
import re
import unicodedata
import zipfile

import olefile

# detect_type's answers, each with the words used for it in messages to the LSP.
TYPE_LABELS: dict[str, str] = {
    "empty": "kosong (0 byte)",
    "pdf": "PDF",
    "xlsx": "Excel (.xlsx)",
    "xlsm": "Excel bermakro (.xlsm)",
    "xlsb": "Excel biner (.xlsb)",
    "xls": "Excel lama (.xls)",
    "ods": "spreadsheet OpenDocument (.ods)",
    "encrypted": "dokumen Office yang dikunci kata sandi",
    "msg": "e-mail Outlook (.msg)",
    "eml": "e-mail (.eml)",
    "doc": "dokumen Word (.doc)",
    "docx": "dokumen Word (.docx)",
    "rtf": "dokumen RTF",
    "zip": "arsip ZIP",
    "exe": "program (.exe)",
    "image": "gambar",
    "html": "halaman web (HTML)",
    "xml": "XML",
    "csv": "teks CSV",
    "text": "teks biasa",
    "unknown": "format tidak dikenal",
}

SPREADSHEET_TYPES = frozenset({"xlsx", "xlsm", "xlsb", "xls", "ods"})
EMAIL_TYPES = frozenset({"eml", "msg"})

_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "xls": "application/vnd.ms-excel",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "msg": "application/vnd.ms-outlook",
    "eml": "message/rfc822",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "rtf": "application/rtf",
    "zip": "application/zip",
    "exe": "application/vnd.microsoft.portable-executable",
    "html": "text/html",
    "xml": "application/xml",
    "csv": "text/csv",
    "text": "text/plain",
}

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The content types part is a few KB; a bigger one is not read while sniffing.
_SMALL_MEMBER = 1024 * 1024
_HEAD = 64 * 1024

_EMAIL_HEADERS = frozenset(
    {
        b"from",
        b"to",
        b"cc",
        b"subject",
        b"date",
        b"message-id",
        b"mime-version",
        b"received",
        b"return-path",
        b"reply-to",
        b"delivered-to",
        b"content-type",
        b"x-mailer",
        b"user-agent",
        b"x-mozilla-status",
        b"thread-topic",
        b"x-ms-exchange-organization-authas",
    }
)
_HEADER_LINE = re.compile(rb"^([!-9;-~]+):")


def detect_type(data: bytes, filename: str) -> str:
    """Name the format of data from its content; filename only settles CSV versus plain text."""
    if not data:
        return "empty"
    head = data[:_HEAD]
    # The PDF spec lets readers accept junk before the header; 1 KB is what Acrobat tolerates.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF"):
        return "exe"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_type(data)
    if head.startswith(_OLE_MAGIC):
        return _ole_type(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if (
        _image_media_type(head)
        or (head[4:12] in (b"ftypheic", b"ftypmif1"))
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
    ):
        return "image"
    if _looks_like_email(head):
        return "eml"
    return _text_type(head, filename)


def type_label(detected_type: str) -> str:
    """Indonesian words for a detect_type answer, for messages."""
    return TYPE_LABELS.get(detected_type, detected_type)


def media_type(data: bytes, detected_type: str) -> str:
    """MIME type for content of the given detected type."""
    if detected_type == "image":
        return _image_media_type(data[:16]) or "application/octet-stream"
    return _MEDIA_TYPES.get(detected_type, "application/octet-stream")


def _image_media_type(head: bytes) -> str | None:
    for magic, mime in _IMAGE_MAGIC:
        if head.startswith(magic):
            # "BM" alone is too common a start for text; a real bitmap header is at least 26 bytes.
            if magic == b"BM" and len(head) < 14:
                return None
            return mime
    return None


def _zip_type(data: bytes) -> str:
    """Tell Office files from other zips using only the central directory (nothing big is inflated)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = {info.filename.lower(): info for info in archive.infolist()}
            if "mimetype" in infos and infos["mimetype"].file_size < 256:
                mimetype = archive.read("mimetype")
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
                return "zip"
            if any(name.endswith("vbaproject.bin") for name in infos):
                return "xlsm" if any(name.startswith("xl/") for name in infos) else "docx"
            if "xl/workbook.bin" in infos:
                return "xlsb"
            if "xl/workbook.xml" in infos:
                types = infos.get("[content_types].xml")
                if (
                    types is not None
                    and types.file_size < _SMALL_MEMBER
                    and b"macroenabled" in archive.read(types).lower()
                ):
                    return "xlsm"
                return "xlsx"
            if "word/document.xml" in infos:
                return "docx"
            return "zip"
    except Exception:  # zipfile, zlib and struct all raise on damaged archives
        # A damaged or encrypted archive: still a zip by its bytes; whoever unpacks it says what is wrong.
        return "zip"


def _ole_type(data: bytes) -> str:
    """Tell the OLE2 compound files apart (Outlook message, old Excel, old Word, encrypted Office) by stream names."""
    try:
        # Always a file object: given short bytes, olefile would take them for a path.
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            top = {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises many kinds on damaged input; any of them means "not readable"
        return "unknown"
    if any(name.startswith("__substg1.0_") for name in top):
        return "msg"
    if "encryptedpackage" in top:
        return "encrypted"
    if "workbook" in top or "book" in top:
        return "xls"
    if "worddocument" in top:
        return "doc"
    return "unknown"


def _looks_like_email(head: bytes) -> bool:
    """An RFC 822 header block: only 'Name: value' lines up to the first blank line, with From or Received."""
    names: set[bytes] = set()
    lines = head.split(b"\n")
    if lines and lines[0].startswith(b"From "):  # mbox separator line written by some mail programs
        lines = lines[1:]
    for line in lines[:500]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and names:
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            return False
        names.add(match.group(1).lower())
    return bool(names & {b"from", b"received"}) and len(names & _EMAIL_HEADERS) >= 2


def _decode_text(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A cut multi-byte character at the end of the head is not a reason to call it binary.
        if error.start >= len(head) - 4:
            return head[: error.start].decode("utf-8-sig")
        return head.decode("cp1252", errors="replace")


def _text_type(head: bytes, filename: str) -> str:
    text = _decode_text(head)
    if text is None:
        return "unknown"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > len(text) // 100:
        return "unknown"
    start = text.lstrip().lower()[:512]
    if start.startswith(("<!doctype html", "<html")) or "<table" in start:
        return "html"
    if start.startswith("<?xml"):
        return "xml"
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    for delimiter in (";", ",", "\t", "|"):
        counts = {line.count(delimiter) for line in lines[:-1] or lines}
        if len(counts) == 1 and counts != {0} and (len(lines) > 1 or filename.lower().endswith(".csv")):
            return "csv"
    return "text"


_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{prefix}{n}" for prefix in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]}
)
_FORBIDDEN_CHARS = frozenset('<>:"/\\|?*')
# Categories dropped from names: controls, invisible format marks (RTL override hides ".exe"), lone surrogates,
# and line/paragraph separators.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_MAX_NAME = 150
_MAX_EXTENSION = 16
FALLBACK_NAME = "lampiran"


def safe_filename(name: str) -> str:
    """A file name safe on Windows and Linux: last path part only, no control or reserved characters, never empty."""
    name = re.split(r"[\\/]", name or "")[-1]
    # Tabs and line breaks separate words: they become spaces rather than vanish.
    name = "".join(
        " " if ch.isspace() else ch
        for ch in name
        if ch not in _FORBIDDEN_CHARS and (ch.isspace() or unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    )
    # Normalised after filtering: a dropped mark between a letter and its accent would leave them uncomposed.
    name = " ".join(unicodedata.normalize("NFC", name).split())
    # Windows drops trailing dots and spaces; leading dots make hidden files and ".." on Linux.
    name = name.strip(" .")
    if len(name) > _MAX_NAME:
        stem, dot, extension = name.rpartition(".")
        if not dot or len(extension) > _MAX_EXTENSION:
            stem, extension = name, ""
        suffix = f".{extension}" if extension else ""
        stem = stem[: _MAX_NAME - len(suffix)].rstrip(" .")
        name = f"{stem or FALLBACK_NAME}{suffix}"
    if not name:
        return FALLBACK_NAME
    if name.split(".")[0].strip().upper() in _RESERVED_NAMES:
        name = f"_{name}"
    return name
