"""Which of the four request documents a file is: by its content first, its file name second."""

import re
from collections.abc import Sequence

from blanko_desktop.core.intake.participants import looks_like_list_header
from blanko_desktop.core.intake.sniff import SPREADSHEET_TYPES

KINDS = ("letter", "minutes", "decision", "list", "other")
# A title sits in the first lines; a body may name the other documents ("terlampir berita acara ...").
_TITLE_LINES = 8
_MIN_SCORE = 2

# (kind, pattern, where, points): where is "title" (first lines) or "body" (anywhere).
_CONTENT_RULES: tuple[tuple[str, re.Pattern[str], str, int], ...] = (
    ("letter", re.compile(r"perihal\s*:?.*permohonan", re.I), "body", 3),
    ("letter", re.compile(r"permohonan\s+(?:\w+\s+){0,2}blan[g]?ko", re.I), "body", 2),
    ("letter", re.compile(r"sebanyak\s+\d+\s*\([^)]*\)\s*lembar", re.I), "body", 2),
    ("minutes", re.compile(r"berita\s+acara", re.I), "title", 3),
    ("minutes", re.compile(r"telah\s+dilaksanakan\s+(?:uji\s+kompetensi|asesmen)", re.I), "body", 1),
    ("decision", re.compile(r"keputusan", re.I), "title", 3),
    ("decision", re.compile(r"penetapan", re.I), "title", 2),
    ("decision", re.compile(r"\bmemutuskan\b", re.I), "body", 2),
    ("decision", re.compile(r"\bmenetapkan\b", re.I), "body", 1),
)

# File-name hints, tried in this order: "Surat Keputusan" is a decision, not a letter.
_NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("decision", re.compile(r"\bsk\b|keputusan|penetapan|\bkep\b", re.I)),
    ("minutes", re.compile(r"\bba\b|\bbap\b|berita\s*acara", re.I)),
    ("list", re.compile(r"daftar|peserta|nominatif|asesi|rekap", re.I)),
    ("letter", re.compile(r"permohonan|permintaan|surat|blan[g]?ko|\bsp\b", re.I)),
)


def classify_text(text: str) -> str | None:
    """The kind a PDF's text names, or None when no kind scores enough."""
    lines = [line for line in text.splitlines() if line.strip()]
    title = "\n".join(lines[:_TITLE_LINES])
    scores = dict.fromkeys(KINDS, 0)
    for kind, pattern, where, points in _CONTENT_RULES:
        if pattern.search(title if where == "title" else text):
            scores[kind] += points
    kind, score = max(scores.items(), key=lambda item: item[1])
    return kind if score >= _MIN_SCORE else None


def classify_name(filename: str) -> str | None:
    """The kind a file name suggests ('SK Penetapan.pdf' -> decision), or None."""
    stem = re.sub(r"[_\-.]+", " ", filename.rsplit(".", 1)[0])
    for kind, pattern in _NAME_RULES:
        if pattern.search(stem):
            return kind
    return None


def classify(filename: str, detected_type: str, pdf_text: str | None, sheet_headers: Sequence[str] | None) -> str:
    """One of KINDS for a file: content (PDF text keywords, list headers) first, then the file name."""
    if detected_type in SPREADSHEET_TYPES:
        if sheet_headers and looks_like_list_header(sheet_headers):
            return "list"
        # The only spreadsheet a request holds is the participant list; a bad header is a finding, not a new kind.
        return classify_name(filename) or "list"
    if detected_type == "pdf" and pdf_text:
        kind = classify_text(pdf_text)
        if kind:
            return kind
    return classify_name(filename) or "other"
