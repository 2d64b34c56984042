"""`blanko check` finds damage and tampering (in the file and its document folder, or in the server database
and its `stored_file` table); `blanko backup` makes a copy that check accepts."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from .conftest import is_server, opened, raw_sql

LETTER = b"%PDF-1.4\n% Surat permohonan blanko sertifikat 045/LSP-TDN/XI/2026\n%%EOF\n"


def _store_document(db, data: bytes = LETTER) -> str:
    """A request with one stored document, as intake would leave it (set up in-process)."""
    from blanko_desktop.core.models import Document

    with opened(db) as services:
        storage = services.storage
        received = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
        req = services.create_request(received, sender="admin@lsp.id", letter_number="045/LSP-TDN/XI/2026")
        sha = storage.files.put(data)

        def op():  # as intake does it: the row and its audited event
            doc = Document.create(request=req.id, kind="letter", original_name="surat.pdf", sha256=sha,
                                  size=len(data), media_type="application/pdf", source="cli-test",
                                  received_at=received)
            services._audit("document.add", "request", req.id, None,
                            {"document": doc.id, "name": "surat.pdf", "kind": "letter", "sha256": sha})

        storage.write(op)
        services.transition(req.id, "waiting_lsp", "Daftar peserta belum dilampirkan.")
        services.transition(req.id, "received")
        return sha


def _documents(db: Path) -> Path:
    return db.with_name(f"{db.stem}-dokumen")


def test_check_is_ok_on_a_fresh_and_on_a_demo_database(cli, db, demo_db):
    data = cli("check", "--json", db=db).json()
    assert data["ok"] is True and data["problems"] == []
    assert data["checked"]["schema_version"] >= 1
    assert cli("check", db=db).out.startswith("OK: ")
    demo = cli("check", "--json", db=demo_db).json()
    assert demo["ok"] and demo["checked"]["audit_events"] > 40


# Damage done behind the application's back: to the document folder beside a file, to the `stored_file` table
# on a server.

def _corrupt_file(db, sha):
    if is_server(db):
        raw_sql(db, "UPDATE stored_file SET data = ? WHERE sha256 = ?", (LETTER.replace(b"045", b"046"), sha))
        return
    path = _documents(db) / sha[:2] / sha
    path.write_bytes(path.read_bytes().replace(b"045", b"046"))


def _delete_file(db, sha):
    if is_server(db):
        raw_sql(db, "DELETE FROM stored_file WHERE sha256 = ?", (sha,))
        return
    (_documents(db) / sha[:2] / sha).unlink()


ORPHAN = "ab" + "0" * 62


def _orphan_file(db, sha=None):
    if is_server(db):  # only something outside the app leaves a row no record refers to
        raw_sql(db, "INSERT INTO stored_file (sha256, size, data, stored_at) VALUES (?, 4, ?, ?)",
                (ORPHAN, b"sisa", "2020-01-01T00:00:00+00:00"))
        return
    stray = _documents(db) / "ab" / ORPHAN
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"sisa")
    os.utime(stray, (0, 0))  # an old orphan: a young one may be an intake about to commit


def _drop_trigger(db, name: str) -> None:
    raw_sql(db, f"DROP TRIGGER {name} ON audit_event" if is_server(db) else f"DROP TRIGGER {name}")


def _tamper_audit(db, sha):
    import psycopg

    error = psycopg.errors.RaiseException if is_server(db) else sqlite3.DatabaseError
    with pytest.raises(error, match="append-only"):  # the trigger stands guard...
        raw_sql(db, "UPDATE audit_event SET officer = 'Orang Lain' WHERE id = 1")
    # ...so an attacker drops it first
    _drop_trigger(db, "audit_event_no_update")
    raw_sql(db, "UPDATE audit_event SET officer = 'Orang Lain' WHERE id = 1")


def _delete_audit_row(db, sha):
    _drop_trigger(db, "audit_event_no_delete")
    raw_sql(db, "DELETE FROM audit_event WHERE id = (SELECT MIN(id) + 1 FROM audit_event)")


@pytest.mark.parametrize("damage, problem", [
    (_corrupt_file, "Isi berkas tidak cocok dengan hash-nya"),
    (_delete_file, "Berkas hilang dari penyimpanan"),
    (_orphan_file, "Berkas yatim"),
    (_tamper_audit, "Jejak audit diubah di entri 1"),
    (_delete_audit_row, "Jejak audit terputus"),
])
def test_check_fails_with_the_problem_listed(cli, db, damage, problem):
    damage(db, _store_document(db))  # check is OK before: test_backup_copies_database_and_documents...

    text = cli("check", db=db, expect=1)
    assert problem in text.out
    assert "pemeriksaan menemukan" in text.err
    data = cli("check", "--json", db=db, expect=1).json()
    assert data["ok"] is False
    assert any(problem in p for p in data["problems"])


@pytest.mark.sqlite_only  # the server's backup is transfer.copy (blanko copy, tests/cli/test_copy.py)
def test_backup_copies_database_and_documents_and_check_accepts_it(cli, db, tmp_path):
    sha = _store_document(db)
    assert cli("check", "--json", db=db).json()["ok"] is True
    out = tmp_path / "cadangan" / "blanko-2026-11-25.sqlite"
    data = cli("backup", "--out", out, "--json", db=db).json()
    manifest = out.with_name("blanko-2026-11-25.manifest.json")
    events = cli("check", "--json", db=db).json()["checked"]["audit_events"]
    assert data == {"database": str(out), "documents": str(_documents(out)), "files": 1,
                    "manifest": str(manifest), "audit_head": data["audit_head"]}
    # the manifest carries the copy's audit head (the same as the original's at that moment)
    assert data["audit_head"]["entry"] == events == json.loads(manifest.read_text())["entry"]
    assert (_documents(out) / sha[:2] / sha).read_bytes() == LETTER
    checked = cli("check", "--json", db=out).json()
    assert checked["ok"] is True and checked["checked"]["files"] == 1
    # the copy is a working database: same requests
    assert cli("list", "--json", db=out).json()["total"] == 1
    # never over an existing file, never over the database itself
    assert "sudah ada" in cli("backup", "--out", out, db=db, expect=1).err
    assert "menimpa" in cli("backup", "--out", db, db=db, expect=1).err


@pytest.mark.sqlite_only  # as above
def test_backup_refuses_when_a_document_is_missing(cli, db, tmp_path):
    _delete_file(db, _store_document(db))
    result = cli("backup", "--out", tmp_path / "b.sqlite", db=db, expect=1)
    assert "hilang dari penyimpanan" in result.err


@pytest.mark.sqlite_only
def test_check_and_backup_never_create_a_database(cli, tmp_path):
    missing = tmp_path / "tidak-ada.sqlite"
    assert "tidak ditemukan" in cli("check", db=missing, expect=1).err
    assert "tidak ditemukan" in cli("backup", "--out", tmp_path / "b.sqlite", db=missing, expect=1).err
    assert not missing.exists()


@pytest.mark.server_only
def test_check_never_makes_the_schema_of_an_empty_server_database(cli, new_db):
    """The server twin of the above: an empty database is told how to make it, and stays empty."""
    empty = new_db()
    assert f"masih kosong. Buat skemanya dengan: blanko init --db {empty}" in cli("check", db=empty, expect=1).err
    assert raw_sql(empty, "SELECT to_regclass('blanko_schema') IS NULL") == [(True,)]


def test_check_repair_quarantines_an_orphan(cli, db):
    _orphan_file(db)  # old: no intake is about to refer to it
    assert any("Berkas yatim" in p for p in cli("check", "--json", db=db, expect=1).json()["problems"])
    repaired = cli("check", "--repair", "--json", db=db).json()
    assert repaired["ok"] and len(repaired["repaired"]) == 1 and ORPHAN in repaired["repaired"][0]
