"""The requests table: filtered, paged SQL for a lazy view of up to 100,000 requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from blanko_desktop.core.models import utcnow
from blanko_desktop.core.services.base import ServiceBase


@dataclass
class RequestFilter:
    """What the requests table shows."""

    text: str = ""
    lsp_id: int | None = None
    states: tuple[str, ...] = ()
    overdue: bool = False


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


class RequestTableService(ServiceBase):
    """Pages and counts of the requests table, straight in SQL."""

    def _where(self, flt: RequestFilter, now: datetime) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if flt.lsp_id is not None:
            clauses.append("r.lsp_id = ?")
            params.append(flt.lsp_id)
        if flt.states:
            clauses.append("r.state IN (%s)" % ",".join("?" * len(flt.states)))
            params += list(flt.states)
        if flt.overdue:
            clauses.append("r.clock_running = 1 AND r.due_at < ?")
            params.append(now.astimezone(timezone.utc).isoformat(timespec="microseconds"))
        text = flt.text.strip()
        if text:
            like = f"%{text}%"
            if text.lstrip("#").isdigit():
                clauses.append("(r.id = ? OR l.name LIKE ? OR r.letter_number LIKE ?)")
                params += [int(text.lstrip("#")), like, like]
            else:
                clauses.append("(l.name LIKE ? OR r.letter_number LIKE ? OR r.sender LIKE ?)")
                params += [like, like, like]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def request_count(self, flt: RequestFilter, now: datetime | None = None) -> int:
        where, params = self._where(flt, now or utcnow())
        sql = "SELECT COUNT(*) FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id" + where
        return self.storage.db.execute_sql(sql, params).fetchone()[0]

    def request_page(self, flt: RequestFilter, offset: int, limit: int, now: datetime | None = None,
                     after: tuple[datetime, int] | None = None) -> list[RequestRow]:
        """One page of the requests table, newest first (rows are fetched lazily by the view).

        `after` (the last row's received time and id) continues a page without OFFSET, which SQLite would
        have to walk: a page deep in 100,000 rows then costs as little as the first.
        """
        where, params = self._where(flt, now or utcnow())
        if after is not None:
            where += (" AND " if where else " WHERE ") + "(r.received_at, r.id) < (?, ?)"
            params = params + [after[0].astimezone(timezone.utc).isoformat(timespec="microseconds"), after[1]]
            offset = 0
        # With a text search, few rows match: a '+' keeps SQLite from walking the whole date index
        # with a join per row and lets it sort the matches instead (383 -> 71 ms at 100,000 requests).
        order = "+r.received_at" if flt.text.strip() else "r.received_at"
        sql = ("SELECT r.id, COALESCE(l.name, ''), r.received_at, r.state, r.due_at, r.clock_running, "
               "r.requested_qty, r.kind, r.letter_number, r.sender "
               "FROM request r LEFT JOIN lsp l ON l.id = r.lsp_id" + where +
               f" ORDER BY {order} DESC, r.id DESC LIMIT ? OFFSET ?")
        rows = self.storage.db.execute_sql(sql, params + [limit, offset]).fetchall()
        return [RequestRow(r[0], r[1], datetime.fromisoformat(r[2]), r[3],
                           datetime.fromisoformat(r[4]) if r[4] else None, bool(r[5]), r[6], r[7], r[8], r[9])
                for r in rows]

    def state_counts(self) -> dict[str, int]:
        rows = self.storage.db.execute_sql("SELECT state, COUNT(*) FROM request GROUP BY state").fetchall()
        return {state: count for state, count in rows}
