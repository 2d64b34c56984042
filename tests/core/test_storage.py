"""Storage: modes, document store, check, backup, refusal of files that are not ours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.storage import DocumentStore, Storage, documents_dir, is_network_path, sha256_bytes
from tests.core.tamper import behind_the_app, raw

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//fs01/blanko /mnt/share cifs rw 0 0
/dev/vdb /mnt/share/local ext4 rw 0 0
"""


@pytest.mark.parametrize("path, platform, shared", [
    (r"\\server\share\blanko.sqlite", "win32", True),
    ("//server/share/blanko.sqlite", "linux", True),
    ("/mnt/nfs/blanko.sqlite", "linux", True),
    ("/mnt/share/kantor/blanko.sqlite", "linux", True),
    ("/mnt/share/local/blanko.sqlite", "linux", False),  # longest mount point wins
    ("/home/petugas/blanko.sqlite", "linux", False),
])
def test_network_location_detected(path, platform, shared):
    assert is_network_path(Path(path), mounts_text=MOUNTS, platform=platform) is shared


@pytest.mark.sqlite_only
def test_local_file_uses_wal(storage):
    assert storage.shared is False
    assert storage.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert storage.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_shared_file_uses_rollback_journal(tmp_path):
    st = Storage.open(tmp_path / "shared.sqlite", shared=True)
    try:
        assert st.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert st.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        st.close()


@pytest.mark.parametrize("content, message", [
    (b"hello, this is a text file that is long enough", "bukan berkas basis data"),
    (b"PK\x03\x04" + b"\0" * 60, "bukan berkas basis data"),
])
def test_foreign_file_refused(tmp_path, content, message):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(StorageError, match=message):
        Storage.open(path)
    assert path.read_bytes() == content  # untouched


def test_missing_file_not_created_when_asked(tmp_path):
    with pytest.raises(StorageError, match="tidak ditemukan"):
        Storage.open(tmp_path / "nope.sqlite", create=False)
    assert not (tmp_path / "nope.sqlite").exists()


def test_document_store_is_content_addressed_and_atomic(tmp_path):
    store = DocumentStore(tmp_path / "docs")
    sha = store.put(b"%PDF-1.4 isi")
    assert store.put(b"%PDF-1.4 isi") == sha
    assert store.read(sha) == b"%PDF-1.4 isi"
    assert list(store.all_hashes()) == [sha]
    assert store.leftovers() == []
    assert store.path_for(sha).parent.parent == tmp_path / "docs"


def _store_document(services, data: bytes) -> str:
    from datetime import datetime, timezone

    from blanko_desktop.core.models import Document

    req = services.create_request(datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc))
    sha = services.storage.files.put(data)

    def op():  # as intake does it: the row and its audited event
        doc = Document.create(request=req, original_name="a.pdf", sha256=sha, size=len(data),
                              received_at=req.received_at)
        services._audit("document.add", "request", req.id, None,
                        {"document": doc.id, "name": "a.pdf", "kind": doc.kind, "sha256": sha})

    services.storage.write(op)
    return sha


@pytest.mark.sqlite_only  # the store's files beside the database; the server's twin follows
def test_check_finds_missing_corrupt_and_orphan_files(services, storage):
    assert storage.check().ok
    sha = _store_document(services, b"%PDF-1.4 satu")
    sha2 = _store_document(services, b"%PDF-1.4 dua")
    assert storage.check().ok
    storage.files.path_for(sha).write_bytes(b"%PDF-1.4 diubah")
    storage.files.path_for(sha2).unlink()
    orphan = storage.files.put(b"tidak dirujuk")
    os.utime(storage.files.path_for(orphan), (0, 0))  # old: a young file may be an intake's
    problems = "\n".join(storage.check().problems)
    assert f"tidak cocok dengan hash-nya (rusak/diubah): {sha}" in problems
    assert f"Berkas hilang dari penyimpanan: {sha2}" in problems
    assert f"Berkas yatim (tidak dirujuk basis data): {orphan}" in problems


def stray_document(storage, data: bytes) -> str:
    """A document row in the server's `stored_file` that no record refers to: put there behind the app (the
    app writes a document only in the transaction of the record that refers to it)."""
    sha = sha256_bytes(data)
    raw(storage, "INSERT INTO stored_file (sha256, size, data, stored_at) VALUES (?, ?, ?, "
                 "'2026-01-01T00:00:00.000000+00:00')", params=(sha, len(data), data), guards_off=False)
    return sha


@pytest.mark.server_only
def test_check_finds_missing_altered_and_orphan_documents_on_the_server(services, storage):
    assert storage.check().ok
    sha = _store_document(services, b"%PDF-1.4 satu")
    sha2 = _store_document(services, b"%PDF-1.4 dua")
    assert storage.check().ok and storage.check().checked["files"] == 2
    with behind_the_app(storage) as execute:
        execute("UPDATE stored_file SET data = ? WHERE sha256 = ?", (b"%PDF-1.4 diubah", sha))
        execute("DELETE FROM stored_file WHERE sha256 = ?", (sha2,))
    orphan = stray_document(storage, b"tidak dirujuk")
    problems = "\n".join(storage.check().problems)
    assert f"tidak cocok dengan hash-nya (rusak/diubah): {sha}" in problems
    assert f"Berkas hilang dari penyimpanan: {sha2}" in problems
    assert f"Berkas yatim (tidak dirujuk basis data): {orphan}" in problems


@pytest.mark.sqlite_only  # the server's backup (core/transfer.py) is being written: its test comes with it
def test_backup_is_consistent_copy_with_documents(services, storage, tmp_path):
    sha = _store_document(services, b"%PDF-1.4 cadangan")
    result = storage.backup(tmp_path / "backup" / "salinan.sqlite")
    assert result["files"] == 1
    copy = Storage.open(tmp_path / "backup" / "salinan.sqlite", create=False)
    try:
        assert copy.check().ok
        assert copy.files.read(sha) == b"%PDF-1.4 cadangan"
        assert documents_dir(copy.path).name == "salinan-dokumen"
    finally:
        copy.close()
    with pytest.raises(StorageError, match="sudah ada"):
        Storage.open(tmp_path / "db" / "blanko.sqlite").backup(tmp_path / "backup" / "salinan.sqlite")


def test_integrity_problem_reported(storage, tmp_path):
    with behind_the_app(storage) as execute:
        # foreign keys not enforced: off for the file's connection, the server's owner as a replica would
        execute("PRAGMA foreign_keys=OFF" if storage.is_file else "SET LOCAL session_replication_role = replica")
        execute("INSERT INTO lsp_address (lsp_id, value, is_domain) VALUES (999, 'x@y.id', 0)")
    assert "Kunci asing rusak: lsp_address baris 1 menunjuk lsp yang tidak ada" in storage.check().problems


def test_damaged_database_refused_and_models_stay_on_the_open_one(storage, tmp_path):
    from blanko_desktop.core.models import Lsp

    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StorageError, match="tidak dapat dibuka"):
        Storage.open(broken)
    assert Lsp.select().count() == 0  # still answered by the database that is open


def test_document_store_failure_is_a_clear_error(tmp_path):
    blocker = tmp_path / "docs"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="tidak dapat disimpan"):
        DocumentStore(blocker).put(b"%PDF-1.4")


@pytest.mark.sqlite_only  # the quarantine folder and interrupted writes; the server's twin follows
def test_repair_moves_orphans_aside_without_losing_them(storage):
    orphan = storage.files.put(b"dokumen yang catatannya tidak jadi tersimpan")
    os.utime(storage.files.path_for(orphan), (0, 0))
    (storage.files.path_for(orphan).parent / ".incoming-x").write_bytes(b"separuh")
    os.utime(storage.files.path_for(orphan).parent / ".incoming-x", (0, 0))
    assert not storage.check().ok
    done = storage.repair()
    assert len(done) == 2 and storage.check().ok
    assert (storage.files.root / "yatim" / orphan).read_bytes().startswith(b"dokumen")


@pytest.mark.server_only
def test_repair_sets_orphans_aside_on_the_server_without_losing_them(storage):
    orphan = stray_document(storage, b"dokumen yang catatannya tidak jadi tersimpan")
    assert not storage.check().ok
    assert storage.repair() == [f"Berkas yatim {orphan} disisihkan (karantina di server)"]
    report = storage.check()
    assert report.ok and report.checked["quarantined"] == 1
    assert not storage.files.has(orphan) and storage.files.quarantined() == [orphan]
    assert storage.files.read(orphan).startswith(b"dokumen")  # set aside in the database, not deleted
    assert storage.repair() == []


@pytest.mark.server_only
def test_foreign_keys_switched_off_on_the_server_are_reported(storage):
    with behind_the_app(storage, guards_off=False) as execute:
        execute("ALTER TABLE lsp_address DISABLE TRIGGER ALL")
        execute("INSERT INTO lsp_address (lsp_id, value, is_domain) VALUES (999, 'x@y.id', 0)")
    problems = storage.check().problems
    assert ("Penjaga kunci asing tabel lsp_address dimatikan (DISABLE TRIGGER ALL): barisnya bisa menunjuk data "
            "yang tidak ada") in problems
    assert "Kunci asing rusak: lsp_address baris 1 menunjuk lsp yang tidak ada" in problems
