"""The LSP registry: the certification bodies the secretariat serves, their addresses and e-mail senders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.errors import BlankoError, ConflictError
from blanko_desktop.core.services.registry import shipping_gaps
from blanko_desktop.core.services.views import LspView
from blanko_desktop.core.services import ImportResult
from blanko_desktop.ui import messages
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.operations import Changes, Op

TEXT_FIELDS = ("name", "licence_no", "city", "postal_code", "phone", "contact_person")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_PROBLEMS = 3  # import problems listed in the message itself; all of them are in its details


def sort_key(text: str) -> str:
    """How an officer expects names ordered: 'lsp alpha' beside 'LSP Alpha', 'É' beside 'E'."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _SortedItem(QTableWidgetItem):
    """A cell that sorts by `sort_key` of its text instead of Qt's case-sensitive code-point order."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return (self.data(SORT_ROLE) or "") < (other.data(SORT_ROLE) or "")


class LspEditDialog(QDialog):
    """Add or edit one LSP; a save is refused when a colleague changed it meanwhile."""

    def __init__(self, session: Session, lsp_id: int | None = None, parent: QWidget | None = None,
                 draft=None):
        """`draft` (lsp_suggestion.LspDraft): a new LSP pre-filled from a request's letter and sender."""
        super().__init__(parent)
        self.session = session
        self.lsp_id = lsp_id
        self.version: int | None = None
        self.setWindowTitle(self.tr("New LSP") if lsp_id is None else self.tr("Edit LSP"))

        self.edits: dict[str, QLineEdit] = {f: QLineEdit() for f in TEXT_FIELDS}
        self.edits["postal_code"].setMaxLength(5)
        self.edits["postal_code"].setInputMask("")
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.emails = QPlainTextEdit()
        self.emails.setTabChangesFocus(True)
        self.emails.setPlaceholderText(self.tr("One per line: admin@lsp-example.or.id, or a whole domain "
                                               "such as lsp-example.or.id"))
        self.emails.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        self.active = QCheckBox(self.tr("Ac&tive (requests are expected from this LSP)"))
        self.active.setChecked(True)

        form = QFormLayout()
        # required: the name, and the address and city blanks are shipped to (marked *)
        rows = (
            (self.tr("&Name: *"), self.edits["name"]),
            (self.tr("&Licence no.:"), self.edits["licence_no"]),
            (self.tr("&Address: *"), self.address),
            (self.tr("&City: *"), self.edits["city"]),
            (self.tr("&Postal code:"), self.edits["postal_code"]),
            (self.tr("P&hone:"), self.edits["phone"]),
            (self.tr("C&ontact person:"), self.edits["contact_person"]),
            (self.tr("&E-mail addresses and domains:"), self.emails),
        )
        for text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.active)

        self.reload_note = QLabel()
        self.reload_note.setWordWrap(True)
        self.reload_note.setStyleSheet("color: #8a5a00;")
        self.reload_note.hide()
        self.required_note = QLabel(self.tr("* required: blanks are shipped to the LSP's address of record."))
        self.required_note.setWordWrap(True)
        self.required_note.setEnabled(False)
        self.gaps_note = QLabel()
        self.gaps_note.setWordWrap(True)
        self.gaps_note.setStyleSheet("color: #8a5a00;")
        self.gaps_note.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.required_note)
        layout.addWidget(self.gaps_note)
        layout.addWidget(self.reload_note)
        layout.addWidget(self.buttons)
        self.resize(520, 0)
        if lsp_id is not None:
            self.load()
        elif draft is not None:
            self.prefill(draft)

    @staticmethod
    def gap_words(lsp) -> str:
        """'address, city' — what an LSP lacks for shipping, in the window's language."""
        words = {"address": QCoreApplication.translate("LspEditDialog", "address"),
                 "city": QCoreApplication.translate("LspEditDialog", "city")}
        return ", ".join(words[g] for g in shipping_gaps(lsp))

    def prefill(self, draft) -> None:
        """What the letter and the e-mail say of a new LSP, for the officer to check and complete."""
        for field in ("name", "city", "postal_code", "phone"):
            self.edits[field].setText(getattr(draft, field, "") or "")
        self.address.setPlainText(draft.address or "")
        self.emails.setPlainText("\n".join(draft.emails))

    def load(self) -> None:
        lsp = self.session.services.lsp_view(self.lsp_id)
        self.version = lsp.version
        for field, edit in self.edits.items():
            edit.setText(getattr(lsp, field) or "")
        self.address.setPlainText(lsp.address or "")
        self.emails.setPlainText("\n".join(lsp.senders))
        self.active.setChecked(bool(lsp.active))
        gaps = self.gap_words(lsp)
        # an older record without them is kept (flagged, not rejected): it needs them before blanks are shipped
        self.gaps_note.setText(self.tr("Not yet complete for shipping: %1 missing.").replace("%1", gaps)
                               if gaps else "")
        self.gaps_note.setVisible(bool(gaps))

    def values(self) -> dict:
        data = {f: e.text().strip() for f, e in self.edits.items()}
        data["address"] = self.address.toPlainText().strip()
        data["active"] = self.active.isChecked()
        return data

    def addresses(self) -> list[str]:
        return [line.strip() for line in self.emails.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        services = self.session.services
        data = self.values()
        try:
            if self.lsp_id is None:
                name = data.pop("name")
                lsp = services.add_lsp(name, self.addresses(), require_address=True, **data)
                self.lsp_id = lsp.id
            else:
                services.update_lsp(self.lsp_id, self.version, emails=self.addresses(), **data)
        except ConflictError as exc:
            messages.error(self, exc)
            # the message asks to reload and redo: show what is stored now
            self.load()
            self.reload_note.setText(self.tr("The form now shows the data as saved by your colleague. "
                                             "Make your change again and save."))
            self.reload_note.show()
            return
        except BlankoError as exc:
            messages.error(self, exc)
            return
        self.session.announce(Changes(lsps=True))
        super().accept()


class LspRegistryDialog(QDialog):
    """The list of LSPs with add, edit and import from an Excel list."""

    import_finished = Signal(object)

    COLUMNS = 5

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.task: Op | None = None
        self.last_import: ImportResult | None = None
        self.import_path: Path | None = None
        self.setWindowTitle(self.tr("LSP registry"))

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Name, city or e-mail"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Find:"))
        filter_label.setBuddy(self.filter_edit)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("City"), self.tr("Licence no."),
                                              self.tr("E-mail addresses and domains"), self.tr("Active")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # by name, A to Z (Qt's own default indicator is descending: the list opened Z to A)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.import_button = QPushButton(self.tr("&Import from Excel…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.import_button):
            buttons.addWidget(button)
            button.setAutoDefault(False)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_lsp)
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.resize(900, 520)
        self.reload()

    # -- list ---------------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        lsps = self.session.services.lsp_views()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(lsps))
        for row, lsp in enumerate(lsps):
            self._fill_row(row, lsp)
        self.table.setSortingEnabled(True)
        self.count_label.setText(self.tr("%n LSP(s)", "", len(lsps)))
        self._apply_filter()
        if select_id is not None:
            self.select_lsp(select_id)
        self._update_buttons()

    def _fill_row(self, row: int, lsp: LspView) -> None:
        addresses = sorted(lsp.senders)
        values = (lsp.name, lsp.city, lsp.licence_no, ", ".join(addresses),
                  self.tr("yes") if lsp.active else self.tr("no"))
        for col, text in enumerate(values):
            item = _SortedItem(text)
            item.setData(Qt.ItemDataRole.UserRole, lsp.id)
            item.setData(SORT_ROLE, sort_key(text))
            if not lsp.active:
                item.setForeground(self.palette().placeholderText())
            self.table.setItem(row, col, item)
        self._flag_gaps(row, lsp)

    def _flag_gaps(self, row: int, lsp: LspView) -> None:
        """An LSP without an address or city of record: kept, but marked (blanks cannot be shipped to it)."""
        gaps = LspEditDialog.gap_words(lsp)
        if not gaps:
            return
        from PySide6.QtWidgets import QStyle

        name = self.table.item(row, 0)
        name.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        name.setToolTip(self.tr("Not yet complete for shipping: %1 missing.").replace("%1", gaps))

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().strip().lower().split()
        for row in range(self.table.rowCount()):
            text = " ".join((self.table.item(row, c).text() if self.table.item(row, c) else "")
                            for c in range(4)).lower()
            self.table.setRowHidden(row, not all(w in text for w in words))

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_lsp(self, lsp_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == lsp_id:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))
                return

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.edit_button.setEnabled(idle and self.selected_id() is not None)
        self.add_button.setEnabled(idle)
        self.import_button.setEnabled(idle)

    # -- add and edit -------------------------------------------------------------------------------

    def edit_dialog(self, lsp_id: int | None) -> LspEditDialog:
        return LspEditDialog(self.session, lsp_id, self)

    def add_lsp(self) -> None:
        dialog = self.edit_dialog(None)
        if dialog.exec():
            self.reload(dialog.lsp_id)

    def edit_selected(self) -> None:
        lsp_id = self.selected_id()
        if lsp_id is None:
            return
        dialog = self.edit_dialog(lsp_id)
        dialog.exec()
        self.reload(lsp_id)

    # -- import -------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import LSPs from Excel"), str(Path.home()),
            self.tr("Excel workbooks (*.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> Op:
        """Read the workbook on a worker thread; the result arrives as `import_finished`."""
        services = self.session.services
        self.import_path = path
        self.task = Op(lambda: services.import_lsps(path), self.session.storage, self)
        self.task.finished.connect(self._import_done)
        self.task.failed.connect(self._import_failed)
        self.progress.show()
        self._update_buttons()
        return self.task.start()

    def _import_done(self, result: ImportResult) -> None:
        self.task = None
        self.progress.hide()
        self.last_import = result
        self.reload()
        self.session.announce(Changes(lsps=True))
        self.import_finished.emit(result)
        text = self.tr("Added: %1. Updated: %2.").replace("%1", str(result.added)).replace(
            "%2", str(result.updated))
        if self.import_path is not None:
            text += " " + self.tr("(from %1)").replace("%1", self.import_path.name)
        if result.problems:
            # say what was not imported and why in the message itself, not only behind "Show details"
            shown = result.problems[:SHOWN_PROBLEMS]
            text += "\n\n" + self.tr("Not imported (%n):", "", len(result.problems)) + "\n" + "\n".join(
                f"• {problem}" for problem in shown)
            if len(result.problems) > len(shown):
                text += "\n" + self.tr("… and %n more: see the details.", "", len(result.problems) - len(shown))
        messages.info(self, self.tr("Import from Excel"), text, "\n".join(result.problems))

    def _import_failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.hide()
        self._update_buttons()
        self.import_finished.emit(exc)
        messages.error(self, exc)

    def reject(self) -> None:
        if self.task is not None:
            return  # the import is still writing; the dialog closes when it is done
        super().reject()
