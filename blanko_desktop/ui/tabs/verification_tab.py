"""Verifikasi: the completeness check of one request, and the two ways out of it (verified, or ask the LSP)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop import paths
from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services import RequestFilter, Services
from blanko_desktop.core.services.views import DocumentView, RequestView
from blanko_desktop.core.workflow import State
from blanko_desktop.ui.lazy import checklist_core, completion, intake_sniff, reception
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.dialogs.completion_dialogs import (
    COPY_TEXT,
    OPEN_MAIL,
    AcceptFindingDialog,
    CompletionDialog,
    mail_body,
)
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.checklist_widgets import (
    DOC_ID_ROLE,
    SORT_ROLE,
    ChecklistSlot,
    DocumentList,
    FindingsModel,
    describe,
)
from blanko_desktop.ui.widgets.document_preview import DocumentPreview
from blanko_desktop.ui.widgets.stored_file import open_copy
from blanko_desktop.ui.operations import Changes, Op

# the requests the selector offers: those whose documents are being checked, newest first
SELECTOR_STATES = (State.RECEIVED.value, State.WAITING_LSP.value, State.VERIFIED.value)
SELECTOR_LIMIT = 200
KIND_ORDER = ("letter", "minutes", "decision", "list", "other")
OK_STYLE = "background: #e8f5ec; color: #1b6e35; border: 1px solid #9fd3ae;"
BAD_STYLE = "background: #fcebeb; color: #a31515; border: 1px solid #e6a5a5;"
NEUTRAL_STYLE = "background: palette(alternate-base); border: 1px solid palette(mid);"


if TYPE_CHECKING:
    from blanko_desktop.core.verification.checklist import CheckedFinding, Checklist

class _ElideRight(QStyledItemDelegate):
    """Messages read from their start; the view elides file names in the middle (keeping the extension)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


@dataclass
class Verification:
    """What the tab shows of one request, read on a worker thread."""

    request: RequestView
    lsp_name: str | None
    checklist: Checklist
    documents: list[DocumentView]
    letter_readable: bool   # the letter's text gave the number of blanks asked for
    problems: list[str]     # what the completion e-mail would list


def load_verification(services: Services, request_id: int) -> Verification:
    cl = checklist_core.build(services, request_id)
    req = services.request_view(request_id)
    lsp_name = req.lsp_name or None
    docs = [d for d in services.document_views(request_id) if d.kind not in ("email", "completion")]
    readable = any(((d.analysis or {}).get("counts") or {}).get("requested") is not None
                   for d in docs if d.kind == "letter")
    return Verification(req, lsp_name, cl, docs, readable, completion.problem_lines(cl))


def participants_of(services: Services, doc: DocumentView):
    """The rows of a participant list (the analysis the checklist made is reused)."""
    analysis = reception.cached_analysis(doc.sha256, doc.original_name, lambda: services.storage.files.read(doc.sha256))
    return analysis.participants, analysis.findings


def completion_folder() -> Path:
    """Where completion e-mail drafts are written (a copy is also kept with the request)."""
    return paths.data_dir() / "kelengkapan"


class VerificationTab(QWidget):
    """The Verifikasi tab: four slots, counts, findings, a preview, and the decision."""

    status_message = Signal(str)
    notice = Signal(str)
    request_picked = Signal(int)   # the officer chose a request in this tab's selector
    loaded = Signal(int)           # the checklist of this request is now shown

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.request_id: int | None = None
        self.current: Verification | None = None
        self._generation = 0
        self._stale = True
        self._tasks: set[Op] = set()
        self._preview_generation = 0

        # -- top: which request, and the check running
        self.selector = QComboBox()
        self.selector.setMinimumContentsLength(40)
        self.selector.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        selector_label = QLabel(self.tr("&Request:"))
        selector_label.setBuddy(self.selector)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self.tr("Checking the documents…"))
        top = QHBoxLayout()
        top.addWidget(selector_label)
        top.addWidget(self.selector)
        top.addSpacing(12)
        top.addWidget(self.progress)
        top.addWidget(self.progress_label)
        top.addStretch(1)
        self._show_progress(False)

        # -- header
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.banner.font())
        bold.setBold(True)
        self.banner.setFont(bold)
        self.banner.setContentsMargins(10, 6, 10, 6)

        # -- left: the four slots, the LSP, the counts, the decision
        self.slots: dict[str, ChecklistSlot] = {}
        slots_box = QGroupBox(self.tr("Required documents"))
        slots_layout = QVBoxLayout(slots_box)
        slots_layout.setSpacing(6)
        for kind in checklist_core.REQUIRED:
            slot = ChecklistSlot(kind, i18n.document_kind_label(kind))
            slot.setToolTip(self.tr("Drag a document here to make it this kind of document."))
            slot.kind_dropped.connect(self.change_kind)
            self.slots[kind] = slot
            slots_layout.addWidget(slot)

        self.lsp_box = QGroupBox(self.tr("LSP"))
        lsp_layout = QGridLayout(self.lsp_box)
        self.lsp_note = QLabel(self.tr("The sender is not in the LSP registry: choose the LSP."))
        self.lsp_note.setWordWrap(True)
        self.lsp_note.setStyleSheet("color: #a31515;")
        self.lsp_combo = QComboBox()
        self.lsp_button = QPushButton(self.tr("Set LSP"))
        self.lsp_button.clicked.connect(self.set_lsp)
        lsp_layout.addWidget(self.lsp_note, 0, 0, 1, 2)
        lsp_layout.addWidget(self.lsp_combo, 1, 0)
        lsp_layout.addWidget(self.lsp_button, 1, 1)

        counts_box = QGroupBox(self.tr("Participants"))
        counts_layout = QVBoxLayout(counts_box)
        self.scheme_table = self._counts_table(self.tr("Scheme"))
        self.funding_table = self._counts_table(self.tr("Funding"))
        numbers = QGridLayout()
        numbers.setColumnStretch(1, 1)
        self.requested_value = QLabel()
        self.requested_spin = QSpinBox()
        self.requested_spin.setRange(0, 1_000_000)
        self.requested_spin.setToolTip(self.tr("The letter is a scan: type the number of blanks it asks for."))
        self.requested_save = QPushButton(self.tr("Save"))
        self.requested_save.clicked.connect(self.save_requested)
        self.requested_spin.lineEdit().returnPressed.connect(self.save_requested)
        requested_row = QHBoxLayout()
        requested_row.setContentsMargins(0, 0, 0, 0)
        requested_row.addWidget(self.requested_value)
        requested_row.addWidget(self.requested_spin)
        requested_row.addWidget(self.requested_save)
        requested_row.addStretch(1)
        self.competent_value = QLabel()
        self.not_yet_value = QLabel()
        requested_label = QLabel(self.tr("Blanks requested (letter):"))
        requested_label.setBuddy(self.requested_spin)
        numbers.addWidget(requested_label, 0, 0)
        numbers.addLayout(requested_row, 0, 1)
        numbers.addWidget(QLabel(self.tr("Competent (list):")), 1, 0)
        numbers.addWidget(self.competent_value, 1, 1)
        numbers.addWidget(QLabel(self.tr("Not yet competent:")), 2, 0)
        numbers.addWidget(self.not_yet_value, 2, 1)
        counts_layout.addLayout(numbers)
        self.mismatch = QLabel()
        self.mismatch.setWordWrap(True)
        self.mismatch.setStyleSheet("color: #a31515; font-weight: bold;")
        counts_layout.addWidget(self.mismatch)
        counts_layout.addWidget(self.scheme_table)
        counts_layout.addWidget(self.funding_table)

        # the decision sits beside the verdict, always in view
        self.verify_button = QPushButton(self.tr("Complete — on to approval"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setStyleSheet("#verifyButton:enabled { font-weight: bold; }")
        self.verify_button.clicked.connect(self.mark_verified)
        self.completion_button = QPushButton(self.tr("Send completion request…"))
        self.completion_button.clicked.connect(self.send_completion)

        left_body = QWidget()
        left_layout = QVBoxLayout(left_body)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(slots_box)
        left_layout.addWidget(self.lsp_box)
        left_layout.addWidget(counts_box)
        left_layout.addStretch(1)
        left = QScrollArea()
        left.setWidget(left_body)
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.setMinimumWidth(300)

        # -- middle: documents and findings
        self.documents = DocumentList()
        self.documents.setHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Content")])
        self.documents.setToolTip(self.tr("Drag a file onto a checklist slot, or right-click it, to change its "
                                          "kind."))
        header = self.documents.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.documents.currentItemChanged.connect(self._document_selected)
        self.documents.customContextMenuRequested.connect(self._document_menu)
        self.documents.itemActivated.connect(lambda item: self.open_document(self.documents.document_id(item)))
        docs_box = QGroupBox(self.tr("Documents"))
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.addWidget(self.documents)

        self.findings_model = FindingsModel(self)
        self.findings_proxy = QSortFilterProxyModel(self)
        self.findings_proxy.setSourceModel(self.findings_model)
        self.findings_proxy.setSortRole(SORT_ROLE)
        self.findings = QTableView()
        self.findings.setModel(self.findings_proxy)
        self.findings.setSortingEnabled(True)
        self.findings.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the checklist's order until clicked
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.findings.setAlternatingRowColors(True)
        self.findings.setWordWrap(False)
        self.findings.verticalHeader().setVisible(False)
        self.findings.verticalHeader().setDefaultSectionSize(self.findings.fontMetrics().height() + 8)
        fheader = self.findings.horizontalHeader()
        fheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fheader.setSectionResizeMode(FindingsModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.findings.setItemDelegateForColumn(FindingsModel.COL_MESSAGE, _ElideRight(self.findings))
        metrics = self.findings.fontMetrics()
        for col, sample in ((FindingsModel.COL_DOCUMENT, "Daftar Peserta"), (FindingsModel.COL_SHEET, "Peserta"),
                            (FindingsModel.COL_ROW, "00000"),
                            (FindingsModel.COL_STATUS, self.findings_model.status_text(checklist_core.CheckedFinding("", None, None, "", "error", "")))):
            fheader.resizeSection(col, metrics.horizontalAdvance(sample) + 20)
        self.findings.selectionModel().selectionChanged.connect(self._findings_selected)
        self.accept_button = QPushButton(self.tr("Accept finding…"))
        self.accept_button.setToolTip(self.tr("Accept the selected findings with a note (kept in the history)."))
        self.accept_button.clicked.connect(self.accept_selected)
        self.findings_count = QLabel()
        findings_box = QGroupBox(self.tr("Findings"))
        findings_layout = QVBoxLayout(findings_box)
        findings_bar = QHBoxLayout()
        findings_bar.addWidget(self.findings_count, 1)
        findings_bar.addWidget(self.accept_button)
        findings_layout.addLayout(findings_bar)
        findings_layout.addWidget(self.findings)

        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(docs_box)
        middle.addWidget(findings_box)
        middle.setStretchFactor(0, 1)
        middle.setStretchFactor(1, 3)
        middle.setChildrenCollapsible(False)
        middle.setSizes([170, 430])  # a request has a handful of files; findings can run to hundreds
        self.middle_splitter = middle

        # -- right: the preview
        self.preview = DocumentPreview()
        self.preview.open_button.clicked.connect(lambda: self.open_document(self.preview.document_id))
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([330, 540, 410])

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title)
        content_layout.addWidget(self.subtitle)
        verdict = QHBoxLayout()
        verdict.addWidget(self.banner, 1)
        verdict.addWidget(self.verify_button)
        verdict.addWidget(self.completion_button)
        content_layout.addLayout(verdict)
        content_layout.addWidget(self.splitter, 1)

        self.placeholder = QLabel(self.tr("Choose a request above, or select one in Incoming requests, to check "
                                          "its documents. Dropped e-mails and files open here once received."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        # -- behaviour
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        self.selector.activated.connect(self._selector_chosen)
        session.changes.connect(self._data_changed)
        session.database_changed.connect(self.rebind)
        self._fill_lsp_combo()
        self._fill_selector()
        self._show_nothing()

    # -- small builders -------------------------------------------------------------------------------

    def _counts_table(self, first: str) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([first, self.tr("K"), self.tr("BK"), self.tr("Total")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        return table

    def _fill_counts(self, table: QTableWidget, counts: dict[str, dict[str, int]]) -> None:
        rows = sorted(counts.items())
        table.setRowCount(len(rows) + 1 if rows else 0)
        total_k = total_bk = 0
        bold = QFont(table.font())
        bold.setBold(True)
        for r, (name, numbers) in enumerate(rows + ([("", {})] if rows else [])):
            last = r == len(rows)
            k, bk = (total_k, total_bk) if last else (numbers.get("K", 0), numbers.get("BK", 0))
            total_k, total_bk = (total_k, total_bk) if last else (total_k + k, total_bk + bk)
            label = self.tr("Total") if last else name
            for c, text in enumerate((label, str(k), str(bk), str(k + bk))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if last:
                    item.setFont(bold)
                table.setItem(r, c, item)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)
        table.setVisible(bool(rows))

    def _fill_lsp_combo(self) -> None:
        current = self.lsp_combo.currentData()
        self.lsp_combo.clear()
        for lsp in self.session.services.lsp_views(active_only=True):
            self.lsp_combo.addItem(lsp.name, lsp.id)
        self.lsp_combo.setCurrentIndex(max(0, self.lsp_combo.findData(current)))

    def _fill_selector(self) -> None:
        services = self.session.services
        rows = services.request_page(RequestFilter(states=SELECTOR_STATES), 0, SELECTOR_LIMIT)
        self.selector.blockSignals(True)
        self.selector.clear()
        self.selector.addItem(self.tr("— choose a request —"), None)
        for row in rows:
            self.selector.addItem(self._selector_text(row.id, row.lsp, row.state), row.id)
        if self.request_id is not None and self.selector.findData(self.request_id) < 0 and self.current:
            req = self.current.request
            self.selector.insertItem(1, self._selector_text(req.id, self.current.lsp_name or "", req.state),
                                     req.id)
        self.selector.setCurrentIndex(max(0, self.selector.findData(self.request_id)))
        self.selector.blockSignals(False)

    def _selector_text(self, request_id: int, lsp: str, state: str) -> str:
        return f"#{request_id} · {lsp or self.tr('(unknown sender)')} · {i18n.state_label(state)}"

    def _show_progress(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.progress_label.setVisible(on)

    # -- which request ----------------------------------------------------------------------------------

    def set_request(self, request_id: int | None) -> None:
        """Follow the request selected elsewhere; the check runs when this tab is shown."""
        if request_id == self.request_id and not self._stale:
            return
        self.request_id = request_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def show_request(self, request_id: int | None) -> None:
        """Show `request_id` now (after an intake, or from the detail pane); no second check of the same."""
        if request_id == self.request_id and not self._stale:
            return
        self.request_id = request_id
        self.reload()

    def _selector_chosen(self, index: int) -> None:
        request_id = self.selector.itemData(index)
        if request_id is None or request_id == self.request_id:
            return
        self.show_request(request_id)
        self.request_picked.emit(request_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _data_changed(self, changes: Changes) -> None:
        if changes.lsps:
            self._fill_lsp_combo()
        if not (changes.requests or changes.touches(self.request_id)):
            return
        # several writes may come in one go (intake, then the address): check once
        self._stale = True
        self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if self.isVisible() and self._stale:
            self.reload()

    def rebind(self) -> None:
        self.request_id = None
        self.current = None
        self._fill_lsp_combo()
        self._fill_selector()
        self._show_nothing()

    def refresh(self) -> None:
        """F5."""
        self._fill_lsp_combo()
        self.reload()

    # -- loading ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        self._reload_timer.stop()
        request_id = self.request_id
        self._generation += 1
        if request_id is None:
            self._fill_selector()
            self._show_nothing()
            return
        generation = self._generation
        services = self.session.services
        task = Op(lambda: load_verification(services, request_id), self.session.storage, self, serial=True)
        task.finished.connect(lambda result: self._loaded(generation, result, task))
        task.failed.connect(lambda exc: self._load_failed(generation, exc, task))
        self._tasks.add(task)
        self._show_progress(True)
        self.verify_button.setEnabled(False)
        self.completion_button.setEnabled(False)
        task.start()

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Block until the running checks (and the preview they start) are done and shown (tests, benchmark)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        QCoreApplication.processEvents()
        while (self._tasks or self._reload_timer.isActive()) and time.monotonic() < deadline:
            for task in list(self._tasks):
                task.wait(max(0.0, deadline - time.monotonic()))
            QCoreApplication.processEvents()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _forget(self, task: Op) -> None:
        self._tasks.discard(task)
        task.deleteLater()
        if not self._tasks:
            self._show_progress(False)

    def _load_failed(self, generation: int, exc: BaseException, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        if isinstance(exc, BlankoError):  # e.g. the request is gone after a database switch
            self.request_id = None
            self._show_nothing()
            self.status_message.emit(str(exc))
            return
        messages.error(self, exc)

    def _loaded(self, generation: int, result: Verification, task: Op) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        previous = self.current
        self.current = result
        self._fill(result, keep_preview=previous is not None and previous.request.id == result.request.id)
        self._fill_selector()
        self.loaded.emit(result.request.id)

    def _show_nothing(self) -> None:
        self.current = None
        self.stack.setCurrentWidget(self.placeholder)
        self.verify_button.setEnabled(False)
        self.completion_button.setEnabled(False)

    # -- showing ------------------------------------------------------------------------------------------

    def _fill(self, v: Verification, keep_preview: bool) -> None:
        req, cl = v.request, v.checklist
        self.stack.setCurrentIndex(1)
        self.title.setText(self.tr("Request #%1 — %2").replace("%1", str(req.id))
                           .replace("%2", v.lsp_name or self.tr("(unknown sender)")))
        parts = [i18n.state_label(req.state),
                 self.tr("received %1").replace("%1", i18n.fmt_datetime(req.received_at))]
        if req.clock_running and req.due_at:
            parts.append(self.tr("due %1").replace("%1", i18n.fmt_datetime(req.due_at)))
        else:
            parts.append(self.tr("clock stopped"))
        if req.letter_number:
            parts.append(self.tr("letter %1").replace("%1", req.letter_number))
        if req.sender:
            parts.append(req.sender)
        self.subtitle.setText("  ·  ".join(parts))

        for kind, slot in self.slots.items():
            slot.set_item(cl.items.get(kind))
        self._fill_banner(v)

        self.lsp_box.setVisible(req.lsp_id is None)
        if req.lsp_id is None:
            self._fill_lsp_combo()  # the registry may have grown since
        self._fill_counts(self.scheme_table, cl.per_scheme)
        self._fill_counts(self.funding_table, cl.per_funding)
        self._fill_numbers(v)
        self._fill_documents(v, keep_preview)
        self._fill_findings(cl)
        self._fill_actions(v)

    def _fill_banner(self, v: Verification) -> None:
        req, cl = v.request, v.checklist
        if req.state not in (State.RECEIVED, State.WAITING_LSP):
            text = self.tr("This request is %1: the check is shown for reference.").replace(
                "%1", i18n.state_label(req.state).lower())
            style = NEUTRAL_STYLE
        elif cl.complete:
            text = "✓ " + self.tr("Complete: all four documents are in order and the numbers agree.")
            style = OK_STYLE
        else:
            count = len(v.problems) + (1 if req.lsp_id is None else 0)
            text = "✗ " + self.tr("Incomplete: %n point(s) to settle with the LSP.", "", count)
            if req.state == State.WAITING_LSP:
                text += " " + self.tr("The completion request was sent; the request waits for the LSP.")
            style = BAD_STYLE
        self.banner.setText(text)
        self.banner.setStyleSheet(f"QLabel {{ {style} border-radius: 4px; padding: 2px; }}")

    def _fill_numbers(self, v: Verification) -> None:
        cl = v.checklist
        scanned = cl.items["letter"].status != "missing" and not v.letter_readable
        self.requested_spin.setVisible(scanned)
        self.requested_save.setVisible(scanned)
        self.requested_value.setVisible(not scanned)
        if scanned:
            self.requested_spin.setValue(cl.requested or 0)
        self.requested_value.setText("—" if cl.requested is None else str(cl.requested))
        self.competent_value.setText("—" if cl.competent is None else str(cl.competent))
        self.not_yet_value.setText("—" if cl.not_yet is None else str(cl.not_yet))
        mismatch = cl.requested is not None and cl.competent is not None and cl.requested != cl.competent
        if mismatch:
            self.mismatch.setText(self.tr("The letter asks for %1 blanks but the list has %2 competent "
                                          "participants.").replace("%1", str(cl.requested))
                                  .replace("%2", str(cl.competent)))
        elif scanned and cl.requested is None:
            self.mismatch.setText(self.tr("The letter is a scan: type the number of blanks it asks for."))
        else:
            self.mismatch.setText("")
        self.mismatch.setVisible(bool(self.mismatch.text()))
        style = "color: #a31515; font-weight: bold;" if mismatch else ""
        self.requested_value.setStyleSheet(style)
        self.competent_value.setStyleSheet(style)

    def _fill_documents(self, v: Verification, keep_preview: bool) -> None:
        keep = self.documents.document_id() if keep_preview else None
        self.documents.blockSignals(True)
        self.documents.clear()
        order = {kind: n for n, kind in enumerate(KIND_ORDER)}
        for doc in sorted(v.documents, key=lambda d: (order.get(d.kind, 9), d.id)):
            item = QTreeWidgetItem([doc.original_name, i18n.document_kind_label(doc.kind), describe(doc)])
            item.setData(0, DOC_ID_ROLE, doc.id)
            item.setToolTip(0, doc.original_name)
            item.setToolTip(2, item.text(2))
            self.documents.addTopLevelItem(item)
        self.documents.blockSignals(False)
        target = self.documents.item_for(keep) if keep is not None else None
        if target is None and self.documents.topLevelItemCount():
            target = self.documents.topLevelItem(0)
        if target is not None:
            self.documents.setCurrentItem(target)  # shows it in the preview
        else:
            self.preview.set_document(None, "")
            self.preview.show_message(self.tr("No documents yet."))

    def _fill_findings(self, cl: Checklist) -> None:
        self.findings_model.set_findings(cl.findings)
        open_errors = len(cl.open_errors)
        if not cl.findings:
            self.findings_count.setText(self.tr("No findings: every check passed."))
        else:
            self.findings_count.setText(self.tr("%n finding(s)", "", len(cl.findings)) + (
                "  ·  " + self.tr("%n open error(s)", "", open_errors) if open_errors else ""))
        self.accept_button.setEnabled(False)

    def _fill_actions(self, v: Verification) -> None:
        req, cl = v.request, v.checklist
        reasons = ([self.tr("The LSP has not been chosen (unknown sender).")] if req.lsp_id is None else [])
        reasons += v.problems
        can_verify = cl.complete and req.state == State.RECEIVED
        self.verify_button.setEnabled(can_verify)
        if req.state != State.RECEIVED:
            tip = self.tr("The request is %1.").replace("%1", i18n.state_label(req.state).lower())
            if req.state == State.WAITING_LSP:
                tip += " " + self.tr("New documents from the LSP put it back in the queue.")
        elif not cl.complete:
            tip = self.tr("Not yet possible:") + "\n" + "\n".join(f"• {r}" for r in reasons[:12])
            if len(reasons) > 12:
                tip += "\n" + self.tr("… and %n more", "", len(reasons) - 12)
        else:
            tip = self.tr("Mark the request verified; it then goes to the echelon-4 official for approval.")
        self.verify_button.setToolTip(tip)
        can_ask = (not cl.complete and bool(v.problems)
                   and req.state in (State.RECEIVED, State.WAITING_LSP, State.VERIFIED))
        self.completion_button.setEnabled(can_ask)
        self.completion_button.setToolTip(
            self.tr("Write the e-mail to the LSP listing exactly what is missing or wrong.") if can_ask
            else self.tr("Nothing to ask the LSP for."))

    # -- documents and preview ----------------------------------------------------------------------------

    def document(self, document_id: int | None) -> DocumentView | None:
        if self.current is None or document_id is None:
            return None
        return next((d for d in self.current.documents if d.id == document_id), None)

    def document_named(self, name: str) -> DocumentView | None:
        if self.current is None:
            return None
        return next((d for d in reversed(self.current.documents) if d.original_name == name), None)

    def _document_selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        self.preview_document(self.documents.document_id(current) if current else None)

    def preview_document(self, document_id: int | None, then_row: tuple[str | None, int | None] | None = None):
        doc = self.document(document_id)
        self._preview_generation += 1
        if doc is None:
            self.preview.set_document(None, "")
            self.preview.show_message(self.tr("Select a document to preview it here."))
            return
        self.preview.set_document(doc.id, doc.original_name)
        detected = (doc.analysis or {}).get("detected_type", "")
        if detected == "pdf":
            self.preview.show_pdf(self.session.storage.files.path_for(doc.sha256))
        elif detected in intake_sniff.SPREADSHEET_TYPES:
            self._preview_sheet(doc, then_row)
        else:
            self.preview.show_message(
                self.tr("No preview for this file (%1). Use “Open with the default program”.")
                .replace("%1", intake_sniff.type_label(detected) if detected else doc.media_type))

    def _preview_sheet(self, doc: DocumentView, then_row) -> None:
        generation = self._preview_generation
        services = self.session.services
        self.preview.show_message(self.tr("Reading the participant list…"))
        task = Op(lambda: participants_of(services, doc), self.session.storage, self, serial=True)

        def shown(result) -> None:
            self._forget(task)
            if generation != self._preview_generation or self.current is None:
                return
            rows, findings = result
            if rows is None or not rows.participants:
                first = findings[0].message if findings else ""
                self.preview.show_message(self.tr("No participant rows could be read from this file.")
                                          + (f"\n{first}" if first else ""))
                return
            flagged = {(f.sheet, f.row) for f in self.current.checklist.open_errors
                       if f.document == doc.original_name and f.row}
            self.preview.show_participants(rows.participants, flagged)
            if then_row is not None:
                self.preview.select_participant(*then_row)

        task.finished.connect(shown)
        task.failed.connect(lambda exc: (self._forget(task), self.preview.show_message(str(exc))))
        self._tasks.add(task)
        task.start()

    def _findings_selected(self, *_args) -> None:
        chosen = self.selected_findings()
        self.accept_button.setEnabled(any(not f.accepted for f in chosen))
        if len(chosen) != 1:
            return
        finding = chosen[0]
        doc = self.document_named(finding.document)
        if doc is None:
            return
        if self.preview.document_id == doc.id and self.preview.mode == "sheet":
            self.preview.select_participant(finding.sheet, finding.row)
            return
        item = self.documents.item_for(doc.id)
        if item is not None:
            self.documents.blockSignals(True)
            self.documents.setCurrentItem(item)
            self.documents.blockSignals(False)
        self.preview_document(doc.id, (finding.sheet, finding.row))

    def selected_findings(self) -> list[CheckedFinding]:
        rows = {self.findings_proxy.mapToSource(i).row() for i in self.findings.selectionModel().selectedRows()}
        return [self.findings_model.findings[r] for r in sorted(rows)]

    def _document_menu(self, pos) -> None:
        item = self.documents.itemAt(pos)
        if item is None:
            return
        self.documents.setCurrentItem(item)
        menu = self.document_menu(self.documents.document_id(item))
        menu.exec(self.documents.viewport().mapToGlobal(pos))

    def document_menu(self, document_id: int) -> QMenu:
        """The right-click menu of a document row: change its kind, preview, open."""
        doc = self.document(document_id)
        menu = QMenu(self)
        kinds = menu.addMenu(self.tr("Change kind"))
        kinds.setObjectName("kindMenu")
        for kind in KIND_ORDER:
            action = kinds.addAction(i18n.document_kind_label(kind))
            action.setCheckable(True)
            action.setChecked(doc is not None and doc.kind == kind)
            action.setData(kind)
            action.triggered.connect(lambda _=False, k=kind: self.change_kind(document_id, k))
        menu.addSeparator()
        menu.addAction(self.tr("Open with the default program"), lambda: self.open_document(document_id))
        return menu

    def open_document(self, document_id: int | None) -> Path | None:
        """Open a copy under a readable name; the stored file itself is never handed to another program."""
        doc = self.document(document_id)
        if doc is None:
            return None
        target, opened = open_copy(self, self.session.storage, doc)
        if target is not None and not opened:
            self.notice.emit(self.tr("No program could open %1. The copy is at %2.")
                             .replace("%1", doc.original_name).replace("%2", str(target)))
        return target

    # -- the officer's corrections --------------------------------------------------------------------------

    def change_kind(self, document_id: int, kind: str) -> bool:
        doc = self.document(document_id)
        if doc is not None and doc.kind == kind:
            return False
        services = self.session.services
        done = self.session.perform(self, lambda: reception.Reception(services).set_kind(document_id, kind),
                                   Changes.of_request(self.request_id, documents=True, requests=False))
        if done is not None:
            self.status_message.emit(self.tr("%1 is now: %2").replace("%1", done.original_name)
                                     .replace("%2", i18n.document_kind_label(kind)))
        return done is not None

    def save_requested(self) -> bool:
        if self.current is None or not self.requested_spin.isVisible():
            return False
        req, value = self.current.request, self.requested_spin.value()
        services = self.session.services
        return self.session.perform(self, lambda: services.update_request(
            req.id, req.version, requested_qty=value), Changes.of_request(req.id, requests=False)) is not None

    def set_lsp(self) -> bool:
        if self.current is None or self.lsp_combo.currentData() is None:
            return False
        req, lsp_id = self.current.request, self.lsp_combo.currentData()
        services = self.session.services
        return self.session.perform(self, lambda: services.update_request(req.id, req.version, lsp_id=lsp_id),
                                    Changes.of_request(req.id)) is not None

    def ask_note(self, findings: list[CheckedFinding]) -> str | None:
        dialog = AcceptFindingDialog(findings, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def accept_selected(self) -> bool:
        if self.current is None:
            return False
        findings = [f for f in self.selected_findings() if not f.accepted]
        if not findings:
            return False
        note = self.ask_note(findings)
        if not note:
            return False
        services, request_id = self.session.services, self.current.request.id

        def accept_all() -> bool:
            for finding in findings:
                checklist_core.accept_finding(services, request_id, finding, note)
            return True

        return self.session.perform(self, accept_all, Changes.of_request(request_id, requests=False)) is not None

    # -- the decision -------------------------------------------------------------------------------------

    def mark_verified(self) -> bool:
        if self.current is None:
            return False
        services, request_id = self.session.services, self.current.request.id
        done = self.session.perform(self, lambda: checklist_core.mark_verified(services, request_id),
                                   Changes.of_request(request_id))
        if done is not None:
            self.status_message.emit(self.tr("Request #%1 is verified: on to the echelon-4 official's approval.")
                                     .replace("%1", str(request_id)))
        return done is not None

    def ask_completion(self, request_id: int, message) -> int:
        dialog = CompletionDialog(request_id, message, self)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else 0

    def send_completion(self) -> Path | None:
        """Preview the completion e-mail, write the draft, open it (or copy the text); the request waits."""
        if self.current is None:
            return None
        services, request_id = self.session.services, self.current.request.id
        try:
            message = completion.compose(services, request_id)
        except BlankoError as exc:
            messages.error(self, exc)
            return None
        choice = self.ask_completion(request_id, message)
        if not choice:
            return None
        out = completion_folder() / f"permintaan-kelengkapan-{request_id}-{datetime.now():%Y%m%d-%H%M%S}.eml"
        result = self.session.perform(self, lambda: completion.write_completion_request(services, request_id, out),
                                     Changes.of_request(request_id, documents=True))
        if result is None:
            return None
        path, _req = result
        body = mail_body(message)
        if choice == OPEN_MAIL and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.status_message.emit(self.tr("The completion request for request #%1 is open in the mail "
                                             "program; the request now waits for the LSP.")
                                     .replace("%1", str(request_id)))
            return path
        QGuiApplication.clipboard().setText(body)
        if choice == COPY_TEXT:
            self.status_message.emit(self.tr("The text is on the clipboard: paste it into an e-mail to %1. The "
                                             "request now waits for the LSP.").replace("%1", str(message["To"])))
        else:
            self.notice.emit(self.tr("No mail program could open the draft. Its text is on the clipboard: paste "
                                     "it into an e-mail to %1. The draft is saved at %2.")
                             .replace("%1", str(message["To"])).replace("%2", str(path)))
        return path
