"""Stock opname: what was counted against the books, the differences as ranges, settled with an explanation,
and the berita acara printed or saved as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.core.stock import CountResult, StockLedger
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.operations import Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.tabs.stock.dialogs import STOCK_ONLY
from blanko_desktop.ui.tabs.stock.labels import number, sheets
from blanko_desktop.ui.tabs.stock.serial_entry import BAD_COLOUR, OK_COLOUR, RangesEntry


class CountDialog(QDialog):
    """Record a count (the total, or better the ranges found), then see book against counted and settle it."""

    def __init__(self, session: Session, count_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ledger = StockLedger(session.services)
        self.fmt = self.ledger.serial_format()
        self.result_: CountResult | None = None
        self.printing: Op | None = None
        self.setWindowTitle(self.tr("Stock count (stock opname)"))

        # -- page 1: what was counted
        self.by_ranges = QRadioButton(self.tr("Ranges &found (the differences are recorded serial by serial)"))
        self.by_total = QRadioButton(self.tr("&Total only"))
        self.by_ranges.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_ranges)
        group.addButton(self.by_total)
        self.entry = RangesEntry(self.fmt)
        self.total = QSpinBox()
        self.total.setRange(0, 1_000_000_000)
        self.total.setGroupSeparatorShown(True)
        self.how = QStackedWidget()
        self.how.addWidget(self.entry)
        total_page = QWidget()
        total_form = QFormLayout(total_page)
        total_label = QLabel(self.tr("Sheets &counted:"))
        total_label.setBuddy(self.total)
        total_form.addRow(total_label, self.total)
        self.how.addWidget(total_page)
        self.by_ranges.toggled.connect(self._mode)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. counted by Budi and Sari, store room 2"))
        self.book_label = QLabel(self.tr("On the books now: %1").replace(
            "%1", sheets(self.ledger.balance().available)))
        count_page = QWidget()
        count_layout = QVBoxLayout(count_page)
        count_layout.setContentsMargins(0, 0, 0, 0)
        count_layout.addWidget(self.book_label)
        count_layout.addWidget(self.by_ranges)
        count_layout.addWidget(self.by_total)
        count_layout.addWidget(self.how, 1)
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note)
        count_layout.addWidget(note_label)
        count_layout.addWidget(self.note)
        self.count_buttons = QDialogButtonBox()
        self.record_button = self.count_buttons.addButton(self.tr("&Compare with the books"),
                                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setDefault(True)
        self.count_buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.count_buttons.accepted.connect(self.record)
        self.count_buttons.rejected.connect(self.reject)
        count_layout.addWidget(self.count_buttons)

        # -- page 2: the result, settling, the report
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.differences = QPlainTextEdit()
        self.differences.setReadOnly(True)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.explanation.setPlaceholderText(self.tr("What happened to the sheets that differ (at least 10 "
                                                    "letters); kept with the adjustment lines."))
        self.explanation.setMaximumHeight(90)
        self.settle_button = QPushButton(self.tr("&Settle the difference"))
        self.settle_button.clicked.connect(self.settle)
        self.settle_box = QGroupBox(self.tr("Settle"))
        settle_layout = QVBoxLayout(self.settle_box)
        settle_layout.addWidget(self.explanation)
        settle_row = QHBoxLayout()
        settle_row.addStretch(1)
        settle_row.addWidget(self.settle_button)
        settle_layout.addLayout(settle_row)
        self.printer = QComboBox()
        self.print_button = QPushButton(self.tr("&Print the report"))
        self.print_button.clicked.connect(lambda: self.print_report())
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.save_button.clicked.connect(self.save_report)
        self.print_status = QLabel()
        report_box = QGroupBox(self.tr("Berita acara stock opname"))
        report_layout = QHBoxLayout(report_box)
        report_layout.addWidget(QLabel(self.tr("Printer:")))
        report_layout.addWidget(self.printer, 1)
        report_layout.addWidget(self.print_button)
        report_layout.addWidget(self.save_button)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.accept)
        result_page = QWidget()
        result_layout = QVBoxLayout(result_page)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.summary)
        result_layout.addWidget(QLabel(self.tr("Differences by serial:")))
        result_layout.addWidget(self.differences, 1)
        result_layout.addWidget(self.settle_box)
        result_layout.addWidget(report_box)
        result_layout.addWidget(self.print_status)
        result_layout.addWidget(self.close_buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(count_page)
        self.pages.addWidget(result_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._fill_printers()
        if count_id is not None:
            self.show_result(self.ledger.count_result(count_id))
        else:
            self.entry.scan.setFocus()
        self.resize(620, 540)

    # -- counting ------------------------------------------------------------------------------------------

    def _mode(self) -> None:
        self.how.setCurrentIndex(0 if self.by_ranges.isChecked() else 1)
        (self.entry.scan if self.by_ranges.isChecked() else self.total).setFocus()

    def record(self) -> bool:
        ledger, note = self.ledger, self.note.text()
        if self.by_ranges.isChecked():
            text = self.entry.plain_text()
            count_id = self.session.perform(self, lambda: ledger.count(counted_ranges=text, note=note), STOCK_ONLY)
        else:
            counted = self.total.value()
            count_id = self.session.perform(self, lambda: ledger.count(counted_total=counted, note=note),
                                            STOCK_ONLY)
        if count_id is None:
            return False
        self.show_result(self.ledger.count_result(count_id))
        return True

    # -- the result -----------------------------------------------------------------------------------------

    def show_result(self, result: CountResult) -> None:
        self.result_ = result
        self.setWindowTitle(self.tr("Stock count #%1").replace("%1", str(result.id)))
        differs = bool(result.difference or result.missing or result.surplus)
        text = self.tr("Stock count #%1 of %2: on the books %3, counted %4, difference %5.").replace(
            "%1", str(result.id)).replace("%2", i18n.fmt_datetime(result.at)).replace(
            "%3", sheets(result.book)).replace("%4", sheets(result.counted)).replace(
            "%5", (f"{'+' if result.difference > 0 else '−'}{number(abs(result.difference))}"
                   if result.difference else "0"))
        if result.settled_at is not None:
            text += " " + self.tr("Settled by %1 on %2.").replace("%1", result.settled_by).replace(
                "%2", i18n.fmt_datetime(result.settled_at))
        elif not differs:
            text += " " + self.tr("The stock agrees with the books.")
        elif not result.by_ranges:
            text += " " + self.tr("Only the total was counted: count again with the ranges found, so the "
                                  "difference can be recorded serial by serial.")
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {BAD_COLOUR if differs and result.settled_at is None else OK_COLOUR};"
                                   " font-weight: bold;")
        lines = [self.tr("missing (not found): %1 (%2)").replace("%1", r.text(self.fmt)).replace("%2", sheets(r.count))
                 for r in result.missing]
        lines += [self.tr("surplus (found, not on the books): %1 (%2)").replace("%1", r.text(self.fmt))
                  .replace("%2", sheets(r.count)) for r in result.surplus]
        self.differences.setPlainText("\n".join(lines) or self.tr("No difference by serial."))
        self.settle_box.setVisible(differs and result.settled_at is None and result.by_ranges)
        if result.settled_at is not None:
            self.explanation.setPlainText(result.explanation)
        self.pages.setCurrentIndex(1)
        (self.explanation if self.settle_box.isVisible() else self.print_button).setFocus()

    def settle(self) -> bool:
        if self.result_ is None:
            return False
        ledger, count_id, text = self.ledger, self.result_.id, self.explanation.toPlainText()
        done = self.session.perform(self, lambda: ledger.settle_count(count_id, text) or True, STOCK_ONLY)
        if done is None:
            return False
        self.show_result(self.ledger.count_result(count_id))
        return True

    # -- the report -----------------------------------------------------------------------------------------

    def _fill_printers(self) -> None:
        from blanko_desktop.ui.printing import printer_names

        names = printer_names()
        for name in names:
            self.printer.addItem(name, name)
        chosen = self.session.cfg.printer
        if chosen:
            index = self.printer.findData(chosen)
            if index < 0:  # the configured printer is gone: say so, never print elsewhere silently
                self.printer.insertItem(0, self.tr("%1 (not found)").replace("%1", chosen), chosen)
                index = 0
            self.printer.setCurrentIndex(index)
        if not names and not chosen:
            self.printer.addItem(self.tr("(no printer installed)"), "")
            self.print_button.setEnabled(False)

    def report_pdf(self) -> bytes:
        return self.ledger.count_report(self.result_.id)

    def ask_save_path(self) -> Path | None:
        default = Path.home() / f"berita-acara-stock-opname-{self.result_.id}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(default),
                                              self.tr("PDF (*.pdf)"))
        return Path(path) if path else None

    def save_report(self) -> Path | None:
        if self.result_ is None:
            return None
        path = self.ask_save_path()
        if path is None:
            return None
        try:
            path.write_bytes(self.report_pdf())
        except OSError as exc:
            messages.error(self, exc)
            return None
        self.print_status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        return path

    def print_report(self, title: str = "") -> Op | None:
        """Render and print off the GUI thread; the status line says when the job is with the printer."""
        if self.result_ is None or (self.printing is not None and self.printing.running):
            return None
        from blanko_desktop.ui.printing import print_pdf

        printer, count_id, services = self.printer.currentData(), self.result_.id, self.session.services
        title = title or f"berita-acara-stock-opname-{count_id}"

        def work():
            return print_pdf(StockLedger(services).count_report(count_id), printer, title=title)

        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("Printing…"))
        task = Op(work, self.session.storage, self)
        task.finished.connect(lambda pages: self._printed(pages, printer))
        task.failed.connect(self._print_failed)
        self.printing = task.start()
        return task

    def _printed(self, pages: int, printer: str) -> None:
        self.print_button.setEnabled(True)
        self.print_status.setText(self.tr("Sent to %1 (%n page(s)).", "", pages).replace("%1", printer))

    def done(self, code: int) -> None:
        # the print job's thread reports to this dialog: let it finish before the dialog goes
        if self.printing is not None:
            self.printing.wait(60)
        super().done(code)

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.print_status.setText("")
        messages.error(self, exc)
