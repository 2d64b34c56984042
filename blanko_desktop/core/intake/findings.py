"""The Finding record every check reports: what is wrong, in which document, sheet and row."""

import re
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


_ROW_PREFIX = re.compile(r"^Baris \d+: ")
_QUOTED = re.compile(r'"[^"]*"')
_DIGITS = re.compile(r"\d+")


def dotted(number: int) -> str:
    """A whole number with Indonesian thousands dots: 999990 -> '999.990'."""
    return f"{number:,}".replace(",", ".")


def finding_kind(finding: Finding) -> tuple[str, str]:
    """What a finding says regardless of where: the row, quoted values and figures left out.

    'Baris 12: NIK "123" bukan 16 digit (3 digit)' and 'Baris 40: NIK "98" bukan 16 digit (2 digit)' are one kind.
    """
    text = _ROW_PREFIX.sub("", finding.message)
    return finding.severity, _DIGITS.sub("0", _QUOTED.sub('""', text))


def summarise(findings: list[Finding], keep: int) -> list[Finding]:
    """At most `keep` findings of each kind, row by row; the rest of a kind as one line with their count.

    A list whose every row has the same problem says so in a few hundred lines, not a million: the officer
    and the LSP need the pattern and where it starts, and the checklist stays quick to build and to show.
    """
    counts: dict[tuple[str, str], int] = {}
    for f in findings:
        key = finding_kind(f)
        counts[key] = counts.get(key, 0) + 1
    if all(n <= keep for n in counts.values()):
        return findings
    shown: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], Finding] = {}
    sheets: dict[tuple[str, str], set[str | None]] = {}
    out: list[Finding] = []
    for f in findings:
        key = finding_kind(f)
        if shown.get(key, 0) < keep:
            shown[key] = shown.get(key, 0) + 1
            last[key] = f
            out.append(f)
        else:
            sheets.setdefault(key, set()).add(f.sheet)
    for key, n in counts.items():
        if n <= keep:
            continue
        example = last[key]
        where = f"baris {example.row}" if example.row else "di atas"
        problem = _ROW_PREFIX.sub("", example.message)
        sheet = next(iter(sheets[key])) if len(sheets[key]) == 1 else None
        out.append(Finding(example.document, sheet, None,
                           f"dan {dotted(n - keep)} baris lain dengan masalah yang sama seperti {where} ({problem})",
                           example.severity))
    return out
