"""The stock movements' dialogs: receive from the printer, spoil, return damaged from an LSP, reverse a line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core import clock
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.stock import Line, SerialRange, StockLedger
from blanko_desktop.core.stock import places as P
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.operations import Changes
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.stock.labels import kind_label, sheets
from blanko_desktop.ui.tabs.stock.serial_entry import BAD_COLOUR, RangesEntry

#: What a stock-only write announces: no request, LSP or setting changed (the stock tab reloads on it).
STOCK_ONLY = Changes()


class NextOnEnter(QLineEdit):
    """A serial field a scanner fills: Enter moves on to the next field instead of confirming half a form."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


def office_today() -> date:
    return i18n.local(clock.now()).date()


class StockDialog(QDialog):
    """A stock dialog: the ledger, an OK button that is the default (Enter confirms) and Cancel."""

    def __init__(self, session: Session, title: str, ok_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ledger = StockLedger(session.services)
        self.fmt = self.ledger.serial_format()
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)

    def save(self) -> bool:  # pragma: no cover - every dialog defines it
        raise NotImplementedError

    def _perform(self, fn, changes: Changes = STOCK_ONLY):
        """Run the write; a refusal is shown in the core's words and the dialog stays open."""
        result = self.session.perform(self, fn, changes)
        if result is not None:
            self.accept()
        return result


class ReceiveDialog(StockDialog):
    """Blanks delivered by the printer: the range, the delivery document's number and date."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, self.tr("Receive blanks from the printer"), self.tr("&Receive"), parent)
        self.received: list[int] | None = None
        intro = QLabel(self.tr("Enter the first and last serial of the delivery (type them or scan the first and "
                               "last sheet) and the printer's delivery document."))
        intro.setWordWrap(True)
        self.first = NextOnEnter()
        self.last = NextOnEnter()
        for edit in (self.first, self.last):
            edit.setPlaceholderText(self.fmt.text(1))
            edit.textChanged.connect(self._tally)
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText(self.tr("e.g. SJ-014/PERURI/XI/2026"))
        self.doc_date = QDateEdit()
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setDisplayFormat("d MMMM yyyy")
        today = office_today()
        self.doc_date.setDate(QDate(today.year, today.month, today.day))
        self.doc_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit()
        self.tally = QLabel()
        form = QFormLayout()
        for text, field in ((self.tr("&First serial:"), self.first), (self.tr("&Last serial:"), self.last),
                            (self.tr("Delivery &document no.:"), self.doc_number),
                            (self.tr("Document d&ate:"), self.doc_date), (self.tr("N&ote:"), self.note)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.tally)
        self.layout_.addWidget(intro)
        self.layout_.addLayout(form)
        self.finish_layout()
        self._tally()
        self.first.setFocus()
        self.setMinimumWidth(500)  # word-wrapped labels then get the height they need

    def range(self) -> SerialRange:
        return SerialRange(self.fmt.prefix, self.fmt.parse(self.first.text()), self.fmt.parse(self.last.text()))

    def _tally(self) -> None:
        if not (self.first.text().strip() and self.last.text().strip()):
            self.tally.setText("")
            return
        try:
            r = self.range()
        except RuleError as exc:
            self.tally.setText(str(exc))
            self.tally.setStyleSheet(f"color: {BAD_COLOUR};")
            return
        self.tally.setStyleSheet("")
        self.tally.setText(sheets(r.count) if r.count > 0 else self.tr("The last serial is before the first."))

    def save(self) -> bool:
        d = self.doc_date.date()
        ledger, note, number = self.ledger, self.note.text().strip(), self.doc_number.text()

        def receive():
            return ledger.receive([self.range()], number, date(d.year(), d.month(), d.day()), note)

        self.received = self._perform(receive)
        return self.received is not None


class SpoilDialog(StockDialog):
    """Sheets spoiled in the office (printing test, jam, tear): out of the stock for good, with the reason."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, self.tr("Record spoiled blanks"), self.tr("&Record spoiled"), parent)
        self.recorded: list[int] | None = None
        intro = QLabel(self.tr("Sheets spoiled here are never issued. Scan or type each sheet or range."))
        intro.setWordWrap(True)
        self.entry = RangesEntry(self.fmt)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. printer test, paper jam"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.entry, 1)
        self.layout_.addWidget(reason_label)
        self.layout_.addWidget(self.reason)
        self.finish_layout()
        self.entry.scan.setFocus()
        self.resize(480, 380)

    def save(self) -> bool:
        ledger, text, reason = self.ledger, self.entry.plain_text(), self.reason.text()
        self.recorded = self._perform(lambda: ledger.spoil(text, reason))
        return self.recorded is not None


class ReturnDialog(StockDialog):
    """Damaged sheets an LSP sent back, recorded on its replacement request (never issued again)."""

    def __init__(self, session: Session, request_id: int | None = None, parent: QWidget | None = None):
        super().__init__(session, self.tr("Damaged blanks returned by an LSP"), self.tr("&Record return"), parent)
        self.recorded: list[int] | None = None
        intro = QLabel(self.tr("The LSP sends the damaged sheets with its replacement request and the minutes of "
                               "damage. Record them on that request; it is then approved for as many sheets."))
        intro.setWordWrap(True)
        self.request = QComboBox()
        for req in self.ledger.replacement_requests():
            text = f"#{req.id} · {req.lsp_name or self.tr('(unknown LSP)')} · {i18n.state_label(req.state)}"
            if req.returned:
                text += " · " + self.tr("%1 returned so far").replace("%1", sheets(req.returned))
            self.request.addItem(text, req.id)
        if request_id is not None:
            self.request.setCurrentIndex(max(0, self.request.findData(request_id)))
        self.no_request = QLabel(self.tr("No replacement request is open: record the LSP's replacement request "
                                         "(kind: replacement of damaged blanks) first."))
        self.no_request.setWordWrap(True)
        self.no_request.setStyleSheet(f"color: {BAD_COLOUR};")
        self.no_request.setVisible(self.request.count() == 0)
        self.entry = RangesEntry(self.fmt)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. minutes of damage 12/LSP-X/XI/2026: wet in transit"))
        form = QFormLayout()
        request_label = QLabel(self.tr("Replacement &request:"))
        request_label.setBuddy(self.request)
        form.addRow(request_label, self.request)
        reason_label = QLabel(self.tr("Minutes of &damage:"))
        reason_label.setBuddy(self.reason)
        self.layout_.addWidget(intro)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.no_request)
        self.layout_.addWidget(self.entry, 1)
        self.layout_.addWidget(reason_label)
        self.layout_.addWidget(self.reason)
        self.finish_layout()
        (self.entry.scan if self.request.count() else self.request).setFocus()
        self.resize(520, 420)

    def save(self) -> bool:
        request_id = self.request.currentData()
        if request_id is None:
            messages.error(self, RuleError(self.no_request.text()))
            return False
        ledger, text, reason = self.ledger, self.entry.plain_text(), self.reason.text()
        self.recorded = self._perform(lambda: ledger.return_damaged(request_id, text, reason),
                                      Changes.of_request(request_id, requests=False))
        return self.recorded is not None


class ReverseDialog(StockDialog):
    """Cancel a ledger line with a reversing line (never an edit); an issue can be cancelled as a whole."""

    def __init__(self, session: Session, line: Line, parent: QWidget | None = None):
        super().__init__(session, self.tr("Reverse a stock line"), self.tr("&Reverse…"), parent)
        self.line = line
        self.reversed_lines: list[int] | None = None
        what = QLabel(self.tr("Line #%1: %2, %3 (%4), %5.")
                      .replace("%1", str(line.id)).replace("%2", kind_label(line.kind))
                      .replace("%3", line.range_text).replace("%4", sheets(line.quantity))
                      .replace("%5", i18n.fmt_datetime(line.at)))
        what.setWordWrap(True)
        explain = QLabel(self.tr("The line stays in the ledger; a reversing line moves the sheets back to where "
                                 "they were. Nothing is erased."))
        explain.setWordWrap(True)
        self.whole_issue = QCheckBox(self.tr("Cancel everything issued to request #%1 (all its ranges)")
                                     .replace("%1", str(line.request_id)))
        self.whole_issue.setVisible(line.kind == P.ISSUE and line.request_id is not None)
        self.whole_issue.setChecked(self.whole_issue.isVisibleTo(self))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why: e.g. wrong bundle recorded"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        self.layout_.addWidget(what)
        self.layout_.addWidget(explain)
        self.layout_.addWidget(self.whole_issue)
        self.layout_.addWidget(reason_label)
        self.layout_.addWidget(self.reason)
        self.finish_layout()
        self.reason.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)  # a reversal needs its reason
        self.reason.setFocus()
        self.setMinimumWidth(500)  # word-wrapped labels then get the height they need

    def save(self) -> bool:
        line, ledger, reason = self.line, self.ledger, self.reason.text()
        whole = self.whole_issue.isVisibleTo(self) and self.whole_issue.isChecked()
        question = (self.tr("Cancel everything issued to request #%1? The sheets go back to the store.")
                    .replace("%1", str(line.request_id)) if whole else
                    self.tr("Reverse line #%1 (%2)?").replace("%1", str(line.id)).replace("%2", line.range_text))
        if not messages.confirm(self, self.windowTitle(), question, self.tr("Reverse")):
            return False
        if whole:
            self.reversed_lines = self._perform(lambda: ledger.cancel_issue(line.request_id, reason),
                                      Changes.of_request(line.request_id, requests=False))
        else:
            changes = (Changes.of_request(line.request_id, requests=False) if line.request_id is not None
                       else STOCK_ONLY)
            result = self._perform(lambda: ledger.reverse(line.id, reason), changes)
            self.reversed_lines = None if result is None else [result]
        return self.reversed_lines is not None


__all__ = ["NextOnEnter", "ReceiveDialog", "ReturnDialog", "ReverseDialog", "SpoilDialog",
           "StockDialog", "STOCK_ONLY", "office_today"]
