"""Classification: content first (PDF text, list headers), file name second."""

import pytest
from intake_builders import LETTER_TEXT, MINUTES_TEXT

from blanko_desktop.core.intake.classify import classify

DECISION = "KEPUTUSAN KETUA LSP X\nTENTANG PENETAPAN HASIL\nMEMUTUSKAN:\nMenetapkan asesi berikut"
LETTER_MENTIONING_OTHERS = LETTER_TEXT + "\nTerlampir berita acara asesmen dan keputusan sertifikasi."


@pytest.mark.parametrize(
    "filename, detected, text, headers, kind",
    [
        ("scan0001.pdf", "pdf", LETTER_TEXT, None, "letter"),
        ("scan0002.pdf", "pdf", MINUTES_TEXT, None, "minutes"),
        ("scan0003.pdf", "pdf", DECISION, None, "decision"),
        ("scan0004.pdf", "pdf", LETTER_MENTIONING_OTHERS, None, "letter"),
        ("SK Penetapan.pdf", "pdf", LETTER_TEXT, None, "letter"),  # content beats the name
        ("SK Penetapan Kompeten.pdf", "pdf", "", None, "decision"),  # a scan: the name decides
        ("BA_Asesmen_Nov.pdf", "pdf", None, None, "minutes"),
        ("Berita Acara.pdf", "pdf", None, None, "minutes"),
        ("Surat Permohonan Blanko.pdf", "pdf", None, None, "letter"),
        ("Surat Keputusan.pdf", "pdf", None, None, "decision"),
        ("scan0005.pdf", "pdf", "", None, "other"),
        ("foto.jpg", "image", None, None, "other"),
        ("data.xlsx", "xlsx", None, ["NO", "NAMA ASESI", "NIK", "REKOMENDASI"], "list"),
        ("data.xlsx", "xlsx", None, ["Kolom A"], "list"),
        ("Daftar Peserta.pdf", "pdf", "", None, "list"),
        ("Surat Permohonan.docx", "docx", None, None, "letter"),
    ],
)
def test_classify(filename: str, detected: str, text: str | None, headers: list[str] | None, kind: str) -> None:
    assert classify(filename, detected, text, headers) == kind
