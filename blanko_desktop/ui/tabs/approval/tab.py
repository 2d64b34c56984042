"""The Persetujuan & Cetak tab: approve verified requests, print their paperwork, keep the signed sheet with them."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.workflow import State
from blanko_desktop.ui import dropdata, i18n, messages
from blanko_desktop.ui.operations import Changes, Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.approval.models import PAPER_FORMS, ApprovedModel, WaitingModel
from blanko_desktop.ui.widgets.columns import READABLE_LSP, KeepColumn
from blanko_desktop.ui.widgets.print_preview import PdfPreview, form_title

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SCAN_FILTER = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff"
SUMMARY_OK = "color: #1b6e35;"


class ScanDropZone(QFrame):
    """The signed sheets of the selected request; a scan dragged here is kept with it."""

    dropped = Signal(object)  # dropdata.DropContents

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.hovering = False
        self._style()

    def _style(self) -> None:
        border = "2px dashed palette(highlight)" if self.hovering else "1px dashed palette(mid)"
        self.setStyleSheet(f"ScanDropZone {{ border: {border}; border-radius: 6px; }}")

    def _accept(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        if not self.isEnabled() or not dropdata.offers_something(event.mimeData()):
            event.ignore()
            return False
        # always copy: a "move" would let Explorer delete the officer's file
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.hovering = self._accept(event)
        self._style()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept(event)

    def dragLeaveEvent(self, event) -> None:
        self.hovering = False
        self._style()

    def dropEvent(self, event: QDropEvent) -> None:
        self.hovering = False
        self._style()
        if self._accept(event):
            contents = dropdata.read_mime(event.mimeData())
            # after the drop has returned: the mail program or Explorer is not kept waiting on a dialog
            QTimer.singleShot(0, lambda: self.dropped.emit(contents))


class ApprovalTab(QWidget):
    """Left: the two queues; middle: the selected request's approval, signed sheets and print log; right: the
    form preview with print, save and view. Everything is read off the GUI thread (`ui/operations`)."""

    status_message = Signal(str)
    queues_loaded = Signal()
    detail_loaded = Signal(int)
    preview_ready = Signal(str)  # the form now shown
    blanks_issued = Signal(int)  # request id: its blanks are issued, the parcel is next (Pengiriman)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.detail = None  # core.approval.views.Paperwork of the selected request
        self.issued: list = []  # the serial ranges now issued to the selected request (core.stock.SerialRange)
        self.paper = None  # the form previewed (core.approval.paperwork.Paper)
        self.form = "approval"
        self._tasks: set[Op] = set()
        self._generations = {"queues": 0, "detail": 0, "preview": 0}
        self._stale_queues = True
        self._stale_detail = False
        self._print_after_approval: int | None = None

        # -- left: the queues
        self.waiting_model = WaitingModel(self)
        self.waiting_table = self._table(self.waiting_model)
        self.waiting_box = QGroupBox()
        waiting_layout = QVBoxLayout(self.waiting_box)
        waiting_layout.addWidget(self.waiting_table)
        self.approved_model = ApprovedModel(self)
        self.approved_table = self._table(self.approved_model)
        self.approved_box = QGroupBox()
        approved_layout = QVBoxLayout(self.approved_box)
        approved_layout.addWidget(self.approved_table)
        for table in (self.waiting_table, self.approved_table):
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, t=table: self._row_chosen(t, current.row()))
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.waiting_box)
        left.addWidget(self.approved_box)
        left.setChildrenCollapsible(False)

        # -- middle: the selected request
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # a long LSP name must not widen the pane past a 1024-pixel screen
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setStyleSheet("#approveButton:enabled { font-weight: bold; }")
        self.approve_button.clicked.connect(self.open_approval)
        self.cancel_button = QPushButton(self.tr("Cancel approval…"))
        self.cancel_button.clicked.connect(self.cancel_approval)
        self.issue_button = QPushButton(self.tr("&Issue blanks…"))
        self.issue_button.clicked.connect(self.issue_blanks)
        for button in (self.approve_button, self.cancel_button, self.issue_button):
            button.setMinimumWidth(60)  # three in a row: they may shrink in an 800-pixel-wide window
        self.actions = actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.issue_button)
        actions.addStretch(1)

        self.scans = QTreeWidget()
        self.scans.setRootIsDecorated(False)
        self.scans.setHeaderLabels([self.tr("File"), self.tr("Attached")])
        self.scans.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.scans.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.scans.setMaximumHeight(110)
        self.scans.itemActivated.connect(lambda item: self.open_scan(item.data(0, ID_ROLE)))
        self.scan_hint = QLabel(self.tr("Drag the scan of the signed approval sheet here, or"))
        self.scan_hint.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("Choose file…"))
        self.attach_button.clicked.connect(self.choose_scan)
        self.attach_button.setMinimumWidth(60)  # never pushes the pane wider; the row turns into a column instead
        self.hint_row = hint_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        hint_row.addWidget(self.scan_hint, 1)
        hint_row.addWidget(self.attach_button)
        self.scan_zone = ScanDropZone()
        self.scan_zone.dropped.connect(self.scans_dropped)
        zone_layout = QVBoxLayout(self.scan_zone)
        zone_layout.addLayout(hint_row)
        zone_layout.addWidget(self.scans)
        scans_box = QGroupBox(self.tr("Signed approval sheet"))
        scans_layout = QVBoxLayout(scans_box)
        scans_layout.addWidget(self.scan_zone)

        # two lines per print (form and time; printer, copies and officer): readable in a narrow pane
        self.printed = QListWidget()
        self.printed.setAlternatingRowColors(True)
        self.printed.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.printed.setSpacing(1)
        self.printed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.printed.currentItemChanged.connect(lambda *_: self._update_actions())
        self.printed.itemActivated.connect(lambda _item: self.reprint())
        self.reprint_button = QPushButton(self.tr("&Reprint…"))
        self.reprint_button.setToolTip(self.tr("Print the very same PDF again (the reprint is logged too)."))
        self.reprint_button.clicked.connect(self.reprint)
        printed_box = QGroupBox(self.tr("Forms printed"))
        printed_layout = QVBoxLayout(printed_box)
        printed_layout.addWidget(self.printed)
        reprint_row = QHBoxLayout()
        reprint_row.addStretch(1)
        reprint_row.addWidget(self.reprint_button)
        printed_layout.addLayout(reprint_row)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.subtitle)
        detail_layout.addWidget(self.summary)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(scans_box)
        detail_layout.addWidget(printed_box, 1)
        self.placeholder = QLabel(self.tr("Choose a request on the left: verified requests wait for the "
                                          "echelon-4 official's approval; approved ones for their forms."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.middle = QStackedWidget()
        self.middle.addWidget(self.placeholder)
        self.middle.addWidget(detail)
        self.middle.installEventFilter(self)  # its width decides whether the actions stand in a row or a column

        # -- right: the form
        # short titles, whole (the form's full name in the tooltip): at 1024 px they fit beside Print instead of
        # eliding to "Tan…"/"La…"; in an 800-pixel window the row scrolls
        short = {"approval": self.tr("Approval"), "receipt": self.tr("Receipt"), "label": self.tr("Label")}
        self.form_tabs = QTabBar()
        self.form_tabs.setExpanding(False)
        self.form_tabs.setUsesScrollButtons(True)
        self.form_tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for index, form in enumerate(PAPER_FORMS):
            self.form_tabs.addTab(short.get(form, form_title(form)))
            self.form_tabs.setTabToolTip(index, form_title(form))
        self.form_tabs.currentChanged.connect(self._form_chosen)
        self.preview = PdfPreview()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printButton")
        self.print_button.setStyleSheet("#printButton:enabled { font-weight: bold; }")
        self.print_button.setToolTip(self.tr("Preview, choose the printer and the copies (Ctrl+P)."))
        self.print_button.clicked.connect(self.print_form)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_form)
        self.viewer_button = QPushButton(self.tr("Open in PDF viewer"))
        self.viewer_button.clicked.connect(self.view_form)
        # Print stands apart, beside the form tabs; saving and viewing below the sheet (the tab stays narrow
        # enough for an 800-pixel-wide window)
        for button in (self.save_button, self.viewer_button):
            button.setMinimumWidth(60)  # may shrink below its text in a narrow window, never push it wider
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.save_button)
        form_buttons.addWidget(self.viewer_button)
        form_buttons.addStretch(1)
        form_top = QHBoxLayout()
        form_top.addWidget(self.form_tabs, 1)
        form_top.addWidget(self.print_button)
        preview_box = QGroupBox(self.tr("Form"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addLayout(form_top)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addLayout(form_buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_form)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(preview_box)
        # shares that at 1024 px leave the queues room for a readable LSP and the form its tabs whole; the
        # middle pane, whose text wraps and whose buttons stack, gives way
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([530, 330, 506])
        self.splitter.installEventFilter(self)  # a new width: the queues and the form get their room back
        self._share_timer = QTimer(self)
        self._share_timer.setSingleShot(True)
        self._share_timer.setInterval(0)
        self._share_timer.timeout.connect(self._share_width)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        session.changes.connect(self._data_changed)
        session.database_changed.connect(self.rebind)
        self.status_message.connect(self.status.setText)
        self._set_counts(None)
        self._show_nothing()

    # -- builders ---------------------------------------------------------------------------------------

    def _table(self, model) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # widths from sample text, not ResizeToContents: that asks the model for every row of the queue on
        # each layout (500 rows: ~100,000 data() calls, 1.2 s of GUI time when the tab was first shown)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        metrics, bold = table.fontMetrics(), QFont(table.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        samples = {0: "#00000", 2: "0000"}
        if isinstance(model, WaitingModel):
            samples[3] = i18n.fmt_datetime(datetime(2026, 12, 30, 23, 59, tzinfo=timezone.utc))
        for column in range(model.columnCount()):
            if column == 1:
                continue
            lines = str(model.headerData(column, Qt.Orientation.Horizontal) or "").split("\n")
            text = samples.get(column, "✓")
            width = max([wide.horizontalAdvance(text)] + [metrics.horizontalAdvance(line) for line in lines])
            header.resizeSection(column, width + 12)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # the LSP takes the rest of the pane but stays readable ("LSP Informatika…"): in a narrow pane the counts
        # and the check columns give way, their headers cut, down to what their values need ("✓", "10")
        keep = {0, 1, model.due_column} if isinstance(model, WaitingModel) else {0, 1}
        values = {c: wide.horizontalAdvance(samples.get(c, "✓")) + 12 for c in range(model.columnCount())
                  if c not in keep}
        # readable is enough here: the check columns' headers, cut further, would say nothing
        table.columns = KeepColumn(table, 1, give_way=values, whole=READABLE_LSP)
        return table

    def _set_counts(self, queues) -> None:
        def title(text: str, shown: int, total: int) -> str:
            if total > shown:
                return text + " " + self.tr("(%1 of %2 shown)").replace("%1", str(shown)).replace("%2", str(total))
            return f"{text} ({total})"

        shown_w = len(queues.waiting) if queues else 0
        shown_a = len(queues.approved) if queues else 0
        self.waiting_box.setTitle(title(self.tr("Waiting for approval"), shown_w, queues.waiting_total if queues
                                        else 0))
        self.approved_box.setTitle(title(self.tr("Approved — forms to print"), shown_a,
                                         queues.approved_total if queues else 0))

    # -- loading ----------------------------------------------------------------------------------------

    def _start(self, kind: str, fn, on_done, on_failed=None) -> Op:
        self._generations[kind] += 1
        generation = self._generations[kind]
        task = Op(fn, self.session.storage, self)

        def done(result) -> None:
            self._forget(task)
            if generation == self._generations[kind]:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self._forget(task)
            if generation != self._generations[kind]:
                return
            if on_failed is not None:
                on_failed(exc)
            else:
                messages.error(self, exc)

        task.finished.connect(done)
        task.failed.connect(failed)
        self._tasks.add(task)
        return task.start()

    def _forget(self, task: Op) -> None:
        self._tasks.discard(task)
        task.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def wait_idle(self, timeout: float = 15.0) -> None:
        """Block until every load and render started is done and shown (tests, screenshots, benchmark)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        QCoreApplication.processEvents()
        while (self._tasks or self._reload_timer.isActive()) and time.monotonic() < deadline:
            for task in list(self._tasks):
                task.wait(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.middle and event.type() == QEvent.Type.Resize:
            self._lay_out_actions()
        elif watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._share_timer.start()  # once the splitter has shared the new width its own way
        return super().eventFilter(watched, event)

    def _share_width(self) -> None:
        """The queues wide enough for a readable LSP and the form's tabs whole, taken from the middle pane while
        its wrapping text and stacking buttons allow (1024 px); narrower windows keep the splitter's own shares.
        Only on a new width: a handle the officer drags stays where it is put."""
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or not all(sizes):
            return
        left_box, preview_box = self.splitter.widget(0), self.splitter.widget(2)
        left = max(t.columns.needed() + left_box.width() - t.width()
                   for t in (self.waiting_table, self.approved_table))
        form_row = self.form_tabs.sizeHint().width() + self.print_button.sizeHint().width() + 12
        right = form_row + preview_box.width() - self.form_tabs.width() - self.print_button.width() - 12
        wanted = [max(sizes[0], left), 0, max(sizes[2], right)]
        wanted[1] = sum(sizes) - wanted[0] - wanted[2]
        if wanted != sizes and wanted[1] >= self.middle.minimumSizeHint().width():
            self.splitter.setSizes(wanted)

    def _lay_out_actions(self) -> None:
        """The stage's buttons, and the scan hint with its button, in a row while they fit whole, else one under
        another (the middle pane is ~250 px at 1024)."""
        shown = [b for b in (self.approve_button, self.cancel_button, self.issue_button) if not b.isHidden()]
        buttons = sum(b.sizeHint().width() for b in shown) + self.actions.spacing() * max(0, len(shown) - 1)
        # the hint wraps; below ~180 px a line it reads as a word per line
        hint = 180 + self.attach_button.sizeHint().width() + 60  # the drop zone's and the box's margins
        for row, needed in ((self.actions, buttons), (self.hint_row, hint)):
            direction = (QBoxLayout.Direction.LeftToRight if needed <= self.middle.width()
                         else QBoxLayout.Direction.TopToBottom)
            if row.direction() != direction:
                row.setDirection(direction)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload_if_shown()

    def _data_changed(self, changes: Changes) -> None:
        # prints and scans of a request change its row in the approved queue too
        if changes.requests or changes.request_ids or changes.settings or changes.calendar or changes.lsps:
            self._stale_queues = True
        if changes.touches(self.request_id) or changes.settings or changes.lsps:
            self._stale_detail = True
        self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if not self.isVisible():
            return
        if self._stale_queues:
            self.load_queues()
        if self._stale_detail and self.request_id is not None:
            self.load_detail()

    def refresh(self) -> None:
        """F5."""
        self.load_queues()
        if self.request_id is not None:
            self.load_detail()

    def rebind(self) -> None:
        self.request_id = None
        self.detail = None
        self._show_nothing()
        self._stale_queues = True
        self._reload_if_shown()

    def load_queues(self) -> Op:
        from blanko_desktop.core.approval import views

        self._stale_queues = False
        services = self.session.services
        limit = views.QUEUE_LIMIT

        def load():
            from blanko_desktop.core.stock import StockLedger

            queues = views.queues(services, limit)
            # every approved request without blanks (the limit covers them all), so the rest have theirs
            waiting = {r.id for r in StockLedger(services).issuable_requests(max(queues.approved_total, 1))}
            return queues, {r.request_id for r in queues.approved} - waiting

        return self._start("queues", load, lambda result: self._queues_loaded(*result),
                           lambda exc: self.status_message.emit(str(exc)))

    def _queues_loaded(self, queues, issued: set[int] = frozenset()) -> None:
        self._set_counts(queues)
        self.approved_model.issued = set(issued)
        for table, model, rows in ((self.waiting_table, self.waiting_model, queues.waiting),
                                   (self.approved_table, self.approved_model, queues.approved)):
            table.selectionModel().blockSignals(True)
            model.set_rows(rows, queues.now)
            row = model.row_of(self.request_id)
            if row >= 0:
                table.selectRow(row)
            table.selectionModel().blockSignals(False)
        if self.request_id is None:
            # nothing chosen yet: the most urgent request waiting for approval is the officer's next one
            for table, model in ((self.waiting_table, self.waiting_model),
                                 (self.approved_table, self.approved_model)):
                if model.rowCount():
                    table.selectRow(0)  # shows it, through the selection
                    break
        self.queues_loaded.emit()

    def _row_chosen(self, table: QTableView, row: int) -> None:
        request_id = table.model().request_id(row)
        if request_id is None:
            return
        other = self.approved_table if table is self.waiting_table else self.waiting_table
        other.selectionModel().blockSignals(True)
        other.clearSelection()
        other.selectionModel().clearCurrentIndex()
        other.selectionModel().blockSignals(False)
        self.show_request(request_id)

    def show_request(self, request_id: int | None) -> None:
        """Show one request (from the queues, or from another tab)."""
        if request_id == self.request_id and self.detail is not None and not self._stale_detail:
            return
        self.request_id = request_id
        if request_id is None:
            self._show_nothing()
            return
        for table, model in ((self.waiting_table, self.waiting_model), (self.approved_table, self.approved_model)):
            row = model.row_of(request_id)
            if row >= 0 and table.currentIndex().row() != row:
                table.selectionModel().blockSignals(True)
                table.selectRow(row)
                table.selectionModel().blockSignals(False)
        self.load_detail()

    def load_detail(self) -> Op | None:
        from blanko_desktop.core.approval import views

        self._stale_detail = False
        request_id = self.request_id
        if request_id is None:
            return None
        services = self.session.services

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BlankoError):  # e.g. the request is gone after a database switch
                self.request_id = None
                self._show_nothing()
                self.status_message.emit(str(exc))
            else:
                messages.error(self, exc)

        def load():
            from blanko_desktop.core.stock import StockLedger

            return views.request_paperwork(services, request_id), StockLedger(services).request_ranges(request_id)

        return self._start("detail", load, lambda result: self._detail_loaded(*result), failed)

    # -- showing ------------------------------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self.detail = None
        self.paper = None
        self.middle.setCurrentWidget(self.placeholder)
        self.preview.show_message(self.tr("The form of the selected request is shown here."))
        self._update_actions()

    def _detail_loaded(self, detail, issued: list | None = None) -> None:
        self.detail = detail
        self.issued = list(issued or [])
        req, current = detail.request, detail.approval
        self.middle.setCurrentIndex(1)
        self.title.setText(self.tr("Request #%1 — %2").replace("%1", str(req.id))
                           .replace("%2", req.lsp_name or self.tr("(unknown sender)")))
        parts = [i18n.state_label(req.state)]
        if req.clock_running and req.due_at:
            parts.append(self.tr("due %1").replace("%1", i18n.fmt_datetime(req.due_at)))
        if req.letter_number:
            parts.append(self.tr("letter %1").replace("%1", req.letter_number))
        self.subtitle.setText("  ·  ".join(parts))
        if current is not None:
            text = self.tr("Approved: %1 blank(s) by %2 on %3.").replace("%1", str(current.quantity)) \
                .replace("%2", current.signatory_name or "—").replace("%3", i18n.fmt_datetime(current.approved_at))
            if current.reason:
                text += " " + self.tr("Reason: %1").replace("%1", current.reason)
            text += "\n" + self._issued_text(req.state)
            self.summary.setStyleSheet(SUMMARY_OK)
        elif req.state == State.VERIFIED:
            text = self.tr("Verified, waiting for the approval. Competent participants: %1.").replace(
                "%1", "—" if req.competent_qty is None else str(req.competent_qty))
            if not detail.active_signatories:
                text += " " + self.tr("No echelon-4 official is set up to sign yet (Settings › Signatories).")
            self.summary.setStyleSheet("")
        else:
            text = self.tr("This request is %1.").replace("%1", i18n.state_label(req.state).lower())
            self.summary.setStyleSheet("")
        self.summary.setText(text)
        self._fill_scans(detail)
        self._fill_printed(detail)
        # the forms that exist for this state: a verified request has only its approval sheet (a proposal)
        approved = req.state in (State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED, State.CLOSED)
        for index, form in enumerate(PAPER_FORMS):
            self.form_tabs.setTabEnabled(index, form == "approval" or approved)
        if not approved and self.form != "approval":
            self.form = "approval"
        self.form_tabs.blockSignals(True)
        self.form_tabs.setCurrentIndex(PAPER_FORMS.index(self.form))
        self.form_tabs.blockSignals(False)
        self._update_actions()
        self.detail_loaded.emit(req.id)
        self.render_form()

    def _issued_text(self, state: State) -> str:
        if self.issued:
            from blanko_desktop.core.stock import StockLedger

            fmt = StockLedger(self.session.services).serial_format()
            return self.tr("Blanks issued: %1.").replace("%1", ", ".join(r.text(fmt) for r in self.issued))
        if state == State.APPROVED:
            return self.tr("No blanks issued yet: Issue blanks… takes them from the stock.")
        return self.tr("No blanks issued.")

    def _fill_scans(self, detail) -> None:
        self.scans.clear()
        for doc in detail.scans:
            item = QTreeWidgetItem([doc.original_name, i18n.fmt_datetime(doc.added_at)])
            item.setData(0, ID_ROLE, doc.id)
            item.setToolTip(0, self.tr("%1 — added by %2").replace("%1", doc.original_name)
                            .replace("%2", doc.added_by))
            self.scans.addTopLevelItem(item)
        self.scans.setVisible(bool(detail.scans))

    def _fill_printed(self, detail) -> None:
        keep = self.printed_id()
        self.printed.clear()
        for row in detail.printed:
            if row.saved_path is not None:
                where = self.tr("Saved: %1").replace("%1", row.saved_path)
            else:
                where = self.tr("%1, %n copies", "", row.copies).replace("%1", row.printer)
            item = QListWidgetItem(f"{form_title(row.form)} — {i18n.fmt_datetime(row.printed_at)}\n"
                                   f"{where} · {row.printed_by}")
            item.setData(ID_ROLE, row.id)
            item.setToolTip("\n".join(filter(None, [row.number, where, row.printed_by])))
            self.printed.addItem(item)
            if row.id == keep:
                self.printed.setCurrentItem(item)
        if not detail.printed:
            item = QListWidgetItem(self.tr("Nothing printed yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.printed.addItem(item)

    def printed_id(self) -> int | None:
        item = self.printed.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _update_actions(self) -> None:
        req = self.detail.request if self.detail else None
        state = req.state if req else None
        self.approve_button.setEnabled(state == State.VERIFIED)
        self.approve_button.setToolTip(
            self.tr("Choose the signing official and the number of blanks, preview the sheet, record the approval.")
            if state == State.VERIFIED else self.tr("Only a verified request can be approved."))
        self.cancel_button.setEnabled(state == State.APPROVED)
        self.cancel_button.setToolTip(
            self.tr("Take the approval back (with a reason) before the blanks are packed.")
            if state == State.APPROVED else self.tr("Only an approval not yet packed can be taken back."))
        can_issue = state == State.APPROVED and not self.issued
        self.issue_button.setEnabled(can_issue)
        self.issue_button.setToolTip(
            self.tr("Take exactly the approved number of blanks from the stock for this request.") if can_issue
            else self.tr("Blanks are issued once, to an approved request that has none yet."))
        approved = state in (State.APPROVED, State.PACKED, State.SHIPPED, State.DELIVERED)
        # only the buttons of the request's stage show: three in a row did not fit the pane at 1024 px
        self.approve_button.setVisible(not approved)
        self.cancel_button.setVisible(approved)
        self.issue_button.setVisible(approved)
        self._lay_out_actions()
        self.scan_zone.setEnabled(approved)
        self.scan_hint.setText(self.tr("Drag the scan of the signed approval sheet here, or") if approved
                               else self.tr("The signed sheet can be attached once the approval is recorded."))
        has_paper = self.paper is not None and self.detail is not None and self.paper.request_id == req.id
        for button in (self.print_button, self.save_button, self.viewer_button):
            button.setEnabled(has_paper)
        self.reprint_button.setEnabled(self.printed_id() is not None)

    # -- the form preview ---------------------------------------------------------------------------------

    def _form_chosen(self, index: int) -> None:
        if 0 <= index < len(PAPER_FORMS):
            self.form = PAPER_FORMS[index]
            self.render_form()

    def choose_form(self, form: str) -> None:
        self.form_tabs.setCurrentIndex(PAPER_FORMS.index(form))

    def render_form(self) -> Op | None:
        """Render the chosen form of the selected request on a worker; the core's refusal is shown in its place."""
        from blanko_desktop.core.approval import paperwork

        if self.detail is None:
            return None
        services, request_id, form = self.session.services, self.detail.request.id, self.form
        self.paper = None
        self._update_actions()
        self.preview.show_busy(self.tr("Preparing the %1…").replace("%1", form_title(form).lower()))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, BlankoError):
                self.preview.show_message(str(exc), error=True)
            else:
                self.preview.show_message(self.tr("The form could not be prepared: %1").replace(
                    "%1", f"{type(exc).__name__}: {exc}"), error=True)

        return self._start("preview", lambda: paperwork.render_form(services, form, request_id),
                           self._rendered, failed)

    def _rendered(self, paper) -> None:
        self.paper = paper
        self.preview.show_pdf(paper.pdf)
        self._update_actions()
        self.preview_ready.emit(paper.form)
        if self._print_after_approval == paper.request_id and paper.form == "approval":
            self._print_after_approval = None
            self.print_form()

    # -- printing -------------------------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a dialog of this tab (tests stand in for the officer here)."""
        return dialog.exec()

    def print_dialog(self, paper):
        from blanko_desktop.ui.dialogs.print_dialog import PrintDialog

        dialog = PrintDialog(self.session, paper, self)
        dialog.printed.connect(lambda view: self.status_message.emit(self._printed_text(view)))
        return dialog

    def _printed_text(self, view) -> str:
        if view.saved_path is not None:
            return self.tr("%1 of request #%2 saved as %3.").replace("%1", form_title(view.form)) \
                .replace("%2", str(view.request_id)).replace("%3", view.saved_path)
        return self.tr("%1 of request #%2 printed on %3 (%n copies).", "", view.copies) \
            .replace("%1", form_title(view.form)).replace("%2", str(view.request_id)).replace("%3", view.printer)

    def print_form(self):
        from blanko_desktop.ui import printing

        if self.paper is None:
            return None
        if not printing.printer_names():
            # no printer on this workstation: the print dialog could only save, so save straight away
            return self.save_form()
        dialog = self.print_dialog(self.paper)
        self.exec_dialog(dialog)
        return dialog

    def save_form(self):
        from blanko_desktop.ui.dialogs import print_dialog

        if self.paper is None:
            return None
        view = print_dialog.save_paper(self.session, self, self.paper)
        if view is not None:
            self.status_message.emit(self._printed_text(view))
        return view

    def view_form(self) -> Path | None:
        from blanko_desktop.ui.dialogs import print_dialog

        return print_dialog.open_paper(self, self.paper) if self.paper is not None else None

    def reprint(self):
        """The very PDF printed before, to the print dialog again (a new log line when printed)."""
        from blanko_desktop.core.approval import paperwork

        printed_id = self.printed_id()
        if printed_id is None or self.detail is None:
            return None
        row = next((r for r in self.detail.printed if r.id == printed_id), None)
        if row is None:
            return None
        try:
            paper = paperwork.stored_paper(self.session.services, row)
        except BlankoError as exc:
            messages.error(self, exc)
            return None
        dialog = self.print_dialog(paper)
        self.exec_dialog(dialog)
        return dialog

    # -- approval -------------------------------------------------------------------------------------------

    def open_approval(self):
        from blanko_desktop.ui.dialogs.approval_dialog import ApprovalDialog

        if self.detail is None or self.detail.request.state != State.VERIFIED:
            return None
        dialog = ApprovalDialog(self.session, self.detail, self)
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.approved is not None
        if accepted:
            request_id = self.detail.request.id
            self.status_message.emit(self.tr("Request #%1 is approved: print its approval sheet and receipt.")
                                     .replace("%1", str(request_id)))
            if dialog.print_after.isChecked():
                self._print_after_approval = request_id
            self.form = "approval"
        return dialog

    def issue_blanks(self):
        """Keluarkan blanko: the Stok Blanko tab's issue dialog for the selected request, its suggestion ready."""
        from blanko_desktop.ui.tabs.stock.issue_dialog import IssueDialog

        if self.detail is None or self.detail.request.state != State.APPROVED or self.issued:
            return None
        request_id = self.detail.request.id
        dialog = IssueDialog(self.session, request_id, self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.issued:
            fmt = dialog.fmt
            self.status_message.emit(self.tr("%n blank(s) issued to request #%1: %2.", "",
                                             sum(r.count for r in dialog.issued))
                                     .replace("%1", str(request_id))
                                     .replace("%2", ", ".join(r.text(fmt) for r in dialog.issued)))
            self.blanks_issued.emit(request_id)
        return dialog

    def ask_cancel_reason(self) -> str | None:
        from blanko_desktop.ui.dialogs.approval_dialog import CancelApprovalDialog

        dialog = CancelApprovalDialog(self.detail.request.id, self.detail.approval, self)
        return dialog.text() if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted else None

    def cancel_approval(self) -> bool:
        from blanko_desktop.core import approval

        if self.detail is None or self.detail.request.state != State.APPROVED:
            return False
        req = self.detail.request
        reason = self.ask_cancel_reason()
        if not reason:
            return False
        if not messages.confirm(self, self.tr("Cancel the approval"),
                                self.tr("Take back the approval of request #%1? It goes back to the approval "
                                        "queue; the printed forms stay in the log.").replace("%1", str(req.id)),
                                self.tr("Cancel the approval")):
            return False
        services = self.session.services
        done = self.session.perform(self, lambda: approval.cancel_approval(services, req.id, reason,
                                                                           expected_version=req.version),
                                    Changes.of_request(req.id))
        if done is not None:
            self.status_message.emit(self.tr("The approval of request #%1 was cancelled.").replace("%1", str(req.id)))
        return done is not None

    # -- the signed sheet -------------------------------------------------------------------------------------

    def ask_scan_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Scan of the signed approval sheet"), str(Path.home()),
                                                self.tr("PDF or image (%1)").replace("%1", SCAN_FILTER))
        return [Path(n) for n in names]

    def choose_scan(self) -> int:
        return self.attach_scans(self.ask_scan_files())

    def scans_dropped(self, contents) -> int:
        if contents.empty:
            from blanko_desktop.ui.intake.router import problem_text

            messages.warn(self, self.tr("Nothing to attach"), problem_text(contents))
            return 0
        folders = [p for p in contents.paths if p.is_dir()]
        if folders:
            messages.warn(self, self.tr("Nothing to attach"), self.tr(
                "A folder cannot be attached: drag the scanned file itself (PDF or image)."))
            return 0
        return self.attach_scans(list(contents.paths) + list(contents.items))

    def attach_scans(self, files: list) -> int:
        """Keep each file (a path, or a dropped (name, bytes)) with the selected request; the core checks it is
        a PDF or an image and that the approval is recorded. The number kept."""
        from blanko_desktop.core import approval

        if self.detail is None or not files:
            return 0
        services, request_id = self.session.services, self.detail.request.id
        kept = 0
        for item in files:
            if isinstance(item, tuple):
                name, data = item
                call = (lambda n=name, d=data: approval.attach_approval_scan(services, request_id, d, n))
            else:
                call = (lambda p=Path(item): approval.attach_approval_scan(services, request_id, p))
            if self.session.perform(self, call, Changes.of_request(request_id, documents=True,
                                                                    requests=False)) is None:
                break
            kept += 1
        if kept:
            self.status_message.emit(self.tr("%n scan(s) of the signed sheet kept with request #%1.", "", kept)
                                     .replace("%1", str(request_id)))
        return kept

    def open_scan(self, document_id: int | None):
        from blanko_desktop.ui.widgets.stored_file import open_copy

        if self.detail is None or document_id is None:
            return None
        doc = next((d for d in self.detail.scans if d.id == document_id), None)
        if doc is None:
            return None
        target, opened = open_copy(self, self.session.storage, doc)
        if target is not None and not opened:
            self.status_message.emit(self.tr("No program could open %1. The copy is at %2.")
                                     .replace("%1", doc.original_name).replace("%2", str(target)))
        return target
