"""Slow work (reading a workbook, writing many rows) off the GUI thread, reported back by signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from blanko_desktop.core.storage import Storage

# Intake and checklist work share the core's analysis cache (a plain dict): one such task at a time.
ANALYSIS_LOCK = threading.Lock()


class Task(QObject):
    """One background call: `finished(result)` or `failed(exception)` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)  # done, total, what: the work may emit it from its thread

    def __init__(self, fn: Callable[[], Any], storage: Storage, parent: QObject | None = None,
                 serial: bool = False):
        super().__init__(parent)
        self._fn = fn
        self._serial = serial
        self._storage = storage
        self._thread = threading.Thread(target=self._run, name="blanko-task", daemon=True)
        self.running = False

    def start(self) -> "Task":
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
            self.failed.emit(exc)
        else:
            self.running = False
            self.finished.emit(result)
        finally:
            # peewee keeps one connection per thread: close this thread's own
            self._storage.db.close()

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)
