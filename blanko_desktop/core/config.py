"""Per-workstation settings (database file, recent files, officer profile, language, printer) as JSON."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from blanko_desktop import paths

MAX_RECENT = 8


@dataclass
class LocalConfig:
    """What belongs to this workstation rather than to the shared database."""

    database: str = ""
    recent: list[str] = field(default_factory=list)
    officer: str = ""
    language: str = "id"
    printer: str = ""

    @property
    def database_path(self) -> Path:
        return Path(self.database) if self.database else paths.default_database()

    def remember(self, db_path: Path) -> None:
        """Make db_path the current database and the first of the recent ones."""
        text = str(db_path)
        self.database = text
        self.recent = [text] + [p for p in self.recent if p != text]
        del self.recent[MAX_RECENT:]


def config_file() -> Path:
    return paths.config_dir() / "config.json"


def load() -> LocalConfig:
    """Read the workstation settings; a missing or unreadable file gives the defaults."""
    try:
        raw = json.loads(config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LocalConfig()
    known = {k: raw[k] for k in LocalConfig.__dataclass_fields__ if k in raw}
    try:
        return LocalConfig(**known)
    except TypeError:
        return LocalConfig()


def save(cfg: LocalConfig) -> None:
    """Write the workstation settings atomically."""
    target = config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".config-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(cfg), fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
