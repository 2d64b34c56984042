"""The quick text reader gives exactly pypdf's `extract_text()` on every page it accepts, and declines the rest.

Every comparison calls `quick_text` itself: `extract_text` falls back to pypdf on any surprise and would hide a
page the quick reader does not read."""

from __future__ import annotations

import io
import random
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from blanko_desktop.core import forms, pdftext
from blanko_desktop.core.demo import documents
from blanko_desktop.core.demo.dispatch import _scan_pdf
from blanko_desktop.core.forms.samples import sample
from blanko_desktop.core.intake import pdfcheck
from blanko_desktop.core.shipping import receipts

TESTS = Path(__file__).resolve().parents[1]


def same_text_everywhere(pdf: bytes) -> int:
    """Hold the quick reader to pypdf on every page; the number of pages it read."""
    pages = PdfReader(io.BytesIO(pdf), strict=False).pages
    for index, page in enumerate(pages):
        expected = PdfReader(io.BytesIO(pdf), strict=False).pages[index].extract_text()
        assert pdftext.quick_text(page) == expected, f"page {index}"
        assert pdftext.extract_text(page) == expected
    return len(pages)


# --- the corpus ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.pdf")), ids=lambda p: p.name)
def test_every_pdf_of_the_tests(path):
    assert same_text_everywhere(path.read_bytes())


def test_the_corpus_of_the_tests_is_not_empty():
    assert len(list(TESTS.rglob("*.pdf"))) >= 3


@pytest.mark.parametrize("seed", range(0, 100, 10))
def test_the_demos_request_documents(seed):
    # 100 requests' letters, minutes and decisions (10 seeds a case), a decision of up to 300 people on 6 pages
    for seed_ in range(seed, seed + 10):
        rng = random.Random(seed_)
        people = documents.participants(rng.randint(1, 300 if seed_ % 7 == 0 else 60), rng)
        docs = documents.request_documents(f"LSP {rng.choice(documents.FIRST)} (Uji) \\ 100%", "Kota Batu",
                                           people, date(2026, rng.randint(1, 12), rng.randint(1, 28)), seq=seed_)
        pdfs = [data for name, data in docs.files.items() if name.endswith(".pdf")]
        assert len(pdfs) == 3
        for pdf in pdfs:
            assert same_text_everywhere(pdf)


@pytest.mark.parametrize("seed", range(5))
def test_the_demos_scans(seed):
    rng = random.Random(seed)
    for _ in range(40):
        number = f"TT-{rng.randint(2020, 2030)}-{rng.randint(1, 99999):05d}"
        resi = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(rng.randint(8, 16)))
        assert same_text_everywhere(_scan_pdf(f"TANDA TERIMA  Nomor: {number}", "Diterima dan ditandatangani LSP"))
        assert same_text_everywhere(_scan_pdf(f"BUKTI TERIMA KIRIMAN  No. Resi: {resi}", "Penerima: staf LSP",
                                              barcode=resi))


@pytest.mark.parametrize("form", list(forms.FORMS))
def test_the_forms(form):
    assert same_text_everywhere(forms.render(form, sample(form)))


# --- hand-made pages: the operators and fonts other producers use ----------------------------------------------

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
FONTS = {
    b"F1": HELVETICA,
    b"F2": b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",  # StandardEncoding, built in
    b"F3": b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding << /Type /Encoding "
           b"/BaseEncoding /WinAnsiEncoding /Differences [65 /B /A 128 /Euro /emdash] >> >>",
    b"F4": b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 "
           b"/Widths [" + b" ".join(str(250 + (c * 37) % 500).encode() for c in range(32, 127)) + b"] "
           b"/Encoding /WinAnsiEncoding >>",
}


def make_pdf(content: bytes, fonts: dict[bytes, bytes] | None = None, xobjects: bytes = b"") -> bytes:
    """A one-page PDF around a content stream, with a right cross-reference table."""
    fonts = FONTS if fonts is None else fonts
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << "
               + b" ".join(b"/%s %s" % (name, body) for name, body in fonts.items()) + b" >> "
               + (b"/XObject << " + xobjects + b" >> " if xobjects else b"") + b">> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


IMAGE = (b"/Im1 << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
         b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x00\nendstream")

PLAIN_PAGES = {
    "tj-and-td": b"BT /F1 12 Tf 72 720 Td (Nomor : 045/LSP/III/2026) Tj 0 -14 Td (Perihal) Tj ET",
    "tj-arrays": b"BT /F1 11 Tf 1 0 0 1 72 700 Tm [(Permo)12(honan)-300(Blanko)-120(Sertifikat)] TJ "
                 b"[(A)-1000(B)1000(C)-249(D)-251(E)] TJ ET",
    "quotes": b"BT /F2 10 Tf 14 TL 72 700 Td (first line) Tj (second) ' 2 0.5 (third) \" T* (fourth) Tj ET",
    "td-capital": b"BT /F3 9 Tf 72 700 TD (ABAB) Tj 0 -12 TD (\\200 \\227 euro) Tj T* (again) Tj ET",
    "truetype-widths": b"BT /F4 10 Tf 72 700 Td (Kompeten Anggaran BNSP : 12 orang) Tj 200 0 Td (next) Tj ET",
    "state": b"q 0.5 0 0 0.5 10 10 cm BT /F1 20 Tf 1 0 0 1 100 1400 Tm (scaled) Tj ET Q "
             b"BT /F1 10 Tf 100 600 Td 2 Tc (spaced) Tj 0 Tc 110 Tz 3 Tw (wide) Tj ET "
             b"q BT /F2 8 Tf ET Q BT 100 500 Td (font after Q) Tj ET",
    "rotated": b"BT /F1 10 Tf 0 1 -1 0 300 300 Tm (up) Tj 0 -1 1 0 300 300 Tm (down) Tj "
               b"-1 0 0 -1 300 300 Tm (upside) Tj ET",
    "marked-content": b"/P << /MCID 0 /ActualText (x) /Alt [1 true null] >> BDC BT /F1 10 Tf 72 700 Td "
                      b"<4C5350> Tj <4 c 5 3 5> Tj (\\(Uji\\) \\\\ \\101\\102\\7) Tj ET EMC /Artifact BMC EMC "
                      b"% a comment Tj\n1 0 0 RG 0.2 g [3 1] 0 d 72 650 100 20 re S 10 w 1 J 0 j /GS1 gs",
    "image": b"BT /F1 10 Tf 72 700 Td (before) Tj ET q 100 0 0 100 72 500 cm /Im1 Do Q "
             b"BT /F1 10 Tf 72 480 Td (after) Tj ET",
    "empty": b"0 0 1 rg 10 10 100 100 re f",
    "numbers": b"BT /F1 +10. Tf -.5 .25 Td 007 0 Td (x) Tj 1.000 0 Td (y) Tj 12 0 Td (z) Tj ET",
    "font-switch": b"BT /F1 10 Tf 72 700 Td (Hel) Tj /F2 10 Tf (vetica) Tj /F1 30 Tf 3 0 Td (big) Tj ET",
    "multi-line-td": b"BT /F1 10 Tf 72 700 Td (a) Tj 0 -5 Td (b) Tj 0 -5 Td (c) Tj 0 10 Td (d) Tj ET",
}


@pytest.mark.parametrize("name", list(PLAIN_PAGES))
def test_plain_pages(name):
    pdf = make_pdf(PLAIN_PAGES[name], xobjects=IMAGE if name == "image" else b"")
    assert same_text_everywhere(pdf)


def test_random_pages_read_the_same():
    """Content streams drawn at random from the operators the quick reader accepts: the same text as pypdf's."""
    rng = random.Random(2026)
    words = [b"Nomor", b"045/LSP/III/2026", b"Kompeten", b"(tujuh)", b"\\\\", b"A B", b"", b"  ", b"x\\)y",
             b"\\222quoted\\223", b"TT-2026-000042"]

    def num(scale: float = 1.0) -> bytes:
        return b"%s" % str(round(rng.uniform(-1, 1) * scale, rng.choice([0, 1, 3]))).encode()

    read = 0
    for _ in range(300):
        ops = [b"BT", b"/F%d %d Tf" % (rng.randint(1, 4), rng.choice([6, 9, 10, 12, 24]))]
        for _ in range(rng.randint(1, 25)):
            choice = rng.random()
            word = b"(" + rng.choice(words) + b")"
            if choice < 0.3:
                ops.append(word + b" Tj")
            elif choice < 0.45:
                ops.append(b"%s %s Td" % (num(rng.choice([5, 20, 200])), num(rng.choice([3, 14, 100]))))
            elif choice < 0.55:
                items = b" ".join(rng.choice([word, num(rng.choice([100, 400, 1500]))]) for _ in range(4))
                ops.append(b"[" + items + b"] TJ")
            elif choice < 0.6:
                ops.append(b"%s TL T*" % num(20))
            elif choice < 0.65:
                ops.append(word + b" '")
            elif choice < 0.7:
                ops.append(b"%s %s %s \"" % (num(2), num(2), word))
            elif choice < 0.75:
                ops.append(b"/F%d %s Tf" % (rng.randint(1, 4), num(30)))
            elif choice < 0.8:
                ops.append(b"%s Tc" % num(3))
            elif choice < 0.85:
                ops.append(b"1 0 0 1 %s %s Tm" % (num(500), num(800)))
            elif choice < 0.9:
                ops.append(b"ET q %s 0 0 %s %s %s cm BT /F1 10 Tf" % (num(2), num(2), num(50), num(50)))
            elif choice < 0.95:
                ops.append(b"ET Q BT")
            else:
                ops.append(b"%s %s TD" % (num(50), num(30)))
        ops.append(b"ET")
        pdf = make_pdf(b"\n".join(ops))
        page = PdfReader(io.BytesIO(pdf), strict=False).pages[0]
        try:
            text = pdftext.quick_text(page)
        except pdftext.NotPlain:
            continue
        assert text == PdfReader(io.BytesIO(pdf), strict=False).pages[0].extract_text(), b"\n".join(ops)
        read += 1
    assert read >= 250  # nearly all are plain: the comparison is not vacuous


# --- what it declines ------------------------------------------------------------------------------------------

TYPE0 = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts "
         b"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) "
         b"/Ordering (Identity) /Supplement 0 >> /DW 500 >> ] >>")
TYPE3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
         b"/CharProcs << /A 5 0 R >> /Encoding << /Type /Encoding /Differences [65 /A] >> /FirstChar 65 "
         b"/LastChar 65 /Widths [1000] /Resources << >> >>")
HEBREW = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
          b"/Differences [65 /afii57664] >> >>")
FORM = (b"/Fm1 << /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 "
        + HELVETICA + b" >> >> /Length 36 >>\nstream\nBT /F1 10 Tf 0 0 Td (inside) Tj ET\nendstream")

DECLINED = {
    "type0-font": (b"BT /F9 10 Tf 72 700 Td <0041> Tj ET", {b"F9": TYPE0}, b""),
    "type3-font": (b"BT /F9 10 Tf 72 700 Td (A) Tj ET", {b"F9": TYPE3}, b""),
    "right-to-left": (b"BT /F9 10 Tf 72 700 Td (AB) Tj ET", {b"F9": HEBREW}, b""),
    "form-xobject": (b"BT /F1 10 Tf 72 700 Td (outside) Tj ET /Fm1 Do", None, FORM),
    "missing-xobject": (b"BT /F1 10 Tf 72 700 Td (outside) Tj ET /Im9 Do", None, b""),
    "inline-image": (b"BT /F1 10 Tf (a) Tj ET BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI BT /F1 10 Tf (b) Tj ET",
                     None, b""),
    "unknown-operator": (b"BT /F1 10 Tf 72 700 Td (a) Tj 1 Tq (b) Tj ET", None, b""),
    "boolean-operator": (b"BT /F1 10 Tf true (a) Tj ET", None, b""),
    "nested-parentheses": (b"BT /F1 10 Tf 72 700 Td (a (two (deep)) b) Tj ET", None, b""),
    "unusual-escape": (b"BT /F1 10 Tf 72 700 Td (a\\/b) Tj ET", None, b""),
    "line-continuation": (b"BT /F1 10 Tf 72 700 Td (a\\\nb) Tj ET", None, b""),
    "octal-overflow": (b"BT /F1 10 Tf 72 700 Td (a\\400b) Tj ET", None, b""),
    "name-escape": (b"BT /F#31 10 Tf 72 700 Td (a) Tj ET", None, b""),
    "text-before-font": (b"BT 72 700 Td (a) Tj ET", None, b""),
    "font-not-in-resources": (b"BT /F7 10 Tf 72 700 Td (a) Tj ET", None, b""),
    "odd-number": (b"BT /F1 10 Tf 72 700 Td 1.2.3 0 Td (a) Tj ET", None, b""),
    "braces": (b"BT /F1 10 Tf { (a) Tj } ET", None, b""),
    "wrong-operand-count": (b"BT /F1 10 Tf 72 Td (a) Tj ET", None, b""),
    "tj-of-a-number": (b"BT /F1 10 Tf 72 700 Td 5 Tj ET", None, b""),
    "unbalanced-array": (b"BT /F1 10 Tf [(a) Tj ET", None, b""),
    "nul-byte": (b"BT /F1 10 Tf\x00 72 700 Td (a) Tj ET", None, b""),
    "type3-glyph-operator": (b"BT /F1 10 Tf (a) Tj ET 0 0 d0", None, b""),
}


@pytest.mark.parametrize("name", list(DECLINED))
def test_what_the_quick_reader_declines_pypdf_reads(name):
    content, fonts, xobjects = DECLINED[name]
    pdf = make_pdf(content, {**FONTS, **(fonts or {})}, xobjects)
    page = PdfReader(io.BytesIO(pdf), strict=False).pages[0]
    with pytest.raises(pdftext.NotPlain):
        pdftext.quick_text(page)
    try:
        expected = PdfReader(io.BytesIO(pdf), strict=False).pages[0].extract_text()
    except Exception as error:  # noqa: BLE001 - pypdf's own failure is what the fallback must give too
        with pytest.raises(type(error)):
            pdftext.extract_text(page)
    else:
        assert pdftext.extract_text(page) == expected


def test_an_unused_composite_font_does_not_decline_the_page():
    pdf = make_pdf(b"BT /F1 10 Tf 72 700 Td (plain) Tj ET", {**FONTS, b"F9": TYPE0})
    assert same_text_everywhere(pdf)


def test_another_pypdf_version_is_read_by_pypdf(monkeypatch):
    pdf = make_pdf(PLAIN_PAGES["tj-and-td"])
    monkeypatch.setattr(pdftext, "_SUPPORTED", False)
    page = PdfReader(io.BytesIO(pdf), strict=False).pages[0]
    with pytest.raises(pdftext.NotPlain):
        pdftext.quick_text(page)
    assert pdftext.extract_text(page) == page.extract_text()


def test_custom_right_to_left_ranges_are_read_by_pypdf(monkeypatch):
    import pypdf._text_extraction as tx

    monkeypatch.setattr(tx, "CUSTOM_RTL_MIN", "A")
    monkeypatch.setattr(tx, "CUSTOM_RTL_MAX", "Z")
    page = PdfReader(io.BytesIO(make_pdf(PLAIN_PAGES["tj-and-td"])), strict=False).pages[0]
    with pytest.raises(pdftext.NotPlain):
        pdftext.quick_text(page)


# --- where intake and the receipts use it ----------------------------------------------------------------------

def test_intake_and_receipts_read_the_text_pypdf_reads(monkeypatch):
    rng = random.Random(7)
    docs = documents.request_documents("LSP Kayu", "Jepara", documents.participants(120, rng), date(2026, 5, 6))
    decision = docs.files["SK Penetapan Kompeten.pdf"]
    scan = _scan_pdf("TANDA TERIMA  Nomor: TT-2026-000042", "Diterima dan ditandatangani LSP")
    quick = (pdfcheck.read_pdf(decision)[1].first(99), receipts.read_codes("tt.pdf", scan))
    monkeypatch.setattr(pdftext, "quick_text", lambda page: (_ for _ in ()).throw(pdftext.NotPlain("off")))
    slow = (pdfcheck.read_pdf(decision)[1].first(99), receipts.read_codes("tt.pdf", scan))
    assert quick == slow
    assert "KEPUTUSAN KETUA LSP KAYU" in quick[0] and "TT-2026-000042" in quick[1].text_numbers
