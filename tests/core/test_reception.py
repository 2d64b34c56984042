"""Intake into the database, the checklist and the completion request, as the officer's day goes."""

from __future__ import annotations

import email
from datetime import datetime, timezone
from email import policy
from pathlib import Path

import pytest

from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import AuditEvent, Document
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.verification import checklist, completion
from tests.core.intake.intake_builders import (
    LETTER_TEXT,
    MINUTES_TEXT,
    eml_bytes,
    pdf_bytes,
    scan_pdf_bytes,
    standard_list_bytes,
)

DECISION = """KEPUTUSAN KETUA LSP KELISTRIKAN TENAGA RAYA
Nomor: KEP.112/KTR/XI/2026
TENTANG PENETAPAN HASIL SERTIFIKASI KOMPETENSI
Menetapkan 3 (tiga) asesi dinyatakan KOMPETEN."""
SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "example-request"  # a copy of shared/samples


@pytest.fixture
def lsp(services):
    # an address to write to: a completion e-mail without a recipient is refused
    return services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id", "sertifikasi@ktr-sertifikasi.id"],
                            address="Jl. Ahmad Yani No. 45", city="Surabaya", postal_code="60234")


def four_files(tmp_path, letter=None, letter_name="scan0001.pdf") -> list[Path]:
    files = {
        letter_name: letter if letter is not None else pdf_bytes(LETTER_TEXT),
        "BA Asesmen.pdf": pdf_bytes(MINUTES_TEXT),
        "SK Penetapan.pdf": pdf_bytes(DECISION),
        "Daftar Peserta.xlsx": standard_list_bytes(),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    return paths


def test_email_gives_a_complete_request_with_lsp_and_time(services, lsp, tmp_path):
    attachments = [(p.name, p.read_bytes(), "application/pdf" if p.suffix == ".pdf" else
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                   for p in four_files(tmp_path)]
    (tmp_path / "m.eml").write_bytes(eml_bytes(attachments))
    reception = Reception(services)
    plan = reception.prepare_paths([tmp_path / "m.eml"])
    assert plan.lsp.id == lsp.id and plan.sender == "lsp.ktr@ktr-sertifikasi.id"
    outcome = reception.commit(plan)
    req = outcome.request
    assert req.received_at == datetime(2026, 11, 16, 9, 12, tzinfo=timezone.utc)
    assert req.lsp_id == lsp.id and req.letter_number == "045/LSP-TKN/XI/2026"
    assert len(outcome.added) == 5  # the e-mail itself and its four attachments
    cl = checklist.build(services, req.id)
    assert cl.complete, cl.as_json()
    assert (cl.requested, cl.competent, cl.not_yet) == (3, 3, 1)
    assert {k: i.status for k, i in cl.items.items()} == dict.fromkeys(checklist.REQUIRED, "ok")
    assert checklist.mark_verified(services, req.id).state == "verified"


def test_file_received_twice_is_stored_once(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    reception = Reception(services)
    first = reception.commit(reception.prepare_paths(paths), lsp_id=lsp.id)
    again = reception.prepare_paths(paths)
    assert all(f.duplicate_of[1] == first.request.id for f in again.files)
    outcome = reception.commit(again, lsp_id=lsp.id)
    assert outcome.request is None and len(outcome.duplicates) == 4
    assert Document.select().count() == 4


def test_incomplete_request_completion_mail_and_new_documents(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    reception = Reception(services)
    out = reception.commit(reception.prepare_paths(paths[:2]), lsp_id=lsp.id)  # letter + minutes only
    cl = checklist.build(services, out.request.id)
    assert not cl.complete
    assert cl.items["decision"].status == "missing" and cl.items["list"].status == "missing"
    with pytest.raises(RuleError, match="belum lengkap"):
        checklist.mark_verified(services, out.request.id)
    path, req = completion.write_completion_request(services, out.request.id, tmp_path / "draft.eml")
    assert req.state == "waiting_lsp" and not req.clock_running
    mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = mail.get_content()
    assert mail["X-Unsent"] == "1"
    assert "Keputusan sertifikasi: belum kami terima." in body
    assert "Daftar nama peserta kompeten dan belum kompeten: belum kami terima." in body
    assert "045/LSP-TKN/XI/2026" in mail["Subject"]
    # the LSP sends the rest: offered to the waiting request, which goes back to the queue
    plan = reception.prepare_paths(paths[2:])
    plan.lsp = lsp
    later = datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc)
    outcome = reception.commit(plan, request_id=req.id, received_at=later)
    assert outcome.request.state == "received" and outcome.request.clock_running
    assert outcome.request.due_at == datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc)
    assert checklist.build(services, req.id).complete


def test_waiting_request_is_offered(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    reception = Reception(services)
    attachments = [(p.name, p.read_bytes(), "application/pdf") for p in paths[:1]]
    (tmp_path / "a.eml").write_bytes(eml_bytes(attachments))
    out = reception.commit(reception.prepare_paths([tmp_path / "a.eml"]))
    services.transition(out.request.id, "waiting_lsp")
    attachments = [(p.name, p.read_bytes(), "application/pdf") for p in paths[1:3]]
    (tmp_path / "b.eml").write_bytes(eml_bytes(attachments, subject="Re: kelengkapan"))
    plan = reception.prepare_paths([tmp_path / "b.eml"])
    assert plan.waiting_request.id == out.request.id


def test_scanned_letter_needs_the_typed_number(services, lsp, tmp_path):
    paths = four_files(tmp_path, letter=scan_pdf_bytes(), letter_name="Surat Permohonan Blanko.pdf")
    reception = Reception(services)
    plan = reception.prepare_paths(paths)
    assert plan.files[0].kind == "letter"  # a scan has no text: its name is all there is
    req = reception.commit(plan, lsp_id=lsp.id).request
    cl = checklist.build(services, req.id)
    # typing the number is the officer's task, not a fault of the LSP's letter
    assert cl.items["letter"].status == "ok" and [t.code for t in cl.officer_tasks] == ["requested"]
    services.update_request(req.id, None, requested_qty=5)
    cl = checklist.build(services, req.id)
    assert not cl.complete
    assert any("jumlah blanko diminta (5) tidak sama dengan jumlah peserta kompeten (3)" in f.message
               for f in cl.findings)
    # the officer may also accept the difference (a finding on the letter, not on a stored file)
    mismatch = next(f for f in checklist.build(services, req.id).findings if "(5)" in f.message)
    checklist.accept_finding(services, req.id, mismatch, "LSP mengonfirmasi lewat telepon")
    assert checklist.build(services, req.id).complete
    services.update_request(req.id, None, requested_qty=3)
    assert checklist.build(services, req.id).complete
    gone = checklist.CheckedFinding("x.pdf", None, None, "tidak ada", "error", "")
    with pytest.raises(RuleError, match="sudah tidak ada"):
        checklist.accept_finding(services, req.id, gone, "catatan")


def test_officer_changes_kind_and_accepts_finding(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    (tmp_path / "lampiran.pdf").write_bytes(pdf_bytes("Dokumen pendukung tanpa judul yang dikenal"))
    reception = Reception(services)
    plan = reception.prepare_paths(paths[:3] + [tmp_path / "lampiran.pdf"])
    req = reception.commit(plan, lsp_id=lsp.id).request
    other = next(d for d in services.documents(req.id) if d.original_name == "lampiran.pdf")
    assert other.kind == "other"
    reception.set_kind(other.id, "list")
    cl = checklist.build(services, req.id)
    assert cl.items["list"].status == "invalid"
    finding = next(f for f in cl.findings if f.item == "list" and f.severity == "error")
    with pytest.raises(RuleError, match="wajib disertai catatan"):
        checklist.accept_finding(services, req.id, finding, " ")
    checklist.accept_finding(services, req.id, finding, "Dikonfirmasi petugas")
    accepted = next(f for f in checklist.build(services, req.id).findings if f.key == finding.key)
    assert accepted.accepted and accepted.note == "Dikonfirmasi petugas"
    actions = [e.action for e in AuditEvent.select()]
    assert "document.kind" in actions and "finding.accept" in actions


@pytest.mark.parametrize("as_email", [True, False], ids=["eml", "four-files"])
def test_shared_example_request(services, tmp_path, as_email):
    lsp = services.add_lsp("LSP Kelistrikan Tenaga Raya", ["ktr-sertifikasi.id"])
    reception = Reception(services)
    if as_email:
        outcome = reception.commit(reception.prepare_paths([SAMPLES / "example-request.eml"]))
    else:
        outcome = reception.commit(reception.prepare_paths([SAMPLES / "files"]), lsp_id=lsp.id)
    assert outcome.request.lsp_id == lsp.id
    cl = checklist.build(services, outcome.request.id)
    assert cl.complete, cl.as_json()
    assert cl.competent == cl.requested == 10 and cl.not_yet == 2


@pytest.mark.parametrize("name, data, message", [
    ("kosong.pdf", b"", "berkas kosong"),
    ("program.pdf", b"MZ\x90\x00" + b"\0" * 200, "bukan berkas PDF"),
    ("terpotong.pdf", pdf_bytes(LETTER_TEXT)[:300], "PDF"),
    ("daftar.xlsx", b"NO;NAMA;NIK\n1;Budi;3201\n", "bukan berkas Excel"),
], ids=["empty", "exe-as-pdf", "truncated-pdf", "csv-as-xlsx"])
def test_bad_input_becomes_a_finding_not_a_crash(services, lsp, tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths([tmp_path / name]), lsp_id=lsp.id).request
    cl = checklist.build(services, req.id)
    assert not cl.complete
    assert any(message in f.message for f in cl.findings), cl.as_json()
    assert storage_ok(services)


def storage_ok(services) -> bool:
    return services.storage.check().ok


def test_attachment_name_cannot_escape_the_store(services, lsp, tmp_path):
    (tmp_path / "m.eml").write_bytes(eml_bytes([("../../x.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")]))
    reception = Reception(services)
    out = reception.commit(reception.prepare_paths([tmp_path / "m.eml"]))
    names = [d.original_name for d in services.documents(out.request.id)]
    assert "x.pdf" in names and not any("/" in n or ".." in n for n in names)
    assert not (tmp_path.parent / "x.pdf").exists()
    assert storage_ok(services)


def test_oversized_file_refused_without_storing(services, tmp_path, monkeypatch):
    import blanko_desktop.core.reception as reception_module

    monkeypatch.setattr(reception_module, "MAX_FILE_BYTES", 1000)
    (tmp_path / "besar.pdf").write_bytes(b"%PDF-1.4" + b"0" * 2000)
    plan = Reception(services).prepare_paths([tmp_path / "besar.pdf"])
    assert plan.files == [] and "terlalu besar" in plan.problems[0]


def test_same_content_twice_in_one_drop_is_stored_once(services, lsp, tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    paths = four_files(folder)
    plan = Reception(services).prepare_paths([folder, paths[0]])  # the folder and a file from it
    assert len(plan.files) == 4
    assert any("isinya sama dengan" in p for p in plan.problems)


def test_email_whose_attachments_were_received_joins_their_request(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    reception = Reception(services)
    first = reception.commit(reception.prepare_paths(paths), lsp_id=lsp.id).request
    attachments = [(p.name, p.read_bytes(), "application/pdf") for p in paths[:2]]
    (tmp_path / "m.eml").write_bytes(eml_bytes(attachments))
    outcome = reception.commit(reception.prepare_paths([tmp_path / "m.eml"]))
    assert outcome.request.id == first.id
    assert [d.kind for d in outcome.added] == ["email"]


def test_refusals_write_nothing(services, lsp, tmp_path):
    paths = four_files(tmp_path)
    reception = Reception(services)
    req = reception.commit(reception.prepare_paths(paths), lsp_id=lsp.id).request
    services.transition(req.id, "cancelled", reason="Permohonan ganda")
    stored = set(services.storage.files.all_hashes())
    with pytest.raises(RuleError, match=f"Permohonan #{req.id} berstatus 'Dibatalkan': permintaan kelengkapan "
                                        "hanya untuk permohonan yang sedang diperiksa"):
        completion.write_completion_request(services, req.id, tmp_path / "draft.eml")
    (tmp_path / "baru.pdf").write_bytes(pdf_bytes("Lampiran baru"))
    with pytest.raises(RuleError, match="dibatalkan"):
        reception.commit(reception.prepare_paths([tmp_path / "baru.pdf"]), request_id=req.id)
    assert set(services.storage.files.all_hashes()) == stored
    assert not (tmp_path / "draft.eml").exists()
    assert services.storage.check().ok


def test_row_is_not_named_twice_in_the_completion_mail(services, lsp, tmp_path):
    from blanko_desktop.core.verification.checklist import (
        CheckedFinding,
        Checklist,
        Item,
    )

    cl = Checklist(1, "LSP", "", False, {k: Item("ok") for k in checklist.REQUIRED}, 3, 1, 3, {}, {},
                   [CheckedFinding("daftar.xlsx", "Peserta", 12, "Baris 12: NIK kosong", "error", "list")])
    assert completion.problem_lines(cl) == ["daftar.xlsx, lembar 'Peserta': Baris 12: NIK kosong."]


def test_future_times_are_not_taken(services, lsp, tmp_path):
    from datetime import timedelta

    future = datetime.now(timezone.utc) + timedelta(days=30)
    with pytest.raises(RuleError, match="masa depan"):
        services.create_request(future, lsp.id)
    (tmp_path / "m.eml").write_bytes(eml_bytes([("a.pdf", pdf_bytes(LETTER_TEXT), "application/pdf")], date=future))
    plan = Reception(services).prepare_paths([tmp_path / "m.eml"])
    assert plan.received_at is None and any("masa depan" in p for p in plan.problems)
    req = Reception(services).commit(plan).request
    assert req.received_at <= datetime.now(timezone.utc)
