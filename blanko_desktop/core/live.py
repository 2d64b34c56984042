"""What colleagues changed since a point of the audit log, so an open window reloads just that."""

from __future__ import annotations

from dataclasses import dataclass

from blanko_desktop.core.storage import Storage

# Past this many entries since the last look (a colleague's bulk import), the window reloads everything.
MAX_EVENTS = 2000


@dataclass(frozen=True)
class Touched:
    """The kinds of data the audit entries after `after_id` touched (every change is audited with its write)."""

    last_event: int
    request_ids: frozenset[int] = frozenset()
    requests: bool = False   # requests were added, moved or edited: lists reload
    lsps: bool = False
    settings: bool = False
    calendar: bool = False
    documents: bool = False
    other: bool = False      # something this table does not know (stock, a future capability): reload all

    @property
    def anything(self) -> bool:
        return bool(self.request_ids) or self.requests or self.lsps or self.settings or self.calendar \
            or self.documents or self.other


def last_event_id(storage: Storage) -> int:
    return storage.db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").fetchone()[0]


def touched_since(storage: Storage, after_id: int) -> Touched:
    """What the audit entries after `after_id` touched; `last_event` is where the next look starts."""
    rows = storage.db.execute_sql(
        "SELECT id, action, entity, entity_id FROM audit_event WHERE id > ? ORDER BY id LIMIT ?",
        (after_id, MAX_EVENTS + 1)).fetchall()
    if not rows:
        return Touched(after_id)
    if len(rows) > MAX_EVENTS:
        return Touched(last_event_id(storage), requests=True, lsps=True, settings=True, calendar=True,
                       documents=True, other=True)
    ids: set[int] = set()
    flags = dict(requests=False, lsps=False, settings=False, calendar=False, documents=False, other=False)
    for _id, action, entity, entity_id in rows:
        family = action.partition(".")[0]
        if entity == "request":
            flags["requests"] = True
            if entity_id.isdigit():
                ids.add(int(entity_id))
            if family in ("document", "completion", "approval"):
                flags["documents"] = True
        elif family == "closure":
            flags["calendar"] = True
        elif family == "setting":
            flags["settings"] = flags["calendar"] = True  # office hours and pickup days make the calendar
        elif family == "lsp":
            flags["lsps"] = True
        else:
            flags["other"] = True
    return Touched(rows[-1][0], frozenset(ids), **flags)
