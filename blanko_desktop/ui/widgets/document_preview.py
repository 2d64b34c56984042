"""A stored document inside the window: a PDF page by page (QtPdf), a participant list as its rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.ui.widgets.checklist_widgets import ParticipantsModel

if TYPE_CHECKING:  # the intake stack (pypdf, parsers) loads on first use, not at start-up
    from blanko_desktop.core.intake import Participant



class ElidedLabel(QLabel):
    """A one-line label that shortens its text with … instead of pushing the layout wider."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(self.width(), 40)))


class DocumentPreview(QWidget):
    """The preview pane; the tab decides what to show and loads it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document_id: int | None = None
        self.mode = "message"
        self.name_label = ElidedLabel()
        font = QFont(self.name_label.font())
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setMinimumWidth(60)
        self.open_button = QPushButton(self.tr("Open with the default program"))
        self.open_button.setToolTip(self.tr("Opens a copy of the file; the stored original is never changed."))
        self.open_button.setEnabled(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.open_button)

        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)
        self.message.setMargin(24)
        self.stack.addWidget(self.message)
        self.participants_model = ParticipantsModel(self)
        self.participants = QTableView()
        self.participants.setModel(self.participants_model)
        self.participants.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.participants.setAlternatingRowColors(True)
        self.participants.setWordWrap(False)
        self.participants.verticalHeader().setVisible(False)
        self.participants.verticalHeader().setDefaultSectionSize(self.participants.fontMetrics().height() + 8)
        self.participants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.participants.horizontalHeader().setStretchLastSection(True)
        self.participants_note = QLabel()
        self.participants_note.setEnabled(False)
        sheet_page = QWidget()
        sheet_layout = QVBoxLayout(sheet_page)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self.participants, 1)
        sheet_layout.addWidget(self.participants_note)
        self.stack.addWidget(sheet_page)
        self._sheet_page = sheet_page
        self.pdf_view = None
        self.pdf_document = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.show_message(self.tr("Select a document to preview it here."))

    def set_document(self, document_id: int | None, name: str) -> None:
        self.document_id = document_id
        self.name_label.setText(name)
        self.name_label.setToolTip(name)
        self.open_button.setEnabled(document_id is not None)

    def show_message(self, text: str) -> None:
        self.mode = "message"
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _ensure_pdf(self) -> None:
        if self.pdf_view is not None:
            return
        # QtPdf loads only when the first PDF is shown: the window starts faster without it
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(8)
        self.stack.addWidget(self.pdf_view)

    def show_pdf(self, path: Path) -> bool:
        """Show the PDF at `path`; a file QtPdf cannot open gives a message instead (False)."""
        from PySide6.QtPdf import QPdfDocument

        self._ensure_pdf()
        self.pdf_document.close()
        error = self.pdf_document.load(str(path))
        if error != QPdfDocument.Error.None_:
            texts = {
                QPdfDocument.Error.IncorrectPassword: self.tr(
                    "This PDF is protected by a password: no preview. Ask the LSP to send it without one."),
                QPdfDocument.Error.FileNotFound: self.tr("The stored file is missing. Run the database check."),
                QPdfDocument.Error.UnsupportedSecurityScheme: self.tr(
                    "This PDF is protected in a way that cannot be opened: no preview."),
            }
            self.show_message(texts.get(error, self.tr("This file cannot be shown as a PDF (it is damaged or "
                                                       "not a PDF at all).")))
            return False
        self.mode = "pdf"
        self.stack.setCurrentWidget(self.pdf_view)
        return True

    def page_count(self) -> int:
        return self.pdf_document.pageCount() if self.pdf_document is not None and self.mode == "pdf" else 0

    def show_participants(self, rows: list[Participant], flagged: set[tuple[str, int]]) -> None:
        self.mode = "sheet"
        self.participants_model.set_rows(rows, flagged)
        header = self.participants.horizontalHeader()
        metrics = self.participants.fontMetrics()
        for col, sample in enumerate(("00000", "Nama Peserta Panjang", "0000000000000000", "SKM.00.00000", "K/BK",
                                      "APBN BNSP")):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 20)
        self.participants_note.setText(
            self.tr("%n participant row(s) read; rows with an open error are shown in red.", "", len(rows)))
        self.stack.setCurrentWidget(self._sheet_page)

    def select_participant(self, sheet: str | None, row: int | None) -> bool:
        if self.mode != "sheet" or row is None:
            return False
        found = self.participants_model.row_of(sheet, row)
        if found is None:
            return False
        index = self.participants_model.index(found, 0)
        self.participants.selectRow(found)
        self.participants.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True
