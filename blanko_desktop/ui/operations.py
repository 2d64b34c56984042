"""The one way the window runs work off the GUI thread: an operation returns plain values and what it changed.

Modelled on Anki's CollectionOp/QueryOp: a *query* reads (read models, an analysis), a *write* changes the
database through the services and says which kinds of data it touched (`Changes`); the session announces
that, and each view reloads only what concerns it. peewee keeps one connection per thread: every operation
closes its thread's connection when done, here and nowhere else.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from blanko_desktop.core.storage import Storage

# Intake and checklist work share the core's analysis cache and a lot of memory: one such operation at a time.
ANALYSIS_LOCK = threading.Lock()


@dataclass(frozen=True)
class Changes:
    """What a write changed: the requests it touched, and which kinds of data."""

    request_ids: frozenset[int] = frozenset()
    requests: bool = False   # the set of requests changed (one added, cancelled, moved): lists reload
    lsps: bool = False
    settings: bool = False
    calendar: bool = False
    documents: bool = False  # documents of `request_ids` (kind, added)

    @classmethod
    def everything(cls) -> "Changes":
        """For a write that cannot say what it touched (and when another database file is opened)."""
        return cls(requests=True, lsps=True, settings=True, calendar=True, documents=True)

    @classmethod
    def of_request(cls, request_id: int | None, *, documents: bool = False, requests: bool = True) -> "Changes":
        return cls(request_ids=frozenset({request_id} if request_id is not None else ()), requests=requests,
                   documents=documents)

    def touches(self, request_id: int | None) -> bool:
        """Whether a view of `request_id` must reload."""
        return request_id is not None and (request_id in self.request_ids or self.calendar or self.settings)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.request_ids | other.request_ids, self.requests or other.requests,
                       self.lsps or other.lsps, self.settings or other.settings, self.calendar or other.calendar,
                       self.documents or other.documents)


class Op(QObject):
    """One call on a worker thread: `finished(result)` or `failed(exception)` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)  # done, total, what: the work may emit it from its thread

    def __init__(self, fn: Callable[[], Any], storage: Storage | None, parent: QObject | None = None,
                 serial: bool = False):
        super().__init__(parent)
        self._fn = fn
        self._serial = serial
        self._storage = storage
        self._thread = threading.Thread(target=self._run, name="blanko-op", daemon=True)
        self.running = False

    def start(self) -> "Op":
        self.running = True
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            if self._serial:
                with ANALYSIS_LOCK:
                    result = self._fn()
            else:
                result = self._fn()
        except Exception as exc:  # reported to the GUI thread, which shows it
            self.running = False
            self._tell(lambda: self.failed.emit(exc))
        else:
            self.running = False
            self._tell(lambda: self.finished.emit(result))
        finally:
            # peewee keeps one connection per thread: close this thread's own (a switched or closed
            # database has nothing left to close; without a storage the work closes what it opened)
            if self._storage is not None:
                try:
                    self._storage.db.close()
                except Exception:
                    pass

    @staticmethod
    def _tell(emit: Callable[[], None]) -> None:
        try:
            emit()
        except RuntimeError:  # deleted with its parent (a window or dialog closed meanwhile): nobody to tell
            pass

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def query(storage: Storage, fn: Callable[[], Any], on_done: Callable[[Any], None],
          on_failed: Callable[[BaseException], None] | None = None, parent: QObject | None = None,
          serial: bool = False) -> Op:
    """Read off the GUI thread; `on_done(result)` runs on the GUI thread. Returns the started operation."""
    op = Op(fn, storage, parent, serial=serial)
    op.finished.connect(on_done)
    op.failed.connect(on_failed or (lambda _exc: None))
    return op.start()
