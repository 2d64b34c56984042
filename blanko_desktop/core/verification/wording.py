"""How a checklist finding reads: where it is (file, sheet, row) said once, then what is wrong."""

from __future__ import annotations

import re
from typing import Protocol


class Located(Protocol):
    document: str
    sheet: str | None
    row: int | None
    message: str


_ROW_PREFIX = re.compile(r"^\s*baris\s+(\d+)\s*:\s*", re.I)


def message_only(finding: Located) -> str:
    """The message without the "Baris 17: " the list reader puts first (the location says the row)."""
    match = _ROW_PREFIX.match(finding.message)
    if match and finding.row and int(match.group(1)) == finding.row:
        return finding.message[match.end():]
    return finding.message


def names_row(finding: Located) -> bool:
    """Whether the message itself starts with its row ("Baris 17: ...")."""
    match = _ROW_PREFIX.match(finding.message)
    return bool(match and finding.row and int(match.group(1)) == finding.row)


def location(finding: Located, with_row: bool = True) -> str:
    """"Daftar Peserta.xlsx, lembar 'Peserta', baris 17" — as much of it as is known."""
    where = finding.document or "(permohonan)"
    if finding.sheet:
        where += f", lembar '{finding.sheet}'"
    if finding.row and with_row:
        where += f", baris {finding.row}"
    return where


def sentence(text: str) -> str:
    """First letter up, one full stop at the end."""
    text = text.strip().rstrip(".")
    return (text[:1].upper() + text[1:] + ".") if text else ""


def finding_line(finding: Located) -> str:
    """One line for a letter or a listing, the row said once: "Daftar.xlsx, lembar 'Peserta': Baris 17: NIK
    kosong." when the message names its row, else "Daftar.xlsx, lembar 'Peserta', baris 17: ..."."""
    return f"{location(finding, with_row=not names_row(finding))}: {sentence(finding.message)}"
