"""PDF checks: a PDF by content, whole, not locked, its page count, and whether it has a text layer or is a scan."""

import io
from dataclasses import dataclass

from pypdf import PdfReader

from blanko_desktop.core.intake.sniff import detect_type, type_label

# Scanner apps stamp a line such as "Scanned with CamScanner" on image-only pages; a real text page has far more.
MIN_TEXT_CHARS = 40
# A writer puts %%EOF at the very end, give or take a little trailing junk; its absence means the file was cut off.
_EOF_WINDOW = 2048


@dataclass(frozen=True)
class PdfInfo:
    """What check_pdf found; text holds the first pages' text only."""

    valid: bool
    reason: str | None
    pages: int
    encrypted: bool
    has_text: bool
    text: str


def _invalid(reason: str, encrypted: bool = False) -> PdfInfo:
    return PdfInfo(valid=False, reason=reason, pages=0, encrypted=encrypted, has_text=False, text="")


def check_pdf(data: bytes, max_pages_text: int = 3) -> PdfInfo:
    """Check that data is a readable PDF and extract the text of its first max_pages_text pages."""
    detected = detect_type(data, "")
    if detected != "pdf":
        return _invalid(f"bukan berkas PDF (isi berkas: {type_label(detected)})")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        return _invalid("berkas PDF tidak utuh (terpotong)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        # A PDF with only an owner password (print/copy restrictions) opens with the empty user password;
        # only one that asks for a password to open is refused.
        if encrypted and not _opens_without_password(reader):
            return _invalid("dilindungi kata sandi", encrypted=True)
        pages = len(reader.pages)
    except Exception:  # pypdf raises a wide range of errors on damaged files; all mean the same to the officer
        return _invalid("berkas PDF rusak, tidak dapat dibuka")
    if pages == 0:
        return PdfInfo(False, "berkas PDF tidak berisi halaman", 0, encrypted, False, "")
    texts = []
    for index in range(min(pages, max_pages_text)):
        try:
            texts.append(reader.pages[index].extract_text() or "")
        except Exception:  # one unreadable page stream should not hide the text of the others
            texts.append("")
    text = "\n".join(texts)
    has_text = sum(ch.isalnum() for ch in text) >= MIN_TEXT_CHARS
    return PdfInfo(valid=True, reason=None, pages=pages, encrypted=encrypted, has_text=has_text, text=text)


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported encryption (or a missing crypto backend) means it cannot be opened here
        return False
