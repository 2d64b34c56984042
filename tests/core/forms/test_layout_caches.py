"""The engine's layout caches (parsed paragraphs, styles, font subsets, the logo and QR images) never carry one
form's content into another, and a form laid out with every cache warm is the same PDF as in a fresh process."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blanko_desktop.core import forms
from blanko_desktop.core.forms import SerialRange, SignatoryData, engine
from blanko_desktop.core.forms.samples import sample
from tests.core.forms.pdftools import page_images, pdf_text, qr_texts

ROOT = Path(__file__).resolve().parents[3]


def other_receipt() -> forms.ReceiptData:
    return dataclasses.replace(
        sample("receipt"), number="TT-2027-004321", request_id=4321, lsp_name="LSP Pariwisata Nusa Ñusantara",
        lsp_address="Jl. Gajah Mada 7\nDenpasar 80112", letter_number="88/LSP-PAR/2027", quantity=5,
        ranges=[SerialRange("KB ", 9001, 9005)], signatory=SignatoryData("Ir. Made Oka", "", ""))


def laid_out(data) -> bytes:
    return laid_out_form("receipt", data)


def test_two_receipts_rendered_alternately_keep_their_own_content(tmp_path):
    first, second = sample("receipt"), other_receipt()
    pdfs = [laid_out(data) for data in (first, second, first, second)]
    assert pdfs[0] == pdfs[2] and pdfs[1] == pdfs[3] and pdfs[0] != pdfs[1]
    a, b = (" ".join(pdf_text(pdf)) for pdf in pdfs[:2])
    for text, own, others in (
            (a, ["TT-2026-000012", "LSP Kelistrikan Tenaga Raya", "37 (tiga puluh tujuh)", "B0001200 – B0001224",
                 "Dra. Sri Wahyuni, M.Si."],
             ["TT-2027-004321", "Ñusantara", "Denpasar", "KB 0009001", "Made Oka", "lima"]),
            (b, ["TT-2027-004321", "LSP Pariwisata Nusa Ñusantara", "5 (lima) lembar", "KB 0009001 – KB 0009005",
                 "Ir. Made Oka", "Denpasar 80112"],
             ["TT-2026-000012", "Kelistrikan", "Surabaya", "B0001200", "Wahyuni", "tiga puluh"])):
        assert [o for o in own if o not in text] == []
        assert [o for o in others if o in text] == []
    assert qr_texts(page_images(pdfs[1], 100, tmp_path)[0]) == ["TT-2027-004321"]


def fresh_process_hash(maker: str) -> str:
    """The receipt's PDF hash from a new Python process: every cache cold."""
    code = ("import hashlib; from blanko_desktop.core import forms; "
            "from tests.core.forms.test_layout_caches import other_receipt, sample; "
            f"print(hashlib.sha256(forms.render('receipt', {maker})).hexdigest())")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_warm_caches_give_the_pdf_a_fresh_process_gives():
    for data in (other_receipt(), sample("receipt"), other_receipt()):
        laid_out(data)  # every cache warm, with both receipts' paragraphs, font subsets and codes
    for maker, data in (("sample('receipt')", sample("receipt")), ("other_receipt()", other_receipt())):
        assert hashlib.sha256(laid_out(data)).hexdigest() == fresh_process_hash(maker), maker


def test_a_paragraph_longer_than_a_page_is_split_across_pages():
    # reportlab splits a paragraph that does not fit into two of the same class, from its lines and words
    data = sample("completion")
    data.lsp_address = "\n".join(f"Baris alamat {n:03d}" for n in range(1, 91))
    pdfs = [laid_out_form("completion", data) for _ in range(3)]  # then with every cache warm, twice
    assert pdfs[0] == pdfs[1] == pdfs[2]
    pages = pdf_text(pdfs[0])
    assert len(pages) == 3 and "Baris alamat 001" in pages[0] and "Baris alamat 090" not in pages[0]
    text = " ".join(pages)
    assert [n for n in range(1, 91) if f"Baris alamat {n:03d}" not in text] == []


def laid_out_form(form: str, data) -> bytes:
    forms._RENDERED.clear()  # the finished-PDF cache would answer without laying the form out again
    return forms.render(form, data)


@pytest.mark.parametrize("form", list(forms.FORMS))
def test_inline_markup_is_written_as_elementtree_writes_it(form):
    # the markup text keys the paragraph caches and is what reportlab parses: it must stay ElementTree's
    data = sample(form)
    data.__dict__.update({k: 'A & "B" <c> \\ (d)' for k in ("lsp_name", "officer", "courier") if hasattr(data, k)})
    spec = forms.FORMS[form]
    filled = engine.fill(engine.load(spec.file, forms._fields(spec.data)), forms._context(data))
    tree = engine.parse_xml(filled, spec.file).element
    tree.append(ET.fromstring('<p>x<font color="#4&quot;4" name="a&#10;b" size="9">y<b>z</b><br/></font> w<i/></p>'))
    blocks = [el for el in tree.iter() if el.tag in ("p", "td") and not any(c.tag in engine.BLOCKS for c in el)]
    assert blocks
    for el in blocks:
        reference = engine._escape(el.text or "") + "".join(ET.tostring(c, encoding="unicode") for c in el)
        assert engine._inner_markup(el) == re.sub(r"\s+", " ", reference).strip()


def test_a_form_is_the_same_whether_or_not_the_stock_report_came_first():
    # the stock report registers the same fonts by name, without the engine's settings: a form made after it
    # in the same process must still be the PDF a fresh process makes
    code = ("import hashlib; from blanko_desktop.core.stock import report; report._fonts(); "
            "from blanko_desktop.core import forms; from blanko_desktop.core.forms.samples import sample; "
            "print(hashlib.sha256(forms.render('receipt', sample('receipt'))).hexdigest())")
    after_report = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout.strip()
    assert after_report == fresh_process_hash("sample('receipt')")
