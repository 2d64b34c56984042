"""Verification from the command line: checklist, completion e-mail, verify, and the officer's corrections
(set-kind, set-requested, set-lsp, accept-finding) — the cheap twins of the Verifikasi tab."""

from __future__ import annotations

import email
import re
from email import policy

import pytest

from tests.core.intake.intake_builders import scan_pdf_bytes

from .builders import (
    DECISION,
    LETTER,
    LIST,
    MINUTES,
    OFFICER,
    TDN,
    TDN_SENDER,
    lsp_request,
    with_bad_niks,
)

CHECKLIST_KEYS = {"request", "lsp", "sender", "complete", "items", "competent", "not_yet", "requested",
                  "per_scheme", "per_funding", "findings", "state", "state_label", "officer_tasks", "letterhead",
                  "not_counted"}
FINDING_KEYS = {"document", "sheet", "row", "message", "severity", "item", "accepted", "note", "index",
                "accepted_by", "accepted_at", "cause"}


def take_in(cli, db, tmp_path, request, names=None, *args) -> dict:
    """The request's files (or some) as an e-mail from the LSP."""
    mail = tmp_path / f"masuk-{len(list(tmp_path.glob('masuk-*.eml')))}.eml"
    mail.write_bytes(request.eml(names=names))
    return cli("intake", mail, *args, "--json", db=db).json()


def body_lines(path) -> tuple[email.message.EmailMessage, list[str]]:
    mail = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = mail.get_content()
    return mail, [line for line in body.splitlines() if re.match(r"^\d+\. ", line)]


def test_checklist_json_has_the_documented_keys(cli, intake_db, tmp_path):
    request, rows = with_bad_niks(lsp_request(seed=31))
    take_in(cli, intake_db, tmp_path, request)
    data = cli("checklist", "#1", "--json", db=intake_db).json()
    assert set(data) == CHECKLIST_KEYS
    assert set(data["items"]) == {"letter", "minutes", "decision", "list"}
    assert all(set(i) == {"status", "files", "reason"} for i in data["items"].values())
    assert isinstance(data["complete"], bool) and data["lsp"] == TDN and data["sender"] == TDN_SENDER
    assert isinstance(data["requested"], int)
    assert all(set(c) == {"K", "BK"} for c in data["per_scheme"].values())
    assert data["findings"] and all(set(f) == FINDING_KEYS for f in data["findings"])
    assert [f["index"] for f in data["findings"]] == list(range(1, len(data["findings"]) + 1))
    found = {f["row"]: f for f in data["findings"] if f["severity"] == "error"}
    assert set(found) == set(rows)
    for row, words in rows.items():
        assert words in found[row]["message"] and found[row]["sheet"] == "Peserta"
        assert found[row]["document"] == LIST and found[row]["item"] == "list"


def test_checklist_text_is_readable_indonesian(cli_process, intake_db, tmp_path):
    request, rows = with_bad_niks(lsp_request(seed=32))
    mail = tmp_path / "m.eml"
    mail.write_bytes(request.eml(names=(LETTER, MINUTES, LIST)))
    cli_process("intake", mail, db=intake_db)
    out = cli_process("checklist", 1, db=intake_db).out
    assert "Daftar periksa permohonan #1 (Diterima): BELUM LENGKAP" in out
    assert f"  LSP      : {TDN}" in out
    assert "  ✓ Surat permohonan blanko sertifikat: ada (Surat Permohonan Blanko.pdf)" in out
    assert "  ✗ Keputusan sertifikasi: belum ada" in out
    assert "  ✗ Daftar nama peserta kompeten dan belum kompeten: bermasalah" in out
    assert "Per skema:" in out
    for code, counts in request.per_scheme.items():
        assert re.search(rf"{re.escape(code)}\s+K\s+{counts['K']}\s+BK\s+{counts['BK']}", out)
    for row in rows:
        assert re.search(rf"\d+\. \[galat\] {re.escape(LIST)}, lembar 'Peserta': Baris {row}: ", out)


def test_completion_mail_lists_exactly_what_is_missing_and_stops_the_clock_once_sent(cli, intake_db, tmp_path):
    request = lsp_request(seed=33)
    take_in(cli, intake_db, tmp_path, request, (LETTER, MINUTES))
    draft = tmp_path / "keluar" / "kelengkapan.eml"
    data = cli("completion-mail", 1, "--out", draft, "--from", "sertifikasi@bnsp.go.id", "--json", "--officer", OFFICER,
                  db=intake_db).json()
    # a draft written is not an e-mail sent: the request stays in the queue until the officer says so
    assert data["state"] == "received" and data["previous_state"] == "received" and data["sent"] is False
    assert data["clock_running"] is True and data["to"] == TDN_SENDER
    sent = cli("completion-sent", 1, "--json", db=intake_db).json()
    assert (sent["previous_state"], sent["state"], sent["clock_running"]) == ("received", "waiting_lsp", False)
    mail, lines = body_lines(draft)
    assert mail["X-Unsent"] == "1" and mail["From"] == "sertifikasi@bnsp.go.id" and mail["To"] == TDN_SENDER
    assert request.letter_number in mail["Subject"]
    assert lines == ["1. Keputusan sertifikasi: belum kami terima.",
                     "2. Daftar nama peserta kompeten dan belum kompeten: belum kami terima."]
    assert data["problems"] == [line[3:] for line in lines]
    shown = cli("show", 1, "--json", db=intake_db).json()
    assert shown["request"]["state"] == "waiting_lsp" and not shown["request"]["clock_running"]
    assert [d["kind"] for d in shown["documents"]][-1] == "completion"  # a copy kept with the request
    assert [e["action"] for e in shown["history"]][-3:] == ["completion.write", "completion.sent",
                                                            "request.waiting_lsp"]
    again = cli("completion-sent", 1, db=intake_db, expect=1)
    assert "sudah tercatat dikonfirmasi terkirim (baris perintah)" in again.err

    refused = cli("completion-mail", 1, "--out", draft, "--officer", OFFICER, db=intake_db, expect=1)
    assert "sudah ada; pilih nama lain" in refused.err


def test_completion_mail_names_every_bad_row(cli, intake_db, tmp_path):
    request, rows = with_bad_niks(lsp_request(seed=34))
    take_in(cli, intake_db, tmp_path, request)
    draft = tmp_path / "kelengkapan.eml"
    cli("completion-mail", 1, "--out", draft, "--officer", OFFICER, db=intake_db)
    _, lines = body_lines(draft)
    assert len(lines) == len(rows)
    for line, (row, words) in zip(lines, sorted(rows.items())):
        assert LIST in line and "lembar 'Peserta'" in line and f"Baris {row}: " in line and words in line


@pytest.mark.parametrize("setup, message", [
    ("complete", "sudah lengkap; tidak ada yang perlu dimintakan"),
    ("closed", "permintaan kelengkapan hanya untuk permohonan yang sedang diperiksa"),
    ("missing", "Permohonan #7 tidak ditemukan."),
])
def test_completion_mail_refusals(cli, intake_db, tmp_path, setup, message):
    take_in(cli, intake_db, tmp_path, lsp_request(seed=35))
    if setup == "closed":
        cli("transition", 1, "cancelled", "--reason", "uji", db=intake_db)
    draft = tmp_path / "draf.eml"
    result = cli("completion-mail", 7 if setup == "missing" else 1, "--out", draft, "--json", "--officer", OFFICER,
                 db=intake_db, expect=1)
    assert message in result.err and message in result.json()["error"]
    assert not draft.exists()


def test_completion_mail_without_an_officer_name_is_refused_before_anything_is_written(cli, intake_db, tmp_path):
    """A letter to an LSP went out signed with the OS login ("root"); now a name is asked for first."""
    take_in(cli, intake_db, tmp_path, lsp_request(seed=37), (LETTER, MINUTES))
    draft = tmp_path / "draf.eml"
    result = cli("completion-mail", 1, "--out", draft, "--json", db=intake_db, expect=1)
    for said in (result.err, result.json()["error"]):
        assert "Nama petugas belum diisi" in said and '--officer "NAMA"' in said and "profil petugas" in said
    assert not draft.exists()
    assert cli("show", 1, "--json", db=intake_db).json()["request"]["state"] == "received"

    cli("completion-mail", 1, "--out", draft, "--officer", OFFICER, db=intake_db)
    mail, _ = body_lines(draft)
    assert OFFICER in mail.get_content()


def test_verify_refuses_with_reasons_then_moves_a_complete_request_on(cli, intake_db, tmp_path):
    request = lsp_request(seed=36)
    take_in(cli, intake_db, tmp_path, request, (LETTER, MINUTES, DECISION))
    refused = cli("verify", 1, "--json", db=intake_db, expect=1)
    assert "Dokumen belum lengkap/benar: Daftar nama peserta kompeten dan belum kompeten" in refused.err
    assert refused.json()["checklist"]["items"]["list"]["status"] == "missing"
    take_in(cli, intake_db, tmp_path, request, (LIST,), "--request", "1")
    data = cli("verify", 1, "--json", db=intake_db).json()
    assert (data["state"], data["previous_state"]) == ("verified", "received")
    assert (data["competent_qty"], data["not_yet_qty"]) == (request.competent, request.not_yet)
    again = cli("verify", 1, db=intake_db, expect=1)
    assert "tidak dapat diubah menjadi 'Terverifikasi'" in again.err


def test_set_kind_puts_a_scan_in_its_slot(cli, intake_db, tmp_path):
    request = lsp_request(seed=37)
    files = request.write(tmp_path / "in", (LETTER, DECISION, LIST))
    scan = tmp_path / "in" / "scan0002.pdf"
    scan.write_bytes(scan_pdf_bytes(2))
    data = cli("intake", *files, scan, "--lsp", TDN, "--json", db=intake_db).json()
    assert data["checklist"]["items"]["minutes"]["status"] == "missing"
    doc = next(d for d in data["added"] if d["name"] == "scan0002.pdf")
    assert doc["kind"] == "other"
    changed = cli("set-kind", doc["id"], "berita-acara", "--json", db=intake_db).json()
    assert (changed["previous_kind"], changed["kind"]) == ("other", "minutes")
    assert changed["checklist"]["items"]["minutes"] == {"status": "ok", "files": ["scan0002.pdf"], "reason": ""}
    assert changed["checklist"]["complete"] is True
    history = cli("show", 1, "--json", db=intake_db).json()["history"]
    assert "document.kind" in [e["action"] for e in history]


@pytest.mark.parametrize("args, code, message", [
    (("set-kind", "{email}", "letter"), 1, "adalah e-mail; jenisnya tidak dapat diubah"),
    (("set-kind", "999", "letter"), 1, "Dokumen #999 tidak ditemukan."),
    (("set-kind", "{letter}", "foto"), 2, "jenis dokumen 'foto' tidak dikenal"),
    (("set-requested", "1", "banyak"), 2, "'banyak' bukan bilangan bulat"),
    (("set-requested", "42", "3"), 1, "Permohonan #42 tidak ditemukan."),
    (("accept-finding", "1", "--index", "1"), 2, "--note"),
    (("accept-finding", "1", "--index", "0", "--note", "x"), 2, "harus 1 atau lebih"),
    (("accept-finding", "1", "--index", "1", "--note", "x"), 1, "Permohonan #1 tidak mempunyai temuan."),
    (("set-lsp", "1", "LSP Antah Berantah"), 1, "LSP 'LSP Antah Berantah' tidak ada di daftar LSP."),
    (("checklist", "abc"), 2, "'abc' bukan nomor permohonan"),
    (("checklist", "42"), 1, "Permohonan #42 tidak ditemukan."),
    (("verify", "42"), 1, "Permohonan #42 tidak ditemukan."),
])
def test_corrections_refuse_what_cannot_be(cli, intake_db, tmp_path, args, code, message):
    data = take_in(cli, intake_db, tmp_path, lsp_request(seed=38))
    ids = {d["kind"]: d["id"] for d in data["added"]}
    result = cli(*(a.format(**ids) for a in args), db=intake_db, expect=code)
    assert message in result.err


def test_set_requested_types_the_number_of_a_scanned_letter(cli, intake_db, tmp_path):
    request = lsp_request(seed=39)
    request.files[LETTER] = scan_pdf_bytes()
    data = take_in(cli, intake_db, tmp_path, request)
    # typing the number is the officer's task, not a fault of the LSP's letter
    assert data["checklist"]["items"]["letter"]["status"] == "ok"
    assert [t["code"] for t in data["checklist"]["officer_tasks"]] == ["requested"]
    wrong = cli("set-requested", 1, request.competent + 2, "--json", db=intake_db).json()
    assert wrong["requested"] == request.competent + 2 and wrong["checklist"]["complete"] is False
    assert any(f"jumlah blanko diminta ({request.competent + 2}) tidak sama dengan jumlah peserta kompeten "
               f"({request.competent})" in f["message"] for f in wrong["checklist"]["findings"])
    right = cli("set-requested", 1, request.competent, "--json", db=intake_db).json()
    assert right["previous_requested"] == request.competent + 2
    assert right["checklist"]["complete"] is True and right["checklist"]["requested"] == request.competent


def test_accept_finding_with_a_note_until_the_request_is_complete(cli, intake_db, tmp_path):
    request, rows = with_bad_niks(lsp_request(seed=40))
    data = take_in(cli, intake_db, tmp_path, request)
    errors = [f for f in data["checklist"]["findings"] if f["severity"] == "error"]
    assert len(errors) == len(rows)
    assert "wajib disertai catatan" in cli("accept-finding", 1, "--index", errors[0]["index"], "--note", "  ",
                                              db=intake_db, expect=1).err
    out_of_range = cli("accept-finding", 1, "--index", 99, "--note", "x", db=intake_db, expect=1)
    assert f"Temuan nomor 99 tidak ada; permohonan #1 mempunyai {len(data['checklist']['findings'])} temuan" \
        in out_of_range.err
    for finding in errors:
        result = cli("accept-finding", 1, "--index", finding["index"], "--note",
                        "NIK dikonfirmasi LSP lewat telepon", "--json", db=intake_db).json()
        accepted = result["checklist"]["findings"][finding["index"] - 1]
        assert accepted["accepted"] is True and accepted["note"] == "NIK dikonfirmasi LSP lewat telepon"
    assert result["checklist"]["complete"] is True
    again = cli("accept-finding", 1, "--index", errors[0]["index"], "--note", "x", db=intake_db, expect=1)
    assert "sudah diterima sebelumnya" in again.err
    text = cli("checklist", 1, db=intake_db).out
    assert "[diterima: NIK dikonfirmasi LSP lewat telepon]" in text
    history = cli("show", 1, "--json", db=intake_db).json()["history"]
    assert [e["action"] for e in history].count("finding.accept") == len(errors)
    assert cli("verify", 1, "--json", db=intake_db).json()["state"] == "verified"


def test_reopen_finding_brings_the_error_back(cli, intake_db, tmp_path):
    request, rows = with_bad_niks(lsp_request(seed=41))
    data = take_in(cli, intake_db, tmp_path, request)
    errors = [f for f in data["checklist"]["findings"] if f["severity"] == "error"]
    refused = cli("reopen-finding", 1, "--index", errors[0]["index"], "--note", "x", db=intake_db, expect=1)
    assert f"Temuan nomor {errors[0]['index']} belum diterima; tidak ada yang dibuka kembali." in refused.err
    for finding in errors:
        cli("accept-finding", 1, "--index", finding["index"], "--note", "NIK dikonfirmasi", db=intake_db)
    reopened = cli("reopen-finding", 1, "--index", errors[0]["index"], "--note", "Salah terima, LSP memperbaiki",
                   "--json", db=intake_db).json()
    assert reopened["reopened"]["accepted_note"] == "NIK dikonfirmasi"
    assert reopened["checklist"]["complete"] is False
    assert reopened["checklist"]["findings"][errors[0]["index"] - 1]["accepted"] is False
    history = cli("show", 1, "--json", db=intake_db).json()["history"]
    assert [e["action"] for e in history].count("finding.reopen") == 1


def test_the_officers_tasks_are_listed_apart_and_not_blamed_on_the_lsp(cli, intake_db, tmp_path):
    request = lsp_request(seed=42)
    request.files[LETTER] = scan_pdf_bytes()
    take_in(cli, intake_db, tmp_path, request)
    out = cli("checklist", 1, db=intake_db).out
    assert "Daftar periksa permohonan #1 (Diterima): MENUNGGU TUGAS PETUGAS" in out
    assert "  Tugas petugas (1; bukan untuk LSP):" in out
    assert "    - Isi jumlah blanko yang diminta: surat permohonan hasil pindaian" in out
    refused = cli("completion-mail", 1, "--out", tmp_path / "draf.eml", "--officer", OFFICER, db=intake_db, expect=1)
    assert "Tidak ada yang perlu dimintakan ke LSP untuk permohonan #1; yang tersisa tugas petugas" in refused.err
    assert not (tmp_path / "draf.eml").exists()


def test_completion_sent_needs_a_draft(cli, intake_db, tmp_path):
    take_in(cli, intake_db, tmp_path, lsp_request(seed=43), (LETTER,))
    refused = cli("completion-sent", 1, db=intake_db, expect=1)
    assert "Permohonan #1 belum mempunyai draf permintaan kelengkapan: buat drafnya dulu." in refused.err
    assert cli("show", 1, "--json", db=intake_db).json()["request"]["state"] == "received"


@pytest.mark.parametrize("address, city, message", [
    (" ", "Makassar", "Alamat LSP Baru wajib diisi: blanko dikirim ke alamat LSP yang tercatat."),
    ("Jl. C 1", "", "Kota/kabupaten LSP Baru wajib diisi"),
])
def test_an_lsp_is_registered_with_its_address_and_city(cli, intake_db, address, city, message):
    result = cli("lsp", "add", "--name", "LSP Baru", "--email", "a@lsp-baru.id", "--address", address,
                 "--city", city, "--phone", "0411-1", db=intake_db, expect=1)
    assert message in result.err
