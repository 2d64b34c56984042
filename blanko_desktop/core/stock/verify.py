"""Prove the current ranges from the ledger: replay every line in order and compare with `stock_range`."""

from __future__ import annotations

from bisect import bisect_right

from blanko_desktop.core.models import StockMovement, StockRange
from blanko_desktop.core.stock import places as P


def replay() -> tuple[list[tuple], list[str]]:
    """Where every serial is according to the ledger alone: (prefix, first, last, place, request) ranges,
    and every line that moved serials that were not where it says they came from."""
    spans: dict[str, list[list]] = {}  # prefix -> sorted [first, last, place, request]
    problems = []
    for m in StockMovement.select().order_by(StockMovement.id):
        rows = spans.setdefault(m.prefix, [])
        firsts = [r[0] for r in rows]
        i = max(bisect_right(firsts, m.first_no) - 1, 0)
        covered, hit = 0, []
        while i < len(rows) and rows[i][0] <= m.last_no:
            if rows[i][1] >= m.first_no:
                hit.append(i)
            i += 1
        for j in hit:
            lo, hi = max(rows[j][0], m.first_no), min(rows[j][1], m.last_no)
            covered += hi - lo + 1
            if rows[j][2] != m.from_place:
                problems.append(f"line {m.id}: {m.prefix} {lo}-{hi} was {rows[j][2]}, not {m.from_place!r}")
        if m.from_place != P.OUTSIDE and covered != m.quantity:
            problems.append(f"line {m.id}: part of {m.prefix} {m.first_no}-{m.last_no} was never received")
        if m.from_place == P.OUTSIDE and hit:
            problems.append(f"line {m.id}: {m.prefix} {m.first_no}-{m.last_no} received twice")
        new = []
        for j in hit:
            first, last, place, request = rows[j]
            if first < m.first_no:
                new.append([first, m.first_no - 1, place, request])
            if last > m.last_no:
                new.append([m.last_no + 1, last, place, request])
            if m.to_place != P.OUTSIDE:
                keep = m.kind == P.RETURN or (m.kind == P.REVERSAL and m.from_place == P.RETURNED)
                req = request if keep else (m.request_id if m.to_place == P.ISSUED else None)
                new.append([max(first, m.first_no), min(last, m.last_no), m.to_place, req])
        if m.from_place == P.OUTSIDE and m.to_place != P.OUTSIDE:
            new.append([m.first_no, m.last_no, m.to_place, None])
        for j in reversed(hit):
            del rows[j]
        rows.extend(new)
        rows.sort()
    out = []
    for prefix, rows in spans.items():
        for first, last, place, request in rows:
            if out and out[-1][0] == prefix and out[-1][2] + 1 == first and out[-1][3:] == (place, request):
                out[-1] = (prefix, out[-1][1], last, place, request)
            else:
                out.append((prefix, first, last, place, request))
    return out, problems


def verify() -> list[str]:
    """Problems found: lines that contradict one another, or current ranges the ledger does not explain."""
    from_ledger, problems = replay()
    current = [tuple(r) for r in StockRange.select(StockRange.prefix, StockRange.first_no, StockRange.last_no,
                                                    StockRange.place, StockRange.request)
               .order_by(StockRange.prefix, StockRange.first_no).tuples()]
    if current != sorted(from_ledger):
        problems.append(f"stock_range differs from the ledger: {len(current)} ranges held, "
                        f"{len(from_ledger)} by replay")
    return problems
