"""Entering serial ranges as officers do: typed one per line, or the first and last sheet of each bundle scanned."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.stock import SerialFormat, SerialRange
from blanko_desktop.ui.tabs.stock.labels import sheets

OK_COLOUR, BAD_COLOUR = "#1b6e35", "#a31515"


class ScanEdit(QLineEdit):
    """A field a barcode scanner types into (it ends each serial with Enter): Enter hands the text over and
    stays here; in an empty field Enter goes on to the dialog's default button, so Enter still confirms."""

    scanned = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            text = self.text().strip()
            self.clear()
            self.scanned.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)


class RangesEntry(QWidget):
    """Serial ranges, one per line; a scanned pair (first sheet, then last sheet) adds a line. Below, the
    tally of sheets as typed, or why the text cannot be read (the core's words)."""

    changed = Signal()

    def __init__(self, fmt: SerialFormat, parent: QWidget | None = None):
        super().__init__(parent)
        self.fmt = fmt
        self.pending: int | None = None  # the first sheet of a bundle, scanned; waiting for its last
        self.scan = ScanEdit()
        self.scan.setPlaceholderText(self.tr("Scan or type the first sheet of a bundle, then the last"))
        self.scan.scanned.connect(self.add_scanned)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlaceholderText(self.tr("One range per line, e.g.\n%1 - %2")
                                     .replace("%1", fmt.text(1)).replace("%2", fmt.text(100)))
        self.text.textChanged.connect(self._text_changed)
        self.pending_label = QLabel()
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scan)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.tally)
        self._show_pending()
        self._text_changed()

    # -- what was entered ---------------------------------------------------------------------------------

    def ranges(self) -> list[SerialRange]:
        """The ranges as the core reads them; RuleError (in the core's words) when they cannot be read."""
        return self.fmt.parse_ranges(self.text.toPlainText())

    def set_ranges(self, ranges: list[SerialRange]) -> None:
        self.text.setPlainText("\n".join(r.text(self.fmt) for r in ranges))

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def total(self) -> int | None:
        """Sheets in the ranges typed, or None when they cannot be read."""
        try:
            return sum(r.count for r in self.ranges())
        except RuleError:
            return None

    # -- scanning ------------------------------------------------------------------------------------------

    def add_scanned(self, typed: str) -> None:
        """A scanned or typed serial (or a whole range): the first sheet waits for the last; the pair is a line."""
        try:
            r = self.fmt.parse_range(typed)
        except RuleError as exc:
            self._show_error(str(exc))
            return
        if r.first != r.last:  # a whole range typed at once
            self._append(r.text(self.fmt))
        elif self.pending is None:
            self.pending = r.first
        else:
            first, self.pending = self.pending, None
            # as scanned, even backwards: the tally then says what is wrong, in the core's words
            self._append(f"{self.fmt.text(first)} - {self.fmt.text(r.first)}" if r.first != first
                         else self.fmt.text(first))
        self._show_pending()

    def _append(self, line: str) -> None:
        current = self.text.toPlainText().rstrip("\n")
        self.text.setPlainText(f"{current}\n{line}" if current.strip() else line)

    def _show_pending(self) -> None:
        if self.pending is None:
            self.pending_label.setText(self.tr("Scan the first sheet of a bundle and then its last sheet; "
                                               "each pair becomes a line below."))
            self.pending_label.setStyleSheet("color: palette(mid);")
        else:
            self.pending_label.setText(self.tr("First sheet %1: now scan the last sheet of this bundle.")
                                       .replace("%1", self.fmt.text(self.pending)))
            self.pending_label.setStyleSheet("font-weight: bold;")

    # -- the tally -----------------------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if not self.text.toPlainText().strip():
            self.tally.setText(self.tr("No ranges yet."))
            self.tally.setStyleSheet("")
        else:
            try:
                ranges = self.ranges()
            except RuleError as exc:
                self._show_error(str(exc))
            else:
                self.tally.setText(self.tr("%n range(s)", "", len(ranges)) + ", " + sheets(sum(r.count for r in ranges)))
                self.tally.setStyleSheet("")
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        self.tally.setText(message)
        self.tally.setStyleSheet(f"color: {BAD_COLOUR};")
