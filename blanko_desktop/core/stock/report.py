"""The stock-count report (berita acara stock opname) as an A4 PDF, from the template in forms/."""

from __future__ import annotations

import io
from string import Template
from zoneinfo import ZoneInfo

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from blanko_desktop import paths
from blanko_desktop.core.stock.queries import CountResult
from blanko_desktop.core.stock.serials import SerialFormat
from blanko_desktop.core.textid import format_date_id, terbilang

TEMPLATE = "berita-acara-stock-opname.txt"
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
MARGIN, SIZE, LEADING = 64, 10.5, 15


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        fonts = paths.resources_dir() / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "DejaVuSans-Bold.ttf")))


def report_text(result: CountResult, fmt: SerialFormat, zone: str, officer: str,
                signatory: tuple[str, str, str] = ("", "", "")) -> list[str]:
    """The filled template's lines (what the PDF prints), so the wording is testable without a PDF."""
    moment = result.at.astimezone(ZoneInfo(zone))
    rows = [f"    - kurang (tidak ditemukan): {r.text(fmt)} ({r.count} lembar)" for r in result.missing]
    rows += [f"    - lebih (ditemukan, tidak ada di buku): {r.text(fmt)} ({r.count} lembar)" for r in result.surplus]
    if not rows:
        rows = ["    - tidak ada selisih" if result.difference == 0 else
                "    - jumlah saja yang dihitung; rentang nomor seri belum diisi"]
    name, nip, title = signatory
    values = {
        "nomor": str(result.id), "hari_tanggal": format_date_id(moment, weekday=True), "jam": f"{moment:%H:%M}",
        "buku": f"{result.book:,}".replace(",", "."), "buku_terbilang": terbilang(result.book),
        "dihitung": f"{result.counted:,}".replace(",", "."), "dihitung_terbilang": terbilang(result.counted),
        "selisih": f"{result.difference:+,}".replace(",", ".") if result.difference else "0",
        "rincian": "\n".join(rows), "penjelasan": "    " + (result.explanation or "-"),
        "status": ("sesuai buku" if not (result.difference or result.missing or result.surplus)
                   else f"selisih diselesaikan dengan penyesuaian oleh {result.settled_by}" if result.settled_at
                   else "selisih belum diselesaikan"),
        "petugas": officer or "(.................................)",
        "pejabat": name or "(.................................)", "nip": nip or "..................",
        "jabatan": title or "Pejabat Eselon IV",
    }
    text = (paths.forms_dir() / TEMPLATE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return Template("\n".join(lines)).safe_substitute(values).splitlines()


def render_count_report(result: CountResult, fmt: SerialFormat, zone: str, officer: str,
                        signatory: tuple[str, str, str] = ("", "", "")) -> bytes:
    """The berita acara as PDF bytes (A4, DejaVu Sans so Indonesian text and dashes print everywhere)."""
    _fonts()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdf.setTitle(f"Berita Acara Stock Opname SO-{result.id}")
    width, height = A4
    y = height - MARGIN

    def room(lines: int = 1) -> None:
        nonlocal y
        if y - lines * LEADING < MARGIN:
            pdf.showPage()
            y = height - MARGIN

    for line in report_text(result, fmt, zone, officer, signatory):
        if line.startswith("= "):
            room()
            pdf.setFont(BOLD, SIZE + 2)
            pdf.drawCentredString(width / 2, y, line[2:])
            y -= LEADING + 2
        elif line.startswith("@ "):
            room()
            pdf.setFont(FONT, SIZE)
            left, _, right = line[2:].partition("|")
            pdf.drawString(MARGIN, y, left)
            pdf.drawString(width / 2 + 40, y, right)
            y -= LEADING
        elif not line.strip():
            y -= LEADING / 2
        elif " : " in line and line.startswith("    "):  # a figure: label, then the value at a tab stop
            room()
            label, _, value = line.strip().partition(" : ")
            pdf.setFont(FONT, SIZE)
            pdf.drawString(MARGIN + 16, y, label.strip())
            pdf.drawString(MARGIN + 170, y, ": " + value)
            y -= LEADING
        else:
            indent = len(line) - len(line.lstrip(" "))
            for part in simpleSplit(line.strip(), FONT, SIZE, width - 2 * MARGIN - indent * 4):
                room()
                pdf.setFont(FONT, SIZE)
                pdf.drawString(MARGIN + indent * 4, y, part)
                y -= LEADING
    pdf.showPage()
    pdf.save()
    return out.getvalue()
