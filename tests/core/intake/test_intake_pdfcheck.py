"""check_pdf: a PDF by content, whole, not locked; pages counted; text layer or scan."""

import pytest
from intake_builders import LETTER_TEXT, cfb_bytes, docx_bytes, encrypted_pdf_bytes, pdf_bytes, scan_pdf_bytes

from blanko_desktop.core.intake.pdfcheck import check_pdf


def test_text_pdf_is_valid_with_its_pages_and_text() -> None:
    info = check_pdf(pdf_bytes(LETTER_TEXT, "halaman dua", "halaman tiga", "halaman empat"))
    assert info.valid and info.reason is None
    assert info.pages == 4
    assert info.has_text
    assert "sebanyak 3" in info.text
    assert "halaman tiga" in info.text and "halaman empat" not in info.text  # only the first 3 pages are read


def test_max_pages_text_limits_extraction() -> None:
    info = check_pdf(pdf_bytes("satu " * 20, "dua " * 20), max_pages_text=1)
    assert "satu" in info.text and "dua" not in info.text


def test_scan_has_no_text_but_is_valid() -> None:
    info = check_pdf(scan_pdf_bytes(pages=2))
    assert info.valid and info.pages == 2 and not info.has_text


def test_owner_password_only_still_opens() -> None:
    info = check_pdf(encrypted_pdf_bytes(user_password=""))
    assert info.valid and info.encrypted and info.has_text


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda: b"", "bukan berkas PDF (isi berkas: kosong (0 byte))"),
        (lambda: b"MZ\x90\x00" + bytes(500), "bukan berkas PDF (isi berkas: program (.exe))"),
        (docx_bytes, "bukan berkas PDF (isi berkas: dokumen Word (.docx))"),
        (lambda: cfb_bytes({"WordDocument": b"w" * 5000}), "bukan berkas PDF (isi berkas: dokumen Word (.doc))"),
        (lambda: b"NAMA;NIK\nBudi;1\n", "bukan berkas PDF (isi berkas: teks CSV)"),
        (lambda: pdf_bytes(LETTER_TEXT)[:900], "berkas PDF tidak utuh (terpotong)"),
        (lambda: b"%PDF-1.4\n garbage garbage \n%%EOF\n", "berkas PDF rusak, tidak dapat dibuka"),
        (lambda: encrypted_pdf_bytes(user_password="rahasia"), "dilindungi kata sandi"),
    ],
)
def test_invalid_pdfs(make, reason: str) -> None:
    info = check_pdf(make())
    assert not info.valid
    assert info.reason == reason
    assert info.text == ""


def test_encrypted_pdf_is_flagged_encrypted() -> None:
    assert check_pdf(encrypted_pdf_bytes(user_password="rahasia")).encrypted


def test_a_long_decision_has_each_page_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Classifying reads the first pages, counting the names reads them all: the first are not read again."""
    from blanko_desktop.core.intake import analyse_file, pdfcheck

    pages = ["KEPUTUSAN KETUA LSP\nPENETAPAN PESERTA KOMPETEN\nMEMUTUSKAN\nMenetapkan:"]
    pages += [f"{n}. Peserta {n} NIK 3201011503890{n:03d} Kompeten" for n in range(1, 7)]
    read: list[int] = []
    extract = pdfcheck.extract_text  # the quick reader, pypdf where it declines

    def counted(page):
        read.append(page.page_number)
        return extract(page)

    monkeypatch.setattr(pdfcheck, "extract_text", counted)
    analysis = analyse_file(pdf_bytes(*pages), "SK Penetapan.pdf")
    assert analysis.kind == "decision" and analysis.pdf.pages == 7
    assert sorted(read) == list(range(7))  # every page once: the first three not twice
    assert analysis.counts["niks"][-1] == "3201011503890006"
