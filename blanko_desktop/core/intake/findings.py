"""The Finding record every check reports: what is wrong, in which document, sheet and row."""

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found in a document; message is Indonesian, written for the LSP."""

    document: str
    sheet: str | None
    row: int | None
    message: str
    severity: Severity = "error"
