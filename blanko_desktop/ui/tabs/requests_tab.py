"""Permohonan Masuk: the incoming requests, filtered and searched, with the selected one in detail."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.services import RequestFilter
from blanko_desktop.core.services.request_table import ORDER_DUE, ORDER_RECEIVED
from blanko_desktop.core.workflow import OPEN_STATES, State
from blanko_desktop.ui.operations import Changes
from blanko_desktop.ui import i18n
from blanko_desktop.ui.intake.router import DropRouter
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.request_detail import RequestDetail
from blanko_desktop.ui.widgets.request_model import (
    COL_DUE,
    COL_ID,
    COL_LSP,
    COL_RECEIVED,
    COL_REQUESTED,
    COL_STATE,
    RequestTableModel,
)

SEARCH_DELAY_MS = 200
SELECT_MAX_PAGES = 25  # x 200 rows: how far select_request scrolls down to find a request
OPEN = "open"  # the state combo's "in process" entry
# what the officer sees first: the requests still on the desk, the most urgent first
DEFAULT_STATE_INDEX = 1
ENDED = {State.CLOSED.value, State.CANCELLED.value}
# the detail pane's part of the width until the officer moves the divider (then the window remembers it)
DETAIL_SHARE, DETAIL_MIN, DETAIL_MAX = 0.38, 340, 640


class RequestsTable(QTableView):
    """The table; Enter opens the selected request's detail; files dropped onto a row go to that request."""

    open_requested = Signal()
    resized = Signal()

    def __init__(self, drops: DropRouter | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.drops = drops
        self.drop_row = -1
        self.setAcceptDrops(drops is not None)
        self.viewport().setAcceptDrops(drops is not None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)

    # -- drops: onto a row = add to that request; below the rows = a new intake

    def _target(self, event: QDragMoveEvent | QDropEvent) -> tuple[int, int | None]:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            return -1, None
        return index.row(), self.model().request_id(index.row())

    def _set_drop_row(self, row: int) -> None:
        if row != self.drop_row:
            self.drop_row = row
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        row, request_id = self._target(event)
        if self.drops is not None and self.drops.enter(event, request_id):
            self._set_drop_row(row)
        else:
            self._set_drop_row(-1)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_row(-1)
        if self.drops is not None:
            self.drops.leave()

    def dropEvent(self, event: QDropEvent) -> None:
        _row, request_id = self._target(event)
        self._set_drop_row(-1)
        if self.drops is not None:
            self.drops.drop(event, request_id)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.drop_row < 0 or self.model() is None:
            return
        first = self.visualRect(self.model().index(self.drop_row, 0))
        last = self.visualRect(self.model().index(self.drop_row, self.model().columnCount() - 1))
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(first.united(last).adjusted(1, 1, -2, -2))


class EmptyState(QWidget):
    """What a first start shows: an invitation to bring the first request in, by dropping it here."""

    ZONE_STYLE = "#dropZone { border: 2px dashed %s; border-radius: 12px; }"

    def __init__(self, drops: DropRouter | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.drops = drops
        self.setAcceptDrops(drops is not None)
        zone = QFrame()
        zone.setObjectName("dropZone")
        self.zone = zone
        zone.setStyleSheet(self.ZONE_STYLE % "palette(mid)")
        zone.setFixedWidth(620)
        inner = QVBoxLayout(zone)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(10)
        self.title = QLabel(self.tr("No requests yet"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self.tr("Drag an e-mail or request files here"))
        font = QFont(self.message.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.message.setFont(font)
        self.hint = QLabel(self.tr(
            "An LSP's request arrives as an e-mail with four documents: the request letter, the assessment "
            "minutes, the certification decision and the participant list. Register the LSPs you work with "
            "first, so that their e-mails are recognised."))
        self.hint.setWordWrap(True)
        # a wrapped label inside a centred fixed-width frame gets no height-for-width: give it its height
        text_width = zone.width() - 64
        lines = self.hint.fontMetrics().boundingRect(
            QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, self.hint.text())
        self.hint.setMinimumHeight(lines.height() + 4)
        for label in (self.title, self.message, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.lsp_button = QPushButton(self.tr("Open the LSP registry…"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.lsp_button)
        buttons.addStretch(1)
        inner.addSpacing(6)
        inner.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(zone, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def _highlight(self, on: bool) -> None:
        self.zone.setStyleSheet(self.ZONE_STYLE % ("palette(highlight)" if on else "palette(mid)"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._highlight(self.drops is not None and self.drops.enter(event))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._highlight(self.drops is not None and self.drops.enter(event))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight(False)
        if self.drops is not None:
            self.drops.leave()

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        if self.drops is not None:
            self.drops.drop(event)


class RequestsTab(QWidget):
    """The Permohonan Masuk tab."""

    open_lsp_registry = Signal()
    import_requested = Signal()
    request_changed = Signal(object)  # the selected request's id, or None

    def __init__(self, session: Session, parent: QWidget | None = None, drops: DropRouter | None = None):
        super().__init__(parent)
        self.session = session
        self.drops = drops
        self._has_requests = False

        # -- filter bar
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("LSP, letter no., sender or #number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAcceptDrops(False)  # a dropped file is an intake, not a search text
        self.search.installEventFilter(self)  # Esc clears it
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.lsp_combo = QComboBox()
        self.lsp_combo.setMinimumContentsLength(18)
        self.lsp_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        lsp_label = QLabel(self.tr("&LSP:"))
        lsp_label.setBuddy(self.lsp_combo)
        self.state_combo = QComboBox()
        self._fill_state_combo()
        self._order = ORDER_DUE
        state_label = QLabel(self.tr("S&tate:"))
        state_label.setBuddy(self.state_combo)
        self.overdue_check = QCheckBox(self.tr("&Overdue only"))
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        bar = QHBoxLayout()
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        bar.addSpacing(8)
        bar.addWidget(lsp_label)
        bar.addWidget(self.lsp_combo, 2)
        bar.addSpacing(8)
        bar.addWidget(state_label)
        bar.addWidget(self.state_combo, 1)
        bar.addSpacing(8)
        bar.addWidget(self.overdue_check)
        bar.addWidget(self.count_label, 1)

        # -- table and detail
        self.model = RequestTableModel(session.services, self)
        self.table = RequestsTable(drops)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LSP, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # the two orders: by due time (the queue) or newest first; a click on their column switches
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._header_clicked)
        self.size_columns()
        self.table.resized.connect(self.fit_columns)
        self.detail = RequestDetail(session, drops=drops)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setSizes([640, 400])  # the window sets the share once it has its width

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(bar)
        content_layout.addWidget(self.splitter, 1)

        self.empty_state = EmptyState(drops)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        # -- behaviour
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.lsp_combo.currentIndexChanged.connect(self.apply_filter)
        self.state_combo.currentIndexChanged.connect(self._state_chosen)
        self.overdue_check.toggled.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(self.open_detail)
        self.model.total_changed.connect(self._show_total)
        self.table.doubleClicked.connect(lambda _index: self.open_detail())
        self.empty_state.lsp_button.clicked.connect(self.open_lsp_registry)
        self.empty_state.import_button.clicked.connect(self.import_requested)
        self.detail.installEventFilter(self)

        # overdue / due today follow the clock while the window stays open
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.model.tick)
        self._tick.start()

        session.changes.connect(self.apply_changes)
        session.database_changed.connect(self.rebind)

        QWidget.setTabOrder(self.search, self.lsp_combo)
        QWidget.setTabOrder(self.lsp_combo, self.state_combo)
        QWidget.setTabOrder(self.state_combo, self.overdue_check)
        QWidget.setTabOrder(self.overdue_check, self.table)
        QWidget.setTabOrder(self.table, self.detail)

        self.rebind()

    # -- filter -------------------------------------------------------------------------------------

    def _fill_state_combo(self) -> None:
        self.state_combo.clear()
        self.state_combo.addItem(self.tr("All states"), None)
        self.state_combo.addItem(self.tr("In process (not closed)"), OPEN)
        for state in State:
            self.state_combo.addItem(i18n.state_label(state), state.value)

    def _fill_lsp_combo(self) -> None:
        current = self.lsp_combo.currentData()
        self.lsp_combo.blockSignals(True)
        self.lsp_combo.clear()
        self.lsp_combo.addItem(self.tr("All LSPs"), None)
        for lsp in self.session.services.lsp_views():
            name = lsp.name if lsp.active else self.tr("%1 (inactive)").replace("%1", lsp.name)
            self.lsp_combo.addItem(name, lsp.id)
        index = self.lsp_combo.findData(current)
        self.lsp_combo.setCurrentIndex(max(0, index))
        self.lsp_combo.blockSignals(False)

    def _natural_order(self) -> str:
        """Requests on the desk by due time; the whole archive, or ended ones, newest first."""
        state = self.state_combo.currentData()
        return ORDER_RECEIVED if state is None or state in ENDED else ORDER_DUE

    def _state_chosen(self) -> None:
        self._order = self._natural_order()
        self.apply_filter()

    def _header_clicked(self, section: int) -> None:
        wanted = {COL_DUE: ORDER_DUE, COL_RECEIVED: ORDER_RECEIVED}.get(section)
        if wanted is not None and wanted != self._order:
            self._order = wanted
            self.apply_filter()
        else:
            self._show_order()  # another column: the order stays (the header toggled its arrow)

    def _show_order(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if self._order == ORDER_DUE:
            header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        else:
            header.setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        header.blockSignals(False)

    @property
    def order(self) -> str:
        return self._order

    def current_filter(self) -> RequestFilter:
        state = self.state_combo.currentData()
        if state is None:
            states: tuple[str, ...] = ()
        elif state == OPEN:
            states = tuple(s.value for s in State if s in OPEN_STATES)
        else:
            states = (state,)
        return RequestFilter(text=self.search.text().strip(), lsp_id=self.lsp_combo.currentData(),
                             states=states, overdue=self.overdue_check.isChecked(), order=self._order)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._show_order()
        keep = self.detail.request_id
        self.model.set_filter(self.current_filter())
        self._after_reload(keep)

    # -- loading ------------------------------------------------------------------------------------

    def rebind(self) -> None:
        """Another database is open: start over with the default filter (in process, most urgent first)."""
        for widget in (self.search, self.state_combo, self.overdue_check, self.lsp_combo):
            widget.blockSignals(True)
        self.search.clear()
        self.state_combo.setCurrentIndex(DEFAULT_STATE_INDEX)
        self._order = self._natural_order()
        self._show_order()
        self.overdue_check.setChecked(False)
        self.lsp_combo.setCurrentIndex(0)
        for widget in (self.search, self.state_combo, self.overdue_check, self.lsp_combo):
            widget.blockSignals(False)
        self._fill_lsp_combo()
        self.model.set_services(self.session.services, self.current_filter())
        self.detail.show_request(None)
        self._after_reload(None)

    def apply_changes(self, changes: Changes) -> None:
        """Reload what a write touched: the LSP filter on LSP changes, the rows on request changes."""
        if changes.lsps:
            self._fill_lsp_combo()
        # the model reads a page in one query: rows of changed ids are reloaded with it (LSP names may change)
        if changes.requests or changes.request_ids or changes.calendar or changes.settings or changes.lsps:
            keep = self.detail.request_id
            self.model.set_filter(self.current_filter(), keep_loaded=True)
            self._after_reload(keep)
        elif changes.touches(self.detail.request_id):
            self.detail.reload()

    def refresh(self) -> None:
        """Reload everything (F5); the selection stays."""
        keep = self.detail.request_id
        self._fill_lsp_combo()
        self.model.set_filter(self.current_filter(), keep_loaded=True)
        self._after_reload(keep)

    def _show_total(self, total: int | None = None) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("counting…") if total is None else self.tr("%n request(s)", "", total))

    def _after_reload(self, keep: int | None) -> None:
        self._has_requests = self.model.rowCount() > 0 or self.session.services.request_count(RequestFilter()) > 0
        self.stack.setCurrentIndex(0 if self._has_requests else 1)
        self._show_total()
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.detail.show_request(keep)
        else:
            self.detail.show_request(None)
        if self.detail.request_id != keep:
            self.request_changed.emit(self.detail.request_id)

    # -- selection and keyboard ---------------------------------------------------------------------

    def _current_changed(self, current, _previous) -> None:
        request_id = self.model.request_id(current.row()) if current.isValid() else None
        if request_id != self.detail.request_id:
            self.detail.show_request(request_id)
            self.request_changed.emit(request_id)

    def select_request(self, request_id: int, max_pages: int = SELECT_MAX_PAGES) -> bool:
        """Select a request in the table (loading pages until it shows); False when the filter hides it.

        Gives up after `max_pages` more pages: an old request deep in 100,000 is not worth loading them all.
        """
        row = self.model.row_of(request_id)
        pages = 0
        while row is None and self.model.canFetchMore() and pages < max_pages:
            self.model.fetchMore()
            pages += 1
            row = self.model.row_of(request_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def focus_table(self) -> None:
        target = self.table if self.stack.currentIndex() == 0 else self.empty_state.import_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the detail pane's width ------------------------------------------------------------------------

    def detail_share(self) -> float:
        sizes = self.splitter.sizes()
        return sizes[1] / sum(sizes) if len(sizes) == 2 and sum(sizes) else DETAIL_SHARE

    def set_detail_share(self, share: float | None = None) -> None:
        """Give the detail pane `share` of the width (None: the default, at least what its form needs);
        0 keeps it collapsed, as the officer left it."""
        total = sum(self.splitter.sizes()) or self.width()
        if share is None:
            detail = min(max(int(total * DETAIL_SHARE), DETAIL_MIN), DETAIL_MAX)
        else:
            detail = int(total * share)
        self.splitter.setSizes([total - detail, detail])

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_detail(self) -> None:
        """Show the detail pane (also when it was collapsed) and move the keyboard into it."""
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] == 0:
            total = sum(sizes) or self.width()
            self.splitter.setSizes([total * 3 // 5, total * 2 // 5])
        self.detail.focus_first_action()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            if watched is self.detail:  # Escape in the detail pane goes back to the table
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
            if watched is self.search:  # Escape clears the search; on an empty one, back to the table
                if self.search.text():
                    self.search.clear()
                    self.apply_filter()
                else:
                    self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)

    @property
    def has_requests(self) -> bool:
        return self._has_requests

    def size_columns(self) -> None:
        """Column widths that fit the language's words and the date format; the LSP name takes the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        margin = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_HeaderMargin)
        arrow = metrics.height()  # the sort arrow beside the title of the ordering column
        samples = {
            COL_ID: "000000",
            COL_RECEIVED: i18n.fmt_datetime(datetime(2026, 11, 30, 23, 59, tzinfo=timezone.utc)),
            COL_STATE: max((i18n.state_label(s) for s in State), key=metrics.horizontalAdvance),
            COL_DUE: i18n.fmt_datetime(datetime(2026, 11, 30, 23, 59, tzinfo=timezone.utc)),
            COL_REQUESTED: "0000",
        }
        for col, sample in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            title_width = metrics.horizontalAdvance(title) + (arrow if col in (COL_RECEIVED, COL_DUE) else 0)
            # a cell draws its text inside a focus frame and margins: 16 px on top of the text
            header.resizeSection(col, max(metrics.horizontalAdvance(sample) + 16, title_width + margin + 8))
        header.setMinimumSectionSize(metrics.horizontalAdvance("LSP") + margin + 8)
        self._lsp_room = metrics.horizontalAdvance("LSP Manufaktur Otomotif Jawa") + margin
        self.fit_columns()

    def fit_columns(self) -> None:
        """On a narrow table (a 1024 px screen) the received time gives way to the LSP's name: it is in the
        detail pane and the row's tooltip; the name is how the officer finds the row."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in (COL_ID, COL_STATE, COL_DUE, COL_REQUESTED))
        room = self.table.viewport().width() - fixed
        hide = room - header.sectionSize(COL_RECEIVED) < getattr(self, "_lsp_room", 0)
        if hide != header.isSectionHidden(COL_RECEIVED):
            header.setSectionHidden(COL_RECEIVED, hide)
