"""What comes back to the secretariat, made for tests: the LSP's signed receipt scanned (a page image, slightly
skewed, as PNG or inside a text-less PDF), the courier's delivery receipt with the tracking number as a barcode,
and the e-mail an LSP sends the scan with."""

from __future__ import annotations

import io
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

from PIL import Image, ImageFilter

from tests.core.forms.pdftools import page_images


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def scanned(pdf: bytes, tmp: Path, dpi: int = 110, skew: float = 1.2) -> bytes:
    """The first page of a printed form as a scanner gives it: greyscale, a little skewed and soft (PNG)."""
    folder = tmp / f"scan-{len(list(tmp.glob('scan-*')))}"
    folder.mkdir(parents=True)
    page = page_images(pdf, dpi, folder)[0]
    page = page.rotate(skew, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    return png(page)


def pdf_of_image(image_bytes: bytes) -> bytes:
    """A scanner's PDF: the page image only, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(io.BytesIO(image_bytes)), 0, 0, *A4)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def courier_pod(tracking: str, tmp: Path, with_text: bool = False) -> bytes:
    """The courier's proof of delivery: its tracking number as a Code 128 barcode (and in words when asked), scanned."""
    from reportlab.graphics.barcode import code128
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A5)
    code128.Code128(tracking, barHeight=40, barWidth=1.4).drawOn(pdf, 60, 420)
    pdf.rect(40, 200, 340, 150)
    if with_text:
        pdf.drawString(60, 390, f"No. Resi: {tracking}   Diterima oleh: Ani")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue() if with_text else scanned(buffer.getvalue(), tmp, dpi=150, skew=0.5)


def text_pdf(text: str) -> bytes:
    """A PDF with a text layer only (a receipt number typed in a cover letter)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 760, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def lsp_email(sender: str, attachment: tuple[str, bytes], subject: str = "Tanda terima blanko") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "blanko@bnsp.go.id"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg.set_content("Bersama ini kami kirimkan pindaian tanda terima yang telah ditandatangani.")
    name, data = attachment
    maintype, subtype = ("image", "png") if name.endswith(".png") else ("application", "pdf")
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(msg)
