"""The berita acara stock opname: the template filled with the count, printed as an A4 PDF."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

from pypdf import PdfReader

from blanko_desktop.core.models import Signatory


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_report_states_book_counted_and_the_differences_by_serial(ledger, services):
    Signatory.create(name="Dra. Siti Rahma", nip="197001011995032001", title="Kepala Subbagian Sertifikasi",
                     updated_by="x")
    ledger.receive("1-1000", "SJ-1", date(2026, 8, 1))
    count = ledger.count(counted_ranges="KB 0000001 - KB 0000990\nKB 0001001 - KB 0001002")
    ledger.settle_count(count, "Sepuluh lembar hilang saat pemindahan gudang, dilaporkan ke atasan.")
    text = pdf_text(ledger.count_report(count))
    for expected in ("BERITA ACARA STOCK OPNAME BLANKO SERTIFIKAT", f"Nomor: SO-{count}",
                     "1.000 lembar (seribu)", "992 lembar (sembilan ratus sembilan puluh dua)", "-8 lembar",
                     "kurang (tidak ditemukan): KB 0000991 – KB 0001000 (10 lembar)",
                     "KB 0001001 – KB 0001002 (2 lembar)", "Sepuluh lembar hilang saat pemindahan gudang",
                     "selisih diselesaikan dengan penyesuaian oleh Budi Santoso (officer1)",
                     "Dra. Siti Rahma", "NIP 197001011995032001", "Kepala Subbagian Sertifikasi"):
        assert expected in text, expected


def test_a_count_that_agrees_says_so(ledger):
    ledger.receive("1-50", "SJ-1", date(2026, 8, 1))
    text = pdf_text(ledger.count_report(ledger.count(counted_total=50)))
    assert "tidak ada selisih" in text and "Status: sesuai buku" in text and "50 lembar (lima puluh)" in text


def test_an_unsettled_total_only_difference_is_shown_as_open(ledger):
    ledger.receive("1-50", "SJ-1", date(2026, 8, 1))
    text = pdf_text(ledger.count_report(ledger.count(counted_total=48)))
    assert "rentang nomor seri belum diisi" in text and "selisih belum diselesaikan" in text


def test_the_report_renders_as_an_a4_page_with_ink_where_the_text_is(ledger, tmp_path):
    """Rendered with poppler (CI installs poppler-utils): the title is inked at the top, the page bottom is
    blank, so the text is on the page and not off its edges."""
    ledger.receive("1-50", "SJ-1", date(2026, 8, 1))
    pdf = tmp_path / "so.pdf"
    pdf.write_bytes(ledger.count_report(ledger.count(counted_total=50)))
    subprocess.run([shutil.which("pdftoppm") or "/usr/bin/pdftoppm", "-gray", "-r", "30", "-singlefile",
                    str(pdf), str(tmp_path / "so")], check=True)
    data = (tmp_path / "so.pgm").read_bytes()
    magic, width, height, _maxval, pixels = data.split(maxsplit=4)
    width, height = int(width), int(height)
    assert magic == b"P5" and abs(width / height - 210 / 297) < 0.01

    def inked(top: float, bottom: float) -> int:
        rows = pixels[int(top * height) * width:int(bottom * height) * width]
        return sum(1 for value in rows if value < 128)

    assert inked(0.05, 0.12) > 50  # the title
    assert inked(0.85, 1.0) == 0
