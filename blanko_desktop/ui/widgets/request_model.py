"""The requests table model: rows come from SQL a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from blanko_desktop.core.clock import now as utcnow
from blanko_desktop.core.services import RequestFilter, RequestRow, Services
from blanko_desktop.ui import i18n, operations
from blanko_desktop.ui.operations import Op

# Tinted backgrounds with their own dark text, so the rows stay readable on light and dark palettes.
OVERDUE_BG, OVERDUE_FG = "#f6d5d5", "#7a1010"
DUE_TODAY_BG, DUE_TODAY_FG = "#fde9b5", "#5a4000"
STOPPED_FG = "#6b6b6b"  # "since ..." of a request waiting on its LSP: not a due time

NORMAL, DUE_TODAY, OVERDUE = 0, 1, 2

COL_ID, COL_LSP, COL_RECEIVED, COL_STATE, COL_DUE, COL_REQUESTED = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2


def urgency(row: RequestRow, now: datetime) -> int:
    """Overdue when the clock runs past its due time; due today when that time is today (local)."""
    if not row.clock_running or row.due_at is None:
        return NORMAL
    if row.due_at < now:
        return OVERDUE
    if i18n.local(row.due_at).date() == i18n.local(now).date():
        return DUE_TODAY
    return NORMAL


@dataclass
class _Line:
    row: RequestRow
    texts: tuple[str, ...]


class RequestTableModel(QAbstractTableModel):
    """Pages of `Services.request_page` under one `RequestFilter`, in the filter's order.

    A reset answers with the first page alone. How many requests match in all is known at once when
    the first page is not full; otherwise it is counted on a worker thread (a full scan at 100,000
    requests) and announced by `total_changed`, so typing in the search box never waits for it.
    """

    PAGE = 200
    total_changed = Signal(int)

    def __init__(self, services: Services | None = None, parent=None,
                 now: Callable[[], datetime] = utcnow):
        super().__init__(parent)
        self._services = services
        self._filter = RequestFilter()
        self._lines: list[_Line] = []
        self._exhausted = True
        self._total: int | None = 0
        self._generation = 0
        self._counting: Op | None = None
        self._clock = now
        self._now = now()
        self._brushes = {
            OVERDUE: (QBrush(QColor(OVERDUE_BG)), QBrush(QColor(OVERDUE_FG))),
            DUE_TODAY: (QBrush(QColor(DUE_TODAY_BG)), QBrush(QColor(DUE_TODAY_FG))),
        }
        self._stopped_brush = QBrush(QColor(STOPPED_FG))

    # -- loading ------------------------------------------------------------------------------------

    def set_services(self, services: Services, flt: RequestFilter | None = None) -> None:
        self._services = services
        if flt is not None:
            self._filter = flt
        self.reload(keep_loaded=False)

    @property
    def filter(self) -> RequestFilter:
        return self._filter

    def set_filter(self, flt: RequestFilter, keep_loaded: bool = False) -> None:
        self._filter = flt
        self.reload(keep_loaded=keep_loaded)

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again; with keep_loaded, as many rows as were loaded (the selection stays reachable)."""
        limit = max(self.PAGE, len(self._lines)) if keep_loaded else self.PAGE
        self.beginResetModel()
        self._now = self._clock()
        self._generation += 1
        self._counting = None  # a count still running is for an older filter: its answer is dropped
        if self._services is None:
            self._lines, self._exhausted = [], True
        else:
            rows = self._services.request_page(self._filter, 0, limit, now=self._now)
            self._lines = [self._line(r) for r in rows]
            self._exhausted = len(rows) < limit
        self.endResetModel()
        if self._exhausted:
            self._set_total(len(self._lines))
        else:
            self._total = None
            self._count_in_background()

    def _count_in_background(self) -> None:
        services, flt, now, generation = self._services, self._filter, self._now, self._generation

        # a failure means the database was switched or closed meanwhile: the count is moot
        self._counting = operations.query(services.storage, lambda: services.request_count(flt, now=now),
                                          lambda n: self._count_arrived(generation, n), parent=self)

    def _count_arrived(self, generation: int, count: int) -> None:
        if generation == self._generation:
            self._counting = None
            self._set_total(count)

    def _set_total(self, count: int) -> None:
        self._total = count
        self.total_changed.emit(count)

    @property
    def total(self) -> int | None:
        """How many requests match the filter (loaded or not); None while it is being counted."""
        return self._total

    def wait_for_total(self, timeout: float = 10.0) -> int | None:
        """Block until the background count is in (benchmarks, tests)."""
        op = self._counting
        if op is not None:
            op.wait(timeout)
            QCoreApplication.processEvents()  # deliver the queued result
        return self._total

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self._services is None:
            return
        # keyset continuation after the last row shown: no OFFSET walk deep in the table, and a request
        # received meanwhile cannot shift the next page
        last = self._lines[-1].row if self._lines else None
        rows = self._services.request_page(self._filter, len(self._lines), self.PAGE, now=self._now, after=last)
        self._exhausted = len(rows) < self.PAGE
        known = {line.row.id for line in self._lines[-self.PAGE:]}
        rows = [r for r in rows if r.id not in known]
        if rows:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._lines += [self._line(r) for r in rows]
            self.endInsertRows()

    def set_clock(self, now: Callable[[], datetime]) -> None:
        """Where "now" comes from (tests pin it); takes effect at once."""
        self._clock = now
        self.tick()

    def tick(self) -> None:
        """Re-evaluate overdue / due today against the clock (the rows themselves stay)."""
        self._now = self._clock()
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, COL_REQUESTED),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.ToolTipRole])

    def _line(self, row: RequestRow) -> _Line:
        if row.clock_running:
            due = i18n.fmt_datetime(row.due_at)
        elif row.waiting_since is not None:
            # the clock stopped while the LSP completes its documents: since when it has been waiting
            due = self.tr("since %1").replace("%1", i18n.fmt_date(i18n.local(row.waiting_since).date()))
        else:
            due = ""
        texts = (
            str(row.id),
            row.lsp or self.tr("(unknown sender)"),
            i18n.fmt_datetime(row.received_at),
            i18n.state_label(row.state),
            due,
            "" if row.requested_qty is None else str(row.requested_qty),
        )
        return _Line(row, texts)

    # -- lookup -------------------------------------------------------------------------------------

    def request_id(self, row: int) -> int | None:
        return self._lines[row].row.id if 0 <= row < len(self._lines) else None

    def request_row(self, row: int) -> RequestRow | None:
        return self._lines[row].row if 0 <= row < len(self._lines) else None

    def row_of(self, request_id: int) -> int | None:
        for i, line in enumerate(self._lines):
            if line.row.id == request_id:
                return i
        return None

    # -- Qt model -----------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("No."), self.tr("LSP"), self.tr("Received"), self.tr("State"),
                    self.tr("Due"), self.tr("Blanks"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, None, self.tr("When the e-mail arrived; click to list the newest first"), None,
                    self.tr("The one-working-day limit; click to list the most urgent first"),
                    self.tr("Blanks the letter asks for"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_ID, COL_REQUESTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return line.texts[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DUE and line.row.waiting_since is not None \
                and not line.row.clock_running:
            return self._stopped_brush
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            brushes = self._brushes.get(urgency(line.row, self._now))
            if brushes is None:
                return None
            return brushes[0] if role == Qt.ItemDataRole.BackgroundRole else brushes[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if col == COL_LSP:  # the received time, also when a narrow table hides its column
                tips.append(self.tr("%1 — received %2").replace("%1", line.texts[COL_LSP]).replace(
                    "%2", line.texts[COL_RECEIVED]))
            level = urgency(line.row, self._now)
            if line.row.waiting_since is not None and not line.row.clock_running:
                tips.append(self.tr("Waiting on the LSP since %1: the one-working-day clock is stopped until new "
                                    "documents arrive.").replace("%1", i18n.fmt_datetime(line.row.waiting_since)))
            elif level == OVERDUE:
                tips.append(self.tr("Overdue: the one-working-day limit passed at %1").replace(
                    "%1", i18n.fmt_datetime(line.row.due_at)))
            elif level == DUE_TODAY:
                tips.append(self.tr("Due today at %1").replace("%1", i18n.fmt_datetime(line.row.due_at)))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ID, COL_REQUESTED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return line.row.id
        if role == URGENCY_ROLE:
            return urgency(line.row, self._now)
        return None
