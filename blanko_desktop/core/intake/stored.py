"""A file's analysis as stored with its document (JSON), and back: the checklist reads this, not the file."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from blanko_desktop.core.intake.analyse import FileAnalysis
from blanko_desktop.core.intake.findings import Finding
from blanko_desktop.core.intake.letter import LetterInfo, parse_letter
from blanko_desktop.core.intake.participants import ParticipantList
from blanko_desktop.core.intake.pdfcheck import PdfInfo

# 1 (no "v"): what the window shows (types, counts, a number of findings). 2: all the checklist needs as well.
VERSION = 2


def to_json(analysis: FileAnalysis) -> dict[str, Any]:
    """Everything the checklist uses of a file's analysis, as JSON.

    The participant rows themselves are not here but in the database (core/roster.py): a 20,000-row list
    would make this a few MB, read with every document. Findings come summarised (MAX_FINDINGS_PER_KIND).
    """
    pdf, roster = analysis.pdf, analysis.participants
    letter = analysis.letter
    if letter is None and pdf is not None and pdf.has_text:
        # read as a letter too, should the officer say it is one (then it is not read again)
        letter = parse_letter(pdf.text)
    return {
        "v": VERSION,
        "detected_type": analysis.detected_type,
        "kind": analysis.kind,
        "media_type": analysis.media_type,
        "pdf": None if pdf is None else {"valid": pdf.valid, "reason": pdf.reason, "pages": pdf.pages,
                                         "encrypted": pdf.encrypted, "has_text": pdf.has_text},
        "letter": None if letter is None else _letter_json(letter),
        "list": None if roster is None else {"headers": roster.headers, "competent": roster.competent,
                                             "not_yet": roster.not_yet},
        "counts": dict(analysis.counts),
        "findings": len(analysis.findings),  # what the window shows beside the file
        "finding_list": [[f.sheet, f.row, f.message, f.severity] for f in analysis.findings],
    }


def from_json(data: dict[str, Any] | None, filename: str) -> FileAnalysis | None:
    """The analysis stored by `to_json`, under the document's name; None for an older or missing one."""
    if not data or data.get("v") != VERSION:
        return None
    pdf = data["pdf"]
    letter = _letter(data["letter"])
    roster = data["list"]
    analysis = FileAnalysis(
        filename=filename, detected_type=data["detected_type"], kind=data["kind"], media_type=data["media_type"],
        pdf=None if pdf is None else PdfInfo(pdf["valid"], pdf["reason"], pdf["pages"], pdf["encrypted"],
                                             pdf["has_text"], ""),
        # the rows are loaded from the database only when a check needs them (roster.participants_of)
        participants=None if roster is None else ParticipantList(
            headers=roster["headers"], competent=roster["competent"], not_yet=roster["not_yet"],
            per_scheme=data["counts"].get("per_scheme", {}), per_funding=data["counts"].get("per_funding", {})),
        letter=letter if data["kind"] == "letter" else None,
        counts=data["counts"],
        findings=[Finding(filename, sheet, row, message, severity)
                  for sheet, row, message, severity in data["finding_list"]],
    )
    return analysis


def stored_letter(data: dict[str, Any] | None) -> LetterInfo | None:
    """What a stored PDF's text says read as a request letter, whatever kind it was recognised as."""
    return _letter(data.get("letter")) if data else None


def _letter_json(letter: LetterInfo) -> dict[str, Any]:
    # every field, so that what the letter says (its letterhead's address and phone too) survives storing
    data = asdict(letter)
    data["date"] = letter.date.isoformat() if letter.date else None
    return data


def _letter(data: dict[str, Any] | None) -> LetterInfo | None:
    if data is None:
        return None
    known = {f.name for f in fields(LetterInfo)}
    values = {k: v for k, v in data.items() if k in known}  # a field added later is absent from older records
    values["date"] = date.fromisoformat(data["date"]) if data.get("date") else None
    return LetterInfo(**values)
