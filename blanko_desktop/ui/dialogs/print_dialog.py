"""Print a form like desktop software does: its preview, the printer (remembered per form) and copies, or save it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blanko_desktop.ui import messages
from blanko_desktop.ui.operations import Changes, Op
from blanko_desktop.ui.session import Session
from blanko_desktop.ui.widgets.print_preview import PdfPreview, form_title

WARNING_STYLE = "color: #a31515; font-weight: bold;"
translate = QCoreApplication.translate


class PrintDialog(QDialog):
    """One form (a `paperwork.Paper`): preview, printer, copies; Print runs off the GUI thread, then logs it.

    The printer offered is the one this form was last printed on here, else the default printer of Settings,
    else the system's default. A remembered printer that no longer exists is said in red and nothing is
    chosen in its place: the officer picks one (and that choice is remembered)."""

    printed = Signal(object)  # the log line (PrintedFormView) of a print or a save

    def __init__(self, session: Session, paper, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.paper = paper
        self.task: Op | None = None
        self.result_view = None
        self.setWindowTitle(self.tr("Print — %1").replace("%1", form_title(paper.form)))
        self.resize(980, 720)

        self.preview = PdfPreview()
        self.preview.setMinimumWidth(480)
        self.preview.show_pdf(paper.pdf)

        heading = QLabel(f"<b>{form_title(paper.form)}</b>")
        details = []
        if paper.request_id is not None:
            details.append(self.tr("Request #%1").replace("%1", str(paper.request_id)))
        if paper.number:
            details.append(paper.number)
        details.append(self.tr("%n page(s)", "", self.preview.page_count()))
        info = QLabel("  ·  ".join(details))
        info.setWordWrap(True)
        self.proposal_note = QLabel(self.tr("Proposal for signing: the approval is not recorded yet."))
        self.proposal_note.setWordWrap(True)
        self.proposal_note.setVisible(paper.proposed)

        from blanko_desktop.ui import printing

        self.printer_combo = QComboBox()
        self.printer_combo.setMinimumContentsLength(24)
        self.printer_combo.setPlaceholderText(self.tr("— choose a printer —"))
        for name in printing.printer_names():
            self.printer_combo.addItem(name, name)
        self.printer_warning = QLabel()
        self.printer_warning.setWordWrap(True)
        self.printer_warning.setStyleSheet(WARNING_STYLE)
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        self.copies.setValue(1)
        form = QFormLayout()
        form.addRow(self.tr("&Printer:"), self.printer_combo)
        form.addRow("", self.printer_warning)
        form.addRow(self.tr("&Copies:"), self.copies)
        if paper.form == "receipt":
            note = QLabel(self.tr("The receipt prints both copies (for the LSP and for the archive) on two pages."))
            note.setWordWrap(True)
            form.addRow("", note)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress.setVisible(False)

        self.print_button = QPushButton(self.tr("&Print"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_now)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_as_pdf)
        self.save_button.setToolTip(self.tr("A saved PDF is logged like a printed form."))
        self.viewer_button = QPushButton(self.tr("Open in PDF &viewer"))
        self.viewer_button.clicked.connect(self.open_in_viewer)
        self.viewer_button.setToolTip(self.tr("Opens a copy in the PDF program; print from here to keep the "
                                              "print in the log."))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(heading)
        side.addWidget(info)
        side.addWidget(self.proposal_note)
        side.addSpacing(8)
        side.addLayout(form)
        side.addSpacing(8)
        side.addWidget(self.print_button)
        side.addWidget(self.progress)
        side.addWidget(self.progress_label)
        side.addStretch(1)
        side.addWidget(self.save_button)
        side.addWidget(self.viewer_button)
        side.addWidget(self.close_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(320)

        layout = QHBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(side_widget)

        self.printer_combo.currentIndexChanged.connect(self._printer_chosen)
        self._choose_initial_printer()

    # -- the printer ------------------------------------------------------------------------------

    def _choose_initial_printer(self) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        cfg = self.session.cfg
        remembered = cfg.printers.get(self.paper.form)
        wanted = remembered or cfg.printer or QPrinterInfo.defaultPrinterName()
        self.printer_combo.blockSignals(True)
        self.printer_combo.setCurrentIndex(self.printer_combo.findData(wanted) if wanted else -1)
        self.printer_combo.blockSignals(False)
        if self.printer_combo.count() == 0:
            self.printer_warning.setText(self.tr("No printer is installed on this computer: save the form as a "
                                                 "PDF instead."))
        elif wanted and self.printer_combo.currentIndex() < 0:
            if remembered:
                text = self.tr("The printer used for this form, “%1”, is no longer on this computer. Choose "
                               "another printer; the choice is remembered.")
            else:
                text = self.tr("The default printer of Settings, “%1”, is no longer on this computer. Choose "
                               "another printer.")
            self.printer_warning.setText(text.replace("%1", wanted))
        else:
            self.printer_warning.clear()
        self.printer_warning.setVisible(bool(self.printer_warning.text()))
        self._update_buttons()

    def _printer_chosen(self, _index: int) -> None:
        self.printer_warning.clear()
        self.printer_warning.setVisible(False)
        self._update_buttons()

    def printer(self) -> str:
        return self.printer_combo.currentData() or ""

    def _update_buttons(self) -> None:
        idle = self.task is None
        self.print_button.setEnabled(idle and bool(self.printer()))
        for widget in (self.save_button, self.viewer_button, self.printer_combo, self.copies):
            widget.setEnabled(idle)

    # -- print --------------------------------------------------------------------------------------

    def print_now(self) -> Op | None:
        """Print off the GUI thread with a progress bar; logged after the printer took it, then closed."""
        printer, copies = self.printer(), self.copies.value()
        if not printer or self.task is not None:
            return None
        from blanko_desktop.ui import printing

        services, paper = self.session.services, self.paper
        self.task = Op(lambda: printing.print_paper(services, paper, printer, copies), self.session.storage, self)
        self.task.finished.connect(lambda view: self._printed(view, printer))
        self.task.failed.connect(self._print_failed)
        self.progress.setVisible(True)
        self.progress_label.setText(self.tr("Printing on %1…").replace("%1", printer))
        self._update_buttons()
        return self.task.start()

    def _done(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self.progress.setVisible(False)
        self._update_buttons()

    def _printed(self, view, printer: str) -> None:
        from blanko_desktop.ui import printing

        self._done()
        self.result_view = view
        try:
            printing.remember_printer(self.session.cfg, self.paper.form, printer)
        except OSError:  # the print is done and logged; only the preference could not be kept
            pass
        self.session.announce(Changes.of_request(self.paper.request_id, requests=False))
        self.printed.emit(view)
        self.accept()

    def _print_failed(self, exc: BaseException) -> None:
        self._done()
        self.progress_label.setText(self.tr("Nothing was printed."))
        messages.error(self, exc)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until a running print is done and reported (tests, benchmark)."""
        import time

        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        while self.task is not None and time.monotonic() < deadline:
            self.task.wait(0.05)
            QCoreApplication.processEvents()

    # -- save, view -----------------------------------------------------------------------------------

    def save_as_pdf(self) -> Path | None:
        view = save_paper(self.session, self, self.paper)
        if view is None:
            return None
        self.result_view = view
        self.printed.emit(view)
        self.progress_label.setText(self.tr("Saved as %1.").replace("%1", view.saved_path or ""))
        return Path(view.saved_path) if view.saved_path else None

    def open_in_viewer(self) -> Path | None:
        return open_paper(self, self.paper)

    def reject(self) -> None:
        if self.task is not None:  # the printer has it already: wait for the log line
            return
        super().reject()


# -- shared with the tab: save a form as PDF, open it in the PDF program ----------------------------------

def ask_save_path(parent: QWidget | None, paper) -> Path | None:
    """Where to save: the system's save dialog, proposing the form's own name."""
    start = Path.home() / paper.file_name
    name, _ = QFileDialog.getSaveFileName(parent, translate("PrintDialog", "Save as PDF"), str(start),
                                          translate("PrintDialog", "PDF (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_paper(session: Session, parent: QWidget | None, paper):
    """Save the form where the officer says; logged as produced (printer 'PDF: <path>'). The log line or None."""
    from blanko_desktop.core.approval import paperwork

    path = ask_save_path(parent, paper)
    if path is None:
        return None
    services = session.services
    return session.perform(parent, lambda: paperwork.save_pdf(services, paper, path),
                           Changes.of_request(paper.request_id, requests=False))


def viewer_copy(paper) -> Path:
    """A copy under the form's own name in a fresh temporary folder (the PDF program shows that name)."""
    target = Path(tempfile.mkdtemp(prefix="blanko-formulir-")) / paper.file_name
    target.write_bytes(paper.pdf)
    return target


def open_paper(parent: QWidget | None, paper) -> Path:
    target = viewer_copy(paper)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        messages.warn(parent, translate("PrintDialog", "No PDF viewer"), translate(
            "PrintDialog", "No program could open the PDF. The copy is at %1.").replace("%1", str(target)))
    return target
