"""Approval and paperwork from the command line: signatories, approve and take back, forms saved as PDF, printing
to a real CUPS queue, the printers here — the twins of the Persetujuan & Cetak tab."""

from __future__ import annotations

import io
import json
import time
import uuid
from pathlib import Path

from datetime import date

import pytest
from pypdf import PdfReader

from blanko_desktop import paths
from tests.core.forms.pdftools import pdf_text

WAHYUNI = "Dra. Sri Wahyuni, M.M."
FAUZI = "Ahmad Fauzi, S.E., M.Si."
QUEUE = "PDF"
CUPS_OUT = Path.home() / "PDF"  # where cups-pdf writes a job printed by this user

# papers signed by name need the officer's name: set, as the window's first start sets it
pytestmark = pytest.mark.usefixtures("officer_profile")


def show(cli, db, rid) -> dict:
    return cli("show", rid, "--json", db=db).json()


def printed(cli, db, rid=None) -> list[dict]:
    return cli("printed", *([rid] if rid else []), "--json", db=db).json()["printed"]


def everything(cli, db, rid) -> tuple:
    """What an approval or a form could change: a refusal must leave all of it as it was."""
    data = show(cli, db, rid)
    req = data["request"]
    return req["state"], req["approved_qty"], req["version"], len(data["history"]), len(printed(cli, db))


def competent(cli, db, rid) -> int:
    return show(cli, db, rid)["request"]["competent_qty"]


# ----------------------------------------------------------------------------------------- signatories


def test_signatory_add_list_deactivate(cli, db):
    added = cli("signatory", "add", "--name", "Dra. Sri Wahyuni, M.M.", "--nip", "1978 0512 2005 0120 03",
                "--title", "Kepala Subbagian Sertifikasi Kompetensi", "--json", db=db).json()
    assert added == {"id": 1, "name": WAHYUNI, "nip": "197805122005012003",
                     "title": "Kepala Subbagian Sertifikasi Kompetensi", "active": True}
    listed = cli("signatory", "list", db=db).out
    assert "Kepala Subbagian Sertifikasi Kompetensi" in listed and "aktif" in listed
    gone = cli("signatory", "deactivate", "#1", "--json", db=db).json()
    assert gone["active"] is False
    assert cli("signatory", "list", "--json", db=db).json()["signatories"][0]["active"] is False
    again = cli("signatory", "deactivate", "1", db=db, expect=1)
    assert again.err.strip() == f"blanko: Pejabat #1 {WAHYUNI} sudah tidak aktif."


@pytest.mark.parametrize("args, message", [
    (("add", "--name", "Sri", "--nip", "1978"), "NIP '1978' tidak valid: NIP terdiri dari 18 digit."),
    (("add", "--name", "  "), "Nama pejabat penandatangan wajib diisi."),
    (("deactivate", "9"), "Pejabat #9 tidak ditemukan (lihat: blanko signatory list)."),
])
def test_signatory_refusals(cli, db, args, message):
    result = cli("signatory", *args, db=db, expect=1)
    assert result.err.strip() == f"blanko: {message}"
    assert cli("signatory", "list", "--json", db=db).json()["signatories"] == []


def test_no_signatory_yet_says_how_to_add_one(cli, db):
    assert "blanko signatory add --name NAMA" in cli("signatory", "list", db=db).out


# ----------------------------------------------------------------------------------------- approve


def test_approve_with_a_named_official_then_take_it_back(cli, demo_db, demo_ids):
    rid = demo_ids["verified"][0]
    k = competent(cli, demo_db, rid)
    data = cli("approve", rid, "--approver", "wahyuni", "--json", db=demo_db).json()
    assert (data["previous_state"], data["state"], data["competent"]) == ("verified", "approved", k)
    assert data["approval"]["quantity"] == k and data["approval"]["signatory"]["name"] == WAHYUNI
    assert data["approval"]["signatory"]["nip"] == "197805122005012003"
    assert show(cli, demo_db, rid)["request"]["approved_qty"] == k
    cancelled = cli("approve", rid, "--cancel", "--reason", "Pejabat meminta jumlah lain", "--json",
                    db=demo_db).json()
    assert (cancelled["state"], cancelled["cancelled"]["quantity"], cancelled["reason"]) == (
        "verified", k, "Pejabat meminta jumlah lain")
    history = show(cli, demo_db, rid)["history"]
    assert [h["action"] for h in history[-2:]] == ["request.approved", "request.verified"]
    assert history[-1]["after"]["reason"] == "Pejabat meminta jumlah lain"


def test_fewer_blanks_with_a_reason_in_readable_text(cli, demo_db, demo_ids):
    rid = demo_ids["verified"][0]
    k = competent(cli, demo_db, rid)
    out = cli("approve", rid, "--approver", "Fauzi", "--quantity", k - 1, "--reason", "1 peserta sudah dilayani",
              db=demo_db).out
    assert f"Permohonan #{rid}: Terverifikasi -> Disetujui" in out
    assert f"Disetujui : {k - 1} (" in out and f"dari {k} kompeten" in out
    assert f"Pejabat   : {FAUZI}, NIP 198203172009121001" in out
    assert "Alasan    : 1 peserta sudah dilayani" in out


@pytest.mark.parametrize("case, args, message", [
    ("received", ("--approver", "wahyuni"),
     "Permohonan #{id} berstatus 'Diterima': hanya permohonan yang sudah terverifikasi (dokumen lengkap) yang "
     "dapat disetujui."),
    ("cancelled", ("--approver", "wahyuni"),
     "Permohonan #{id} berstatus 'Dibatalkan' (sudah final): tidak dapat disetujui."),
    ("verified", ("--approver", "wahyuni", "--quantity", "{above}"),
     "Jumlah yang disetujui ({above}) melebihi jumlah peserta kompeten ({k}) permohonan #{id}: satu blanko untuk "
     "satu peserta kompeten."),
    ("verified", ("--approver", "wahyuni", "--quantity", "{below}"),
     "Jumlah yang disetujui ({below}) berbeda dari jumlah peserta kompeten ({k}) permohonan #{id}: alasan wajib "
     "diisi."),
    ("verified", ("--approver", "Budi Santoso"),
     f"Pejabat 'Budi Santoso' tidak ada di daftar pejabat penandatangan (yang ada: {FAUZI}, {WAHYUNI})."),
    ("verified", ("--approver", "#77"),
     "Pejabat #77 tidak ditemukan. Tambahkan pejabat eselon IV di Pengaturan › Pejabat penandatangan."),
    ("verified", (),
     f"Ada 2 pejabat penandatangan aktif; pilih salah satu: #2 {FAUZI}, #1 {WAHYUNI}."),
    ("inactive", ("--approver", "fauzi"),
     f"Pejabat {FAUZI} sudah tidak aktif; pilih pejabat yang aktif atau aktifkan kembali di Pengaturan › Pejabat "
     "penandatangan."),
    ("verified", ("--cancel", "--reason", "salah"),
     "Permohonan #{id} berstatus 'Terverifikasi': belum ada persetujuan yang dapat dibatalkan."),
    ("approved", ("--cancel",), "Pembatalan persetujuan wajib disertai alasan."),
    ("approved", ("--approver", "wahyuni"),
     "Permohonan #{id} sudah disetujui ({k} lembar). Batalkan persetujuannya dulu untuk mengubah jumlah atau "
     "pejabatnya."),
])
def test_approve_refusals_change_nothing(cli, demo_db, demo_ids, case, args, message):
    rid = demo_ids["verified" if case in ("inactive", "approved") else case][0]
    if case == "inactive":
        cli("signatory", "deactivate", "2", db=demo_db)
    if case == "approved":
        cli("approve", rid, "--approver", "wahyuni", db=demo_db)
    k = competent(cli, demo_db, rid)
    fill = {"id": rid, "k": k, "above": (k or 0) + 1, "below": max(1, (k or 2) - 1)}
    before = everything(cli, demo_db, rid)
    result = cli("approve", rid, *[a.format(**fill) for a in args], "--json", db=demo_db, expect=1)
    assert result.err.strip() == "blanko: " + message.format(**fill)
    assert json.loads(result.out)["error"] == message.format(**fill)
    assert everything(cli, demo_db, rid) == before


# ----------------------------------------------------------------------------------------- forms as PDF


def test_forms_saved_as_pdf_are_logged_as_produced(cli, demo_db, demo_ids, tmp_path):
    rid = demo_ids["verified"][0]
    proposal = cli("form", "approval", rid, "--approver", "fauzi", "--out", tmp_path / "usulan.pdf", "--json",
                   db=demo_db).json()
    assert proposal["proposed"] is True and proposal["printer"] == f"PDF: {tmp_path / 'usulan.pdf'}"
    assert FAUZI in pdf_text((tmp_path / "usulan.pdf").read_bytes())[0]
    cli("approve", rid, "--approver", "wahyuni", db=demo_db)
    for form in ("approval", "receipt", "label"):
        out = tmp_path / f"{form}.pdf"
        data = cli("form", form, rid, "--out", out, "--json", db=demo_db).json()
        assert out.read_bytes().startswith(b"%PDF-") and data["out"] == str(out)
        assert (data["form"], data["request"], data["copies"]) == (form, rid, 1)
    receipt = PdfReader(io.BytesIO((tmp_path / "receipt.pdf").read_bytes()))
    assert len(receipt.pages) == 2  # the LSP's copy and the archive's
    number = cli("printed", rid, "--json", db=demo_db).json()["printed"][0]["number"]
    assert number.startswith("TT-") and number.endswith(f"-{rid:06d}")
    text = cli("form", "receipt", rid, "--out", tmp_path / "lagi.pdf", db=demo_db).out
    assert text.strip() == f"Tanda terima permohonan #{rid} disimpan: {tmp_path / 'lagi.pdf'} (nomor {number})"
    log = printed(cli, demo_db, rid)
    assert [r["form"] for r in log] == ["receipt", "label", "receipt", "approval", "approval"]
    assert all(r["printer"].startswith("PDF: ") for r in log)


def test_completion_letter_of_an_incomplete_request(cli, demo_db, demo_ids, tmp_path):
    rid = demo_ids["waiting_lsp"][0]
    data = cli("form", "completion", rid, "--out", tmp_path / "surat.pdf", "--json", db=demo_db).json()
    assert data["form"] == "completion"
    assert "kelengkapan" in pdf_text((tmp_path / "surat.pdf").read_bytes())[0].lower()


@pytest.mark.parametrize("args, message", [
    (("receipt", "{verified}"),
     "Permohonan #{verified} berstatus 'Terverifikasi': tanda terima dibuat setelah persetujuan pejabat dicatat."),
    (("approval", "{cancelled}"),
     "Permohonan #{cancelled} berstatus 'Dibatalkan': lembar persetujuan dicetak untuk permohonan yang "
     "terverifikasi atau disetujui."),
    (("approval", "{verified}"), f"Ada 2 pejabat penandatangan aktif; pilih salah satu: #2 {FAUZI}, #1 {WAHYUNI}."),
    (("approval", "{verified}", "--approver", "wahyuni", "--quantity", "999"),
     "Jumlah yang disetujui (999) melebihi jumlah peserta kompeten ({k}) permohonan #{verified}: satu blanko untuk "
     "satu peserta kompeten."),
    (("label", "{verified}", "--approver", "wahyuni"),
     "--approver, --quantity dan --reason hanya untuk lembar persetujuan (approval)."),
    (("receipt",), "Sebutkan nomor permohonan: blanko form receipt ID."),
    (("manifest",), "Sebutkan hari penjemputan kurir: --pickup TANGGAL (contoh: --pickup 2026-11-27)."),
    (("manifest", "{verified}", "--pickup", "2026-11-27"),
     "Daftar serah terima kurir dibuat per hari penjemputan: pakai --pickup TANGGAL, tanpa nomor permohonan."),
    (("manifest", "--pickup", "2026-11-24"),
     "Selasa, 24 November 2026 bukan hari penjemputan kurir; penjemputan berikutnya Rabu, 25 November 2026."),
    (("manifest", "--pickup", "2026-01-07"),  # before the demo's first request: nothing to hand over
     "Tidak ada paket untuk penjemputan kurir Rabu, 7 Januari 2026: belum ada permohonan yang dikemas untuk hari "
     "itu."),
    (("receipt", "999"), "Permohonan #999 tidak ditemukan."),
])
def test_form_refusals_write_no_file_and_no_log(cli, demo_db, demo_ids, tmp_path, args, message):
    fill = {"verified": demo_ids["verified"][0], "cancelled": demo_ids["cancelled"][0]}
    fill["k"] = competent(cli, demo_db, fill["verified"])
    out = tmp_path / "keluar.pdf"
    before = printed(cli, demo_db)  # the demo's own parcels were printed already
    result = cli("form", *[a.format(**fill) for a in args], "--out", out, db=demo_db, expect=1)
    assert result.err.strip() == "blanko: " + message.format(**fill)
    assert not out.exists() and printed(cli, demo_db) == before


@pytest.mark.parametrize("form, what", [
    ("approval", "lembar persetujuan"),
    ("completion", "surat permintaan kelengkapan"),
    ("manifest", "daftar serah terima kurir"),
])
def test_papers_signed_by_name_are_refused_without_the_officers_name(cli, demo_db, demo_ids, tmp_path, form,
                                                                      what):
    """They went out signed with the OS login ("root"); now a name is asked for, before anything is written."""
    from blanko_desktop.core import config

    cfg = config.load()
    cfg.officer = ""
    config.save(cfg)
    rid = demo_ids["verified" if form != "completion" else "waiting_lsp"][0]
    args = {"approval": (rid, "--approver", "wahyuni"), "completion": (rid,), "manifest": ()}[form]
    if form == "manifest":
        cli("approve", rid, "--approver", "wahyuni", "--officer", "Rina Wulandari", db=demo_db)
        args = ("--pickup", _next_pickup_with_parcels(cli, demo_db, tmp_path))
    before = printed(cli, demo_db)
    out = tmp_path / "ttd.pdf"
    result = cli("form", form, *args, "--out", out, "--json", db=demo_db, expect=1)
    said = (f"Nama petugas belum diisi: {what} ditandatangani atas nama petugas. Beri nama dengan --officer "
            '"NAMA" atau isi profil petugas di aplikasi.')
    assert result.err.strip() == f"blanko: {said}" and result.json()["error"] == said
    assert not out.exists() and printed(cli, demo_db) == before
    signed = cli("form", form, *args, "--out", out, "--officer", "Budi Santoso", db=demo_db)
    assert "Budi Santoso" in pdf_text(out.read_bytes())[0], signed.out


def test_an_existing_file_is_never_overwritten(cli, demo_db, demo_ids, tmp_path):
    out = tmp_path / "ada.pdf"
    out.write_bytes(b"milik petugas")
    result = cli("form", "approval", demo_ids["verified"][0], "--approver", "wahyuni", "--out", out, db=demo_db,
                 expect=1)
    assert result.err.strip() == f"blanko: Berkas {out} sudah ada; pilih nama lain."
    assert out.read_bytes() == b"milik petugas"


def test_a_template_with_an_error_is_refused_by_file_and_line(cli, demo_db, demo_ids, tmp_path, monkeypatch):
    import shutil

    folder = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), folder)
    (folder / "lembar-persetujuan.xml").write_text("<form>\n  <p>{{ nomor_surat }}</p>\n</form>\n", encoding="utf-8")
    monkeypatch.setattr(paths, "forms_dir", lambda: folder)
    rid = demo_ids["verified"][0]
    before = everything(cli, demo_db, rid)
    result = cli("form", "approval", rid, "--approver", "wahyuni", "--out", tmp_path / "lp.pdf", db=demo_db, expect=1)
    assert result.err.startswith("blanko: Templat formulir lembar-persetujuan.xml, baris 2: isian 'nomor_surat' "
                                 "tidak dikenal untuk formulir ini")
    assert not (tmp_path / "lp.pdf").exists() and everything(cli, demo_db, rid) == before


def _next_pickup_with_parcels(cli, db, tmp_path) -> str:
    """The next Monday, Wednesday or Friday that is a working day (its manifest saved once to find it)."""
    from datetime import date, timedelta

    day = date.today()
    for _ in range(14):
        data = cli("form", "manifest", "--pickup", day.isoformat(), "--out", tmp_path / f"m-{day}.pdf", "--json",
                   "--officer", "Rina Wulandari", db=db, expect=None)
        if data.rc == 0:
            return day.isoformat()
        day += timedelta(days=1)
    raise AssertionError(str(data))


def test_manifest_of_the_pickup_day(cli, demo_db, demo_ids, tmp_path):
    """The parcels the Pengiriman tab shows waiting for that pickup; a request approved but not packed is not on
    it (the courier cannot take it)."""
    rid = demo_ids["verified"][0]
    cli("approve", rid, "--approver", "wahyuni", db=demo_db)
    day = date.fromisoformat(_next_pickup_with_parcels(cli, demo_db, tmp_path))
    waiting = [p["request"] for p in cli("ship", "pickups", "--json", db=demo_db).json()["pickups"][0]["parcels"]]
    assert waiting and rid not in waiting
    data = cli("form", "manifest", "--pickup", day.isoformat(), "--out", tmp_path / f"m2-{day}.pdf", "--json",
               db=demo_db)
    assert data.json()["number"] == day.isoformat() and data.json()["request"] is None
    text = pdf_text((tmp_path / f"m2-{day}.pdf").read_bytes())[0]
    assert all(f"{r:06d}" in text for r in waiting) and f"{rid:06d}" not in text


# ----------------------------------------------------------------------------------------- printing


def _queue_or_skip() -> None:
    import subprocess

    out = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("no CUPS queue 'PDF' on this machine (.ci/run installs cups + printer-driver-cups-pdf)")


def _cups_output(title: str, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        hits = sorted(CUPS_OUT.glob(f"{title}*.pdf"))
        if hits and hits[0].read_bytes().rstrip().endswith(b"%%EOF"):
            data = hits[0].read_bytes()
            hits[0].unlink()
            return data
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote no file for job {title} in {CUPS_OUT} within {timeout} s")


@pytest.fixture
def unique_jobs(monkeypatch):
    """Print jobs named apart from any other test run on this machine (cups-pdf names its files by job title)."""
    from blanko_desktop.core.approval import paperwork

    tag = uuid.uuid4().hex[:8]
    monkeypatch.setattr(paperwork.Paper, "job_title", property(lambda self: f"t{tag}-{self.form}"))
    return tag


def test_print_the_receipt_on_the_office_printer_and_remember_it(cli, demo_db, demo_ids, unique_jobs):
    _queue_or_skip()
    rid = demo_ids["verified"][0]
    cli("approve", rid, "--approver", "wahyuni", db=demo_db)
    data = cli("print", "receipt", rid, "--printer", QUEUE, "--json", db=demo_db).json()
    assert (data["printer"], data["copies"], data["form"], data["request"]) == (QUEUE, 1, "receipt", rid)
    out = _cups_output(f"t{unique_jobs}-receipt")
    assert len(PdfReader(io.BytesIO(out)).pages) == 2
    cfg = json.loads((cli.base / "config" / "config.json").read_text(encoding="utf-8"))
    assert cfg["printers"] == {"receipt": QUEUE}
    # the next print of a receipt needs no --printer: the remembered one
    again = cli("print", "receipt", rid, "--copies", 2, "--json", db=demo_db).json()
    assert (again["printer"], again["copies"]) == (QUEUE, 2)
    _cups_output(f"t{unique_jobs}-receipt")
    assert [(r["printer"], r["copies"]) for r in printed(cli, demo_db, rid)] == [(QUEUE, 2), (QUEUE, 1)]


def test_print_in_its_own_process_without_a_display(cli_process, demo_db, demo_ids, tmp_path):
    _queue_or_skip()
    rid = demo_ids["verified"][0]
    cli_process("approve", rid, "--approver", "wahyuni", db=demo_db)
    env = cli_process.env
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    result = cli_process("print", "approval", rid, "--printer", QUEUE, db=demo_db)
    assert result.out.strip() == f"Lembar persetujuan permohonan #{rid} dicetak ke {QUEUE}, 1 salinan."
    # the job carries the form's own name in the queue
    assert PdfReader(io.BytesIO(_cups_output(f"blanko-lembar-persetujuan-{rid:06d}"))).pages


@pytest.mark.parametrize("setup, args, message", [
    (None, ("--printer", "Printer Lantai 3"), "Printer 'Printer Lantai 3' tidak dikenal di komputer ini (printer "
                                              "yang ada: "),
    ({"printers": {"receipt": "HP Lantai 2"}}, (),
     "Printer 'HP Lantai 2' yang biasa dipakai untuk tanda terima tidak ada lagi di komputer ini (printer yang "
     "ada: "),
    ({"printer": "Canon Lama"}, (),
     "Printer bawaan di Pengaturan, 'Canon Lama', tidak ada lagi di komputer ini (printer yang ada: "),
    (None, ("--copies", "0"), None),
])
def test_print_refusals_leave_no_log(cli, demo_db, demo_ids, setup, args, message):
    rid = demo_ids["verified"][0]
    cli("approve", rid, "--approver", "wahyuni", db=demo_db)
    before = printed(cli, demo_db)  # the demo's own parcels were printed already
    if setup:
        (cli.base / "config").mkdir(exist_ok=True)
        (cli.base / "config" / "config.json").write_text(json.dumps({"version": 2, **setup}), encoding="utf-8")
    result = cli("print", "receipt", rid, *args, db=demo_db, expect=2 if message is None else 1)
    if message is None:
        assert "harus 1 atau lebih, bukan 0" in result.err
    else:
        assert result.err.startswith("blanko: " + message)
    assert printed(cli, demo_db) == before
    if setup:  # a missing printer is reported, never replaced by another in the settings
        saved = json.loads((cli.base / "config" / "config.json").read_text(encoding="utf-8"))
        assert {k: saved[k] for k in setup} == setup


def test_printers_lists_this_computers_printers_and_the_choice_per_form(cli):
    (cli.base / "config").mkdir(exist_ok=True)
    (cli.base / "config" / "config.json").write_text(json.dumps(
        {"version": 2, "printers": {"label": "Zebra Gudang"}}), encoding="utf-8")
    data = cli("printers", "--json").json()
    assert set(data) == {"printers", "default", "settings_default", "per_form", "missing"}
    assert data["per_form"]["label"] == "Zebra Gudang" and data["missing"] == ["Zebra Gudang"]
    text = cli("printers").out
    assert "Label alamat paket: Zebra Gudang  (TIDAK ADA LAGI: pilih printer lain)" in text
