"""The print path on a real printer: CUPS with the cups-pdf queue 'PDF' (installed and started by .ci/run)."""

from __future__ import annotations

import io
import time
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from blanko_desktop.core import forms
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.forms.samples import sample
from blanko_desktop.core.models import AuditEvent, PrintedForm
from blanko_desktop.ui import printing
from tests.core.forms.pdftools import page_images, qr_texts

QUEUE = "PDF"
OUTPUT = Path.home() / "PDF"  # where cups-pdf writes a job printed by this user


def _queue_or_skip(qapp) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.printerInfo(QUEUE).isNull():
        pytest.skip("no CUPS queue 'PDF' on this machine (.ci/run installs cups + printer-driver-cups-pdf)")


def _printed(title: str, timeout: float = 60) -> bytes:
    """The PDF cups-pdf wrote for the job titled `title` (it names the file '<title>-job_<n>.pdf')."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = sorted(OUTPUT.glob(f"{title}*.pdf"))
        if hits:
            data = hits[0].read_bytes()
            if data.rstrip().endswith(b"%%EOF"):  # written to the end
                hits[0].unlink()
                return data
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote no file for job {title} in {OUTPUT} within {timeout} s")


def test_receipt_printed_on_the_pdf_queue(qapp, tmp_path):
    _queue_or_skip(qapp)
    title = f"tt-{uuid.uuid4().hex[:8]}"
    pdf = forms.render_receipt(sample("receipt"))
    assert printing.print_pdf(pdf, QUEUE, copies=1, title=title) == 2
    out = _printed(title)
    reader = PdfReader(io.BytesIO(out))
    assert len(reader.pages) == 2
    # A4 (595 x 842 pt) as the form was laid out
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    # the print path rasterises pages, so the text is read back through the QR code each copy carries
    assert [qr_texts(image) for image in page_images(out, 150, tmp_path)] == [["TT-2026-000012"]] * 2


def test_print_form_logs_only_after_the_print(qapp, services, tmp_path):
    _queue_or_skip(qapp)
    pdf = forms.render_label(sample("label"))
    title = f"label-{uuid.uuid4().hex[:8]}"
    row = printing.print_form(services, "label", pdf, QUEUE, copies=1, number="TT-2026-000012", title=title)
    assert (row.form, row.printer, row.copies, row.number) == ("label", QUEUE, 1, "TT-2026-000012")
    assert services.storage.files.read(row.sha256) == pdf
    assert len(PdfReader(io.BytesIO(_printed(title))).pages) == 1


@pytest.mark.parametrize("printer, copies, message", [
    ("Printer Lantai 3", 1, "Printer 'Printer Lantai 3' tidak dikenal di komputer ini"),
    ("", 1, "Printer '' tidak dikenal di komputer ini"),
    (QUEUE, 0, "Jumlah salinan harus lebih dari 0 (diisi: 0)."),
])
def test_refused_print_leaves_no_log(qapp, services, printer, copies, message):
    before = (PrintedForm.select().count(), AuditEvent.select().count())
    with pytest.raises(RuleError) as info:
        printing.print_form(services, "receipt", forms.render_receipt(sample("receipt")), printer, copies)
    assert str(info.value).startswith(message)
    assert (PrintedForm.select().count(), AuditEvent.select().count()) == before


def test_not_a_pdf_is_refused(qapp):
    _queue_or_skip(qapp)
    with pytest.raises(RuleError, match="bukan PDF yang dapat dibaca; tidak ada yang dicetak"):
        printing.print_pdf(b"<html>bukan pdf</html>", QUEUE)


@pytest.mark.parametrize("printers, default, given, expected", [
    ({"receipt": QUEUE}, "", None, QUEUE),                 # the printer this form was last printed on
    ({}, QUEUE, None, QUEUE),                              # else the default printer of Settings
    ({"receipt": "Printer Lantai 3"}, "", QUEUE, QUEUE),   # a printer named now wins
    ({"label": "Zebra"}, "", None, QUEUE),                 # another form's printer is not this one's
])
def test_the_printer_a_form_goes_to(qapp, printers, default, given, expected):
    from blanko_desktop.core.config import LocalConfig

    _queue_or_skip(qapp)
    cfg = LocalConfig(printer=default, printers=printers)
    assert printing.printer_for(cfg, "receipt", given) == expected


@pytest.mark.parametrize("printers, default, message", [
    ({"receipt": "Printer Lantai 3"}, QUEUE,
     "Printer 'Printer Lantai 3' yang biasa dipakai untuk tanda terima tidak ada lagi di komputer ini"),
    ({}, "Canon Lama", "Printer bawaan di Pengaturan, 'Canon Lama', tidak ada lagi di komputer ini"),
])
def test_a_printer_gone_is_refused_by_name_never_replaced(qapp, printers, default, message):
    from blanko_desktop.core.config import LocalConfig

    cfg = LocalConfig(printer=default, printers=printers)
    with pytest.raises(RuleError) as info:
        printing.printer_for(cfg, "receipt")
    assert str(info.value).startswith(message)
