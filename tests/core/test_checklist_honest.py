"""The checklist tells the truth: the officer's tasks apart from the LSP's, a duplicate row counted once when
accepted and named as the cause while open, and a completion e-mail that is a draft until it has left."""

from __future__ import annotations

import email
import random
from datetime import date
from email import policy

import pytest

from blanko_desktop.core.audit import Actor
from blanko_desktop.core.demo.documents import participants, request_documents, request_email
from blanko_desktop.core.errors import RuleError
from blanko_desktop.core.models import AuditEvent
from blanko_desktop.core.reception import Reception
from blanko_desktop.core.services import Services
from blanko_desktop.core.verification import checklist, completion
from blanko_desktop.core.workflow import State

LSP = "LSP Industri Kreatif Sulawesi"
SENDER = "admin@lsp-iks.or.id"
LIST = "Daftar Peserta K-BK.xlsx"
FIRST_DATA_ROW = 5  # title, period, blank line and header above


@pytest.fixture
def lsp(services):
    return services.add_lsp(LSP, [SENDER], address="Jl. Perintis Kemerdekaan No. 10", city="Makassar")


def people(count=12, seed=5):
    rng = random.Random(seed)
    while True:
        found = participants(count, rng)
        if 2 < sum(p.verdict == "K" for p in found) < count:
            return found


def take_in(services, files: dict[str, bytes], sender: str = SENDER, lsp_id=None):
    docs = request_documents(LSP, "Makassar", [], date(2026, 11, 13))
    docs.files = files
    from datetime import datetime, timezone

    mail = request_email(sender, LSP, docs, datetime(2026, 11, 16, 2, 0, tzinfo=timezone.utc))
    reception = Reception(services)
    return reception.commit(reception.prepare([("permohonan.eml", mail)]), lsp_id=lsp_id).request


def with_duplicate_row(count=12):
    """A consistent request whose list repeats one competent participant (same NIK, scheme and verdict):
    the letter, the minutes and the decision count him once, the list twice. Returns the files, the
    competent count and the Excel row of the repeat."""
    crowd = people(count)
    files = dict(request_documents(LSP, "Makassar", crowd, date(2026, 11, 13)).files)
    twice = next(p for p in crowd if p.verdict == "K")
    files[LIST] = request_documents(LSP, "Makassar", crowd + [twice], date(2026, 11, 13)).files[LIST]
    return files, sum(p.verdict == "K" for p in crowd), FIRST_DATA_ROW + count, twice


# -- a duplicate row: the real cause, and counted once when accepted ---------------------------------------------

def test_an_open_duplicate_row_is_named_as_the_cause_of_the_mismatches(services, lsp):
    files, competent, row, _ = with_duplicate_row()
    req = take_in(services, files)
    cl = checklist.build(services, req.id)
    assert cl.competent == competent + 1 and not cl.complete
    duplicate = next(f for f in cl.findings if f.row == row)
    assert "ganda" in duplicate.message and not duplicate.cause
    consequences = [f for f in cl.open_errors if f.cause]
    assert len(consequences) >= 3  # letter, minutes, decision (and their per-scheme and per-funding lines)
    assert {f.cause for f in consequences} == {f"baris {row} (NIK ganda)"}
    assert cl.lsp_errors == [duplicate]

    lines = completion.problem_lines(cl)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{LIST}, lembar 'Peserta': Baris {row}: NIK ")
    assert lines[0].endswith("Karena baris ganda ini, jumlah peserta kompeten di daftar tidak sama dengan surat "
                             "permohonan, berita acara dan keputusan sertifikasi; mohon hapus baris gandanya.")


def test_accepting_a_duplicate_counts_the_participant_once(services, lsp):
    files, competent, row, twice = with_duplicate_row()
    req = take_in(services, files)
    cl = checklist.build(services, req.id)
    duplicate = next(f for f in cl.findings if f.row == row)
    scheme_before = cl.per_scheme[twice.scheme[0]]["K"]

    checklist.accept_finding(services, req.id, duplicate, "Peserta yang sama tercatat dua kali; dihitung sekali")
    cl = checklist.build(services, req.id)
    assert cl.competent == competent
    assert cl.per_scheme[twice.scheme[0]]["K"] == scheme_before - 1
    assert cl.not_counted == [(LIST, "Peserta", row)]
    assert not cl.open_errors and cl.complete, [f.message for f in cl.open_errors]
    accepted = next(f for f in cl.findings if f.row == row)
    assert accepted.accepted and accepted.note.startswith("Peserta yang sama") and "Budi Santoso" in accepted.accepted_by
    assert accepted.accepted_at is not None
    checklist.mark_verified(services, req.id)
    assert services.request(req.id).competent_qty == competent


def test_reopening_an_accepted_duplicate_brings_the_mismatch_back(services, lsp):
    files, competent, row, _ = with_duplicate_row()
    req = take_in(services, files)
    duplicate = next(f for f in checklist.build(services, req.id).findings if f.row == row)
    checklist.accept_finding(services, req.id, duplicate, "dihitung sekali")
    assert checklist.build(services, req.id).complete
    checklist.reopen_finding(services, req.id, duplicate, "LSP harus memperbaiki daftarnya")
    cl = checklist.build(services, req.id)
    assert cl.competent == competent + 1 and not cl.complete and cl.not_counted == []
    assert [f.row for f in cl.lsp_errors] == [row]
    reopened = AuditEvent.select().where(AuditEvent.action == "finding.reopen").get()
    assert reopened.after["note"] == "LSP harus memperbaiki daftarnya"
    assert reopened.before["accepted_note"] == "dihitung sekali"


# -- the officer's tasks are not the LSP's -----------------------------------------------------------------------

def test_an_unknown_lsp_is_the_officers_task_not_a_problem_of_the_lsp(services):
    files, competent, _row, _ = with_duplicate_row()
    files[LIST] = request_documents(LSP, "Makassar", people(), date(2026, 11, 13)).files[LIST]
    req = take_in(services, files, sender="panitia@lsp-iks.or.id")
    cl = checklist.build(services, req.id)
    assert [t.code for t in cl.officer_tasks] == ["lsp"]
    assert "panitia@lsp-iks.or.id" in cl.officer_tasks[0].text
    assert all(i.status == "ok" for i in cl.items.values()) and not cl.open_errors
    assert not cl.complete  # the request waits for the officer, not for the LSP
    assert completion.problem_lines(cl) == []
    with pytest.raises(RuleError, match="yang tersisa tugas petugas: Tetapkan LSP pengirim"):
        completion.compose(services, req.id)
    with pytest.raises(RuleError, match="LSP pengirim belum ditentukan"):
        checklist.mark_verified(services, req.id)


# -- the completion e-mail: to whom, from whom, and whether it left ---------------------------------------------

@pytest.mark.parametrize("contact, greeting", [
    ("", f"Yth. Pimpinan {LSP},"),
    ("Andi Mappaseng", f"Yth. Bapak/Ibu Andi Mappaseng\nPimpinan {LSP},"),
    ("Ibu Rahmawati", f"Yth. Ibu Rahmawati\nPimpinan {LSP},"),
])
def test_the_greeting_names_the_lsp_and_its_head(services, lsp, contact, greeting):
    if contact:
        services.update_lsp(lsp.id, contact_person=contact)
    req = take_in(services, {"Surat Permohonan Blanko.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    body = completion.compose(services, req.id).get_content()
    assert body.startswith(greeting + "\n\nTerima kasih")
    assert "Pimpinan Bapak/Ibu" not in body


def _no_address(services, lsp):
    services.update_lsp(lsp.id, emails=["lsp-iks.or.id"])  # a domain is no address to write to
    reception = Reception(services)
    files = with_duplicate_row()[0]
    return reception.commit(reception.prepare([("Surat.pdf", files["Surat Permohonan Blanko.pdf"])]),
                            lsp_id=lsp.id).request.id


def _no_officer(services, lsp):
    req = take_in(services, {"Surat.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    services.actor = Actor("root", "")
    return req.id


@pytest.mark.parametrize("setup, message", [
    (_no_address, "tidak dapat dibuat: tidak ada alamat e-mail tujuan (pengirim tidak tercatat dan "
                  f"{LSP} tidak mempunyai alamat e-mail terdaftar). Tambahkan alamat e-mail LSP di Data ▸ Daftar "
                  "LSP."),
    (_no_officer, "Nama petugas belum diisi: permintaan kelengkapan ditandatangani atas nama petugas. Isi nama "
                  "Anda di Data ▸ Pengaturan."),
])
def test_a_completion_e_mail_nobody_can_receive_or_nobody_signs_is_refused(services, lsp, tmp_path, setup,
                                                                         message):
    request_id = setup(services, lsp)
    with pytest.raises(RuleError) as refused:
        completion.write_completion_request(services, request_id, tmp_path / "draf.eml", handed_over=None)
    assert message in str(refused.value)
    assert not (tmp_path / "draf.eml").exists()
    assert services.request(request_id).state == State.RECEIVED


def test_a_draft_is_not_a_sent_e_mail_until_confirmed(services, lsp, tmp_path):
    req = take_in(services, {"Surat.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    assert completion.status(services, req.id) is None
    path, row = completion.write_completion_request(services, req.id, tmp_path / "draf.eml", handed_over=None)
    mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert mail["To"] == SENDER
    assert row.state == State.RECEIVED and row.clock_running  # nothing has left yet: the clock runs on
    status = completion.status(services, req.id)
    assert status.pending and status.to == SENDER and status.sent_at is None

    moved = completion.confirm_sent(services, req.id)
    assert moved.state == State.WAITING_LSP and not moved.clock_running
    status = completion.status(services, req.id)
    assert not status.pending and status.handed_over == "officer" and "Budi Santoso" in status.sent_by
    sent = AuditEvent.select().where(AuditEvent.action == "completion.sent").get()
    assert sent.after == {"document": status.document_id, "to": SENDER, "how": "officer"}
    with pytest.raises(RuleError, match="sudah tercatat dikonfirmasi terkirim oleh petugas"):
        completion.confirm_sent(services, req.id)
    assert services.storage.check().ok


def test_nothing_to_confirm_without_a_draft(services, lsp):
    req = take_in(services, {"Surat.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    with pytest.raises(RuleError, match=f"Permohonan #{req.id} belum mempunyai draf permintaan kelengkapan"):
        completion.confirm_sent(services, req.id)


def test_handed_to_the_mail_program_in_one_step(services, lsp, tmp_path):
    req = take_in(services, {"Surat.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    _path, row = completion.write_completion_request(services, req.id, tmp_path / "draf.eml")
    assert row.state == State.WAITING_LSP
    status = completion.status(services, req.id)
    assert status.handed_over == "mail_program" and status.sent_at == status.written_at


def test_a_second_services_sees_the_same_status(storage, services, lsp, tmp_path):
    """The status is read from the audit log, not kept in memory: a colleague's window sees it too."""
    req = take_in(services, {"Surat.pdf": with_duplicate_row()[0]["Surat Permohonan Blanko.pdf"]})
    completion.write_completion_request(services, req.id, tmp_path / "draf.eml", handed_over=None)
    colleague = Services(storage, Actor("sari", "Sari"))
    assert completion.status(colleague, req.id).pending
    completion.confirm_sent(colleague, req.id)
    assert "Sari" in completion.status(services, req.id).sent_by
