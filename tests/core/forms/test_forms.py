"""Each form read back as a document: its text, its QR code, its page count."""

from __future__ import annotations

import pytest

from blanko_desktop.core import forms
from blanko_desktop.core.forms.samples import sample
from tests.core.forms.pdftools import page_images, pdf_text, qr_texts


@pytest.mark.parametrize("form, expected", [
    ("approval", ["LEMBAR PERSETUJUAN", "LSP Kelistrikan Tenaga Raya", "Jl. Ahmad Yani No. 45", "Surabaya 60234",
                  "045/LSP-TKN/XI/2026", "12 November 2026", "16 November 2026",
                  "SKM.001 Teknisi Instalasi Listrik 25 1", "SKM.002 Operator Gardu Induk 12 1", "Jumlah 37 2",
                  "35 (tiga puluh lima) lembar", "2 peserta sudah menerima blanko", "Jakarta, 25 November 2026",
                  "Kepala Subbagian Sertifikasi", "Dra. Sri Wahyuni, M.Si.", "NIP 197001011995032001"]),
    ("receipt", ["TANDA TERIMA", "Nomor: TT-2026-000012", "Salinan untuk LSP", "LSP Kelistrikan Tenaga Raya",
                 "37 (tiga puluh tujuh) lembar", "B0001200 – B0001224 25", "B0001300 – B0001311 12",
                 "Jakarta, 25 November 2026", "Dra. Sri Wahyuni, M.Si.", "NIP 197001011995032001", "Diterima oleh"]),
    ("label", ["KEPADA YTH.", "LSP Kelistrikan Tenaga Raya", "u.p. Ani Rahmawati", "Jl. Ahmad Yani No. 45",
               "Surabaya 60234", "Telp. 031-5551234", "(37 lembar)", "TT-2026-000012"]),
    ("manifest", ["DAFTAR SERAH TERIMA PAKET", "Penjemputan 27 November 2026 — JNE", "JNE0012345678",
                  "TT-2026-000013", "LSP Teknologi Digital Nusantara", "Jumlah paket: 2 (dua)", "Kurir JNE",
                  "Budi Santoso"]),
    ("completion", ["Kelengkapan dokumen permohonan", "Jakarta, 25 November 2026",
                    "Yth. Pimpinan LSP Kelistrikan Tenaga Raya", "nomor 045/LSP-TKN/XI/2026",
                    "16 November 2026", "1. Keputusan sertifikasi: belum kami terima.",
                    "baris 7: NIK 3201 bukan 16 digit.", "1 (satu) hari kerja", "Budi Santoso"]),
])
def test_form_text_reads_back(form, expected):
    text = " ".join(pdf_text(forms.render(form, sample(form))))
    missing = [e for e in expected if e not in text]
    assert missing == [], text


def test_receipt_has_two_marked_copies_each_with_the_number_in_its_qr(tmp_path):
    pdf = forms.render_receipt(sample("receipt"))
    pages = pdf_text(pdf)
    assert len(pages) == 2
    assert ["Salinan untuk LSP" in pages[0], "Salinan arsip" in pages[1]] == [True, True]
    assert all("TT-2026-000012" in page for page in pages)
    images = page_images(pdf, 150, tmp_path)
    assert [qr_texts(image) for image in images] == [["TT-2026-000012"], ["TT-2026-000012"]]


@pytest.mark.parametrize("dpi", [72, 300])
def test_receipt_qr_is_one_sharp_image_mask_that_decodes(dpi, tmp_path):
    import io

    from pypdf import PdfReader

    pdf = forms.render_receipt(sample("receipt"))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    images = [ref.get_object() for ref in page["/Resources"]["/XObject"].values()]
    masks = [image for image in images if image.get("/ImageMask")]
    # one 1-bit stencil (the logo is the other image), at least 300 pixels per inch over its 30 mm
    assert len(masks) == 1 and masks[0]["/BitsPerComponent"] == 1
    assert masks[0]["/Width"] == masks[0]["/Height"] >= 300 * 30 / 25.4
    assert qr_texts(page_images(pdf, dpi, tmp_path)[0]) == ["TT-2026-000012"]


def test_receipt_without_ranges_leaves_lines_to_fill_by_hand():
    data = sample("receipt")
    data.ranges = []
    text = pdf_text(forms.render_receipt(data))[0]
    assert "s.d." in text and "B000" not in text
    assert "37 (tiga puluh tujuh) lembar" in text


def test_text_from_data_is_escaped_not_taken_as_markup():
    data = sample("label")
    data.lsp_name = "LSP <b>A & B</b>"
    assert "LSP <b>A & B</b>" in pdf_text(forms.render_label(data))[0]


def test_fonts_are_embedded():
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(forms.render_approval_sheet(sample("approval"))))
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert {f["/BaseFont"].split("+")[-1] for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)


def test_same_data_same_pdf():
    # no timestamps in the file: a reprint of the same data is the same document (same hash in the log)
    assert forms.render_receipt(sample("receipt")) == forms.render_receipt(sample("receipt"))


def test_every_shipped_template_loads():
    assert forms.check_templates() == []
