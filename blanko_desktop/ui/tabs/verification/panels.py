"""The panes of the Verifikasi tab: the officer's tasks and the four slots, the LSP picker, the participants,
the findings, and the documents with their preview. Each shows what it is given and says what the officer did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.services.requests import MAX_SHEETS
from blanko_desktop.core.services.views import DocumentView, LspView
from blanko_desktop.ui import i18n
from blanko_desktop.ui.widgets.checklist_widgets import (
    DOC_ID_ROLE,
    SORT_ROLE,
    ChecklistSlot,
    DocumentList,
    FindingsModel,
    describe,
)
from blanko_desktop.ui.widgets.document_preview import DocumentPreview, ElidedLabel

if TYPE_CHECKING:  # the intake stack loads on first use, not at start-up
    from blanko_desktop.core.verification.checklist import CheckedFinding, Checklist
    from blanko_desktop.core.verification.lsp_suggestion import LspSuggestion

REQUIRED = ("letter", "minutes", "decision", "list")
KIND_ORDER = ("letter", "minutes", "decision", "list", "other")
TASK_STYLE = ("#tasks { background: #fff5d6; border: 1px solid #e3c46e; border-radius: 6px; }"
              "#tasks QLabel { color: #5c3b00; background: transparent; }")
RED = "color: #a31515;"


def _wrapping(text: str = "", shrink: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if shrink:
        # a long text wraps instead of widening its pane
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class _OneLine(QStyledItemDelegate):
    """A document's name on one line, shortened at its end, while the messages wrap."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight


class SlotsPanel(QWidget):
    """The officer's own tasks (never asked of the LSP), then the four required documents."""

    kind_dropped = Signal(int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks_box = QFrame()
        self.tasks_box.setObjectName("tasks")
        self.tasks_box.setStyleSheet(TASK_STYLE)
        self.tasks_title = QLabel(self.tr("Your tasks (not the LSP's)"))
        bold = QFont(self.tasks_title.font())
        bold.setBold(True)
        self.tasks_title.setFont(bold)
        self.tasks_list = _wrapping()
        tasks_layout = QVBoxLayout(self.tasks_box)
        tasks_layout.setContentsMargins(8, 6, 8, 6)
        tasks_layout.addWidget(self.tasks_title)
        tasks_layout.addWidget(self.tasks_list)
        self.tasks_box.hide()

        self.slots: dict[str, ChecklistSlot] = {}
        box = QGroupBox(self.tr("Required documents"))
        slots_layout = QVBoxLayout(box)
        slots_layout.setSpacing(6)
        for kind in REQUIRED:
            slot = ChecklistSlot(kind, i18n.document_kind_label(kind))
            slot.setToolTip(self.tr("Drag a document here to make it this kind of document."))
            slot.kind_dropped.connect(self.kind_dropped)
            self.slots[kind] = slot
            slots_layout.addWidget(slot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tasks_box)
        layout.addWidget(box)

    def show_checklist(self, cl: Checklist) -> None:
        for kind, slot in self.slots.items():
            slot.set_item(cl.items.get(kind))
        self.tasks_list.setText("\n".join(f"• {t.text}" for t in cl.officer_tasks))
        self.tasks_box.setVisible(bool(cl.officer_tasks))

    def task_texts(self) -> list[str]:
        return [line[2:] for line in self.tasks_list.text().splitlines() if line]


class LspPicker(QGroupBox):
    """The LSP of a request from an unknown sender: nothing chosen without evidence, the reason of a suggestion
    in view, and a new LSP registered from inside the list."""

    NEW = -1  # the item "Register a new LSP…"
    assign_requested = Signal(int, bool)   # lsp id, remember the sender
    register_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("LSP"), parent)
        self.note = _wrapping()
        self.note.setStyleSheet(RED)
        self.hint = _wrapping()
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.remember = QCheckBox()
        self.button = QPushButton(self.tr("Set LSP"))
        self.button.setEnabled(False)
        self.button.setToolTip(self.tr("Choose an LSP in the list first (or register a new one)."))
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.remember)
        self._last = 0
        self.combo.activated.connect(self._activated)
        self.combo.currentIndexChanged.connect(self._update)
        self.button.clicked.connect(self._assign)

    def fill(self, lsps: list[LspView], select: int | None = None) -> None:
        """The registry's active LSPs after a placeholder, then the way to register a new one."""
        keep = self.combo.currentData() if select is None else select
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— choose the LSP —"), None)
        for lsp in lsps:
            self.combo.addItem(lsp.name, lsp.id)
        self.combo.insertSeparator(self.combo.count())
        self.combo.addItem(self.tr("Register a new LSP…"), self.NEW)
        index = self.combo.findData(keep) if keep not in (None, self.NEW) else 0
        self.combo.setCurrentIndex(max(0, index))
        self._last = self.combo.currentIndex()
        self.combo.blockSignals(False)
        self._update()

    def show_for(self, sender: str, suggestion: LspSuggestion | None, lsps: list[LspView]) -> None:
        """A request without an LSP: pre-select only what the evidence points to, and say why."""
        self.note.setText(self.tr("The sender %1 is not in the LSP registry: set the LSP of this request.")
                          .replace("%1", sender) if sender else
                          self.tr("The files came without a sender: set the LSP of this request."))
        chosen = suggestion.lsp_id if suggestion is not None else None
        self.fill(lsps, select=chosen if chosen is not None else 0)
        if suggestion is not None and suggestion.lsp_id is not None:
            self.hint.setText(self.tr("Suggested: %1. Why: %2").replace("%1", suggestion.lsp_name)
                              .replace("%2", suggestion.reason))
        elif suggestion is not None:
            self.hint.setText(suggestion.reason)
        elif not lsps:
            self.hint.setText(self.tr("The LSP registry is empty: register the sender's LSP (its details are "
                                      "taken from the letter)."))
        else:
            self.hint.setText(self.tr("Nothing in the letter or the sender's address points to a registered "
                                      "LSP: choose one, or register a new LSP."))
        self.remember.setText(self.tr("Remember %1 for this LSP").replace("%1", sender))
        self.remember.setVisible("@" in sender)
        self.remember.setChecked("@" in sender)

    def chosen(self) -> int | None:
        data = self.combo.currentData()
        return data if isinstance(data, int) and data != self.NEW else None

    def select(self, lsp_id: int) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(lsp_id)))
        self._last = self.combo.currentIndex()

    def _activated(self, index: int) -> None:
        if self.combo.itemData(index) == self.NEW:
            # back to what was chosen; the new LSP is selected once it is saved
            self.combo.setCurrentIndex(self._last)
            self.register_requested.emit()
            return
        self._last = index

    def _update(self) -> None:
        chosen = self.chosen() is not None
        self.button.setEnabled(chosen)
        self.button.setToolTip(self.tr("Attach this request to the chosen LSP.") if chosen
                               else self.tr("Choose an LSP in the list first (or register a new one)."))

    def _assign(self) -> None:
        lsp_id = self.chosen()
        if lsp_id is not None:
            self.assign_requested.emit(lsp_id, self.remember.isVisible() and self.remember.isChecked())


class ParticipantsPanel(QGroupBox):
    """The numbers: blanks asked for (typed for a scanned letter), competent and not, per scheme and funding."""

    requested_entered = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Participants"), parent)
        self.scheme_table = self._counts_table(self.tr("Scheme"))
        self.funding_table = self._counts_table(self.tr("Funding"))
        self.requested_value = QLabel()
        self.requested_spin = QSpinBox()
        self.requested_spin.setRange(0, MAX_SHEETS)
        self.requested_spin.setToolTip(self.tr("The letter is a scan: type the number of blanks it asks for."))
        self.requested_save = QPushButton(self.tr("Save"))
        self.requested_save.clicked.connect(self._save)
        self.requested_spin.lineEdit().returnPressed.connect(self._save)
        requested_row = QHBoxLayout()
        requested_row.setContentsMargins(0, 0, 0, 0)
        requested_row.addWidget(self.requested_value)
        requested_row.addWidget(self.requested_spin)
        requested_row.addWidget(self.requested_save)
        requested_row.addStretch(1)
        self.competent_value = QLabel()
        self.not_yet_value = QLabel()
        requested_label = _wrapping(self.tr("Blanks requested (letter):"), shrink=False)
        requested_label.setBuddy(self.requested_spin)
        numbers = QGridLayout()
        numbers.setColumnStretch(1, 1)
        numbers.addWidget(requested_label, 0, 0)
        numbers.addLayout(requested_row, 0, 1)
        numbers.addWidget(_wrapping(self.tr("Competent (list):"), shrink=False), 1, 0)
        numbers.addWidget(self.competent_value, 1, 1)
        numbers.addWidget(_wrapping(self.tr("Not yet competent:"), shrink=False), 2, 0)
        numbers.addWidget(self.not_yet_value, 2, 1)
        self.mismatch = _wrapping()
        self.mismatch.setStyleSheet(RED + " font-weight: bold;")
        self.not_counted = _wrapping()
        self.not_counted.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(numbers)
        layout.addWidget(self.mismatch)
        layout.addWidget(self.not_counted)
        layout.addWidget(self.scheme_table)
        layout.addWidget(self.funding_table)

    def _counts_table(self, first: str) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([first, self.tr("K"), self.tr("BK"), self.tr("Total")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
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
                else:
                    item.setToolTip(text)
                if last:
                    item.setFont(bold)
                table.setItem(r, c, item)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)
        table.setVisible(bool(rows))

    def show_numbers(self, cl: Checklist, letter_readable: bool) -> None:
        scanned = cl.items["letter"].status != "missing" and not letter_readable
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
        rows = ", ".join(str(row) for _doc, _sheet, row in cl.not_counted)
        self.not_counted.setText(self.tr("Counted once (duplicate rows accepted): row %1").replace("%1", rows)
                                 if rows else "")
        self.not_counted.setVisible(bool(rows))
        style = "color: #a31515; font-weight: bold;" if mismatch else ""
        self.requested_value.setStyleSheet(style)
        self.competent_value.setStyleSheet(style)
        self._fill_counts(self.scheme_table, cl.per_scheme)
        self._fill_counts(self.funding_table, cl.per_funding)

    def _save(self) -> None:
        if self.requested_spin.isVisible():
            self.requested_entered.emit(self.requested_spin.value())


class FindingsPanel(QGroupBox):
    """Every finding, wrapped rather than cut; the selected one in full with its acceptance, accept or re-open."""

    accept_requested = Signal(list)
    reopen_requested = Signal(object)
    selection_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Findings"), parent)
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the checklist's order until clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # findings wrap: a cut message ("surat memint…") says nothing
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FindingsModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.table.setItemDelegateForColumn(FindingsModel.COL_DOCUMENT, _OneLine(self.table))
        self._fit_columns(wide=False)
        # rows follow the wrapped text; measured once the widths have settled, not on every pixel of a drag
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(60)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.count = _wrapping()
        self.accept_button = QPushButton(self.tr("Accept finding…"))
        self.accept_button.setToolTip(self.tr("Accept the selected findings with a note (kept in the history)."))
        self.accept_button.setEnabled(False)
        self.reopen_button = QPushButton(self.tr("Re-open…"))
        self.reopen_button.setToolTip(self.tr("Withdraw the acceptance of the selected finding, with a note "
                                              "(kept in the history)."))
        self.reopen_button.setEnabled(False)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(
            [f for f in self.selected() if not f.accepted]))
        self.reopen_button.clicked.connect(self._reopen)
        self.detail = _wrapping()
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setContentsMargins(6, 4, 6, 4)
        self.detail.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def _fit_columns(self, wide: bool) -> None:
        """Narrow: short columns, the message takes the rest and wraps. Wide: whole labels and statuses."""
        metrics = self.table.fontMetrics()
        samples = ((FindingsModel.COL_DOCUMENT, "Keputusan sertifikasi" if wide else "Berita acara as"),
                   (FindingsModel.COL_SHEET, "Peserta"), (FindingsModel.COL_ROW, "0000"),
                   (FindingsModel.COL_STATUS, "↳ akibat baris 000 (NIK ganda)" if wide else "✗ kesalahan"))
        for col, sample in samples:
            self.table.horizontalHeader().resizeSection(col, metrics.horizontalAdvance(sample) + 16)
        self._wide = wide

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.table.viewport().width() > 760
        if wide != getattr(self, "_wide", None):
            self._fit_columns(wide)

    def show_checklist(self, cl: Checklist, lsp_points: int) -> None:
        from blanko_desktop.core.verification.checklist import ITEM_LABELS

        # the kind of a required document reads shorter than its file name (which stays in the tooltip)
        labels = {name: i18n.document_kind_label(kind) for kind, item in cl.items.items() for name in item.files}
        labels.update({label: i18n.document_kind_label(kind) for kind, label in ITEM_LABELS.items()})
        self.model.set_findings(cl.findings, labels)
        # one sheet (or none) says nothing per row: its column gives its room to the messages
        self.table.setColumnHidden(FindingsModel.COL_SHEET, len({f.sheet for f in cl.findings if f.sheet}) <= 1)
        open_errors = len(cl.lsp_errors)
        follow = len(cl.open_errors) - open_errors
        if cl.findings:
            text = self.tr("%n finding(s)", "", len(cl.findings))
            if open_errors:
                text += "  ·  " + self.tr("%n open error(s)", "", open_errors)
            if follow:
                text += "  ·  " + self.tr("%n follow(s) from another", "", follow)
            self.count.setText(text)
        elif cl.complete:
            self.count.setText(self.tr("No findings: every check passed."))
        elif lsp_points:
            # never "everything passed" while a document is missing
            self.count.setText(self.tr("No findings in the files received; %n point(s) still open with the "
                                       "LSP.", "", lsp_points))
        else:
            self.count.setText(self.tr("No findings in the files received; your tasks remain."))
        self._rows_timer.start()
        self._selected()

    def selected(self) -> list[CheckedFinding]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.findings[r] for r in sorted(rows)]

    def select_finding(self, source_row: int) -> None:
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(source_row, 0)).row())

    def _selected(self, *_args) -> None:
        chosen = self.selected()
        self.accept_button.setEnabled(any(not f.accepted for f in chosen))
        self.reopen_button.setEnabled(len(chosen) == 1 and chosen[0].accepted)
        self.detail.setText(self.describe(chosen[0]) if len(chosen) == 1 else "")
        self.detail.setVisible(len(chosen) == 1)
        self.selection_changed.emit(chosen)

    def describe(self, f: CheckedFinding) -> str:
        """The finding in full: where, what, and how it stands (accepted by whom and why, or what it follows)."""
        from blanko_desktop.core.verification.wording import finding_line

        lines = [finding_line(f)]
        if f.accepted:
            who = f.accepted_by or "?"
            when = i18n.fmt_datetime(f.accepted_at) if f.accepted_at else ""
            lines.append(self.tr("Accepted by %1 %2: %3").replace("%1", who).replace("%2", when)
                         .replace("%3", f.note))
        elif f.cause:
            lines.append(self.tr("This follows from %1: it goes away when that row is accepted (counted once) or "
                                 "corrected by the LSP; the completion e-mail names that row instead.")
                         .replace("%1", f.cause))
        return "\n".join(lines)

    def _reopen(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1 and chosen[0].accepted:
            self.reopen_requested.emit(chosen[0])


class PreviewPanel(QWidget):
    """The request's files (drag one onto a slot to change its kind) and the selected one shown."""

    document_chosen = Signal(object)           # document id or None
    menu_requested = Signal(int, QPoint)       # document id, global position
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.documents = DocumentList()
        self.documents.setHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Content")])
        self.documents.setToolTip(self.tr("Drag a file onto a checklist slot, or right-click it, to change its "
                                          "kind."))
        header = self.documents.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(1, self.documents.fontMetrics().horizontalAdvance("Keputusan sertifikasi") + 12)
        header.resizeSection(2, self.documents.fontMetrics().horizontalAdvance("PDF, 1 halaman, teks") + 12)
        self.documents.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.documents.currentItemChanged.connect(
            lambda current, _previous: self.document_chosen.emit(self.documents.document_id(current)
                                                                 if current else None))
        self.documents.customContextMenuRequested.connect(self._menu)
        self.documents.itemActivated.connect(lambda item: self.open_requested.emit(self.documents.document_id(item)))
        self.preview = DocumentPreview()
        self.preview.open_button.clicked.connect(
            lambda: self.preview.document_id is not None and self.open_requested.emit(self.preview.document_id))
        docs_box = QGroupBox(self.tr("Documents"))
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.addWidget(self.documents)
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        from PySide6.QtWidgets import QSplitter

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(docs_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 450])  # a request has a handful of files; the page wants the room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a narrow pane keeps the file names readable: kind and content stay in the tooltip
        width = self.width()
        self.documents.setColumnHidden(2, width < 440)
        self.documents.setColumnHidden(1, width < 300)

    def show_documents(self, documents: list[DocumentView], keep: int | None) -> int | None:
        """List the files; select `keep` again (else the first). Returns the selected document id."""
        self.documents.blockSignals(True)
        self.documents.clear()
        order = {kind: n for n, kind in enumerate(KIND_ORDER)}
        for doc in sorted(documents, key=lambda d: (order.get(d.kind, 9), d.id)):
            item = QTreeWidgetItem([doc.original_name, i18n.document_kind_label(doc.kind), describe(doc)])
            item.setData(0, DOC_ID_ROLE, doc.id)
            item.setToolTip(0, "\n".join(t for t in (doc.original_name, item.text(1), item.text(2)) if t))
            item.setToolTip(2, item.text(2))
            self.documents.addTopLevelItem(item)
        self.documents.blockSignals(False)
        target = self.documents.item_for(keep) if keep is not None else None
        if target is None and self.documents.topLevelItemCount():
            target = self.documents.topLevelItem(0)
        if target is None:
            return None
        self.documents.setCurrentItem(target)  # shows it in the preview
        return self.documents.document_id(target)

    def highlight(self, document_id: int) -> None:
        """Mark a document as the current one without loading its preview again."""
        item = self.documents.item_for(document_id)
        if item is not None:
            self.documents.blockSignals(True)
            self.documents.setCurrentItem(item)
            self.documents.blockSignals(False)

    def _menu(self, pos: QPoint) -> None:
        item = self.documents.itemAt(pos)
        if item is None:
            return
        self.documents.setCurrentItem(item)
        self.menu_requested.emit(self.documents.document_id(item), self.documents.viewport().mapToGlobal(pos))


class DraftBar(QFrame):
    """A completion e-mail drafted (text copied) but not yet sent: the officer says when it has left."""

    sent_clicked = Signal()
    copy_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftBar")
        self.setStyleSheet("#draftBar { background: #fff5d6; border: 1px solid #e3c46e; border-radius: 4px; }"
                           "#draftBar QLabel { color: #5c3b00; background: transparent; }")
        self.text = _wrapping()
        self.sent_button = QPushButton(self.tr("It has been sent"))
        self.sent_button.setToolTip(self.tr("Record that the e-mail left: the request then waits for the LSP "
                                            "and its clock stops."))
        self.copy_button = QPushButton(self.tr("Copy the text again"))
        self.sent_button.clicked.connect(self.sent_clicked)
        self.copy_button.clicked.connect(self.copy_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.sent_button)
        self.hide()


def elided_title() -> ElidedLabel:
    """The request's title: one line, shortened rather than pushing the tab wider."""
    title = ElidedLabel()
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    title.setTextFormat(Qt.TextFormat.PlainText)
    return title
