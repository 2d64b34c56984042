"""The print path: a form's PDF rendered page by page (QtPdf, ~300 dpi) onto a QPrinter, in-process, on any OS."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter, QPageLayout, QPageSize
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
            painter.drawImage(QRectF(target), image, QRectF(image.rect()))
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def print_form(services, form: str, pdf: bytes, printer_name: str, copies: int = 1, request_id: int | None = None,
               number: str = "", title: str = ""):
    """Print, then log it (core/forms/printlog): no log row for a print that failed. The PrintedForm row."""
    from blanko_desktop.core.forms.printlog import log_printed

    print_pdf(pdf, printer_name, copies, title=title or f"blanko-{form}{'-' + number if number else ''}")
    return log_printed(services, form, pdf, request_id, printer=printer_name, copies=copies, number=number)


__all__ = ["DPI", "print_form", "print_pdf", "printer_names"]
