"""One test per schema step (a database at the previous version, migrated, columns and data checked), on both
engines: a file (sqlite3) and an empty database on the throw-away PostgreSQL server, each step's SQL for it."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest

from blanko_desktop.core import migrations
from blanko_desktop.core.errors import DatabaseTooNewError
from blanko_desktop.core.server import ServerStorage, translate
from blanko_desktop.core.services.request_table import search_query
from blanko_desktop.core.storage import Storage

LSP_ROW = ("INSERT INTO lsp (version, updated_at, updated_by, name, licence_no, address, city, postal_code, "
           "phone, contact_person, active, created_at) VALUES (1, '2026-01-05T01:00:00.000000+00:00', 'x', "
           "'LSP Lama', 'BNSP-LSP-0001-ID', 'Jl. Lama 1', 'Bandung', '40111', '022', 'Ani', 1, "
           "'2026-01-05T01:00:00.000000+00:00')")
REQUEST_ROW = ("INSERT INTO request (version, updated_at, updated_by, lsp_id, kind, state, letter_number, "
               "sender, subject, received_at, due_at, clock_running, cancel_reason, note, created_at) VALUES "
               "(1, '2026-01-05T01:00:00.000000+00:00', 'x', 1, 'new', 'received', '001/LSP/I/2026', "
               "'a@b.id', 'Permohonan', '2026-01-05T01:00:00.000000+00:00', "
               "'2026-01-06T01:00:00.000000+00:00', 1, '', '', '2026-01-05T01:00:00.000000+00:00')")
# what each engine says when a unique key refuses a row
UNIQUE = {"sqlite": "UNIQUE", "postgresql": "duplicate key"}


class Db:
    """A database at some schema version, the same few calls on either engine (the tests' SQL is SQLite's,
    sent to the server as the app sends it: core.server.translate)."""

    def __init__(self, engine: str, conn, address: Path | str):
        self.engine = engine
        self.conn = conn
        self.address = address  # what the app opens: the file, or the server database's address

    @property
    def server(self) -> bool:
        return self.engine == "postgresql"

    def execute(self, sql: str, params=()):
        if self.server:
            return self.conn.execute(translate(sql), params or None)
        return self.conn.execute(sql, params)

    def commit(self) -> None:
        self.conn.commit()

    def apply(self, step) -> bool:
        return migrations.apply(lambda sql: self.execute(sql), step, self.engine)

    def set_version(self, version: int) -> None:
        if self.server:
            self.conn.execute("CREATE TABLE IF NOT EXISTS blanko_schema (version INTEGER NOT NULL)")
            self.conn.execute("DELETE FROM blanko_schema")
            self.conn.execute("INSERT INTO blanko_schema (version) VALUES (%s)", (version,))
        else:
            self.conn.execute(f"PRAGMA user_version = {version}")

    def names(self, kind: str) -> set[str]:
        if self.server:
            sql = {"table": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                   "index": "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'",
                   "trigger": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"}[kind]
            return {r[0] for r in self.conn.execute(sql)}
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}

    def columns(self, table: str) -> dict[str, str]:
        """Column name -> its type as the engine declares it (SQLite's declared type; the server's, upper case)."""
        if self.server:
            return {r[0]: r[1].upper() for r in self.conn.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                (table,))}
        return {r[1]: r[2] for r in self.conn.execute(f"PRAGMA table_info({table})")}

    def plan(self, sql: str) -> str:
        """The query plan as text (on the server with sequential scans discouraged: these tables are tiny)."""
        if self.server:
            self.conn.execute("SET enable_seqscan = off")
            try:
                return " ".join(r[0] for r in self.conn.execute("EXPLAIN " + sql))
            finally:
                self.conn.execute("RESET enable_seqscan")
        return " ".join(r[3] for r in self.conn.execute("EXPLAIN QUERY PLAN " + sql))

    def refused(self, sql: str, match: str, params=()) -> None:
        """`sql` is refused by the database with a message matching `match`; nothing else is undone."""
        if self.server:
            import psycopg

            with pytest.raises(psycopg.Error, match=match):
                with self.conn.transaction():  # a savepoint: the refusal does not spoil the test's transaction
                    self.execute(sql, params)
        else:
            with pytest.raises(sqlite3.IntegrityError, match=match):
                self.execute(sql, params)

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def at(engine, tmp_path, request):
    """`at(version)`: a new database at that schema version (its steps run one by one, as released)."""
    made: list[Db] = []

    def make(version: int, name: str = "db") -> Db:
        if engine == "postgresql":
            import psycopg

            url = request.getfixturevalue("pg_cluster").new_database()
            db = Db(engine, psycopg.connect(url), url)
        else:
            db = Db(engine, sqlite3.connect(tmp_path / f"{name}.sqlite"), tmp_path / f"{name}.sqlite")
        for step in migrations.STEPS[:version]:
            db.apply(step)
            db.set_version(step.version)
        db.commit()
        made.append(db)
        return db

    yield make
    for db in made:
        db.close()


def database_at(path: Path, version: int) -> sqlite3.Connection:
    """A database file at schema `version` (other tests build on an old file this way)."""
    conn = sqlite3.connect(path)
    for step in migrations.STEPS[:version]:
        migrations.apply(conn.execute, step)
        conn.execute(f"PRAGMA user_version = {step.version}")
    conn.commit()
    return conn


def migrate_one(db: Db, version: int) -> None:
    step = migrations.STEPS[version - 1]
    assert step.version == version
    db.apply(step)
    db.set_version(version)
    db.commit()


def test_steps_are_ordered_and_each_has_a_test():
    assert [s.version for s in migrations.STEPS] == list(range(1, migrations.LATEST + 1))
    tests = {name for name in dir(sys.modules[__name__]) if name.startswith("test_")}
    missing = [s.name for s in migrations.STEPS if f"test_{s.name}" not in tests]
    assert missing == [], f"migration steps without a test: {missing}"


def test_m0001_initial(at):
    conn = at(0)
    migrate_one(conn, 1)
    assert {"lsp", "lsp_address", "request", "document", "finding", "signatory", "approval",
            "printed_form", "courier_pickup", "parcel", "stock_movement", "stock_count", "setting",
            "closure", "audit_event"} <= conn.names("table")
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    cols = set(conn.columns("request"))
    assert {"version", "due_at", "clock_running", "requested_qty", "approved_qty"} <= cols


def test_m0002_request_list_indexes(at):
    conn = at(1)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.commit()
    migrate_one(conn, 2)
    assert {"request_received_at", "request_state_received", "request_lsp_received",
            "request_due_at", "audit_event_entity"} <= conn.names("index")
    plan = (conn.plan(
        "SELECT id FROM request WHERE state = 'received' ORDER BY received_at DESC"))
    assert "request_state_received" in plan
    assert conn.execute("SELECT letter_number FROM request").fetchone() == ("001/LSP/I/2026",)


def test_m0003_append_only_triggers(at):
    conn = at(2)
    conn.execute("INSERT INTO audit_event (at, os_user, officer, action, entity, entity_id, prev_hash, hash) "
                 "VALUES ('2026-01-05T01:00:00.000000+00:00', 'u', 'o', 'x', 'y', '1', '0', 'h1')")
    conn.execute("INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, at, by, note) "
                 "VALUES ('receive', 'A', 1, 100, 100, '2026-01-05T01:00:00.000000+00:00', 'u', '')")
    conn.commit()
    migrate_one(conn, 3)
    refusals = ["UPDATE audit_event SET officer = 'z'", "DELETE FROM audit_event",
                "UPDATE stock_movement SET quantity = 1", "DELETE FROM stock_movement"]
    if conn.server:  # the server has TRUNCATE, which skips row triggers: refused by its own
        refusals += ["TRUNCATE audit_event", "TRUNCATE stock_movement"]
    for sql in refusals:
        conn.refused(sql, "append-only")
    assert conn.execute("SELECT COUNT(*) FROM audit_event").fetchone() == (1,)
    assert conn.execute("SELECT COUNT(*) FROM stock_movement").fetchone() == (1,)


def test_m0004_running_due_index(at):
    conn = at(3)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.commit()
    migrate_one(conn, 4)
    assert "request_running_due" in conn.names("index")
    plan = (conn.plan(
        "SELECT COUNT(*) FROM request WHERE clock_running = 1 AND due_at < '2026-02-01'"))
    assert "request_running_due" in plan
    assert conn.execute("SELECT COUNT(*) FROM request WHERE clock_running = 1").fetchone() == (1,)


def test_m0005_clock_restart_and_finding_names(at):
    conn = at(4)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by) VALUES (1, 'list', 'Daftar.xlsx', 'ab', 1, 'x', 'drop', "
                 "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')")
    conn.execute("INSERT INTO finding (request_id, document_id, item, sheet, row, severity, message, accepted, "
                 "accepted_note, accepted_by, created_at) VALUES (1, 1, 'list', 'P', 5, 'error', 'NIK', 1, 'ok', "
                 "'u', '2026-01-05T01:00:00.000000+00:00')")
    conn.commit()
    migrate_one(conn, 5)
    assert "clock_started_at" in set(conn.columns("request"))
    # existing requests count from their arrival, as they did before
    assert conn.execute("SELECT clock_started_at = received_at FROM request").fetchone()[0]
    assert conn.execute("SELECT document_name FROM finding").fetchone() == ("Daftar.xlsx",)


def test_m0006_audit_mac_and_database_identity(at):
    conn = at(5)
    for n in (1, 2):
        conn.execute("INSERT INTO audit_event (at, os_user, officer, action, entity, entity_id, prev_hash, hash) "
                     f"VALUES ('2026-01-05T01:00:00.000000+00:00', 'u', 'o', 'x', 'y', '1', 'p{n}', 'h{n}')")
    conn.commit()
    migrate_one(conn, 6)
    assert {"mac", "mac_key"} <= set(conn.columns("audit_event"))
    # the entries already there are kept, unsigned, and the identity says they predate signing
    assert conn.execute("SELECT hash, mac, mac_key FROM audit_event ORDER BY id").fetchall() == [
        ("h1", "", ""), ("h2", "", "")]
    (ident, created, unsigned_until), = conn.execute("SELECT id, created_at, unsigned_until FROM database_identity")
    assert len(ident) == 32 and int(ident, 16) >= 0 and unsigned_until == 2
    assert created.endswith("+00:00") and created[:4] >= "2026"
    # each database file gets its own identity
    other = at(6, "other")
    assert other.execute("SELECT id FROM database_identity").fetchone()[0] != ident
    assert other.execute("SELECT unsigned_until FROM database_identity").fetchone()[0] == 0


def test_m0008_request_search_index(at):
    conn = at(7)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.commit()
    migrate_one(conn, 8)
    if conn.server:
        # trigram indexes under the searched columns; the planner finds a substring search through them
        assert {"request_letter_number_trgm", "request_sender_trgm", "lsp_name_trgm"} <= conn.names("index")
        assert "request_letter_number_trgm" in conn.plan(
            "SELECT id FROM request WHERE letter_number ILIKE '%001/LSP%'")
        assert "lsp_name_trgm" in conn.plan("SELECT id FROM lsp WHERE name ILIKE '%lama%'")
        assert conn.execute("SELECT id FROM request WHERE letter_number LIKE ?", ("%001/lsp%",)).fetchall() == [(1,)]
        return

    def indexed():
        return conn.execute("SELECT rowid, lsp_name, letter_number, sender FROM request_search ORDER BY rowid").fetchall()

    def found(text):
        return [r[0] for r in conn.execute("SELECT rowid FROM request_search WHERE request_search MATCH ? "
                                           "ORDER BY rowid", (search_query(text),))]

    # the request already there is indexed with its LSP's name
    assert indexed() == [(1, "LSP Lama", "001/LSP/I/2026", "a@b.id")]
    assert found("lama") == [1] and found("001/LSP") == [1]
    # triggers keep it in step: a new request, an edited one, a renamed LSP, a deleted request
    conn.execute(REQUEST_ROW.replace("'001/LSP/I/2026'", "'777/XYZ/II/2026'").replace("'a@b.id'", "'c@d.id'"))
    assert indexed()[1] == (2, "LSP Lama", "777/XYZ/II/2026", "c@d.id")
    conn.execute("UPDATE request SET letter_number = '002/BARU/I/2026', sender = 'e@f.id' WHERE id = 1")
    assert found("001/LSP") == [] and found("002/BARU") == [1] and found("e@f.id") == [1]
    conn.execute("UPDATE lsp SET name = 'LSP Baru Sekali' WHERE id = 1")
    assert found("lama") == [] and found("baru sekali") == [1, 2]
    conn.execute("UPDATE request SET lsp_id = NULL WHERE id = 2")
    assert indexed()[1] == (2, "", "777/XYZ/II/2026", "c@d.id")
    conn.execute("UPDATE request SET state = 'closed' WHERE id = 1")  # untouched text: the row stays as it was
    assert indexed()[0] == (1, "LSP Baru Sekali", "002/BARU/I/2026", "e@f.id")
    conn.execute("DELETE FROM request WHERE id = 2")
    assert [r[0] for r in indexed()] == [1]


def test_a_step_whose_probe_fails_is_skipped(at):
    conn = at(7)
    step = migrations.STEPS[7]
    probe, _ = step.for_engine(conn.engine)
    ran = []

    def execute(sql):
        ran.append(sql)
        if "trigram" in sql or "pg_trgm" in sql:
            if conn.server:  # fail for real, as a server without the extension does: the transaction is spoiled
                conn.execute("SELECT no_such_function()")
            raise sqlite3.OperationalError("no such tokenizer: trigram")
        return conn.execute(sql)

    assert migrations.apply(execute, step, conn.engine) is False
    # nothing of the step itself ran (on the server the probe ran inside a savepoint, rolled back)
    assert [sql for sql in ran if "SAVEPOINT" not in sql] == [probe[0]]
    if conn.server:
        assert "request_letter_number_trgm" not in conn.names("index")
        assert conn.execute("SELECT COUNT(*) FROM request").fetchone() == (0,)  # the transaction still works
    else:
        assert "request_search" not in conn.names("table")
    assert migrations.apply(lambda sql: conn.execute(sql), step, conn.engine) is True
    if conn.server:
        assert "request_letter_number_trgm" in conn.names("index")
    else:
        assert "request_search" in conn.names("table")
        assert "blanko_probe_trigram" not in {r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master")}


def test_m0009_stock_ledger_places(at):
    conn = at(8)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    at = "'2026-01-05T01:00:00.000000+00:00'"
    for kind, first, last, request, reverses in (("receive", 1, 100, "NULL", "NULL"), ("issue", 1, 10, "1", "NULL"),
                                                 ("spoil", 11, 12, "NULL", "NULL"),
                                                 ("reversal", 1, 10, "1", "2")):
        conn.execute(f"INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, request_id, "
                     f"reverses_id, at, by, note) VALUES ('{kind}', 'KB', {first}, {last}, {last - first + 1}, "
                     f"{request}, {reverses}, {at}, 'u', '')")
    conn.execute(f"INSERT INTO stock_count (at, counted, book_balance, explanation, by) VALUES ({at}, 5, 5, '', 'u')")
    conn.commit()
    migrate_one(conn, 9)
    cols = set(conn.columns("stock_movement"))
    assert {"from_place", "to_place", "lsp_id", "doc_number", "doc_date", "replaces_prefix", "replaces_first_no",
            "count_id"} <= cols
    assert {"counted_ranges", "missing", "surplus", "settled_at", "settled_by"} <= set(conn.columns("stock_count"))
    assert "stock_range" in conn.names("table")
    # existing lines get their places from their kind, a reversal the swapped places of what it reverses
    assert conn.execute("SELECT kind, from_place, to_place, lsp_id FROM stock_movement ORDER BY id").fetchall() == [
        ("receive", "", "available", None), ("issue", "available", "issued", 1),
        ("spoil", "available", "spoiled", None), ("reversal", "issued", "available", 1)]
    assert conn.execute("SELECT settled_by, missing FROM stock_count").fetchone() == ("", None)
    # the ledger stays append-only after the backfill
    for sql in ("UPDATE stock_movement SET quantity = 1", "DELETE FROM stock_movement"):
        conn.refused(sql, "append-only")
    plan = (conn.plan(
        "SELECT * FROM stock_range WHERE prefix = 'KB' AND first_no <= 5 "
        "ORDER BY first_no DESC LIMIT 1"))
    assert "stock_range_prefix_first_no" in plan


@pytest.mark.sqlite_only
def test_open_migrates_old_database_and_keeps_a_copy(tmp_path, at):
    path = tmp_path / "blanko.sqlite"
    conn = at(1, "blanko")
    conn.execute(LSP_ROW)
    conn.commit()
    conn.close()
    storage = Storage.open(path)
    try:
        assert storage.schema_version() == migrations.LATEST
        assert storage.db.execute_sql("SELECT name FROM lsp").fetchall() == [("LSP Lama",)]
    finally:
        storage.close()
    copies = list(tmp_path.glob("blanko.v1-*.bak.sqlite"))
    assert len(copies) == 1
    assert sqlite3.connect(copies[0]).execute("PRAGMA user_version").fetchone() == (1,)


@pytest.mark.server_only
def test_open_migrates_an_old_server_database(pg_cluster):
    import psycopg

    url = pg_cluster.new_database()
    db = Db("postgresql", psycopg.connect(url), url)
    for step in migrations.STEPS[:1]:
        db.apply(step)
    db.set_version(1)
    db.execute(LSP_ROW)
    db.commit()
    db.close()
    storage = ServerStorage.open(url)
    try:
        assert storage.schema_version() == migrations.LATEST
        assert storage.db.execute_sql("SELECT name FROM lsp").fetchall() == [("LSP Lama",)]
        assert storage.check().ok
    finally:
        storage.close()


@pytest.mark.server_only
def test_a_foreign_server_database_is_refused(pg_cluster):
    from blanko_desktop.core.errors import StorageError

    url = pg_cluster.new_database()
    pg_cluster_db = __import__("psycopg").connect(url, autocommit=True)
    pg_cluster_db.execute("CREATE TABLE customers (id int)")
    pg_cluster_db.close()
    with pytest.raises(StorageError, match="bukan basis data Blanko Desktop"):
        ServerStorage.open(url)


def test_newer_database_refused(engine, tmp_path, request):
    if engine == "postgresql":
        url = request.getfixturevalue("server_db")
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE blanko_schema SET version = %s", (migrations.LATEST + 1,))
        with pytest.raises(DatabaseTooNewError, match="versi aplikasi yang lebih baru"):
            ServerStorage.open(url)
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT version FROM blanko_schema").fetchone() == (migrations.LATEST + 1,)
        return
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    for step in migrations.STEPS:
        migrations.apply(conn.execute, step)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNewError, match="versi aplikasi yang lebih baru"):
        Storage.open(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (migrations.LATEST + 1,)


def test_m0007_approval_cancel_and_print_copies(at):
    conn = at(6)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.execute("INSERT INTO signatory (version, updated_at, updated_by, name, nip, title, active) VALUES "
                 "(1, '2026-01-05T01:00:00.000000+00:00', 'x', 'Dra. Sri', '', 'Kepala Subbagian', 1)")
    conn.execute("INSERT INTO approval (request_id, signatory_id, approved_qty, approved_at, recorded_by, note) "
                 "VALUES (1, 1, 37, '2026-01-05T02:00:00.000000+00:00', 'u', '')")
    conn.execute("INSERT INTO printed_form (request_id, form, sha256, printer, printed_at, printed_by) VALUES "
                 "(1, 'approval', 'ab', 'PDF', '2026-01-05T02:00:00.000000+00:00', 'u')")
    conn.commit()
    migrate_one(conn, 7)
    assert {"cancelled_at", "cancelled_by", "cancel_reason"} <= set(conn.columns("approval"))
    # an approval given before the step stands: not cancelled
    assert conn.execute("SELECT approved_qty, cancelled_at, cancelled_by, cancel_reason FROM approval"
                        ).fetchone() == (37, None, "", "")
    # a form printed before the step went out once and carried no number
    assert conn.execute("SELECT form, printer, copies, number FROM printed_form").fetchone() == (
        "approval", "PDF", 1, "")


def test_m0010_document_received_once(at):
    conn = at(9)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.execute(REQUEST_ROW)

    def doc(request, kind, sha):
        conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                     "received_at, added_at, added_by) VALUES (?, ?, 'x', ?, 1, 'a/b', 'drop', "
                     "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')",
                     (request, kind, sha))

    doc(1, "email", "aa")       # 1
    doc(2, "email", "aa")       # 2: the race of before the step stored it twice
    doc(2, "list", "aa")        # 3: and a third time
    doc(1, "completion", "cc")  # 4: the secretariat's own papers stay outside the key
    doc(2, "completion", "cc")  # 5
    doc(1, "list", "bb")        # 6
    conn.commit()
    migrate_one(conn, 10)
    assert "repeat_of" in set(conn.columns("document"))
    assert conn.execute("SELECT id, kind, sha256, repeat_of FROM document ORDER BY id").fetchall() == [
        (1, "email", "aa", None), (2, "email", "aa", 1), (3, "list", "aa", 1),
        (4, "completion", "cc", None), (5, "completion", "cc", None), (6, "list", "bb", None)]
    conn.refused("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by) VALUES (2, 'letter', 'x', 'bb', 1, 'a/b', 'drop', "
                 "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')", UNIQUE[conn.engine])
    doc(2, "approval_scan", "bb")  # an own paper with a received file's bytes is not refused


def test_m0011_shipping_parcels(at):
    conn = at(10)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.execute("INSERT INTO courier_pickup (version, updated_at, updated_by, day, courier, handed_at, "
                 "manifest_sha256) VALUES (1, '2026-01-07T01:00:00.000000+00:00', 'x', '2026-01-07', 'JNE', "
                 "'2026-01-07T07:00:00.000000+00:00', '')")

    def parcel(tracking, pickup=None, lsp_back=None):
        conn.execute("INSERT INTO parcel (version, updated_at, updated_by, request_id, pickup_id, tracking_no, "
                     "address, packed_at, lsp_receipt_at) VALUES (1, '2026-01-06T01:00:00.000000+00:00', 'x', 1, "
                     "?, ?, 'Jl. Lama 1', '2026-01-06T01:00:00.000000+00:00', ?)", (pickup, tracking, lsp_back))

    parcel("")                                                         # 1: packed
    parcel(" JP123 ", 1)                                               # 2: shipped (stray spaces)
    parcel("JP123", 1, "2026-01-09T03:00:00.000000+00:00")             # 3: the same number again, receipt back
    parcel("")                                                         # 4: no number, not a duplicate
    conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by) VALUES (1, 'completion', 'x', 'cc', 1, 'a/b', 'x', "
                 "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')")
    conn.commit()
    migrate_one(conn, 11)
    assert conn.execute("SELECT id, tracking_no, status, delivered_on, resolution FROM parcel ORDER BY id").fetchall() == [
        (1, "", "packed", None, ""), (2, "JP123", "shipped", None, ""), (3, "JP123 #3", "delivered", "2026-01-09", ""),
        (4, "", "packed", None, "")]
    cols = set(conn.columns("parcel"))
    assert {"receipt_number", "problem_at", "problem_note", "replaces_id", "courier_receipt_doc_id",
            "lsp_receipt_doc_id"} <= cols
    conn.refused("INSERT INTO parcel (version, updated_at, updated_by, request_id, tracking_no, address) "
                 "VALUES (1, '2026-01-06T01:00:00.000000+00:00', 'x', 1, 'JP123', 'Jl. Lama 1')", UNIQUE[conn.engine])
    parcel("")  # any number of parcels may wait for their number
    # the shipping notice is an own paper: the same bytes twice are not refused, a received file's are
    for kind in ("notice", "notice"):
        conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                     "received_at, added_at, added_by) VALUES (1, ?, 'n.eml', 'nn', 1, 'a/b', 'x', "
                     "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')", (kind,))
    conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by) VALUES (1, 'receipt_lsp', 's.pdf', 'ss', 1, 'a/b', 'x', "
                 "'2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')")
    conn.refused("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by) VALUES (1, 'receipt_courier', 's.pdf', 'ss', 1, 'a/b', "
                 "'x', '2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u')",
                 UNIQUE[conn.engine])


def test_m0012_listed_participants(at):
    conn = at(11)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    summary = '{"counts": {"competent": 3, "not_yet": 1, "participants": 4}, "detected_type": "xlsx", "findings": 0}'
    conn.execute("INSERT INTO document (request_id, kind, original_name, sha256, size, media_type, source, "
                 "received_at, added_at, added_by, analysis) VALUES (1, 'list', 'Daftar.xlsx', 'aa', 1, 'a/b', "
                 "'drop', '2026-01-05T01:00:00.000000+00:00', '2026-01-05T01:00:00.000000+00:00', 'u', ?)",
                 (summary,))
    conn.commit()
    migrate_one(conn, 12)
    columns = conn.columns("listed_participant")
    if conn.server:  # the server's names for the same types
        # (text without a length limit, as SQLite keeps it: the declared lengths are the file's)
        columns = {k: {"TEXT": {"nik": "VARCHAR(16)"}.get(k, "VARCHAR(255)")}.get(v, v) for k, v in columns.items()}
    assert columns == {"id": "INTEGER", "document_id": "INTEGER", "request_id": "INTEGER", "nik": "VARCHAR(16)",
                       "scheme": "VARCHAR(255)", "verdict": "VARCHAR(255)", "name": "VARCHAR(255)",
                       "sheet": "VARCHAR(255)", "row": "INTEGER", "current": "INTEGER",
                       "scheme_code": "VARCHAR(255)", "scheme_name": "VARCHAR(255)", "funding": "VARCHAR(255)"}
    assert {"listed_participant_document_id", "listed_participant_request_id",
            "listed_participant_nik_scheme"} <= conn.names("index")
    # the stored analyses of before hold no NIK: nothing to backfill, the document is left as it was
    assert conn.execute("SELECT COUNT(*) FROM listed_participant").fetchone() == (0,)
    assert conn.execute("SELECT kind, analysis FROM document").fetchall() == [("list", summary)]
    conn.execute("INSERT INTO listed_participant (document_id, request_id, nik, scheme, verdict, name, sheet, row, "
                 "current) VALUES (1, 1, '3201150389001200', 'SKM.41.00012', 'K', 'Ani', 'Peserta', 5, 1)")
    plan = (conn.plan(
        "SELECT request_id FROM listed_participant WHERE nik = '3201150389001200' "
        "AND scheme = 'SKM.41.00012'"))
    assert "listed_participant_nik_scheme" in plan


# the ledger columns that hold a serial or a count of sheets: 64-bit from step 13 on (on the server; a file's
# INTEGER always was)
WIDE = {"stock_movement": ("first_no", "last_no", "quantity", "replaces_first_no"),
        "stock_range": ("first_no", "last_no"), "stock_count": ("counted", "book_balance")}
TOP = 2_147_483_647  # the largest 32-bit integer: the server's INTEGER until step 13


def test_m0013_serials_64_bit(at):
    from datetime import date

    from blanko_desktop.core.audit import Actor
    from blanko_desktop.core.services import Services
    from blanko_desktop.core.stock import StockLedger
    from blanko_desktop.core.storage import open_storage
    from tests.core.stock.conftest import approve_replacement, make_approved, make_replacement

    conn = at(12)
    conn.execute(LSP_ROW)
    conn.execute(REQUEST_ROW)
    conn.execute(REQUEST_ROW)
    # a ledger up to the last serial that fit: received, issued, two sheets back damaged and replaced
    for kind, first, last, places, request, replaces in (
            ("receive", TOP - 647, TOP, ("", "available"), None, None),
            ("issue", TOP - 647, TOP - 638, ("available", "issued"), 1, None),
            ("return_damaged", TOP - 647, TOP - 646, ("issued", "returned"), 2, None),
            ("issue", TOP - 637, TOP - 636, ("available", "issued"), 2, TOP - 647)):
        conn.execute("INSERT INTO stock_movement (kind, prefix, first_no, last_no, quantity, request_id, at, by, "
                     "note, from_place, to_place, lsp_id, doc_number, replaces_prefix, replaces_first_no) VALUES "
                     "(?, 'KB', ?, ?, ?, ?, '2026-01-05T01:00:00.000000+00:00', 'u', '', ?, ?, ?, '', ?, ?)",
                     (kind, first, last, last - first + 1, request, *places, request and 1,
                      replaces and "KB", replaces))
    for first, last, place, request in ((TOP - 647, TOP - 646, "returned", 1), (TOP - 645, TOP - 638, "issued", 1),
                                        (TOP - 637, TOP - 636, "issued", 2), (TOP - 635, TOP, "available", None)):
        conn.execute("INSERT INTO stock_range (prefix, first_no, last_no, place, request_id, lsp_id) "
                     "VALUES ('KB', ?, ?, ?, ?, ?)", (first, last, place, request, request and 1))
    conn.execute("INSERT INTO stock_count (at, counted, book_balance, explanation, by, settled_by) VALUES "
                 "('2026-01-06T01:00:00.000000+00:00', 636, 636, '', 'u', '')")
    big = ("INSERT INTO stock_range (prefix, first_no, last_no, place) VALUES ('KB', 3000000001, 3000000100, "
           "'available')")
    if conn.server:  # the fault this step removes
        conn.refused(big, "out of range")
    conn.commit()

    def rows() -> dict[str, list]:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in WIDE}

    before = rows()
    types_before = {table: conn.columns(table) for table in WIDE}
    migrate_one(conn, 13)
    assert rows() == before
    for table, wide in WIDE.items():
        expected = dict(types_before[table])
        if conn.server:
            expected.update({column: "BIGINT" for column in wide})
        assert conn.columns(table) == expected, table  # the server's serials 64-bit; nothing else changed
    assert {"stock_movement_no_update", "stock_movement_no_delete"} <= conn.names("trigger")
    conn.refused("UPDATE stock_movement SET quantity = 1", "append-only")
    conn.execute(big)
    assert conn.execute("SELECT first_no, last_no FROM stock_range WHERE first_no > ?", (TOP,)).fetchall() == [
        (3_000_000_001, 3_000_000_100)]
    assert "stock_range_prefix_first_no" in conn.plan(
        "SELECT * FROM stock_range WHERE prefix = 'KB' AND first_no <= 3000000050 ORDER BY first_no DESC LIMIT 1")
    conn.conn.rollback()  # that row was only to try the column: the app receives the range below

    # the app on the migrated database: 10-digit serials above 32 bits received, issued, replaced and counted
    storage = open_storage(conn.address, create=False)
    try:
        services = Services(storage, Actor("officer1", "Budi Santoso"))
        ledger = StockLedger(services)
        assert ledger.verify() == []
        services.set_setting("stock_serial_format", "KB:10")
        ledger.receive("KB 3000000001 - KB 3000000100", "SJ-2/PERURI/2026", date(2026, 8, 3))
        req = make_approved(services, 40, lsp_id=1)
        assert [r.text(ledger.serial_format()) for r in ledger.issue(req, "KB 3000000001 - KB 3000000040")] == [
            "KB 3000000001 – KB 3000000040"]
        replacement = make_replacement(services, 1)
        ledger.return_damaged(replacement, "KB 3000000003 - KB 3000000004", "BA kerusakan: basah")
        approve_replacement(services, replacement, 2)
        ledger.issue(replacement, "KB 3000000041 - KB 3000000042")
        count = ledger.count(counted_ranges=f"KB {TOP - 635} - KB {TOP}; KB 3000000043 - KB 3000000089; "
                                            "KB 3000000095 - KB 3000000100")
        result = ledger.count_result(count)
        assert (result.book, result.counted) == (636 + 58, 636 + 53)
        ledger.settle_count(count, "lima lembar hilang, ada laporan kehilangannya")
        assert ledger.verify() == []
        balance = ledger.balance()
        assert (balance.available, balance.issued, balance.missing, balance.returned) == (689, 50, 5, 4)
        assert ledger.where("KB 3000000092").place == "missing"
        assert ledger.where("KB 3000000042").replaces == "KB 3000000004"
    finally:
        storage.close()
    assert conn.execute("SELECT MAX(last_no), MAX(replaces_first_no), MAX(book_balance) FROM stock_movement, "
                        "stock_count").fetchone() == (3_000_000_100, 3_000_000_003, 694)
