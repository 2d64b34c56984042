"""Duplicate rows of a participant list: counted once when the officer accepts them, named as the cause of the
count mismatches they bring while they are open."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from blanko_desktop.core.intake import FileAnalysis

# the list reader's words for the same NIK (and scheme) twice (core/intake/participants.check_duplicate); the
# other kind ("juga tercatat ... untuk skema lain") is two certificates, not a duplicate
_DUPLICATE = re.compile(r"\bNIK\s+\d+\s+ganda\b", re.I)

Row = tuple[str, str | None, int]  # (file name, sheet, row)


def is_duplicate(document: str, sheet: str | None, row: int | None, message: str, severity: str) -> bool:
    """Whether a finding reports a participant row that repeats an earlier one (one certificate, not two)."""
    return severity == "error" and bool(row) and bool(_DUPLICATE.search(message))


def without_rows(files: Sequence[FileAnalysis], rows: Iterable[Row]) -> list[FileAnalysis]:
    """The analyses with the given participant rows left out of their list's rows and counts.

    Counts are lowered by what each left-out row counted (rather than recounted from scratch), so whatever
    the reader counted otherwise stays as it was. A list without readable rows is left as it is.
    """
    wanted: dict[str, set[tuple[str | None, int]]] = {}
    for document, sheet, row in rows:
        wanted.setdefault(document, set()).add((sheet, row))
    if not wanted:
        return list(files)
    out = []
    for analysis in files:
        rows_here = wanted.get(analysis.filename)
        roster = analysis.participants
        if not rows_here or roster is None or analysis.kind != "list" or not analysis.counts:
            out.append(analysis)
            continue
        kept, dropped = [], []
        for p in roster.participants:
            (dropped if (p.sheet, p.row) in rows_here or (None, p.row) in rows_here else kept).append(p)
        if not dropped:
            out.append(analysis)
            continue
        counts = copy.deepcopy(analysis.counts)
        for p in dropped:
            counts["competent" if p.verdict == "K" else "not_yet"] -= 1
            counts["participants"] = counts.get("participants", 0) - 1
            scheme = counts.get("per_scheme", {}).get(p.scheme_code or p.scheme_name)
            if scheme is not None:
                scheme[p.verdict] -= 1
            funding = counts.get("per_funding", {}).get(p.funding) if p.funding else None
            if funding is not None:
                funding[p.verdict] -= 1
        out.append(replace(analysis, counts=counts, participants=replace(roster, participants=kept)))
    return out


def cause_text(rows: Sequence[Row]) -> str:
    """What an explained mismatch is blamed on: 'baris 27 (NIK ganda)' or 'baris 27 dan 31 (NIK ganda)'."""
    numbers = sorted({row for _doc, _sheet, row in rows})
    if len(numbers) == 1:
        return f"baris {numbers[0]} (NIK ganda)"
    return "baris " + ", ".join(str(n) for n in numbers[:-1]) + f" dan {numbers[-1]} (NIK ganda)"
