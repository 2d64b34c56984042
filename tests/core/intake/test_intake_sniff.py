"""detect_type judges by content, whatever the name says; safe_filename never yields a path or an empty name."""

import re
import string
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from intake_builders import (
    PNG_1PX,
    cfb_bytes,
    docx_bytes,
    eml_bytes,
    msg_bytes,
    pdf_bytes,
    standard_list_bytes,
    xlsm_bytes,
    zeros_member_zip,
)

from blanko_desktop.core.intake.sniff import detect_type, media_type, safe_filename, type_label


@pytest.mark.parametrize(
    "make, filename, expected",
    [
        (lambda: b"", "surat.pdf", "empty"),
        (lambda: pdf_bytes("Surat"), "daftar.xlsx", "pdf"),
        (lambda: b"\n\n%PDF-1.4 junk before header", "x.bin", "pdf"),
        (lambda: standard_list_bytes(), "surat.pdf", "xlsx"),
        (xlsm_bytes, "daftar.xlsx", "xlsm"),
        (lambda: cfb_bytes({"Workbook": b"\x09\x08" * 3000}), "daftar.xlsx", "xls"),
        (lambda: cfb_bytes({"WordDocument": b"word" * 100}), "surat.pdf", "doc"),
        (lambda: cfb_bytes({"EncryptionInfo": b"x" * 10, "EncryptedPackage": b"y" * 5000}), "a.xlsx", "encrypted"),
        (lambda: msg_bytes("s", "n", "a@b.id", []), "pesan.pdf", "msg"),
        (lambda: cfb_bytes({"Other": b"x"}), "a.doc", "unknown"),
        (docx_bytes, "surat.pdf", "docx"),
        (lambda: eml_bytes(), "pesan.txt", "eml"),
        (lambda: b"Received: from mx\r\nFrom: a@b.id\r\nSubject: x\r\n\r\nbody", "x", "eml"),
        (lambda: zeros_member_zip("data.bin", 1024 * 1024), "a.xlsx", "zip"),
        (lambda: b"PK\x03\x04truncated", "a.xlsx", "zip"),
        (lambda: b"MZ\x90\x00" + bytes(200), "surat.pdf", "exe"),
        (lambda: PNG_1PX, "scan.pdf", "image"),
        (lambda: b"\xff\xd8\xff\xe0" + bytes(100), "scan.pdf", "image"),
        (lambda: b"NAMA;NIK;REKOMENDASI\nBudi;3201;K\nSiti;3202;BK\n", "daftar.xlsx", "csv"),
        (lambda: "NAMA\tNIK\nBudi\t3201\n".encode("utf-16"), "daftar.xls", "csv"),
        (lambda: b"<html><body><table><tr><td>NAMA</td></tr></table>", "daftar.xls", "html"),
        (lambda: b"Surat permohonan blanko sertifikat.", "surat.pdf", "text"),
        (lambda: bytes(range(256)) * 4, "x.pdf", "unknown"),
        (lambda: b"{\\rtf1\\ansi Surat}", "surat.doc", "rtf"),
    ],
)
def test_detect_type_by_content(make, filename: str, expected: str) -> None:
    assert detect_type(make(), filename) == expected


def test_media_type_and_label_follow_the_content() -> None:
    assert media_type(PNG_1PX, "image") == "image/png"
    assert media_type(b"", "unknown") == "application/octet-stream"
    assert media_type(b"%PDF-", "pdf") == "application/pdf"
    assert type_label("exe") == "program (.exe)"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\..\\Windows\\system32\\x.pdf", "x.pdf"),
        ("C:\\Users\\lsp\\Desktop\\Surat Permohonan.pdf", "Surat Permohonan.pdf"),
        ("/etc/passwd", "passwd"),
        ("..", "lampiran"),
        ("", "lampiran"),
        ("   ", "lampiran"),
        ("con.pdf", "_con.pdf"),
        ("LPT1", "_LPT1"),
        ("surat\x00\x07.pdf", "surat.pdf"),
        ("daftar\u202egpj.exe", "daftargpj.exe"),
        ('a<b>c:d"e|f?g*.pdf', "abcdefg.pdf"),
        ("laporan.pdf.  ", "laporan.pdf"),
        (".hidden", "hidden"),
        ("Berita   Acara\tNov.pdf", "Berita Acara Nov.pdf"),
        ("x" * 300 + ".xlsx", "x" * 145 + ".xlsx"),
        ("Daftar Peserta K-BK.xlsx", "Daftar Peserta K-BK.xlsx"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


@given(st.text())
def test_safe_filename_is_a_plain_nonempty_name(name: str) -> None:
    safe = safe_filename(name)
    assert safe
    assert "/" not in safe and "\\" not in safe
    assert safe not in (".", "..")
    assert not safe.startswith((".", " ")) and not safe.endswith((".", " "))
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in safe)
    assert not set(safe) & set('<>:"|?*')
    assert len(safe) <= 151
    assert safe_filename(safe) == safe


@given(st.text(alphabet=string.ascii_letters + string.digits + " -_", min_size=1, max_size=40))
def test_safe_filename_keeps_ordinary_names(stem: str) -> None:
    assume(stem.strip() and not re.fullmatch(r"CON|PRN|AUX|NUL|COM\d|LPT\d", stem.strip(), re.I))
    name = f"{stem.strip()}.pdf"
    assert safe_filename(name) == " ".join(name.split())
