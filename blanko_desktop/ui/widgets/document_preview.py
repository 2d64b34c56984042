"""A stored document inside the window: a PDF page by page (QtPdf, with zoom), a participant list as its rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
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
        self.open_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.open_button)

        # zoom of a PDF: the officer reads small print in a scan (Ctrl+plus/minus, Ctrl+0 fits the width)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("\u2212")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+minus)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl+plus)"))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width of the pane (Ctrl+0)"))
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400 %") + 4)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_bar = QWidget()
        zoom = QHBoxLayout(self.zoom_bar)
        zoom.setContentsMargins(0, 0, 0, 0)
        zoom.addWidget(self.zoom_out_button)
        zoom.addWidget(self.zoom_label)
        zoom.addWidget(self.zoom_in_button)
        zoom.addWidget(self.fit_button)
        zoom.addStretch(1)
        self.zoom_bar.hide()
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), ("Ctrl+=", self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out), ("Ctrl+0", self.fit_width)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)
        self.message.setMargin(24)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        self.participants_note.setWordWrap(True)  # a long note must not widen the pane
        self.participants_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sheet_page = QWidget()
        sheet_layout = QVBoxLayout(sheet_page)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self.participants, 1)
        sheet_layout.addWidget(self.participants_note)
        self.stack.addWidget(sheet_page)
        self._sheet_page = sheet_page
        self.pdf_view = None
        self.pdf_document = None

        # what is shown never changes how wide the pane is (the panes stay put when the preview changes)
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.stack.setMinimumWidth(160)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.zoom_bar)
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
        self.zoom_bar.hide()

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
        self.pdf_view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.pdf_view.zoomFactorChanged.connect(lambda _factor: self._show_zoom())
        self.pdf_view.zoomModeChanged.connect(lambda _mode: self._show_zoom())
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
        self.zoom_bar.show()
        self._show_zoom()
        return True

    # -- zoom -----------------------------------------------------------------------------------------------

    ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)

    def zoom_factor(self) -> float:
        """The zoom in force; at 'fit width' the factor QtPdf works out for the pane's width."""
        if self.pdf_view is None:
            return 1.0
        from PySide6.QtPdfWidgets import QPdfView

        if self.pdf_view.zoomMode() == QPdfView.ZoomMode.FitToWidth and self.pdf_document.pageCount():
            page = self.pdf_document.pagePointSize(0).width() * self.logicalDpiX() / 72
            usable = self.pdf_view.viewport().width() - 2 * self.pdf_view.documentMargins().left()
            return max(0.1, usable / page) if page > 0 else 1.0
        return self.pdf_view.zoomFactor()

    def _set_zoom(self, factor: float) -> None:
        if self.mode != "pdf":
            return
        from PySide6.QtPdfWidgets import QPdfView

        self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf_view.setZoomFactor(min(self.ZOOM_STEPS[-1], max(self.ZOOM_STEPS[0], factor)))
        self._show_zoom()

    def zoom_in(self) -> None:
        now = self.zoom_factor()
        self._set_zoom(next((z for z in self.ZOOM_STEPS if z > now + 0.01), self.ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self.zoom_factor()
        self._set_zoom(next((z for z in reversed(self.ZOOM_STEPS) if z < now - 0.01), self.ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        if self.mode != "pdf":
            return
        from PySide6.QtPdfWidgets import QPdfView

        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fits_width(self) -> bool:
        if self.pdf_view is None:
            return True
        from PySide6.QtPdfWidgets import QPdfView

        return self.pdf_view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")
        self.fit_button.setChecked(self.fits_width())

    def page_count(self) -> int:
        return self.pdf_document.pageCount() if self.pdf_document is not None and self.mode == "pdf" else 0

    def show_participants(self, rows: list[Participant], flagged: set[tuple[str, int]]) -> None:
        self.mode = "sheet"
        self.participants_model.set_rows(rows, flagged)
        header = self.participants.horizontalHeader()
        metrics = self.participants.fontMetrics()
        # the row and the verdict first: they stay in view however narrow the pane (the rest scrolls)
        for col, sample in enumerate(("00000", "K/BK", "Nama Peserta Panjang", "0000000000000000", "SKM.00.00000",
                                      "APBN BNSP")):
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 16)
        self.participants_note.setText(
            self.tr("%n participant row(s) read; rows with an open error are shown in red.", "", len(rows)))
        self.stack.setCurrentWidget(self._sheet_page)
        self.zoom_bar.hide()

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
