"""Intake: pure parsing and checking of what an LSP sends (e-mails, PDFs, participant lists); no Qt, no database."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blanko_desktop.core.intake.analyse import FileAnalysis, analyse_file, analyse_path
    from blanko_desktop.core.intake.classify import KINDS
    from blanko_desktop.core.intake.crosscheck import cross_check
    from blanko_desktop.core.intake.email_parse import Attachment, ParsedEmail, parse_email
    from blanko_desktop.core.intake.findings import Finding
    from blanko_desktop.core.intake.letter import LetterInfo, extract_counts, parse_letter
    from blanko_desktop.core.intake.limits import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
    from blanko_desktop.core.intake.nik import check_nik
    from blanko_desktop.core.intake.participants import Participant, ParticipantList, parse_participant_list
    from blanko_desktop.core.intake.pdfcheck import PdfInfo, check_pdf
    from blanko_desktop.core.intake.sniff import detect_type, media_type, safe_filename, type_label

# Each name from the module that defines it, imported when first asked for: a module that needs the findings or
# the sniffing does not load pypdf, calamine and the e-mail parser with them (the roster, `blanko intake` of
# loose files: the e-mail package is ~10 ms of a process).
_HOME = {
    "FileAnalysis": "analyse", "analyse_file": "analyse", "analyse_path": "analyse",
    # not classify(): the name is its module's, which importing it binds here (import it from .classify)
    "KINDS": "classify",
    "cross_check": "crosscheck",
    "Attachment": "email_parse", "ParsedEmail": "email_parse", "parse_email": "email_parse",
    "Finding": "findings",
    "LetterInfo": "letter", "extract_counts": "letter", "parse_letter": "letter",
    "MAX_ARCHIVE_BYTES": "limits", "MAX_FILE_BYTES": "limits",
    "check_nik": "nik",
    "Participant": "participants", "ParticipantList": "participants", "parse_participant_list": "participants",
    "PdfInfo": "pdfcheck", "check_pdf": "pdfcheck",
    "detect_type": "sniff", "media_type": "sniff", "safe_filename": "sniff", "type_label": "sniff",
}

__all__ = [
    "Attachment",
    "FileAnalysis",
    "Finding",
    "KINDS",
    "LetterInfo",
    "MAX_ARCHIVE_BYTES",
    "MAX_FILE_BYTES",
    "ParsedEmail",
    "Participant",
    "ParticipantList",
    "PdfInfo",
    "analyse_file",
    "analyse_path",
    "check_nik",
    "check_pdf",
    "cross_check",
    "detect_type",
    "extract_counts",
    "media_type",
    "parse_email",
    "parse_letter",
    "parse_participant_list",
    "safe_filename",
    "type_label",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:  # a submodule (`from blanko_desktop.core.intake import stored`) is imported as usual
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})
