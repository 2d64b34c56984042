"""The append-only, tamper-evident audit log: each entry carries the hash of the one before."""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from blanko_desktop.core import integrity
from blanko_desktop.core.models import AuditEvent, UtcDateTimeField, utcnow

GENESIS = "0" * 64
_AT = UtcDateTimeField()


@dataclass(frozen=True)
class Actor:
    """Who acts: the OS login and the officer's profile name."""

    os_user: str
    officer: str = ""

    @classmethod
    def current(cls, officer: str = "") -> "Actor":
        try:
            login = getpass.getuser()
        except Exception:  # getuser raises when no login name can be found (services, containers)
            login = "unknown"
        return cls(os_user=login, officer=officer)

    @property
    def label(self) -> str:
        return f"{self.officer} ({self.os_user})" if self.officer else self.os_user


def _digest(prev: str, at: str, actor_os: str, officer: str, action: str, entity: str,
            entity_id: str, before: Any, after: Any) -> str:
    payload = json.dumps(
        [prev, at, actor_os, officer, action, entity, entity_id, before, after],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _normalise(value: Any) -> Any:
    # Store exactly what is hashed: a JSON round trip turns dates and tuples into their JSON form.
    return None if value is None else json.loads(json.dumps(value, ensure_ascii=False, default=str))


# Written by hand, once: an entry is appended by every change (a thousand in `blanko demo`), and peewee built
# these three statements anew each time (~0.25 ms of Python per entry, more than SQLite's work). The server's
# execute_sql turns the placeholders into its own.
_TAIL_SQL = ("SELECT (SELECT id FROM database_identity LIMIT 1), a.id, a.hash FROM "
             "(SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1) AS a")
_LAST_SQL = "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"
_INSERT_SQL = ("INSERT INTO audit_event (id, at, os_user, officer, action, entity, entity_id, \"before\", \"after\", "
               "prev_hash, hash, mac, mac_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_JSON = AuditEvent.before


def record(actor: Actor, action: str, entity: str, entity_id: object,
           before: Any = None, after: Any = None) -> None:
    """Append one event, signed with this workstation's key; call inside the write transaction of the change
    it records (its lock makes the next entry number ours)."""
    execute = AuditEvent._meta.database.execute_sql
    # the database's identity and the chain's tail in one statement (no row: the log is still empty)
    try:
        tail = execute(_TAIL_SQL).fetchone()
    except Exception:  # the identity table itself dropped (tampering `check` reports): sign without it
        last = execute(_LAST_SQL).fetchone()
        tail = (None, *last) if last else None
    if tail is None:
        identity, number, prev = integrity.database_id(execute), 1, GENESIS
    else:
        identity, number, prev = tail[0], tail[1] + 1, tail[2]
    at = _AT.db_value(utcnow())
    before, after = _normalise(before), _normalise(after)
    eid = "" if entity_id is None else str(entity_id)
    digest = _digest(prev, at, actor.os_user, actor.officer, action, entity, eid, before, after)
    # the MAC binds the entry to this database and its number, with a key the database file does not hold
    mac, mac_key = integrity.sign(identity or "", number, digest)
    execute(_INSERT_SQL, (number, at, actor.os_user, actor.officer, action, entity, eid, _JSON.db_value(before),
                          _JSON.db_value(after), prev, digest, mac, mac_key))


@dataclass
class ChainReport:
    count: int = 0
    problems: list[str] = field(default_factory=list)


def verify_chain() -> ChainReport:
    """Recompute every entry's hash and link; report the first entries that do not fit."""
    report = ChainReport()
    prev = GENESIS
    cursor = AuditEvent._meta.database.execute_sql(
        "SELECT id, at, os_user, officer, action, entity, entity_id, before, after, prev_hash, hash "
        "FROM audit_event ORDER BY id")
    for row in cursor:
        (eid, at, os_user, officer, action, entity, entity_id, before, after, prev_hash, digest) = row
        report.count += 1
        before = None if before is None else json.loads(before)
        after = None if after is None else json.loads(after)
        if prev_hash != prev:
            report.problems.append(f"Jejak audit terputus di entri {eid}: tautan ke entri sebelumnya tidak cocok")
        expected = _digest(prev_hash, at, os_user, officer, action, entity, entity_id, before, after)
        if expected != digest:
            report.problems.append(f"Jejak audit diubah di entri {eid}: isi tidak cocok dengan hash-nya")
        prev = digest
    return report
