"""The serial-number ledger's operations: receive, issue, spoil, return damaged, reverse, count and settle.

Every operation appends ledger lines (`StockMovement`, append-only) and moves the same ranges in
`StockRange` (where each serial is now) inside one write transaction, audited; a refusal is raised before
anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from blanko_desktop.core.errors import NotFoundError, RuleError
from blanko_desktop.core.models import StockCount, StockMovement, StockRange, utcnow
from blanko_desktop.core.replay import movement_snapshot
from blanko_desktop.core.stock import places as P
from blanko_desktop.core.stock.queries import StockQueries
from blanko_desktop.core.stock.serials import (
    SETTING_KEY,
    SerialFormat,
    SerialRange,
    check_disjoint,
    merge,
    subtract,
    total,
)
from blanko_desktop.core.workflow import State

_KEEP = object()  # relocate: keep each piece's request and LSP (a return keeps whom it was issued to)

RangesIn = str | SerialRange | Iterable[str | SerialRange]


class StockLedger(StockQueries):
    """The stock register of one open database, over the shared `Services` (transaction, audit, settings)."""

    def __init__(self, services):
        self.services = services

    # -- the serial format ------------------------------------------------------------------------------

    def serial_format(self) -> SerialFormat:
        return SerialFormat.from_setting(self.services.setting(SETTING_KEY))

    def set_serial_format(self, prefix: str, digits: int, expected_version: int | None = None) -> SerialFormat:
        """A new format for every workstation, refused when the serials on record would no longer read
        (core/shared_settings.py says why)."""
        from blanko_desktop.core import shared_settings

        fmt = SerialFormat.checked(prefix, digits)
        shared_settings.change(self.services, SETTING_KEY, fmt.to_setting(), expected_version)
        return fmt

    def _same_format(self, fmt: SerialFormat) -> None:
        """Inside a write that brings serials onto the books: refused if the format they were read in was
        changed meanwhile (a colleague's change committed between the typing and this write), as they would be
        stored in a prefix or width the format no longer reads."""
        now = self.serial_format()
        if now != fmt:
            raise RuleError(f"Format nomor seri baru saja diubah menjadi {now.text(1)} (sebelumnya {fmt.text(1)}); "
                            "tidak ada yang dicatat. Periksa nomor serinya lalu ulangi.")

    def parse_ranges(self, value: RangesIn) -> list[SerialRange]:
        """Ranges from typed text (one per line), scanned pairs, or SerialRange values; no overlaps."""
        fmt = self.serial_format()
        if isinstance(value, SerialRange):
            ranges = [value]
        elif isinstance(value, str):
            ranges = fmt.parse_ranges(value)
        else:
            ranges = [v if isinstance(v, SerialRange) else fmt.parse_range(v) for v in value]
        for r in ranges:
            if r.last < r.first:
                raise RuleError(f"Rentang terbalik: {fmt.text(r.first, r.prefix)} – {fmt.text(r.last, r.prefix)}; "
                                "nomor awal harus lebih kecil dari nomor akhir.")
            if r.first < 1:
                raise RuleError(f"Nomor seri {fmt.text(r.first, r.prefix)} tidak valid: nomor dimulai dari 1.")
        if not ranges:
            raise RuleError("Tidak ada rentang nomor seri yang diisi.")
        check_disjoint(ranges, fmt)
        return sorted(ranges)

    # -- operations -------------------------------------------------------------------------------------

    def receive(self, ranges: RangesIn, doc_number: str, doc_date: date, note: str = "") -> list[int]:
        """Blanks delivered by the printer, with the delivery document's number and date; line ids."""
        fmt, parsed = self.serial_format(), self.parse_ranges(ranges)
        if not doc_number.strip():
            raise RuleError("Nomor dokumen pengiriman dari percetakan wajib diisi.")
        # the office's date: just after midnight in Jakarta it is still yesterday in UTC
        if doc_date is None or doc_date > utcnow().astimezone(self._zone()).date():
            raise RuleError("Tanggal dokumen pengiriman wajib diisi dan tidak boleh di masa depan.")

        def op():
            self._same_format(fmt)
            problems = []
            for r in parsed:
                for row in _overlapping(r.prefix, r.first, r.last):
                    part = SerialRange(r.prefix, max(r.first, row.first_no), min(r.last, row.last_no))
                    problems.append(f"{part.text(fmt)} ({_where_text(row)})")
            if problems:
                raise RuleError("Penerimaan ditolak: nomor seri sudah tercatat — " + "; ".join(problems) + ".")
            ids = []
            for r in parsed:
                StockRange.create(prefix=r.prefix, first_no=r.first, last_no=r.last, place=P.AVAILABLE)
                _coalesce(r.prefix, r.first - 1, r.last + 1)
                ids.append(self._line(P.RECEIVE, r, P.OUTSIDE, P.AVAILABLE, note=note,
                                      doc_number=doc_number.strip(), doc_date=doc_date).id)
            self._audit("stock.receive", "stock", ids[0], None, {
                "ranges": [r.text(fmt) for r in parsed], "quantity": total(parsed),
                "doc_number": doc_number.strip(), "doc_date": doc_date.isoformat(), "note": note, "lines": ids})
            return ids

        return self.services._write(op)

    def suggest(self, quantity: int, prefix: str | None = None) -> list[SerialRange]:
        """The ranges to issue `quantity` blanks: one range if any available range holds them all (the lowest
        such), else the lowest available serials; refused when the stock is short."""
        if quantity < 1:
            raise RuleError(f"Jumlah blanko harus lebih dari nol (diminta {quantity}).")
        prefix = prefix or self.serial_format().prefix
        available = [SerialRange(prefix, f, last) for f, last in
                     StockRange.select(StockRange.first_no, StockRange.last_no)
                     .where((StockRange.place == P.AVAILABLE) & (StockRange.prefix == prefix))
                     .order_by(StockRange.first_no).tuples()]
        for r in available:
            if r.count >= quantity:
                return [SerialRange(prefix, r.first, r.first + quantity - 1)]
        have = total(available)
        if have < quantity:
            raise RuleError(f"Stok blanko tidak cukup: diperlukan {quantity} lembar, tersedia {have} lembar.")
        out, need = [], quantity
        for r in available:
            take = min(need, r.count)
            out.append(SerialRange(prefix, r.first, r.first + take - 1))
            need -= take
            if not need:
                break
        return out

    def issue(self, request_id: int, ranges: RangesIn | None = None, note: str = "") -> list[SerialRange]:
        """Issue exactly the approved number of blanks to an approved request: the ranges given (typed or
        scanned first and last sheet of each bundle) or, without them, the suggestion — decided inside the
        write lock, so two officers issuing at once never get the same serial."""
        fmt = self.serial_format()
        given = None if ranges is None else self.parse_ranges(ranges)

        def op():
            req = self.services.request(request_id)
            if req.state != State.APPROVED:
                raise RuleError(f"Permohonan #{req.id} belum disetujui (status '{_state_label(req.state)}'); "
                                "blanko hanya dikeluarkan untuk permohonan yang disetujui.")
            if not req.approved_qty:
                raise RuleError(f"Permohonan #{req.id} tidak memiliki jumlah blanko yang disetujui.")
            already = _open_lines(ISSUE_Q(req.id))
            if already:
                raise RuleError(f"Blanko untuk permohonan #{req.id} sudah dikeluarkan: "
                                + ", ".join(_line_range(m).text(fmt) for m in already)
                                + ". Batalkan pengeluaran itu dulu bila ingin menggantinya.")
            chosen = given if given is not None else self.suggest(req.approved_qty)
            if total(chosen) != req.approved_qty:
                raise RuleError(f"Permohonan #{req.id} disetujui {req.approved_qty} lembar, tetapi rentang yang "
                                f"diisi berjumlah {total(chosen)} lembar ("
                                + ", ".join(r.text(fmt) for r in chosen) + ").")
            replaced: list[SerialRange] = []
            if req.kind == "replacement":
                replaced = merge(_line_range(m) for m in _open_lines(RETURN_Q(req.id)))
                if total(replaced) != req.approved_qty:
                    raise RuleError(f"Permohonan penggantian #{req.id}: jumlah disetujui {req.approved_qty} "
                                    f"lembar harus sama dengan blanko rusak yang dikembalikan LSP "
                                    f"({total(replaced)} lembar).")
            for r in chosen:
                self._require(r, P.AVAILABLE, "Pengeluaran")
            ids = []
            for r, piece, old in _pair_with_replaced(chosen, replaced):
                ids.append(self._line(P.ISSUE, piece, P.AVAILABLE, P.ISSUED, request=req.id, lsp=req.lsp_id,
                                      note=note, replaces=old).id)
            for r in chosen:
                _relocate(r, P.ISSUED, req.id, req.lsp_id)
            self._audit("stock.issue", "request", req.id, None, {
                "ranges": [r.text(fmt) for r in chosen], "quantity": total(chosen), "lines": ids,
                **({"replaces": [r.text(fmt) for r in replaced]} if replaced else {}), "note": note})
            return chosen

        return self.services._write(op)

    def spoil(self, ranges: RangesIn, reason: str) -> list[int]:
        """Sheets spoiled in the office (printing test, damage): never issued again."""
        return self._simple_move(ranges, reason, P.SPOIL, P.AVAILABLE, P.SPOILED, "Pencatatan rusak",
                                 "stock.spoil")

    def return_damaged(self, request_id: int, ranges: RangesIn, reason: str) -> list[int]:
        """Damaged sheets an LSP sends back with its replacement request; they are never issued again, and
        the replacement request is then approved and issued for exactly as many."""
        fmt, parsed = self.serial_format(), self.parse_ranges(ranges)
        if not reason.strip():
            raise RuleError("Pengembalian blanko rusak wajib disertai keterangan (berita acara kerusakan).")

        def op():
            req = self.services.request(request_id)
            if req.kind != "replacement":
                raise RuleError(f"Permohonan #{req.id} bukan permohonan penggantian blanko rusak; blanko rusak "
                                "dari LSP dicatat pada permohonan penggantiannya.")
            if req.state in (State.CLOSED, State.CANCELLED) or _open_lines(ISSUE_Q(req.id)):
                raise RuleError(f"Permohonan penggantian #{req.id} sudah diproses (blanko pengganti sudah "
                                "dikeluarkan atau permohonan selesai/batal); pengembalian tidak dapat ditambah.")
            for r in parsed:
                self._require(r, P.ISSUED, "Pengembalian", lsp=req.lsp_id)
            ids = [self._line(P.RETURN, r, P.ISSUED, P.RETURNED, request=req.id, lsp=req.lsp_id,
                              note=reason.strip()).id for r in parsed]
            for r in parsed:
                _relocate(r, P.RETURNED, _KEEP, _KEEP)
            self._audit("stock.return_damaged", "request", req.id, None, {
                "ranges": [r.text(fmt) for r in parsed], "quantity": total(parsed), "reason": reason.strip(),
                "lines": ids})
            return ids

        return self.services._write(op)

    def reverse(self, line_id: int, reason: str) -> int:
        """Cancel one ledger line with a reversing line (never an edit or a deletion); the reversing id."""
        return self.services._write(lambda: self._reverse(line_id, reason, "stock.reverse"))[0]

    def cancel_issue(self, request_id: int, reason: str) -> list[int]:
        """Take back everything issued to a request: one reversing line per issue line."""
        def op():
            req = self.services.request(request_id)
            lines = _open_lines(ISSUE_Q(req.id))
            if not lines:
                raise RuleError(f"Tidak ada blanko yang sedang dikeluarkan untuk permohonan #{req.id}.")
            ids = []
            for line in lines:
                ids += self._reverse(line.id, reason, None)
            self._audit("stock.cancel_issue", "request", req.id, None,
                        {"reverses": [m.id for m in lines], "lines": ids, "reason": reason.strip()})
            return ids

        return self.services._write(op)

    # -- stock count ------------------------------------------------------------------------------------

    def count(self, counted_total: int | None = None, counted_ranges: RangesIn | None = None,
              note: str = "") -> int:
        """Record a stock opname: the total counted, or the ranges found; the id of the count."""
        fmt = self.serial_format()
        found = None if counted_ranges is None else self.parse_ranges(counted_ranges)
        if found is None and (counted_total is None or counted_total < 0):
            raise RuleError("Isi jumlah lembar yang dihitung atau rentang nomor seri yang ditemukan.")
        if found is not None and counted_total is not None and counted_total != total(found):
            raise RuleError(f"Jumlah dihitung {counted_total} lembar tidak sama dengan jumlah rentang yang "
                            f"ditemukan ({total(found)} lembar).")

        def op():
            if found is not None:
                self._same_format(fmt)  # a surplus among them enters the stock when the count is settled
            book = self.available_ranges()
            missing = surplus = None
            counted = counted_total
            if found is not None:
                counted = total(found)
                missing = [[r.prefix, r.first, r.last] for r in subtract(book, found)]
                surplus = [[r.prefix, r.first, r.last] for r in subtract(found, book)]
            row = StockCount.create(counted=counted, book_balance=total(book), explanation=note.strip(),
                                    by=self.services.actor.label,
                                    counted_ranges=None if found is None else
                                    [[r.prefix, r.first, r.last] for r in found],
                                    missing=missing, surplus=surplus)
            self._audit("stock.count", "stock_count", row.id, None, {
                "book": total(book), "counted": counted, "note": note.strip(),
                "missing": [SerialRange(*m).text(fmt) for m in missing or []],
                "surplus": [SerialRange(*s).text(fmt) for s in surplus or []]})
            return row.id

        return self.services._write(op)

    def settle_count(self, count_id: int, explanation: str) -> list[int]:
        """Settle a count's difference with explained adjustment lines (missing sheets leave the stock,
        sheets found come back into it); never by overwriting the books. The adjustment line ids."""
        fmt = self.serial_format()
        if len(explanation.strip()) < 10:
            raise RuleError("Selisih stock opname hanya dapat diselesaikan dengan penjelasan (minimal 10 huruf): "
                            "apa yang terjadi dengan lembar yang selisih.")

        def op():
            row = StockCount.get_or_none(StockCount.id == count_id)
            if row is None:
                raise NotFoundError(f"Stock opname #{count_id} tidak ditemukan.")
            if row.settled_at is not None:
                raise RuleError(f"Stock opname #{count_id} sudah diselesaikan oleh {row.settled_by}.")
            if row.counted_ranges is None and row.counted != row.book_balance:
                raise RuleError(f"Stock opname #{count_id} hanya berisi jumlah ({row.counted} dihitung, "
                                f"{row.book_balance} di buku): isi rentang nomor seri yang ditemukan agar "
                                "selisihnya dapat dicatat per nomor seri.")
            ids = []
            for prefix, first, last in row.missing or []:
                r = SerialRange(prefix, first, last)
                self._require(r, P.AVAILABLE, "Penyesuaian stock opname")
                ids.append(self._line(P.ADJUST, r, P.AVAILABLE, P.MISSING, note=explanation.strip(),
                                      count=row.id).id)
                _relocate(r, P.MISSING, None, None)
            for prefix, first, last in row.surplus or []:
                r = SerialRange(prefix, first, last)
                pieces = _overlapping(prefix, first, last)
                wrong = [p for p in pieces if p.place != P.MISSING]
                if wrong:
                    raise RuleError("Lembar yang ditemukan tercatat di tempat lain: " + "; ".join(
                        f"{SerialRange(prefix, max(first, p.first_no), min(last, p.last_no)).text(fmt)} "
                        f"({_where_text(p)})" for p in wrong) + ". Periksa dan batalkan catatan itu dulu.")
                for p in pieces:  # serials written off earlier come back
                    part = SerialRange(prefix, max(first, p.first_no), min(last, p.last_no))
                    ids.append(self._line(P.ADJUST, part, P.MISSING, P.AVAILABLE, note=explanation.strip(),
                                          count=row.id).id)
                    _relocate(part, P.AVAILABLE, None, None)
                for gap in subtract([r], [SerialRange(prefix, p.first_no, p.last_no) for p in pieces]):
                    # sheets never received: they enter the stock, explained, like a receipt
                    ids.append(self._line(P.ADJUST, gap, P.OUTSIDE, P.AVAILABLE, note=explanation.strip(),
                                          count=row.id).id)
                    StockRange.create(prefix=prefix, first_no=gap.first, last_no=gap.last, place=P.AVAILABLE)
                    _coalesce(prefix, gap.first - 1, gap.last + 1)
            StockCount.update(explanation=explanation.strip(), settled_at=utcnow(),
                              settled_by=self.services.actor.label).where(StockCount.id == row.id).execute()
            self._audit("stock.count_settled", "stock_count", row.id, None,
                        {"explanation": explanation.strip(), "lines": ids})
            return ids

        return self.services._write(op)

    def verify(self) -> list[str]:
        """Problems found replaying the ledger against the current ranges (empty: the books agree)."""
        from blanko_desktop.core.stock.verify import verify

        return verify()

    def count_report(self, count_id: int) -> bytes:
        """The berita acara stock opname of a count, as PDF bytes (signed by the first active signatory)."""
        from blanko_desktop.core.calendar import OfficeHours
        from blanko_desktop.core.models import Signatory
        from blanko_desktop.core.stock.report import render_count_report

        result = self.count_result(count_id)
        row = StockCount.get_by_id(count_id)
        sig = Signatory.select().where(Signatory.active == True).order_by(Signatory.id).first()  # noqa: E712
        zone = OfficeHours.from_dict(self.services.setting("office_hours")).tz
        return render_count_report(result, self.serial_format(), zone, row.by,
                                   (sig.name, sig.nip, sig.title) if sig else ("", "", ""))

    # -- the plumbing -----------------------------------------------------------------------------------

    def _audit(self, action: str, entity: str, entity_id: Any, before: Any, after: Any) -> None:
        self.services._audit(action, entity, entity_id, before, after)

    def _line(self, kind: str, r: SerialRange, from_place: str, to_place: str, *, request: int | None = None,
              lsp: int | None = None, note: str = "", doc_number: str = "", doc_date: date | None = None,
              reverses: int | None = None, replaces: SerialRange | None = None,
              count: int | None = None) -> StockMovement:
        row = StockMovement.create(
            kind=kind, prefix=r.prefix, first_no=r.first, last_no=r.last, quantity=r.count,
            from_place=from_place, to_place=to_place, request=request, lsp=lsp, note=note,
            doc_number=doc_number, doc_date=doc_date, reverses=reverses, by=self.services.actor.label,
            replaces_prefix=replaces.prefix if replaces else None,
            replaces_first_no=replaces.first if replaces else None, count=count)
        # each line has its own entry, so that `check` can replay the ledger line by line (core/replay.py)
        self._audit("stock.line", "stock_movement", row.id, None, movement_snapshot(row))
        return row

    def _require(self, r: SerialRange, place: str, action: str, request: int | None = None,
                 lsp: int | None = None) -> None:
        """Refuse unless every serial of `r` is in `place` (for that request/LSP), naming those that are not."""
        fmt = self.serial_format()
        rows = _overlapping(r.prefix, r.first, r.last)
        problems, pos = [], r.first
        for row in rows:
            lo, hi = max(r.first, row.first_no), min(r.last, row.last_no)
            if lo > pos:
                problems.append(f"{SerialRange(r.prefix, pos, lo - 1).text(fmt)} ({P.place_label(P.OUTSIDE)})")
            wrong = row.place != place
            if not wrong and request is not None and row.request_id != request:
                wrong = True
            if not wrong and lsp is not None and row.lsp_id != lsp:
                wrong = True
            if wrong:
                problems.append(f"{SerialRange(r.prefix, lo, hi).text(fmt)} ({_where_text(row)})")
            pos = hi + 1
        if pos <= r.last:
            problems.append(f"{SerialRange(r.prefix, pos, r.last).text(fmt)} ({P.place_label(P.OUTSIDE)})")
        if problems:
            wanted = P.place_label(place) + (" ke LSP pemohon" if lsp is not None else "")
            raise RuleError(f"{action} {r.text(fmt)} ditolak: tidak semua lembar {wanted} — "
                            + "; ".join(problems) + ".")

    def _simple_move(self, ranges: RangesIn, reason: str, kind: str, src: str, dst: str, action: str,
                     audit_action: str) -> list[int]:
        fmt, parsed = self.serial_format(), self.parse_ranges(ranges)
        if not reason.strip():
            raise RuleError(f"{action} wajib disertai alasan.")

        def op():
            for r in parsed:
                self._require(r, src, action)
            ids = [self._line(kind, r, src, dst, note=reason.strip()).id for r in parsed]
            for r in parsed:
                _relocate(r, dst, None, None)
            self._audit(audit_action, "stock", ids[0], None, {
                "ranges": [r.text(fmt) for r in parsed], "quantity": total(parsed), "reason": reason.strip(),
                "lines": ids})
            return ids

        return self.services._write(op)

    def _reverse(self, line_id: int, reason: str, audit_action: str | None) -> list[int]:
        fmt = self.serial_format()
        if not reason.strip():
            raise RuleError("Pembatalan catatan stok wajib disertai alasan.")
        line = StockMovement.get_or_none(StockMovement.id == line_id)
        if line is None:
            raise NotFoundError(f"Catatan stok #{line_id} tidak ditemukan.")
        r = _line_range(line)
        if line.kind == P.REVERSAL:
            raise RuleError(f"Catatan #{line.id} ({r.text(fmt)}) sendiri adalah pembatalan; pembatalan tidak dapat "
                            "dibatalkan lagi — catat gerakan baru.")
        done = StockMovement.get_or_none(StockMovement.reverses == line.id)
        if done is not None:
            raise RuleError(f"Catatan #{line.id} ({r.text(fmt)}) sudah dibatalkan oleh catatan #{done.id}.")
        if line.kind == P.RETURN and _open_lines(ISSUE_Q(line.request_id)):
            raise RuleError(f"Blanko pengganti untuk permohonan #{line.request_id} sudah dikeluarkan; batalkan "
                            f"pengeluaran itu dulu sebelum membatalkan pengembalian {r.text(fmt)}.")
        request = line.request_id if line.kind == P.ISSUE else None
        if line.to_place:
            self._require(r, line.to_place, "Pembatalan", request=request)
        rid = self._line(P.REVERSAL, r, line.to_place, line.from_place, request=line.request_id,
                         lsp=line.lsp_id, note=reason.strip(), reverses=line.id, count=line.count_id).id
        if line.from_place == P.OUTSIDE:
            _relocate(r, None, None, None)
        elif line.to_place == P.OUTSIDE:
            StockRange.create(prefix=r.prefix, first_no=r.first, last_no=r.last, place=line.from_place)
            _coalesce(r.prefix, r.first - 1, r.last + 1)
        elif line.kind == P.RETURN:
            _relocate(r, line.from_place, _KEEP, _KEEP)
        else:
            _relocate(r, line.from_place, None, None)
        if audit_action:
            self._audit(audit_action, "stock", line.id, None,
                        {"reverses": line.id, "kind": line.kind, "range": r.text(fmt), "line": rid,
                         "reason": reason.strip(), "request": line.request_id})
        return [rid]


# -- module helpers (inside a write transaction) -------------------------------------------------------

def ISSUE_Q(request_id):  # noqa: N802 - reads like the query it is
    return (StockMovement.kind == P.ISSUE) & (StockMovement.request == request_id)


def RETURN_Q(request_id):  # noqa: N802
    return (StockMovement.kind == P.RETURN) & (StockMovement.request == request_id)


def _open_lines(where) -> list[StockMovement]:
    """The lines matching `where` that no reversal has cancelled."""
    lines = list(StockMovement.select().where(where).order_by(StockMovement.first_no, StockMovement.id))
    if not lines:
        return []
    reversed_ids = {m.reverses_id for m in StockMovement.select(StockMovement.reverses)
                    .where(StockMovement.reverses.in_([m.id for m in lines]))}
    return [m for m in lines if m.id not in reversed_ids]


def _line_range(m: StockMovement) -> SerialRange:
    return SerialRange(m.prefix, m.first_no, m.last_no)


def _state_label(state: str) -> str:
    from blanko_desktop.core.workflow import label
    return label(state)


def _where_text(row: StockRange) -> str:
    text = P.place_label(row.place)
    if row.request_id is not None:
        text += f" untuk permohonan #{row.request_id}"
    return text


# The rows holding any serial of first..last: the last row starting before `first` (if it reaches it) and those
# starting within; one statement of two index probes on (prefix, first_no). Written once: every issue, return
# and reversal asks it three times (check, move, join), and peewee built its two selects anew each time.
_OVERLAPPING = ("SELECT * FROM (SELECT * FROM stock_range WHERE prefix = {p} AND first_no < {p} "
                "ORDER BY first_no DESC LIMIT 1) AS head WHERE last_no >= {p} "
                "UNION ALL SELECT * FROM stock_range WHERE prefix = {p} AND first_no BETWEEN {p} AND {p} "
                "ORDER BY first_no")


def _overlapping(prefix: str, first: int, last: int) -> list[StockRange]:
    """The rows of `stock_range` that hold any serial of first..last, in serial order."""
    # raw SQL goes to the server untranslated: it carries the engine's own placeholder
    sql = _OVERLAPPING.format(p=StockRange._meta.database.param)
    return list(StockRange.raw(sql, prefix, first, first, prefix, first, last))


def _relocate(r: SerialRange, place: str | None, request, lsp) -> None:
    """Move serials `r` (checked by `_require`) to `place` (None: out of the register), keeping the rest of
    each row they share where it was; then join touching rows of the same place."""
    rows = _overlapping(r.prefix, r.first, r.last)
    if rows:
        StockRange.delete().where(StockRange.id.in_([row.id for row in rows])).execute()
    new = []
    for row in rows:
        keep = {"place": row.place, "request": row.request_id, "lsp": row.lsp_id}
        if row.first_no < r.first:
            new.append({"prefix": r.prefix, "first_no": row.first_no, "last_no": r.first - 1, **keep})
        if row.last_no > r.last:
            new.append({"prefix": r.prefix, "first_no": r.last + 1, "last_no": row.last_no, **keep})
        if place is not None:
            new.append({"prefix": r.prefix, "first_no": max(r.first, row.first_no),
                        "last_no": min(r.last, row.last_no), "place": place,
                        "request": row.request_id if request is _KEEP else request,
                        "lsp": row.lsp_id if lsp is _KEEP else lsp})
    if new:
        StockRange.insert_many(new).execute()
    _coalesce(r.prefix, r.first - 1, r.last + 1)


def _coalesce(prefix: str, lo: int, hi: int) -> None:
    """Join neighbouring rows around lo..hi that are in the same place for the same request."""
    rows = _overlapping(prefix, max(lo, 1), hi)
    merged: list[StockRange] = []
    for row in rows:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.last_no + 1 == row.first_no and prev.place == row.place
                and prev.request_id == row.request_id and prev.lsp_id == row.lsp_id):
            StockRange.delete().where(StockRange.id == row.id).execute()
            StockRange.update(last_no=row.last_no).where(StockRange.id == prev.id).execute()
            prev.last_no = row.last_no
        else:
            merged.append(row)


def _pair_with_replaced(chosen: list[SerialRange], replaced: list[SerialRange]):
    """Each issued range cut where it meets a new replaced range: (range, piece, replaced piece or None),
    serial i of the issue replacing serial i of the returned ones."""
    if not replaced:
        for r in chosen:
            yield r, r, None
        return
    old = [list((x.prefix, x.first, x.last)) for x in replaced]
    k = 0
    for r in chosen:
        pos = r.first
        while pos <= r.last:
            prefix, ofirst, olast = old[k]
            take = min(r.last - pos + 1, olast - ofirst + 1)
            yield r, SerialRange(r.prefix, pos, pos + take - 1), SerialRange(prefix, ofirst, ofirst + take - 1)
            pos += take
            old[k][1] += take
            if old[k][1] > olast:
                k += 1
