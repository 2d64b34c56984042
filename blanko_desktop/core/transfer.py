"""A whole database copied into a new one, file ⇄ server: every row with its id, documents, the audit chain verbatim.

The copy IS the same database, not a re-enactment of its history: the audit log is copied entry by entry
(ids, hashes, the workstations' MACs) together with the `database_identity` row, so the chain, its
signatures and every anchor or manifest kept of the source still verify on the copy. Nothing is re-audited.

- **Source consistent.** Read in one transaction of its own connection: a REPEATABLE READ, READ ONLY
  transaction on the server, one read transaction on the file (a shared file's pages copied aside first, as
  its readers would hold its writers off); officers keep working meanwhile and none of their commits reaches
  the copy halfway.
- **Streamed.** Rows go across in batches (a cursor on the file, a server-side cursor on the server) and
  documents one at a time: a large database is never held in memory.
- **No half target.** A file is written under a temporary name (its documents in a temporary folder) and
  renamed when complete; a server database is filled in one transaction. The target must be new: a file
  that does not exist, or a server database holding no rows (migrated by opening it).
- **Engine details.** Tables in foreign-key order; the server's id sequences set past the copied ids;
  SQLite's search index (FTS) fills by its own triggers as the requests go in.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from peewee import AutoField, DatabaseError, sort_models

from blanko_desktop.core import integrity as evidence
from blanko_desktop.core import models
from blanko_desktop.core.errors import StorageError
from blanko_desktop.core.storage import (
    BUSY_TIMEOUT_MS,
    REFERENCED_FILES_SQL,
    DocumentStore,
    Storage,
    _file_journal_mode,
    _fsync_dir,
    _read_only_uri,
    documents_dir,
    is_server_address,
    open_storage,
    sha256_bytes,
)

BATCH = 1000  # rows per batch: ~1 MB of the widest table (audit_event), few enough round trips
IDENTITY = models.DatabaseIdentity._meta.table_name
# tables in the order their foreign keys allow (a row's parents go first); the identity row goes apart
TABLES: tuple[type[models.BaseModel], ...] = tuple(
    m for m in sort_models(models.ALL_MODELS) if m._meta.table_name != IDENTITY)

Progress = Callable[[str, int, int], None]  # (table or "dokumen", done so far, total)


@dataclass
class CopyResult:
    """What was copied where: rows per table, documents, and the audit chain's head (the same on both sides)."""

    source: str
    database: str
    documents: str
    files: int
    rows: dict[str, int] = field(default_factory=dict)
    audit_head: evidence.Head | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "database": self.database, "documents": self.documents,
                "files": self.files, "rows": dict(self.rows), "total_rows": sum(self.rows.values()),
                "audit_head": self.audit_head.as_dict() if self.audit_head else None,
                "seconds": round(self.seconds, 2)}


# -- reading the source in one transaction ----------------------------------------------------------------

class _Reader:
    """One consistent view of the source, through a connection of its own (the source's own connection
    stays free for its window or command)."""

    def __init__(self, source: Storage):
        self.source = source
        self.server = not source.is_file
        if self.server:
            import psycopg

            params = {k: v for k, v in source.db.connect_params.items() if k in ("password", "connect_timeout")}
            self.conn = psycopg.connect(source.location, autocommit=False, application_name="blanko-copy",
                                        **params)
            self.conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            self.conn.read_only = True
        else:
            # a file opened read-only in WAL mode with no -wal beside it is read as it stands (as Storage.open)
            immutable = (source.read_only and _file_journal_mode(source.path) == "wal"
                         and not Path(f"{source.path}-wal").exists())
            uri = _read_only_uri(source.path, immutable=immutable)
            self.snapshot: Path | None = None
            if getattr(source, "shared", False) and not immutable:
                uri = self._snapshot(uri)
            # isolation_level=None: the module starts no transaction of its own; ours is the BEGIN below
            self.conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.conn.execute("BEGIN")
        # the snapshot starts with the first read (both engines): take it now, before anything is counted
        self.one("SELECT COUNT(*) FROM audit_event")

    def _snapshot(self, uri: str) -> str:
        """A shared file (rollback journal) cannot be read while colleagues commit: its readers hold off
        every writer. Its pages are copied at once to a private file (SQLite's backup API, under one read
        lock held for the page copy only) and the copy reads that, leaving the file free."""
        fd, name = tempfile.mkstemp(prefix="blanko-salin-", suffix=".sqlite")
        os.close(fd)
        self.snapshot = Path(name)
        try:
            source = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            target = sqlite3.connect(name)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        except BaseException:
            self.snapshot.unlink(missing_ok=True)
            raise
        return _read_only_uri(self.snapshot)

    def close(self) -> None:
        try:
            self.conn.rollback()  # nothing was written: this only ends the snapshot
        finally:
            self.conn.close()
            if not self.server and self.snapshot is not None:
                self.snapshot.unlink(missing_ok=True)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.server else sql

    def all(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self.conn.execute(self._sql(sql), params).fetchall()

    def one(self, sql: str, params: tuple = ()) -> tuple | None:
        return self.conn.execute(self._sql(sql), params).fetchone()

    def columns(self, table: str) -> list[str]:
        return _columns(self.all, table, self.server)

    def batches(self, sql: str) -> Iterator[list[tuple]]:
        if self.server:
            # a server-side cursor: the server keeps the result, we fetch it a batch at a time
            cursor = self.conn.cursor(name=f"blanko_copy_{uuid.uuid4().hex[:8]}")
        else:
            cursor = self.conn.cursor()  # SQLite steps through the result as it is fetched
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(BATCH):
                yield rows
        finally:
            cursor.close()

    def document(self, sha: str) -> tuple[bytes, str]:
        """A document's bytes and when it was stored (the server's; now for a file store)."""
        if self.server:
            row = self.one("SELECT data, stored_at FROM stored_file WHERE sha256 = ?", (sha,))
            if row is None:
                raise StorageError(f"Berkas {sha} hilang dari penyimpanan {self.source.location}; salinan "
                                   "dibatalkan. Jalankan 'blanko check' di sumbernya.")
            data, stored_at = bytes(row[0]), row[1]
        else:
            try:
                data = self.source.files.read(sha)
            except FileNotFoundError:
                raise StorageError(f"Berkas {sha} hilang dari penyimpanan {self.source.files.root}; salinan "
                                   "dibatalkan. Jalankan 'blanko check' di sumbernya.") from None
            stored_at = _now()
        if sha256_bytes(data) != sha:
            raise StorageError(f"Isi berkas {sha} di {self.source.location} tidak cocok dengan hash-nya (rusak/"
                               "diubah); salinan dibatalkan. Jalankan 'blanko check' di sumbernya.")
        return data, stored_at


def _columns(query: Callable[..., list[tuple]], table: str, server: bool) -> list[str]:
    if server:
        return [r[0] for r in query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", (table,))]
    return [r[1] for r in query(f'PRAGMA table_info("{table}")')]


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _order(model: type[models.BaseModel]) -> str:
    return _quote(model._meta.primary_key.column_name)


# -- the copy ---------------------------------------------------------------------------------------------

def copy(source: Storage, target: Path | str, with_documents: bool = True,
         progress: Progress | None = None) -> CopyResult:
    """Copy the whole database open in `source` into `target`: a file path that does not exist yet, or the
    address of an empty server database. `with_documents=False` copies the database alone."""
    started = time.perf_counter()
    server_target = is_server_address(target)
    if _same(source, target):
        raise StorageError(f"Sumber dan tujuan salinan sama ({source.location}); pilih tujuan lain.")
    if not server_target:
        target = Path(target).expanduser()
        if target.exists():
            raise StorageError(f"Berkas tujuan {target} sudah ada; salinan hanya dibuat ke berkas baru. "
                               "Pilih nama lain.")
        if with_documents and documents_dir(target).exists():
            raise StorageError(f"Folder dokumen {documents_dir(target)} sudah ada; salinan hanya dibuat ke "
                               "tempat baru. Pilih nama lain.")

    reader = _Reader(source)
    try:
        if server_target:
            result = _copy_to_server(reader, str(target), with_documents, progress)
        else:
            result = _copy_to_file(reader, Path(target), with_documents, progress)
    finally:
        reader.close()
    result.seconds = time.perf_counter() - started
    return result


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _same(source: Storage, target: Path | str) -> bool:
    if is_server_address(target):
        from blanko_desktop.core.server import split_address

        return not source.is_file and split_address(str(target))[0] == source.location
    return source.is_file and Path(target).expanduser().resolve() == Path(source.path).resolve()


def _open_target(target: Path | str) -> Storage:
    """The target opened (and migrated) without taking the models along: they stay with whatever database
    the app has open, which may go on working while the copy runs. The copy itself writes plain SQL."""
    current = models.database.obj
    try:
        opened = open_storage(target, create=True)
    finally:
        models.database.initialize(current)
    opened.on_busy = None
    return opened


def _copy_to_server(reader: _Reader, address: str, with_documents: bool, progress: Progress | None) -> CopyResult:
    target = _open_target(address)
    try:
        if target.read_only:
            raise StorageError(f"Basis data tujuan {target.location} hanya dapat dibaca (server cadangan).")
        try:
            with target.db.atomic():  # one transaction: a failure anywhere leaves the database as empty as it was
                _refuse_non_empty(target)
                result = _fill(reader, target, progress)
                result.files = _copy_documents_to_server(reader, target, progress) if with_documents else 0
                result.documents = "di dalam basis data server" if with_documents else ""
                _set_sequences(target)
                _confirm_head(target, result)
        except DatabaseError as exc:
            if "permission denied" not in str(exc).lower():
                raise
            # an officers' role may not set the identity or the id sequences: filling a database is the owner's
            owner = target._owner()
            raise StorageError(f"Peran ini tidak berhak mengisi basis data {target.location} ({_first_line(exc)}). "
                               f"Salinan ke server dijalankan oleh pemilik basis data{f' ({owner})' if owner else ''}."
                               ) from exc
        evidence.note_commit(target)  # this workstation remembers the copy's head too
        return result
    finally:
        target.close()


def _copy_to_file(reader: _Reader, path: Path, with_documents: bool, progress: Progress | None) -> CopyResult:
    token = uuid.uuid4().hex[:8]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Folder {path.parent} tidak dapat dibuat: {exc.strerror or exc}.") from exc
    tmp = path.with_name(f".{path.name}.{token}.partial")
    tmp_docs = path.with_name(f".{documents_dir(path).name}.{token}.partial")
    target = None
    done = False
    try:
        target = _open_target(tmp)
        with target.db.atomic():
            target.db.execute_sql("PRAGMA defer_foreign_keys = ON")  # checked once, at commit
            result = _fill(reader, target, progress)
            _confirm_head(target, result)
        # everything into the file itself before it is renamed: its -wal would not follow the new name
        if target.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal":
            busy = target.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:
                raise StorageError(f"Salinan {path} tidak dapat diselesaikan (berkas sementaranya sedang "
                                   "dipakai); coba lagi.")
        files = _copy_documents_to_folder(reader, tmp_docs, progress) if with_documents else 0
        evidence.note_commit(SimpleNamespace(db=target.db, location=str(path)))
        target.close()
        target = None
        # the documents first, the database last: the database file appearing is the copy being complete
        if with_documents:
            if tmp_docs.exists():
                os.rename(tmp_docs, documents_dir(path))
            else:
                documents_dir(path).mkdir()
        try:
            os.link(tmp, path)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            raise StorageError(f"Berkas tujuan {path} muncul selama penyalinan; salinan dibatalkan.") from None
        except OSError:
            os.rename(tmp, path)  # a filesystem without hard links
        _fsync_dir(path.parent)
        done = True
        result.database = str(path)
        result.documents = str(documents_dir(path)) if with_documents else ""
        result.files = files
        return result
    finally:
        if target is not None:
            target.close()
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        if tmp_docs.exists():
            _remove_tree(tmp_docs)
        if not done and with_documents and documents_dir(path).exists() and not path.exists():
            _remove_tree(documents_dir(path))  # moved in place, but the database did not follow


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _refuse_non_empty(target: Storage) -> None:
    """The target holds nothing of its own: a copy never mixes two databases."""
    held = []
    for model in TABLES:
        table = model._meta.table_name
        if target.db.execute_sql(f"SELECT 1 FROM {_quote(table)} LIMIT 1").fetchone():
            count = target.db.execute_sql(f"SELECT COUNT(*) FROM {_quote(table)}").fetchone()[0]
            held.append(f"{table} {count} baris")
    if not target.is_file and target.db.execute_sql("SELECT 1 FROM stored_file LIMIT 1").fetchone():
        held.append("stored_file (dokumen)")
    if held:
        raise StorageError(f"Basis data tujuan {target.location} tidak kosong ({', '.join(held[:6])}); salinan "
                           "hanya dibuat ke basis data baru yang kosong, agar dua basis data tidak tercampur.")


def _fill(reader: _Reader, target: Storage, progress: Progress | None) -> CopyResult:
    """Every table's rows, in foreign-key order, ids kept; the source's identity replaces the target's own."""
    server = not target.is_file

    def query(sql: str, params: tuple = ()) -> list[tuple]:
        return target.db.execute_sql(sql, params).fetchall()

    rows: dict[str, int] = {}
    totals = {m._meta.table_name: reader.one(f"SELECT COUNT(*) FROM {_quote(m._meta.table_name)}")[0]
              for m in TABLES}
    for model in (*TABLES, models.DatabaseIdentity):
        table = model._meta.table_name
        columns = reader.columns(table)
        theirs = _columns(query, table, server)
        if sorted(columns) != sorted(theirs):
            differ = ", ".join(sorted(set(columns) ^ set(theirs)))
            raise StorageError(f"Tabel {table} berbeda antara sumber dan tujuan (kolom {differ}); buka keduanya "
                               "dengan versi aplikasi yang sama.")
        names = ", ".join(_quote(c) for c in columns)
        insert = f"INSERT INTO {_quote(table)} ({names}) VALUES ({', '.join('?' for _ in columns)})"
        if model is models.DatabaseIdentity:
            target.db.execute_sql(f"DELETE FROM {_quote(table)}")  # the copy is the source's database, not a new one
        done = 0
        total = totals.get(table, 0)
        for batch in reader.batches(f"SELECT {names} FROM {_quote(table)} ORDER BY {_order(model)}"):
            target.db.executemany(insert, batch)
            done += len(batch)
            if progress and model is not models.DatabaseIdentity:
                progress(table, done, total)
        rows[table] = done
    head = evidence._head(lambda sql, params=(): reader.conn.execute(reader._sql(sql), params))
    return CopyResult(source=reader.source.location, database=target.location, documents="", files=0,
                      rows=rows, audit_head=head)


def _referenced(reader: _Reader) -> list[str]:
    return sorted(r[0] for r in reader.all(REFERENCED_FILES_SQL) if r[0])


def _copy_documents_to_server(reader: _Reader, target: Storage, progress: Progress | None) -> int:
    hashes = _referenced(reader)
    for n, sha in enumerate(hashes, 1):
        data, stored_at = reader.document(sha)
        target.db.execute_sql("INSERT INTO stored_file (sha256, size, data, stored_at) VALUES (?, ?, ?, ?)",
                              (sha, len(data), data, stored_at))
        if progress:
            progress("dokumen", n, len(hashes))
    return len(hashes)


def _copy_documents_to_folder(reader: _Reader, root: Path, progress: Progress | None) -> int:
    """Into a folder nobody sees until it is renamed into place: each file written plainly, all of them made
    durable in one pass before the rename (a temporary name and an fsync per file, as DocumentStore.put does
    for a folder in use, took 8.5 instead of 5.6 s for 1,000 documents on a loaded machine)."""
    hashes = _referenced(reader)
    written: list[Path] = []
    store = DocumentStore(root)
    for n, sha in enumerate(hashes, 1):
        data, _ = reader.document(sha)
        path = store.path_for(sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
        if progress:
            progress("dokumen", n, len(hashes))
    for path in written:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows syncs only what it may write
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    for folder in sorted({p.parent for p in written}) + [root]:
        if folder.exists():
            _fsync_dir(folder)
    return len(hashes)


def _set_sequences(target: Storage) -> None:
    """The server's id sequences continue after the copied ids (the next request is not #1 again)."""
    for model in TABLES:
        if isinstance(model._meta.primary_key, AutoField):
            table = _quote(model._meta.table_name)
            target.db.execute_sql(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, "
                "false)", (table,))


def _confirm_head(target: Storage, result: CopyResult) -> None:
    """The copy's chain ends where the source's did (same entry, same hash, same database identity)."""
    copied = evidence.head(target)
    if result.audit_head is not None and copied != result.audit_head:
        raise StorageError(f"Jejak audit salinan ({copied.entry}, {copied.hash[:12]}…) tidak sama dengan "
                           f"sumbernya ({result.audit_head.entry}, {result.audit_head.hash[:12]}…); salinan "
                           "dibatalkan.")
