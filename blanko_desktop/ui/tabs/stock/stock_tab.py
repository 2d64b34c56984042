"""Stok Blanko: the balance (now or at a date), the ranges on hand, the ledger, issued totals, the low-stock
warning, "where is serial X?", and the movements' dialogs."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services import Services
from blanko_desktop.core.stock import Balance, CountResult, IssuedTotal, LowStock, SerialRange, SerialWhere, StockLedger
from blanko_desktop.core.stock import places as P
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.operations import Changes, Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.stock.labels import decimal, kind_label, number, place_label, sheets
from blanko_desktop.ui.tabs.stock.ledger_model import (
    COL_AT,
    COL_BY,
    COL_ID,
    COL_KIND,
    COL_LSP,
    COL_NOTE,
    COL_QTY,
    COL_RANGE,
    COL_REQUEST,
    LedgerFilter,
    LedgerModel,
)
from blanko_desktop.ui.tabs.stock.serial_entry import BAD_COLOUR

RANGES_SHOWN = 500  # a fragmented store can hold thousands of ranges: the list shows the first ones
FILTER_DELAY_MS = 250
LOW_STYLE = "background: #fdf0d5; color: #7a4b00; border: 1px solid #e8c27a; padding: 6px;"
LOW_BAD_STYLE = "background: #fcebeb; color: #a31515; border: 1px solid #e6a5a5; padding: 6px;"
CALM_STYLE = "color: palette(mid); padding: 6px;"
EARLIEST = QDate(2000, 1, 1)  # the date filters' "any date"


@dataclass(frozen=True)
class Overview:
    """Everything the tab shows beside the ledger, read in one go on a worker thread."""

    balance: Balance
    at_balance: Balance | None  # the balance at the end of the chosen date
    ranges: list[SerialRange]
    ranges_total: int
    ranges_text: list[str]
    per_lsp: list[IssuedTotal]
    per_month: list[IssuedTotal]
    low: LowStock
    counts: list[CountResult]
    lsps: list[tuple[int, str]]  # (id, name) for the ledger's LSP filter


def load_overview(services: Services, at: date | None) -> Overview:
    ledger = StockLedger(services)
    fmt = ledger.serial_format()
    ranges = ledger.available_ranges()
    shown = ranges[:RANGES_SHOWN]
    return Overview(ledger.balance(), ledger.balance(at) if at is not None else None, shown, len(ranges),
                    [r.text(fmt) for r in shown], ledger.issued_per_lsp(), ledger.issued_per_month(),
                    ledger.low_stock(), ledger.count_results(20),
                    ledger.lsp_names())


def _date(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == edit.minimumDate() else date(d.year(), d.month(), d.day())


class Figure(QFrame):
    """One balance figure: a big number and what it counts."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class StockTab(QWidget):
    """The Stok Blanko tab."""

    status_message = Signal(str)
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.current: Overview | None = None
        self._generation = 0
        self._stale = True
        self._tasks: set[Op] = set()

        # -- the figures, at a date if asked
        captions = {P.AVAILABLE: self.tr("Available"), P.ISSUED: self.tr("Issued"),
                    P.SPOILED: self.tr("Spoiled in the office"), P.RETURNED: self.tr("Returned damaged"),
                    P.MISSING: self.tr("Missing (count)")}
        self.figures = {place: Figure(captions[place]) for place in P.PLACES}
        for place, figure in self.figures.items():
            figure.setToolTip(place_label(place))
        self.figures[P.AVAILABLE].setStyleSheet("Figure { background: #e8f5ec; }")
        self.at_check = QCheckBox(self.tr("Balance at the end of:"))
        self.at_date = QDateEdit()
        self.at_date.setCalendarPopup(True)
        self.at_date.setDisplayFormat("d MMM yyyy")
        self.at_date.setDate(QDate.currentDate())
        self.at_date.setEnabled(False)
        self.at_check.toggled.connect(self.at_date.setEnabled)
        self.at_check.toggled.connect(lambda _on: self.reload_overview())
        self.at_date.dateChanged.connect(lambda _d: self.at_check.isChecked() and self.reload_overview())
        self.at_caption = QLabel()
        figures = QHBoxLayout()
        for place in P.PLACES:
            figures.addWidget(self.figures[place])
        at_box = QVBoxLayout()
        at_box.addWidget(self.at_check)
        at_box.addWidget(self.at_date)
        at_box.addWidget(self.at_caption)
        figures.addLayout(at_box)
        figures.addStretch(1)
        self.low_banner = QLabel()
        self.low_banner.setWordWrap(True)

        # -- actions, and "where is serial X?"
        self.receive_button = QPushButton(self.tr("&Receive from printer…"))
        self.issue_button = QPushButton(self.tr("&Issue blanks…"))
        self.spoil_button = QPushButton(self.tr("Record s&poiled…"))
        self.return_button = QPushButton(self.tr("Damaged re&turn from LSP…"))
        self.reverse_button = QPushButton(self.tr("Re&verse line…"))
        self.count_button = QPushButton(self.tr("Stock &count…"))
        self.receive_button.clicked.connect(self.receive)
        self.issue_button.clicked.connect(lambda: self.issue())
        self.spoil_button.clicked.connect(self.spoil)
        self.return_button.clicked.connect(lambda: self.return_damaged())
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.count_button.clicked.connect(lambda: self.count())
        self.reverse_button.setToolTip(self.tr("Select a line in the ledger to reverse it."))
        self.where_edit = QLineEdit()
        self.where_edit.setPlaceholderText(self.tr("type or scan, then Enter"))
        self.where_edit.setClearButtonEnabled(True)
        self.where_edit.setMinimumWidth(260)
        self.where_edit.setMaximumWidth(340)  # the stock warning beside it takes the rest of the row
        self.where_edit.returnPressed.connect(lambda: self.find_serial(self.where_edit.text()))
        where_label = QLabel(self.tr("Where is &serial:"))
        where_label.setBuddy(self.where_edit)
        actions = QHBoxLayout()
        for button in (self.receive_button, self.issue_button, self.spoil_button, self.return_button,
                       self.count_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.where_answer = QLabel()
        self.where_answer.setWordWrap(True)
        self.where_answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where_answer.setVisible(False)
        # the serial field beside the stock warning, not beside the five buttons (that row was 1,120 px wide, past
        # a 1024-pixel screen); on its own row it would cost the ledger a line of height at 768 px
        where = QHBoxLayout()
        where.addWidget(self.low_banner, 1)
        where.addWidget(where_label)
        where.addWidget(self.where_edit)

        # -- left: ranges on hand, issued totals, counts
        self.ranges_list = QListWidget()
        self.ranges_list.setAlternatingRowColors(True)
        self.ranges_box = QGroupBox(self.tr("Available ranges"))
        # the sheets on hand in a wrapping line, not in the box's title: a title never wraps, and "Rentang tersedia
        # (sekarang): 4.676 lembar" made the pane 263 px wide at least, the tab too wide for a 1024-pixel screen
        self.ranges_total = QLabel()
        self.ranges_total.setWordWrap(True)
        ranges_layout = QVBoxLayout(self.ranges_box)
        ranges_layout.addWidget(self.ranges_total)
        ranges_layout.addWidget(self.ranges_list)
        self.per_lsp = self._table([self.tr("LSP"), self.tr("Sheets")])
        self.per_month = self._table([self.tr("Month"), self.tr("Sheets")])
        self.counts = self._table([self.tr("No."), self.tr("When"), self.tr("Difference"), self.tr("State")])
        self.counts.cellActivated.connect(lambda row, _col: self.open_count_row(row))
        self.counts.setToolTip(self.tr("Double-click (or Enter) to open the count, settle it or print its report."))
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.per_lsp, self.tr("Per LSP"))
        self.side_tabs.addTab(self.per_month, self.tr("Per month"))
        self.side_tabs.addTab(self.counts, self.tr("Stock counts"))
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.ranges_box)
        left.addWidget(self.side_tabs)
        left.setChildrenCollapsible(False)
        left.setSizes([220, 300])

        # -- right: the ledger with its filters
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in P.KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.setMinimumContentsLength(9)  # the ledger row must fit beside the ranges at 1024 px
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lsp_filter = QComboBox()
        self.lsp_filter.setMinimumContentsLength(9)
        self.lsp_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.request_filter = QLineEdit()
        self.request_filter.setPlaceholderText(self.tr("Request #"))
        self.request_filter.setFixedWidth(self.request_filter.fontMetrics().horizontalAdvance("Permohonan #") + 16)
        self.from_filter = self._date_filter(self.tr("From: —"))
        self.to_filter = self._date_filter(self.tr("To: —"))
        self.serial_filter = QLineEdit()
        self.serial_filter.setPlaceholderText(self.tr("Serial"))
        self.serial_filter.setClearButtonEnabled(True)
        self.serial_filter.setFixedWidth(self.serial_filter.fontMetrics().horizontalAdvance("KB 0000000") + 40)
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText("✕")
        self.clear_filters_button.setToolTip(self.tr("Clear the filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        # no "Kind:"/"LSP:" labels: the combos say it themselves ("All kinds", "All LSPs", or the choice), and the
        # row must fit beside the ranges at 1024 px
        self.kind_filter.setToolTip(self.tr("Kind"))
        self.lsp_filter.setToolTip(self.tr("LSP"))
        filters = QHBoxLayout()
        for text, widget in (("", self.kind_filter), ("", self.lsp_filter),
                             ("", self.request_filter), ("", self.from_filter),
                             ("–", self.to_filter), ("", self.serial_filter)):
            if text:
                filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addWidget(self.clear_filters_button)
        filters.addStretch(1)
        self.model = LedgerModel(session, self)
        self.model.page_loaded.connect(self._ledger_counted)
        self.model.failed.connect(self._ledger_failed)
        self.model.modelReset.connect(self._ledger_counted)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        for col, sample in ((COL_ID, "00000"), (COL_AT, "29 Nov 2026 10:04"),
                            (COL_KIND, "Diterima dari percetakan"), (COL_RANGE, "KB 0000001 – KB 0000000"),
                            (COL_QTY, "−10.000"), (COL_REQUEST, "#0000"), (COL_LSP, "LSP Teknologi Digital"),
                            (COL_NOTE, "dok. SJ-0418/PERURI/IX/2026 (29 Sep 2026)"), (COL_BY, "Budi Santoso")):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 16)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda index: self._line_activated(index.row()))
        self.ledger_count = QLabel()
        ledger_box = QGroupBox(self.tr("Stock ledger"))
        ledger_layout = QVBoxLayout(ledger_box)
        ledger_layout.addLayout(filters)
        ledger_layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.ledger_count, 1)
        footer.addWidget(self.reverse_button)  # it acts on the line selected above
        ledger_layout.addLayout(footer)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(ledger_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 1010])

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(figures)
        layout.addLayout(actions)
        layout.addLayout(where)
        layout.addWidget(self.where_answer)
        layout.addWidget(self.splitter, 1)
        # a narrow window scrolls the tab instead of forcing the whole window wider
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # -- behaviour
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.lsp_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.from_filter.dateChanged.connect(lambda _d: self.apply_filters())
        self.to_filter.dateChanged.connect(lambda _d: self.apply_filters())
        self.request_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.serial_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.serial_filter.returnPressed.connect(self.apply_filters)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_where,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        session.changes.connect(self._data_changed)
        session.database_changed.connect(self.rebind)
        self._fill_lsp_filter([])
        self._selection_changed()
        self._writable()

    # -- small builders ------------------------------------------------------------------------------------

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        if len(headers) > 2:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        return table

    def _date_filter(self, unset: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMinimumDate(EARLIEST)
        # what the field is says itself while unset, as the combos do: no label beside it (the row must fit
        # beside the ranges at 1024 px); dates set read as a range, "1 Nov 2026 – 30 Nov 2026"
        edit.setSpecialValueText(unset)
        edit.setToolTip(self.tr("— : any date"))
        edit.setDate(EARLIEST)
        return edit

    def _fill_lsp_filter(self, lsps: list[tuple[int, str]]) -> None:
        current = self.lsp_filter.currentData()
        self.lsp_filter.blockSignals(True)
        self.lsp_filter.clear()
        self.lsp_filter.addItem(self.tr("All LSPs"), None)
        for lsp_id, name in lsps:
            self.lsp_filter.addItem(name, lsp_id)
        self.lsp_filter.setCurrentIndex(max(0, self.lsp_filter.findData(current)))
        self.lsp_filter.blockSignals(False)

    def _writable(self) -> None:
        read_only = bool(getattr(self.session.storage, "read_only", False))
        for button in (self.receive_button, self.issue_button, self.spoil_button, self.return_button,
                       self.count_button):
            button.setEnabled(not read_only)
        self._selection_changed()

    def _focus_where(self) -> None:
        self.where_edit.setFocus()
        self.where_edit.selectAll()

    # -- loading ---------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read everything again: the figures and lists, and the ledger from its first page."""
        self._stale = False
        self.reload_overview()
        self.model.reload()

    def reload_overview(self) -> None:
        self._generation += 1
        generation, services = self._generation, self.session.services
        at = self.at_date.date().toPython() if self.at_check.isChecked() else None
        task = Op(lambda: load_overview(services, at), self.session.storage, self)
        task.finished.connect(lambda result: self._overview_loaded(generation, result, task))
        task.failed.connect(lambda exc: self._overview_failed(generation, exc, task))
        self._tasks.add(task)
        task.start()

    def refresh(self) -> None:
        """F5."""
        self.reload()

    def rebind(self) -> None:
        self.where_answer.setVisible(False)
        self._writable()
        self._stale = True
        if self.isVisible():
            self.reload()

    def _data_changed(self, changes: Changes) -> None:
        # stock writes announce no request (STOCK_ONLY); an issue or return names its request; the serial
        # format and the low-stock threshold are settings. Documents and the calendar do not concern stock.
        concerns = (changes == Changes() or changes.request_ids or changes.requests or changes.settings
                    or changes.lsps)
        if not concerns:
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def _forget(self, task: Op) -> None:
        self._tasks.discard(task)
        task.deleteLater()

    def _overview_failed(self, generation: int, exc: BaseException, task: Op) -> None:
        self._forget(task)
        if generation == self._generation:
            messages.error(self, exc)

    def _overview_loaded(self, generation: int, result: Overview, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        self.current = result
        self._fill(result)
        self.loaded.emit()

    @property
    def busy(self) -> bool:
        return bool(self._tasks or self.model.tasks)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the loads running are done and shown (tests, benchmark)."""
        deadline = time.monotonic() + timeout
        QCoreApplication.processEvents()
        while (self.busy or self._filter_timer.isActive()) and time.monotonic() < deadline:
            for task in list(self._tasks) + list(self.model.tasks):
                task.wait(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()
            if self._filter_timer.isActive() and not self.busy:
                self._filter_timer.stop()
                self.apply_filters()

    # -- showing ---------------------------------------------------------------------------------------------

    def _fill(self, o: Overview) -> None:
        self._fill_lsp_filter(o.lsps)
        shown = o.at_balance or o.balance
        for place, value in zip(P.PLACES, (shown.available, shown.issued, shown.spoiled, shown.returned,
                                           shown.missing)):
            self.figures[place].value.setText(number(value))
        self.at_caption.setText(self.tr("(figures at the end of %1)").replace(
            "%1", i18n.fmt_date(self.at_date.date().toPython(), long=False)) if o.at_balance else "")
        self._fill_low(o.low)
        self.ranges_list.clear()
        self.ranges_list.addItems([f"{text}  ({sheets(r.count)})" for text, r in zip(o.ranges_text, o.ranges)])
        if o.ranges_total > len(o.ranges):
            self.ranges_list.addItem(self.tr("… and %n more range(s)", "", o.ranges_total - len(o.ranges)))
        if not o.ranges_total:
            self.ranges_list.addItem(self.tr("Nothing in the store."))
        self.ranges_total.setText(self.tr("Now: %1").replace("%1", sheets(o.balance.available)))
        self._fill_rows(self.per_lsp, [(t.key, number(t.quantity)) for t in o.per_lsp])
        self._fill_rows(self.per_month, [(self._month(t.key), number(t.quantity)) for t in reversed(o.per_month)])
        self._fill_rows(self.counts, [(f"#{c.id}", i18n.fmt_datetime(c.at),
                                       (f"{'+' if c.difference > 0 else '−'}{number(abs(c.difference))}"
                                        if c.difference else "0"), self._count_state(c)) for c in o.counts],
                        [c.id for c in o.counts])

    def _fill_low(self, low: LowStock) -> None:
        if low.weeks_of_cover is None:
            self.low_banner.setText(self.tr("No blanks issued in the last 90 days: no pace to measure the stock "
                                            "against."))
            self.low_banner.setStyleSheet(CALM_STYLE)
            return
        text = self.tr("%1 last for about %2 weeks at the last 90 days' pace (%3 a week).").replace(
            "%1", sheets(low.available)).replace("%2", decimal(low.weeks_of_cover)).replace(
            "%3", decimal(low.per_week))
        if low.low:
            text = self.tr("Low stock: ") + text + " " + self.tr(
                "Order blanks from the printer now (the warning starts below %n week(s)).", "", low.threshold_weeks)
            self.low_banner.setStyleSheet(LOW_BAD_STYLE if low.weeks_of_cover < low.threshold_weeks / 2
                                          else LOW_STYLE)
        else:
            self.low_banner.setStyleSheet(CALM_STYLE)
        self.low_banner.setText(text)

    def _month(self, key: str) -> str:
        year, month = (int(part) for part in key.split("-"))
        return QLocale().toString(QDate(year, month, 1), "MMMM yyyy")

    def _count_state(self, c: CountResult) -> str:
        if c.settled_at is not None:
            return self.tr("settled")
        if c.difference or c.missing or c.surplus:
            return self.tr("difference open")
        return self.tr("agrees")

    def _fill_rows(self, table: QTableWidget, rows: list[tuple], ids: list[int] | None = None) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if ids is not None:
                    item.setData(Qt.ItemDataRole.UserRole, ids[r])
                if c and text[:1] in "0123456789+−":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    def _ledger_counted(self) -> None:
        total = self.model.total
        if total is None:
            self.ledger_count.setText(self.tr("Reading the ledger…"))
            self.ledger_count.setStyleSheet("")
        else:
            self.ledger_count.setText(self.tr("%1 of %n line(s) shown", "", total).replace(
                "%1", number(len(self.model.lines))))
            self.ledger_count.setStyleSheet("")
        self._selection_changed()

    def _ledger_failed(self, message: str) -> None:
        self.ledger_count.setText(message)
        self.ledger_count.setStyleSheet(f"color: {BAD_COLOUR};")

    # -- filters ---------------------------------------------------------------------------------------------

    def ledger_filter(self) -> LedgerFilter:
        request = self.request_filter.text().strip().lstrip("#")
        return LedgerFilter(kind=self.kind_filter.currentData(), lsp_id=self.lsp_filter.currentData(),
                            request_id=int(request) if request.isdigit() else None,
                            date_from=_date(self.from_filter), date_to=_date(self.to_filter),
                            serial=self.serial_filter.text().strip() or None)

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        flt = self.ledger_filter()
        if flt != self.model.filter or self.model.total is None:
            self.model.set_filter(flt)

    def clear_filters(self) -> None:
        for widget in (self.kind_filter, self.lsp_filter, self.from_filter, self.to_filter):
            widget.blockSignals(True)
        self.kind_filter.setCurrentIndex(0)
        self.lsp_filter.setCurrentIndex(0)
        self.from_filter.setDate(EARLIEST)
        self.to_filter.setDate(EARLIEST)
        for widget in (self.kind_filter, self.lsp_filter, self.from_filter, self.to_filter):
            widget.blockSignals(False)
        self.request_filter.clear()
        self.serial_filter.clear()
        self.apply_filters()

    # -- where is serial X? ----------------------------------------------------------------------------------

    def find_serial(self, typed: str) -> Op | None:
        """Answer where a serial is, and show the lines that moved it in the ledger."""
        typed = typed.strip()
        if not typed:
            return None
        services = self.session.services
        task = Op(lambda: StockLedger(services).where(typed), self.session.storage, self)
        task.finished.connect(lambda result: (self._forget(task), self._show_where(result)))
        task.failed.connect(lambda exc: (self._forget(task), self._show_where_error(exc)))
        self._tasks.add(task)
        return task.start()

    def _show_where(self, where: SerialWhere) -> None:
        text = f"{where.serial}: {place_label(where.place)}"
        if where.request_id is not None:
            text += " — " + self.tr("request #%1").replace("%1", str(where.request_id))
        if where.lsp_name:
            text += f" ({where.lsp_name})"
        if where.holding_range:
            text += "; " + self.tr("in the range %1").replace("%1", where.holding_range)
        if where.replaces:
            text += "; " + self.tr("issued in place of damaged %1").replace("%1", where.replaces)
        if where.replaced_by:
            text += "; " + self.tr("replaced by %1").replace("%1", where.replaced_by)
        text += ". " + self.tr("%n line(s) in the ledger.", "", len(where.lines))
        self.where_answer.setText(text)
        self.where_answer.setStyleSheet("font-weight: bold; padding: 4px;")
        self.where_answer.setVisible(True)
        self.serial_filter.blockSignals(True)
        self.serial_filter.setText(where.serial)
        self.serial_filter.blockSignals(False)
        self.apply_filters()
        self.where_edit.selectAll()  # the next scan replaces it

    def _show_where_error(self, exc: BaseException) -> None:
        self.where_answer.setText(str(exc))
        self.where_answer.setStyleSheet(f"color: {BAD_COLOUR}; padding: 4px;")
        self.where_answer.setVisible(True)
        self.where_edit.selectAll()
        if not isinstance(exc, BlankoError):
            messages.error(self, exc)

    # -- the ledger's selection -------------------------------------------------------------------------------

    def selected_line(self):
        index = self.table.currentIndex()
        return self.model.line(index.row()) if index.isValid() else None

    def select_line(self, line_id: int) -> bool:
        for row, line in enumerate(self.model.lines):
            if line.id == line_id:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        line = self.selected_line()
        read_only = bool(getattr(self.session.storage, "read_only", False))
        self.reverse_button.setEnabled(line is not None and line.reversible and not read_only)

    def _line_activated(self, row: int) -> None:
        line = self.model.line(row)
        if line is not None and line.count_id is not None:
            self.count(line.count_id)

    # -- the actions --------------------------------------------------------------------------------------------

    def _run(self, dialog: QDialog, done: str | None = None) -> bool:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted and done:
            self.status_message.emit(done)
        return accepted

    def receive(self) -> bool:
        from blanko_desktop.ui.tabs.stock.dialogs import ReceiveDialog

        dialog = ReceiveDialog(self.session, self)
        return self._run(dialog, self.tr("Blanks received into the store."))

    def issue(self, request_id: int | None = None) -> bool:
        from blanko_desktop.ui.tabs.stock.issue_dialog import IssueDialog

        dialog = IssueDialog(self.session, request_id, self)
        accepted = self._run(dialog)
        if accepted and dialog.issued:
            fmt = dialog.fmt
            self.status_message.emit(self.tr("Issued to request #%1: %2").replace("%1", str(dialog.request_id))
                                     .replace("%2", ", ".join(r.text(fmt) for r in dialog.issued)))
        return accepted

    def spoil(self) -> bool:
        from blanko_desktop.ui.tabs.stock.dialogs import SpoilDialog

        return self._run(SpoilDialog(self.session, self), self.tr("Spoiled sheets recorded."))

    def return_damaged(self, request_id: int | None = None) -> bool:
        from blanko_desktop.ui.tabs.stock.dialogs import ReturnDialog

        return self._run(ReturnDialog(self.session, request_id, self), self.tr("Returned damaged sheets recorded."))

    def reverse_selected(self) -> bool:
        from blanko_desktop.ui.tabs.stock.dialogs import ReverseDialog

        line = self.selected_line()
        if line is None or not line.reversible:
            return False
        return self._run(ReverseDialog(self.session, line, self), self.tr("Line #%1 reversed.")
                         .replace("%1", str(line.id)))

    def count(self, count_id: int | None = None) -> bool:
        from blanko_desktop.ui.tabs.stock.count_dialog import CountDialog

        dialog = CountDialog(self.session, count_id, self)
        dialog.exec()
        return dialog.result_ is not None

    def open_count_row(self, row: int) -> bool:
        item = self.counts.item(row, 0)
        return self.count(item.data(Qt.ItemDataRole.UserRole)) if item is not None else False


__all__ = ["Overview", "StockTab", "load_overview"]
