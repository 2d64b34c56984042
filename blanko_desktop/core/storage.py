"""The database file and the document store beside it: opening, modes, migrations, retries, check, backup.

Everything SQLite-specific lives here, so that a database server could later stand behind the same
models (peewee's playhouse.db_url).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, TypeVar

from peewee import DatabaseError, OperationalError, SqliteDatabase

from blanko_desktop.core import integrity as evidence
from blanko_desktop.core import migrations, models, replay
from blanko_desktop.core.errors import BusyError, DatabaseTooNewError, StorageError

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

T = TypeVar("T")

# Filesystem types (Linux /proc/mounts) on which WAL is unsafe: its shared memory does not cross hosts.
NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "ceph",
    "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "ncpfs", "lustre", "fuse.rclone",
}
SQLITE_HEADER = b"SQLite format 3\x00"
# every stored file some record refers to (check, repair and backup agree on it)
REFERENCED_FILES_SQL = ("SELECT sha256 FROM document UNION SELECT sha256 FROM printed_form "
                        "UNION SELECT manifest_sha256 FROM courier_pickup WHERE manifest_sha256 != ''")
QUARANTINE = "yatim"  # orphan files are moved here by `blanko check --repair`
APPEND_ONLY_TRIGGERS = frozenset(f"{t}_no_{op}" for t in ("audit_event", "stock_movement")
                                 for op in ("update", "delete"))
BUSY_TIMEOUT_MS = 5000
BUSY_RETRIES = 6
# An unreferenced file younger than this may belong to an intake whose transaction has not committed yet
# (the longest transaction, with its busy retries, takes well under a minute).
ORPHAN_GRACE_SECONDS = 10 * 60
OPEN_RETRIES = 8  # each waits the busy timeout first: a mode switch or migration elsewhere takes that long
_DRIVE_REMOTE = 4


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes  # Windows only: GetDriveTypeW tells a mapped network drive

    drive = PureWindowsPath(str(path)).drive
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE


def filesystem_type(path: Path, mounts_text: str | None = None) -> str:
    """The Linux filesystem type holding `path` (longest mount-point prefix in /proc/mounts)."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return ""
    target = os.path.realpath(path)
    best, best_type = "", ""
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount = parts[1].replace("\\040", " ")
        if (target == mount or target.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best):
            best, best_type = mount, parts[2]
    return best_type


def is_network_path(path: Path, mounts_text: str | None = None, platform: str = sys.platform) -> bool:
    """True for a UNC path, a mapped network drive, or a network filesystem mount."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if platform == "win32":
        return _windows_drive_is_remote(path)
    return filesystem_type(path, mounts_text) in NETWORK_FS


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _make_folders(folder: Path) -> list[Path]:
    """Make `folder` and its missing parents; the ones made (outermost first): their parents' fsync makes
    them durable, or a crash could lose a folder whose file a committed row refers to."""
    if folder.is_dir():
        return []
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    return missing[::-1]


def _write_durably(target: Path, data: bytes) -> None:
    """`data` under `target`, durable: a temporary file beside it, fsync, rename, fsync of the folder (and of
    the parents of folders made for it). A name never holds partial content; a failure leaves no temporary."""
    new_folders = _make_folders(target.parent)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    for folder in new_folders:
        _fsync_dir(folder.parent)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- documents ---------------------------------------------------------------------------------------------
#
# A document stored inside a write transaction (Storage.write) does not make the writer wait for the disk:
# put keeps the file in its transaction's batch and returns. Just before the transaction commits, a small pool
# of threads writes the batch's files side by side (temporary file, fsync, rename, the folder's fsync: system
# calls that release the GIL, and fsyncs of one disk share its journal's commits) while the writer waits: a
# file is durable under its final name before any row that refers to it is. Until then this process reads it
# from memory. The pool only runs while the writer waits: threads writing while the writer computes took the
# GIL from it at every system call (the 60-request demo: ~0.3 s more CPU than writing them one by one).

FLUSH_WORKERS = 4  # fsyncs of one disk overlap in its journal; more threads only contend for the GIL
# Files a transaction keeps in memory before it hands them to the pool early (a transaction storing thousands
# of documents does not hold them all).
FLUSH_IN_FLIGHT = 128
FLUSH_BYTES = 64 << 20  # ... or once they hold this many bytes (a copy of large scans)


class _Flushes:
    """The pool, and the files being made durable in this process, by their final path (every store of the
    process: two opened on the same folder see each other's files)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: dict[str, _PendingFile] = {}
        self._pool: ThreadPoolExecutor | None = None

    def pool(self) -> ThreadPoolExecutor:
        with self.lock:
            if self._pool is None:
                # imported on the first transaction that stores a file, not at the app's start
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(max_workers=FLUSH_WORKERS, thread_name_prefix="blanko-fsync")
            return self._pool

    def get(self, target: Path) -> _PendingFile | None:
        with self.lock:
            return self.pending.get(str(target))


_flushes = _Flushes()


def _after_fork_in_child() -> None:
    # The pool's threads do not exist in a forked child; the parent's files are the parent's to finish.
    global _flushes
    _flushes = _Flushes()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class _PendingFile:
    """One document on its way into the store, readable from memory until it is durable under its name."""

    __slots__ = ("data", "done", "error", "sha", "submitted", "target")

    def __init__(self, sha: str, data: bytes | None, target: Path):
        self.sha, self.data, self.target = sha, data, target
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.submitted = False

    def submit(self) -> None:
        """To the pool, once (its transaction commits, or someone needs the file on the disk now)."""
        with _flushes.lock:
            if self.submitted:
                return
            self.submitted = True
        try:
            _flushes.pool().submit(self.finish)
        except RuntimeError:  # the interpreter is shutting down: no new threads, store it here
            self.finish()

    def finish(self) -> None:
        """Temporary file, fsync, rename, folder fsync. Never a rename before the fsync: a name holds complete
        content only (`put` keeps a file of the same size that is there). Failure: the temporary file is
        removed and the error kept for whoever waits."""
        try:
            _write_durably(self.target, self.data)
        except BaseException as exc:
            self.error = exc
        finally:
            # Gone from the registry only once durable (or failed): a name found without an entry is complete.
            flushes = _flushes
            with flushes.lock:
                if flushes.pending.get(str(self.target)) is self:
                    del flushes.pending[str(self.target)]
            if self.error is None:
                self.data = None  # on the disk now: a long transaction's batch does not keep every file's bytes
            self.done.set()

    def wait(self) -> BaseException | None:
        self.submit()
        self.done.wait()
        return self.error


class _Batch:
    """The documents a write transaction of one thread stored or relies on: waited for before it commits."""

    __slots__ = ("files", "kept", "kept_bytes")

    def __init__(self) -> None:
        self.files: dict[int, _PendingFile] = {}
        self.kept = self.kept_bytes = 0  # files (and their bytes) joined since the last hand-over to the pool

    def join(self, pending: _PendingFile) -> None:
        if id(pending) not in self.files:
            self.files[id(pending)] = pending
            self.kept += 1
            self.kept_bytes += len(pending.data or b"")

    def settle(self) -> list[_PendingFile]:
        """Write every file (side by side) and wait for them; the ones that failed."""
        for pending in self.files.values():
            pending.submit()
        return [p for p in self.files.values() if p.wait() is not None]

    def hand_over_early(self) -> None:
        """A long transaction: the files kept so far go to the pool now rather than all staying in memory."""
        if self.kept >= FLUSH_IN_FLIGHT or self.kept_bytes >= FLUSH_BYTES:
            self.kept = self.kept_bytes = 0
            for pending in self.files.values():
                pending.submit()


class _Transaction:
    """`with store.transaction():` around a write transaction's work, inside it (see DocumentStore)."""

    __slots__ = ("batch", "store")

    def __init__(self, store: DocumentStore):
        self.store = store
        self.batch: _Batch | None = None

    def __enter__(self) -> None:
        local = self.store._local
        if getattr(local, "batch", None) is None:  # a nested write (savepoint) joins the outermost batch
            self.batch = local.batch = _Batch()

    def __exit__(self, kind, exc, tb) -> None:
        if self.batch is None:
            return
        self.store._local.batch = None
        failed = self.batch.settle()  # rolled back too: its files renamed (young orphans) or removed
        if kind is None and failed:
            first = failed[0]
            error = first.error
            reason = (error.strerror if isinstance(error, OSError) else None) or error
            more = f" (dan {len(failed) - 1} berkas lain)" if len(failed) > 1 else ""
            raise StorageError(f"Berkas {first.sha} tidak dapat disimpan di {self.store.root}{more}: {reason}; "
                               "perubahan tidak disimpan.") from error


class DocumentStore:
    """Files kept by their SHA-256, written atomically (temporary file, fsync, rename).

    Inside `transaction()` (every write transaction of the file engine, on its thread) a put keeps the file
    in the batch and returns; the pool writes the batch side by side before it commits. Outside one, a put is
    durable when it returns. Either way this process sees a file being stored: `has`, `read` (from memory),
    `path_for` (waits for it)."""

    def __init__(self, root: Path):
        self.root = root
        self._local = threading.local()

    def transaction(self) -> _Transaction:
        """Around a write transaction's work, inside it: this thread's puts are flushed together, before the
        commit; a failure to store one raises StorageError there, and the transaction rolls back."""
        return _Transaction(self)

    def in_transaction(self) -> bool:
        """True while this thread's puts are flushed at its transaction's commit (they cost no waiting)."""
        return getattr(self._local, "batch", None) is not None

    def _target(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def path_for(self, sha256: str) -> Path:
        """The file's path, to open: a file still being stored is waited for first."""
        target = self._target(sha256)
        pending = _flushes.get(target)
        if pending is not None:
            pending.wait()
        return target

    def has(self, sha256: str) -> bool:
        target = self._target(sha256)
        return _flushes.get(target) is not None or target.is_file()

    def _rely_on_pending(self, target: Path) -> bool:
        """A file being stored (by this transaction, another thread, or a store on the same folder): inside a
        transaction it joins this thread's batch (waited for before the commit); outside, it is waited for.
        False when there is none, or it failed."""
        pending = _flushes.get(target)
        if pending is None:
            return False
        batch = getattr(self._local, "batch", None)
        if batch is not None:
            batch.join(pending)
            return True
        return pending.wait() is None

    def ensure(self, data: bytes, sha256: str) -> None:
        """Inside the write transaction that refers to `sha256`: store `data` again if it is gone.

        Documents are stored before their transaction starts; a repair on another workstation decides under
        the write lock and may move a file older than its grace period (an intake paused that long, say a
        laptop suspended between storing and saving). Checked under the same lock, the file is there when
        the rows that refer to it commit — exact, whatever the clocks say."""
        target = self._target(sha256)
        if not self._rely_on_pending(target) and not target.is_file():
            self.put(data)

    def put(self, data: bytes) -> str:
        """Store `data` (once) and return its SHA-256: durable on return outside a write transaction; inside
        one, kept in its batch and durable before that transaction commits."""
        sha = sha256_bytes(data)
        target = self._target(sha)
        if self._rely_on_pending(target):
            return sha
        if target.is_file() and target.stat().st_size == len(data):
            try:
                # A file kept from before (perhaps an orphan) is about to be referenced: make it young
                # again, or a repair running meanwhile would take it for an old orphan.
                os.utime(target)
                return sha
            except OSError:
                pass  # not ours to touch: write it anew below, which makes it young as well
        pending = _PendingFile(sha, data, target)
        batch = getattr(self._local, "batch", None)
        if batch is None:
            pending.submitted = True  # written here, now
            with _flushes.lock:
                _flushes.pending[str(target)] = pending
            pending.finish()  # outside a transaction: durable on return, as intake expects
            if pending.error is not None:
                self._raise(pending.error)
            return sha
        # Inside one: kept in the batch (this thread reads it from memory meanwhile); the pool writes it
        # when the transaction commits, beside the batch's other files.
        with _flushes.lock:
            _flushes.pending[str(target)] = pending
        batch.join(pending)
        batch.hand_over_early()
        return sha

    def _raise(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            raise StorageError(f"Berkas tidak dapat disimpan di {self.root}: {exc.strerror or exc}.") from exc
        raise exc

    def read(self, sha256: str) -> bytes:
        target = self._target(sha256)
        pending = _flushes.get(target)
        data = pending.data if pending is not None else None
        return data if data is not None else target.read_bytes()  # None: it reached the disk meanwhile

    def all_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for f in sub.iterdir():
                    if f.is_file() and not f.name.startswith("."):
                        yield f.name

    def now(self) -> float:
        """The store's own clock (a shared folder's server may differ from this workstation's): the
        modification time of a file written now, or the local clock when the folder cannot be written."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.root, prefix=".clock-")
        except OSError:
            return time.time()
        try:
            return os.fstat(fd).st_mtime
        finally:
            os.close(fd)
            Path(name).unlink(missing_ok=True)

    def age(self, sha256: str, now: float) -> float:
        return now - self._target(sha256).stat().st_mtime

    def quarantined(self) -> list[Path]:
        folder = self.root / QUARANTINE
        return sorted(f for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []

    def restore(self, quarantined: Path) -> bool:
        """Put a quarantined file back in its place; never over a file that is there (False then)."""
        target = self._target(quarantined.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(quarantined, target)  # fails rather than replace what is there
        except FileExistsError:
            return False
        quarantined.unlink()
        return True

    def quarantine(self, sha256: str) -> Path:
        """Move a file no record refers to aside (never deleted: it may be the only copy of something)."""
        target = self.root / QUARANTINE / sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self._target(sha256), target)
        return target

    def leftovers(self) -> list[Path]:
        """Temporary files from an interrupted write."""
        if not self.root.is_dir():
            return []
        return [f for f in self.root.glob("*/.incoming-*")]

    def other_leftovers(self) -> list[Path]:
        """Clock probes left by a process killed while reading the store's clock."""
        return list(self.root.glob(".clock-*")) if self.root.is_dir() else []


@dataclass
class CheckReport:
    """What `blanko check` found: problems (empty when all is well) and what was checked."""

    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


class FileDatabase(SqliteDatabase):
    """peewee's SQLite database with the few calls core makes beside peewee's queries."""

    def executemany(self, sql: str, rows) -> None:
        """One statement run for many rows (in the caller's transaction)."""
        self.cursor().executemany(sql, rows)


def is_server_address(target: object) -> bool:
    """True for a PostgreSQL server address (`postgresql://host/db`) rather than a database file."""
    return str(target).startswith(("postgresql://", "postgres://"))


def open_storage(target: Path | str, create: bool = True, shared: bool | None = None) -> "Storage":
    """Open what the officer chose: a database file (SQLite) or a server address (PostgreSQL)."""
    if is_server_address(target):
        from blanko_desktop.core.server import ServerStorage

        return ServerStorage.open(str(target), create=create)
    return Storage.open(target, create=create, shared=shared)


class Storage:
    """One open database file with its document store."""

    engine = "sqlite"

    def __init__(self, path: Path, db: SqliteDatabase, shared: bool, read_only: bool = False):
        self.path = path
        self.db = db
        self.shared = shared
        # True when the file or its folder cannot be written: reading works, every write is refused.
        self.read_only = read_only
        self.files = DocumentStore(documents_dir(path))
        self.on_busy: Callable[[int], None] | None = None
        self._data_version: int | None = None

    @classmethod
    def open(cls, path: Path | str, create: bool = True, shared: bool | None = None) -> "Storage":
        """Open (and if needed create or migrate) the database at `path`.

        `create` lets a missing file be made; an existing file must be a Blanko database (an empty file is
        refused: a failed sync leaves one, and turning it into an empty database would hide the loss). A
        file or folder that cannot be written is opened read-only. A file already in the shared
        (rollback-journal) mode stays in it, whatever this workstation would choose.
        """
        path = Path(path).expanduser()
        if path.is_dir():
            raise StorageError(f"{path} adalah folder, bukan berkas basis data.")
        new = not path.exists()
        if not new:
            _assert_sqlite(path)
        elif not create:
            raise StorageError(f"Berkas basis data {path} tidak ditemukan.")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"Folder {path.parent} tidak dapat dibuat: {exc.strerror}.") from exc
        read_only = not new and not _writable(path)
        if shared is None:
            shared = is_network_path(path)
        if not new and _file_journal_mode(path) == "delete":
            shared = True  # another workstation shares it in rollback mode: switching to WAL would lock it out
        if read_only:
            # No journal-mode switch and no journal file: the folder may refuse both.
            pragmas: dict[str, object] = {"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_MS, "query_only": 1}
            # A WAL file closed cleanly has no -wal/-shm beside it, and read-only SQLite cannot create
            # them: nothing is pending outside the file then, so it is read as it stands (immutable).
            wal_absent = not path.with_name(path.name + "-wal").exists()
            target = _read_only_uri(path, immutable=_file_journal_mode(path) == "wal" and wal_absent)
        else:
            pragmas = {
                "foreign_keys": 1,
                "busy_timeout": BUSY_TIMEOUT_MS,
                # WAL needs shared memory that network filesystems do not provide: rollback journal there.
                "journal_mode": "delete" if shared else "wal",
                "synchronous": "full" if shared else "normal",
            }
            target = str(path)
        for attempt in range(1, OPEN_RETRIES + 1):
            db = FileDatabase(target, pragmas=pragmas, timeout=BUSY_TIMEOUT_MS / 1000,
                                lock_type="IMMEDIATE", uri=read_only)
            storage = cls(path, db, shared, read_only)
            try:
                db.connect(reuse_if_open=True)
                storage._migrate()
                storage._data_version = storage._read_data_version()
                break
            except (DatabaseError, sqlite3.DatabaseError, OSError) as exc:
                db.close()
                if _is_busy(exc):
                    # Busy is not broken: a colleague is switching modes or migrating. Wait, then retry.
                    if attempt == OPEN_RETRIES:
                        raise BusyError(f"Basis data {path} sedang dipakai (dikunci) petugas lain terlalu lama; "
                                        "berkasnya tidak rusak. Coba buka lagi sebentar lagi.") from exc
                    time.sleep(0.05 * attempt)
                    continue
                if _is_read_only(exc):
                    raise StorageError(f"Basis data {path} hanya dapat dibaca (hak akses berkas atau folder) "
                                       "dan tidak dapat dibuka untuk menulis. Minta hak tulis pada folder itu "
                                       "atau buka salinannya.") from exc
                raise StorageError(f"Basis data {path} tidak dapat dibuka: {exc}. Periksa berkasnya "
                                   "(rusak? folder jaringan terputus?) atau pulihkan dari cadangan.") from exc
            except BaseException:
                db.close()
                raise
        # The models follow this file only once it opened cleanly: a refused file leaves them alone.
        models.database.initialize(db)
        return storage

    def close(self) -> None:
        self.db.close()

    @property
    def location(self) -> str:
        """What the officer opened, as shown and remembered: the file's path (a server's address elsewhere)."""
        return str(self.path)

    @property
    def is_file(self) -> bool:
        return True

    # -- other connections -------------------------------------------------------------------------

    def _read_data_version(self) -> int:
        return self.db.execute_sql("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """True when another connection (a colleague, another window) committed since the last call or
        since opening: one cheap PRAGMA the UI can poll to reload the calendar, settings and lists."""
        current = self._read_data_version()
        changed = self._data_version is not None and current != self._data_version
        self._data_version = current
        return changed

    # -- schema ------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return self.db.execute_sql("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > migrations.LATEST:
            raise DatabaseTooNewError(
                f"Basis data {self.path} dibuat oleh versi aplikasi yang lebih baru (skema {current}, "
                f"aplikasi ini mengenal sampai {migrations.LATEST}). Perbarui Blanko Desktop."
            )
        if current == migrations.LATEST:
            return
        if self.read_only:
            raise StorageError(f"Basis data {self.path} perlu diperbarui ke skema {migrations.LATEST} (kini "
                               f"{current}) tetapi hanya dapat dibaca. Buka sekali dengan hak tulis.")
        # BEGIN IMMEDIATE first: one workstation migrates and backs up, the others wait for the lock and
        # then find the file already migrated.
        with self.db.atomic():
            current = self.schema_version()
            if current == migrations.LATEST:
                return
            if current > 0:
                # a second connection may read while this one holds the write lock (the backup API
                # cannot read through the connection that holds it)
                self._copy_database(self.path.with_name(
                    f"{self.path.stem}.v{current}-{datetime.now():%Y%m%d-%H%M%S}.bak.sqlite"), fresh=True)
            for step in migrations.pending(current):
                migrations.apply(self.db.execute_sql, step)
                self.db.execute_sql(f"PRAGMA user_version = {step.version}")

    # -- writes ------------------------------------------------------------------------------------

    def assert_writable(self) -> None:
        """Refuse before anything is stored when this database cannot take a write (documents stored
        for a record that can never commit would be orphans)."""
        if self.read_only or not _writable(self.path):
            raise StorageError(f"Basis data {self.path} hanya dapat dibaca (hak akses berkas atau folder "
                               "jaringan); perubahan tidak disimpan.")

    def write(self, fn: Callable[[], T]) -> T:
        """Run `fn` in one short write transaction; once committed, keep the audit head outside the file."""
        outermost = not self.db.in_transaction()
        result = self._write_retrying(fn)
        if outermost:
            evidence.note_commit(self)
        return result

    def _write_retrying(self, fn: Callable[[], T]) -> T:
        """Run `fn` in one short write transaction, retrying while another officer holds the lock."""
        if self.read_only:
            self.assert_writable()
        for attempt in range(1, BUSY_RETRIES + 1):
            try:
                with self.db.atomic(), self.files.transaction():  # its documents are durable before it commits
                    return fn()
            except OperationalError as raised:
                exc: BaseException = raised
                # SQLite rolled back on its own (disk full, I/O error): the failed ROLLBACK hides why
                while "no transaction is active" in str(exc) and exc.__context__ is not None:
                    exc = exc.__context__
                text = str(exc).lower()
                if _is_read_only(exc):
                    raise StorageError(f"Basis data {self.path} hanya dapat dibaca (hak akses berkas atau folder "
                                       "jaringan); perubahan tidak disimpan.") from exc
                if "disk" in text or "full" in text:
                    raise StorageError(f"Basis data {self.path} tidak dapat ditulis ({exc}); perubahan tidak "
                                       "disimpan. Periksa ruang disk dan sambungan jaringan.") from exc
                if not self._is_busy(exc):
                    raise
                if attempt == BUSY_RETRIES:
                    raise BusyError(
                        "Basis data sedang dipakai petugas lain terlalu lama. Coba lagi sebentar lagi."
                    ) from exc
                if self.on_busy:
                    self.on_busy(attempt)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    @staticmethod
    def _is_busy(exc: BaseException) -> bool:
        return _is_busy(exc)

    # -- check and backup --------------------------------------------------------------------------

    def check(self, grace: float | None = None) -> CheckReport:
        """The engine's own checks (SQLite integrity, foreign keys, every stored file against its hash,
        orphans: files older than `grace` seconds that no record refers to; younger ones may be an intake's
        about to commit), then the audit chain, anchors, the stock ledger, due times against the calendar."""
        report = CheckReport()
        self._check_engine(report, grace)
        return self._check_records(report)

    def _check_records(self, report: CheckReport) -> CheckReport:
        """What every engine checks the same way: the audit chain and its evidence, ledger, due times."""
        from blanko_desktop.core import audit, due_times

        chain = audit.verify_chain()
        report.checked["audit_events"] = chain.count
        report.problems += chain.problems
        report.problems += evidence.check(self, report.checked)  # keys, anchors, log replayed on the tables
        from blanko_desktop.core.stock.verify import verify as verify_stock  # the ledger replayed on its ranges

        report.problems += [f"Buku stok: {problem}" for problem in verify_stock()]
        stale = due_times.stale_due_times()
        report.checked["running_clocks"] = due_times.Request.select().where(
            due_times.Request.clock_running == True).count()  # noqa: E712
        for req, due in stale:
            stored = req.due_at.astimezone(timezone.utc).isoformat() if req.due_at else "kosong"
            report.problems.append(f"Tenggat permohonan #{req.id} tersimpan {stored}, menurut kalender "
                                   f"{due.astimezone(timezone.utc).isoformat()}: 'blanko check --repair' menghitungnya ulang")
        report.checked["schema_version"] = self.schema_version()
        return report

    def _check_engine(self, report: CheckReport, grace: float | None) -> None:
        integrity = [r[0] for r in self.db.execute_sql("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            report.problems += [f"Integritas SQLite: {line}" for line in integrity]
        for table, rowid, parent, _ in self.db.execute_sql("PRAGMA foreign_key_check").fetchall():
            report.problems.append(f"Kunci asing rusak: {table} baris {rowid} menunjuk {parent} yang tidak ada")
        triggers = {r[0] for r in self.db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
        for name in sorted(APPEND_ONLY_TRIGGERS - triggers):
            report.problems.append(f"Pengaman tambah-saja hilang (trigger {name} dihapus): riwayat bisa diubah")
        referenced = self._referenced_hashes()
        report.checked["files"] = len(referenced)
        for sha in sorted(referenced):
            path = self.files.path_for(sha)
            if not path.is_file():
                report.problems.append(f"Berkas hilang dari penyimpanan: {sha}")
            elif sha256_file(path) != sha:
                report.problems.append(f"Isi berkas tidak cocok dengan hash-nya (rusak/diubah): {sha}")
        orphans, young = self._orphans(referenced, ORPHAN_GRACE_SECONDS if grace is None else grace)
        for sha in orphans:
            report.problems.append(f"Berkas yatim (tidak dirujuk basis data): {sha}")
        report.checked["files_being_stored"] = len(young)
        report.checked["quarantined"] = len(self.files.quarantined())
        limit = ORPHAN_GRACE_SECONDS if grace is None else grace
        now = self.files.now() if limit > 0 else 0.0
        for tmp in self.files.leftovers():
            try:
                if limit > 0 and now - tmp.stat().st_mtime < limit:
                    continue  # a writer is filling it
            except FileNotFoundError:
                continue
            report.problems.append(f"Sisa penulisan yang terputus: {tmp.name}")

    def repair(self, grace: float | None = None) -> list[str]:
        """Mend what can be mended without losing anything: orphan files (stored, but their record never
        committed: a crash or a refused save) go to the quarantine folder; interrupted writes are removed.

        An intake stores its documents before the transaction that refers to them, so a file younger than
        `grace` seconds (default: far longer than any transaction with its retries) is left alone: it may
        be referenced a moment later. The decision is taken under the write lock, so no transaction
        commits between reading the references and moving the files.
        """
        grace = ORPHAN_GRACE_SECONDS if grace is None else grace

        # Candidates are found without the lock (listing a large store takes a while); the lock is held
        # only to confirm them against the references as they stand and move them.
        candidates, _ = self._orphans(self._kept_hashes(), grace)
        leftovers = self.files.leftovers()
        if not candidates and not leftovers:
            return []

        def op() -> list[str]:
            done = []
            referenced = self._kept_hashes()
            now = self.files.now() if grace > 0 and candidates else 0.0
            for sha in candidates:
                try:
                    if sha in referenced or (grace > 0 and self.files.age(sha, now) < grace):
                        continue
                except FileNotFoundError:
                    continue
                moved = self.files.quarantine(sha)
                done.append(f"Berkas yatim {sha} dipindahkan ke {moved.parent}")
            now = self.files.now() if grace > 0 and leftovers else now
            for tmp in leftovers:
                try:  # a young one is a writer's file being filled, not a leftover
                    if grace > 0 and now - tmp.stat().st_mtime < grace:
                        continue
                except FileNotFoundError:
                    continue  # renamed into place meanwhile
                tmp.unlink(missing_ok=True)
                done.append(f"Sisa penulisan terputus {tmp.name} dihapus")
            return done

        return self.write(op)

    def restore_quarantined(self, everything: bool = False) -> list[str]:
        """Put files back from the quarantine folder: those a record refers to again (or, with
        `everything`, all), never over a file in place and never one whose content is not its name."""
        referenced = self._referenced_hashes()
        done = []
        for path in self.files.quarantined():
            if not everything and path.name not in referenced:
                continue
            if sha256_file(path) != path.name:
                done.append(f"Berkas {path} tidak dikembalikan: isinya tidak cocok dengan namanya")
            elif self.files.restore(path):
                done.append(f"Berkas {path.name} dikembalikan dari {path.parent}")
            else:
                done.append(f"Berkas {path.name} sudah ada di penyimpanan; salinan di {path.parent} dibiarkan")
        return done

    def _orphans(self, referenced: set[str], grace: float) -> tuple[list[str], list[str]]:
        """Unreferenced stored files: (older than `grace` seconds, younger)."""
        unreferenced = sorted(set(self.files.all_hashes()) - referenced)
        if not unreferenced or grace <= 0:
            return unreferenced, []
        now = self.files.now()
        old, young = [], []
        for sha in unreferenced:
            try:
                (old if self.files.age(sha, now) >= grace else young).append(sha)
            except FileNotFoundError:
                continue  # moved meanwhile
        return old, young

    def _referenced_hashes(self) -> set[str]:
        return {r[0] for r in self.db.execute_sql(REFERENCED_FILES_SQL).fetchall()}

    def _kept_hashes(self) -> set[str]:
        """What repair never moves: files a row refers to, and files the audit log names (their row may have
        been deleted outside the app: the file is the evidence)."""
        return self._referenced_hashes() | replay.audited_files(self.db.execute_sql)

    def backup_database(self, out: Path) -> None:
        """A consistent copy of the database file alone (SQLite online backup API)."""
        self._copy_database(out, fresh=False)

    def _copy_database(self, out: Path, fresh: bool) -> Path:
        """Copy through the backup API to a temporary name of its own, then rename: two processes never
        share a `.partial` file. `fresh` reads through a second connection (this one may hold the write
        lock) and never replaces an existing file (a name taken in the same second gets a suffix)."""
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            dest = sqlite3.connect(tmp)
            try:
                if fresh:
                    source = sqlite3.connect(_read_only_uri(self.path), uri=True,
                                             timeout=BUSY_TIMEOUT_MS / 1000)
                    try:
                        source.backup(dest)
                    finally:
                        source.close()
                else:
                    self.db.connection().backup(dest)
            finally:
                dest.close()
            if not fresh:
                os.replace(tmp, out)
                return out
            n = 1
            while True:
                try:
                    os.link(tmp, out)  # fails instead of replacing a file that exists
                    break
                except FileExistsError:
                    n += 1
                    out = out.with_name(f"{out.name.removesuffix('.bak.sqlite')}-{n}.bak.sqlite")
            return out
        finally:
            tmp.unlink(missing_ok=True)

    def backup(self, out: Path) -> dict[str, object]:
        """A consistent copy of the database at `out` with its documents beside it."""
        out = Path(out)
        if out.exists():
            raise StorageError(f"{out} sudah ada; pilih nama lain untuk cadangan.")
        self.backup_database(out)
        copy = sqlite3.connect(out)
        try:
            hashes = {r[0] for r in copy.execute(REFERENCED_FILES_SQL)}
        finally:
            copy.close()
        target = DocumentStore(documents_dir(out))
        copied = 0
        for sha in sorted(hashes):
            src = self.files.path_for(sha)
            if not src.is_file():
                raise StorageError(f"Berkas {sha} hilang dari penyimpanan; jalankan 'blanko check'.")
            dst = target.path_for(sha)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
            copied += 1
        manifest, head = evidence.write_manifest(out, copied)  # the chain's head travels with the copy
        return {"database": str(out), "documents": str(target.root), "files": copied,
                "manifest": str(manifest), "audit_head": head.as_dict()}


def documents_dir(db_path: Path) -> Path:
    """The document store that belongs to a database file: `<name>-dokumen/` beside it."""
    return db_path.with_name(f"{db_path.stem}-dokumen")


def _assert_sqlite(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StorageError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}.") from exc
    if not head:
        raise StorageError(f"Berkas basis data {path} kosong (0 bita): isinya hilang, misalnya karena "
                           "sinkronisasi folder bersama gagal. Pulihkan dari cadangan; berkas kosong tidak "
                           "dijadikan basis data baru (hapus dulu bila memang ingin mulai baru, lalu "
                           "'blanko init').")
    if head != SQLITE_HEADER:
        raise StorageError(f"{path} bukan berkas basis data Blanko Desktop (bukan SQLite).")


def _file_journal_mode(path: Path) -> str:
    """The journal mode recorded in the file's header (bytes 18-19: 2 = WAL, 1 = rollback journal)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return ""
    if len(head) < 20:
        return ""
    return "wal" if head[18] == 2 else "delete"


def _read_only_uri(path: Path, immutable: bool = False) -> str:
    """An SQLite URI opening `path` read-only (quoted; a UNC path keeps its host as part of the path)."""
    posix = Path(os.path.abspath(path)).as_posix()
    return ("file:" + ("//" if posix.startswith("//") else "") + urllib.parse.quote(posix) + "?mode=ro"
            + ("&immutable=1" if immutable else ""))


def _writable(path: Path) -> bool:
    """The file and its folder can be written (the folder holds the journal or the WAL files)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_read_only(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text
