"""The peewee models and the schema the migrations build agree: tables, columns and indexes, both ways."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from blanko_desktop.core import migrations, models

# Indexes only the migrations make: they serve the requests table's sorting and filtering at 100,000
# requests (m0002, m0004) and no query is built from the model for them. A new one goes here or, better,
# into the model's Meta.indexes; either way this test makes someone decide.
MIGRATION_ONLY_INDEXES = {
    "request_received_at", "request_state_received", "request_lsp_received", "request_due_at",
    "audit_event_entity", "request_running_due",
}

# FTS5 indexes only the migrations make (m0008: the requests table's text search), kept by triggers and read
# in SQL; a virtual table and its shadow tables (name_data, name_idx, ...) have no model.
MIGRATION_ONLY_VIRTUAL_TABLES = {"request_search"}
FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")


def affinity(declared: str) -> str:
    """SQLite's column affinity of a declared type (https://sqlite.org/datatype3.html, 3.1)."""
    upper = declared.upper()
    if "INT" in upper:
        return "INTEGER"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in upper or not upper:
        return "BLOB"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def describe(path: Path) -> dict:
    """Every table's columns and every index, as comparable values."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if r[0] not in MIGRATION_ONLY_VIRTUAL_TABLES | {f"{v}_{s}" for v in MIGRATION_ONLY_VIRTUAL_TABLES
                                                             for s in FTS5_SHADOWS}]
        virtual = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")}
        columns = {
            (table, name): (affinity(declared), bool(notnull), bool(pk))
            for table in tables
            for _, name, declared, notnull, _, pk in conn.execute(f'PRAGMA table_info("{table}")')
        }
        indexes = {}
        for table in tables:
            for _, name, unique, origin, partial in conn.execute(f'PRAGMA index_list("{table}")'):
                if origin == "pk":
                    continue
                cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")'))
                indexes[name] = (table, cols, bool(unique), bool(partial))
        return {"tables": set(tables), "columns": columns, "indexes": indexes, "virtual": virtual}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("schemas")
    migrated = folder / "migrated.sqlite"
    conn = sqlite3.connect(migrated)
    for step in migrations.STEPS:
        migrations.apply(conn.execute, step)
    conn.commit()
    conn.close()

    declared = folder / "models.sqlite"
    db = SqliteDatabase(declared)
    with db.bind_ctx(models.ALL_MODELS):
        db.create_tables(models.ALL_MODELS)
    db.close()
    return describe(declared), describe(migrated)


def test_the_same_tables(schemas):
    declared, migrated = schemas
    assert declared["tables"] == {m._meta.table_name for m in models.ALL_MODELS}
    assert sorted(declared["tables"] - migrated["tables"]) == [], "tables in the models that no migration makes"
    assert sorted(migrated["tables"] - declared["tables"]) == [], "tables the migrations make that no model has"


def test_virtual_tables_listed(schemas):
    _, migrated = schemas
    assert migrated["virtual"] == MIGRATION_ONLY_VIRTUAL_TABLES


def test_the_same_columns_with_the_same_not_null_and_affinity(schemas):
    declared, migrated = schemas
    d, m = declared["columns"], migrated["columns"]
    assert sorted(set(d) - set(m)) == [], "columns in the models that no migration makes"
    assert sorted(set(m) - set(d)) == [], "columns the migrations make that no model has"
    differing = {key: {"model": d[key], "migrations": m[key]} for key in d if key in m and d[key] != m[key]}
    assert differing == {}, "(affinity, not null, primary key) differ"


def test_the_same_indexes(schemas):
    declared, migrated = schemas
    d, m = declared["indexes"], migrated["indexes"]
    assert sorted(set(d) - set(m)) == [], "indexes in the models that no migration makes"
    assert sorted(set(m) - set(d) - MIGRATION_ONLY_INDEXES) == [], "indexes the migrations make that no model has"
    assert sorted(MIGRATION_ONLY_INDEXES - set(m)) == [], "listed as made by migrations, but none makes it"
    assert sorted(MIGRATION_ONLY_INDEXES & set(d)) == [], "listed as migration-only, but a model declares it"
    differing = {name: {"model": d[name], "migrations": m[name]} for name in d if name in m and d[name] != m[name]}
    assert differing == {}, "(table, columns, unique, partial) differ"


# -- the same schema on the PostgreSQL server --------------------------------------------------------------

# The server's own: documents in the database, the schema version, the officers' role (core/server.py).
SERVER_ENGINE_TABLES = {"blanko_schema", "stored_file", "blanko_officer_role"}
# Text search: SQLite's FTS5 table (m0008) is the server's trigram indexes.
SERVER_ONLY_INDEXES = {"request_letter_number_trgm", "request_sender_trgm", "lsp_name_trgm"}


def server_affinity(declared: str) -> str:
    low = declared.lower()
    if "int" in low or "serial" in low:
        return "INTEGER"
    if "char" in low or "text" in low:
        return "TEXT"
    if "bytea" in low:
        return "BLOB"
    return low.upper()


@pytest.fixture(scope="module")
def server_schema(pg_cluster) -> dict:
    from blanko_desktop.core.server import ServerStorage

    url = pg_cluster.new_database()
    ServerStorage.open(url).close()
    import psycopg

    with psycopg.connect(url) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        types = {(table, name): kind for table in tables for name, kind in conn.execute(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
            "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped", (table,))}
        columns = {
            (table, name): (server_affinity(kind), not nullable, name in pks)
            for table in tables
            for pks in [{r[0] for r in conn.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary", (table,))}]
            for name, kind, nullable in conn.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull FROM pg_attribute a "
                "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped", (table,))
        }
        indexes = {}
        for name, table, unique, partial, cols in conn.execute(
                "SELECT c.relname, t.relname, i.indisunique, i.indpred IS NOT NULL, "
                "ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) "
                "      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) "
                "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT i.indisprimary"):
            indexes[name] = (table, tuple(cols), unique, partial)
    pg_cluster.drop(url)
    return {"tables": tables, "columns": columns, "indexes": indexes, "types": types}


def test_the_server_has_the_same_tables(schemas, server_schema):
    _, migrated = schemas
    assert server_schema["tables"] - SERVER_ENGINE_TABLES == migrated["tables"]
    assert SERVER_ENGINE_TABLES <= server_schema["tables"]


def test_the_server_has_the_same_columns(schemas, server_schema):
    _, migrated = schemas
    s = {k: v for k, v in server_schema["columns"].items() if k[0] not in SERVER_ENGINE_TABLES}
    m = {k: (v[0] if v[0] != "NUMERIC" else "TEXT", v[1] or v[2], v[2]) for k, v in migrated["columns"].items()}
    # dates are declared DATE on the file (NUMERIC affinity, ISO text stored) and TEXT on the server; a primary
    # key is NOT NULL on the server by definition
    s = {k: (v[0], v[1], v[2]) for k, v in s.items()}
    assert sorted(set(m) - set(s)) == [], "columns the file has and the server not"
    assert sorted(set(s) - set(m)) == [], "columns the server has and the file not"
    differing = {key: {"file": m[key], "server": s[key]} for key in m if m[key] != s[key]}
    assert differing == {}, "(affinity, not null, primary key) differ between the engines"


def test_the_server_has_the_same_indexes(schemas, server_schema):
    _, migrated = schemas
    s = {k: v for k, v in server_schema["indexes"].items()
         if k not in SERVER_ONLY_INDEXES and v[0] not in SERVER_ENGINE_TABLES}
    assert s == migrated["indexes"]
    assert SERVER_ONLY_INDEXES <= set(server_schema["indexes"])


# The server's integer column for each of peewee's integer types (a file's INTEGER holds 64 bits whatever is
# declared, so only the server can be too narrow).
SERVER_INTEGER_WIDTH = {"SERIAL": "integer", "INTEGER": "integer", "BIGINT": "bigint"}


def test_the_server_integers_are_as_wide_as_the_models(server_schema):
    """An integer the models declare 64-bit (BigIntegerField: serials of up to 12 digits and the sheet counts
    of the stock ledger, m0013) is a BIGINT on the server, every other one a 32-bit INTEGER: a model made
    wider without a migration step for the server (a serial above 2,147,483,647 refused there) fails here."""
    from peewee import PostgresqlDatabase

    peewee_types = PostgresqlDatabase(None).get_sql_context().state.field_types
    declared = {(m._meta.table_name, f.column_name): SERVER_INTEGER_WIDTH[peewee_types.get(f.field_type)]
                for m in models.ALL_MODELS for f in m._meta.sorted_fields
                if peewee_types.get(f.field_type) in SERVER_INTEGER_WIDTH}
    on_server = {key: server_schema["types"][key] for key in declared}
    assert {key for key, width in declared.items() if width == "bigint"} >= {
        ("stock_movement", "first_no"), ("stock_range", "last_no"), ("stock_count", "counted")}
    assert {key: (declared[key], on_server[key]) for key in declared if declared[key] != on_server[key]} == {}, \
        "(model, server) integer width differ"
    wide = {key for key, kind in server_schema["types"].items()
            if kind == "bigint" and key[0] not in SERVER_ENGINE_TABLES}
    assert wide == {key for key, width in declared.items() if width == "bigint"}


def test_every_server_text_column_compares_byte_by_byte(pg_cluster):
    """SQLite sorts text by its bytes; the server's columns carry the "C" collation so that a database made with
    any language setting lists LSPs, senders and numbers in the same order as a file."""
    from blanko_desktop.core.server import ServerStorage

    url = pg_cluster.new_database()
    ServerStorage.open(url).close()
    import psycopg

    with psycopg.connect(url) as conn:
        other = conn.execute(
            "SELECT c.relname || '.' || a.attname, co.collname FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_collation co ON co.oid = a.attcollation "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
            "AND a.attcollation <> 0 AND c.relname NOT IN ('blanko_schema', 'blanko_officer_role') "
            "AND co.collname <> 'C'").fetchall()
        text_columns = conn.execute(
            "SELECT COUNT(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
            "AND a.attnum > 0 AND a.attcollation <> 0").fetchone()[0]
    pg_cluster.drop(url)
    assert text_columns > 100
    assert other == []


def test_server_text_has_no_length_limit_the_file_lacks(server_db):
    """SQLite does not enforce VARCHAR(255); neither may the server (an e-mail subject can be longer)."""
    from blanko_desktop.core.server import ServerStorage

    storage = ServerStorage.open(server_db)
    try:
        long = "Permohonan blanko " * 30
        storage.db.execute_sql("INSERT INTO closure (day, kind, note, created_by) VALUES (?, ?, ?, ?)",
                               ("2026-12-24", "cuti_bersama", long, "x"))
        assert storage.db.execute_sql("SELECT note FROM closure").fetchone() == (long,)
    finally:
        storage.close()
