"""Prove the current ranges from the ledger: replay every line in order and compare with `stock_range`."""

from __future__ import annotations

from bisect import bisect_right

from blanko_desktop.core.models import StockMovement, StockRange
from blanko_desktop.core.stock import places as P


class _Spans:
    """Where the serials of one prefix are, as sorted non-overlapping [first, last, place, request] pieces.

    `firsts` mirrors the pieces' first serials, so a line finds what it touches by bisection and replaces
    that contiguous run in one slice assignment: ~0.3 s for 20,000 lines, where rebuilding and sorting the
    list per line took 27 s.
    """

    def __init__(self):
        self.firsts: list[int] = []
        self.rows: list[list] = []

    def touching(self, first: int, last: int) -> tuple[int, int]:
        """The slice [i, j) of pieces holding any serial of first..last."""
        i = bisect_right(self.firsts, first) - 1
        if i < 0 or self.rows[i][1] < first:
            i += 1
        j = bisect_right(self.firsts, last)
        return i, max(i, j)

    def replace(self, i: int, j: int, new: list[list]) -> None:
        new.sort()
        self.rows[i:j] = new
        self.firsts[i:j] = [r[0] for r in new]


def replay() -> tuple[list[tuple], list[str]]:
    """Where every serial is according to the ledger alone: (prefix, first, last, place, request) ranges,
    and every line that moved serials that were not where it says they came from."""
    spans: dict[str, _Spans] = {}
    problems = []
    columns = (StockMovement.id, StockMovement.kind, StockMovement.prefix, StockMovement.first_no,
               StockMovement.last_no, StockMovement.quantity, StockMovement.from_place, StockMovement.to_place,
               StockMovement.request)
    for mid, kind, prefix, m_first, m_last, quantity, from_place, to_place, request_id in (
            StockMovement.select(*columns).order_by(StockMovement.id).tuples()):
        book = spans.setdefault(prefix, _Spans())
        i, j = book.touching(m_first, m_last)
        hit = book.rows[i:j]
        covered = 0
        for first, last, place, _request in hit:
            lo, hi = max(first, m_first), min(last, m_last)
            covered += hi - lo + 1
            if place != from_place:
                problems.append(f"catatan #{mid}: {prefix} {lo}-{hi} berada di '{place}', bukan di "
                                f"'{from_place}' seperti dicatat")
        if from_place != P.OUTSIDE and covered != quantity:
            problems.append(f"catatan #{mid}: sebagian {prefix} {m_first}-{m_last} tidak pernah diterima")
        if from_place == P.OUTSIDE and hit:
            problems.append(f"catatan #{mid}: {prefix} {m_first}-{m_last} diterima dua kali")
        new = []
        for first, last, place, request in hit:
            if first < m_first:
                new.append([first, m_first - 1, place, request])
            if last > m_last:
                new.append([m_last + 1, last, place, request])
            if to_place != P.OUTSIDE and from_place != P.OUTSIDE:
                # a return (and its reversal) keeps to whom the sheets were issued
                keep = kind == P.RETURN or (kind == P.REVERSAL and from_place == P.RETURNED)
                req = request if keep else (request_id if to_place == P.ISSUED else None)
                new.append([max(first, m_first), min(last, m_last), to_place, req])
        if from_place == P.OUTSIDE and to_place != P.OUTSIDE:
            new.append([m_first, m_last, to_place, None])
        book.replace(i, j, new)
    out = []
    for prefix in sorted(spans):
        for first, last, place, request in spans[prefix].rows:
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
    if current != from_ledger:
        first_difference = next((f"tersimpan {a}, menurut buku {b}" for a, b in zip(current, from_ledger)
                                 if a != b), "")
        problems.append(f"tabel stock_range berbeda dari buku stok: {len(current)} rentang tersimpan, "
                        f"{len(from_ledger)} menurut buku"
                        + (f" (pertama berbeda: {first_difference})" if first_difference
                           else ""))
    return problems
