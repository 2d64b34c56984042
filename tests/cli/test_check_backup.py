"""`blanko check` finds damage and tampering; `blanko backup` makes a copy that check accepts."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

LETTER = b"%PDF-1.4\n% Surat permohonan blanko sertifikat 045/LSP-TDN/XI/2026\n%%EOF\n"


def _store_document(db: Path, data: bytes = LETTER) -> str:
    """A request with one stored document, as intake would leave it (set up in-process)."""
    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.models import Document
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.storage import Storage

    storage = Storage.open(db, create=False)
    try:
        services = Services(storage, Actor("tester", "Penguji"))
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
    finally:
        storage.close()


def _documents(db: Path) -> Path:
    return db.with_name(f"{db.stem}-dokumen")


def test_check_is_ok_on_a_fresh_and_on_a_demo_database(cli, db, demo_db):
    data = cli("check", "--json", db=db).json()
    assert data["ok"] is True and data["problems"] == []
    assert data["checked"]["schema_version"] >= 1
    assert cli("check", db=db).out.startswith("OK: ")
    demo = cli("check", "--json", db=demo_db).json()
    assert demo["ok"] and demo["checked"]["audit_events"] > 40


def _corrupt_file(db, sha):
    path = _documents(db) / sha[:2] / sha
    path.write_bytes(path.read_bytes().replace(b"045", b"046"))


def _delete_file(db, sha):
    (_documents(db) / sha[:2] / sha).unlink()


def _orphan_file(db, sha):
    stray = _documents(db) / "ab" / ("ab" + "0" * 62)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"sisa")
    os.utime(stray, (0, 0))  # an old orphan: a young one may be an intake about to commit


def _tamper_audit(db, sha):
    con = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):  # the trigger stands guard...
        con.execute("UPDATE audit_event SET officer = 'Orang Lain' WHERE id = 1")
    # ...so an attacker drops it first
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute("UPDATE audit_event SET officer = 'Orang Lain' WHERE id = 1")
    con.commit()
    con.close()


def _delete_audit_row(db, sha):
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_event_no_delete")
    con.execute("DELETE FROM audit_event WHERE id = (SELECT MIN(id) + 1 FROM audit_event)")
    con.commit()
    con.close()


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


def test_backup_refuses_when_a_document_is_missing(cli, db, tmp_path):
    _delete_file(db, _store_document(db))
    result = cli("backup", "--out", tmp_path / "b.sqlite", db=db, expect=1)
    assert "hilang dari penyimpanan" in result.err


def test_check_and_backup_never_create_a_database(cli, tmp_path):
    missing = tmp_path / "tidak-ada.sqlite"
    assert "tidak ditemukan" in cli("check", db=missing, expect=1).err
    assert "tidak ditemukan" in cli("backup", "--out", tmp_path / "b.sqlite", db=missing, expect=1).err
    assert not missing.exists()


def test_check_repair_quarantines_an_orphan(cli, tmp_path):
    from blanko_desktop.core.storage import DocumentStore, documents_dir

    db = tmp_path / "r.sqlite"
    cli("init", db=db)
    store = DocumentStore(documents_dir(db))
    os.utime(store.path_for(store.put(b"orphan")), (0, 0))  # old: no intake is about to refer to it
    cli("check", db=db, expect=1)
    repaired = cli("check", "--repair", "--json", db=db).json()
    assert repaired["ok"] and len(repaired["repaired"]) == 1
