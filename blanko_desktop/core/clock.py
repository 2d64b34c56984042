"""The current time, in one place, so that tests and the demo can set it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone


def _system() -> datetime:
    return datetime.now(timezone.utc)


_source: Callable[[], datetime] = _system


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return _source()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Make `now()` answer from `source` (None: the system clock again)."""
    global _source
    _source = source or _system
