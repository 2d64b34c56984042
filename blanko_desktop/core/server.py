"""The same database on a PostgreSQL server: `postgresql://host/db` instead of a file.

Nothing of the procedure changes, only where the data lives. What differs from a file is kept here:

- **Connection.** peewee over psycopg 3. The address is shown and remembered without its password; the
  password lives in the operating system's credential store (`keyring`), never in the config file. TLS by
  the address's own `sslmode=` (e.g. `?sslmode=verify-full`).
- **One writer at a time, as on a file.** Every write transaction first takes one transaction-scoped advisory
  lock: the rules in core (serials issued once, a document stored once, a finding accepted once, the audit
  chain's next number) were written and proven against SQLite's single writer, and keep exactly that
  guarantee here; readers never wait. A writer waiting longer than the lock timeout is "busy", retried.
- **SQL.** Queries written by hand are in SQLite's dialect (`?` placeholders, case-insensitive LIKE); the
  database object turns them into the server's (`%s`, ILIKE) as they are sent. Types are the ones SQLite
  stores (ISO text times, 0/1 flags), so results read the same on both engines.
- **Documents in the database** (`stored_file`): written inside the transaction that refers to them, so a
  pg_dump holds everything and a refused save leaves nothing behind.
- **Live windows.** The audit log's trigger NOTIFYs `blanko_changes` on every commit that changed anything;
  `changed_elsewhere()` drains a LISTENing connection without waiting.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from peewee import DatabaseError, InterfaceError, OperationalError, PostgresqlDatabase, __exception_wrapper__

from blanko_desktop.core import migrations, models
from blanko_desktop.core import storage as file_storage
from blanko_desktop.core.errors import BusyError, DatabaseTooNewError, StorageError
from blanko_desktop.core.storage import (
    APPEND_ONLY_TRIGGERS,
    REFERENCED_FILES_SQL,
    CheckReport,
    Storage,
    sha256_bytes,
)

T = TypeVar("T")

KEYRING_SERVICE = "blanko-desktop-server"
CHANNEL = "blanko_changes"
WRITE_LOCK = 0x426C616E6B6F  # "Blanko": the one advisory lock every write transaction holds
MIGRATE_LOCK = WRITE_LOCK + 1
LOCK_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
SERVER_APPEND_ONLY_TRIGGERS = APPEND_ONLY_TRIGGERS | frozenset(
    f"{t}_no_truncate" for t in ("audit_event", "stock_movement"))
APPEND_ONLY_TABLES = ("audit_event", "stock_movement")
# engine tables beside the models' (the architecture test lists them)
ENGINE_TABLES = frozenset({"blanko_schema", "stored_file", "blanko_officer_role"})


# -- addresses and passwords -------------------------------------------------------------------------------

def split_address(address: str) -> tuple[str, str | None]:
    """(the address without its password, the password written in it if any)."""
    parts = urllib.parse.urlsplit(address)
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    netloc = parts.hostname or ""
    if ":" in netloc:  # an IPv6 literal
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{urllib.parse.quote(urllib.parse.unquote(parts.username), safe='')}@{netloc}"
    clean = urllib.parse.urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
    return clean, password


def _keyring_account(clean: str) -> str:
    parts = urllib.parse.urlsplit(clean)
    return urllib.parse.urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))


def _keyring():
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # not installed or no credential service
        return None
    return keyring if getattr(backend, "priority", 0) > 0 else None


def remember_password(address: str, password: str) -> bool:
    """Keep the password of `address` in the system's credential store; False when there is none."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, _keyring_account(split_address(address)[0]), password)
        return True
    except Exception:
        return False


def forget_password(address: str) -> None:
    """The officer no longer wants the password of `address` kept: remove it from the credential store."""
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(KEYRING_SERVICE, _keyring_account(split_address(address)[0]))
    except Exception:  # nothing kept (keyring raises PasswordDeleteError), or the store is locked
        pass


def stored_password(address: str) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, _keyring_account(split_address(address)[0]))
    except Exception:
        return None


# -- SQL written for SQLite, sent to the server -------------------------------------------------------------

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%|\bLIKE\b|\bIS NOT\b(?!\s+(?:NULL|TRUE|FALSE|DISTINCT)\b)",
                    re.IGNORECASE)
_TRANSLATED: dict[str, str] = {}


def translate(sql: str) -> str:
    """SQLite's dialect as this app writes it, in the server's: `?` placeholders become `%s` (a literal `%`
    doubled, as the driver then reads `%` as a placeholder), LIKE becomes ILIKE (SQLite's LIKE ignores case)
    and `IS NOT` (SQLite's null-safe comparison) becomes IS DISTINCT FROM. Quoted text and names are left
    alone. SQL without a `?` is the server's own already (peewee's, or written with `%s`): only LIKE and
    IS NOT are turned, its `%` stays as it is."""
    done = _TRANSLATED.get(sql)
    if done is not None:
        return done
    tokens = _TOKEN.findall(sql)
    placeholders = "?" in tokens

    def swap(match: re.Match) -> str:
        token = match.group(0)
        if token[0] in "'\"":
            return token.replace("%", "%%") if placeholders and token[0] == "'" else token
        if token == "?":
            return "%s"
        if token == "%":
            return "%%" if placeholders else "%"
        if token.upper() == "LIKE":
            return "ILIKE"
        return "IS DISTINCT FROM"

    done = _TOKEN.sub(swap, sql)
    if len(_TRANSLATED) < 4096:
        _TRANSLATED[sql] = done
    return done


def load_driver() -> None:
    """Hand psycopg to peewee, which was imported without it (core/__init__.py: a file never needs it): the
    names peewee's psycopg 3 adapter reads, set as peewee's own import would have set them."""
    import peewee

    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


class ServerDatabase(PostgresqlDatabase):
    """peewee's PostgreSQL database, taking this app's hand-written SQL and its one-writer rule."""

    def __init__(self, *args, **kwargs):
        load_driver()  # before peewee picks its adapter by the driver it has
        kwargs.setdefault("prefer_psycopg3", True)
        super().__init__(*args, **kwargs)

    def execute(self, query, **context_options):
        # peewee's own SQL is already the server's: sent as it is
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return self._send(sql, params)

    def execute_sql(self, sql, params=None):
        return self._send(translate(sql), params)

    def executemany(self, sql: str, rows) -> None:
        """One statement run for many rows (pipelined by the driver), in the caller's transaction."""
        with __exception_wrapper__:
            self.cursor().executemany(translate(sql), rows)

    def _send(self, sql, params):
        self._log_query(sql, params)
        with __exception_wrapper__:
            cursor = self.cursor()
            cursor.execute(sql, params if params else None)
        return cursor

    def begin(self, isolation_level=None):
        super().begin(isolation_level)
        # one writer at a time (see the module's note); released when the transaction ends
        try:
            with __exception_wrapper__:
                self.cursor().execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except BaseException:
            # peewee enters no transaction when begin raises, so nothing else ends the one begun here: left
            # open (aborted), it would refuse every later statement of this connection, the busy retry's too
            try:
                self.rollback()
            except Exception:
                pass  # the connection itself is gone: the caller's error says so
            raise

    def _connect(self):
        conn = super()._connect()
        conn.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
        conn.adapters.register_loader("numeric", _whole_numeric_loader())
        return conn


@functools.cache  # one class, made when the first server connection opens (a file never imports psycopg)
def _whole_numeric_loader():
    """The server's SUM of a BIGINT column (the ledger's serials and sheet counts, m0013) is a NUMERIC, which
    psycopg reads as a Decimal; SQLite's SUM is an integer. A whole NUMERIC is read as an int, so that balances
    and totals are the same Python numbers on either engine (a Decimal breaks `total / weeks` and JSON output);
    a fractional one stays a Decimal."""
    from psycopg.types.numeric import NumericLoader

    class WholeNumericLoader(NumericLoader):
        def load(self, data):
            text = bytes(data)
            if text.lstrip(b"-").isdigit():
                return int(text)
            return super().load(data)

    return WholeNumericLoader


def database_at(address: str, password: str | None = None) -> tuple[str, "ServerDatabase"]:
    """(the address without its password, a database object for it, not yet connected): the password given,
    else the one written in the address, else the one kept in the credential store."""
    clean, written = split_address(address)
    password = password or written or stored_password(clean)
    params: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "blanko-desktop"}
    if password:
        params["password"] = password
    return clean, ServerDatabase(clean, **params)


# -- documents ------------------------------------------------------------------------------------------

class ServerDocumentStore:
    """Documents kept by their SHA-256 in the `stored_file` table, written in the transaction that refers to
    them. Stored before a transaction (as intake does with a file), a document waits in memory for the next
    write transaction of this thread, which writes it first."""

    def __init__(self, storage: "ServerStorage"):
        self.storage = storage
        self._local = threading.local()
        self._cache_dir: Path | None = None

    @property
    def _pending(self) -> dict[str, bytes]:
        pending = getattr(self._local, "pending", None)
        if pending is None:
            pending = self._local.pending = {}
        return pending

    def _insert(self, data: bytes, sha: str) -> None:
        self.storage.db.execute_sql(
            'INSERT INTO stored_file (sha256, size, data, stored_at) VALUES (%s, %s, %s, %s) '
            'ON CONFLICT (sha256) DO UPDATE SET quarantined_at = NULL WHERE stored_file.quarantined_at IS NOT NULL',
            (sha, len(data), data, datetime.now(timezone.utc).isoformat(timespec="microseconds")))

    def put(self, data: bytes) -> str:
        sha = sha256_bytes(data)
        if self.storage.db.in_transaction():
            self._insert(data, sha)
        else:
            self._pending[sha] = data
        return sha

    def ensure(self, data: bytes, sha256: str) -> None:
        self._insert(data, sha256)

    def flush_pending(self) -> None:
        """At the start of a write transaction: what was stored for it goes in with it. Kept until the write
        is over: a busy transaction rolled back and retried writes them again."""
        for sha, data in list(self._pending.items()):
            self._insert(data, sha)

    def forget_pending(self) -> None:
        self._pending.clear()

    def has(self, sha256: str) -> bool:
        if sha256 in self._pending:
            return True
        return self.storage.db.execute_sql(
            "SELECT 1 FROM stored_file WHERE sha256 = %s AND quarantined_at IS NULL", (sha256,)).fetchone() is not None

    def read(self, sha256: str) -> bytes:
        if sha256 in self._pending:
            return self._pending[sha256]
        row = self.storage.db.execute_sql("SELECT data FROM stored_file WHERE sha256 = %s", (sha256,)).fetchone()
        if row is None:
            raise FileNotFoundError(f"dokumen {sha256} tidak ada di server")
        return bytes(row[0])

    def path_for(self, sha256: str) -> Path:
        """A local file holding the document (for a viewer or the system's program to open): written once
        per process into a private temporary folder."""
        if self._cache_dir is None:
            self._cache_dir = Path(tempfile.mkdtemp(prefix="blanko-dokumen-"))
        target = self._cache_dir / sha256
        if not target.is_file():
            tmp = target.with_name(f".{sha256}.{threading.get_ident()}")
            tmp.write_bytes(self.read(sha256))
            os.replace(tmp, target)
        return target

    def all_hashes(self) -> Iterator[str]:
        for (sha,) in self.storage.db.execute_sql(
                "SELECT sha256 FROM stored_file WHERE quarantined_at IS NULL").fetchall():
            yield sha

    def quarantined(self) -> list[str]:
        return [r[0] for r in self.storage.db.execute_sql(
            "SELECT sha256 FROM stored_file WHERE quarantined_at IS NOT NULL ORDER BY sha256").fetchall()]

    def leftovers(self) -> list[Path]:
        return []


# -- the storage --------------------------------------------------------------------------------------

class ServerStorage(Storage):
    """One database on a PostgreSQL server, with the documents inside it."""

    engine = "postgresql"

    def __init__(self, address: str, db: ServerDatabase, read_only: bool = False):
        self.address = address  # without its password
        self.path = None
        self.db = db
        self.shared = True
        self.read_only = read_only
        self.files = ServerDocumentStore(self)
        self.on_busy: Callable[[int], None] | None = None
        self._data_version = None
        self._listener = None
        self._listener_failed = False
        self.schema_created = False  # by this opening, in an empty database (what `blanko init` reports)

    @property
    def location(self) -> str:
        return self.address

    @property
    def is_file(self) -> bool:
        return False

    @classmethod
    def open(cls, address: str, create: bool = True, shared: bool | None = None,
             password: str | None = None) -> "ServerStorage":
        """Connect to the server database at `address` and migrate it if it is behind (and `create`
        allows making the schema in an empty database)."""
        clean, db = database_at(address, password)
        storage = cls(clean, db)
        try:
            db.connect(reuse_if_open=True)
            storage.read_only = bool(db.execute_sql("SELECT pg_is_in_recovery()").fetchone()[0])
            storage._migrate(create)
        except (DatabaseError, OSError, InterfaceError) as exc:
            db.close()
            raise StorageError(_explain(clean, exc)) from exc
        except BaseException:
            db.close()
            raise
        models.database.initialize(db)
        return storage

    def close(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:
                pass
            self._listener = None
        self.db.close()

    # -- other connections: LISTEN/NOTIFY -------------------------------------------------------------

    def _listen(self):
        import psycopg

        params = dict(self.db.connect_params)
        conn = psycopg.connect(self.address, autocommit=True,
                               **{k: v for k, v in params.items() if k in ("password", "connect_timeout")})
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def changed_elsewhere(self) -> bool:
        """True when another connection (a colleague, another window, this window's workers) committed a
        change since the last call, as SQLite's data_version tells the file's: the server's notifications
        are drained without waiting, those of this thread's own connection left out."""
        if self._listener is None:
            if self._listener_failed:
                return False
            try:
                self._listener = self._listen()
            except Exception:
                self._listener_failed = True  # no live updates; the window still works
                return False
            return False
        try:
            heard = list(self._listener.notifies(timeout=0))
        except Exception:
            self._listener = None
            return True  # reconnect next time; reload now to be safe
        own = self._own_backend()
        return any(note.pid != own for note in heard)

    def _own_backend(self) -> int | None:
        """The server process of this thread's connection (it signs the notifications of its commits)."""
        if self.db.is_closed():
            return None
        try:
            return self.db.connection().info.backend_pid
        except Exception:
            return None

    def _read_data_version(self) -> int:
        return 0

    # -- schema ------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self.db.execute_sql("SELECT to_regclass('blanko_schema') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        row = self.db.execute_sql("SELECT version FROM blanko_schema").fetchone()
        return row[0] if row else 0

    def _foreign_tables(self) -> list[str]:
        return [r[0] for r in self.db.execute_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").fetchall()]

    def _migrate(self, create: bool = True) -> None:
        current = self.schema_version()
        if current > migrations.LATEST:
            raise DatabaseTooNewError(
                f"Basis data {self.address} dibuat oleh versi aplikasi yang lebih baru (skema {current}, "
                f"aplikasi ini mengenal sampai {migrations.LATEST}). Perbarui Blanko Desktop.")
        if current == migrations.LATEST:
            return
        if current == 0:
            others = self._foreign_tables()
            if others:
                raise StorageError(f"Basis data {self.address} berisi tabel lain ({', '.join(others[:5])}) dan "
                                   "bukan basis data Blanko Desktop. Pilih basis data kosong atau yang benar.")
            if not create:
                raise StorageError(f"Basis data {self.address} masih kosong. Buat skemanya dengan: "
                                   f"blanko init --db {self.address}")
        if self.read_only:
            raise StorageError(f"Basis data {self.address} perlu diperbarui ke skema {migrations.LATEST} (kini "
                               f"{current}) tetapi server ini hanya dapat dibaca (server cadangan).")
        # one workstation migrates, the others wait for it and then find the schema current
        self.db.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATE_LOCK,))
        try:
            with self.db.atomic():
                current = self.schema_version()
                if current == migrations.LATEST:
                    return
                self.schema_created = current == 0
                execute = self.db.execute_sql
                execute('CREATE TABLE IF NOT EXISTS blanko_schema (version INTEGER NOT NULL)')
                execute('CREATE TABLE IF NOT EXISTS blanko_officer_role (role VARCHAR(255) NOT NULL PRIMARY KEY)')
                if not execute("SELECT 1 FROM blanko_schema").fetchone():
                    execute("INSERT INTO blanko_schema (version) VALUES (0)")
                for step in migrations.pending(current):
                    migrations.apply(lambda sql: execute(sql), step, "postgresql")
                    execute("UPDATE blanko_schema SET version = %s", (step.version,))
                for (role,) in execute("SELECT role FROM blanko_officer_role").fetchall():
                    _grant(execute, role)  # tables a step added reach the officers' role too
        except (DatabaseError, InterfaceError) as exc:
            if "permission denied" in str(exc).lower() or "must be owner" in str(exc).lower():
                owner = self._owner()
                raise StorageError(
                    f"Skema basis data {self.address} perlu dibuat/diperbarui (kini {current}, aplikasi "
                    f"{migrations.LATEST}) tetapi peran ini tidak berhak mengubahnya. Minta pemilik basis data"
                    f"{f' ({owner})' if owner else ''} menjalankan: blanko init --db {self.address}") from exc
            raise
        finally:
            self.db.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATE_LOCK,))

    # -- writes ------------------------------------------------------------------------------------

    def assert_writable(self) -> None:
        if self.read_only:
            raise StorageError(f"Basis data {self.address} hanya dapat dibaca (server cadangan); perubahan "
                               "tidak disimpan.")

    def write(self, fn: Callable[[], T]) -> T:
        from blanko_desktop.core import integrity as evidence

        outermost = not self.db.in_transaction()

        def with_documents() -> T:
            if outermost:
                self.files.flush_pending()
            return fn()

        try:
            result = self._write_retrying(with_documents)
        finally:
            if outermost:
                self.files.forget_pending()
        if outermost:
            evidence.note_commit(self)
        return result

    def _write_retrying(self, fn: Callable[[], T]) -> T:
        if self.read_only:
            self.assert_writable()
        retries = file_storage.BUSY_RETRIES  # read now: the same setting as the file's
        for attempt in range(1, retries + 1):
            try:
                with self.db.atomic():
                    return fn()
            except (OperationalError, InterfaceError) as exc:
                if _is_lost(exc):
                    self.db.close()
                    raise StorageError(f"Sambungan ke server basis data {self.address} terputus ({_first_line(exc)}); "
                                       "perubahan tidak disimpan. Periksa jaringan lalu coba lagi.") from exc
                if _is_disk_full(exc):
                    raise StorageError(f"Server basis data {self.address} tidak dapat menulis ({_first_line(exc)}); "
                                       "perubahan tidak disimpan. Ruang disk server penuh: hubungi pengelola "
                                       "server.") from exc
                if not self._is_busy(exc):
                    raise
                if attempt == retries:
                    raise BusyError("Basis data sedang dipakai petugas lain terlalu lama. Coba lagi sebentar "
                                    "lagi.") from exc
                if self.on_busy:
                    self.on_busy(attempt)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    @staticmethod
    def _is_busy(exc: BaseException) -> bool:
        text = str(exc).lower()
        return ("lock timeout" in text or "deadlock detected" in text or "could not serialize" in text
                or "could not obtain lock" in text)

    # -- check, repair, backup ----------------------------------------------------------------------

    def _check_engine(self, report: CheckReport, grace: float | None) -> None:
        execute = self.db.execute_sql
        triggers = {r[0] for r in execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'").fetchall()}
        for name in sorted(SERVER_APPEND_ONLY_TRIGGERS - triggers):
            report.problems.append(f"Pengaman tambah-saja hilang (trigger {name} dihapus atau dimatikan): "
                                   "riwayat bisa diubah")
        for (name,) in execute("SELECT conname FROM pg_constraint WHERE contype = 'f' AND NOT convalidated").fetchall():
            report.problems.append(f"Kunci asing {name} tidak diperiksa server (NOT VALID): isinya bisa rusak")
        for (table,) in execute(  # the foreign keys' own triggers, switched off by DISABLE TRIGGER ALL
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgisinternal AND t.tgenabled = 'D' ORDER BY c.relname").fetchall():
            report.problems.append(f"Penjaga kunci asing tabel {table} dimatikan (DISABLE TRIGGER ALL): barisnya "
                                   "bisa menunjuk data yang tidak ada")
        self._check_foreign_keys(report)
        referenced = self._referenced_hashes()
        report.checked["files"] = len(referenced)
        present = {r[0]: r[1] for r in execute(
            "SELECT sha256, encode(sha256(data), 'hex') = sha256 FROM stored_file WHERE quarantined_at IS NULL"
        ).fetchall()}
        for sha in sorted(referenced):
            if sha not in present:
                report.problems.append(f"Berkas hilang dari penyimpanan: {sha}")
            elif not present[sha]:
                report.problems.append(f"Isi berkas tidak cocok dengan hash-nya (rusak/diubah): {sha}")
        for sha in sorted(set(present) - referenced - self._audited()):
            report.problems.append(f"Berkas yatim (tidak dirujuk basis data): {sha}")
        report.checked["files_being_stored"] = len(self.files._pending)
        report.checked["quarantined"] = len(self.files.quarantined())

    def _check_foreign_keys(self, report: CheckReport, limit: int = 20) -> None:
        """PRAGMA foreign_key_check's twin: the server enforces foreign keys, but its owner can switch the
        enforcing triggers off (DISABLE TRIGGER ALL, session_replication_role) and leave rows pointing nowhere,
        which stay there once enforcement is back on."""
        execute = self.db.execute_sql
        keys = execute(
            "SELECT ch.relname, ca.attname, pa.relname, pk.attname, "
            "EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id' "
            "AND NOT i.attisdropped) "
            "FROM pg_constraint c JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid "
            "JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = c.conkey[1] "
            "JOIN pg_attribute pk ON pk.attrelid = c.confrelid AND pk.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND ch.relnamespace = to_regnamespace(current_schema()) "
            "ORDER BY ch.relname, ca.attname").fetchall()
        for table, column, parent, parent_column, has_id in keys:
            row = '"id"' if has_id else "ctid::text"
            for (rowid,) in execute(
                    f'SELECT {row} FROM "{table}" t WHERE t."{column}" IS NOT NULL AND NOT EXISTS '
                    f'(SELECT 1 FROM "{parent}" p WHERE p."{parent_column}" = t."{column}") ORDER BY 1 LIMIT {limit}'
            ).fetchall():
                report.problems.append(f"Kunci asing rusak: {table} baris {rowid} menunjuk {parent} yang tidak ada")

    def _audited(self) -> set[str]:
        from blanko_desktop.core import replay

        return replay.audited_files(self.db.execute_sql)

    def repair(self, grace: float | None = None) -> list[str]:
        """Set aside documents no record refers to (only something outside the app can leave one here):
        marked quarantined, never deleted. Documents this thread stored for a save still to come go into the
        database with this write (see ServerDocumentStore): they are being stored, not orphans."""
        being_stored = set(self.files._pending)

        def op() -> list[str]:
            done = []
            kept = self._referenced_hashes() | self._audited() | being_stored
            now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
            for sha in sorted(set(self.files.all_hashes()) - kept):
                self.db.execute_sql("UPDATE stored_file SET quarantined_at = %s WHERE sha256 = %s", (now, sha))
                done.append(f"Berkas yatim {sha} disisihkan (karantina di server)")
            return done

        return self.write(op)

    def restore_quarantined(self, everything: bool = False) -> list[str]:
        referenced = self._referenced_hashes()
        done = []

        def op() -> None:
            done.clear()  # a busy retry starts again
            for sha, intact in self.db.execute_sql(
                    "SELECT sha256, encode(sha256(data), 'hex') = sha256 FROM stored_file "
                    "WHERE quarantined_at IS NOT NULL ORDER BY sha256").fetchall():
                if not everything and sha not in referenced:
                    continue
                if not intact:  # altered while set aside: a record must not refer to other content
                    done.append(f"Berkas {sha} tidak dikembalikan dari karantina: isinya tidak cocok dengan namanya")
                    continue
                self.db.execute_sql("UPDATE stored_file SET quarantined_at = NULL WHERE sha256 = %s", (sha,))
                done.append(f"Berkas {sha} dikembalikan dari karantina")

        self.write(op)
        return done

    def backup_database(self, out: Path) -> None:
        from blanko_desktop.core import transfer

        transfer.copy(self, Path(out), with_documents=False)

    def backup(self, out: Path) -> dict[str, object]:
        """The officer's offline copy: the whole server database into a file, documents beside it."""
        from blanko_desktop.core import integrity as evidence
        from blanko_desktop.core import transfer

        out = Path(out)
        if out.exists():
            raise StorageError(f"{out} sudah ada; pilih nama lain untuk cadangan.")
        result = transfer.copy(self, out).as_dict()
        # the chain's head travels with the copy, as with a file's backup
        manifest, _ = evidence.write_manifest(out, result["files"])
        return {**result, "manifest": str(manifest)}

    # -- the officers' role -------------------------------------------------------------------------

    def grant_officer_role(self, role: str) -> list[str]:
        """Let `role` do an officer's work: read and write the records, but only add to the audit log and
        the stock ledger (never UPDATE, DELETE or TRUNCATE them), and never change the schema. Kept, so a
        later migration's new tables reach the role too."""
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", role):
            raise StorageError(f"Nama peran '{role}' tidak sah (huruf, angka, garis bawah).")
        statements: list[str] = []

        def op() -> None:
            execute = self.db.execute_sql
            statements.extend(_grant(execute, role))
            execute("INSERT INTO blanko_officer_role (role) VALUES (%s) ON CONFLICT DO NOTHING", (role,))

        self.write(op)
        return statements

    def _owner(self) -> str:
        """Who may migrate: the owner of the schema's tables (of the database when there are none yet)."""
        try:
            row = self.db.execute_sql(
                "SELECT COALESCE((SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'blanko_schema' "
                "AND relnamespace = to_regnamespace(current_schema())), (SELECT pg_get_userbyid(datdba) FROM "
                "pg_database WHERE datname = current_database()))").fetchone()
            return row[0] or ""
        except (DatabaseError, InterfaceError):
            return ""  # the transaction that failed: the message goes without the name

    def role_status(self) -> dict[str, object]:
        """The connected role, the schema's owner and the roles granted the officers' work (`blanko server status`)."""
        execute = self.db.execute_sql
        return {"role": execute("SELECT current_user").fetchone()[0], "owner": self._owner(),
                "officer_roles": [r[0] for r in execute("SELECT role FROM blanko_officer_role ORDER BY role")],
                "schema_version": self.schema_version(), "privileges": self.privileges()}

    def privileges(self) -> dict[str, bool]:
        """What the connected role may do with the append-only tables (the self-test shows it)."""
        found = {}
        for table in APPEND_ONLY_TABLES:
            for what in ("INSERT", "UPDATE", "DELETE", "TRUNCATE"):
                found[f"{table}.{what.lower()}"] = bool(self.db.execute_sql(
                    "SELECT has_table_privilege(current_user, %s, %s)", (table, what)).fetchone()[0])
        found["owner"] = bool(self.db.execute_sql(
            "SELECT pg_get_userbyid(relowner) = current_user FROM pg_class WHERE relname = 'audit_event' "
            "AND relnamespace = to_regnamespace(current_schema())").fetchone()[0])
        return found


def _grant(execute, role: str) -> list[str]:
    quoted = '"' + role + '"'
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, stock_movement FROM {quoted}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON blanko_schema, blanko_officer_role FROM {quoted}",
        f"REVOKE DELETE, TRUNCATE ON stored_file FROM {quoted}",
    ]
    for sql in statements:
        execute(sql)
    return statements


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _is_lost(exc: BaseException) -> bool:
    text = str(exc).lower()
    return ("connection" in text and ("closed" in text or "lost" in text or "terminat" in text)) \
        or "server closed the connection" in text or "consuming input failed" in text


def _is_disk_full(exc: BaseException) -> bool:
    """The server's disk_full (53100): its data or WAL could not grow."""
    cause = exc.args[0] if exc.args else None
    return getattr(cause, "sqlstate", None) == "53100" or "no space left on device" in str(exc).lower()


def _explain(address: str, exc: BaseException) -> str:
    text = _first_line(exc)
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return (f"Server basis data {address} menolak masuk: kata sandi salah atau belum disimpan. Buka lewat "
                "Berkas → Buka server basis data… untuk memasukkannya.")
    if "does not exist" in low and "database" in low:
        return f"Basis data {address} tidak ada di server itu. Minta pengelola server membuatnya (lihat README)."
    if "could not translate host name" in low or "failed to resolve host" in low or "connection refused" in low \
            or "timeout" in low \
            or "no route" in low or "network is unreachable" in low:
        return (f"Server basis data {address} tidak terjangkau ({text}). Periksa alamatnya dan sambungan "
                "jaringan.")
    if "ssl" in low:
        return f"Sambungan aman (TLS) ke {address} gagal: {text}. Periksa sslmode dan sertifikat server."
    return f"Server basis data {address} tidak dapat dibuka: {text}."
