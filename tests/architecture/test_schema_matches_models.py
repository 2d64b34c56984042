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
