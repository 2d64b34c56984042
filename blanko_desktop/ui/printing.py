"""The print path: a form's PDF rendered page by page (QtPdf, ~300 dpi) onto a QPrinter, in-process, on any OS."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from blanko_desktop.core.errors import RuleError

DPI = 300


def printer_names() -> list[str]:
    """The printers this workstation knows, default first."""
    default = QPrinterInfo.defaultPrinterName()
    names = QPrinterInfo.availablePrinterNames()
    return sorted(names, key=lambda n: (n != default, n.lower()))


def print_pdf(pdf: bytes, printer_name: str, copies: int = 1, dpi: int = DPI, title: str = "Blanko Desktop") -> int:
    """Print `pdf` on the named printer, `copies` times; the number of pages sent. Synchronous (the window runs it
    off the GUI thread). Refused with a clear message when the printer is unknown or cannot be opened."""
    if copies < 1:
        raise RuleError(f"Jumlah salinan harus lebih dari 0 (diisi: {copies}).")
    # setPrinterName() with an unknown name silently keeps the default printer: look it up first
    if not printer_name or QPrinterInfo.printerInfo(printer_name).isNull():
        known = ", ".join(printer_names()) or "tidak ada printer terpasang"
        raise RuleError(f"Printer '{printer_name}' tidak dikenal di komputer ini (printer yang ada: {known}).")
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise RuleError("Formulir yang akan dicetak bukan PDF yang dapat dibaca; tidak ada yang dicetak.")
    printer = QPrinter(QPrinterInfo.printerInfo(printer_name), QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setResolution(dpi)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setCopyCount(copies)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuleError(f"Printer '{printer_name}' tidak dapat dibuka (mati, offline, atau tidak ada izin); "
                        "tidak ada yang dicetak.")
    try:
        # in HighResolution mode the painter's coordinates are the device's own: scale each page to them
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        pages = document.pageCount()
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, size)
            if image.isNull():
                raise RuleError(f"Halaman {index + 1} formulir tidak dapat disiapkan untuk dicetak.")
            _draw_in_bands(painter, QRectF(target), _on_paper(image))
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def _on_paper(image: QImage) -> QImage:
    """The page as opaque RGB on white. QtPdf renders with a transparent background; an alpha channel makes
    Qt's PDF print engine (CUPS) write a soft mask beside every page image: measured at 300 dpi, 270 -> 115 ms
    per page to draw, for the same sheet on paper."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


#: Horizontal bands a page is drawn in. PySide keeps the GIL through each Qt call, and Qt's PDF print engine
#: compresses an image as it is drawn (~300 ms for a whole 300-dpi page): in 8 bands the window's thread gets a
#: turn every ~40 ms instead of freezing, for the same total time and no visible seam.
BANDS = 8


def _draw_in_bands(painter: QPainter, target: QRectF, image: QImage) -> None:
    height = image.height()
    scale = target.height() / height
    for band in range(BANDS):
        top, bottom = height * band // BANDS, height * (band + 1) // BANDS
        painter.drawImage(QRectF(target.x(), target.y() + top * scale, target.width(), (bottom - top) * scale),
                          image, QRectF(0, top, image.width(), bottom - top))


def print_form(services, form: str, pdf: bytes, printer_name: str, copies: int = 1, request_id: int | None = None,
               number: str = "", title: str = ""):
    """Print, then log it (core/forms/printlog): no log row for a print that failed. The PrintedForm row."""
    from blanko_desktop.core.forms.printlog import log_printed

    print_pdf(pdf, printer_name, copies, title=title or f"blanko-{form}{'-' + number if number else ''}")
    return log_printed(services, form, pdf, request_id, printer=printer_name, copies=copies, number=number)


def print_paper(services, paper, printer_name: str, copies: int = 1):
    """Print a rendered form (core/approval/paperwork.Paper) and log it; the log line as a read model."""
    from blanko_desktop.core.approval.views import printed_form_view

    row = print_form(services, paper.form, paper.pdf, printer_name, copies, request_id=paper.request_id,
                     number=paper.number, title=paper.job_title)
    return printed_form_view(services, row.id)


def printer_for(cfg, form: str, given: str | None = None) -> str:
    """The printer a form goes to: the one named, else the one it was last printed on at this workstation,
    else the default printer of Settings, else the system's default. A remembered printer that no longer
    exists is refused by name, never silently replaced by another."""
    from blanko_desktop.core.forms import FORMS

    if given:
        return given
    remembered = cfg.printers.get(form)
    if remembered:
        if QPrinterInfo.printerInfo(remembered).isNull():
            title = FORMS[form].title.lower() if form in FORMS else form
            known = ", ".join(printer_names()) or "tidak ada printer terpasang"
            raise RuleError(f"Printer '{remembered}' yang biasa dipakai untuk {title} tidak ada lagi di komputer "
                            f"ini (printer yang ada: {known}). Pilih printer lain; pilihan itu akan diingat.")
        return remembered
    if cfg.printer:
        if QPrinterInfo.printerInfo(cfg.printer).isNull():
            known = ", ".join(printer_names()) or "tidak ada printer terpasang"
            raise RuleError(f"Printer bawaan di Pengaturan, '{cfg.printer}', tidak ada lagi di komputer ini "
                            f"(printer yang ada: {known}). Pilih printer lain.")
        return cfg.printer
    default = QPrinterInfo.defaultPrinterName()
    if not default:
        raise RuleError("Belum ada printer terpasang di komputer ini; simpan formulir sebagai PDF.")
    return default


def remember_printer(cfg, form: str, printer_name: str) -> bool:
    """Keep the printer a form was just printed on (workstation config); True when it changed."""
    from blanko_desktop.core import config

    if cfg.printers.get(form) == printer_name:
        return False
    cfg.printers[form] = printer_name
    config.save(cfg)
    return True


def ensure_gui_app():
    """A Qt application for printing outside the window (the CLI): fonts and the print plugin need one.
    On a Linux machine without a display the offscreen platform stands in."""
    import os
    import sys

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if app is None:
        if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        # a QApplication, not a bare QGuiApplication: one process may show widgets after printing (the window's
        # self-test, a test run), and Qt aborts on a widget under a QGuiApplication
        app = QApplication(["blanko"])
    return app


__all__ = ["DPI", "ensure_gui_app", "print_form", "print_paper", "print_pdf", "printer_for", "printer_names",
           "remember_printer"]
