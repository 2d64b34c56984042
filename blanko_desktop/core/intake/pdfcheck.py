"""PDF checks: a PDF by content, whole, not locked, its page count, and whether it has a text layer or is a scan."""

import io
from dataclasses import dataclass

from pypdf import PdfReader

from blanko_desktop.core.intake.sniff import detect_type, type_label
from blanko_desktop.core.pdftext import extract_text

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
    return read_pdf(data, max_pages_text)[0]


class PageTexts:
    """The text of an open PDF's pages, each page extracted once however often more pages are asked for.

    Text extraction is most of what intake spends on a PDF (a 33-page decision: ~80 ms); classifying needs the
    first pages, counting a decision's participants needs them all, and the first pages are not read twice.
    """

    def __init__(self, reader: PdfReader, pages: int) -> None:
        self._reader = reader
        self._pages = pages
        self._texts: list[str] = []

    def first(self, count: int) -> str:
        """The text of the first `count` pages (fewer when the PDF has fewer), pages joined by a line break."""
        while len(self._texts) < min(count, self._pages):
            try:
                # pypdf's exact text; its content-stream parser only where the quick reader declines
                self._texts.append(extract_text(self._reader.pages[len(self._texts)]))
            except Exception:  # one unreadable page stream should not hide the text of the others
                self._texts.append("")
        return "\n".join(self._texts[:count])


def read_pdf(data: bytes, max_pages_text: int = 3) -> tuple[PdfInfo, PageTexts | None]:
    """check_pdf, and the open PDF's pages to read more text from (None when it is not a readable PDF)."""
    detected = detect_type(data, "")
    if detected != "pdf":
        return _invalid(f"bukan berkas PDF (isi berkas: {type_label(detected)})"), None
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        return _invalid("berkas PDF tidak utuh (terpotong)"), None
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        # A PDF with only an owner password (print/copy restrictions) opens with the empty user password;
        # only one that asks for a password to open is refused.
        if encrypted and not _opens_without_password(reader):
            return _invalid("dilindungi kata sandi", encrypted=True), None
        pages = len(reader.pages)
    except Exception:  # pypdf raises a wide range of errors on damaged files; all mean the same to the officer
        return _invalid("berkas PDF rusak, tidak dapat dibuka"), None
    if pages == 0:
        return PdfInfo(False, "berkas PDF tidak berisi halaman", 0, encrypted, False, ""), None
    texts = PageTexts(reader, pages)
    text = texts.first(max_pages_text)
    has_text = sum(ch.isalnum() for ch in text) >= MIN_TEXT_CHARS
    return PdfInfo(valid=True, reason=None, pages=pages, encrypted=encrypted, has_text=has_text, text=text), texts


def _opens_without_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # unsupported encryption (or a missing crypto backend) means it cannot be opened here
        return False
