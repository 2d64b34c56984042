"""The requests table: filtered, paged SQL for a lazy view of up to 100,000 requests."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from blanko_desktop.core.models import utcnow
from blanko_desktop.core.services.base import ServiceBase


#: The orders of the requests table: newest arrival first, or the officer's queue (running clocks by due
#: time, most urgent first; then the requests whose clock stopped, newest first).
ORDER_RECEIVED, ORDER_DUE = "received", "due"


@dataclass
class RequestFilter:
    """What the requests table shows, and in which order."""

    text: str = ""
    lsp_id: int | None = None
    states: tuple[str, ...] = ()
    overdue: bool = False
    order: str = ORDER_RECEIVED


@dataclass
class RequestRow:
    id: int
    lsp: str
    received_at: datetime
    state: str
    due_at: datetime | None
    clock_running: bool
    requested_qty: int | None
    kind: str
    letter_number: str
    sender: str
    waiting_since: datetime | None = None  # when it began waiting on the LSP (state 'waiting_lsp' only)


# LIKE's wildcards: what lies between them must appear literally in a match.
_WILDCARDS = re.compile(r"[%_]")


def search_query(text: str) -> str | None:
    """The FTS5 query whose matches include every row with a column LIKE '%text%': all the trigrams of the
    text's literal runs. None when the index cannot narrow it (no run of 3 characters, its shortest token)."""
    trigrams = dict.fromkeys(run[i:i + 3] for run in _WILDCARDS.split(text) for i in range(len(run) - 2))
    if not trigrams:
        return None
    return " AND ".join('"%s"' % t.replace('"', '""') for t in trigrams)


@dataclass(frozen=True)
class _Plan:
    """How one filter is answered: narrowed by the search index and the overdue index, then sorted (few
    matches), or by walking the received-time index until a page is full (matches everywhere)."""

    fts_query: str | None
    walk: bool


def _stamp(moment: datetime) -> str:
    """A time as stored (UTC, microseconds), so SQL compares it as text."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


class RequestTableService(ServiceBase):
    """Pages and counts of the requests table, straight in SQL."""

    PAGE_HINT = 200  # the view's page: what the walk must fill

    @property
    def _server(self) -> bool:
        return self.storage.engine == "postgresql"

    def _has_search_index(self) -> bool:
        # absent when this SQLite had no FTS5 trigram tokenizer at migration (see migrations.m0008); the
        # server has none to ask: its trigram indexes serve ILIKE by themselves
        if self._server:
            return False
        return self.storage.db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'request_search'").fetchone() is not None

    def _plan(self, flt: RequestFilter, now: str) -> _Plan:
        """Sorting m matches costs about m; walking the date index to fill a page of p costs about p * n / m
        rows: walk when m * m > p * n. Each narrowing is counted only up to that bound, so deciding is cheap."""
        if self._server:
            # the server's planner weighs index walks against sorts from its statistics: no hints to choose
            return _Plan(None, walk=True)
        text = flt.text.strip()
        fts = search_query(text) if text and self._has_search_index() else None
        if fts is None and not flt.overdue:
            return _Plan(None, walk=not text)
        execute = self.storage.db.execute_sql
        total = execute("SELECT COALESCE(MAX(id), 0) FROM request").fetchone()[0]
        bound = math.isqrt(self.PAGE_HINT * total) + 1
        narrow = []
        if fts is not None:
            narrow.append(execute("SELECT COUNT(*) FROM (SELECT 1 FROM request_search WHERE request_search MATCH ? "
                                  "LIMIT ?) AS n", (fts, bound)).fetchone()[0])
        if flt.overdue:
            narrow.append(execute("SELECT COUNT(*) FROM (SELECT 1 FROM request WHERE clock_running = 1 AND "
                                  "due_at < ? LIMIT ?) AS n", (now, bound)).fetchone()[0])
        if min(narrow) < bound:
            return _Plan(fts, walk=False)
        # matches are everywhere: a LIKE per row on the walk is cheaper than collecting them all first
        return _Plan(None, walk=True)

    def _where(self, flt: RequestFilter, now: str, plan: _Plan) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if flt.lsp_id is not None:
            clauses.append("r.lsp_id = ?")
            params.append(flt.lsp_id)
        if flt.states:
            clauses.append("r.state IN (%s)" % ",".join("?" * len(flt.states)))
            params += list(flt.states)
        if flt.overdue:
            # on a walk, '+' keeps SQLite from collecting every overdue row through its index to sort them
            plus = "+" if plan.walk and not self._server else ""
            clauses.append(f"{plus}r.clock_running = 1 AND {plus}r.due_at < ?")
            params.append(now)
        text = flt.text.strip()
        if text:
            like = f"%{text}%"
            number = text.lstrip("#").isdigit()
            if plan.fts_query is not None:
                # the index only narrows the rows; the LIKE below still decides, exactly as without it
                narrowed = "r.id IN (SELECT rowid FROM request_search WHERE request_search MATCH ?)"
                if number:
                    clauses.append(f"(r.id = ? OR {narrowed})")
                    params += [int(text.lstrip("#")), plan.fts_query]
                else:
                    clauses.append(narrowed)
                    params.append(plan.fts_query)
            if self._server:
                # The LSPs whose name matches, found first in their small table: an OR of indexed terms on
                # the request table alone (lsp_id, and trigram indexes under letter_number and sender) lets
                # the server combine its indexes, where a term on the joined table made it test every row
                # (72 -> 3 ms for 'Pariwisata' at 20,000 requests). Same rows: a request without an LSP matches neither.
                ids = [r[0] for r in self.storage.db.execute_sql("SELECT id FROM lsp WHERE name LIKE ?", (like,))]
                name = f"r.lsp_id IN ({','.join('?' * len(ids))})" if ids else "FALSE"
                params_name: list[Any] = list(ids)
            else:
                name, params_name = "l.name LIKE ?", [like]
            if number:
                clauses.append(f"(r.id = ? OR {name} OR r.letter_number LIKE ?)")
                params += [int(text.lstrip("#")), *params_name, like]
            else:
                clauses.append(f"({name} OR r.letter_number LIKE ? OR r.sender LIKE ?)")
                params += [*params_name, like, like]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def request_count(self, flt: RequestFilter, now: datetime | None = None) -> int:
        stamp = _stamp(now or utcnow())
        # counting has nothing to sort: the indexes always narrow (the walk only pays off to fill a page)
        text = flt.text.strip()
        fts = search_query(text) if text and self._has_search_index() else None
        where, params = self._where(flt, stamp, _Plan(fts, walk=False))
        # the server's conditions never name the LSP table (see _where): without the join it counts from
        # the indexes alone (index-only scans: ~300 -> 8-16 ms for one state at 1,000,000 requests)
        join = "" if self._server else " LEFT JOIN lsp l ON l.id = r.lsp_id"
        sql = "SELECT COUNT(*) FROM request r" + join + where
        return self.storage.db.execute_sql(sql, params).fetchone()[0]

    def request_page(self, flt: RequestFilter, offset: int, limit: int, now: datetime | None = None,
                     after: RequestRow | tuple[datetime, int] | None = None) -> list[RequestRow]:
        """One page of the requests table in the filter's order (rows are fetched lazily by the view).

        `after` (the last row shown; for the newest-first order also its (received time, id)) continues a
        page without OFFSET, which SQLite would have to walk: a page deep in 100,000 rows then costs as
        little as the first.
        """
        stamp = _stamp(now or utcnow())
        if flt.order == ORDER_DUE:
            return self._queue_page(flt, stamp, offset, limit, after)
        plan = self._plan(flt, stamp)
        where, params = self._where(flt, stamp, plan)
        if after is not None:
            received, last_id = (after.received_at, after.id) if isinstance(after, RequestRow) else after
            where += (" AND " if where else " WHERE ") + "(r.received_at, r.id) < (?, ?)"
            params = params + [_stamp(received), last_id]
            offset = 0
        # When few rows match, a '+' keeps SQLite from walking the whole date index with a join per row and
        # lets it sort the matches instead (383 -> 71 ms at 100,000 requests).
        return self._rows(where, params, self._received_order(plan), limit, offset)

    def _received_order(self, plan: _Plan) -> str:
        # SQLite's unary '+' (no index for this term) is a type error on the server, whose planner weighs
        # the sort against the index walk by itself
        plus = "" if plan.walk or self._server else "+"
        return f"{plus}r.received_at DESC, r.id DESC"

    def _queue_page(self, flt: RequestFilter, stamp: str, offset: int, limit: int,
                    after: RequestRow | tuple[datetime, int] | None) -> list[RequestRow]:
        """The officer's queue: requests whose clock runs by due time (most urgent first), then those whose
        clock stopped (waiting on the LSP, packed, on the way), newest first.

        Two index walks instead of one sort: the running part walks the partial due-time index, the rest
        the received-time index (sorting the 31,000 requests in process at 100,000 took 144 ms).
        """
        if after is not None and not isinstance(after, RequestRow):
            raise TypeError("the queue order continues after a RequestRow")
        plan = self._plan(flt, stamp)
        where, params = self._where(flt, stamp, plan)
        running = "r.clock_running = 1 AND r.due_at IS NOT NULL"
        rows: list[RequestRow] = []
        first_part = after is None or (after.clock_running and after.due_at is not None)
        if first_part:
            clauses, args = [running], list(params)
            if after is not None:
                clauses.append("(r.due_at, r.id) > (?, ?)")
                args += [_stamp(after.due_at), after.id]
                offset = 0
            part_where = (where + " AND " if where else " WHERE ") + " AND ".join(clauses)
            rows = self._rows(part_where, args, "r.due_at, r.id", limit, offset)
            if len(rows) == limit:
                return rows
            if offset:  # the offset reaches past the running part: what is left of it applies to the rest
                counted = self.storage.db.execute_sql(
                    "SELECT COUNT(*) FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id" + part_where,
                    args).fetchone()[0]
                offset = max(0, offset - counted)
            after = None
        clauses, args = [f"NOT ({running})"], list(params)
        if after is not None:
            clauses.append("(r.received_at, r.id) < (?, ?)")
            args += [_stamp(after.received_at), after.id]
            offset = 0
        part_where = (where + " AND " if where else " WHERE ") + " AND ".join(clauses)
        return rows + self._rows(part_where, args, self._received_order(plan), limit - len(rows), offset)

    def _rows(self, where: str, params: list[Any], order: str, limit: int, offset: int) -> list[RequestRow]:
        # since when a request waits on its LSP: its latest move into that state (the audit index finds it)
        waiting = ("CASE WHEN r.state = 'waiting_lsp' THEN (SELECT MAX(a.at) FROM audit_event a "
                   "WHERE a.entity = 'request' AND a.entity_id = CAST(r.id AS TEXT) "
                   "AND a.action = 'request.waiting_lsp') END")
        sql = ("SELECT r.id, COALESCE(l.name, ''), r.received_at, r.state, r.due_at, r.clock_running, "
               f"r.requested_qty, r.kind, r.letter_number, r.sender, {waiting} "
               "FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id" + where +
               f" ORDER BY {order} LIMIT ? OFFSET ?")
        rows = self.storage.db.execute_sql(sql, params + [limit, offset]).fetchall()
        return [RequestRow(r[0], r[1], datetime.fromisoformat(r[2]), r[3],
                           datetime.fromisoformat(r[4]) if r[4] else None, bool(r[5]), r[6], r[7], r[8], r[9],
                           datetime.fromisoformat(r[10]) if r[10] else None)
                for r in rows]

    def state_counts(self) -> dict[str, int]:
        rows = self.storage.db.execute_sql("SELECT state, COUNT(*) FROM request GROUP BY state").fetchall()
        return {state: count for state, count in rows}
