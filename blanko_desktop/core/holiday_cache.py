"""The holidays library's answers kept in a file of the workstation, per installed copy of the library."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

FILE_NAME = "libur-nasional.json"
T = TypeVar("T")


def kept(folder: Path | None, key: str, ask: Callable[[], T], encode: Callable[[T], Any] = lambda v: v,
         decode: Callable[[Any], T] = lambda v: v) -> T:
    """`ask()`'s answer for `key`, from the file in `folder` when this copy of the library gave it before.

    Importing the library loads all its 250 countries: ~0.1 s of every process that computes a due time
    (`blanko intake` creating a request) for answers that never change while the library stays the same.
    A file the workstation cannot read or write only means asking the library.
    """
    stamp = _library_stamp() if folder is not None else None
    if stamp is None:
        return ask()
    path = folder / FILE_NAME
    entries = _read(path, stamp)
    if key in entries:
        try:
            return decode(entries[key])
        except (TypeError, ValueError, KeyError):  # damaged by hand: asked again and written over
            pass
    value = ask()
    entries = {**_read(path, stamp), key: encode(value)}  # what another process added meanwhile stays
    _write(path, {"library": stamp, "entries": entries})
    return value


def _library_stamp() -> str | None:
    """Which copy of the library is installed, told without importing it (its version is read from package
    metadata, itself ~10-60 ms to import): installing another version writes its files anew."""
    try:
        spec = importlib.util.find_spec("holidays")
        info = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, OSError):
        return None
    if info is None:  # a frozen app's library inside an archive: asked each time, as before
        return None
    return f"{spec.origin}|{info.st_size}|{info.st_mtime_ns}"


def _read(path: Path, stamp: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("library") != stamp or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".libur-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp, path)  # whole or not at all: a reader never sees half a file
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError as exc:
        log.debug("holiday cache not written to %s: %s", path, exc)
