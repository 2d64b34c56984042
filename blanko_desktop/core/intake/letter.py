"""Numbers read from document text: the request letter (number, date, blanks asked for, breakdown) and counts in
the assessment minutes and certification decision."""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any


from blanko_desktop.core.intake.dates import MONTHS, parse_date_text
from blanko_desktop.core.textid import terbilang

# Keys of LetterInfo.breakdown; the four funding keys are those normalise_funding gives list rows.
FUNDING_KEYS = ("BNSP", "Kementerian", "Mandiri", "RCC")
BREAKDOWN_KEYS = (*FUNDING_KEYS, "BK", "Total")


@dataclass(frozen=True)
class LetterInfo:
    """What a request letter says; None where its text does not say it (or is a scan)."""

    number: str | None
    date: date | None
    requested: int | None
    requested_words: str | None
    words_match: bool | None
    lsp_name: str | None
    breakdown: dict[str, int] = field(default_factory=dict)
    # the letterhead's contact lines, for registering an LSP that is not yet known
    lsp_address: str | None = None
    lsp_phone: str | None = None


_NUMBER = re.compile(r"^\s*(?:nomor|no)\s*\.?\s*:\s*(\S*/\S*)", re.I | re.M)
# A whole number, thousands dotted ("1.250"); never cut short by backtracking ("12" is not "1" then "2").
_FIGURE = r"(\d{1,3}(?:\.\d{3})+|\d+)(?!\.?\d)"
_WORDS = r"(?:\(\s*([^)]*?)\s*\))?"
_SHEETS = r"(?:lembar|buah|eksemplar|keping|blanko|blangko)\b"
# Tried in order: "sebanyak 10 (sepuluh) lembar"; "10 (sepuluh) lembar"; a bare "sebanyak 10 (sepuluh)" that
# does not count people ("kompeten sebanyak 12 orang" comes before the request in many letters).
_REQUESTED = (
    re.compile(rf"sebanyak\s+{_FIGURE}\s*{_WORDS}\s*{_SHEETS}", re.I),
    re.compile(rf"{_FIGURE}\s*\(\s*([a-z\s\-]+?)\s*\)\s*{_SHEETS}", re.I),
    re.compile(rf"sebanyak\s+{_FIGURE}\s*{_WORDS}(?!\s*(?:orang|asesi|peserta))", re.I),
)
_PLACE_DATE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'\-]{{1,40}},\s*(\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\.?\s+\d{{4}})", re.I | re.M
)
_LSP_LINE = re.compile(r"\bLSP\s+\S|LEMBAGA\s+SERTIFIKASI\s+PROFESI", re.I)
_NOT_LSP = re.compile(r"BNSP|BADAN\s+NASIONAL|KEPADA|YTH|@", re.I)
_SIGNATORY = re.compile(r"^\s*(?:ketua|direktur|pimpinan)\s+(LSP\s+.+?)\s*$", re.I | re.M)
_LABEL_LINE = re.compile(
    r"^\s*(?:[-•*]|\d+[.)]|[a-z][.)])?\s*(?P<label>[A-Za-z][A-Za-z ()/.\-]{2,60}?)\s*[:=]?\s*(?P<n>\d+)\s*"
    r"(?:\([^)]*\)\s*)?(?:orang|asesi|peserta)?\s*$",
    re.I,
)


def _squash_words(text: str) -> str:
    """Number words compared without spaces or hyphens: 'tiga puluh tujuh' == 'tigapuluh-tujuh'."""
    text = re.sub(r"\b(lembar|buah|eksemplar|blanko|blangko)\b", "", text.lower())
    return re.sub(r"[^a-z]", "", text)


def words_for(number: int) -> str:
    """The Indonesian words (terbilang) for number."""
    return terbilang(number)


def parse_letter(text: str) -> LetterInfo:
    """Read a request letter's number, date, blanks requested (figures and words), LSP and breakdown."""
    flat = " ".join(text.split())
    requested = words = None
    match = next((m for pattern in _REQUESTED if (m := pattern.search(flat))), None)
    if match:
        requested = int(match.group(1).replace(".", ""))
        words = " ".join(match.group(2).split()) if match.group(2) else None
    words_match = None
    if requested is not None and words:
        words_match = _squash_words(words) == _squash_words(words_for(requested))
    number = _NUMBER.search(text)
    return LetterInfo(
        number=number.group(1).rstrip(".,") if number else None,
        date=_letter_date(text),
        requested=requested,
        requested_words=words,
        words_match=words_match,
        lsp_name=_lsp_name(text),
        breakdown=_breakdown(text),
        lsp_address=_letterhead_address(text),
        lsp_phone=_letterhead_phone(text),
    )


def _letter_date(text: str) -> date | None:
    """The date beside the place ('Surabaya, 14 November 2026'), else the first written date."""
    match = _PLACE_DATE.search(text)
    if match:
        return parse_date_text(match.group(1))
    return parse_date_text(text)


def _lsp_name(text: str) -> str | None:
    """The LSP named in the letterhead (its first lines), else in the signature ('Ketua LSP ...')."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines[:8]):
        if not _LSP_LINE.search(line) or _NOT_LSP.search(line):
            continue
        signatory = _SIGNATORY.match(line)
        if signatory:
            return signatory.group(1)
        if re.fullmatch(r"LEMBAGA\s+SERTIFIKASI\s+PROFESI(?:\s*\(LSP\))?", line, re.I) and index + 1 < len(lines):
            return f"LSP {lines[index + 1]}"
        return line
    match = _SIGNATORY.search(text)
    return match.group(1) if match else None


_ADDRESS_START = re.compile(
    r"^\s*(?:alamat\s*(?:kantor)?\s*:?\s*)?((?:jl|jln|jalan|komplek|kompleks|kawasan|gedung|gd|ruko|perum|perumahan)"
    r"\b\.?.*)$", re.I)
_CONTACT_CUT = re.compile(r"\s*[,;|]?\s*\b(?:telp|telepon|tlp|phone|tel|hp|fax|faks|e-?mail|website|web)\b.*$", re.I)
_PHONE = re.compile(r"\b(?:telp|telepon|tlp|phone|tel|hp)\b\.?\s*:?\s*(\+?[\d(][\d\s().\-/]{5,}\d)", re.I)
_HEAD_END = re.compile(r"^\s*(?:nomor|no)\s*\.?\s*:", re.I)


def _head_lines(text: str) -> list[str]:
    """The letterhead: the lines above 'Nomor :' (at most the first twelve)."""
    lines = []
    for line in text.splitlines()[:12]:
        if _HEAD_END.match(line):
            break
        if line.strip():
            lines.append(" ".join(line.split()))
    return lines


def _letterhead_address(text: str) -> str | None:
    """The street address in the letterhead ('Jl. Perintis Kemerdekaan No. 10, Makassar 90245')."""
    for line in _head_lines(text):
        match = _ADDRESS_START.match(line)
        if match:
            address = _CONTACT_CUT.sub("", match.group(1)).strip(" ,;-")
            return address or None
    return None


def _letterhead_phone(text: str) -> str | None:
    """The telephone number in the letterhead ('Telp. (0411) 555-0123')."""
    for line in _head_lines(text):
        match = _PHONE.search(line)
        if match:
            return " ".join(match.group(1).split())
    return None


def _breakdown_key(label: str) -> str | None:
    label = label.lower()
    if "belum" in label and "kompeten" in label:
        return "BK"
    if re.match(r"(total|jumlah)\b", label):
        return "Total"
    if "kompeten" not in label:
        return None
    for needle, key in (("bnsp", "BNSP"), ("kemen", "Kementerian"), ("mandiri", "Mandiri"), ("rcc", "RCC")):
        if needle in label:
            return key
    return None


def _breakdown(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for line in text.splitlines():
        match = _LABEL_LINE.match(line)
        if match:
            key = _breakdown_key(match.group("label"))
            if key and key not in found:
                found[key] = int(match.group("n"))
    return found


_K_AFTER = re.compile(r"\bkompeten\s*(?:sebanyak\s*)?[:=]?\s*(\d+)", re.I)
_K_BEFORE = re.compile(
    r"(\d+)\s*(?:\([^)]*\)\s*)?(?:orang\s*)?(?:asesi\s*|peserta\s*)?(?:yang\s*)?(?:dinyatakan\s*)?kompeten\b", re.I
)
_BK_AFTER = re.compile(r"(?:belum|tidak)\s+kompeten\s*(?:sebanyak\s*)?[:=]?\s*(\d+)", re.I)
_BK_BEFORE = re.compile(
    r"(\d+)\s*(?:\([^)]*\)\s*)?(?:orang\s*)?(?:asesi\s*|peserta\s*)?(?:yang\s*)?(?:dinyatakan\s*)?(?:belum|tidak)\s+kompeten\b",
    re.I,
)
_PARTICIPANTS = re.compile(r"\b(?:peserta|asesi)\s*(?:sebanyak\s*)?[:=]?\s*(\d+)\b", re.I)
_TOTAL_LINE = re.compile(r"\b(jumlah|total|seluruh|keseluruhan)\b", re.I)
_SCHEME_ON_LINE = re.compile(r"\bskema\s*:?\s*([A-Z][A-Z0-9]*(?:[./\-][A-Z0-9]+)+)", re.I)
_NIK_IN_TEXT = re.compile(r"(?<!\d)(\d{16})(?!\d)")


def _first(line: str, *patterns: re.Pattern[str]) -> int | None:
    """The number captured by the first pattern that matches line."""
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return int(match.group(1))
    return None


def extract_counts(text: str) -> dict[str, Any]:
    """Counts stated in minutes or decision text: competent, not_yet, participants, per_scheme, and listed niks.

    A total line ('Jumlah kompeten: 10') wins; otherwise per-scheme lines are added up.
    """
    totals: dict[str, int] = {}
    sums: dict[str, int] = {}
    per_scheme: dict[str, dict[str, int]] = {}
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if not line:
            continue
        low = line.lower()
        if "kompeten" not in low and "peserta" not in low and "asesi" not in low:
            continue  # every count pattern names one of these: most lines of a long decision are names only
        # "belum kompeten 1" also reads as "kompeten 1": drop the not-yet phrases before looking for competent ones.
        without_bk = _BK_BEFORE.sub(" ", _BK_AFTER.sub(" ", line))
        values = {
            "competent": _first(without_bk, _K_AFTER, _K_BEFORE),
            "not_yet": _first(line, _BK_AFTER, _BK_BEFORE),
            "participants": _first(line, _PARTICIPANTS),
        }
        target = totals if _TOTAL_LINE.search(line) else sums
        for key, value in values.items():
            if value is None:
                continue
            if target is totals:
                totals.setdefault(key, value)
            else:
                sums[key] = sums.get(key, 0) + value
        scheme = _SCHEME_ON_LINE.search(line)
        if scheme and (values["competent"] is not None or values["not_yet"] is not None):
            per_scheme[scheme.group(1)] = {"K": values["competent"] or 0, "BK": values["not_yet"] or 0}
    niks = list(dict.fromkeys(_NIK_IN_TEXT.findall(text)))
    return {
        "competent": totals.get("competent", sums.get("competent")),
        "not_yet": totals.get("not_yet", sums.get("not_yet")),
        "participants": totals.get("participants", sums.get("participants")),
        "per_scheme": per_scheme,
        "niks": niks,
    }
