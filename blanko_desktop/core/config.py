"""Per-workstation settings (database file, recent files, officer, language, printers) as versioned JSON.

The file carries a "version"; load() upgrades an older file step by step (STEPS, like the database's
migrations), each step a small function `upgrade_to_N(raw) -> raw` with its own test in
tests/core/test_config.py (a meta-test fails when one is missing).

A file written by a newer app is read, not refused: this version takes the keys it knows and keeps every
other key, and the newer version number, to write them back unchanged. The settings here only say where
the database is and who works at this desk; refusing them would lock the officer out of the app after a
downgrade or on a roaming profile shared with a newer install, and dropping the unknown keys would lose
the newer app's settings. So that an older app never misreads a newer file, a later step never changes
the meaning or type of a key: it adds keys, or renames the key whose meaning changes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blanko_desktop import paths

MAX_RECENT = 8

log = logging.getLogger(__name__)

Raw = dict[str, Any]


def upgrade_to_1(raw: Raw) -> Raw:
    """Version 1 is the unversioned layout as it was (database, recent, officer, language, printer):
    only the number is new."""
    return dict(raw)


def upgrade_to_2(raw: Raw) -> Raw:
    """Version 2 remembers a printer per form ("printers": {"receipt": "HP LaserJet", "label": "Zebra"}):
    receipts to one printer, labels to another. It starts empty; "printer" stays the default for the rest."""
    return {**raw, "printers": {}}


# STEPS[n - 1] turns a version n - 1 file into version n; an unversioned file is version 0.
STEPS: tuple[Callable[[Raw], Raw], ...] = (upgrade_to_1, upgrade_to_2)
VERSION = len(STEPS)


@dataclass
class LocalConfig:
    """What belongs to this workstation rather than to the shared database."""

    database: str = ""
    recent: list[str] = field(default_factory=list)
    officer: str = ""
    language: str = "id"
    printer: str = ""
    printers: dict[str, str] = field(default_factory=dict)  # form code -> the printer last used for it
    # The layout version written back: VERSION, or a newer file's own number (its keys are kept in extra).
    version: int = VERSION
    extra: Raw = field(default_factory=dict, compare=False, repr=False)
    # Where load() kept a copy of an unreadable file, so that the window can tell the officer.
    set_aside: Path | None = field(default=None, compare=False, repr=False)

    @property
    def database_path(self) -> Path:
        return Path(self.database) if self.database else paths.default_database()

    @property
    def database_target(self) -> Path | str:
        """What to open: the database file's path, or a PostgreSQL server's address (kept as text)."""
        if self.database.startswith(("postgresql://", "postgres://")):
            return self.database
        return self.database_path

    def remember(self, db_path: Path | str) -> None:
        """Make db_path the current database and the first of the recent ones."""
        text = str(db_path)
        self.database = text
        self.recent = [text] + [p for p in self.recent if p != text]
        del self.recent[MAX_RECENT:]

    def printer_for(self, form: str) -> str:
        """The printer this form was last printed on here, else the default printer of Settings ('' = none)."""
        return self.printers.get(form) or self.printer

    def to_json(self) -> Raw:
        data: Raw = {"version": self.version}
        data.update((name, getattr(self, name)) for name in _SETTINGS)
        data.update((k, v) for k, v in self.extra.items() if k not in data)
        return data


# The settings themselves and the check each stored value must pass.
_SETTINGS: dict[str, Callable[[Any], bool]] = {
    "database": lambda v: isinstance(v, str),
    "recent": lambda v: isinstance(v, list) and all(isinstance(p, str) for p in v),
    "officer": lambda v: isinstance(v, str),
    "language": lambda v: isinstance(v, str),
    "printer": lambda v: isinstance(v, str),
    "printers": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(p, str)
                                                      for k, p in v.items()),
}


class UnreadableConfig(ValueError):
    """The file is not a settings file this app can make sense of."""


def config_file() -> Path:
    return paths.config_dir() / "config.json"


def upgrade(raw: Raw) -> Raw:
    """raw as the current layout: the steps from its version on, in order; a newer file is left as it is."""
    version = raw.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise UnreadableConfig(f"version {version!r} is not a layout version")
    for number, step in enumerate(STEPS[version:], start=version + 1):
        raw = step(raw)
        raw["version"] = number
    return raw


def from_json(raw: Any) -> LocalConfig:
    """The settings in a parsed file of any version; UnreadableConfig when they cannot be made sense of."""
    if not isinstance(raw, dict):
        raise UnreadableConfig(f"a {type(raw).__name__}, not an object")
    raw = upgrade(dict(raw))
    wrong = [k for k, valid in _SETTINGS.items() if k in raw and not valid(raw[k])]
    if wrong:
        raise UnreadableConfig(f"unexpected value for {', '.join(wrong)}")
    extra = {k: v for k, v in raw.items() if k not in _SETTINGS and k != "version"}
    return LocalConfig(**{k: raw[k] for k in _SETTINGS if k in raw}, version=raw["version"], extra=extra)


def load() -> LocalConfig:
    """Read the workstation settings, upgraded to this version; a missing file gives the defaults, and so
    does an unreadable one after a copy of it is kept aside (save() would otherwise overwrite it)."""
    path = config_file()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LocalConfig()
    except OSError as exc:
        log.warning("cannot read %s (%s); using the default settings", path, exc)
        return LocalConfig()
    try:
        return from_json(json.loads(data.decode("utf-8")))
    except (ValueError, UnreadableConfig) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        cfg = LocalConfig()
        cfg.set_aside = _set_aside(path, data)
        log.warning("unreadable settings file %s (%s); kept as %s, using the defaults", path, exc, cfg.set_aside)
        return cfg


def _set_aside(path: Path, data: bytes) -> Path | None:
    # Named by content, so that loading the same broken file again (every CLI run until the next save)
    # does not pile up copies.
    copy = path.with_name(f"{path.stem}-unreadable-{hashlib.sha256(data).hexdigest()[:12]}{path.suffix}")
    try:
        if not copy.exists():
            copy.write_bytes(data)
    except OSError as exc:
        log.warning("cannot keep a copy of %s (%s)", path, exc)
        return None
    return copy


def save(cfg: LocalConfig) -> None:
    """Write the workstation settings atomically."""
    target = config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".config-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(cfg.to_json(), fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
