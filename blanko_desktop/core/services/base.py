"""What every service shares: the write transaction, the audit entry, optimistic locking, frozen requests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from blanko_desktop.core import audit
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.errors import ConflictError, NoOfficerError
from blanko_desktop.core.models import Versioned, utcnow
from blanko_desktop.core.storage import Storage


class ServiceBase:
    """The officer's operations on one open database: the plumbing each capability's service uses."""

    def __init__(self, storage: Storage, actor: Actor):
        self.storage = storage
        self.actor = actor
        self._calendar = None

    def _write(self, fn):
        return self.storage.write(fn)

    def signing_officer(self, what: str) -> str:
        """The officer's name for a paper signed with it (`what`: 'lembar persetujuan', ...); refused without one,
        never the OS login."""
        name = (self.actor.officer or "").strip()
        if not name:
            raise NoOfficerError(what)
        return name

    def _audit(self, action: str, entity: str, entity_id: object, before: Any = None, after: Any = None):
        audit.record(self.actor, action, entity, entity_id, before, after)

    def _bump(self, row: Versioned, expected_version: int | None, what: str, changes: dict[str, Any]) -> None:
        """Save `changes` to a versioned row unless someone else saved it since `expected_version`."""
        model = type(row)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(what, row.updated_by, _local_text(row.updated_at))
        pk = model._meta.primary_key
        stamp = utcnow()
        values = {**changes, "version": row.version + 1, "updated_at": stamp, "updated_by": self.actor.label}
        fields = [model._meta.combined[key] for key in values]
        params = [field.db_value(value) for field, value in zip(fields, values.values())]
        params += [pk.db_value(getattr(row, pk.name)), row.version]
        count = model._meta.database.execute_sql(_versioned_update(model, fields), params).rowcount
        if count != 1:
            fresh = model.get(pk == getattr(row, pk.name))
            raise ConflictError(what, fresh.updated_by, _local_text(fresh.updated_at))
        for key, value in changes.items():
            setattr(row, key, value)
        # the row now reads as the database does: an operation can hand it on instead of reading it again
        row.version += 1
        row.updated_at, row.updated_by = stamp, self.actor.label


# The text of each versioned UPDATE by table and columns (a handful in all), not any row: peewee built the same
# statement anew for every save (~0.25 ms each, ~460 saves in the demo), SQLite's execution is a fraction of it.
_UPDATE_SQL: dict[tuple[str, tuple[str, ...]], str] = {}


def _versioned_update(model: type[Versioned], fields: list) -> str:
    """`UPDATE table SET columns WHERE pk = ? AND version = ?`, in SQLite's dialect (the server translates it)."""
    columns = tuple(field.column_name for field in fields)
    key = (model._meta.table_name, columns)
    sql = _UPDATE_SQL.get(key)
    if sql is None:
        sets = ", ".join(f'"{column}" = ?' for column in columns)
        sql = (f'UPDATE "{model._meta.table_name}" SET {sets} '
               f'WHERE "{model._meta.primary_key.column_name}" = ? AND "version" = ?')
        _UPDATE_SQL[key] = sql
    return sql


def _local_text(moment: datetime | None) -> str | None:
    """A stored UTC time as the officer reads it (local clock of this workstation)."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M") if moment else None
