"""The ledger as a lazy table: pages of `StockLedger.ledger` read off the GUI thread as the officer scrolls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from blanko_desktop.core.stock import LedgerPage, Line, StockLedger
from blanko_desktop.core.stock import places as P
from blanko_desktop.ui import i18n
from blanko_desktop.ui.operations import Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.stock.labels import kind_label, number

COL_ID, COL_AT, COL_KIND, COL_RANGE, COL_QTY, COL_REQUEST, COL_LSP, COL_NOTE, COL_BY = range(9)
GREY = QColor("#7a7a7a")


@dataclass(frozen=True)
class LedgerFilter:
    kind: str | None = None
    lsp_id: int | None = None
    request_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    serial: str | None = None


class LedgerModel(QAbstractTableModel):
    """Newest first. A filter starts over with its first page; the next page is asked for when the view
    scrolls near the end. Pages that arrive for an older filter are dropped (`generation`)."""

    PAGE = 200
    page_loaded = Signal()
    failed = Signal(str)  # a filter the core cannot read (a serial typed wrong), in its words

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.lines: list[Line] = []
        self.total: int | None = None
        self.filter = LedgerFilter()
        self.generation = 0
        self._next_page = 0
        self.loading: Op | None = None
        self.tasks: set[Op] = set()

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("When"), self.tr("Kind"), self.tr("Serials"), self.tr("Sheets"),
                self.tr("Request"), self.tr("LSP"), self.tr("Details"), self.tr("Recorded by")]

    # -- loading -------------------------------------------------------------------------------------------

    def set_filter(self, flt: LedgerFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.generation += 1
        self.beginResetModel()
        self.lines = []
        self.total = None
        self._next_page = 0
        self.loading = None
        self.endResetModel()
        self._load()

    def _load(self) -> None:
        generation, page, flt = self.generation, self._next_page, self.filter
        services = self.session.services

        def read() -> LedgerPage:
            return StockLedger(services).ledger(page=page, page_size=self.PAGE, kind=flt.kind, lsp_id=flt.lsp_id,
                                                request_id=flt.request_id, date_from=flt.date_from,
                                                date_to=flt.date_to, serial=flt.serial)

        task = Op(read, self.session.storage, self)
        task.finished.connect(lambda result: self._arrived(generation, result, task))
        task.failed.connect(lambda exc: self._failed(generation, exc, task))
        self.tasks.add(task)
        self.loading = task
        task.start()

    def _done(self, task: Op) -> None:
        self.tasks.discard(task)
        task.deleteLater()
        if self.loading is task:
            self.loading = None

    def _arrived(self, generation: int, page: LedgerPage, task: Op) -> None:
        self._done(task)
        if generation != self.generation:
            return
        known = {line.id for line in self.lines[-self.PAGE:]}
        fresh = [line for line in page.lines if line.id not in known]  # a line written meanwhile shifts pages
        self._next_page = page.page + 1
        self.total = page.total
        if fresh:
            self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines) + len(fresh) - 1)
            self.lines.extend(fresh)
            self.endInsertRows()
        if len(page.lines) < self.PAGE:
            self.total = len(self.lines)
        self.page_loaded.emit()

    def _failed(self, generation: int, exc: BaseException, task: Op) -> None:
        self._done(task)
        if generation == self.generation:
            self.total = 0
            self.failed.emit(str(exc))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self.loading is None and self.total is not None
                and len(self.lines) < self.total)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load()

    # -- the table -----------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def line(self, row: int) -> Line | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_NOTE, COL_RANGE, COL_LSP):
            return self.text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ID, COL_QTY, COL_REQUEST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (line.reversed_by is not None or line.kind == P.REVERSAL):
            return GREY  # cancelled lines and their reversals read as such
        return None

    def text(self, line: Line, col: int) -> str:
        if col == COL_ID:
            return str(line.id)
        if col == COL_AT:
            return i18n.fmt_datetime(line.at)
        if col == COL_KIND:
            return kind_label(line.kind)
        if col == COL_RANGE:
            return line.range_text
        if col == COL_QTY:
            sign = "+" if line.to_place == P.AVAILABLE else "−" if line.from_place == P.AVAILABLE else ""
            return sign + number(line.quantity)
        if col == COL_REQUEST:
            return f"#{line.request_id}" if line.request_id is not None else ""
        if col == COL_LSP:
            return line.lsp_name or ""
        if col == COL_NOTE:
            return self.details(line)
        return line.by

    def details(self, line: Line) -> str:
        parts = []
        if line.doc_number:
            parts.append(self.tr("delivery doc. %1").replace("%1", line.doc_number)
                         + (f" ({i18n.fmt_date(line.doc_date, long=False)})" if line.doc_date else ""))
        if line.reverses_id is not None:
            parts.append(self.tr("reverses #%1").replace("%1", str(line.reverses_id)))
        if line.reversed_by is not None:
            parts.append(self.tr("reversed by #%1").replace("%1", str(line.reversed_by)))
        if line.replaces_text:
            parts.append(self.tr("replaces %1").replace("%1", line.replaces_text))
        if line.count_id is not None:
            parts.append(self.tr("stock count #%1").replace("%1", str(line.count_id)))
        if line.note:
            parts.append(line.note)
        return "; ".join(parts)
