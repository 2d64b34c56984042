"""Reading a rendered form back: its text (pypdf), its pages as images (pdftoppm), its QR code (zxing-cpp)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def pdf_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def page_images(pdf: bytes, dpi: int, tmp: Path) -> list[Image.Image]:
    """Every page as a greyscale image (poppler's pdftoppm: CI installs poppler-utils)."""
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm (poppler-utils) is needed to read forms as images"
    src = tmp / "form.pdf"
    src.write_bytes(pdf)
    subprocess.run([tool, "-png", "-gray", "-r", str(dpi), str(src), str(tmp / "page")], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp.glob("page*.png"))]


def qr_texts(image: Image.Image) -> list[str]:
    import zxingcpp

    return [hit.text for hit in zxingcpp.read_barcodes(image) if hit.format == zxingcpp.BarcodeFormat.QRCode]
