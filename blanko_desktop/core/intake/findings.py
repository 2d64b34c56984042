"""The Finding record every check reports: what is wrong, in which document, sheet and row."""

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


def is_failure(error: BaseException) -> bool:
    """True for errors a damaged file can cause: any Exception, and a Rust panic inside calamine.

    pyo3 raises a Rust panic as PanicException, which derives from BaseException so that `except Exception`
    misses it; KeyboardInterrupt and SystemExit still pass through.
    """
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


@dataclass(frozen=True)
class Finding:
    """One problem found in a document; message is Indonesian, written for the LSP."""

    document: str
    sheet: str | None
    row: int | None
    message: str
    severity: Severity = "error"
