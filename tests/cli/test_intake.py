"""`blanko intake`: files and e-mails in, stored once, the LSP recognised, the checklist out; bad input becomes
a finding or a refusal, never a traceback and never a file outside the store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.core.intake.intake_builders import (
    LETTER_TEXT,
    PNG_1PX,
    docx_bytes,
    eml_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    xlsm_bytes,
    xlsx_bytes,
    zip_bomb_300mb,
)

from .builders import (
    DECISION,
    KIND_OF,
    KTR,
    LETTER,
    LIST,
    MINUTES,
    OFFICER,
    SENT,
    TDN,
    TDN_SENDER,
    lsp_request,
)
from .conftest import is_server, raw_sql, store_of

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "example-request"  # a copy of shared/samples
INTAKE_KEYS = {"request", "lsp", "lsp_id", "lsp_source", "sender", "subject", "received_at", "created",
               "attached_to_waiting", "added", "duplicates", "problems", "notes", "checklist"}


def stored_files(db) -> list:
    """What the document store holds: the files in the folder beside a database file, the rows of `stored_file`
    on a server."""
    if is_server(db):
        return [r[0] for r in raw_sql(db, "SELECT sha256 FROM stored_file ORDER BY sha256")]
    store = store_of(db)
    return sorted(p for p in store.rglob("*") if p.is_file()) if store.exists() else []


def document_rows(db) -> list[tuple]:
    return raw_sql(db, "SELECT request_id, kind, original_name, sha256 FROM document ORDER BY id")


def assert_complete(data: dict, request) -> None:
    checklist = data["checklist"]
    assert checklist["complete"] is True, checklist
    assert {k: i["status"] for k, i in checklist["items"].items()} == dict.fromkeys(
        ("letter", "minutes", "decision", "list"), "ok")
    assert (checklist["requested"], checklist["competent"], checklist["not_yet"]) == (
        request.competent, request.competent, request.not_yet)
    assert checklist["per_scheme"] == request.per_scheme
    assert [f for f in checklist["findings"] if f["severity"] == "error"] == []


@pytest.mark.parametrize("form", ["four-files", "folder", "eml", "msg"])
def test_a_request_from_an_lsp_becomes_a_complete_request(cli, intake_db, tmp_path, form):
    request = lsp_request(seed=11)
    if form == "four-files":
        args = [*request.write(tmp_path / "in"), "--lsp", "teknologi digital"]
    elif form == "folder":
        request.write(tmp_path / "in")
        args = [tmp_path / "in", "--lsp", TDN]
    else:
        path = tmp_path / f"permohonan.{form}"
        path.write_bytes(request.eml() if form == "eml" else request.msg())
        args = [path]
    data = cli("intake", *args, "--json", db=intake_db).json()
    assert set(data) == INTAKE_KEYS
    assert data["request"] == 1 and data["created"] is True and data["attached_to_waiting"] is False
    assert data["lsp"] == TDN
    assert_complete(data, request)
    kinds = {d["name"]: d["kind"] for d in data["added"]}
    assert {n: k for n, k in kinds.items() if n in KIND_OF} == KIND_OF
    for added in data["added"]:
        if added["name"] in request.files:
            content = request.files[added["name"]]
            assert (added["sha256"], added["size"]) == (hashlib.sha256(content).hexdigest(), len(content))
    if form in ("eml", "msg"):
        assert data["lsp_source"] == "sender" and data["sender"] == TDN_SENDER
        assert data["received_at"] == "2026-11-16T09:12:00+07:00"  # the e-mail's date, office time
        assert len(data["added"]) == 5 and kinds[f"permohonan.{form}"] == "email"
        assert data["checklist"]["sender"] == TDN_SENDER
    else:
        assert data["lsp_source"] == "option" and data["sender"] == ""
        assert len(data["added"]) == 4
    assert data["problems"] == [] and data["duplicates"] == []
    shown = cli("show", 1, "--json", db=intake_db).json()["request"]
    assert shown["letter_number"] == request.letter_number
    assert (shown["requested_qty"], shown["competent_qty"]) == (request.competent, request.competent)


def test_text_output_reads_as_a_checklist(cli_process, intake_db, tmp_path):
    request = lsp_request(seed=12)
    out = cli_process("intake", *request.write(tmp_path / "in"), "--lsp", TDN, db=intake_db).out
    assert "Permohonan baru #1: 4 berkas diterima." in out
    assert f"LSP       : {TDN} (dipilih dengan --lsp)" in out
    assert "Daftar periksa permohonan #1 (Diterima): LENGKAP" in out
    assert out.count("✓") == 4 and "✗" not in out
    for code, counts in request.per_scheme.items():
        assert f"{code}  K {counts['K']:>4}  BK {counts['BK']:>4}" in out


def test_files_already_received_are_reported_and_not_stored_twice(cli, intake_db, tmp_path):
    request = lsp_request(seed=13)
    paths = request.write(tmp_path / "in")
    cli("intake", *paths, "--lsp", TDN, db=intake_db)
    store = stored_files(intake_db)
    again = cli("intake", *paths, "--lsp", TDN, "--json", db=intake_db).json()
    assert again["request"] is None and again["added"] == [] and "checklist" not in again
    assert len(again["duplicates"]) == 4
    for dup in again["duplicates"]:
        assert dup["request"] == 1 and dup["document"] >= 1 and dup["received"]
        assert dup["message"].startswith(f"{dup['name']}: sudah diterima pada ")
        assert dup["message"].endswith(" untuk permohonan #1")
    text = cli("intake", *paths, db=intake_db).out
    assert "Tidak ada berkas baru" in text and "untuk permohonan #1" in text
    assert stored_files(intake_db) == store and len(document_rows(intake_db)) == 4

    # the e-mail those files came with: its attachments are known, the e-mail joins their request
    mail = tmp_path / "permohonan.eml"
    mail.write_bytes(request.eml())
    data = cli("intake", mail, "--json", db=intake_db).json()
    assert data["request"] == 1 and data["created"] is False
    assert [d["kind"] for d in data["added"]] == ["email"] and len(data["duplicates"]) == 4
    assert "permohonan #1" in data["notes"][0]
    assert [r[0] for r in document_rows(intake_db)] == [1] * 5
    assert cli("check", "--json", db=intake_db).json()["ok"] is True


@pytest.mark.parametrize("how", ["sender", "lsp-option"])
def test_files_for_an_lsp_with_a_waiting_request_go_to_that_request(cli, intake_db, tmp_path, how):
    request = lsp_request(seed=14)
    first = tmp_path / "pertama.eml"
    first.write_bytes(request.eml(names=(LETTER, MINUTES, DECISION)))
    data = cli("intake", first, "--json", db=intake_db).json()
    assert data["checklist"]["items"]["list"]["status"] == "missing"
    cli("completion-mail", 1, "--out", tmp_path / "draf.eml", "--officer", OFFICER, "--sent", db=intake_db)
    assert cli("show", 1, "--json", db=intake_db).json()["request"]["state"] == "waiting_lsp"

    if how == "sender":
        later = tmp_path / "susulan.eml"
        later.write_bytes(request.eml(names=(LIST,), sent=SENT.replace(day=18)))
        args = [later]
    else:
        args = [*request.write(tmp_path / "susulan", (LIST,)), "--lsp", TDN,
                "--received", "2026-11-18T10:00"]
    data = cli("intake", *args, "--json", db=intake_db).json()
    assert data["request"] == 1 and data["attached_to_waiting"] is True and data["created"] is False
    assert_complete(data, request)
    assert data["checklist"]["state"] == "received"  # back in the queue
    shown = cli("show", 1, "--json", db=intake_db).json()["request"]
    assert shown["state"] == "received" and shown["clock_running"] is True
    assert shown["due_at"].startswith("2026-11-19T")  # a new clock from the arrival on the 18th
    text = cli("checklist", 1, db=intake_db).out
    assert "LENGKAP" in text

    # --new keeps a fresh submission apart even when a request waits
    cli("transition", 1, "waiting_lsp", "--reason", "uji", db=intake_db)
    other = lsp_request(seed=15)
    data = cli("intake", *other.write(tmp_path / "baru"), "--lsp", TDN, "--new", "--json", db=intake_db).json()
    assert data["request"] == 2 and data["created"] is True and data["attached_to_waiting"] is False


def test_attaching_text_says_so(cli, intake_db, tmp_path):
    request = lsp_request(seed=16)
    cli("intake", *request.write(tmp_path / "a", (LETTER, MINUTES, DECISION)), "--lsp", TDN, db=intake_db)
    cli("transition", 1, "waiting_lsp", "--reason", "Daftar peserta belum ada", db=intake_db)
    out = cli("intake", *request.write(tmp_path / "b", (LIST,)), "--lsp", TDN, db=intake_db).out
    assert f"1 berkas ditambahkan ke permohonan #1 yang menunggu kelengkapan dari {TDN}." in out
    assert "kembali ke antrean" in out


def test_request_option_adds_to_that_request_and_refuses_a_closed_one(cli, intake_db, tmp_path):
    request = lsp_request(seed=17)
    cli("intake", *request.write(tmp_path / "a", (LETTER, MINUTES)), "--lsp", TDN, db=intake_db)
    data = cli("intake", *request.write(tmp_path / "b", (DECISION, LIST)), "--request", "#1", "--json",
               db=intake_db).json()
    assert data["request"] == 1 and data["lsp_source"] == "request"
    assert_complete(data, request)

    cli("transition", 1, "cancelled", "--reason", "LSP menarik permohonan", db=intake_db)
    before = stored_files(intake_db)
    late = tmp_path / "susulan.pdf"
    late.write_bytes(pdf_bytes("Lampiran susulan"))
    result = cli("intake", late, "--request", 1, "--json", db=intake_db, expect=1)
    assert "Permohonan #1 sudah dibatalkan; berkas baru tidak dapat ditambahkan." in result.err
    assert "sudah dibatalkan" in result.json()["error"]
    assert stored_files(intake_db) == before  # nothing half-stored
    assert cli("check", "--json", db=intake_db).json()["ok"] is True


@pytest.mark.parametrize("args, code, message", [
    (("intake", "{file}", "--request", "1", "--new"), 2, "not allowed with argument"),
    (("intake",), 2, "required: FILE"),
    (("intake", "{file}", "--received", "kemarin"), 2, "waktu 'kemarin' tidak valid"),
    (("intake", "{file}", "--lsp", "LSP Tidak Terdaftar"), 1, "LSP 'LSP Tidak Terdaftar' tidak ada di daftar LSP."),
    (("intake", "{file}", "--request", "99"), 1, "Permohonan #99 tidak ditemukan."),
    (("intake", "tidak-ada.pdf"), 1, "tidak-ada.pdf: tidak ditemukan"),
])
def test_intake_usage_and_rule_errors(cli, intake_db, tmp_path, args, code, message):
    file = tmp_path / "surat.pdf"
    file.write_bytes(pdf_bytes(LETTER_TEXT))
    result = cli(*(a.format(file=file) for a in args), db=intake_db, expect=code)
    assert message in result.err
    assert stored_files(intake_db) == []


def test_unknown_sender_gives_a_request_without_lsp_until_the_officer_picks_it(cli, intake_db, tmp_path):
    request = lsp_request(seed=18, lsp="LSP Industri Kreatif Sulawesi", city="Palu", code="LSP-KRS")
    mail = tmp_path / "baru.eml"
    mail.write_bytes(request.eml(sender="lsp.kreatifsulawesi@gmail.com"))
    result = cli("intake", mail, db=intake_db)
    assert "LSP       : belum dikenali (pengirim: lsp.kreatifsulawesi@gmail.com)" in result.out
    assert "blanko set-lsp 1 NAMA" in result.out
    data = cli("checklist", 1, "--json", db=intake_db).json()
    assert data["lsp"] is None and data["complete"] is False
    assert all(i["status"] == "ok" for i in data["items"].values())  # the documents are fine: only the LSP
    assert cli("verify", 1, db=intake_db, expect=1).err.count("LSP pengirim belum ditentukan") == 1

    cli("lsp", "add", "--name", request.lsp, "--email", "info@lspkreatif-sulawesi.id", "--address", "Jl. Sam Ratulangi",
        "--city", "Palu", "--phone", "0451 421 000", db=intake_db)
    data = cli("set-lsp", 1, "kreatif sulawesi", "--remember-sender", "--json", db=intake_db).json()
    assert data["lsp"] == request.lsp and data["remembered_sender"] == "lsp.kreatifsulawesi@gmail.com"
    assert data["checklist"]["complete"] is True
    # the next e-mail from that address is recognised
    second = lsp_request(seed=19, lsp=request.lsp, city="Palu", code="LSP-KRS", seq=46)
    mail.write_bytes(second.eml(sender="lsp.kreatifsulawesi@gmail.com"))
    data = cli("intake", mail, "--json", db=intake_db).json()
    assert data["request"] == 2 and data["lsp"] == request.lsp and data["lsp_source"] == "sender"


@pytest.mark.parametrize("form", ["four-files", "eml"])
def test_shared_example_request(cli_process, intake_db, form):
    args = [SAMPLES / "example-request.eml"] if form == "eml" else [
        *sorted((SAMPLES / "files").iterdir()), "--lsp", KTR]
    data = cli_process("intake", *args, "--json", db=intake_db).json()
    checklist = data["checklist"]
    assert data["lsp"] == KTR and checklist["lsp"] == KTR
    assert checklist["complete"] is True, checklist
    assert (checklist["requested"], checklist["competent"], checklist["not_yet"]) == (10, 10, 2)
    assert sum(c["K"] for c in checklist["per_scheme"].values()) == 10
    assert sum(c["BK"] for c in checklist["per_scheme"].values()) == 2


# -- bad input (issue 3, item 9) --------------------------------------------------------------------------------

def _eml(attachments) -> bytes:
    return eml_bytes(attachments, sender=f"Admin <{TDN_SENDER}>")


BAD_FILES = [
    # id, file name, content, the checklist item it lands in, the finding
    ("empty", LETTER, lambda: b"", "letter", "berkas kosong (0 byte)"),
    ("exe-as-pdf", LETTER, lambda: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(400), "letter",
     "bukan berkas PDF (isi berkas: program (.exe))"),
    ("truncated-pdf", MINUTES, lambda: pdf_bytes("BERITA ACARA ASESMEN\n" * 30)[:400], "minutes", "terpotong"),
    ("encrypted-pdf", DECISION, lambda: encrypted_pdf_bytes("rahasia"), "decision", "dilindungi kata sandi"),
    ("word-as-pdf", LETTER, docx_bytes, "letter", "bukan berkas PDF (isi berkas: dokumen Word"),
    ("csv-as-xlsx", LIST, lambda: b"NO;NAMA ASESI;NIK;REKOMENDASI\n1;Budi;3201150389001234;K\n", "list",
     "bukan berkas Excel (isi berkas: teks CSV)"),
    ("zip-bomb-as-xlsx", LIST, zip_bomb_300mb, "list", "terlalu besar setelah dibuka"),
    ("xlsm", "Daftar Peserta K-BK.xlsm", xlsm_bytes, "list", "berisi makro"),
    ("no-header", LIST, lambda: xlsx_bytes({"Sheet1": [["Rekap"], ["A", "B", "C"], [1, 2, 3]]}), "list",
     "Judul kolom daftar peserta tidak ditemukan"),
]


@pytest.mark.parametrize("name, content, item, message", [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_stored_with_its_finding(cli, intake_db, tmp_path, name, content, item, message):
    path = tmp_path / "masuk" / name
    path.parent.mkdir()
    path.write_bytes(content())
    data = cli("intake", path, "--lsp", TDN, "--json", db=intake_db).json()
    checklist = data["checklist"]
    assert checklist["complete"] is False
    assert checklist["items"][item]["status"] == "invalid"
    assert message in checklist["items"][item]["reason"]
    finding = next(f for f in checklist["findings"] if message in f["message"])
    assert finding["document"] == name and finding["severity"] == "error"
    assert cli("check", "--json", db=intake_db).json()["ok"] is True


def test_attachment_named_to_escape_the_store_stays_inside(cli_process, intake_db, tmp_path):
    mail = tmp_path / "masuk" / "jahat.eml"
    mail.parent.mkdir()
    mail.write_bytes(_eml([("../../x.pdf", pdf_bytes(LETTER_TEXT), "application/pdf"),
                           ("..\\..\\y.pdf", pdf_bytes(LETTER_TEXT + "\n"), "application/pdf")]))
    data = cli_process("intake", mail, "--json", db=intake_db).json()
    names = [d["name"] for d in data["added"]]
    assert "x.pdf" in names and all("/" not in n and "\\" not in n and ".." not in n for n in names)
    assert any('"../../x.pdf"' in p for p in data["problems"])
    # nothing written outside the store: no x.pdf/y.pdf in the test's folder, nor two folders up from the
    # working folder, the store or the e-mail (where "../../x.pdf" would land)
    assert not list(tmp_path.rglob("x.pdf")) and not list(tmp_path.rglob("y.pdf"))
    starts = [cli_process.base, mail.parent]
    if not is_server(intake_db):
        starts += [store_of(intake_db), store_of(intake_db) / "x"]
        assert all(p.is_relative_to(store_of(intake_db)) for p in stored_files(intake_db))
    for start in starts:
        assert not (start.parent.parent / "x.pdf").exists() and not (start.parent.parent / "y.pdf").exists()
    assert cli_process("check", "--json", db=intake_db).json()["ok"] is True


def test_a_300_mb_file_is_refused_and_nothing_stored(cli_process, intake_db, tmp_path):
    big = tmp_path / "masuk" / "Daftar Peserta Lengkap.xlsx"
    big.parent.mkdir()
    with big.open("wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: costs no disk
    result = cli_process("intake", big, "--lsp", TDN, "--json", db=intake_db, expect=1)
    data = result.json()
    assert "Tidak ada berkas yang dapat diterima" in data["error"]
    assert data["request"] is None and data["added"] == []
    assert any("terlalu besar (300 MB; batas 100 MB)" in p for p in data["problems"])
    assert "terlalu besar" in result.err
    assert stored_files(intake_db) == [] and document_rows(intake_db) == []
    assert cli_process("list", "--json", db=intake_db).json()["total"] == 0

    # beside good files the big one is only reported; the others are taken
    request = lsp_request(seed=20)
    data = cli_process("intake", *request.write(tmp_path / "masuk", (LETTER,)), big, "--lsp", TDN, "--json",
               db=intake_db).json()
    assert [d["name"] for d in data["added"]] == [LETTER]
    assert any("Daftar Peserta Lengkap.xlsx: berkas terlalu besar" in p for p in data["problems"])


def test_an_email_without_attachments_is_received_with_everything_missing(cli, intake_db, tmp_path):
    mail = tmp_path / "kosong.eml"
    mail.write_bytes(_eml([]))
    data = cli("intake", mail, "--json", db=intake_db).json()
    assert any("E-mail tidak berisi lampiran" in p for p in data["problems"])
    assert data["lsp"] == TDN and [d["kind"] for d in data["added"]] == ["email"]
    items = data["checklist"]["items"]
    assert {i["status"] for i in items.values()} == {"missing"}


def test_signature_logo_is_left_aside(cli, intake_db, tmp_path):
    request = lsp_request(seed=21)
    mail = tmp_path / "logo.eml"
    mail.write_bytes(eml_bytes([(n, d, "application/pdf" if n.endswith(".pdf") else
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                for n, d in request.files.items()],
                               sender=f"Admin <{TDN_SENDER}>", inline_images=[("logo.png", PNG_1PX)]))
    data = cli("intake", mail, "--json", db=intake_db).json()
    assert "logo.png" not in [d["name"] for d in data["added"]]
    assert_complete(data, request)


RACE_ROUNDS = 10


def test_same_email_taken_in_by_two_processes_at_once_gives_one_request(cli_process, registry_source, tmp_path,
                                                                         request):
    """Two officers drop the same e-mail at the same moment: the database's unique key on the file hash lets one
    store it; the other is told which request has it (or, when it came second, sees the files as received)."""
    import subprocess
    import sys

    from .conftest import copy_of

    mail = tmp_path / "same.eml"
    mail.write_bytes(lsp_request(seed=5).eml())
    rounds, refused = 0, 0
    for round_no in range(RACE_ROUNDS):
        db = copy_of(request, registry_source, tmp_path / f"r{round_no}" / "blanko.sqlite")
        argv = [sys.executable, "-m", "blanko_desktop.cli", "intake", str(mail), "--db", str(db)]
        procs = [subprocess.Popen(argv, env=cli_process.env, cwd=tmp_path, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, encoding="utf-8") for _ in range(2)]
        results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        for rc, out, err in results:
            assert "Traceback" not in err, err
            assert rc in (0, 1), (rc, out, err)
            if rc == 1:
                refused += 1
                assert "same.eml: sudah diterima pada " in err and "untuk permohonan #1; tidak disimpan lagi." \
                    in err, err
        assert raw_sql(db, "SELECT COUNT(*) FROM request") == [(1,)], results
        assert raw_sql(db, "SELECT COUNT(*), COUNT(DISTINCT sha256) FROM document") == [(5, 5)]
        assert raw_sql(db, "SELECT COUNT(*) FROM audit_event WHERE action = 'document.add'") == [(5,)]
        assert sorted(rc for rc, _, _ in results)[0] == 0, results
        rounds += 1
    assert rounds == RACE_ROUNDS
    print(f"{rounds} rounds, {refused} refused by the in-transaction check or the unique key")
