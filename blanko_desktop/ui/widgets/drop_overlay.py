"""What the window shows around a drop: a highlight while files are dragged over it, and a notice bar after."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from blanko_desktop.ui.intake.router import NEW_REQUEST


class DropOverlay(QWidget):
    """A tint and a dashed frame over the window while a drag is over it, with what a drop will do.

    Transparent to the mouse, so the drag keeps reaching the table rows underneath (a row = add to it).
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target = NEW_REQUEST
        parent.installEventFilter(self)
        self.hide()

    def text(self) -> str:
        if self.target and self.target != NEW_REQUEST:
            return self.tr("Drop to add the files to request #%1").replace("%1", str(self.target))
        return self.tr("Drop to receive the files: e-mails (.eml, .msg), PDF and Excel files, or a folder")

    def show_for(self, target: int) -> None:
        self.target = target
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        tint = QColor(accent)
        tint.setAlpha(28)
        painter.fillRect(self.rect(), tint)
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(4, 4, -5, -5), 10, 10)
        # the message sits low, so it never hides the table row the officer aims at
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = self.text()
        width = min(self.width() - 40, metrics.horizontalAdvance(text) + 48)
        height = metrics.height() + 24
        card = QRectF((self.width() - width) / 2, self.height() - height - 28, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(card, 8, 8)
        painter.setPen(self.palette().color(QPalette.ColorRole.HighlightedText))
        painter.drawText(card, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 24))


class NoticeBar(QFrame):
    """A message across the top of the window that stays until the officer closes it (no modal box)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setStyleSheet("#noticeBar { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"
                           "#noticeBar QLabel { color: #4d3800; }")
        self.icon = QLabel("⚠")
        font = QFont(self.icon.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.icon.setFont(font)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
