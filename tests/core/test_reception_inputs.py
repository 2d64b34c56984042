"""Inputs that are endless, too big or implausible: refused or corrected with a clear word, never a hang."""

from __future__ import annotations

import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from blanko_desktop.core import reception as reception_module
from blanko_desktop.core.intake.email_parse import parse_email
from blanko_desktop.core.reception import Reception
from tests.core.intake.intake_builders import LETTER_TEXT, eml_bytes, pdf_bytes


@pytest.fixture
def lsp(services):
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")


def _prepare_with_deadline(services, paths, seconds=20.0):
    """prepare_paths in a thread: a FIFO that blocks must fail the test, not hang the suite."""
    result: dict = {}

    def run():
        result["plan"] = Reception(services).prepare_paths(paths)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the input did not end"
    return result["plan"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_fifo_is_refused_not_waited_on(services, tmp_path):
    fifo = tmp_path / "pipa.eml"
    os.mkfifo(fifo)
    plan = _prepare_with_deadline(services, [fifo])
    assert plan.files == []
    assert plan.problems == ["pipa.eml: bukan berkas biasa (perangkat, pipa atau soket), tidak dibaca"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_refused(services):
    plan = _prepare_with_deadline(services, [Path("/dev/zero")])
    assert plan.problems == ["zero: bukan berkas biasa (perangkat, pipa atau soket), tidak dibaca"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_folder_with_a_fifo_gives_its_regular_files(services, tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    (folder / "surat.pdf").write_bytes(pdf_bytes(LETTER_TEXT))
    os.mkfifo(folder / "pipa")
    plan = _prepare_with_deadline(services, [folder])
    assert [f.name for f in plan.files] == ["surat.pdf"]
    assert plan.problems == ["pipa: bukan berkas biasa (perangkat, pipa atau soket), tidak dibaca"]


def test_file_read_in_pieces_up_to_the_limit(services, tmp_path, monkeypatch):
    monkeypatch.setattr(reception_module, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    monkeypatch.setattr(reception_module, "READ_PIECE", 1024 * 1024)
    exact, over = tmp_path / "pas.pdf", tmp_path / "lebih.pdf"
    exact.write_bytes(b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024 - 9))
    over.write_bytes(b"0" * (3 * 1024 * 1024 + 1))
    plan = Reception(services).prepare_paths([exact, over])
    assert [f.name for f in plan.files] == ["pas.pdf"]
    assert plan.problems == ["lebih.pdf: berkas terlalu besar (3 MB; batas 3 MB), tidak disimpan"]


def test_file_growing_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    # stat says small, the reads go on: what counts is what was read, not what stat said
    monkeypatch.setattr(reception_module, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(reception_module, "READ_PIECE", 4)
    path = tmp_path / "tumbuh.pdf"
    path.write_bytes(b"x" * 8)
    real_fstat = os.fstat

    class Small:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 1

    monkeypatch.setattr(reception_module.os, "fstat", lambda fd: Small(real_fstat(fd)))
    with path.open("ab") as grow:
        grow.write(b"y" * 8)
    problems: list[str] = []
    assert reception_module._read_bounded(path, problems) is None
    assert problems == ["tumbuh.pdf: berkas terlalu besar (0 MB; batas 0 MB), tidak disimpan"]


@pytest.mark.parametrize("sent, shown", [
    (datetime(1900, 1, 1, 8, 0, tzinfo=timezone.utc), "01-01-1900 08:00"),
    (None, None),  # 31 days before now, filled in below
])
def test_old_email_date_falls_back_to_the_drop_time(services, lsp, tmp_path, sent, shown):
    if sent is None:
        sent = (datetime.now(timezone.utc) - timedelta(days=31)).replace(microsecond=0)
        shown = f"{sent:%d-%m-%Y %H:%M}"
    (tmp_path / "m.eml").write_bytes(eml_bytes([("a.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")], date=sent))
    plan = Reception(services).prepare_paths([tmp_path / "m.eml"])
    assert plan.received_at is None
    assert f"tanggal e-mail {shown} lebih dari 30 hari sebelum diterima; dipakai waktu penerimaan sekarang" \
        in plan.problems
    before = datetime.now(timezone.utc)
    req = Reception(services).commit(plan).request
    assert req.received_at >= before - timedelta(seconds=1)


def test_recent_email_date_is_kept(services, lsp, tmp_path):
    sent = (datetime.now(timezone.utc) - timedelta(days=29)).replace(microsecond=0)
    (tmp_path / "m.eml").write_bytes(eml_bytes([("a.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")], date=sent))
    plan = Reception(services).prepare_paths([tmp_path / "m.eml"])
    assert plan.received_at == sent and not any("hari sebelum" in p for p in plan.problems)


HEADERS = b"From: a@ktr-sertifikasi.id\r\nDate: Mon, 16 Nov 2026 09:12:00 +0700\r\nSubject: "


@pytest.mark.parametrize("raw, subject", [
    (b"Permohonan \xe9t\xe9 \x93Blanko\x94", "Permohonan été “Blanko”"),   # Outlook, windows-1252
    (b"Permohonan \xc3\xa9t\xc3\xa9", "Permohonan été"),                   # UTF-8 without a label
    (b"Permohonan \x81\x8d", "Permohonan \x81\x8d"),                        # undefined in 1252: iso-8859-1
    (b"=?utf-8?q?Permohonan_=C3=A9t=C3=A9?=", "Permohonan été"),           # properly encoded stays as it was
])
def test_unlabelled_8bit_subject_is_decoded(raw, subject):
    mail = parse_email(HEADERS + raw + b"\r\n\r\nisi\r\n", "m.eml")
    assert mail.subject == subject and "\ufffd" not in mail.subject


def test_body_in_a_wrong_charset_is_not_replaced():
    raw = (b"From: a@ktr-sertifikasi.id\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           b"Terlampir \x93dokumen\x94\r\n")
    assert parse_email(raw, "m.eml").body.strip() == "Terlampir “dokumen”"


def test_file_stored_meanwhile_is_refused_in_the_transaction(services, lsp, tmp_path):
    """Two prepares before either commit (what two processes at once do): the second commit is refused whole."""
    from blanko_desktop.core.errors import RuleError
    from blanko_desktop.core.models import AuditEvent, Document, Request

    (tmp_path / "m.eml").write_bytes(eml_bytes([("a.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")]))
    first, second = (Reception(services).prepare_paths([tmp_path / "m.eml"]) for _ in range(2))
    req = Reception(services).commit(first).request
    events = AuditEvent.select().count()
    with pytest.raises(RuleError, match=rf"^m\.eml: sudah diterima pada 16-11-2026 09:12 UTC untuk permohonan "
                                        rf"#{req.id}; tidak disimpan lagi\.$"):
        Reception(services).commit(second)
    assert (Request.select().count(), Document.select().count(), AuditEvent.select().count()) == (1, 2, events)


def test_unique_key_refuses_what_the_check_did_not_see(services, lsp, tmp_path, monkeypatch):
    """The database itself refuses a second copy: with the in-transaction check silenced, the key still holds."""
    from blanko_desktop.core.errors import RuleError
    from blanko_desktop.core.models import Document, Request

    (tmp_path / "m.eml").write_bytes(eml_bytes([("a.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")]))
    first, second = (Reception(services).prepare_paths([tmp_path / "m.eml"]) for _ in range(2))
    Reception(services).commit(first)
    calls = []
    real = Reception._refuse_received_meanwhile

    def late(files):
        calls.append(len(files))
        if len(calls) > 1:  # only the call made after the IntegrityError
            real(files)

    monkeypatch.setattr(Reception, "_refuse_received_meanwhile", staticmethod(late))
    with pytest.raises(RuleError, match="sudah diterima"):
        Reception(services).commit(second)
    assert calls == [2, 1]
    assert (Request.select().count(), Document.select().count()) == (1, 2)


def test_letter_number_used_again_by_the_lsp_is_a_finding(services, lsp, tmp_path):
    """The same request re-sent with new bytes (a re-saved letter): request #2 says the number was used in #1;
    a cancelled request does not count, and the finding can be accepted with a note."""
    from blanko_desktop.core.verification import checklist

    def send(extra: str):
        folder = tmp_path / extra
        folder.mkdir()
        (folder / "surat.pdf").write_bytes(pdf_bytes(LETTER_TEXT + "\n" + extra))
        return Reception(services).commit(Reception(services).prepare_paths([folder]), lsp_id=lsp.id).request

    first, second = send("satu"), send("dua")
    assert first.letter_number == second.letter_number == "045/LSP-TKN/XI/2026"
    message = "nomor surat 045/LSP-TKN/XI/2026 sudah dipakai LSP ini pada permohonan #%d" % first.id
    found = [f for f in checklist.build(services, second.id).findings if "sudah dipakai" in f.message]
    assert [(f.document, f.message, f.severity) for f in found] == [
        ("Surat permohonan blanko sertifikat", message, "warning")]
    assert [f.message for f in checklist.build(services, first.id).findings if "sudah dipakai" in f.message] == [
        "nomor surat 045/LSP-TKN/XI/2026 sudah dipakai LSP ini pada permohonan #%d" % second.id]
    services.transition(first.id, "cancelled", reason="dikirim ulang")
    assert not [f for f in checklist.build(services, second.id).findings if "sudah dipakai" in f.message]
