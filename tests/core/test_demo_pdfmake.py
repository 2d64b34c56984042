"""The demo's own small PDFs (core/demo/pdfmake.py): whole files intake reads like any writer's."""

import io
import re

from pypdf import PdfReader

from blanko_desktop.core.demo import pdfmake
from blanko_desktop.core.demo.dispatch import _scan_pdf
from blanko_desktop.core.demo.documents import _pdf
from blanko_desktop.core.intake.pdfcheck import check_pdf


def test_lines_across_pages_read_back_as_written():
    lines = [f"Baris {i} (kurung) \\ garis miring" for i in range(1, 60)] + ["", "Tanda tangan: Ä"]
    data = _pdf(lines)
    reader = PdfReader(io.BytesIO(data), strict=True)
    assert len(reader.pages) == 2  # 53 lines a page
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Baris 1 (kurung) \\ garis miring" in text and "Baris 59 (kurung)" in text
    assert "Tanda tangan: Ä" in text  # WinAnsi
    assert check_pdf(data).has_text


def test_cross_reference_offsets_point_at_their_objects():
    data = pdfmake.document([pdfmake.text_lines(40, 500, ["satu"]), pdfmake.rects([(1, 2, 3, 4)], gray=0.5)])
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    table = data[start:].split(b"trailer")[0].splitlines()[3:]
    for number, row in enumerate(table, 1):
        offset = int(row[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number)


def test_every_file_is_its_own_even_with_the_same_page():
    # intake takes a second file with the same bytes for a duplicate: two scans are two files, as from a canvas
    first, second = _scan_pdf("TANDA TERIMA", "x"), _scan_pdf("TANDA TERIMA", "x")
    assert first != second
    assert check_pdf(first).text == check_pdf(second).text


def test_a_receipt_scan_carries_its_barcode_as_bars_a_reader_decodes():
    import zxingcpp
    from PIL import Image, ImageDraw

    from blanko_desktop.core.demo.dispatch import _code128_bars

    data = _scan_pdf("BUKTI TERIMA KIRIMAN  No. Resi: JP1234567890", "Penerima: staf LSP", barcode="JP1234567890")
    info = check_pdf(data)
    assert info.valid and "JP1234567890" in info.text
    assert data.count(b" re f") > 20  # the bars
    for value in ("JP1234567890", "P123456789012", "JX9876543210"):
        page = Image.new("L", (420, 120), 255)  # the bars drawn at 2 px a point, as a scanner would see them
        draw = ImageDraw.Draw(page)
        for x, y, w, h in _code128_bars(value, 0, 0):
            draw.rectangle([round(2 * x), 20, round(2 * (x + w)) - 1, 20 + 2 * h], fill=0)
        assert [hit.text for hit in zxingcpp.read_barcodes(page)] == [value]
