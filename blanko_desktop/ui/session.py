"""The open database and the officer acting on it; views listen to its signals to refresh."""

from __future__ import annotations

import logging

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from blanko_desktop.core import config, live
from blanko_desktop.core.audit import Actor
from blanko_desktop.core.config import LocalConfig
from blanko_desktop.core.errors import BlankoError
from blanko_desktop.core.services import Services
from blanko_desktop.core.storage import Storage, is_server_address, open_storage
from blanko_desktop.ui import i18n, messages
from blanko_desktop.ui.operations import Changes

T = TypeVar("T")

log = logging.getLogger(__name__)

# How often the window asks whether a colleague committed: on the GUI thread, one PRAGMA on a file, or the
# server's notifications drained without waiting (microseconds both).
POLL_MS = 2000


def as_target(text: Path | str) -> Path | str:
    """What a remembered entry opens: a server's address stays text, anything else is a file's path."""
    return str(text) if is_server_address(text) else Path(text)


class Session(QObject):
    """Holds Storage and Services for the UI; every write from a view goes through `perform`."""

    changed = Signal()           # data changed through the UI (any kind): views that cannot tell reload
    changes = Signal(object)     # the same, with what changed (operations.Changes): views reload what concerns them
    database_changed = Signal()  # another database (file or server) is open: views rebind and reload
    profile_changed = Signal()   # the officer's profile name changed
    busy = Signal(int)           # a write waits for another officer's lock (attempt number)

    def __init__(self, cfg: LocalConfig, storage: Storage, parent: QObject | None = None):
        super().__init__(parent)
        self.cfg = cfg
        self.storage = storage
        self.services = Services(storage, Actor.current(cfg.officer))
        storage.on_busy = self._on_busy
        self._seen_event = live.last_event_id(storage)
        self._poll_failed = False
        self._poll_timer: QTimer | None = None
        self._prime_watching()
        self._follow_office_zone()
        self.changed.connect(self._follow_office_zone)  # the office hours may have changed in Settings

    @property
    def read_only(self) -> bool:
        """The open database cannot be written (a file's permissions, a standby server): views show it and
        offer no writes."""
        return self.storage.read_only

    # -- colleagues' changes -------------------------------------------------------------------------

    def start_watching(self, interval_ms: int = POLL_MS) -> None:
        """Poll for colleagues' commits while the window is open (see `poll`)."""
        if self._poll_timer is None:
            self._poll_timer = QTimer(self)
            self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start(interval_ms)

    def stop_watching(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()

    def poll(self) -> Changes | None:
        """When another connection committed (a colleague, the CLI, this window's own workers), announce
        what its audit entries touched, after dropping the cached calendar: a colleague's new closure then
        counts in the next due time computed here. Returns what was announced (None: nothing new)."""
        try:
            if not self.storage.changed_elsewhere():
                return None
            touched = live.touched_since(self.storage, self._seen_event)
        except Exception:  # the share dropped for a moment: the next poll tries again; never a dialog per tick
            if not self._poll_failed:
                log.warning("could not poll the database for changes", exc_info=True)
            self._poll_failed = True
            return None
        self._poll_failed = False
        self._seen_event = touched.last_event
        if touched.other:
            changes = Changes.everything()
        elif touched.anything:
            changes = Changes(request_ids=touched.request_ids, requests=touched.requests, lsps=touched.lsps,
                              settings=touched.settings, calendar=touched.calendar, documents=touched.documents)
        else:  # committed without an audit entry (a repair, a vacuum): the lists are read again all the same
            changes = Changes(requests=True)
        if changes.calendar or changes.settings:
            self.services._calendar = None
        self.announce(changes)
        return changes

    # -- writes -------------------------------------------------------------------------------------

    def perform(self, parent: QWidget | None, fn: Callable[[], T], changes: Changes | None = None) -> T | None:
        """Run one service call; show a refusal as the core words it; announce `changes` on success
        (everything when the caller does not say).

        Returns the call's result, or None when it was refused (wrap a call that returns None
        itself as `lambda: call() or True`).
        """
        try:
            result = fn()
        except BlankoError as exc:
            messages.error(parent, exc)
            return None
        except Exception as exc:  # a bug or the machine (disk full, file locked by antivirus): say so, go on
            log.exception("unexpected error in a service call")
            messages.error(parent, exc)
            return None
        self.announce(changes or Changes.everything())
        return result

    def announce(self, changes: Changes) -> None:
        """Tell the views what changed (a write done here, or an operation that finished)."""
        self.changes.emit(changes)
        self.changed.emit()

    # -- database ------------------------------------------------------------------------------------

    def open_database(self, target: Path | str, create: bool = False) -> None:
        """Make `target` (a database file, or a PostgreSQL server's address) this workstation's database.

        The new one is opened before the current one is closed: when `target` cannot be used (StorageError),
        the current database stays open and the models stay on it (a refused open never binds them), so
        nothing has to be opened again, not even a server whose password was only typed.
        """
        target = as_target(target)
        storage = open_storage(target, create=create)
        old = self.storage
        try:
            old.close()
        except Exception:  # the old server dropped the connection: it is left behind all the same
            log.warning("could not close %s", old.location, exc_info=True)
        self._bind(storage)
        self.cfg.remember(storage.location)
        config.save(self.cfg)
        self.database_changed.emit()

    def _bind(self, storage: Storage) -> None:
        self.storage = storage
        storage.on_busy = self._on_busy
        self._seen_event = live.last_event_id(storage)
        self.services = Services(storage, self.services.actor)
        self._prime_watching()
        self._follow_office_zone()

    def _prime_watching(self) -> None:
        # a server starts LISTENing at its first call: made now, a colleague's commit before the first
        # poll is not missed (touched_since then reads it from the audit log)
        try:
            self.storage.changed_elsewhere()
        except Exception:
            log.warning("could not start watching the database for changes", exc_info=True)

    def _follow_office_zone(self) -> None:
        # the zone alone: building the calendar (holidays library) is not needed to read a clock
        hours = self.services.setting("office_hours") or {}
        try:
            i18n.set_office_zone(ZoneInfo(hours.get("tz") or "Asia/Jakarta"))
        except (ZoneInfoNotFoundError, ValueError):
            i18n.set_office_zone(None)

    def _on_busy(self, attempt: int) -> None:
        # the core retries by itself; say so, and let the window repaint (but take no clicks) meanwhile
        self.busy.emit(attempt)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def close(self) -> None:
        self.stop_watching()
        self.storage.close()

    # -- workstation settings ------------------------------------------------------------------------

    def set_officer(self, name: str) -> None:
        name = name.strip()
        if name == self.cfg.officer:
            return
        self.cfg.officer = name
        config.save(self.cfg)
        self.services = Services(self.storage, Actor.current(name))
        self.profile_changed.emit()

    def save_config(self) -> None:
        config.save(self.cfg)
