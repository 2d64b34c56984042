"""`blanko copy` between file and server, and the officers' role on the server (`blanko server grant/status`):
a login role granted the officers' work does the procedure, while the server itself refuses it every change
to the audit log and the stock ledger, and a schema change."""

from __future__ import annotations

import json
import urllib.parse
import uuid

import psycopg
import pytest

from blanko_desktop.core.migrations import LATEST

from .builders import REGISTRY, TDN, lsp_request
from .conftest import DEMO_REQUESTS

# Each test names both sides itself: the file side is the file engine's fixtures (demo_db, db), the server side
# server_db; run once, not once per engine.
pytestmark = pytest.mark.sqlite_only


def check_ok(cli, target) -> dict:
    report = cli("check", "--json", db=target).json()
    assert report["ok"], report["problems"]
    return report


def test_the_demo_goes_to_the_server_and_back(cli_process, cli, demo_db, server_db, tmp_path):
    before = check_ok(cli, demo_db)
    there = cli_process("copy", "--from", demo_db, "--to", server_db, "--json").json()
    after = check_ok(cli, server_db)
    back_path = tmp_path / "kembali" / "blanko.sqlite"
    back = cli("copy", "--from", server_db, "--to", back_path, "--json").json()
    again = check_ok(cli, back_path)

    assert there["rows"]["request"] == DEMO_REQUESTS and there["rows"] == back["rows"]
    assert there["files"] == back["files"] == before["checked"]["files"] > 0
    assert there["audit_head"] == back["audit_head"]
    assert there["audit_head"]["entry"] == before["checked"]["audit_events"] > 0
    for report in (after, again):  # the same requests, documents, ledger and chain on all three
        for key in ("files", "audit_events", "replayed_requests", "replayed_documents", "replayed_movements"):
            assert report["checked"][key] == before["checked"][key], key
    listed = [cli("list", "--json", "--limit", 0, db=where).json()["requests"] for where in (demo_db, server_db,
                                                                                              back_path)]
    assert listed[0] == listed[1] == listed[2]
    ledger = [cli("stock", "ledger", "--json", "--limit", 1000, db=where).json() for where in (demo_db, back_path)]
    assert ledger[0] == ledger[1]


def test_text_output_and_progress(cli, demo_db, server_db, monkeypatch):
    from blanko_desktop.cli.commands import transfer as command

    monkeypatch.setattr(command, "PROGRESS_FROM_ROWS", 100)  # the demo's audit log and documents count as big
    done = cli("copy", "--from", demo_db, "--to", server_db)
    assert done.out.startswith(f"Disalin: {demo_db} → {server_db}")
    assert f"  {DEMO_REQUESTS} permohonan," in done.out and f"blanko check --db {server_db}" in done.out
    assert "Menyalin audit_event: " in done.err and "Menyalin dokumen: " in done.err
    assert "Menyalin request" not in done.err  # 40 rows: no progress to show


@pytest.mark.parametrize("case, message", [
    ("missing-source", "Berkas basis data sumber {missing} tidak ditemukan."),
    ("file-exists", "Berkas tujuan {demo_db} sudah ada; salinan hanya dibuat ke berkas baru."),
    ("server-not-empty", "Basis data tujuan {server_db} tidak kosong (lsp 13 baris, request 40 baris"),
])
def test_a_copy_that_would_mix_or_lose_is_refused(cli, demo_db, server_db, tmp_path, case, message):
    missing = tmp_path / "tidak-ada.sqlite"
    if case == "missing-source":
        args = ("--from", missing, "--to", tmp_path / "baru.sqlite")
    elif case == "file-exists":
        args = ("--from", server_db, "--to", demo_db)
        cli("copy", "--from", demo_db, "--to", server_db)
    else:
        args = ("--from", demo_db, "--to", server_db)
        cli("copy", "--from", demo_db, "--to", server_db)
    refused = cli("copy", *args, "--json", expect=1)
    expected = message.format(missing=missing, demo_db=demo_db, server_db=server_db)
    assert expected in refused.json()["error"]
    assert not (tmp_path / "baru.sqlite").exists()


# -- the officers' role --------------------------------------------------------------------------------

@pytest.fixture
def officer_role(pg_cluster, server_db):
    """A login role of the server (as its administrator makes one), and the address it connects with."""
    role = f"petugas_{uuid.uuid4().hex[:8]}"
    pg_cluster.admin(f"CREATE ROLE {role} LOGIN PASSWORD 'x'")
    parts = urllib.parse.urlsplit(server_db)
    yield role, urllib.parse.urlunsplit(parts._replace(netloc=f"{role}:x@{parts.hostname}:{parts.port}"))
    with psycopg.connect(server_db, autocommit=True) as conn:  # its grants go first, then the role
        conn.execute(f"DROP OWNED BY {role}")
    pg_cluster.admin(f"DROP ROLE {role}")


@pytest.fixture
def granted(cli, server_db, officer_role):
    role, address = officer_role
    for name, addresses, city in REGISTRY[:1]:  # the owner set the office up
        cli("lsp", "add", "--name", name, "--email", addresses[0], "--domain", addresses[1], "--address",
            "Jl. Contoh No. 1", "--city", city, "--phone", "021 555 0101", db=server_db)
    cli("signatory", "add", "--name", "Dra. Sri Wahyuni, M.Si.", "--nip", "197001011995032001", db=server_db)
    done = cli("server", "grant", role, "--json", db=server_db).json()
    assert done["role"] == role and role in done["officer_roles"]
    assert f'REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, stock_movement FROM "{role}"' in done["statements"]
    return role, address


def test_the_officers_role_does_the_procedure(cli, granted, server_db, tmp_path):
    role, address = granted
    sent = lsp_request(seed=11)
    intake = cli("intake", *sent.write(tmp_path / "masuk"), "--lsp", TDN, "--json", db=address).json()
    request = intake["request"]
    assert intake["created"] and intake["checklist"]["complete"]
    cli("verify", request, db=address)
    cli("approve", request, "--approver", "Sri Wahyuni", db=address)
    cli("stock", "receive", "--first", "KB 0000001", "--last", "KB 0000100", "--doc", "SJ-001/PERURI/2026",
        db=address)
    issued = cli("stock", "allocate", request, "--json", db=address).json()
    assert issued["quantity"] == sent.competent > 0
    assert cli("stock", "balance", "--json", db=address).json()["available"] == 100 - sent.competent
    check_ok(cli, server_db)  # what the role wrote is audited and signed like any officer's work
    status = cli("server", "status", "--json", db=address).json()
    assert (status["role"], status["schema_version"], status["owner"]) == (role, LATEST, "postgres")
    assert status["privileges"] == {"audit_event.insert": True, "audit_event.update": False,
                                    "audit_event.delete": False, "audit_event.truncate": False,
                                    "stock_movement.insert": True, "stock_movement.update": False,
                                    "stock_movement.delete": False, "stock_movement.truncate": False,
                                    "owner": False}


@pytest.mark.parametrize("sql, refusal", [
    ("UPDATE audit_event SET officer = 'orang lain'", "permission denied for table audit_event"),
    ("DELETE FROM audit_event", "permission denied for table audit_event"),
    ("DELETE FROM stock_movement", "permission denied for table stock_movement"),
    ("UPDATE stock_movement SET quantity = 0", "permission denied for table stock_movement"),
    ("TRUNCATE audit_event", "permission denied for table audit_event"),
    ("TRUNCATE stock_movement", "permission denied for table stock_movement"),
    ("DROP TRIGGER audit_event_no_update ON audit_event", "must be owner of"),
    ("ALTER TABLE stock_movement DISABLE TRIGGER stock_movement_no_delete", "must be owner of"),
    ("UPDATE blanko_schema SET version = 0", "permission denied for table blanko_schema"),
    ("DELETE FROM stored_file", "permission denied for table stored_file"),
    ("CREATE TABLE eigen (x INTEGER)", "permission denied for schema public"),
])
def test_the_server_refuses_the_role_what_the_procedure_forbids(granted, sql, refusal):
    _, address = granted
    with psycopg.connect(address) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege, match=refusal):
        conn.execute(sql)


def test_a_migration_the_role_cannot_make_names_the_owner(cli, granted, server_db):
    _, address = granted
    with psycopg.connect(server_db, autocommit=True) as conn:  # as if this app were newer than the schema
        conn.execute("UPDATE blanko_schema SET version = %s", (LATEST - 1,))
    refused = cli("server", "status", "--json", db=address, expect=1).json()
    assert refused["error"] == (
        f"Skema basis data {address.replace(':x@', '@')} perlu dibuat/diperbarui (kini {LATEST - 1}, aplikasi "
        f"{LATEST}) tetapi peran ini tidak berhak mengubahnya. Minta pemilik basis data (postgres) menjalankan: "
        f"blanko init --db {address.replace(':x@', '@')}")


@pytest.mark.parametrize("args, message", [
    (("server", "status"), "Perintah ini untuk server PostgreSQL: beri --db postgresql://"),
    (("server", "grant", "petugas"), "Perintah ini untuk server PostgreSQL: beri --db postgresql://"),
])
def test_the_server_commands_want_a_server(cli, db, args, message):
    assert message in cli(*args, "--json", db=db, expect=1).json()["error"]


def test_a_role_name_that_is_not_a_name_is_refused(cli, server_db):
    refused = cli("server", "grant", "petugas; DROP TABLE request", "--json", db=server_db, expect=1).json()
    assert refused["error"] == "Nama peran 'petugas; DROP TABLE request' tidak sah (huruf, angka, garis bawah)."


def test_the_server_backup_is_a_file_copy_with_its_manifest(cli, demo_db, server_db, tmp_path):
    cli("copy", "--from", demo_db, "--to", server_db)
    out = tmp_path / "cadangan" / "blanko-2026-11-29.sqlite"
    data = cli("backup", "--out", out, "--json", db=server_db).json()
    manifest = json.loads(out.with_name("blanko-2026-11-29.manifest.json").read_text(encoding="utf-8"))
    head = check_ok(cli, server_db)["checked"]["audit_events"]
    assert (data["database"], data["documents"]) == (str(out), str(out.with_name("blanko-2026-11-29-dokumen")))
    assert data["audit_head"]["entry"] == manifest["entry"] == head and manifest["files"] == data["files"] > 0
    assert manifest["hash"] == data["audit_head"]["hash"] and manifest["mac"]
    copied = check_ok(cli, out)
    assert copied["checked"]["audit_anchors"] >= 2  # this workstation's anchor and the backup's manifest
    assert "sudah ada" in cli("backup", "--out", out, db=server_db, expect=1).err


def test_without_documents_only_the_database_goes(cli, demo_db, tmp_path):
    out = tmp_path / "tanpa-dokumen.sqlite"
    data = cli("copy", "--from", demo_db, "--to", out, "--without-documents", "--json").json()
    assert (data["files"], data["documents"], data["rows"]["request"]) == (0, "", DEMO_REQUESTS)
    assert not (tmp_path / "tanpa-dokumen-dokumen").exists()
    assert "Berkas hilang dari penyimpanan" in " ".join(cli("check", "--json", db=out, expect=1).json()["problems"])


@pytest.mark.parametrize("args, message", [
    (("copy", "--from", "blanko.sqlite"), "the following arguments are required: --to"),
    (("copy", "--to", "salinan.sqlite"), "the following arguments are required: --from"),
    (("server",), "required: PERINTAH"),
    (("server", "grant"), "the following arguments are required: PERAN"),
])
def test_usage_errors_say_what_is_missing(cli, args, message):
    assert message in cli(*args, expect=2).err


def test_filling_a_server_database_is_the_owners_work(cli, officer_role, demo_db, server_db):
    role, address = officer_role
    cli("server", "grant", role, db=server_db)
    refused = cli("copy", "--from", demo_db, "--to", address, "--json", expect=1).json()["error"]
    assert refused.startswith(f"Peran ini tidak berhak mengisi basis data {address.replace(':x@', '@')} (")
    assert refused.endswith("Salinan ke server dijalankan oleh pemilik basis data (postgres).")
    with psycopg.connect(server_db) as conn:  # nothing went in
        assert conn.execute("SELECT COUNT(*) FROM request").fetchone()[0] == 0
