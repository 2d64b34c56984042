"""A template with a mistake is refused when loaded, naming the file and the line; the app never prints it."""

from __future__ import annotations

import shutil

import pytest

from blanko_desktop import paths
from blanko_desktop.core import forms
from blanko_desktop.core.forms import FormTemplateError
from blanko_desktop.core.forms.samples import sample

GOOD_BODY = '<form>\n  <letterhead/>\n  <p>Nomor {{ number }}</p>\n  <qr value="{{ number }}"/>\n</form>\n'


@pytest.fixture
def forms_copy(tmp_path, monkeypatch):
    """The shipped templates copied to a folder the test may spoil."""
    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    monkeypatch.setattr(paths, "forms_dir", lambda: folder)
    return folder


@pytest.mark.parametrize("body, message", [
    ('<form>\n  <p>Nomor {{ number }}\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 3: susunan XML salah (mismatched tag); periksa tanda < > dan "
     "pasangan tag pembuka/penutup. Perbaiki berkas templat di folder forms."),
    ('<form>\n  <p>x</p>\n  <paragraf>Nomor</paragraf>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 3: elemen <paragraf> tidak dikenal di sini"),
    ('<form>\n  <p stlye="title">x</p>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 2: atribut 'stlye' tidak dikenal pada <p> (yang dikenal: "
     "align, indent, style)"),
    ('<form>\n\n  <p style="judul">x</p>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 3: gaya 'judul' tidak dikenal"),
    ('<form>\n  <space h="5 kilometer"/>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 2: ukuran '5 kilometer' tidak dikenal"),
    ('<form>\n  <p>{{ number </p>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 2: isian Jinja salah"),
    ('<form>\n  <p>x</p>\n  <p>{{ nomor_tanda_terima }}</p>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 3: isian 'nomor_tanda_terima' tidak dikenal untuk formulir ini"),
    ('<form>\n  <image src="stempel.png"/>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 2: berkas gambar 'stempel.png' tidak ada di folder forms"),
    ('<form>\n  <table>\n    <p>x</p>\n  </table>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 3: <p> tidak boleh berada di dalam <table>"),
    ('<formulir>\n</formulir>\n',
     "Templat formulir tanda-terima.xml, baris 1: elemen teratas harus <form>, bukan <formulir>"),
    ('<form>\n  <p>{{ signatory.nama }}</p>\n</form>\n',
     "Templat formulir tanda-terima.xml, baris 2: isian tidak ada"),
])
def test_template_mistake_named_by_file_and_line(forms_copy, body, message):
    (forms_copy / "tanda-terima.xml").write_text(body, encoding="utf-8")
    with pytest.raises(FormTemplateError) as info:
        forms.render_receipt(sample("receipt"))
    assert str(info.value).startswith(message)


def test_letterhead_mistake_named_too(forms_copy):
    text = (forms_copy / "kop-surat.xml").read_text(encoding="utf-8")
    (forms_copy / "kop-surat.xml").write_text(text.replace("<hr ", "<garis "), encoding="utf-8")
    line = text[:text.index("<hr ")].count("\n") + 1
    problems = forms.check_templates()
    assert len(problems) == 1 and problems[0].startswith(f"Templat formulir kop-surat.xml, baris {line}: elemen "
                                                         "<garis> tidak dikenal")


def test_missing_template_file(forms_copy):
    (forms_copy / "label-alamat.xml").unlink()
    with pytest.raises(FormTemplateError, match="Templat formulir label-alamat.xml: berkas templat tidak ada"):
        forms.render_label(sample("label"))


def test_edited_wording_is_printed_without_touching_code(forms_copy):
    path = forms_copy / "tanda-terima.xml"
    path.write_text(GOOD_BODY.replace("Nomor", "Nomor tanda terima"), encoding="utf-8")
    from tests.core.forms.pdftools import pdf_text

    assert "Nomor tanda terima TT-2026-000012" in pdf_text(forms.render_receipt(sample("receipt")))[0]
