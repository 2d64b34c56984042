"""A rendered form shown page by page (QtPdf) from its bytes, or a message while it renders or when it cannot."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

translate = QCoreApplication.translate


def form_title(form: str) -> str:
    """A form's name as the officer reads it (translated)."""
    titles = {
        "approval": translate("Forms", "Approval sheet"),
        "receipt": translate("Forms", "Receipt"),
        "label": translate("Forms", "Address label"),
        "manifest": translate("Forms", "Courier manifest"),
        "completion": translate("Forms", "Completion request letter"),
    }
    return titles.get(form, form)


class PdfPreview(QWidget):
    """The form preview: `show_pdf(bytes)`, `show_busy(text)` while an operation renders it, `show_message`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode = "message"
        self.pdf: bytes = b""
        self.stack = QStackedWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack.addWidget(self.message)
        busy_page = QWidget()
        busy_layout = QVBoxLayout(busy_page)
        busy_layout.addStretch(1)
        self.busy_label = QLabel()
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(220)
        busy_layout.addWidget(self.busy_label)
        busy_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(1)
        self.stack.addWidget(busy_page)
        self._busy_page = busy_page
        self.view = None
        self.document = None
        self._buffer: QBuffer | None = None
        self._data: QByteArray | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _ensure_view(self) -> None:
        if self.view is not None:
            return
        # QtPdf loads with the first form shown, not at start-up
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(10)
        self.view.setStyleSheet("QPdfView { background: #6b6b6b; }")  # the sheet stands out as paper does
        self.stack.addWidget(self.view)

    def show_message(self, text: str, error: bool = False) -> None:
        self.mode = "message"
        self.pdf = b""
        self.message.setText(text)
        self.message.setStyleSheet("color: #a31515;" if error else "color: palette(mid);")
        self.stack.setCurrentWidget(self.message)

    def show_busy(self, text: str) -> None:
        self.mode = "busy"
        self.busy_label.setText(text)
        self.stack.setCurrentWidget(self._busy_page)

    def show_pdf(self, pdf: bytes) -> bool:
        from PySide6.QtPdf import QPdfDocument

        self._ensure_view()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        # the document reads from the buffer while it is shown: both are kept with the widget
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            self.show_message(self.tr("The form could not be shown."), error=True)
            return False
        self.mode = "pdf"
        self.pdf = pdf
        self.stack.setCurrentWidget(self.view)
        return True

    def page_count(self) -> int:
        return self.document.pageCount() if self.mode == "pdf" and self.document is not None else 0
