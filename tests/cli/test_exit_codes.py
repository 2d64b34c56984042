"""Exit status 0 done, 1 refused by a rule (message on stderr, and JSON on stdout with --json), 2 usage."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from blanko_desktop import cli as cli_module
from blanko_desktop.cli.commands import maintenance


@pytest.mark.parametrize("args, message", [
    ((), "required: PERINTAH"),
    (("frob",), "invalid choice: 'frob'"),
    (("lsp",), "required: PERINTAH"),
    (("lsp", "add", "--name", "LSP X"), "required"),
    (("calendar", "due"), "--received"),
    (("calendar", "due", "--received", "2026-13-24T10:00"), "waktu '2026-13-24T10:00' tidak valid"),
    (("calendar", "due", "--received", "besok pagi"), "tidak valid"),
    (("calendar", "pickups", "--from", "31-02-2026"), "tanggal '31-02-2026' tidak valid"),
    (("calendar", "pickups", "--count", "0"), "harus 1 atau lebih"),
    (("calendar", "add-closure", "2026-12-28", "--kind", "libur"), "invalid choice: 'libur'"),
    (("show", "abc"), "'abc' bukan nomor permohonan"),
    (("list", "--limit", "-1"), "tidak boleh negatif"),
    (("demo", "--requests", "banyak"), "'banyak' bukan bilangan bulat"),
    (("backup",), "--out"),
])
def test_usage_error_is_2_with_the_reason(cli, args, message):
    result = cli(*args, expect=2)
    assert "usage: blanko" in result.err
    assert message in result.err
    assert result.out == ""


def test_usage_error_in_json_mode_also_answers_json(cli_process):
    result = cli_process("--json", "calendar", "due", "--received", "kemarin", expect=2)
    assert "tidak valid" in result.json()["error"]


@pytest.mark.parametrize("args, message", [
    (("transition", "{cancelled}", "received"), "sudah dibatalkan; statusnya tidak dapat diubah lagi."),
    (("transition", "{received}", "verified"),
     "Status 'Terverifikasi' hanya dapat dicapai lewat verifikasi: daftar periksa lengkap"),
    (("transition", "{waiting_lsp}", "cancelled", "--reason", " "), "Pembatalan permohonan wajib disertai alasan."),
    (("transition", "{received}", "packed"),
     "Permohonan berstatus 'Diterima' tidak dapat diubah menjadi 'Dikemas'. "
     "Yang dapat dilakukan: Menunggu LSP, Terverifikasi, Dibatalkan."),
    (("transition", "{received}", "cancelled"), "Pembatalan permohonan wajib disertai alasan."),
    (("transition", "{received}", "terbang"), "Status 'terbang' tidak dikenal."),
    (("transition", "99999", "verified"), "Permohonan #99999 tidak ditemukan."),
    (("show", "#99999"), "Permohonan #99999 tidak ditemukan."),
    (("list", "--lsp", "Tidak Ada Sama Sekali"), "LSP 'Tidak Ada Sama Sekali' tidak ada di daftar LSP."),
    (("list", "--lsp", "LSP P"), "cocok dengan beberapa LSP"),
    (("list", "--state", "hilang"), "Status 'hilang' tidak dikenal."),
    (("demo",), "sudah berisi"),
    (("calendar", "add-closure", "{closure}"), "sudah tercatat sebagai hari libur/tutup"),
    (("calendar", "remove-closure", "2030-01-02"), "tidak ada dalam daftar libur/tutup"),
    (("lsp", "add", "--name", "LSP Teknologi Digital Nusantara", "--email", "a@b.id", "--address", "Jl. A",
      "--city", "Bogor", "--phone", "0251"), "sudah terdaftar"),
    (("lsp", "add", "--name", "LSP Baru", "--email", "sertifikasi@lsp-tdn.or.id", "--address", "Jl. A",
      "--city", "Bogor", "--phone", "0251"), "sudah terdaftar untuk LSP Teknologi Digital Nusantara"),
    (("lsp", "add", "--name", "LSP Baru", "--email", "bukan-email", "--address", "Jl. A",
      "--city", "Bogor", "--phone", "0251"), "'bukan-email' bukan alamat e-mail atau domain"),
    (("lsp", "add", "--name", "LSP Baru", "--email", "a@lspbaru.id", "--address", "Jl. A",
      "--city", "Bogor", "--postal-code", "161", "--phone", "0251"), "Kode pos '161' tidak valid"),
    (("lsp", "import", "tidak-ada.xlsx"), "tidak-ada.xlsx tidak ditemukan"),
])
def test_refused_by_a_rule_is_1_with_the_indonesian_message(cli, demo_db, demo_ids, args, message):
    result = cli(*_fill(args, demo_ids), db=demo_db, expect=1)
    assert result.err.startswith("blanko: ")
    assert message in result.err
    assert result.out == ""


@pytest.mark.parametrize("args, message", [
    (("transition", "{cancelled}", "received"), "statusnya tidak dapat diubah lagi."),
    (("show", "99999"), "Permohonan #99999 tidak ditemukan."),
    (("demo",), "sudah berisi"),
])
def test_refused_in_json_mode_gives_the_error_on_stdout_too(cli_process, demo_db, demo_ids, args, message):
    result = cli_process(*_fill(args, demo_ids), "--json", db=demo_db, expect=1)
    assert message in result.err
    assert message in result.json()["error"]


def _fill(args, demo_ids):
    """Put ids of the demo database in: {cancelled} is the first cancelled request, {closure} a closure day."""
    values = {state: ids[0] for state, ids in demo_ids.items() if ids}
    return tuple(a.format(**values) for a in args)


@pytest.mark.parametrize("setup, message", [
    ("missing", "tidak ditemukan. Buat dengan: blanko init"),
    ("folder", "adalah folder, bukan berkas basis data"),
    ("not_sqlite", "bukan berkas basis data Blanko Desktop"),
    ("newer", "dibuat oleh versi aplikasi yang lebih baru"),
])
@pytest.mark.sqlite_only
def test_unusable_database_is_refused_not_a_traceback(cli_process, tmp_path, setup, message):
    import sqlite3

    path = tmp_path / "x.sqlite"
    if setup == "folder":
        path.mkdir()
    elif setup == "not_sqlite":
        path.write_text("Ini surat, bukan basis data.")
    elif setup == "newer":
        con = sqlite3.connect(path)
        con.execute("PRAGMA user_version = 999")
        con.close()
    result = cli_process("list", db=path, expect=1)
    assert message in result.err


@pytest.mark.parametrize("setup, message", [
    ("missing", "tidak ada di server itu. Minta pengelola server membuatnya"),
    ("empty", "masih kosong. Buat skemanya dengan: blanko init --db"),
    ("foreign", "berisi tabel lain (gaji) dan bukan basis data Blanko Desktop"),
    ("newer", "dibuat oleh versi aplikasi yang lebih baru (skema 999"),
    ("unreachable", "tidak terjangkau"),
])
@pytest.mark.server_only
def test_unusable_server_database_is_refused_not_a_traceback(cli_process, new_db, setup, message):
    """The server twin of the above: the address given does not lead to a usable Blanko database."""
    from .conftest import raw_sql

    url = new_db()
    if setup == "missing":
        url = url.rpartition("/")[0] + "/tidak_ada"
    elif setup == "foreign":
        raw_sql(url, "CREATE TABLE gaji (id INTEGER)")
    elif setup == "newer":
        raw_sql(url, "CREATE TABLE blanko_schema (version INTEGER NOT NULL)")
        raw_sql(url, "INSERT INTO blanko_schema (version) VALUES (999)")
    elif setup == "unreachable":
        import socket

        with socket.socket() as s:  # a port nobody listens on
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"postgresql://postgres@127.0.0.1:{port}/blanko"
    result = cli_process("list", db=url, expect=1)
    assert message in result.err


def test_db_option_before_or_after_the_command_and_officer_in_the_audit(cli, demo_db, demo_ids):
    rid = demo_ids["received"][0]
    before = cli("--db", demo_db, "--officer", "Budi Santoso", "--json", "transition", rid, "waiting_lsp")
    assert before.json()["state"] == "waiting_lsp"
    after = cli("show", rid, "--json", "--db", demo_db).json()
    last = after["history"][-1]
    assert (last["action"], last["officer"]) == ("request.waiting_lsp", "Budi Santoso")
    assert after["request"]["state"] == "waiting_lsp"


def test_subcommand_db_wins_over_the_one_before_it(cli, db, tmp_path):
    other = tmp_path / "lain.sqlite"
    result = cli("--db", other, "init", "--json", db=db).json()  # the later --db is db
    assert result["database"] == str(db)
    assert not other.exists()


def test_missing_default_database_is_created_like_the_app_does(cli_process):
    result = cli_process("lsp", "list", "--json").json()
    assert result == {"count": 0, "lsps": []}
    assert cli_process.default_db.is_file()


@pytest.mark.server_only
def test_without_db_the_server_chosen_in_the_app_is_used(cli_process, db):
    """The server twin of the above: the app's choice is a server's address; nothing is made on this computer."""
    from blanko_desktop.core import config

    cfg = config.load()
    cfg.remember(db)
    config.save(cfg)  # as the window's File menu leaves it (this test's own config folder)
    cli_process("lsp", "add", "--name", "LSP Uji Server", "--email", "a@lsp-uji.id", "--address", "Jl. A 1",
                "--city", "Bogor", "--phone", "0251")
    assert [x["name"] for x in cli_process("lsp", "list", "--json", db=db).json()["lsps"]] == ["LSP Uji Server"]
    assert not cli_process.default_db.exists()


def test_help_and_version_exit_0(cli_process):
    assert "calendar" in cli_process("--help").out
    assert cli_process("--version").out.startswith("blanko ")


def test_installed_script_runs(cli_process):
    """The console script the install puts beside the interpreter (not whatever `blanko` is on PATH)."""
    import subprocess

    script = Path(sys.executable).parent / ("blanko.exe" if sys.platform == "win32" else "blanko")
    assert script.is_file(), f"{script} missing: install the package (pip install -e '.[test]')"
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, env=cli_process.env,
                          check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("blanko "), proc.stderr


def test_unexpected_error_is_a_sentence_not_a_traceback(monkeypatch, capsys):
    def broken(ctx, args):
        raise RuntimeError("boom")

    monkeypatch.setattr(maintenance, "cmd_init", broken)
    assert cli_module.main(["init", "--json"]) == cli_module.EXIT_INTERNAL
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Kesalahan internal (RuntimeError: boom)" in captured.err
    assert "boom" in captured.out  # JSON {"error": ...}


@pytest.mark.parametrize("error, says", [
    ("database is locked", "sedang dipakai petugas lain"),
    ("database table is locked", "sedang dipakai petugas lain"),
    ("database disk image is malformed", "pulihkan dari cadangan"),
    ("canceling statement due to lock timeout", "sedang dipakai petugas lain"),  # the server's words
    ("deadlock detected", "sedang dipakai petugas lain"),
    ("server closed the connection unexpectedly", "Sambungan ke server basis data terputus"),
])
def test_a_busy_database_is_busy_not_broken(error, says):
    """A colleague's lock on a plain read is not damage: the officer is told to wait, not to restore a backup."""
    from peewee import OperationalError

    from blanko_desktop.cli.main import _known_failure

    message = _known_failure(OperationalError(error))
    assert says in message
    if "cadangan" not in says:
        assert "cadangan" not in message
