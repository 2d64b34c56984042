"""Editing the database behind the app's back, as a tamperer with the rights to do it would, on either engine."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

APPEND_ONLY = ("audit_event", "stock_movement")
TRIGGERS = tuple(f"{table}_no_{op}" for table in APPEND_ONLY for op in ("update", "delete"))


@contextmanager
def behind_the_app(storage, guards_off: bool = True) -> Iterator[Callable]:
    """An `execute(sql, params=())` in SQLite's dialect that edits the database outside the app, committed
    at the end: on the file straight through sqlite3 with the append-only triggers dropped; on the server
    through the storage's own connection as the database's owner, who may switch those triggers off (`ALTER
    TABLE ... DISABLE TRIGGER`, the server's `DROP TRIGGER`; an officer's role may not). `guards_off=False`
    leaves those triggers as they are, for edits of other tables."""
    if storage.is_file:
        conn = sqlite3.connect(storage.path)
        try:
            for name in TRIGGERS if guards_off else ():
                conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            yield lambda sql, params=(): conn.execute(sql, params)
            conn.commit()
        finally:
            conn.close()
        return
    db = storage.db
    for name in TRIGGERS if guards_off else ():
        db.execute_sql(f'ALTER TABLE "{name.rpartition("_no_")[0]}" DISABLE TRIGGER "{name}"')
    with db.atomic():
        yield lambda sql, params=(): db.execute_sql(sql, params or None)


def raw(storage, *statements: str, params=(), guards_off: bool = True) -> None:
    """Run `statements` behind the app (see `behind_the_app`)."""
    with behind_the_app(storage, guards_off) as execute:
        for sql in statements:
            execute(sql, params)


def where(storage) -> str:
    """How anchors and messages name the database: the resolved file, or the server's address."""
    return str(Path(storage.path).resolve()) if storage.is_file else storage.location
