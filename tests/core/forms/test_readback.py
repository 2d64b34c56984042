"""Reading a form's text back: the quick reader gives exactly pypdf's text on every page the engine writes, and
leaves any other page to pypdf."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from blanko_desktop.core import forms
from blanko_desktop.core.forms import SerialRange, readback
from blanko_desktop.core.forms.samples import sample
from blanko_desktop.core.shipping import packing
from blanko_desktop.core.stock.serials import SerialRange as StockRange

# Characters the engine escapes in strings or that are PDF syntax, and (in the address) more distinct characters
# beyond ASCII than one font subset holds (256 codes, ASCII's 96 among them), so a second subset is embedded;
# in words short enough not to be broken across lines (a line break reads as a space).
AWKWARD = "LSP (Uji) \\ Tahap [2] <b>&</b> 100% /F1 Tj «ok» — ÀÁÂÃÄÅÆÇ ñòóôõöøù"


def _words(first: int, last: int) -> str:
    letters = "".join(chr(c) for c in range(first, last + 1) if chr(c).isalpha())
    return " ".join(letters[i:i + 8] for i in range(0, len(letters), 8))


MANY = "\n".join(_words(*span) for span in ((0xC0, 0xFF), (0x391, 0x3C9), (0x410, 0x44F)))  # Latin, Greek, Cyrillic


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def awkward(form: str):
    data = sample(form)
    if form == "manifest":
        data.parcels[0] = dataclasses.replace(data.parcels[0], lsp_name=AWKWARD)
    else:
        data.lsp_name = AWKWARD
    if form in ("approval", "receipt", "completion"):
        data.lsp_address = MANY
    return data


@pytest.mark.parametrize("form", list(forms.FORMS))
@pytest.mark.parametrize("data", [sample, awkward], ids=["sample", "awkward"])
def test_quick_reader_reads_what_pypdf_reads(form, data):
    pdf = forms.render(form, data(form))
    for index in range(pages(pdf)):
        # the quick path itself (page_text would fall back to pypdf on any surprise and hide it)
        assert readback._plain_page_text(pdf, index) == readback.pypdf_page_text(pdf, index)


def test_awkward_text_reads_back_whole():
    pdf = forms.render("receipt", awkward("receipt"))
    fonts = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert "/F2+1" in fonts  # the regular face's second subset
    text = readback.page_text(pdf)
    assert AWKWARD in text and " ".join(MANY.split()) in text


def test_a_page_with_text_in_a_form_xobject_is_read_by_pypdf():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    c.beginForm("stamp")
    c.drawString(100, 700, "Jumlah: 7 (tujuh) lembar")
    c.endForm()
    c.doForm("stamp")
    c.drawString(100, 600, "KB 0000001 - KB 0000007")
    c.save()
    pdf = out.getvalue()
    with pytest.raises(readback._NotPlain):
        readback._plain_page_text(pdf, 0)
    assert readback.page_text(pdf) == readback.pypdf_page_text(pdf)
    assert "Jumlah: 7 (tujuh) lembar" in readback.page_text(pdf)
    assert packing.read_receipt_pdf(pdf, {"KB"}) == (7, [StockRange("KB", 1, 7)])


def test_a_receipt_is_read_the_same_either_way():
    data = dataclasses.replace(sample("receipt"), quantity=1240,
                               ranges=[SerialRange("KB ", 1, 1200, 7), SerialRange("KB ", 5001, 5040, 7)])
    pdf = forms.render("receipt", data)
    packing._first_page_text.cache_clear()
    assert packing.read_receipt_pdf(pdf, {"KB"}) == (1240, [StockRange("KB", 1, 1200), StockRange("KB", 5001, 5040)])
    assert packing._first_page_text(pdf) == readback.pypdf_page_text(pdf)
