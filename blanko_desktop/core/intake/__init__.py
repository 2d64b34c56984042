"""Intake: pure parsing and checking of what an LSP sends (e-mails, PDFs, participant lists); no Qt, no database."""

from blanko_desktop.core.intake.analyse import FileAnalysis, analyse_file, analyse_path
from blanko_desktop.core.intake.classify import KINDS, classify
from blanko_desktop.core.intake.crosscheck import cross_check
from blanko_desktop.core.intake.email_parse import Attachment, ParsedEmail, parse_email
from blanko_desktop.core.intake.findings import Finding
from blanko_desktop.core.intake.letter import LetterInfo, extract_counts, parse_letter
from blanko_desktop.core.intake.limits import MAX_ARCHIVE_BYTES, MAX_FILE_BYTES
from blanko_desktop.core.intake.nik import check_nik
from blanko_desktop.core.intake.participants import Participant, ParticipantList, parse_participant_list
from blanko_desktop.core.intake.pdfcheck import PdfInfo, check_pdf
from blanko_desktop.core.intake.sniff import detect_type, media_type, safe_filename, type_label

__all__ = [
    "KINDS",
    "MAX_ARCHIVE_BYTES",
    "MAX_FILE_BYTES",
    "Attachment",
    "FileAnalysis",
    "Finding",
    "LetterInfo",
    "ParsedEmail",
    "Participant",
    "ParticipantList",
    "PdfInfo",
    "analyse_file",
    "analyse_path",
    "check_nik",
    "check_pdf",
    "classify",
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
