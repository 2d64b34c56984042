"""What a drag carries, read without a window: file URLs, Outlook's virtual files, browser links, nothing."""

from __future__ import annotations

import struct

from PySide6.QtCore import QByteArray, QMimeData, QUrl

from blanko_desktop.ui import dropdata
from blanko_desktop.ui.dropdata import VirtualFile, parse_file_group_descriptor, read_mime
from tests.ui.drops import browser_mime, file_mime, outlook_mime


def descriptor_record(name: str, size: int | None = None, folder: bool = False) -> bytes:
    """One FILEDESCRIPTORW, written field by field as Windows lays it out (592 bytes)."""
    flags = (0x40 if size is not None else 0) | (0x04 if folder else 0)
    record = struct.pack("<I16s8s8sI24sII", flags, b"", b"", b"", 0x10 if folder else 0x20, b"",
                         (size or 0) >> 32, (size or 0) & 0xFFFFFFFF)
    assert len(record) == 72
    return record + name.encode("utf-16-le").ljust(520, b"\0")


def test_parses_the_names_outlook_writes():
    blob = struct.pack("<I", 3) + b"".join([
        descriptor_record("Surat Permohonan – November.pdf", 2488),
        descriptor_record("Daftar Peserta K‑BK (final).xlsx", 6124),
        descriptor_record("lampiran", folder=True),
    ])
    assert parse_file_group_descriptor(blob) == [
        VirtualFile("Surat Permohonan – November.pdf", 2488),
        VirtualFile("Daftar Peserta K‑BK (final).xlsx", 6124),
        VirtualFile("lampiran", None, is_folder=True),
    ]


def test_a_short_or_lying_blob_gives_the_whole_records_only():
    blob = struct.pack("<I", 5) + descriptor_record("a.pdf") + descriptor_record("b.pdf")[:300]
    assert [e.name for e in parse_file_group_descriptor(blob)] == ["a.pdf"]
    assert parse_file_group_descriptor(b"") == []
    assert parse_file_group_descriptor(b"\x01\x00") == []


def test_ansi_descriptor_of_older_programs():
    record = bytearray(332)
    record[72:72 + 9] = b"surat.pdf"
    assert parse_file_group_descriptor(struct.pack("<I", 1) + bytes(record), wide=False)[0].name == "surat.pdf"


def test_builder_and_parser_agree():
    names = ["BA Asesmen.pdf", "x" * 400]
    parsed = parse_file_group_descriptor(dropdata.file_group_descriptor(names, [10, 20]))
    assert [p.name for p in parsed] == ["BA Asesmen.pdf", "x" * 259]
    assert [p.size for p in parsed] == [10, 20]


def test_file_urls_become_paths(tmp_path, qapp):
    paths = [tmp_path / "a.pdf", tmp_path / "folder"]
    contents = read_mime(file_mime(paths))
    assert contents.paths == paths and not contents.items and not contents.problem


def test_outlook_attachments_are_read_one_stream_per_index(qapp):
    files = [("Surat.pdf", b"%PDF-1.4 surat"), ("Daftar.xlsx", b"PK\x03\x04 daftar")]
    contents = read_mime(outlook_mime(files))
    assert contents.items == files and not contents.problem


def test_a_source_that_answers_only_without_index_gives_its_first_file(qapp):
    contents = read_mime(outlook_mime([("Surat.pdf", b"%PDF-1.4 surat")], with_index=False))
    assert contents.items == [("Surat.pdf", b"%PDF-1.4 surat")]


def test_new_outlook_virtual_files_without_content_are_named_as_unreadable(qapp):
    mime = QMimeData()
    mime.setData(dropdata.DESCRIPTOR_W, QByteArray(dropdata.file_group_descriptor(["Surat.pdf"], [2000])))
    contents = read_mime(mime)
    assert contents.empty and contents.unreadable == ["Surat.pdf"]


def test_browser_links_and_plain_text_are_not_files(qapp):
    assert read_mime(browser_mime()).problem == dropdata.WEB_LINKS
    text = QMimeData()
    text.setText("Permohonan blanko")
    assert read_mime(text).problem == dropdata.NOTHING
    assert read_mime(None).problem == dropdata.NOTHING


def test_document_rows_dragged_inside_the_window_are_no_intake(qapp):
    from blanko_desktop.ui.widgets.checklist_widgets import document_mime

    assert not dropdata.offers_something(document_mime(12))
    assert dropdata.offers_something(browser_mime())  # taken, so the window can say what to do instead
    assert not dropdata.offers_something(QMimeData())
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/x.pdf")])
    assert dropdata.offers_something(mime)
