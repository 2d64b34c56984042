"""One entry point per stored file: detect, classify and check it; every failure becomes a Finding."""

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blanko_desktop.core.intake.classify import classify, classify_name
from blanko_desktop.core.intake.findings import Finding, Severity, is_failure
from blanko_desktop.core.intake.letter import FUNDING_KEYS, LetterInfo, extract_counts, parse_letter, words_for
from blanko_desktop.core.intake.limits import MAX_FILE_BYTES
from blanko_desktop.core.intake.participants import ParticipantList, parse_participant_list
from blanko_desktop.core.intake.pdfcheck import PdfInfo, read_pdf
from blanko_desktop.core.intake.sniff import EMAIL_TYPES, SPREADSHEET_TYPES, detect_type, media_type, type_label

log = logging.getLogger(__name__)

PDF_KINDS = frozenset({"letter", "minutes", "decision"})
EXCEL_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
# Classification needs the first pages; counting the participants a decision lists needs them all.
CLASSIFY_PAGES = 3
COUNT_PAGES = 60
# Enough of a file's start to tell its type when it is too big to read whole.
_HEAD_BYTES = 64 * 1024
_MB = 1024 * 1024


@dataclass
class FileAnalysis:
    """Everything known about one file.

    counts, by kind -- list: competent, not_yet, participants, per_scheme, per_funding ({source: {K, BK}});
    letter: requested, competent (its funded breakdown added up), not_yet, participants (its total), per_funding
    ({source: n}); minutes and decision: competent, not_yet, participants, per_scheme, niks. None where unknown.
    """

    filename: str
    detected_type: str
    kind: str
    media_type: str
    pdf: PdfInfo | None = None
    participants: ParticipantList | None = None
    letter: LetterInfo | None = None
    counts: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def add(self, message: str, severity: Severity = "error") -> None:
        """Record a file-level finding."""
        self.findings.append(Finding(self.filename, None, None, message, severity))


def analyse_path(path: str | os.PathLike[str]) -> FileAnalysis:
    """analyse_file for a file on disk, refusing an oversized one after reading only its first bytes."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return _unreadable(path.name, "bukan berkas (mungkin folder)")
        if size > MAX_FILE_BYTES:
            with path.open("rb") as stream:
                return _oversized(path.name, size, stream.read(_HEAD_BYTES))
        data = path.read_bytes()
    except OSError:
        return _unreadable(path.name, "berkas tidak dapat dibaca dari disk")
    return analyse_file(data, path.name)


def analyse_file(data: bytes, filename: str) -> FileAnalysis:
    """Detect, classify and check one file; never raises."""
    try:
        if len(data) > MAX_FILE_BYTES:
            return _oversized(filename, len(data), data[:_HEAD_BYTES])
        return _analyse(data, filename)
    except BaseException as error:  # the last guard: a bug or an unforeseen input must not stop the others' intake
        if not is_failure(error):
            raise
        log.exception("analysing %s failed", filename)
        return _unreadable(filename, "berkas tidak dapat diperiksa (kesalahan tak terduga); periksa secara manual")


def _unreadable(filename: str, message: str) -> FileAnalysis:
    analysis = FileAnalysis(filename, "unknown", classify_name(filename) or "other", "application/octet-stream")
    analysis.add(message)
    return analysis


def _oversized(filename: str, size: int, head: bytes) -> FileAnalysis:
    detected = detect_type(head, filename)
    analysis = FileAnalysis(filename, detected, classify_name(filename) or "other", media_type(head, detected))
    analysis.add(f"berkas terlalu besar ({size / _MB:.0f} MB; batas {MAX_FILE_BYTES // _MB} MB)")
    return analysis


def _analyse(data: bytes, filename: str) -> FileAnalysis:
    detected = detect_type(data, filename)
    analysis = FileAnalysis(filename, detected, "other", media_type(data, detected))
    extension = os.path.splitext(filename)[1].lower()
    named_kind = classify_name(filename)
    if detected == "empty":
        analysis.kind = named_kind or "other"
        analysis.add("berkas kosong (0 byte)")
    elif detected in SPREADSHEET_TYPES or extension in EXCEL_EXTENSIONS:
        _analyse_list(analysis, data)
    elif detected == "pdf" or extension == ".pdf":
        _analyse_pdf(analysis, data)
    elif detected in EMAIL_TYPES:
        # E-mails are opened with parse_email by the caller; their attachments come back here one by one.
        analysis.kind = "other"
    else:
        analysis.kind = classify(filename, detected, None, None)
        if analysis.kind in PDF_KINDS:
            analysis.add(f"bukan berkas PDF (isi berkas: {type_label(detected)})")
        elif analysis.kind == "list":
            analysis.add(f"bukan berkas Excel (isi berkas: {type_label(detected)})")
        elif detected == "exe":
            analysis.add("berkas program (.exe) tidak diterima")
    return analysis


def _analyse_list(analysis: FileAnalysis, data: bytes) -> None:
    participants = parse_participant_list(data, analysis.filename)
    analysis.kind = classify(analysis.filename, analysis.detected_type, None, participants.headers)
    if analysis.kind in PDF_KINDS:
        # A spreadsheet named as a letter, minutes or decision: wrong format, not a broken participant list.
        analysis.add(f"bukan berkas PDF (isi berkas: {type_label(analysis.detected_type)})")
        return
    analysis.participants = participants
    analysis.findings.extend(participants.findings)
    if participants.headers:
        analysis.counts = {
            "competent": participants.competent,
            "not_yet": participants.not_yet,
            "participants": participants.competent + participants.not_yet,
            "per_scheme": participants.per_scheme,
            "per_funding": participants.per_funding,
        }


def _analyse_pdf(analysis: FileAnalysis, data: bytes) -> None:
    pdf, texts = read_pdf(data, max_pages_text=CLASSIFY_PAGES)
    analysis.pdf = pdf
    analysis.kind = classify(analysis.filename, analysis.detected_type, pdf.text if pdf.valid else None, None)
    if not pdf.valid:
        analysis.add(pdf.reason or "berkas PDF tidak valid")
        return
    if analysis.kind == "list":
        analysis.add("daftar peserta harus berkas Excel, bukan PDF")
        return
    if not pdf.has_text:
        if analysis.kind in PDF_KINDS:
            analysis.add("PDF hasil pindaian (tanpa lapisan teks); isinya diperiksa petugas", "warning")
        return
    if analysis.kind == "letter":
        analysis.letter = parse_letter(pdf.text)
        analysis.counts = _letter_counts(analysis.letter)
        _check_letter(analysis, analysis.letter)
    elif analysis.kind in ("minutes", "decision"):
        # the same open PDF: its first pages were read to classify it, the rest are read now, once
        text = pdf.text if pdf.pages <= CLASSIFY_PAGES or texts is None else texts.first(COUNT_PAGES)
        counts = extract_counts(text)
        if pdf.pages > COUNT_PAGES:
            # Only the first pages were read: the names listed there are not the whole decision, so they
            # can neither be counted nor compared with the list without false alarms.
            counts["niks"] = []
            analysis.add(f"dokumen {pdf.pages} halaman; hanya {COUNT_PAGES} halaman pertama dibaca, daftar "
                         "nama di dalamnya tidak dicocokkan otomatis", "warning")
        # A decision names the competent participants one by one; when it states no total, its list is the count.
        if analysis.kind == "decision" and counts["competent"] is None and counts["niks"]:
            counts["competent"] = len(counts["niks"])
            counts["competent_from_niks"] = True
        analysis.counts = counts


def _letter_counts(letter: LetterInfo) -> dict[str, Any]:
    per_funding = {key: letter.breakdown[key] for key in FUNDING_KEYS if key in letter.breakdown}
    return {
        "requested": letter.requested,
        "competent": sum(per_funding.values()) if per_funding else None,
        "not_yet": letter.breakdown.get("BK"),
        "participants": letter.breakdown.get("Total"),
        "per_funding": per_funding,
    }


def _check_letter(analysis: FileAnalysis, letter: LetterInfo) -> None:
    """The letter against itself: figures against words, the breakdown against the request and the total."""
    if letter.requested is None:
        analysis.add('jumlah blanko yang diminta ("sebanyak ... lembar") tidak terbaca; isi secara manual', "warning")
        return
    if letter.words_match is False:
        analysis.add(
            f'jumlah blanko {letter.requested} tidak sesuai terbilang "{letter.requested_words}" '
            f'(seharusnya "{words_for(letter.requested)}")'
        )
    competent = analysis.counts["competent"]
    if competent is not None and competent != letter.requested:
        analysis.add(
            f"rincian kompeten berjumlah {competent}, tidak sama dengan blanko yang diminta ({letter.requested})"
        )
    total, not_yet = analysis.counts["participants"], analysis.counts["not_yet"]
    if competent is not None and total is not None and not_yet is not None and competent + not_yet != total:
        analysis.add(f"rincian kompeten ({competent}) dan belum kompeten ({not_yet}) tidak berjumlah total ({total})")
